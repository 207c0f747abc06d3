'use strict';
// docwright.pick: the server's ranked candidates (workspace/executeCommand docwright.candidates)
// in a QuickPick, each with its score, verification and model; the chosen one side by side
// with the file in a diff editor (vscode.diff against a virtual document holding the file with
// the candidate applied); applied with workspace.applyEdit after confirmation.
const vscode = require('vscode');
const convert = require('./convert');

const SCHEME = 'docwright-candidate';
const APPLY = 'Apply';

// Virtual documents: uri string -> text.
const contents = new Map();
let registered;

function ensureProvider() {
  if (!registered) {
    const changed = new vscode.EventEmitter();
    registered = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => contents.get(uri.toString()) || '',
    });
  }
  return registered;
}

/** The document's text with the candidate's edits for it applied (last edit first). */
function appliedText(document, edit) {
  const key = document.uri.toString();
  const edits = [];
  for (const [uri, list] of Object.entries(edit.changes || {})) {
    if (uri === key) edits.push(...list);
  }
  for (const change of edit.documentChanges || []) {
    if (change.textDocument && change.textDocument.uri === key) edits.push(...change.edits);
  }
  let text = document.getText();
  const offsets = edits.map((e) => ({
    start: document.offsetAt(convert.toPosition(e.range.start)),
    end: document.offsetAt(convert.toPosition(e.range.end)),
    newText: e.newText,
  })).sort((a, b) => b.start - a.start);
  for (const e of offsets) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

function quickPickItem(candidate) {
  const [rank, ...rest] = String(candidate.title || `#${candidate.rank}`).split(/\s{2,}/);
  return {
    label: rank,
    description: rest.join('  '),
    detail: String(candidate.text || '').trim().split('\n')[0],
    candidate,
  };
}

/** Shows the candidate as a diff against the document; returns the virtual document's URI. */
async function showDiff(document, candidate) {
  ensureProvider();
  const name = document.uri.path.split('/').pop();
  const uri = vscode.Uri.parse(`${SCHEME}:/${candidate.rank}/${name}`);
  contents.set(uri.toString(), appliedText(document, candidate.edit));
  await vscode.commands.executeCommand('vscode.diff', document.uri, uri,
    `${name} ↔ docwright candidate #${candidate.rank}`, { preview: true });
  return uri;
}

/** The picker: list, diff, confirm, apply. Returns the applied candidate (or undefined). */
async function pick(client, execute, model) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    vscode.window.showWarningMessage('docwright: open a file and put the cursor on a documented stub');
    return undefined;
  }
  const argument = {
    uri: editor.document.uri.toString(),
    position: convert.fromPosition(editor.selection.active),
  };
  if (model) argument.model = model;
  const result = await execute(client, 'docwright.candidates', [argument]);
  const candidates = (result && result.candidates) || [];
  if (candidates.length === 0) {
    if (result) vscode.window.showInformationMessage('docwright: no candidates here');
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(candidates.map(quickPickItem), {
    title: `docwright: ${candidates.length} candidates from ${result.model}${result.fromCache ? ' (cached)' : ''}`,
    placeHolder: 'Pick a candidate to see its diff',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return undefined;
  const candidate = chosen.candidate;
  const uri = await showDiff(editor.document, candidate);
  const answer = await vscode.window.showInformationMessage(
    `docwright: apply candidate #${candidate.rank}?`, { modal: true }, APPLY);
  contents.delete(uri.toString());
  if (answer !== APPLY) return undefined;
  const applied = await vscode.workspace.applyEdit(convert.toWorkspaceEdit(candidate.edit));
  if (!applied) {
    vscode.window.showErrorMessage(`docwright: VS Code refused candidate #${candidate.rank}'s edit`);
    return undefined;
  }
  return candidate;
}

function dispose() {
  if (registered) registered.dispose();
  registered = undefined;
  contents.clear();
}

module.exports = { pick, appliedText, dispose, SCHEME };
