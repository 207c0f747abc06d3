'use strict';
// Makes require('vscode') resolve to the stub, as VS Code's extension host would provide it.
const Module = require('module');
const path = require('path');

const stub = path.join(__dirname, 'vscode-stub.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveVscode(request, ...rest) {
  return request === 'vscode' ? stub : resolve.call(this, request, ...rest);
};
