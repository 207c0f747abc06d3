;;; inline-idle-test.el --- Automatic ghost text after idle time, in a terminal Emacs  -*- lexical-binding: t; -*-

;;; Commentary:

;; Idle timers never fire under --batch, so this runs in a terminal Emacs on a pseudo-terminal:
;;
;;   DOCWRIGHT_TEST_CLIENT=eglot|lsp-mode HOME=$(mktemp -d) DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake \
;;   FAKE_MODEL_URL=... editors/emacs/test/tty.sh emacs -l editors/emacs/test/inline-idle-test.el
;;
;; Emacs 30: `tty.sh scripts/emacs30 ...' (with -l editors/emacs/test/debian-elpa.el first for
;; lsp-mode).  `docwright-inline-mode' is on; an edit, then nothing but idle time: the ghost text
;; must appear from an automatic request (no command asks for it), and the keys a user presses
;; (M-n, TAB, C-g) act on it.  The scripted model answers the "product" stub with two candidates.

;;; Code:

(load (expand-file-name "docwright-test-helpers" (file-name-directory load-file-name)) nil t)
(require 'python)
(setq inhibit-startup-screen t)

(defconst docwright-idle-client (intern (docwright-test-env "DOCWRIGHT_TEST_CLIENT"))
  "eglot or lsp-mode.")

(pcase docwright-idle-client
  ('eglot
   (require 'eglot)
   (setq docwright-register-with-eglot t)
   (docwright-test-load-plugin)
   (setq eglot-confirm-server-initiated-edits nil
         eglot-sync-connect 30
         eglot-autoreconnect nil))
  ('lsp-mode
   (docwright-test-load-plugin)
   (docwright-test-quiet-lsp-mode '(docwright)))
  (_ (error "DOCWRIGHT_TEST_CLIENT must be eglot or lsp-mode")))

(declare-function eglot "eglot")
(declare-function eglot-current-server "eglot")
(declare-function lsp "lsp-mode")
(declare-function lsp-workspace-folders-add "lsp-mode")
(declare-function lsp--workspace-status "lsp-mode")

(defun docwright-idle-visit (name lines)
  "Visit NAME holding LINES with docwright running under the client."
  (docwright-test-visit name lines)
  (should (eq major-mode 'python-mode))
  (pcase docwright-idle-client
    ('eglot
     (unless (eglot-current-server)
       (apply #'eglot (eglot--guess-contact)))
     (docwright-test-wait #'eglot-current-server 30 "eglot to connect"))
    ('lsp-mode
     (lsp-workspace-folders-add docwright-test-project)
     (lsp)
     (docwright-test-wait
      (lambda () (let ((workspace (docwright--lsp-workspace)))
                   (and workspace (eq (lsp--workspace-status workspace) 'initialized))))
      30 "lsp-mode to initialize docwright")))
  (current-buffer))

(defvar docwright-idle--asked nil "Trigger kinds of the inline requests sent, latest first.")

(defun docwright-idle--record (kind &rest _)
  "Remember that an inline request of trigger KIND was sent."
  (push kind docwright-idle--asked))

(advice-add 'docwright-inline--ask :before #'docwright-idle--record)

(defconst docwright-idle-stub
  (docwright-test-expected docwright-test-pick-empty-body 3 "   ")
  "The two-candidate stub, its body line one space short of the indentation.")

(defun docwright-idle-type-and-idle (name)
  "Visit NAME, turn ghost text on, type the missing space, then stay idle until ghost text."
  (docwright-idle-visit name docwright-idle-stub)
  (docwright-inline-mode 1)
  (docwright-test-goto 3 3)
  (setq docwright-idle--asked nil)
  (docwright-test-type-then-idle "SPC" #'docwright-test-ghost-text 60 "ghost text after idle time")
  (should (equal (docwright-test-lines) docwright-test-pick-empty-body))
  ;; Only automatic requests (trigger kind 2): nothing asked for it explicitly.
  (should (equal (delete-dups (copy-sequence docwright-idle--asked)) '(2))))

(docwright-test-deftest-fake docwright-idle/1-ghost-text-cycle-accept
  "Idle after an edit: ghost text shows unasked; M-n shows #2; TAB inserts exactly #2."
  (docwright-idle-type-and-idle "idle1.py")
  (should (string-prefix-p "return a * b" (docwright-test-ghost-text)))
  (execute-kbd-macro (kbd "M-n"))
  (docwright-test-wait (lambda () (string-prefix-p "return b * a" (or (docwright-test-ghost-text) "")))
                       30 "candidate 2 after M-n")
  (execute-kbd-macro (kbd "M-p"))
  (should (string-prefix-p "return a * b" (docwright-test-ghost-text)))
  (execute-kbd-macro (kbd "M-n"))
  (execute-kbd-macro (kbd "TAB"))
  (should-not (docwright-test-ghost-text))
  (should (equal (docwright-test-lines)
                 (docwright-test-expected docwright-test-pick-empty-body 3 "    return b * a"))))

(docwright-test-deftest-fake docwright-idle/2-dismiss
  "Idle after an edit, then C-g: the ghost text goes, the buffer is as it was; moving away hides it too."
  (docwright-idle-type-and-idle "idle2.py")
  (execute-kbd-macro (kbd "C-g"))
  (should-not (docwright-test-ghost-text))
  (should (equal (docwright-test-lines) docwright-test-pick-empty-body))
  ;; Another edit and idle time: it comes back; any other command (here C-a) hides it.
  (docwright-test-type-then-idle "x DEL" #'docwright-test-ghost-text 60 "ghost text after the second edit")
  (execute-kbd-macro (kbd "C-a"))
  (should-not (docwright-test-ghost-text))
  (should (equal (docwright-test-lines) docwright-test-pick-empty-body)))

;; After startup, from the command loop (where idle time exists), run the tests and exit.
(run-with-timer 0.2 nil #'docwright-test-run-and-exit "docwright-idle/")

;;; inline-idle-test.el ends here
