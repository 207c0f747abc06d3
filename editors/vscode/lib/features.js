'use strict';
// What the editor asks of the server (code actions, completion, inline completion) and what
// the server asks of the editor (applyEdit, messages, documents, progress, configuration).
const vscode = require('vscode');
const convert = require('./convert');

// Documents the server opened (window/showDocument): it opens its compareModels report itself.
let documentsShown = 0;

const MESSAGE_FUNCTIONS = {
  1: 'showErrorMessage',
  2: 'showWarningMessage',
  3: 'showInformationMessage',
  4: 'showInformationMessage',
};

/** Installs handlers for server → client requests and notifications on a new connection. */
function handleServerMessages(connection, { output, settings, onProgress }) {
  connection.onRequest('workspace/applyEdit', async (params) => {
    const applied = await vscode.workspace.applyEdit(convert.toWorkspaceEdit(params.edit));
    return applied ? { applied: true } : { applied: false, failureReason: 'VS Code refused the edit' };
  });
  connection.onRequest('workspace/configuration', (params) =>
    (params.items || []).map((item) => (item.section === 'docwright' ? settings() : null)));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/showMessageRequest', async (params) => {
    const show = vscode.window[MESSAGE_FUNCTIONS[params.type] || 'showInformationMessage'];
    const titles = (params.actions || []).map((a) => a.title);
    const chosen = await show(params.message, ...titles);
    return chosen ? { title: chosen } : null;
  });
  connection.onRequest('window/showDocument', async (params) => {
    documentsShown += 1;
    const uri = vscode.Uri.parse(params.uri);
    if (params.external) {
      return { success: await vscode.env.openExternal(uri) };
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, {
      preserveFocus: !params.takeFocus,
      selection: params.selection ? convert.toRange(params.selection) : undefined,
    });
    return { success: true };
  });
  connection.onNotification('window/showMessage', (params) => {
    const show = vscode.window[MESSAGE_FUNCTIONS[params.type] || 'showInformationMessage'];
    show(`docwright: ${params.message}`);
  });
  connection.onNotification('window/logMessage', (params) => output.appendLine(params.message));
  connection.onNotification('$/progress', (params) => {
    progress.update(params);
    if (onProgress && params && params.value) onProgress(params.value);
  });
}

// $/progress (begin/report/end) shown as VS Code window progress.
const progress = {
  active: new Map(), // token -> {report, done}
  update({ token, value }) {
    if (!value) {
      return;
    }
    if (value.kind === 'begin') {
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: value.title },
        (reporter) => new Promise((done) => {
          this.active.set(token, { reporter, done });
          if (value.message) {
            reporter.report({ message: value.message });
          }
        }));
    } else if (value.kind === 'report') {
      const entry = this.active.get(token);
      if (entry && value.message) {
        entry.reporter.report({ message: value.message });
      }
    } else if (value.kind === 'end') {
      const entry = this.active.get(token);
      if (entry) {
        this.active.delete(token);
        entry.done();
      }
    }
  },
};

function codeActionProvider(client) {
  return {
    async provideCodeActions(document, range, context, token) {
      const result = await client.request('textDocument/codeAction', {
        textDocument: convert.fromDocument(document),
        range: convert.fromRange(range),
        context: {
          diagnostics: [],
          only: context.only ? [context.only.value] : undefined,
          triggerKind: context.triggerKind,
        },
      }, token);
      return (result || []).map(convert.toCodeAction);
    },
    async resolveCodeAction(action, token) {
      const item = action.lspItem;
      const resolvable = client.capabilities.codeActionProvider
        && client.capabilities.codeActionProvider.resolveProvider;
      if (!item || item.edit || item.command || !resolvable) {
        return action;
      }
      const resolved = await client.request('codeAction/resolve', item, token);
      if (resolved && resolved.edit) {
        action.edit = convert.toWorkspaceEdit(resolved.edit);
      }
      return action;
    },
  };
}

function completionProvider(client) {
  return {
    async provideCompletionItems(document, position, token, context) {
      const result = await client.request('textDocument/completion', {
        textDocument: convert.fromDocument(document),
        position: convert.fromPosition(position),
        context: { triggerKind: (context && context.triggerKind || 0) + 1,
          triggerCharacter: context && context.triggerCharacter },
      }, token);
      if (!result) {
        return [];
      }
      const items = (Array.isArray(result) ? result : result.items).map(convert.toCompletionItem);
      return new vscode.CompletionList(items, !Array.isArray(result) && result.isIncomplete);
    },
  };
}

function inlineCompletionProvider(client) {
  return {
    async provideInlineCompletionItems(document, position, context, token) {
      const result = await client.request('textDocument/inlineCompletion', {
        textDocument: convert.fromDocument(document),
        position: convert.fromPosition(position),
        // vscode: Invoke = 0, Automatic = 1; LSP: Invoked = 1, Automatic = 2.
        context: { triggerKind: context.triggerKind + 1 },
      }, token);
      if (!result) {
        return [];
      }
      const items = Array.isArray(result) ? result : result.items || [];
      return new vscode.InlineCompletionList(items.map(convert.toInlineItem));
    },
  };
}

/** Runs a server command with window progress; errors become error messages. */
async function executeServerCommand(client, command, args) {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `docwright: ${command}` },
    async () => {
      try {
        return await client.request('workspace/executeCommand', { command, arguments: args });
      } catch (err) {
        vscode.window.showErrorMessage(`docwright: ${command} failed: ${err.message}`);
        return undefined;
      }
    });
}

function cursorArgument(editor) {
  return {
    uri: editor.document.uri.toString(),
    position: convert.fromPosition(editor.selection.active),
  };
}

/**
 * The server's Markdown report in a compareModels result. The server renders it once (its
 * `markdown` field); the extension only shows it.
 */
function reportText(result) {
  if (typeof result === 'string') {
    return result;
  }
  const text = result && (result.markdown || result.report);
  if (typeof text === 'string') {
    return text;
  }
  return `# docwright: model comparison\n\nThe server sent no report: ${JSON.stringify(result)}\n`;
}

async function compareModels(client, models) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    vscode.window.showWarningMessage('docwright: open a file and put the cursor on a documented stub');
    return undefined;
  }
  const configured = Object.keys(models || {});
  const picked = await vscode.window.showQuickPick(configured.length ? configured : ['local'], {
    canPickMany: true,
    title: 'docwright: models to compare',
  });
  if (!picked || picked.length === 0) {
    return undefined;
  }
  const argument = { ...cursorArgument(editor), models: picked };
  const shown = documentsShown;
  const result = await executeServerCommand(client, 'docwright.compareModels', [argument]);
  // The server shows its report with window/showDocument (answered before this reply);
  // open one from the result only when it did not.
  if (result !== undefined && result !== null && documentsShown === shown) {
    const content = reportText(result, editor.document.languageId);
    const document = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
    await vscode.window.showTextDocument(document, { preview: true });
  }
  return result;
}

async function generateAtCursor(client) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    vscode.window.showWarningMessage('docwright: open a file and put the cursor on a documented stub');
    return undefined;
  }
  return executeServerCommand(client, 'docwright.generate', [cursorArgument(editor)]);
}

module.exports = {
  reportText,
  codeActionProvider,
  compareModels,
  completionProvider,
  executeServerCommand,
  generateAtCursor,
  handleServerMessages,
  inlineCompletionProvider,
};
