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

(defconst docwright-eglot-generate "docwright: Generate implementation")

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

(defmacro docwright-eglot-deftest (name mode doc &rest body)
  "Define test NAME run only in DOCWRIGHT_TEST_MODE MODE."
  (declare (indent 3) (doc-string 3))
  `(ert-deftest ,name () ,doc
     (if (equal (docwright-test-mode) ,mode)
         (progn ,@body)
       (ert-skip "other mode"))))

(defvar docwright-eglot--generated nil "Buffer the generate test filled.")

(docwright-eglot-deftest docwright-eglot/1-code-action-generates "fake"
  "The Generate code action replaces the stub line with the body."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-eglot-visit "sample1.py" before)
    (docwright-test-goto 5 10)
    (let ((seen (docwright-eglot-code-action (lambda (title) (equal title docwright-eglot-generate)))))
      (docwright-test-wait-for-change before 60 (format "the generated edit (titles %S)" seen)))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    ;; docwright-settings reached the model request (as initializationOptions).
    (let ((request (docwright-test-last-model-request)))
      (should (equal (list (alist-get 'n request) (alist-get 'max_tokens request)) '(3 64))))
    (setq docwright-eglot--generated (current-buffer))))

(docwright-eglot-deftest docwright-eglot/2-cached-candidates "fake"
  "Asked again on the same stub, the cached candidates come as actions carrying the edit."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY"))
        seen)
    (should (buffer-live-p docwright-eglot--generated))
    (switch-to-buffer docwright-eglot--generated)
    (erase-buffer)
    (insert (string-join before "\n") "\n")
    (docwright-test-goto 5 10)
    (setq seen (docwright-eglot-code-action
                (lambda (title) (string-prefix-p "docwright: Use candidate 1" title))))
    (docwright-test-wait-for-change before 30 (format "the cached edit (titles %S)" seen))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    (should (string-match-p "\\`docwright: Use candidate 1 (logp -?[0-9]" (car seen)))))

(docwright-eglot-deftest docwright-eglot/3-generate-command "fake"
  "M-x docwright-generate applies at point, with non-ASCII text before point."
  (let* ((before (docwright-test-expected docwright-test-stub 5
                                          "    \"\"\"Return the sum of a and b — 加法 🙂.\"\"\""))
         (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-eglot-visit "sample3.py" before)
    (docwright-test-goto 5 (- (length (nth 4 before)) 3))
    (call-interactively #'docwright-generate)
    (docwright-test-wait-for-change before 60 "the edit from docwright-generate")
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))))

(docwright-eglot-deftest docwright-eglot/4-completion "fake"
  "Completion at point in a documented empty body offers the candidate, and applies its edit."
  (let ((before docwright-test-empty-body)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-eglot-visit "sample4.py" before)
    (docwright-test-goto 3 4)
    (let* ((capf (eglot-completion-at-point))
           (labels (mapcar #'string-trim (all-completions "" (nth 2 capf)))))
      (should (member body labels)))
    (completion-at-point)
    (docwright-test-wait-for-change before 10 "the completion to be inserted")
    (should (equal (docwright-test-lines) (docwright-test-expected before 3 (concat "    " body))))))

(defun docwright-eglot-shows-documents-p ()
  "Non-nil when this eglot lets the server open documents (window/showDocument)."
  (let ((window (plist-get (eglot-client-capabilities (eglot-current-server)) :window)))
    (eq t (plist-get (plist-get window :showDocument) :support))))

(docwright-eglot-deftest docwright-eglot/5-compare "fake"
  "docwright-compare shows a report with a row and the best candidate per model.
eglot 1.9 cannot show documents: the report is docwright.el's *docwright compare*.
eglot 1.17 (Emacs 30) can: the server opens its own report file (window/showDocument)."
  (docwright-eglot-visit "sample5.py" docwright-test-stub)
  (docwright-test-goto 5 10)
  (when (get-buffer "*docwright compare*") (kill-buffer "*docwright compare*"))
  (let* ((by-server (docwright-eglot-shows-documents-p))
         (report-p (if by-server
                       (lambda (buffer)
                         (string-match-p "/compare-[0-9]+\\.md\\'" (or (buffer-file-name buffer) "")))
                     (lambda (buffer) (equal (buffer-name buffer) "*docwright compare*"))))
         (body (docwright-test-env "FAKE_MODEL_BODY"))
         report)
    (when (>= emacs-major-version 30) (should by-server))
    (docwright-compare '("local"))
    (setq report (docwright-test-wait (lambda () (cl-find-if report-p (buffer-list)))
                                      60 "the compare report"))
    (with-current-buffer report
      (should (string-match-p "^| local" (buffer-string)))
      (should (string-match-p (regexp-quote (format "```python\n    %s\n```" body))
                              (buffer-string))))
    (when by-server
      ;; The server showed it: docwright.el must not add a second report.
      (accept-process-output nil 1)
      (should-not (get-buffer "*docwright compare*")))))

(docwright-eglot-deftest docwright-eglot/6-real-model-method "real"
  "With the real model, the code action fills a method body at 8-space indentation."
  (let ((before docwright-test-method-stub)
        (jsonrpc-default-request-timeout 180))
    (docwright-eglot-visit "calc.py" before)
    (docwright-test-goto 3 12)
    (docwright-eglot-code-action (lambda (title) (equal title docwright-eglot-generate)))
    (docwright-test-wait-for-change before 180 "the generated edit")
    (docwright-test-check-mechanics before (docwright-test-lines) 4 "        ")))

(docwright-test-run-and-exit "docwright-eglot/")

;;; eglot-test.el ends here
