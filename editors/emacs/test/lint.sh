#!/usr/bin/env bash
# package-lint (Debian elpa-package-lint) on docwright's Emacs package: prints "ok - …" or
# "not ok - …" with every message. One message is known to be stale and is ignored: package-lint
# 0.16 (Debian bookworm) predates Emacs 28's release and calls (emacs "28.1") "uninstallable in all
# released Emacs versions"; docwright.el is tested on Emacs 28 and 30.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
cp "$HERE"/docwright*.el "$DIR/"
export HOME="$DIR"
out="$(cd "$DIR" && emacs --batch --eval "(progn (require 'package-lint) (setq package-lint-main-file \"docwright.el\"))" \
  -f package-lint-batch-and-exit docwright.el docwright-pick.el docwright-inline.el docwright-report.el docwright-lsp.el 2>&1)"
messages="$(printf '%s\n' "$out" | grep -E '^docwright[a-z-]*\.el:[0-9]+:[0-9]+: ' \
  | grep -v '^docwright\.el:[0-9]*:[0-9]*: warning: This makes the package uninstallable in all released Emacs versions\.$')"
if ! printf '%s\n' "$out" | grep -q "Entering directory"; then
  echo "not ok - package-lint ran: $(printf '%s' "$out" | tail -3 | tr '\n' ' ')"
elif [ -n "$messages" ]; then
  echo "not ok - package-lint finds nothing in docwright.el, docwright-pick.el, docwright-inline.el, docwright-report.el, docwright-lsp.el:"
  printf '%s\n' "$messages" | sed 's/^/# /'
else
  echo "ok - package-lint finds nothing in docwright.el, docwright-pick.el, docwright-inline.el, docwright-report.el, docwright-lsp.el"
fi
