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

const { SERVER_SETTINGS, serverSettings, routedModel } = require('./lib/settings');
const { Status } = require('./lib/status');

const SERVER_KEYS = SERVER_SETTINGS.map((s) => s.name);

// Restart after a crash at most this many times within RESTART_WINDOW_MS.
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

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
    this.status = new Status();
    this.crashes = [];
    this.model = undefined;
  }

  async start() {
    const { command, args } = serverCommand();
    this.status.set('starting');
    const editor = vscode.window.activeTextEditor;
    this.model = await routedModel(command, editor && editor.document.uri.scheme === 'file'
      ? editor.document.uri.fsPath : undefined);
    if (this.model) this.status.setModel(this.model.name, this.model.paid);
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
      onProgress: (value) => {
        if (value.kind === 'begin') this.status.set('generating', value.title);
        if (value.kind === 'end') this.status.set(/^failed/.test(value.message || '') ? 'failed' : 'ready', value.message);
      },
    }));
    client.onExit((code, signal) => this.crashed(client, code, signal));
    this.client = client;
    const capabilities = await client.start();
    this.register(capabilities);
    this.status.set('ready');
    this.output.appendLine(`docwright started: ${command} ${args.join(' ')}`);
    return client;
  }

  /** The server died without being asked to: restart it, a bounded number of times. */
  crashed(client, code, signal) {
    if (client !== this.client) return;
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    if (this.crashes.length > MAX_RESTARTS) {
      this.status.set('stopped', `crashed ${this.crashes.length} times in a few minutes`);
      vscode.window.showErrorMessage(`docwright: the server keeps crashing (code ${code}, signal ${signal}); `
        + 'not restarting it. See "docwright: Show output", then run "docwright: Restart server".');
      this.dropClient();
      return;
    }
    this.status.set('restarting', `exited (code ${code}, signal ${signal})`);
    this.output.appendLine(`docwright: restarting after a crash (${this.crashes.length}/${MAX_RESTARTS})`);
    this.dropClient();
    this.start().catch((err) => this.fail(err));
  }

  dropClient() {
    for (const d of this.registrations.splice(0)) d.dispose();
    if (this.client) this.client.dispose();
    this.client = undefined;
  }

  /** Inline suggestions: the setting when set; else on for local models, off for paid ones. */
  inlineEnabled() {
    const value = vscode.workspace.getConfiguration('docwright').get('inlineCompletion.enabled');
    if (typeof value === 'boolean') return value;
    return !(this.model && this.model.paid);
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
    if (capabilities.inlineCompletionProvider && this.inlineEnabled()
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
    this.crashes = [];
    return this.start();
  }

  configurationChanged(event) {
    if (!event.affectsConfiguration('docwright')) {
      return;
    }
    if (event.affectsConfiguration('docwright.path')
        || event.affectsConfiguration('docwright.inlineCompletion.enabled')
        || event.affectsConfiguration('docwright.defaultModel') || event.affectsConfiguration('docwright.default_model')
        || event.affectsConfiguration('docwright.models') || event.affectsConfiguration('docwright.routes')) {
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
  context.subscriptions.push(...extension.commands(), extension.output, extension.status,
    vscode.workspace.onDidChangeConfiguration((e) => extension.configurationChanged(e)));
  if (vscode.workspace.getConfiguration('docwright').get('enabled', true) === false) {
    extension.status.set('off', 'docwright.enabled is false');
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
