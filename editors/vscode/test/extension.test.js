'use strict';
// Drives extension.js against the real docwright binary through a stub `vscode` module
// (testing/vscode-stub.js): the providers and commands the extension registers are called
// the way VS Code calls them, and their edits are applied to in-memory documents.
//
//   DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... FAKE_MODEL_BODY='return a + b' \
//     node --test editors/vscode/test/
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../testing/harness');

const { vscode } = h;
const mode = h.env('DOCWRIGHT_TEST_MODE');
const GENERATE = 'docwright: Generate implementation';

const STUB = [
  'import math',
  '',
  '',
  'def add(a, b):',
  '    """Return the sum of a and b."""',
  '    pass',
  '',
  '',
  'def untouched():',
  '    return 1',
];
const EMPTY_BODY = [
  'def add(a, b):',
  '    """Return the sum of a and b."""',
  '    ',
  '',
  '',
  'def untouched():',
  '    return 1',
];

function replaced(lines, index, text) {
  const copy = [...lines];
  copy[index] = text;
  return copy;
}

let extension;

before(async () => {
  const bin = h.env('DOCWRIGHT_BIN');
  // The server is a child of this process: it inherits this environment.
  process.env.DOCWRIGHT_LOCAL_MODEL_URL = mode === 'real'
    ? h.env('DOCWRIGHT_TEST_MODEL_URL') : h.env('FAKE_MODEL_URL');
  const settings = vscode._stub.settings;
  settings.set('docwright.path', bin);
  settings.set('docwright.default_model', 'local');
  settings.set('docwright.n', 3);
  settings.set('docwright.temperature', 0.8);
  settings.set('docwright.max_tokens', mode === 'real' ? 48 : 64);
  extension = require('../extension');
  const context = { subscriptions: [], extensionPath: require('path').join(__dirname, '..') };
  const api = await extension.activate(context);
  assert.ok(api.extension.client, `the server started (messages: ${JSON.stringify(vscode._stub.messages)})`);
  assert.ok(h.providers('codeActions', { languageId: 'python', uri: vscode.Uri.file('/x.py') }).length > 0,
    'a code action provider is registered for python');
});

after(async () => {
  if (extension) await extension.deactivate();
});

test("a repository's workspace settings cannot choose endpoints, keys or the binary", () => {
  const workspace = vscode._stub.workspaceSettings;
  try {
    workspace.set('docwright.models', { evil: { provider: 'openai', base_url: 'http://evil.example/v1', model: 'm' } });
    workspace.set('docwright.privacy', { redact: false });
    workspace.set('docwright.routes', [{ language: 'python', model: 'evil' }]);
    workspace.set('docwright.n', 2);
    vscode.workspace.isTrusted = false;
    let sent = extension.serverSettings();
    assert.equal(sent.models, undefined, 'models come from user settings only');
    assert.equal(sent.privacy, undefined, 'privacy is restricted in Restricted Mode');
    assert.equal(sent.routes, undefined, 'routes are restricted in Restricted Mode');
    assert.equal(sent.n, 2, 'unrestricted settings still apply');
    vscode.workspace.isTrusted = true;
    sent = extension.serverSettings();
    assert.equal(sent.models, undefined, 'machine-scoped even in a trusted workspace');
    assert.deepEqual(sent.privacy, { redact: false });
    assert.equal(sent.routes.length, 1);
  } finally {
    workspace.clear();
    vscode.workspace.isTrusted = true;
  }
});

