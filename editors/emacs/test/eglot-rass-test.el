;;; eglot-rass-test.el --- docwright beside pylsp in eglot, through rass, headless  -*- lexical-binding: t; -*-

;;; Commentary:

;;   RASS=.../rass HOME=$(mktemp -d) DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... \
;;   FAKE_MODEL_BODY='return a + b' timeout 300 emacs --batch -l editors/emacs/test/eglot-rass-test.el </dev/null
;;
;; eglot runs one server per buffer: `docwright-eglot-with-rass' makes it run rass, which runs
;; pylsp (Debian python3-pylsp) and docwright.  docwright.el's default leaves
;; `eglot-server-programs' alone.  The scripted model answers "Return the product of a and b"
;; stubs with two candidates ("return a * b", then "return b * a").

;;; Code:

(load (expand-file-name "docwright-test-helpers" (file-name-directory load-file-name)) nil t)
(require 'eglot)
(require 'python)
(docwright-test-load-plugin)

(setq eglot-confirm-server-initiated-edits nil
      eglot-sync-connect 30
      eglot-autoreconnect nil
      docwright-rass-program (docwright-test-env "RASS"))

(defvar docwright-rass--default-programs (copy-sequence eglot-server-programs)
  "`eglot-server-programs' after loading docwright, before opting in.")

(docwright-eglot-with-rass '(python-mode python-ts-mode) '("pylsp"))

(defun docwright-rass-visit (name lines)
  "Visit NAME holding LINES with eglot running rass (pylsp + docwright)."
  (docwright-test-visit name lines)
  (should (eq major-mode 'python-mode))
  (unless (eglot-current-server)
    (let ((contact (eglot--guess-contact)))
      (should (equal (car (nth 3 contact)) docwright-rass-program))
      (apply #'eglot contact)))
  (docwright-test-wait (lambda () (and (eglot-current-server)
                                       (eglot--server-capable :codeActionProvider)))
                       30 "eglot to connect")
  (current-buffer))

(docwright-test-deftest-fake docwright-rass/0-default-leaves-eglot-alone
  "Loading docwright.el does not put docwright into `eglot-server-programs'."
  (should-not (rassq 'docwright--eglot-contact docwright-rass--default-programs))
  (should (equal (docwright-rass-command '(("pylsp")))
                 (list docwright-rass-program docwright-rass-preset
                       "--" "pylsp" "--" docwright-program "lsp")))
  (should (file-exists-p docwright-rass-preset)))

(docwright-test-deftest-fake docwright-rass/1-pylsp-answers
  "Through rass, pylsp answers hover and completion in the buffer docwright serves."
  (docwright-rass-visit "rass1.py" docwright-test-stub)
  (let* ((uri (plist-get (docwright--eglot-argument) :uri))
         (hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (list :textDocument (list :uri uri)
                                       :position (list :line 0 :character 8)))))
    (should (string-match-p "math" (format "%S" hover)))))

(docwright-test-deftest-fake docwright-rass/2-code-action
  "Through rass, docwright's Generate code action applies."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY"))
        (last-nonmenu-event ?\r)
        seen)
    (docwright-rass-visit "rass2.py" before)
    (docwright-test-goto 5 10)
    (docwright-test-picking (lambda (title) (string-prefix-p "docwright: Generate implementation" title)) seen
      (eglot-code-actions (point) nil nil t))
    (docwright-test-wait-for-change before 60 (format "the generated edit (titles %S)" seen))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))))

(docwright-test-deftest-fake docwright-rass/3-pick-candidate-2
  "M-x docwright-pick lists both candidates, previews #2's diff and applies exactly #2."
  (let* ((picked (docwright-test-pick-candidate-2 #'docwright-rass-visit "rass3.py"))
         (titles (car picked))
         (preview (cdr picked)))
    (should (string-prefix-p "#1 " (car titles)))
    (should (string-match-p "local" (cadr titles)))
    (should (string-match-p (regexp-quote "-    pass") preview))
    (should-not (get-buffer docwright-pick-preview-buffer))))

(docwright-test-deftest-fake docwright-rass/4-ghost-text
  "docwright-inline-mode: ghost text, M-n shows candidate 2, TAB inserts exactly it; C-g hides it."
  (docwright-test-ghost-text-cycle-accept #'docwright-rass-visit))

(docwright-test-deftest-fake docwright-rass/5-burst
  "Through rass, 10 automatic inline requests 30 ms apart: at most 2 model requests; the last gets items."
  (docwright-test-burst #'docwright-rass-visit
                        (lambda (params on-result)
                          (jsonrpc-async-request (eglot-current-server) :textDocument/inlineCompletion params
                                                 :success-fn on-result :error-fn #'ignore))))

(defvar docwright-rass--progress nil "Called with each $/progress value while set.")

(when (boundp 'eglot-report-progress)
  ;; eglot 1.10+ (Emacs 30) shows $/progress; eglot 1.9 (Emacs 28) declares no support for it.
  (cl-defmethod eglot-handle-notification :before (_server (_method (eql $/progress)) &key value &allow-other-keys)
    (when docwright-rass--progress (funcall docwright-rass--progress value))))

(docwright-test-deftest-fake docwright-rass/6-progress
  "Through rass, M-x docwright-generate: eglot gets $/progress begin, at least one report, end."
  (unless (boundp 'eglot-report-progress)
    (ert-skip "eglot 1.9 (Emacs 28) does not support $/progress"))
  (unwind-protect
      (docwright-test-check-progress
       (docwright-test-progress-kinds #'docwright-rass-visit
                                      (lambda (record)
                                        (setq docwright-rass--progress record)
                                        (call-interactively #'docwright-generate))))
    (setq docwright-rass--progress nil)))

(docwright-test-run-and-exit "docwright-rass/")

;;; eglot-rass-test.el ends here
