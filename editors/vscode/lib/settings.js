'use strict';
// Which docwright.* settings go to the server, under which key, and where they may come from.
// VS Code names are camelCase (docwright.defaultModel); the snake_case names of earlier versions
// (docwright.default_model) are still read when the new one is unset. The server gets its own
// (TOML) keys.
const vscode = require('vscode');
const { execFile } = require('child_process');

const PACKAGE = require('../package.json');
const PROPERTIES = PACKAGE.contributes.configuration.properties;
const RESTRICTED = ((PACKAGE.capabilities || {}).untrustedWorkspaces || {}).restrictedConfigurations || [];
// Settings of the client itself (not sent to the server).
const CLIENT_KEYS = ['path', 'inlineCompletion.enabled'];

const snakeCase = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// [{ name (VS Code, camelCase), server (TOML key), old (earlier snake_case name or undefined) }]
const SERVER_SETTINGS = Object.keys(PROPERTIES)
  .map((key) => key.replace(/^docwright\./, ''))
  .filter((name) => !CLIENT_KEYS.includes(name) && !PROPERTIES[`docwright.${name}`].markdownDeprecationMessage)
  .map((name) => ({ name, server: snakeCase(name), old: snakeCase(name) !== name ? snakeCase(name) : undefined }));

/** Whether a repository's workspace settings may set `docwright.<key>`. */
function workspaceMayDecide(key) {
  const property = PROPERTIES[`docwright.${key}`] || {};
  if (property.scope === 'machine' || property.scope === 'application') return false;
  const trusted = vscode.workspace.isTrusted !== false;
  return trusted || !RESTRICTED.includes(`docwright.${key}`);
}

/** The value of docwright.<key> VS Code would use under the trust rules, or undefined. */
function read(config, key) {
  const inspected = config.inspect(key);
  if (!inspected) return undefined;
  // `inspect` reports workspace values even where VS Code would ignore them: apply the
  // manifest's trust rules here too (machine scope; restricted keys in Restricted Mode).
  const fromWorkspace = workspaceMayDecide(key);
  const value = fromWorkspace && inspected.workspaceFolderValue !== undefined ? inspected.workspaceFolderValue
    : fromWorkspace && inspected.workspaceValue !== undefined ? inspected.workspaceValue : inspected.globalValue;
  return value === null ? undefined : value;
}

/** The docwright settings the user set explicitly, under the server's keys. */
function serverSettings() {
  const config = vscode.workspace.getConfiguration('docwright');
  const settings = {};
  for (const { name, server, old } of SERVER_SETTINGS) {
    let value = read(config, name);
    if (value === undefined && old) value = read(config, old);
    if (value !== undefined) settings[server] = value;
  }
  return settings;
}

// Providers whose models run on the user's machine (no per-token price).
const LOCAL_PROVIDERS = ['llamacpp', 'ollama', 'lmstudio', 'vllm', 'local'];

function describe(name, provider, url) {
  const loopback = /^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(url || '');
  return { name, provider, url, paid: !loopback && !LOCAL_PROVIDERS.includes(provider) };
}

/**
 * The model docwright uses by default: the one `docwright.defaultModel` names when set here
 * (its provider from `docwright.models` or the preset's name), else the one
 * `docwright doctor --json --no-probe` routes `file` to (no request reaches any model).
 * { name, provider, url, paid } or undefined.
 */
function routedModel(command, file, settings = serverSettings()) {
  const name = settings.default_model;
  if (name) {
    const entry = (settings.models || {})[name] || {};
    const provider = entry.provider || String(entry.preset || name).split('/')[0];
    return Promise.resolve(describe(name, provider, entry.base_url));
  }
  return routedByDoctor(command, file);
}

function routedByDoctor(command, file) {
  const args = ['doctor', '--json', '--no-probe'];
  if (file) args.push('--file', file);
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 20000, env: process.env }, (err, stdout) => {
      let report;
      try { report = JSON.parse(stdout); } catch (_) { resolve(undefined); return; }
      const line = (report.route || []).find((l) => /^route:/.test(l)) || '';
      const match = /model "([^"]+)" \((\S+)[^)]*? at (\S+?)\)/.exec(line);
      if (!match) {
        // No file to route: the configured default model, judged by its (preset) name.
        const entry = (report.effective || []).find((e) => e.key === 'default_model');
        let name;
        try { name = entry && JSON.parse(entry.value); } catch (_) { name = undefined; }
        resolve(typeof name === 'string' ? describe(name, name.split('/')[0], undefined) : undefined);
        return;
      }
      resolve(describe(match[1], match[2], match[3]));
    });
  });
}

module.exports = { SERVER_SETTINGS, serverSettings, routedModel, workspaceMayDecide, snakeCase };
