#!/usr/bin/env bash
# docwright.el byte-compiles without warnings, its autoloads (as package.el generates them) load,
# and docwright sets itself up with eglot and lsp-mode whichever loads first.
#   editors/emacs/test/compile.sh [FEATURE...]   the clients whose registration is checked
#                                                (default: eglot lsp-mode)
#   EMACS=scripts/emacs30 editors/emacs/test/compile.sh eglot    the same with another Emacs
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EMACS="${EMACS:-emacs}"
case "$EMACS" in */*) EMACS="$(cd "$(dirname "$EMACS")" && pwd)/$(basename "$EMACS")" ;; esac
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
cp "$HERE"/docwright*.el "$DIR/"
export HOME="$DIR"
FILES=(docwright-report.el docwright-pick.el docwright-inline.el docwright.el)
# docwright-lsp.el requires lsp-mode (loaded only once lsp-mode is): compiled where lsp-mode is.
if "$EMACS" --batch --eval '(kill-emacs (if (locate-library "lsp-mode") 0 1))' >/dev/null 2>&1; then
  FILES+=(docwright-lsp.el)
fi
if out="$(cd "$DIR" && "$EMACS" --batch -L . --eval '(setq byte-compile-error-on-warn t)' -f batch-byte-compile "${FILES[@]}" 2>&1)" \
   && [ -f "$DIR/docwright.elc" ]; then
  echo "ok - docwright.el byte-compiles without warnings (${FILES[*]})"
else
  echo "not ok - docwright.el byte-compiles without warnings:"
  echo "$out" | grep -v '^Loading' | sed 's/^/# /'
fi
rm -f "$DIR"/*.elc
"$EMACS" --batch --eval "(progn (require 'package) (package-generate-autoloads \"docwright\" \"$DIR\"))" >/dev/null 2>&1
check() { # feature, lisp expression that must be non-nil once docwright and the feature are loaded
  local order
  for order in "(require 'docwright) (require '$1)" "(require '$1) (require 'docwright)"; do
    if "$EMACS" --batch --eval "(progn (add-to-list 'load-path \"$DIR\") (load \"$DIR/docwright-autoloads.el\" nil t)
          $order (kill-emacs (if $2 0 1)))" >/dev/null 2>&1; then
      echo "ok - docwright sets itself up with $1: $order"
    else
      echo "not ok - docwright sets itself up with $1: $order"
    fi
  done
}
[ "$#" -gt 0 ] || set -- eglot lsp-mode
for feature in "$@"; do
  case "$feature" in
    # eglot: set up (async docwright.generate) but not registered as the server (opt-in)
    eglot) check eglot "(and (memq 'eglot docwright--set-up) (fboundp 'docwright-eglot-with-rass) (not (rassq 'docwright--eglot-contact eglot-server-programs)))" ;;
    lsp-mode) check lsp-mode "(gethash 'docwright lsp-clients)" ;;
    *) echo "not ok - unknown client '$feature' (eglot, lsp-mode)" ;;
  esac
done
