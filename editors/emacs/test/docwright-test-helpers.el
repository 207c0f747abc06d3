;;; docwright-test-helpers.el --- Shared pieces of the headless Emacs tests  -*- lexical-binding: t; -*-

;;; Commentary:

;; Loaded by every test file (eglot-test.el and lsp-mode-test.el run the same tests through
;; the client-test functions below).  Environment:
;;   DOCWRIGHT_BIN            the docwright binary (required)
;;   DOCWRIGHT_TEST_MODE      "fake" (scripted model, exact text) or "real" (local model, mechanics)
;;   FAKE_MODEL_URL, FAKE_MODEL_BODY   for "fake"; DOCWRIGHT_TEST_MODEL_URL for "real".
;; Results are printed as "ok - NAME" / "not ok - NAME: REASON" lines on stdout; Emacs exits
;; with status 1 when any test failed.

;;; Code:

(require 'cl-lib)
(require 'ert)
(require 'subr-x)
(require 'json)

(defconst docwright-test-dir
  (file-name-directory (or load-file-name buffer-file-name))
  "editors/emacs/test/.")

(defun docwright-test-env (name)
  "The environment variable NAME, or an error saying it must be set."
  (let ((value (getenv name)))
    (if (or (null value) (string-empty-p value))
        (error "%s must be set (see scripts/test-editors)" name)
      value)))

(defun docwright-test-mode () (docwright-test-env "DOCWRIGHT_TEST_MODE"))

(defun docwright-test-load-plugin ()
  "Load editors/emacs/docwright.el the way a user does, and configure it for the tests."
  (add-to-list 'load-path (expand-file-name ".." docwright-test-dir))
  (require 'docwright)
  (let ((real (equal (docwright-test-mode) "real")))
    ;; The server is a child of Emacs: it inherits this environment.
    (setenv "DOCWRIGHT_LOCAL_MODEL_URL"
            (docwright-test-env (if real "DOCWRIGHT_TEST_MODEL_URL" "FAKE_MODEL_URL")))
    (setq docwright-program (docwright-test-env "DOCWRIGHT_BIN")
          docwright-settings (list :default_model "local" :n 3 :temperature 0.8
                                   :max_tokens (if real 48 64)))))

(defvar docwright-test-project nil "This run's temporary project directory.")

(defun docwright-test-visit (name lines)
  "Write LINES to NAME in the test project, visit it, and return the buffer."
  (unless docwright-test-project
    (setq docwright-test-project (file-name-as-directory (make-temp-file "docwright-emacs-" t)))
    (make-directory (expand-file-name ".git" docwright-test-project)))
  (let ((file (expand-file-name name docwright-test-project)))
    (with-temp-file file (insert (string-join lines "\n") "\n"))
    (find-file file)
    (current-buffer)))

(defun docwright-test-lines ()
  "The current buffer as a list of lines (without the final newline's empty line)."
  (split-string (string-remove-suffix "\n" (buffer-substring-no-properties (point-min) (point-max))) "\n"))

(defun docwright-test-goto (line column)
  "Move to 1-based LINE and 0-based character COLUMN."
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char column))

(defun docwright-test-wait (predicate seconds what)
  "Process events until PREDICATE returns non-nil (returned), or fail after SECONDS."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out after %ss waiting for %s" seconds what))))

(defun docwright-test-wait-for-change (before seconds what)
  "Wait until the current buffer's lines differ from BEFORE."
  (let ((buffer (current-buffer)))
    (docwright-test-wait (lambda () (with-current-buffer buffer
                                      (not (equal (docwright-test-lines) before))))
                         seconds what)))

(defmacro docwright-test-deftest (name mode doc &rest body)
  "Define test NAME that runs only in DOCWRIGHT_TEST_MODE MODE (skipped in the other)."
  (declare (indent 3) (doc-string 3))
  `(ert-deftest ,name () ,doc
     (if (equal (docwright-test-mode) ,mode)
         (progn ,@body)
       (ert-skip (concat ,mode " mode only")))))

(defmacro docwright-test-deftest-fake (name doc &rest body)
  "Define test NAME that runs with the scripted model only (skipped with the real one)."
  (declare (indent 1) (doc-string 2))
  `(docwright-test-deftest ,name "fake" ,doc ,@body))

(defmacro docwright-test-picking (want seen &rest body)
  "Run BODY with `completing-read' choosing the first candidate whose title satisfies WANT.
Every title offered is pushed onto the list variable SEEN."
  (declare (indent 2))
  `(cl-letf (((symbol-function 'completing-read)
              (lambda (_prompt collection &rest _)
                (let ((titles (mapcar (lambda (c) (if (consp c) (car c) c))
                                      (if (functionp collection) (all-completions "" collection) collection))))
                  (setq ,seen (append ,seen titles))
                  (or (cl-find-if ,want titles) (error "No wanted title among %S" titles))))))
     ,@body))

(defun docwright-test-check-mechanics (before after stub-line indent)
  "Check AFTER is BEFORE with 1-based STUB-LINE replaced by lines indented by INDENT."
  (let* ((context (concat "\n" (string-join after "\n")))
         (tail (- (length before) stub-line))
         (inserted (cl-subseq after (1- stub-line) (- (length after) tail))))
    (cl-loop for i from 0 below (1- stub-line)
             unless (equal (nth i before) (nth i after))
             do (error "Line %d above the stub changed%s" (1+ i) context))
    (cl-loop for i from 1 to tail
             unless (equal (nth (- (length before) i) before) (nth (- (length after) i) after))
             do (error "Line %d below the stub changed%s" (- (length before) i -1) context))
    ;; Evidence in the log: what the real model's body looked like.
    (princ (format "# inserted: %S\n" inserted))
    (when (or (null inserted) (string-blank-p (car inserted)))
      (error "No code inserted%s" context))
    (unless (and (string-prefix-p indent (car inserted))
                 (not (memq (aref (car inserted) (length indent)) '(?\s ?\t))))
      (error "First inserted line not indented by exactly %d: %S" (length indent) (car inserted)))
    (dolist (line inserted)
      (unless (or (string-blank-p line) (string-prefix-p indent line))
        (error "Inserted line indented by less than %d: %S%s" (length indent) line context)))
    t))

(defun docwright-test-last-model-request ()
  "The body of the last request the scripted model received, as an alist."
  (with-temp-buffer
    (insert-file-contents (docwright-test-env "FAKE_MODEL_LOG"))
    (goto-char (point-max))
    (forward-line -1)
    (alist-get 'body (json-read))))

(defconst docwright-test-stub
  '("import math"
    ""
    ""
    "def add(a, b):"
    "    \"\"\"Return the sum of a and b.\"\"\""
    "    pass"
    ""
    ""
    "def untouched():"
    "    return 1")
  "A Python file with a documented stub on line 6.")

(defconst docwright-test-empty-body
  '("def add(a, b):"
    "    \"\"\"Return the sum of a and b.\"\"\""
    "    "
    ""
    ""
    "def untouched():"
    "    return 1")
  "A Python file with a documented, empty body (line 3).")

(defconst docwright-test-method-stub
  '("class Calculator:"
    "    def add(self, a, b):"
    "        \"\"\"Return the sum of a and b.\"\"\""
    "        pass"
    ""
    "    def untouched(self):"
    "        return 1")
  "A method stub at 8-space indentation on line 4.")

(defconst docwright-test-pick-empty-body
  '("def mul(a, b):"
    "    \"\"\"Return the product of a and b.\"\"\""
    "    "
    ""
    ""
    "def untouched():"
    "    return 1")
  "An empty documented body the scripted model has two candidates for (line 3).")

(defun docwright-test-ghost-text ()
  "The ghost text showing in this buffer (without its [i/n] counter), or nil."
  (let ((overlay (bound-and-true-p docwright-inline--overlay)))
    (and (overlayp overlay) (overlay-buffer overlay)
         (replace-regexp-in-string "  \\[[0-9]+/[0-9]+\\]\\'" ""
                                   (substring-no-properties (overlay-get overlay 'after-string))))))

(defun docwright-test-ghost-text-cycle-accept (visit)
  "Ghost text: VISIT a file, ask, cycle to candidate 2, accept it; then dismiss one."
  (let ((before docwright-test-pick-empty-body))
    (funcall visit "ghost1.py" before)
    (docwright-test-goto 3 4)
    (docwright-inline-mode 1)
    (docwright-inline-complete)
    (docwright-test-wait #'docwright-test-ghost-text 60 "ghost text")
    (should (string-prefix-p "return a * b" (docwright-test-ghost-text)))
    (should (equal (docwright-test-lines) before))
    ;; Next shows #2 (at once, or after asking again when the first answer was provisional).
    (docwright-inline-next)
    (docwright-test-wait (lambda () (string-prefix-p "return b * a" (or (docwright-test-ghost-text) "")))
                         30 "candidate 2 as ghost text")
    (docwright-inline-accept)
    (should-not (docwright-test-ghost-text))
    (should (equal (docwright-test-lines) (docwright-test-expected before 3 "    return b * a")))
    ;; Dismissing leaves the buffer as it was.
    (funcall visit "ghost2.py" before)
    (docwright-test-goto 3 4)
    (docwright-inline-mode 1)
    (docwright-inline-complete)
    (docwright-test-wait #'docwright-test-ghost-text 60 "ghost text")
    (docwright-inline-dismiss)
    (should-not (docwright-test-ghost-text))
    (should (equal (docwright-test-lines) before))))

(defun docwright-test-model-requests ()
  "How many requests the scripted model has received (lines of FAKE_MODEL_LOG)."
  (let ((log (docwright-test-env "FAKE_MODEL_LOG")))
    (if (file-exists-p log)
        (with-temp-buffer
          (insert-file-contents log)
          (count-lines (point-min) (point-max)))
      0)))

(defun docwright-test-burst (visit send)
  "VISIT a fresh stub; SEND 10 automatic inline requests 30 ms apart, as typing does.
SEND is called with (PARAMS ON-RESULT), in the visited buffer.  At most
2 model requests may follow, and the last request must get the candidate."
  (let* ((before (docwright-test-expected docwright-test-stub 5
                                          "    \"\"\"Return the sum of a and b (typed in a burst).\"\"\""))
         (buffer (funcall visit "burst.py" before))
         (uri (plist-get (if (docwright--eglot-server) (docwright--eglot-argument) (docwright--lsp-argument))
                         :uri))
         (requests (docwright-test-model-requests))
         (replies (make-vector 10 nil)))
    (dotimes (i 10)
      (run-with-timer (* 0.03 i) nil
                      (lambda ()
                        (with-current-buffer buffer
                          (funcall send (list :textDocument (list :uri uri)
                                              :position (list :line 5 :character 4)
                                              :context (list :triggerKind 2))
                                   (lambda (result)
                                     (aset replies i (list (append (docwright--get result "items") nil)))))))))
    (docwright-test-wait (lambda () (cl-every #'identity replies)) 60
                         (format "answers to all 10 requests (%S)" replies))
    (let ((sent (- (docwright-test-model-requests) requests))
          (last (car (aref replies 9))))
      (should (<= 1 sent 2))
      (should last)
      ;; (Which body depends on the other buffers open: the scripted model answers by marker.)
      (should (string-match-p "\\`    return " (docwright--get (car last) "insertText"))))))

(defun docwright-test-progress-kinds (visit run)
  "VISIT a fresh stub and RUN docwright-generate there; return the progress kinds seen.
RUN is called in the visited buffer with a function to call on each
$/progress value (a plist or hash table); returns the kinds of the
first generation's progress, in order (\"begin\" \"report\" ... \"end\")."
  (let* ((before (docwright-test-expected docwright-test-stub 5
                                          "    \"\"\"Return the sum of a and b (with progress).\"\"\""))
         (kinds nil))
    (funcall visit "progress.py" before)
    (docwright-test-goto 5 10)
    (funcall run (lambda (value) (setq kinds (append kinds (list (docwright--get value "kind"))))))
    (docwright-test-wait-for-change before 60 "the generated edit")
    (docwright-test-wait (lambda () (member "end" kinds)) 10 (format "the progress to end (%S)" kinds))
    kinds))

(defun docwright-test-check-progress (kinds)
  "KINDS begins, has at least one report before the end, and ends."
  (should (equal (car kinds) "begin"))
  (let ((end (cl-position "end" kinds :test #'equal)))
    (should end)
    (should (member "report" (cl-subseq kinds 1 end)))))

(defun docwright-test-pick-candidate-2 (visit name)
  "VISIT a file NAME with the two-candidate stub and pick #2 with M-x docwright-pick.
Checks that exactly #2 was applied and that the picker listed two
candidates and previewed #2's diff; returns (TITLES . PREVIEW) for
further checks."
  (let* ((before (docwright-test-expected
                  (docwright-test-expected docwright-test-stub 4 "def mul(a, b):")
                  5 "    \"\"\"Return the product of a and b.\"\"\""))
         titles preview)
    (funcall visit name before)
    (docwright-test-goto 5 10)
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (setq titles (all-completions "" collection))
                 (cl-find-if (lambda (title) (string-prefix-p "#2 " title)) titles)))
              ((symbol-function 'y-or-n-p)
               (lambda (_prompt)
                 (setq preview (with-current-buffer docwright-pick-preview-buffer (buffer-string)))
                 t)))
      (call-interactively #'docwright-pick)
      (docwright-test-wait-for-change before 60 (format "the picked edit (titles %S)" titles)))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 "    return b * a")))
    (should (= 2 (length titles)))
    (should (string-match-p (regexp-quote "+    return b * a") preview))
    (cons titles preview)))

;;;; The tests every client runs (eglot-test.el, lsp-mode-test.el)
;;
;; Each takes the client's ways of doing things: VISIT, called with (NAME LINES), visits a
;; file holding LINES in the test project, managed by the client with docwright, and returns
;; the buffer; CODE-ACTION, called with a predicate on titles, picks the code action whose
;; title satisfies it as the client's own command does, and returns the titles offered.

(defconst docwright-test-generate-title "docwright: Generate implementation"
  "The title of docwright's Generate code action.")

(defvar docwright-test--generated nil
  "The buffer `docwright-test-code-action-generates' filled (for the cached-candidates test).")

(defun docwright-test-code-action-generates (visit code-action)
  "The Generate code action replaces the stub line with the body (VISIT, CODE-ACTION)."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (funcall visit "sample1.py" before)
    (docwright-test-goto 5 10)
    (let ((seen (funcall code-action (lambda (title) (equal title docwright-test-generate-title)))))
      (docwright-test-wait-for-change before 60 (format "the generated edit (titles %S)" seen)))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    ;; docwright-settings reached the model request (as initializationOptions).
    (let ((request (docwright-test-last-model-request)))
      (should (equal (list (alist-get 'n request) (alist-get 'max_tokens request)) '(3 64))))
    (setq docwright-test--generated (current-buffer))))

(defun docwright-test-cached-candidates (code-action)
  "Asked again on the stub the generate test filled, CODE-ACTION offers the cached edit."
  (let ((before docwright-test-stub)
        (body (docwright-test-env "FAKE_MODEL_BODY"))
        seen)
    (should (buffer-live-p docwright-test--generated))
    (switch-to-buffer docwright-test--generated)
    (erase-buffer)
    (insert (string-join before "\n") "\n")
    (docwright-test-goto 5 10)
    (setq seen (funcall code-action
                        (lambda (title) (string-prefix-p "docwright: Use candidate 1" title))))
    (docwright-test-wait-for-change before 30 (format "the cached edit (titles %S)" seen))
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))
    (should (string-match-p "\\`docwright: Use candidate 1 (logp -?[0-9]" (car seen)))))

(defun docwright-test-generate-command (visit)
  "M-x docwright-generate applies at point, with non-ASCII text before point (VISIT)."
  (let* ((before (docwright-test-expected docwright-test-stub 5
                                          "    \"\"\"Return the sum of a and b — 加法 🙂.\"\"\""))
         (body (docwright-test-env "FAKE_MODEL_BODY")))
    (funcall visit "sample3.py" before)
    (docwright-test-goto 5 (- (length (nth 4 before)) 3))
    (call-interactively #'docwright-generate)
    (docwright-test-wait-for-change before 60 "the edit from docwright-generate")
    (should (equal (docwright-test-lines) (docwright-test-expected before 6 (concat "    " body))))))

(defun docwright-test-completion (visit complete)
  "Completion in a documented empty body inserts the candidate (VISIT).
COMPLETE is called at point with the expected body; it checks that the
client offers it, and accepts it the client's way."
  (let ((before docwright-test-empty-body)
        (body (docwright-test-env "FAKE_MODEL_BODY")))
    (funcall visit "sample4.py" before)
    (docwright-test-goto 3 4)
    (funcall complete body)
    (docwright-test-wait-for-change before 10 "the completion to be inserted")
    (should (equal (docwright-test-lines) (docwright-test-expected before 3 (concat "    " body))))))

(defun docwright-test-compare (visit shows-documents)
  "docwright-compare shows a report with a row and the best candidate per model (VISIT).
SHOWS-DOCUMENTS, called in the visited buffer, is non-nil when the client
lets the server open documents: the server then opens its own report
file (window/showDocument) and docwright.el must add no second one;
otherwise the report is docwright.el's *docwright compare*."
  (funcall visit "sample5.py" docwright-test-stub)
  (docwright-test-goto 5 10)
  (when (get-buffer "*docwright compare*") (kill-buffer "*docwright compare*"))
  (let* ((by-server (funcall shows-documents))
         (report-p (if by-server
                       (lambda (buffer)
                         (string-match-p "/compare-[0-9]+\\.md\\'" (or (buffer-file-name buffer) "")))
                     (lambda (buffer) (equal (buffer-name buffer) "*docwright compare*"))))
         (body (docwright-test-env "FAKE_MODEL_BODY"))
         report)
    (docwright-compare '("local"))
    (setq report (docwright-test-wait (lambda () (cl-find-if report-p (buffer-list)))
                                      60 "the compare report"))
    (with-current-buffer report
      (should (string-match-p "^| local" (buffer-string)))
      (should (string-match-p (regexp-quote (format "```python\n    %s\n```" body))
                              (buffer-string))))
    (when by-server
      (accept-process-output nil 1)
      (should-not (get-buffer "*docwright compare*")))))

(defun docwright-test-real-model-method (visit code-action)
  "With the real model, the Generate code action fills a method body at 8-space indentation."
  (let ((before docwright-test-method-stub))
    (funcall visit "calc.py" before)
    (docwright-test-goto 3 12)
    (funcall code-action (lambda (title) (equal title docwright-test-generate-title)))
    (docwright-test-wait-for-change before 180 "the generated edit")
    (docwright-test-check-mechanics before (docwright-test-lines) 4 "        ")))

;; The six tests over these, one definition for every client: only their names and the
;; client's functions differ.
(defmacro docwright-test-define-client-tests (prefix &rest functions)
  "Define the tests every client runs, named PREFIX1-code-action-generates to PREFIX6-….
FUNCTIONS is a plist of function forms, as the functions above take them:
:visit, :code-action, :complete (see `docwright-test-completion') and
:shows-documents (see `docwright-test-compare')."
  (let ((visit (plist-get functions :visit))
        (code-action (plist-get functions :code-action))
        (complete (plist-get functions :complete))
        (shows-documents (plist-get functions :shows-documents))
        (name (lambda (suffix) (intern (concat prefix suffix)))))
    `(progn
       (docwright-test-deftest ,(funcall name "1-code-action-generates") "fake"
         "The Generate code action replaces the stub line with the body."
         (docwright-test-code-action-generates ,visit ,code-action))
       (docwright-test-deftest ,(funcall name "2-cached-candidates") "fake"
         "Asked again on the same stub, the cached candidates come as actions carrying the edit."
         (docwright-test-cached-candidates ,code-action))
       (docwright-test-deftest ,(funcall name "3-generate-command") "fake"
         "M-x docwright-generate applies at point, with non-ASCII text before point."
         (docwright-test-generate-command ,visit))
       (docwright-test-deftest ,(funcall name "4-completion") "fake"
         "Completion at point in a documented empty body offers the candidate, and applies its edit."
         (docwright-test-completion ,visit ,complete))
       (docwright-test-deftest ,(funcall name "5-compare") "fake"
         "docwright-compare shows a report with a row and the best candidate per model.
The server opens its own report file where the client lets it (window/showDocument);
otherwise the report is docwright.el's *docwright compare*."
         (docwright-test-compare ,visit ,shows-documents))
       (docwright-test-deftest ,(funcall name "6-real-model-method") "real"
         "With the real model, the code action fills a method body at 8-space indentation."
         (docwright-test-real-model-method ,visit ,code-action)))))

(defvar lsp-session-file)
(defvar lsp-enabled-clients)
(defvar lsp-auto-guess-root)
(defvar lsp-keep-workspace-alive)
(defvar lsp-restart)
(defvar lsp-enable-file-watchers)
(defvar lsp-headerline-breadcrumb-enable)
(defvar lsp-modeline-code-actions-enable)
(defvar lsp-modeline-diagnostics-enable)
(defvar lsp-enable-symbol-highlighting)
(defvar lsp-lens-enable)
(defvar lsp-diagnostics-provider)
(defvar lsp-auto-execute-action)
(defvar lsp-response-timeout)

(defun docwright-test-quiet-lsp-mode (clients &rest features)
  "Load lsp-mode (and FEATURES) for batch tests: only CLIENTS, a private session, no UI extras.
Code actions always go through the picker, so their titles are checked."
  (require 'lsp-mode)
  (mapc #'require features)
  ;; In batch nothing autoloads lsp-mode's feature files: load the ones lsp turns on.
  (dolist (feature '(lsp-modeline lsp-headerline lsp-diagnostics lsp-lens lsp-semantic-tokens))
    (require feature nil t))
  (setq lsp-session-file (expand-file-name "lsp-session" (make-temp-file "docwright-lsp-" t))
        lsp-enabled-clients clients
        lsp-auto-guess-root nil
        lsp-keep-workspace-alive nil
        lsp-restart 'ignore
        lsp-enable-file-watchers nil
        lsp-headerline-breadcrumb-enable nil
        lsp-modeline-code-actions-enable nil
        lsp-modeline-diagnostics-enable nil
        lsp-enable-symbol-highlighting nil
        lsp-lens-enable nil
        lsp-diagnostics-provider :none
        lsp-auto-execute-action nil
        lsp-response-timeout 60))

(defun docwright-test-expected (lines line text)
  "LINES with 1-based LINE replaced by TEXT."
  (let ((copy (copy-sequence lines)))
    (setf (nth (1- line) copy) text)
    copy))

(defun docwright-test-print (text)
  "Print TEXT on stdout, or append it to $DOCWRIGHT_TEST_OUTPUT when set.
A terminal Emacs (editors/emacs/test/tty.sh) has no stdout to print to."
  (let ((file (getenv "DOCWRIGHT_TEST_OUTPUT")))
    (if (and file (not noninteractive))
        (write-region text nil file t 'silent)
      (princ text))))

(defun docwright-test-type-then-idle (keys predicate seconds what)
  "Type KEYS through Emacs's command loop, then leave it idle until PREDICATE holds.
Returns PREDICATE's value; fails after SECONDS.  The keys run as a
user's do (a `recursive-edit' reads them), so idle time starts after the
last of them, as it does for a user; PREDICATE is checked in the current
buffer.  A terminal Emacs only (editors/emacs/test/tty.sh)."
  (when noninteractive (error "Idle timers never run in --batch (use editors/emacs/test/tty.sh)"))
  (let* ((buffer (current-buffer))
         (deadline (+ (float-time) seconds))
         (value nil)
         (poll (run-with-timer 0.05 0.05
                               (lambda ()
                                 (when (or (setq value (with-current-buffer buffer (funcall predicate)))
                                           (> (float-time) deadline))
                                   (exit-recursive-edit))))))
    (setq unread-command-events (append unread-command-events (listify-key-sequence (kbd keys))))
    (unwind-protect (recursive-edit) (cancel-timer poll))
    (set-buffer buffer)
    (or value (error "Timed out after %ss waiting for %s" seconds what))))

(defun docwright-test-run-and-exit (prefix)
  "Run the ERT tests whose names start with PREFIX, print ok/not ok lines, exit."
  (let* ((stats (ert-run-tests-batch (concat "\\`" (regexp-quote prefix))))
         (failed 0))
    (mapc (lambda (test)
            (let ((result (ert-test-most-recent-result test))
                  (name (symbol-name (ert-test-name test))))
              (cond
               ((ert-test-skipped-p result))
               ((ert-test-passed-p result)
                (docwright-test-print (format "ok - %s\n" name)))
               (t
                (setq failed (1+ failed))
                (docwright-test-print (format "not ok - %s: %s\n" name
                               (replace-regexp-in-string
                                "\n" "\n# "
                                (if (ert-test-result-with-condition-p result)
                                    (error-message-string (ert-test-result-with-condition-condition result))
                                  (format "%S" result)))))))))
          (ert--stats-tests stats))
    (kill-emacs (if (and (> (ert-stats-completed-expected stats) 0) (zerop failed)) 0 1))))

(provide 'docwright-test-helpers)
;;; docwright-test-helpers.el ends here
