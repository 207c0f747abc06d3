'use strict';
// docwright.pick against the real docwright binary (stub `vscode`, see extension.test.js):
// the scripted model answers "Return the product of a and b" stubs with two candidates
// ("return a * b", then "return b * a"; Tests/fixtures/editors-pick-replies.json).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../testing/harness');

const { vscode } = h;
const mode = h.env('DOCWRIGHT_TEST_MODE');

const STUB = [
  'import math',
  '',
  '',
  'def mul(a, b):',
  '    """Return the product of a and b."""',
  '    pass',
  '',
  '',
  'def untouched():',
  '    return 1',
];

// Scripted model only: the real model's candidates are not known in advance.
if (mode === 'fake') {
  let extension;

  before(async () => {
    process.env.DOCWRIGHT_LOCAL_MODEL_URL = mode === 'real'
      ? h.env('DOCWRIGHT_TEST_MODEL_URL') : h.env('FAKE_MODEL_URL');
    const settings = vscode._stub.settings;
    settings.set('docwright.path', h.env('DOCWRIGHT_BIN'));
    settings.set('docwright.defaultModel', 'local');
    settings.set('docwright.n', 3);
    settings.set('docwright.maxTokens', mode === 'real' ? 48 : 64);
    extension = require('../extension');
    const api = await extension.activate({ subscriptions: [], extensionPath: require('path').join(__dirname, '..') });
    assert.ok(api.extension.client, `the server started (messages: ${JSON.stringify(vscode._stub.messages)})`);
  });

  after(async () => {
    if (extension) await extension.deactivate();
  });

  async function openAtDocstring(name) {
    const doc = await h.openFile(name, STUB);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(new vscode.Position(4, 10), new vscode.Position(4, 10));
    return doc;
  }

  test('docwright.pick: QuickPick lists both candidates, #2 shows in a diff editor and exactly #2 is applied',
    async () => {
      const doc = await openAtDocstring('pick1.py');
      let items;
      vscode.window.pickQuickPick = (offered) => { items = offered; return offered[1]; };
      let diffShown;
      vscode.window.answerMessage = (message, ...choices) => {
        diffShown = vscode._stub.diffs[vscode._stub.diffs.length - 1];
        assert.match(message, /apply candidate #2\?/);
        return choices.find((c) => c === 'Apply');
      };
      const applied = await vscode.commands.executeCommand('docwright.pick');
      assert.equal(items.length, 2, JSON.stringify(items.map((i) => i.label)));
      assert.deepEqual(items.map((i) => i.label), ['#1', '#2']);
      assert.match(items[1].description, /local/, 'the model is named');
      assert.ok(diffShown, 'a diff editor was opened before the question');
      assert.equal(diffShown.left.toString(), doc.uri.toString(), 'the diff compares against the file');
      assert.equal(diffShown.rightText, STUB.map((l, i) => (i === 5 ? '    return b * a' : l)).join('\n') + '\n',
        'the diff shows the file with candidate 2 applied');
      assert.equal(applied.rank, 2);
      assert.deepEqual(h.lines(doc), STUB.map((l, i) => (i === 5 ? '    return b * a' : l)));
    });

  test('docwright.pick: declining leaves the file alone', async () => {
    const doc = await openAtDocstring('pick2.py');
    vscode.window.pickQuickPick = (offered) => offered[0];
    vscode.window.answerMessage = () => undefined;
    const applied = await vscode.commands.executeCommand('docwright.pick');
    assert.equal(applied, undefined);
    assert.deepEqual(h.lines(doc), STUB);
  });
}
