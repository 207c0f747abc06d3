;;; lsp-mode-pylsp-test.el --- docwright as an lsp-mode add-on beside pylsp, headless  -*- lexical-binding: t; -*-

;;; Commentary:

;;   HOME=$(mktemp -d) DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... \
;;   FAKE_MODEL_BODY='return a + b' timeout 300 emacs --batch -l editors/emacs/test/lsp-mode-pylsp-test.el </dev/null
;;
;; lsp-mode starts its own pylsp client (lsp-pylsp, Debian python3-pylsp) and docwright, an
;; :add-on? client, in the same buffer.  The scripted model answers "Return the product of a
;; and b" stubs with two candidates ("return a * b", then "return b * a").

;;; Code:

(load (expand-file-name "docwright-test-helpers" (file-name-directory load-file-name)) nil t)
(require 'python)
(docwright-test-load-plugin)

(docwright-test-quiet-lsp-mode '(pylsp docwright) 'lsp-pylsp)

(defun docwright-lsp2-server-ids ()
  "The server ids of this buffer's initialized lsp-mode workspaces, sorted."
  (sort (mapcar (lambda (ws) (lsp--client-server-id (lsp--workspace-client ws)))
                (cl-remove-if-not (lambda (ws) (eq (lsp--workspace-status ws) 'initialized))
                                  (lsp-workspaces)))
        #'string<))

(defun docwright-lsp2-visit (name lines)
  "Visit NAME holding LINES with lsp-mode running pylsp and docwright."
  (docwright-test-visit name lines)
  (should (eq major-mode 'python-mode))
  (lsp-workspace-folders-add docwright-test-project)
  (lsp)
  (docwright-test-wait (lambda () (equal (docwright-lsp2-server-ids) '(docwright pylsp)))
                       30 "lsp-mode to initialize pylsp and docwright")
  (current-buffer))

(docwright-test-deftest-fake docwright-lsp2/1-pylsp-answers
  "pylsp and docwright both serve the buffer: pylsp answers hover."
  (docwright-lsp2-visit "both1.py" docwright-test-stub)
  (let ((hover (lsp-request "textDocument/hover"
                            (list :textDocument (list :uri (lsp--buffer-uri))
                                  :position (list :line 0 :character 8)))))
    (should (string-match-p "math" (format "%S" hover)))))

(docwright-test-deftest-fake docwright-lsp2/2-code-action
  "docwright's Generate code action applies with pylsp beside it."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY"))
        seen)
    (docwright-lsp2-visit "both2.py" before)
    (docwright-test-goto 5 10)
    (docwright-test-picking (lambda (title) (string-prefix-p "docwright: Generate implementation" title)) seen
      (call-interactively #'lsp-execute-code-action))
    (docwright-test-wait-for-change before 60 (format "the generated edit (titles %S)" seen))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    (should (equal (docwright-lsp2-server-ids) '(docwright pylsp)))))

(docwright-test-deftest-fake docwright-lsp2/3-pick-candidate-2
  "M-x docwright-pick with pylsp beside: previews #2's diff and applies exactly #2."
  (docwright-test-pick-candidate-2 #'docwright-lsp2-visit "both3.py"))

(docwright-test-deftest-fake docwright-lsp2/4-ghost-text
  "docwright-inline-mode beside pylsp: ghost text, next, accept exactly candidate 2; dismiss."
  (docwright-test-ghost-text-cycle-accept #'docwright-lsp2-visit))

(docwright-test-deftest-fake docwright-lsp2/5-burst
  "10 automatic inline requests 30 ms apart: at most 2 model requests; the last gets items."
  (docwright-test-burst #'docwright-lsp2-visit
                        (lambda (params on-result)
                          (docwright--lsp-send-async "textDocument/inlineCompletion" params on-result))))

(defvar lsp-progress-function)

(docwright-test-deftest-fake docwright-lsp2/6-progress
  "M-x docwright-generate: lsp-mode gets $/progress begin, at least one report, end."
  (let* ((shown lsp-progress-function)
         (kinds (docwright-test-progress-kinds
                 #'docwright-lsp2-visit
                 (lambda (record)
                   ;; lsp-progress-function (public) gets every $/progress: record, then show.
                   (setq lsp-progress-function
                         (lambda (workspace params)
                           (when (eq workspace (docwright--lsp-workspace))
                             (funcall record (lsp-get params :value)))
                           (funcall shown workspace params)))
                   (call-interactively #'docwright-generate)))))
    (setq lsp-progress-function shown)
    (docwright-test-check-progress kinds)))

(docwright-test-run-and-exit "docwright-lsp2/")

;;; lsp-mode-pylsp-test.el ends here
