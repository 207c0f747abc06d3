'use strict';
// docwright for VS Code: starts `docwright lsp` and wires code actions, completion, inline
// completion and the docwright commands. The LSP client is written here (lib/) so the
// extension has no npm dependencies.
const vscode = require('vscode');
const { DocwrightClient } = require('./lib/client');
const features = require('./lib/features');
const { EXECUTE_SERVER_COMMAND } = require('./lib/convert');
const picker = require('./lib/pick');

// Languages the server's docstring/comment detection handles (also in package.json).
const LANGUAGES = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
  'go', 'rust', 'swift', 'java', 'kotlin', 'c', 'cpp', 'csharp', 'ruby', 'lua'];

// Settings the server reads: every docwright.* key of package.json except the client's own
// (package.json mirrors the server's docs/docwright.schema.json; tools/sync-config-schema.js).
const CLIENT_KEYS = ['path', 'inlineCompletion.enabled'];
const SERVER_KEYS = Object.keys(require('./package.json').contributes.configuration.properties)
  .map((key) => key.replace(/^docwright\./, ''))
  .filter((key) => !CLIENT_KEYS.includes(key));

/**
 * The docwright settings the user set explicitly. Unset keys are left out, so the server's
 * config files and defaults apply to them.
 */
function serverSettings() {
  const config = vscode.workspace.getConfiguration('docwright');
  const settings = {};
  for (const key of SERVER_KEYS) {
    const inspected = config.inspect(key);
    // `inspect` reports workspace values even where VS Code would ignore them: apply the
    // manifest's trust rules here too (machine scope; restricted keys in Restricted Mode).
    const fromWorkspace = inspected && workspaceMayDecide(key);
    const value = inspected && (fromWorkspace && inspected.workspaceFolderValue !== undefined
      ? inspected.workspaceFolderValue
      : fromWorkspace && inspected.workspaceValue !== undefined ? inspected.workspaceValue : inspected.globalValue);
    if (value !== undefined && value !== null) {
      settings[key] = value;
    }
  }
  return settings;
}

const PACKAGE = require('./package.json');
const RESTRICTED = ((PACKAGE.capabilities || {}).untrustedWorkspaces || {}).restrictedConfigurations || [];

/** Whether a repository's workspace settings may set `docwright.<key>`. */
function workspaceMayDecide(key) {
  const property = PACKAGE.contributes.configuration.properties[`docwright.${key}`] || {};
  if (property.scope === 'machine' || property.scope === 'application') return false;
  const trusted = vscode.workspace.isTrusted !== false;
  return trusted || !RESTRICTED.includes(`docwright.${key}`);
}

function serverCommand() {
  const config = vscode.workspace.getConfiguration('docwright');
  return { command: config.get('path') || 'docwright', args: ['lsp'] };
}

class Extension {
  constructor(context) {
    this.context = context;
    this.output = vscode.window.createOutputChannel('docwright');
    this.client = undefined;
    this.registrations = [];
  }

  async start() {
    const { command, args } = serverCommand();
    const client = new DocwrightClient({
      command,
      args,
      settings: serverSettings(),
      handles: (languageId) => LANGUAGES.includes(languageId),
      output: this.output,
    });
    client.onConnection((connection) => features.handleServerMessages(connection, {
      output: this.output,
      settings: serverSettings,
    }));
    this.client = client;
    const capabilities = await client.start();
    this.register(capabilities);
    this.output.appendLine(`docwright started: ${command} ${args.join(' ')}`);
    return client;
  }

  register(capabilities) {
    const selector = LANGUAGES.flatMap((language) =>
      [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]);
    const add = (disposable) => this.registrations.push(disposable);
    if (capabilities.codeActionProvider) {
      add(vscode.languages.registerCodeActionsProvider(selector, features.codeActionProvider(this.client), {
        providedCodeActionKinds: [vscode.CodeActionKind.Empty],
      }));
    }
    if (capabilities.completionProvider) {
      const triggers = capabilities.completionProvider.triggerCharacters || [];
      add(vscode.languages.registerCompletionItemProvider(selector,
        features.completionProvider(this.client), ...triggers));
    }
    const inlineEnabled = vscode.workspace.getConfiguration('docwright').get('inlineCompletion.enabled', true);
    if (capabilities.inlineCompletionProvider && inlineEnabled
        && vscode.languages.registerInlineCompletionItemProvider) {
      add(vscode.languages.registerInlineCompletionItemProvider(selector,
        features.inlineCompletionProvider(this.client)));
    }
  }

  async stop() {
    for (const d of this.registrations.splice(0)) {
      d.dispose();
    }
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.stop();
    }
  }

  async restart() {
    await this.stop();
    return this.start();
  }

  configurationChanged(event) {
    if (!event.affectsConfiguration('docwright')) {
      return;
    }
    if (event.affectsConfiguration('docwright.path')
        || event.affectsConfiguration('docwright.inlineCompletion.enabled')) {
      this.restart().catch((err) => this.fail(err));
      return;
    }
    if (this.client) {
      this.client.notify('workspace/didChangeConfiguration', { settings: { docwright: serverSettings() } });
    }
  }

  fail(err) {
    this.output.appendLine(String(err && err.stack || err));
    vscode.window.showErrorMessage(`docwright: ${err.message || err}`);
  }

  commands() {
    const needClient = (fn) => (...args) => {
      if (!this.client) {
        vscode.window.showWarningMessage('docwright: the server is not running');
        return undefined;
      }
      return fn(this.client, ...args);
    };
    return [
      vscode.commands.registerCommand('docwright.generate', needClient((client) =>
        features.generateAtCursor(client))),
      vscode.commands.registerCommand('docwright.pick', needClient((client, model) =>
        picker.pick(client, features.executeServerCommand, typeof model === 'string' ? model : undefined))),
      vscode.commands.registerCommand('docwright.compareModels', needClient((client) =>
        features.compareModels(client, vscode.workspace.getConfiguration('docwright').get('models')))),
      vscode.commands.registerCommand('docwright.restart', () => this.restart().catch((err) => this.fail(err))),
      vscode.commands.registerCommand('docwright.showOutput', () => this.output.show()),
      vscode.commands.registerCommand(EXECUTE_SERVER_COMMAND, needClient((client, command) =>
        features.executeServerCommand(client, command.command, command.arguments || []))),
    ];
  }
}

let current;

/** VS Code entry point. Returns a small API (used by the tests). */
async function activate(context) {
  const extension = new Extension(context);
  current = extension;
  context.subscriptions.push(...extension.commands(), extension.output,
    vscode.workspace.onDidChangeConfiguration((e) => extension.configurationChanged(e)));
  if (vscode.workspace.getConfiguration('docwright').get('enabled', true) === false) {
    return { extension };
  }
  try {
    await extension.start();
  } catch (err) {
    extension.fail(err);
  }
  return { extension };
}

async function deactivate() {
  picker.dispose();
  if (current) {
    await current.stop();
    current = undefined;
  }
}

module.exports = { activate, deactivate, serverSettings, LANGUAGES, SERVER_KEYS };
