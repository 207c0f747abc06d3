'use strict';
// A minimal LSP client for `docwright lsp` over stdio: process lifecycle, initialize,
// incremental document sync. Features (code actions, completion, …) live in features.js.
const { spawn } = require('child_process');
const vscode = require('vscode');
const { Connection } = require('./rpc');

const TEXT_DOCUMENT_SYNC_INCREMENTAL = 2;

function clientCapabilities() {
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: false },
      executeCommand: { dynamicRegistration: false },
    },
    textDocument: {
      synchronization: { didSave: false, willSave: false, dynamicRegistration: false },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source'] },
        },
        isPreferredSupport: true,
        disabledSupport: true,
        resolveSupport: { properties: ['edit'] },
        dataSupport: true,
      },
      completion: {
        completionItem: { snippetSupport: true, insertReplaceSupport: true,
          documentationFormat: ['markdown', 'plaintext'] },
        contextSupport: true,
      },
      inlineCompletion: { dynamicRegistration: false },
    },
    window: { workDoneProgress: true, showDocument: { support: true },
      showMessage: { messageActionItem: { additionalPropertiesSupport: false } } },
  };
}

class DocwrightClient {
  /**
   * @param {object} options
   * @param {string} options.command  the docwright binary
   * @param {string[]} options.args
   * @param {object} options.settings initializationOptions (docwright settings)
   * @param {(string) => boolean} options.handles does the client serve this languageId
   * @param {{appendLine(string): void}} options.output
   */
  constructor(options) {
    this.options = options;
    this.output = options.output;
    this.connection = undefined;
    this.process = undefined;
    this.capabilities = {};
    this.openDocuments = new Set();
    this.disposables = [];
    this.setupHandlers = [];
  }

  /** Registers a function called when the server exits without being stopped (a crash). */
  onExit(callback) {
    this.exitHandler = callback;
  }

  /** Registers a function that installs request/notification handlers on each new connection. */
  onConnection(setup) {
    this.setupHandlers.push(setup);
  }

  log(line) {
    this.output.appendLine(line);
  }

  async start() {
    const { command, args } = this.options;
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    this.process = child;
    const started = new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err) => reject(new Error(
        `could not start ${command}: ${err.message}. Set "docwright.path" to the docwright binary.`)));
    });
    child.stderr.on('data', (chunk) => this.log(chunk.toString('utf8').replace(/\n$/, '')));
    child.on('exit', (code, signal) => {
      this.log(`docwright exited (code ${code}, signal ${signal})`);
      if (!this.stopping && this.exitHandler) this.exitHandler(code, signal);
    });
    await started;
    const connection = new Connection(child.stdout, child.stdin, (line) => this.log(line));
    this.connection = connection;
    for (const setup of this.setupHandlers) {
      setup(connection);
    }
    const folders = vscode.workspace.workspaceFolders || [];
    const result = await connection.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'docwright-vscode', version: '0.1.0' },
      rootUri: folders[0] ? folders[0].uri.toString() : null,
      workspaceFolders: folders.map((f) => ({ uri: f.uri.toString(), name: f.name })),
      capabilities: clientCapabilities(),
      initializationOptions: this.options.settings,
    });
    this.capabilities = (result && result.capabilities) || {};
    const encoding = this.capabilities.positionEncoding;
    if (encoding && encoding !== 'utf-16') {
      throw new Error(`docwright chose position encoding ${encoding}; this client speaks utf-16 only`);
    }
    connection.notify('initialized', {});
    this.watchDocuments();
    return this.capabilities;
  }

  watchDocuments() {
    for (const document of vscode.workspace.textDocuments) {
      this.didOpen(document);
    }
    if (vscode.workspace.onDidChangeWorkspaceFolders) {
      // Multi-root: the server hears about every folder added or removed.
      this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders((e) =>
        this.notify('workspace/didChangeWorkspaceFolders', { event: {
          added: e.added.map((f) => ({ uri: f.uri.toString(), name: f.name })),
          removed: e.removed.map((f) => ({ uri: f.uri.toString(), name: f.name })),
        } })));
    }
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.didOpen(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.didChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.didClose(d)),
    );
  }

  serves(document) {
    return ['file', 'untitled'].includes(document.uri.scheme) && this.options.handles(document.languageId);
  }

  didOpen(document) {
    const uri = document.uri.toString();
    if (!this.serves(document) || this.openDocuments.has(uri)) {
      return;
    }
    this.openDocuments.add(uri);
    this.connection.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: document.languageId, version: document.version,
        text: document.getText() },
    });
  }

  didChange(event) {
    const uri = event.document.uri.toString();
    if (!this.openDocuments.has(uri) || event.contentChanges.length === 0) {
      return;
    }
    const sync = this.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync && sync.change;
    const contentChanges = kind === TEXT_DOCUMENT_SYNC_INCREMENTAL
      ? event.contentChanges.map((c) => ({
        range: { start: { line: c.range.start.line, character: c.range.start.character },
          end: { line: c.range.end.line, character: c.range.end.character } },
        rangeLength: c.rangeLength,
        text: c.text,
      }))
      : [{ text: event.document.getText() }];
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri, version: event.document.version },
      contentChanges,
    });
  }

  didClose(document) {
    const uri = document.uri.toString();
    if (this.openDocuments.delete(uri)) {
      this.connection.notify('textDocument/didClose', { textDocument: { uri } });
    }
  }

  request(method, params, token) {
    if (!this.connection) {
      return Promise.reject(new Error('docwright server is not running'));
    }
    return this.connection.request(method, params, token);
  }

  notify(method, params) {
    if (this.connection) {
      this.connection.notify(method, params);
    }
  }

  /** Forgets a server that is gone (after a crash): no more document notifications. */
  dispose() {
    this.stopping = true;
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    this.connection = undefined;
  }

  /** Polite shutdown, then kill after a grace period. Resolves when the process is gone. */
  async stop() {
    this.stopping = true;
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await Promise.race([this.connection.request('shutdown', null),
        new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.connection.notify('exit', null);
    } catch (err) {
      this.log(`shutdown: ${err.message}`);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

module.exports = { DocwrightClient };