if (mode === 'fake') {
  const body = h.env('FAKE_MODEL_BODY');

  let generated;
  test('code action "Generate implementation" replaces the stub with the body', async () => {
    const doc = await h.openFile('sample1.py', STUB);
    const actions = await h.codeActions(doc, new vscode.Position(4, 10));
    const titles = actions.map((a) => a.action.title);
    const chosen = actions.find((a) => a.action.title === GENERATE);
    assert.ok(chosen, `"${GENERATE}" offered among ${JSON.stringify(titles)}`);
    await h.runCodeAction(chosen);
    await h.waitFor(() => h.lines(doc).join('\n') !== STUB.join('\n'), 60000, 'the generated edit');
    assert.deepEqual(h.lines(doc), replaced(STUB, 5, `    ${body}`));
    generated = doc;
  });

  test('after undo, cached candidates come back as code actions carrying the edit', async () => {
    assert.ok(generated, 'the previous test generated');
    await h.setText(generated, STUB.join('\n') + '\n');
    const actions = await h.codeActions(generated, new vscode.Position(4, 10));
    const titles = actions.map((a) => a.action.title);
    assert.match(titles[0] || '', /^docwright: Use candidate 1 \(logp -?\d/, JSON.stringify(titles));
    assert.ok(actions[0].action.edit, 'the cached action carries its edit');
    await h.runCodeAction(actions[0]);
    assert.deepEqual(h.lines(generated), replaced(STUB, 5, `    ${body}`));
  });

  test('docwright.generate applies at the cursor (non-ASCII before the cursor)', async () => {
    const lines = replaced(STUB, 4, '    """Return the sum of a and b — 加法 🙂."""');
    const doc = await h.openFile('sample3.py', lines);
    const editor = await vscode.window.showTextDocument(doc);
    const character = lines[4].length - 3; // UTF-16 units: just before the closing quotes
    editor.selection = new vscode.Selection(new vscode.Position(4, character), new vscode.Position(4, character));
    await vscode.commands.executeCommand('docwright.generate');
    await h.waitFor(() => h.lines(doc)[5] !== '    pass', 60000, 'the edit from docwright.generate');
    assert.deepEqual(h.lines(doc), replaced(lines, 5, `    ${body}`));
  });

  test('completion in a documented empty body offers the candidate with a usable range', async () => {
    const doc = await h.openFile('sample4.py', EMPTY_BODY);
    const position = new vscode.Position(2, 4);
    const [{ provider }] = h.providers('completion', doc);
    const list = await provider.provideCompletionItems(doc, position, h.token(),
      { triggerKind: vscode.CompletionTriggerKind.Invoke });
    const items = list.items || list;
    const item = items.find((i) => String(i.label).trim() === body);
    assert.ok(item, `an item labelled ${body} among ${JSON.stringify(items.map((i) => i.label))}`);
    assert.ok(item.detail, 'the item says which model and score');
    const range = item.range && (item.range.replacing || item.range);
    if (range) {
      // VS Code drops items whose range spans lines or does not contain the cursor.
      assert.ok(range.isSingleLine, 'completion range is single-line');
      assert.ok(range.contains(position), 'completion range contains the cursor');
    }
    await h.acceptCompletion(doc, item, position);
    assert.deepEqual(h.lines(doc), replaced(EMPTY_BODY, 2, `    ${body}`));
  });

  test('inline completion returns the body with a range, and accepting it inserts the body', async () => {
    const doc = await h.openFile('sample5.py', EMPTY_BODY);
    const position = new vscode.Position(2, 4);
    const [{ provider }] = h.providers('inline', doc);
    const list = await provider.provideInlineCompletionItems(doc, position,
      { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined }, h.token());
    const items = list.items || list;
    assert.ok(items.length > 0, 'at least one inline item');
    const item = items[0];
    const range = item.range || new vscode.Range(position, position);
    // VS Code shows ghost text only when the range contains the cursor.
    assert.ok(range.contains(position), 'inline range contains the cursor');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, h.insertTextString(item.insertText));
    await vscode.workspace.applyEdit(edit);
    assert.deepEqual(h.lines(doc), replaced(EMPTY_BODY, 2, `    ${body}`));
  });

  test('settings reach the model: initializationOptions, then a configuration change', async () => {
    const fs = require('fs');
    const lastRequest = () => {
      const lines = fs.readFileSync(h.env('FAKE_MODEL_LOG'), 'utf8').trim().split('\n');
      return JSON.parse(lines[lines.length - 1]).body;
    };
    const generate = async (name, doc) => {
      const lines = replaced(replaced(STUB, 3, `def ${name}(a, b):`), 4, `    """${doc}"""`);
      const document = await h.openFile(`${name}.py`, lines);
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(new vscode.Position(4, 8), new vscode.Position(4, 8));
      await vscode.commands.executeCommand('docwright.generate');
      await h.waitFor(() => h.lines(document)[5] !== '    pass', 60000, `the edit for ${name}`);
    };
    await generate('sub', 'Return a minus b.');
    assert.deepEqual([lastRequest().n, lastRequest().max_tokens], [3, 64], 'from initializationOptions');
    await vscode.workspace.getConfiguration('docwright').update('max_tokens', 17);
    await generate('mul', 'Return a times b.');
    assert.equal(lastRequest().max_tokens, 17, 'after workspace/didChangeConfiguration');
  });

  test('docwright.compareModels opens one report naming the model and its best candidate', async () => {
    const doc = await h.openFile('sample6.py', STUB);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(new vscode.Position(4, 10), new vscode.Position(4, 10));
    vscode.window.pickQuickPick = (items) => items.filter((i) => i === 'local');
    const before = vscode._stub.documents.length;
    await vscode.commands.executeCommand('docwright.compareModels');
    const reports = () => vscode._stub.documents.slice(before).filter((d) => d.languageId === 'markdown');
    await h.waitFor(() => reports().length > 0, 60000, 'the report document');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second one would come right after
    assert.equal(reports().length, 1, 'exactly one report opens');
    const text = reports()[0].getText();
    assert.match(text, /local/, 'the report names the model');
    assert.ok(text.includes('    ' + body), `the report shows the best candidate: ${text}`);
  });
}

if (mode === 'real') {
  const METHOD_STUB = [
    'class Calculator:',
    '    def add(self, a, b):',
    '        """Return the sum of a and b."""',
    '        pass',
    '',
    '    def untouched(self):',
    '        return 1',
  ];

  test('real model: code action fills a method body at 8-space indentation', async (t) => {
    const doc = await h.openFile('calc.py', METHOD_STUB);
    const actions = await h.codeActions(doc, new vscode.Position(2, 12));
    const chosen = actions.find((a) => a.action.title === GENERATE);
    assert.ok(chosen, `"${GENERATE}" offered among ${JSON.stringify(actions.map((a) => a.action.title))}`);
    await h.runCodeAction(chosen);
    await h.waitFor(() => h.lines(doc).join('\n') !== METHOD_STUB.join('\n'), 180000, 'the generated edit');
    const after = h.lines(doc);
    const context = '\n' + after.join('\n');
    assert.deepEqual(after.slice(0, 3), METHOD_STUB.slice(0, 3), 'lines above the stub' + context);
    assert.deepEqual(after.slice(after.length - 3), METHOD_STUB.slice(4), 'lines below the stub' + context);
    const inserted = after.slice(3, after.length - 3);
    t.diagnostic(`inserted: ${JSON.stringify(inserted)}`);
    assert.ok(inserted.length >= 1 && inserted[0].trim() !== '', 'code inserted' + context);
    assert.match(inserted[0], /^ {8}\S/, 'first inserted line indented by exactly 8' + context);
    for (const line of inserted) {
      if (line.trim() !== '') assert.match(line, /^ {8}/, 'inserted lines indented by >= 8' + context);
    }
  });
}
