#!/usr/bin/env node
'use strict';
// Regenerates the server settings in package.json's configuration schema from the server's
// own schema (docs/docwright.schema.json), so VS Code's settings mirror the TOML keys exactly.
//
//   node editors/vscode/tools/sync-config-schema.js [path/to/docwright.schema.json]
//
// Every server setting defaults to null (= not set): only values the user sets are sent, so
// docwright's config files keep deciding everything else.
const fs = require('fs');
const path = require('path');

const PACKAGE = path.join(__dirname, '..', 'package.json');
const DEFAULT_SCHEMA = path.join(__dirname, '..', '..', '..', 'docs', 'docwright.schema.json');

// Settings of the VS Code client itself (not sent to the server).
const CLIENT_PROPERTIES = {
  'docwright.path': {
    type: 'string',
    default: 'docwright',
    // Never from a repository's .vscode/settings.json: that would run the repository's program.
    scope: 'machine',
    markdownDescription: 'The docwright binary: a name on `PATH` or an absolute path. It is started as `docwright lsp`. '
      + 'Read from user settings only.',
  },
  'docwright.inlineCompletion.enabled': {
    type: ['boolean', 'null'],
    default: null,
    markdownDescription: "Offer docwright's implementations as inline (ghost text) completions. Unset (null): on when "
      + 'the model docwright routes to is local (a loopback URL or a local provider such as llama.cpp or Ollama), off '
      + 'for hosted, paid models (`docwright doctor --json` says which), so typing never spends money unasked.',
  },
};

/** The VS Code name of a server key: top-level keys in camelCase (`default_model` → `defaultModel`). */
function camelCase(key) {
  return key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

// Workspace trust (docs/security.md), the same rule as the server's for .docwright.toml: settings
// that choose where code is sent or which key is used are read from the user's own settings only
// (`machine` scope: VS Code ignores them in a repository's .vscode/settings.json) ...
const MACHINE_SCOPED = ['models', 'cache', 'budget'];
// ... and settings that can loosen privacy, verification or the on/off switches are ignored from
// the workspace while VS Code has it in Restricted Mode (capabilities.untrustedWorkspaces).
const RESTRICTED = ['path', 'models', 'cache', 'budget', 'privacy', 'enabled', 'verify', 'routes', 'languages'];

function inline(node, definitions) {
  if (Array.isArray(node)) return node.map((n) => inline(n, definitions));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    return inline(definitions[name], definitions);
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(value, definitions);
  return out;
}

/** The `docwright.*` server settings for package.json, from the server's JSON schema. */
function serverProperties(schema) {
  const properties = {};
  for (const [key, original] of Object.entries(schema.properties)) {
    const node = inline(original, schema.definitions || {});
    const { description, default: serverDefault, ...rest } = node;
    let property;
    if (rest.oneOf) {
      property = { ...rest, oneOf: [...rest.oneOf, { type: 'null' }] };
    } else {
      property = { ...rest, type: [rest.type, 'null'] };
      if (rest.enum) property.enum = [...rest.enum, null];
    }
    const fallback = serverDefault === undefined ? '' : ` Server default: \`${JSON.stringify(serverDefault)}\`.`;
    property.default = null;
    property.markdownDescription = `${description || ''}${fallback} Unset (null): docwright's config files decide.`.trim();
    if (MACHINE_SCOPED.includes(key)) {
      property.scope = 'machine';
      property.markdownDescription += ' Read from user settings only: a repository cannot choose endpoints or keys.';
    }
    properties[`docwright.${camelCase(key)}`] = property;
  }
  // The snake_case names of earlier versions are still read (the camelCase one wins).
  for (const key of Object.keys(schema.properties)) {
    if (camelCase(key) !== key) {
      const renamed = `docwright.${camelCase(key)}`;
      properties[`docwright.${key}`] = {
        ...properties[renamed],
        markdownDeprecationMessage: `Renamed to \`${renamed}\` (this name is still read when that one is unset).`,
      };
    }
  }
  return properties;
}

function expectedCapabilities() {
  return {
    untrustedWorkspaces: {
      supported: 'limited',
      description: 'In Restricted Mode docwright ignores workspace settings that choose endpoints, keys, or loosen privacy; '
        + "a repository's .docwright.toml needs `docwright trust` as well.",
      restrictedConfigurations: RESTRICTED.map((key) => `docwright.${key}`),
    },
    virtualWorkspaces: false,
  };
}

function expectedProperties(schema) {
  return { ...CLIENT_PROPERTIES, ...serverProperties(schema) };
}

if (require.main === module) {
  const schemaPath = process.argv[2] || DEFAULT_SCHEMA;
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(PACKAGE, 'utf8'));
  pkg.contributes.configuration.properties = expectedProperties(schema);
  pkg.capabilities = expectedCapabilities();
  fs.writeFileSync(PACKAGE, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`updated ${PACKAGE} from ${schemaPath}`);
}

module.exports = { camelCase, expectedProperties, expectedCapabilities, CLIENT_PROPERTIES, DEFAULT_SCHEMA, MACHINE_SCOPED, RESTRICTED };
