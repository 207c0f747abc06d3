;;; lsp-mode-test.el --- docwright.el with lsp-mode, headless  -*- lexical-binding: t; -*-

;;; Commentary:

;;   HOME=$(mktemp -d) DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... \
;;   FAKE_MODEL_BODY='return a + b' timeout 300 emacs --batch -l editors/emacs/test/lsp-mode-test.el </dev/null
;;
;; Tests run in name order.

;;; Code:

(load (expand-file-name "docwright-test-helpers" (file-name-directory load-file-name)) nil t)
(require 'python)
(docwright-test-load-plugin)
(require 'lsp-mode)
(require 'lsp-completion)
;; In batch nothing autoloads lsp-mode's feature files: load the ones lsp turns on.
(dolist (feature '(lsp-modeline lsp-headerline lsp-diagnostics lsp-lens lsp-semantic-tokens))
  (require feature nil t))

(docwright-test-quiet-lsp-mode '(docwright))

(defconst docwright-lsp-generate "docwright: Generate implementation")

(defun docwright-lsp-visit (name lines)
  "Visit NAME holding LINES with lsp-mode running docwright."
  (docwright-test-visit name lines)
  (should (eq major-mode 'python-mode))
  ;; The project root is a workspace folder already: lsp-mode does not ask about it.
  (lsp-workspace-folders-add docwright-test-project)
  (lsp)
  (docwright-test-wait
   (lambda () (cl-some (lambda (ws) (and (eq (lsp--workspace-status ws) 'initialized)
                                         (eq (lsp--client-server-id (lsp--workspace-client ws)) 'docwright)))
                       (lsp-workspaces)))
   30 "lsp-mode to initialize docwright")
  (current-buffer))

(defun docwright-lsp-code-action (want)
  "Pick the code action whose title satisfies WANT, as M-x lsp-execute-code-action does."
  (let ((seen nil))
    (docwright-test-picking want seen
      (call-interactively #'lsp-execute-code-action))
    seen))

(defmacro docwright-lsp-deftest (name mode doc &rest body)
  "Define test NAME run only in DOCWRIGHT_TEST_MODE MODE."
  (declare (indent 3) (doc-string 3))
  `(ert-deftest ,name () ,doc
     (if (equal (docwright-test-mode) ,mode)
         (progn ,@body)
       (ert-skip "other mode"))))

(defvar docwright-lsp--generated nil "Buffer the generate test filled.")

(docwright-lsp-deftest docwright-lsp/1-code-action-generates "fake"
  "The Generate code action replaces the stub line with the body."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-lsp-visit "sample1.py" before)
    (docwright-test-goto 5 10)
    (let ((seen (docwright-lsp-code-action (lambda (title) (equal title docwright-lsp-generate)))))
      (docwright-test-wait-for-change before 60 (format "the generated edit (titles %S)" seen)))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    ;; docwright-settings reached the model request (as initializationOptions).
    (let ((request (docwright-test-last-model-request)))
      (should (equal (list (alist-get 'n request) (alist-get 'max_tokens request)) '(3 64))))
    (setq docwright-lsp--generated (current-buffer))))

(docwright-lsp-deftest docwright-lsp/2-cached-candidates "fake"
  "Asked again on the same stub, the cached candidates come as actions carrying the edit."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY"))
        seen)
    (should (buffer-live-p docwright-lsp--generated))
    (switch-to-buffer docwright-lsp--generated)
    (erase-buffer)
    (insert (string-join before "\n") "\n")
    (docwright-test-goto 5 10)
    (setq seen (docwright-lsp-code-action
                (lambda (title) (string-prefix-p "docwright: Use candidate 1" title))))
    (docwright-test-wait-for-change before 30 (format "the cached edit (titles %S)" seen))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    (should (string-match-p "\\`docwright: Use candidate 1 (logp -?[0-9]" (car seen)))))

(docwright-lsp-deftest docwright-lsp/3-generate-command "fake"
  "M-x docwright-generate applies at point, with non-ASCII text before point."
  (let* ((before (docwright-test-expected docwright-test-stub 5
                                          "    \"\"\"Return the sum of a and b — 加法 🙂.\"\"\""))
         (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-lsp-visit "sample3.py" before)
    (docwright-test-goto 5 (- (length (nth 4 before)) 3))
    (call-interactively #'docwright-generate)
    (docwright-test-wait-for-change before 60 "the edit from docwright-generate")
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))))

(docwright-lsp-deftest docwright-lsp/4-completion "fake"
  "Completion at point in a documented empty body offers the candidate, and applies its edit."
  (let ((before docwright-test-empty-body)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (docwright-lsp-visit "sample4.py" before)
    (docwright-test-goto 3 4)
    (let* ((capf (lsp-completion-at-point))
           (candidates (all-completions "" (nth 2 capf)))
           (chosen (car (cl-member body candidates :test (lambda (a b) (equal a (string-trim b))))))
           (exit (plist-get (nthcdr 3 capf) :exit-function)))
      (should chosen)
      ;; Accept it the way company-mode and corfu do: insert the candidate over the
      ;; completion bounds, then call the exit function (which applies the textEdit).
      ;; (M-x completion-at-point in batch only lists the candidates.)
      (delete-region (nth 0 capf) (nth 1 capf))
      (goto-char (nth 0 capf))
      (insert chosen)
      (funcall exit chosen 'finished))
    (should (equal (docwright-test-lines) (docwright-test-expected before 3 (concat "    " body))))))

(docwright-lsp-deftest docwright-lsp/5-compare "fake"
  "docwright-compare shows a report with a row and the best candidate per model."
  (docwright-lsp-visit "sample5.py" docwright-test-stub)
  (docwright-test-goto 5 10)
  (when (get-buffer "*docwright compare*") (kill-buffer "*docwright compare*"))
  (docwright-compare '("local"))
  (docwright-test-wait (lambda () (get-buffer "*docwright compare*")) 60 "the compare report")
  (let ((body (docwright-test-env "FAKE_MODEL_BODY")))
    (with-current-buffer "*docwright compare*"
      ;; eglot 1.9 and lsp-mode 8 cannot show documents: the report is docwright.el's.
      (should (string-match-p "^| local" (buffer-string)))
      (should (string-match-p (regexp-quote (format "```python\n    %s\n```" body))
                              (buffer-string))))))

(docwright-lsp-deftest docwright-lsp/6-real-model-method "real"
  "With the real model, the code action fills a method body at 8-space indentation."
  (let ((before docwright-test-method-stub))
    (docwright-lsp-visit "calc.py" before)
    (docwright-test-goto 3 12)
    (docwright-lsp-code-action (lambda (title) (equal title docwright-lsp-generate)))
    (docwright-test-wait-for-change before 180 "the generated edit")
    (docwright-test-check-mechanics before (docwright-test-lines) 4 "        ")))

(docwright-test-run-and-exit "docwright-lsp/")

;;; lsp-mode-test.el ends here
