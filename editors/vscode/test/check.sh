#!/usr/bin/env bash
# Syntax of every .js file (node --check) and the manifest checks of testing/check-package.js.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bad=0
for f in "$HERE"/extension.js "$HERE"/lib/*.js "$HERE"/testing/*.js "$HERE"/tools/*.js "$HERE"/test/*.js; do
  node --check "$f" 2>/tmp/docwright-node-check.$$ || { bad=1; echo "# $(cat /tmp/docwright-node-check.$$)"; }
done
rm -f /tmp/docwright-node-check.$$
if [ "$bad" = 0 ]; then echo "ok - node --check passes for every .js file"; else echo "not ok - node --check"; fi
node "$HERE/testing/check-package.js"
