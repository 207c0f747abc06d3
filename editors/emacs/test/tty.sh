#!/usr/bin/env bash
# Runs Emacs tests in a terminal Emacs (a pseudo-terminal from script(1)) instead of --batch, for
# what needs Emacs's command loop: idle timers never fire under --batch.
#   editors/emacs/test/tty.sh EMACS ARGS...    e.g. tty.sh emacs -l editors/emacs/test/inline-idle-test.el
# Emacs runs as `EMACS -nw -q ARGS'; the tests append their "ok - …" lines to $DOCWRIGHT_TEST_OUTPUT
# (docwright-test-print), printed here on stdout. The exit status is Emacs's.
set -uo pipefail
EMACS="$1"
shift
command -v script >/dev/null || { echo "not ok - script(1) (util-linux) is needed for a terminal Emacs"; exit 1; }
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
export DOCWRIGHT_TEST_OUTPUT="$OUT"
case "${TERM:-dumb}" in dumb|unknown) export TERM=xterm ;; esac
script -qec "$(printf '%q ' "$EMACS" -nw -q "$@")" /dev/null </dev/null >/dev/null 2>&1
rc=$?
cat "$OUT"
exit "$rc"
