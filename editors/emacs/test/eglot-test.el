;;; eglot-test.el --- docwright.el with eglot, headless  -*- lexical-binding: t; -*-

;;; Commentary:

;;   HOME=$(mktemp -d) DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... \
;;   FAKE_MODEL_BODY='return a + b' timeout 300 emacs --batch -l editors/emacs/test/eglot-test.el </dev/null
;;
;; Not `-Q': Debian's elpa-eglot loads from site-start.  Tests run in name order.
;; Emacs 30 with its built-in eglot: `scripts/emacs30 --batch -l ...' instead of `emacs'
;; (a private Emacs 30 that never loads the system's site-lisp).

;;; Code:

(load (expand-file-name "docwright-test-helpers" (file-name-directory load-file-name)) nil t)
(require 'eglot)
(require 'python)
;; docwright alone as eglot's server for python-mode (opt-in); eglot-rass-test.el runs it
;; beside pylsp instead.
(setq docwright-register-with-eglot t)
(docwright-test-load-plugin)

(setq eglot-confirm-server-initiated-edits nil
      eglot-sync-connect 30
      eglot-autoreconnect nil)
;; The real model can take minutes to answer the code action's request (the one "real" test).
(when (equal (docwright-test-mode) "real")
  (setq jsonrpc-default-request-timeout 180))

;; The tests are docwright-test-helpers.el's, shared with lsp-mode-test.el: what differs is
;; how eglot visits, picks a code action and completes.

(defun docwright-eglot-visit (name lines)
  "Visit NAME holding LINES and make sure eglot manages it with docwright."
  (docwright-test-visit name lines)
  (should (eq major-mode 'python-mode))
  (unless (eglot-current-server)
    ;; What M-x eglot does, minus the questions: the contact comes from eglot-server-programs,
    ;; where docwright.el put docwright for python-mode.
    (let ((contact (eglot--guess-contact)))
      (should (equal (car (nth 3 contact)) docwright-program))
      (apply #'eglot contact)))
  (docwright-test-wait (lambda () (and (eglot-current-server)
                                       (eglot--server-capable :codeActionProvider)))
                       30 "eglot to connect")
  (current-buffer))

(defun docwright-eglot-code-action (want)
  "Pick the code action whose title satisfies WANT, as M-x eglot-code-actions does."
  (let ((seen nil) (last-nonmenu-event ?\r))
    (docwright-test-picking want seen
      (eglot-code-actions (point) nil nil t))
    seen))

(defun docwright-eglot-complete (body)
  "Offered BODY by eglot's completion at point, accept it with M-x completion-at-point."
  (let* ((capf (eglot-completion-at-point))
         (labels (mapcar #'string-trim (all-completions "" (nth 2 capf)))))
    (should (member body labels)))
  (completion-at-point))

(defun docwright-eglot-shows-documents-p ()
  "Non-nil when this eglot lets the server open documents (window/showDocument)."
  (let* ((window (plist-get (eglot-client-capabilities (eglot-current-server)) :window))
         (shows (eq t (plist-get (plist-get window :showDocument) :support))))
    (when (>= emacs-major-version 30) (should shows))
    shows))

;; eglot 1.9 cannot show documents (the report is docwright.el's *docwright compare*);
;; eglot 1.17 (Emacs 30) can (the server opens its own report file).
(docwright-test-define-client-tests "docwright-eglot/"
  :visit #'docwright-eglot-visit
  :code-action #'docwright-eglot-code-action
  :complete #'docwright-eglot-complete
  :shows-documents #'docwright-eglot-shows-documents-p)

(docwright-test-run-and-exit "docwright-eglot/")

;;; eglot-test.el ends here
