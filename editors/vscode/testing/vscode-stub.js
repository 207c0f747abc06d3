'use strict';
// A stand-in for the `vscode` module, enough to drive extension.js under node's test runner:
// in-memory text documents with VS Code's change events, a WorkspaceEdit that really edits
// them, configuration, and registries of the providers and commands the extension registers.
// It is NOT VS Code: rendering, the suggest widget's filtering and ghost text UI are not here.
const fs = require('fs');
const path = require('path');

class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose())); }
  dispose() { if (this.fn) { this.fn(); this.fn = undefined; } }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return new Disposable(() => this.listeners.delete(listener));
    };
  }
  fire(value) { for (const l of [...this.listeners]) l(value); }
  dispose() { this.listeners.clear(); }
}

class Uri {
  constructor(scheme, fsPath) { this.scheme = scheme; this.path = fsPath; this.fsPath = fsPath; }
  static file(p) { return new Uri('file', path.resolve(p)); }
  static parse(s) {
    const match = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(s);
    if (!match) throw new Error(`stub Uri.parse: cannot parse ${s}`);
    return new Uri(match[1], decodeURIComponent(match[2]));
  }
  toString() {
    if (this.scheme === 'file') return 'file://' + this.path.split('/').map(encodeURIComponent).join('/');
    return `${this.scheme}:${this.path}`;
  }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isEqual(o) { return this.line === o.line && this.character === o.character; }
  isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
  isBeforeOrEqual(o) { return this.isBefore(o) || this.isEqual(o); }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { a = new Position(a, b); b = new Position(c, d); }
    [this.start, this.end] = a.isBeforeOrEqual(b) ? [a, b] : [b, a];
  }
  get isSingleLine() { return this.start.line === this.end.line; }
  get isEmpty() { return this.start.isEqual(this.end); }
  contains(p) { return this.start.isBeforeOrEqual(p) && p.isBeforeOrEqual(this.end); }
}

class Selection extends Range {
  constructor(anchor, active) { super(anchor, active); this.anchor = anchor; this.active = active; }
}

class TextEdit {
  constructor(range, newText) { this.range = range; this.newText = newText; }
  static replace(range, text) { return new TextEdit(range, text); }
  static insert(pos, text) { return new TextEdit(new Range(pos, pos), text); }
  static delete(range) { return new TextEdit(range, ''); }
}

class WorkspaceEdit {
  constructor() { this.byUri = new Map(); }
  replace(uri, range, text) {
    const key = uri.toString();
    if (!this.byUri.has(key)) this.byUri.set(key, [uri, []]);
    this.byUri.get(key)[1].push(new TextEdit(range, text));
  }
  insert(uri, pos, text) { this.replace(uri, new Range(pos, pos), text); }
  delete(uri, range) { this.replace(uri, range, ''); }
  set(uri, edits) { this.byUri.set(uri.toString(), [uri, [...edits]]); }
  entries() { return [...this.byUri.values()]; }
  get size() { return this.byUri.size; }
}

class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Refactor = new CodeActionKind('refactor');
CodeActionKind.RefactorRewrite = new CodeActionKind('refactor.rewrite');
CodeActionKind.Source = new CodeActionKind('source');

class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class CompletionItem { constructor(label, kind) { this.label = label; this.kind = kind; } }
class CompletionList { constructor(items, isIncomplete) { this.items = items || []; this.isIncomplete = !!isIncomplete; } }
class InlineCompletionItem {
  constructor(insertText, range, command) { this.insertText = insertText; this.range = range; this.command = command; }
}
class InlineCompletionList { constructor(items) { this.items = items; } }
class SnippetString { constructor(value) { this.value = value; } }
class MarkdownString { constructor(value) { this.value = value; } }

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() { this.token.isCancellationRequested = true; this.emitter.fire(); }
  dispose() { this.emitter.dispose(); }
}

// ---- documents -------------------------------------------------------------------------

