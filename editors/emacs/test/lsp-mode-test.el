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
(docwright-test-quiet-lsp-mode '(docwright) 'lsp-completion)

;; The tests are docwright-test-helpers.el's, shared with eglot-test.el: what differs is
;; how lsp-mode visits, picks a code action and completes.

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

(defun docwright-lsp-complete (body)
  "Offered BODY by lsp-mode's completion at point, accept it as company-mode and corfu do."
  (let* ((capf (lsp-completion-at-point))
         (candidates (all-completions "" (nth 2 capf)))
         (chosen (car (cl-member body candidates :test (lambda (a b) (equal a (string-trim b))))))
         (exit (plist-get (nthcdr 3 capf) :exit-function)))
    (should chosen)
    ;; Insert the candidate over the completion bounds, then call the exit function (which
    ;; applies the textEdit).  (M-x completion-at-point in batch only lists the candidates.)
    (delete-region (nth 0 capf) (nth 1 capf))
    (goto-char (nth 0 capf))
    (insert chosen)
    (funcall exit chosen 'finished)))

;; lsp-mode 8 cannot show documents: the compare report is docwright.el's *docwright compare*.
(docwright-test-define-client-tests "docwright-lsp/"
  :visit #'docwright-lsp-visit
  :code-action #'docwright-lsp-code-action
  :complete #'docwright-lsp-complete
  :shows-documents #'ignore)

(docwright-test-run-and-exit "docwright-lsp/")

;;; lsp-mode-test.el ends here
