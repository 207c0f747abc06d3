'use strict';
// Helpers for the extension tests: what VS Code itself would do around the extension.
require('./register');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} must be set (see scripts/test-editors)`);
  }
  return value;
}

async function waitFor(fn, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let project;
/** Writes lines to `name` in a temporary project (with .git) and opens it as a document. */
async function openFile(name, lines) {
  if (!project) {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'docwright-vscode-'));
    fs.mkdirSync(path.join(project, '.git'));
  }
  const file = path.join(project, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return vscode.workspace.openTextDocument(vscode.Uri.file(file));
}

function lines(doc) {
  return doc.getText().replace(/\n$/, '').split('\n');
}

function providers(kind, doc) {
  return vscode._stub.registry[kind].filter((entry) => vscode._stub.matches(entry.selector, doc));
}

function token() {
  return new vscode.CancellationTokenSource().token;
}

/** Asks every code action provider for actions at `position`, as the light bulb does. */
async function codeActions(doc, position) {
  const all = [];
  for (const { provider } of providers('codeActions', doc)) {
    const range = new vscode.Range(position, position);
    const actions = await provider.provideCodeActions(doc, range,
      { diagnostics: [], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: undefined }, token());
    for (const action of actions || []) all.push({ provider, action });
  }
  return all;
}

/** Runs a chosen code action the way VS Code does: resolve if needed, apply edit, run command. */
async function runCodeAction({ provider, action }) {
  if (!action.edit && provider.resolveCodeAction) {
    action = (await provider.resolveCodeAction(action, token())) || action;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
}

/** Replaces the whole document text, as a user edit. */
async function setText(doc, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
}

function insertTextString(text) {
  return typeof text === 'string' ? text : text.value;
}

/** Accepts a completion item: its insertText replaces its range (or the word range). */
async function acceptCompletion(doc, item, position) {
  const range = item.range ? (item.range.replacing || item.range) : new vscode.Range(position, position);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, insertTextString(item.insertText !== undefined ? item.insertText : item.label));
  await vscode.workspace.applyEdit(edit);
}

module.exports = {
  vscode, env, waitFor, openFile, lines, providers, token, codeActions, runCodeAction, setText,
  acceptCompletion, insertTextString,
};
