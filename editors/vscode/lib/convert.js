'use strict';
// Conversions between LSP JSON and the vscode API. Positions need no re-encoding: the client
// negotiates UTF-16, which is what VS Code counts in.
const vscode = require('vscode');

// The server's commands run through this client-side command, so they get progress and errors.
const EXECUTE_SERVER_COMMAND = 'docwright.executeServerCommand';

function toPosition(p) {
  return new vscode.Position(p.line, p.character);
}

function toRange(r) {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

function fromPosition(p) {
  return { line: p.line, character: p.character };
}

function fromRange(r) {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}

function fromDocument(document) {
  return { uri: document.uri.toString() };
}

function toWorkspaceEdit(edit) {
  const result = new vscode.WorkspaceEdit();
  if (!edit) {
    return result;
  }
  for (const [uri, edits] of Object.entries(edit.changes || {})) {
    for (const e of edits) {
      result.replace(vscode.Uri.parse(uri), toRange(e.range), e.newText);
    }
  }
  for (const change of edit.documentChanges || []) {
    if (change.kind) {
      throw new Error(`docwright: file ${change.kind} operations are not supported`);
    }
    for (const e of change.edits) {
      result.replace(vscode.Uri.parse(change.textDocument.uri), toRange(e.range), e.newText);
    }
  }
  return result;
}

function toCommand(command) {
  if (!command) {
    return undefined;
  }
  return { title: command.title, command: EXECUTE_SERVER_COMMAND, arguments: [command] };
}

function isLspCommand(item) {
  return typeof item.command === 'string';
}

/** An LSP Command or CodeAction as a vscode.CodeAction; the original is kept for resolving. */
function toCodeAction(item) {
  if (isLspCommand(item)) {
    const action = new vscode.CodeAction(item.title, vscode.CodeActionKind.Empty);
    action.command = toCommand(item);
    return action;
  }
  const kind = item.kind ? vscode.CodeActionKind.Empty.append(item.kind) : undefined;
  const action = new vscode.CodeAction(item.title, kind);
  if (item.edit) {
    action.edit = toWorkspaceEdit(item.edit);
  }
  if (item.command) {
    action.command = toCommand(item.command);
  }
  if (item.isPreferred) {
    action.isPreferred = true;
  }
  if (item.disabled) {
    action.disabled = item.disabled;
  }
  action.lspItem = item;
  return action;
}

function markup(value) {
  if (!value) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  return value.kind === 'markdown' ? new vscode.MarkdownString(value.value) : value.value;
}

function insertText(text, format) {
  return format === 2 ? new vscode.SnippetString(text) : text;
}

function toCompletionItem(item) {
  const result = new vscode.CompletionItem(item.label, vscode.CompletionItemKind.Snippet);
  result.detail = item.detail;
  result.documentation = markup(item.documentation);
  result.sortText = item.sortText;
  result.filterText = item.filterText;
  result.preselect = item.preselect;
  const edit = item.textEdit;
  if (edit) {
    result.insertText = insertText(edit.newText, item.insertTextFormat);
    result.range = edit.range
      ? toRange(edit.range)
      : { inserting: toRange(edit.insert), replacing: toRange(edit.replace) };
  } else if (item.insertText !== undefined) {
    result.insertText = insertText(item.insertText, item.insertTextFormat);
  }
  if (item.additionalTextEdits) {
    result.additionalTextEdits = item.additionalTextEdits
      .map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText));
  }
  result.command = toCommand(item.command);
  return result;
}

function toInlineItem(item) {
  const text = typeof item.insertText === 'string'
    ? item.insertText
    : new vscode.SnippetString(item.insertText.value);
  const result = new vscode.InlineCompletionItem(text, item.range ? toRange(item.range) : undefined,
    toCommand(item.command));
  if (item.filterText) {
    result.filterText = item.filterText;
  }
  return result;
}

module.exports = {
  EXECUTE_SERVER_COMMAND,
  fromDocument,
  fromPosition,
  fromRange,
  toCodeAction,
  toCompletionItem,
  toInlineItem,
  toPosition,
  toRange,
  toWorkspaceEdit,
};
