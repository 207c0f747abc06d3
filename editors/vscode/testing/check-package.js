'use strict';
// Static checks of the extension manifest against the code (VS Code itself is not available):
// prints "ok - …"/"not ok - …" lines; exits 1 on failure.
require('./register');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
let failed = 0;
function check(name, fn) {
  try {
    fn();
    console.log(`ok - ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${name}: ${err.message}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const extension = require(path.join(root, pkg.main));
const source = [path.join(root, 'extension.js')].concat(
  fs.readdirSync(path.join(root, 'lib')).map((f) => path.join(root, 'lib', f)))
  .map((f) => fs.readFileSync(f, 'utf8')).join('\n');

check('package.json names an entry point that exports activate/deactivate', () => {
  assert(typeof extension.activate === 'function' && typeof extension.deactivate === 'function',
    'activate/deactivate missing');
  assert(pkg.engines && pkg.engines.vscode, 'engines.vscode missing');
});

check('every contributed command is registered by the extension', () => {
  for (const { command } of pkg.contributes.commands) {
    assert(source.includes(`registerCommand('${command}'`), `${command} is never registered`);
  }
});

check('activation events cover exactly the languages the client serves', () => {
  const events = pkg.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice(11));
  assert(JSON.stringify([...events].sort()) === JSON.stringify([...extension.LANGUAGES].sort()),
    `activationEvents ${events} vs LANGUAGES ${extension.LANGUAGES}`);
});

check('the configuration schema has docwright.path and every server setting', () => {
  const props = pkg.contributes.configuration.properties;
  assert(props['docwright.path'], 'docwright.path missing');
  for (const key of extension.SERVER_KEYS) {
    assert(props[`docwright.${key}`], `docwright.${key} missing`);
    assert(props[`docwright.${key}`].default === null,
      `docwright.${key} must default to null so the server's config file applies`);
  }
});

const { expectedProperties, DEFAULT_SCHEMA } = require('../tools/sync-config-schema');
if (fs.existsSync(DEFAULT_SCHEMA)) {
  check('the settings schema mirrors docs/docwright.schema.json (tools/sync-config-schema.js)', () => {
    const schema = JSON.parse(fs.readFileSync(DEFAULT_SCHEMA, 'utf8'));
    const expected = JSON.stringify(expectedProperties(schema), null, 2);
    const actual = JSON.stringify(pkg.contributes.configuration.properties, null, 2);
    assert(expected === actual, 'package.json is out of date: run node editors/vscode/tools/sync-config-schema.js');
  });
} else {
  console.log(`# ${DEFAULT_SCHEMA} is not in this checkout: schema sync not checked`);
}

check('a repository cannot choose endpoints, keys or the binary (workspace trust)', () => {
  const props = pkg.contributes.configuration.properties;
  for (const key of ['path', 'models', 'cache', 'budget']) {
    assert(props[`docwright.${key}`].scope === 'machine', `docwright.${key} must have scope "machine"`);
  }
  const untrusted = pkg.capabilities && pkg.capabilities.untrustedWorkspaces;
  assert(untrusted && untrusted.supported === 'limited', 'capabilities.untrustedWorkspaces.supported must be "limited"');
  for (const key of ['path', 'models', 'privacy', 'enabled', 'verify', 'routes', 'languages']) {
    assert(untrusted.restrictedConfigurations.includes(`docwright.${key}`), `docwright.${key} not restricted`);
  }
  const { expectedCapabilities } = require('../tools/sync-config-schema');
  assert(JSON.stringify(pkg.capabilities) === JSON.stringify(expectedCapabilities()),
    'capabilities out of date: run node editors/vscode/tools/sync-config-schema.js');
});

check('the extension has no npm dependencies', () => {
  assert(!pkg.dependencies || Object.keys(pkg.dependencies).length === 0, 'dependencies declared');
  const requires = [...source.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
  const external = requires.filter((r) => !r.startsWith('.') && r !== 'vscode'
    && !require('module').builtinModules.includes(r.replace(/^node:/, '')));
  assert(external.length === 0, `external modules: ${external}`);
});

process.exit(failed ? 1 : 0);