class TextDocument {
  constructor(uri, languageId, text) {
    this.uri = uri; this.languageId = languageId; this.text = text; this.version = 1; this.isClosed = false;
  }
  get fileName() { return this.uri.fsPath; }
  get lineCount() { return this.lines().length; }
  lines() { return this.text.split('\n'); }
  getText(range) {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  lineAt(line) {
    const text = this.lines()[typeof line === 'number' ? line : line.line];
    return { text, range: new Range(line, 0, line, text.length), isEmptyOrWhitespace: text.trim() === '',
      firstNonWhitespaceCharacterIndex: text.length - text.trimStart().length };
  }
  offsetAt(pos) {
    const lines = this.lines();
    const line = Math.min(pos.line, lines.length - 1);
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i].length + 1;
    return offset + Math.min(pos.character, lines[line].length);
  }
  positionAt(offset) {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  validatePosition(p) { return this.positionAt(this.offsetAt(p)); }
  validateRange(r) { return new Range(this.validatePosition(r.start), this.validatePosition(r.end)); }
  save() { fs.writeFileSync(this.uri.fsPath, this.text); return Promise.resolve(true); }
}

const events = {
  open: new EventEmitter(), change: new EventEmitter(), close: new EventEmitter(),
  configuration: new EventEmitter(), folders: new EventEmitter(),
};
const documents = [];
const LANGUAGE_BY_EXTENSION = { '.py': 'python', '.js': 'javascript', '.ts': 'typescript', '.go': 'go',
  '.rs': 'rust', '.c': 'c', '.cpp': 'cpp', '.java': 'java', '.rb': 'ruby', '.lua': 'lua', '.md': 'markdown' };

function findDocument(uri) { return documents.find((d) => d.uri.toString() === uri.toString()); }

let untitled = 0;
async function openTextDocument(arg) {
  if (arg && !(arg instanceof Uri) && typeof arg === 'object') {
    const doc = new TextDocument(new Uri('untitled', `Untitled-${++untitled}`), arg.language || 'plaintext', arg.content || '');
    documents.push(doc);
    events.open.fire(doc);
    return doc;
  }
  const uri = typeof arg === 'string' ? Uri.file(arg) : arg;
  const existing = findDocument(uri);
  if (existing) return existing;
  const doc = new TextDocument(uri, LANGUAGE_BY_EXTENSION[path.extname(uri.fsPath)] || 'plaintext',
    fs.readFileSync(uri.fsPath, 'utf8'));
  documents.push(doc);
  events.open.fire(doc);
  return doc;
}

/** Applies edits to one document the way VS Code does, firing one change event. */
function applyTextEdits(doc, edits) {
  const sorted = edits.map((e) => ({ e, start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) }))
    .sort((a, b) => b.start - a.start);
  const contentChanges = sorted.map(({ e, start, end }) => ({
    range: new Range(doc.positionAt(start), doc.positionAt(end)), rangeOffset: start,
    rangeLength: end - start, text: e.newText,
  }));
  let text = doc.text;
  for (const { e, start, end } of sorted) text = text.slice(0, start) + e.newText + text.slice(end);
  doc.text = text;
  doc.version += 1;
  events.change.fire({ document: doc, contentChanges, reason: undefined });
}

async function applyEdit(workspaceEdit) {
  for (const [uri, edits] of workspaceEdit.entries()) {
    const doc = findDocument(uri) || await openTextDocument(uri);
    applyTextEdits(doc, edits);
  }
  return true;
}

// ---- configuration ---------------------------------------------------------------------

const settings = new Map(); // 'docwright.path' -> value (global scope)
const workspaceSettings = new Map(); // the same, from the repository's .vscode/settings.json
function getConfiguration(section) {
  const full = (key) => (section ? `${section}.${key}` : key);
  return {
    get: (key, fallback) => (settings.has(full(key)) ? settings.get(full(key)) : fallback),
    has: (key) => settings.has(full(key)),
    inspect: (key) => ({ key: full(key), globalValue: settings.get(full(key)), workspaceValue: workspaceSettings.get(full(key)) }),
    update: async (key, value) => {
      settings.set(full(key), value);
      events.configuration.fire({ affectsConfiguration: (s) => full(key) === s || full(key).startsWith(`${s}.`) });
    },
  };
}

// ---- registries --------------------------------------------------------------------------

const registry = { codeActions: [], completion: [], inline: [], commands: new Map(), contentProviders: new Map() };
// vscode.diff calls: { left, right, title, rightText } (rightText from the content provider).
const diffs = [];
async function builtinCommand(id, args) {
  if (id === 'vscode.diff') {
    const [left, right, title] = args;
    const provider = registry.contentProviders.get(right.scheme);
    const rightText = provider ? await provider.provideTextDocumentContent(right, new CancellationTokenSource().token)
      : (findDocument(right) || {}).text;
    diffs.push({ left, right, title, rightText });
    return undefined;
  }
  throw new Error(`stub: command ${id} not found`);
}

function matches(selector, doc) {
  const list = Array.isArray(selector) ? selector : [selector];
  return list.some((s) => (typeof s === 'string' ? s === doc.languageId
    : (!s.language || s.language === doc.languageId) && (!s.scheme || s.scheme === doc.uri.scheme)));
}

