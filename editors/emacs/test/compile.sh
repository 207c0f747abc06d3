#!/usr/bin/env bash
# docwright.el byte-compiles without warnings, and its autoloads (as package.el generates them)
# register docwright with eglot and lsp-mode when those load.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
cp "$HERE/docwright.el" "$DIR/"
export HOME="$DIR"
if out="$(cd "$DIR" && emacs --batch --eval '(setq byte-compile-error-on-warn t)' -f batch-byte-compile docwright.el 2>&1)" \
   && [ -f "$DIR/docwright.elc" ]; then
  echo "ok - docwright.el byte-compiles without warnings"
else
  echo "not ok - docwright.el byte-compiles without warnings:"
  echo "$out" | grep -v '^Loading' | sed 's/^/# /'
fi
rm -f "$DIR/docwright.elc"
emacs --batch --eval "(progn (require 'package) (package-generate-autoloads \"docwright\" \"$DIR\"))" >/dev/null 2>&1
check() { # feature, lisp expression that must be non-nil after loading the autoloads and the feature
  if emacs --batch --eval "(progn (add-to-list 'load-path \"$DIR\") (load \"$DIR/docwright-autoloads.el\" nil t)
        (require '$1) (kill-emacs (if $2 0 1)))" >/dev/null 2>&1; then
    echo "ok - autoloads register docwright when $1 loads"
  else
    echo "not ok - autoloads register docwright when $1 loads"
  fi
}
check eglot "(eq (cdr (car eglot-server-programs)) 'docwright--eglot-contact)"
check lsp-mode "(gethash 'docwright lsp-clients)"
