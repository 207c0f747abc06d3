;;; debian-elpa.el --- lsp-mode from Debian's elpa sources for Emacs 30  -*- lexical-binding: t; -*-

;;; Commentary:

;; scripts/emacs30 runs without the system's site-lisp (Debian's .elc files there are compiled
;; for its Emacs 28, and its eglot 1.9 would shadow Emacs 30's own).  lsp-mode is not built in:
;; this puts the sources of Debian's elpa-lsp-mode and its dependencies (dash, f, ht, lv,
;; markdown-mode, s, spinner) on `load-path', nothing else, so Emacs 30 runs lsp-mode 8 from
;; source.  Load it before a test file:
;;
;;   scripts/emacs30 --batch -l editors/emacs/test/debian-elpa.el -l editors/emacs/test/lsp-mode-test.el

;;; Code:

(let ((found nil))
  (dolist (package '("dash" "f" "ht" "lv" "markdown-mode" "s" "spinner" "lsp-mode"))
    (let ((dirs (file-expand-wildcards
                 (format "/usr/share/emacs/site-lisp/elpa-src/%s-[0-9]*" package))))
      (unless dirs
        (error "No %s in /usr/share/emacs/site-lisp/elpa-src (apt-get install elpa-lsp-mode)" package))
      (dolist (dir dirs) (add-to-list 'load-path dir))
      (push package found)))
  found)

;;; debian-elpa.el ends here