function register(list, entry) {
  list.push(entry);
  return new Disposable(() => list.splice(list.indexOf(entry), 1));
}

const messages = [];
const quickPicks = [];
const window = {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  pickQuickPick: undefined, // tests set this: (items, options) => choice
  createOutputChannel: (name) => ({ name, lines: [], appendLine(l) { this.lines.push(l); if (process.env.DOCWRIGHT_TEST_TRACE) process.stderr.write(`[${name}] ${l}\n`); },
    append(l) { this.lines.push(l); }, show() {}, clear() { this.lines = []; }, dispose() {} }),
  answerMessage: undefined, // tests set this: (message, ...items) => the item clicked
  showInformationMessage: async (m, ...rest) => {
    messages.push(['info', m]);
    const items = rest.filter((r) => typeof r === 'string' || (r && r.title));
    return window.answerMessage ? window.answerMessage(m, ...items) : undefined;
  },
  showWarningMessage: async (m) => { messages.push(['warning', m]); return undefined; },
  showErrorMessage: async (m) => { messages.push(['error', m]); return undefined; },
  showQuickPick: async (items, options) => { quickPicks.push({ items, options }); return window.pickQuickPick ? window.pickQuickPick(items, options) : undefined; },
  showTextDocument: async (doc, options) => {
    const editor = { document: doc, selection: new Selection(new Position(0, 0), new Position(0, 0)), options };
    window.activeTextEditor = editor;
    window.visibleTextEditors.push(editor);
    return editor;
  },
  withProgress: async (options, task) => task({ report() {} }, new CancellationTokenSource().token),
  setStatusBarMessage: () => new Disposable(),
  statusBarItems: [],
  createStatusBarItem: (alignment, priority) => {
    const item = { alignment, priority, text: '', tooltip: '', command: undefined, visible: false,
      show() { this.visible = true; }, hide() { this.visible = false; }, dispose() { this.visible = false; } };
    window.statusBarItems.push(item);
    return item;
  },
};

const vscode = {
  Disposable, EventEmitter, Uri, Position, Range, Selection, TextEdit, WorkspaceEdit, CodeActionKind,
  CodeAction, CompletionItem, CompletionList, InlineCompletionItem, InlineCompletionList, SnippetString,
  MarkdownString, CancellationTokenSource,
  CompletionItemKind: { Text: 0, Method: 1, Function: 2, Snippet: 14 },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
  InlineCompletionTriggerKind: { Invoke: 0, Automatic: 1 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  window,
  workspace: {
    workspaceFolders: undefined,
    isTrusted: true,
    textDocuments: documents,
    getConfiguration,
    openTextDocument,
    applyEdit,
    onDidOpenTextDocument: events.open.event,
    onDidChangeTextDocument: events.change.event,
    onDidCloseTextDocument: events.close.event,
    onDidChangeConfiguration: events.configuration.event,
    onDidChangeWorkspaceFolders: events.folders.event,
    registerTextDocumentContentProvider: (scheme, provider) => {
      registry.contentProviders.set(scheme, provider);
      return new Disposable(() => registry.contentProviders.delete(scheme));
    },
  },
  languages: {
    registerCodeActionsProvider: (selector, provider, metadata) => register(registry.codeActions, { selector, provider, metadata }),
    registerCompletionItemProvider: (selector, provider, ...triggers) => register(registry.completion, { selector, provider, triggers }),
    registerInlineCompletionItemProvider: (selector, provider) => register(registry.inline, { selector, provider }),
  },
  commands: {
    registerCommand: (id, fn) => {
      if (registry.commands.has(id)) throw new Error(`command ${id} already registered`);
      registry.commands.set(id, fn);
      return new Disposable(() => registry.commands.delete(id));
    },
    executeCommand: async (id, ...args) => {
      const fn = registry.commands.get(id);
      if (!fn) return builtinCommand(id, args);
      return fn(...args);
    },
  },
  env: { openExternal: async () => true },
  // Test-only hooks (not part of the vscode API).
  _stub: {
    registry, messages, quickPicks, diffs, settings, workspaceSettings, documents, matches,
    closeDocument(doc) { documents.splice(documents.indexOf(doc), 1); doc.isClosed = true; events.close.fire(doc); },
    reset() {
      documents.splice(0); messages.splice(0); quickPicks.splice(0); diffs.splice(0); window.answerMessage = undefined; settings.clear(); workspaceSettings.clear();
      window.activeTextEditor = undefined; window.visibleTextEditors = []; window.pickQuickPick = undefined;
    },
  },
};

module.exports = vscode;
