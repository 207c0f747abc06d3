'use strict';
// The extension's life around the server (stub `vscode`, real docwright binary, scripted model):
// the status bar item, camelCase settings (old snake_case names still read), inline suggestions
// off by default for paid models, and bounded restarts after crashes.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const h = require('../testing/harness');

const { vscode } = h;
const mode = h.env('DOCWRIGHT_TEST_MODE');

const STUB = ['def add(a, b):', '    """Return the sum of a and b, said differently."""', '    pass', ''];

// The last request for STUB the scripted model received (other test files share the model).
function lastModelRequest() {
  const lines = fs.readFileSync(h.env('FAKE_MODEL_LOG'), 'utf8').trim().split('\n')
    .filter((line) => line.includes('said differently'));
  return JSON.parse(lines[lines.length - 1]).body;
}

if (mode === 'fake') {
  let extension;
  let api;
  const settings = vscode._stub.settings;
  const status = () => vscode.window.statusBarItems[vscode.window.statusBarItems.length - 1];
  const waitReady = (what) => h.waitFor(() => api.extension.client && /docwright: ready/.test(status().tooltip),
    20000, what);

  before(async () => {
    process.env.DOCWRIGHT_LOCAL_MODEL_URL = h.env('FAKE_MODEL_URL');
    settings.set('docwright.path', h.env('DOCWRIGHT_BIN'));
    settings.set('docwright.n', 3);
    extension = require('../extension');
    api = await extension.activate({ subscriptions: [], extensionPath: require('path').join(__dirname, '..') });
    assert.ok(api.extension.client, `the server started (messages: ${JSON.stringify(vscode._stub.messages)})`);
  });

  after(async () => {
    if (extension) await extension.deactivate();
  });

  test('the status bar item names the model and the state', async () => {
    await waitReady('the server to be ready');
    assert.ok(status().visible, 'shown');
    assert.match(status().text, /docwright local$/);
    assert.equal(status().command, 'docwright.showOutput');
  });

  test('camelCase settings reach the server under its keys; the old snake_case names are still read', async () => {
    settings.set('docwright.max_tokens', 40);
    assert.equal(extension.serverSettings().max_tokens, 40, 'old name alone');
    settings.set('docwright.maxTokens', 33);
    settings.set('docwright.topP', 0.9);
    const sent = extension.serverSettings();
    assert.equal(sent.max_tokens, 33, 'the new name wins');
    assert.equal(sent.top_p, 0.9);
    assert.equal(sent.maxTokens, undefined, 'the server gets its own keys only');
    await vscode.workspace.getConfiguration('docwright').update('n', 2); // sends didChangeConfiguration
    const doc = await h.openFile('life1.py', STUB);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(new vscode.Position(1, 8), new vscode.Position(1, 8));
    await vscode.commands.executeCommand('docwright.generate');
    await h.waitFor(() => h.lines(doc)[2] !== '    pass', 60000, 'the generated edit');
    assert.deepEqual([lastModelRequest().max_tokens, lastModelRequest().top_p], [33, 0.9]);
    settings.delete('docwright.max_tokens');
    settings.delete('docwright.maxTokens');
    settings.delete('docwright.topP');
  });

  test('inline suggestions: off by default for a paid model, on for the local one, the setting wins', async () => {
    const python = { languageId: 'python', uri: vscode.Uri.file('/x.py') };
    settings.set('docwright.models', { gpt: { preset: 'openrouter/openai/gpt-4o' } });
    await vscode.workspace.getConfiguration('docwright').update('defaultModel', 'gpt'); // restarts
    await waitReady('the restart with a paid default model');
    assert.equal(h.providers('inline', python).length, 0, 'no inline provider for a paid model');
    assert.match(status().text, /docwright gpt$/);
    assert.match(status().tooltip, /inline suggestions off/);
    await vscode.workspace.getConfiguration('docwright').update('inlineCompletion.enabled', true);
    await waitReady('the restart with inline suggestions forced on');
    assert.equal(h.providers('inline', python).length, 1, 'the explicit setting wins');
    settings.delete('docwright.inlineCompletion.enabled');
    settings.delete('docwright.models');
    await vscode.workspace.getConfiguration('docwright').update('defaultModel', null);
    await waitReady('the restart with the local model');
    assert.equal(h.providers('inline', python).length, 1, 'inline provider for the local model');
    assert.match(status().text, /docwright local$/);
  });

  test('a crashed server is restarted, a bounded number of times', async () => {
    await waitReady('the server');
    const first = api.extension.client;
    first.process.kill('SIGKILL');
    await h.waitFor(() => api.extension.client && api.extension.client !== first
      && /docwright: ready/.test(status().tooltip), 20000, 'the restart after a crash');
    const doc = await h.openFile('life2.py', STUB);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(new vscode.Position(1, 8), new vscode.Position(1, 8));
    await vscode.commands.executeCommand('docwright.generate');
    await h.waitFor(() => h.lines(doc)[2] !== '    pass', 60000, 'an edit from the restarted server');
    // Keep crashing it: after a few restarts the extension gives up and says so.
    const stopped = () => /docwright: stopped/.test(status().tooltip);
    for (let i = 0; i < 10 && !stopped(); i += 1) {
      const client = api.extension.client;
      await h.waitFor(() => client.connection, 20000, 'the server to start');
      client.process.kill('SIGKILL');
      await h.waitFor(() => stopped() || (api.extension.client && api.extension.client !== client
        && /docwright: ready/.test(status().tooltip)), 20000, 'a restart, or giving up');
    }
    assert.equal(api.extension.client, undefined, 'not restarted forever');
    assert.match(status().tooltip, /stopped/);
    assert.ok(vscode._stub.messages.some(([kind, m]) => kind === 'error' && /keeps crashing/.test(m)),
      JSON.stringify(vscode._stub.messages));
    await vscode.commands.executeCommand('docwright.restart');
    await waitReady('a manual restart');
  });
}
