;;; docwright.el --- Code from docstrings via eglot or lsp-mode -*- lexical-binding: t; -*-

;; Author: docwright contributors
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools, convenience

;; This file is not part of GNU Emacs.

;;; Commentary:

;; docwright is a language server: write a docstring or comment, and it
;; asks a language model for implementations, ranks several samples, and
;; offers the best ones as code actions, completion items and inline
;; completions.
;;
;; This package registers the `docwright lsp' server with eglot (Emacs 28
;; with eglot from ELPA, Emacs 29+ built-in eglot) and with lsp-mode,
;; passes `docwright-settings' as the server's initializationOptions, and
;; adds two commands:
;;
;;   M-x docwright-generate  implement the documented stub at point
;;   M-x docwright-compare   compare models on the stub at point
;;
;; Quick start (eglot):
;;
;;   (add-to-list 'load-path "/path/to/docwright/editors/emacs")
;;   (require 'docwright)
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; Code actions (M-x eglot-code-actions, or M-x lsp-execute-code-action)
;; then offer "docwright: Generate implementation" on a documented stub.
;;
;; eglot runs one server per buffer: registering docwright for a major
;; mode replaces the server eglot would otherwise start there (pylsp,
;; gopls, ...).  Set `docwright-register-with-eglot' to nil to keep those,
;; and add docwright to `eglot-server-programs' yourself for the modes you
;; choose.  lsp-mode runs docwright as an add-on next to other servers.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(declare-function eglot-current-server "eglot")
(declare-function eglot-client-capabilities "eglot")
(declare-function lsp--client-capabilities "lsp-mode")
(declare-function eglot--TextDocumentIdentifier "eglot")
(declare-function eglot--pos-to-lsp-position "eglot")
(declare-function eglot--signal-textDocument/didChange "eglot")
(declare-function jsonrpc-async-request "jsonrpc")
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-request-async "lsp-mode")
(declare-function lsp--buffer-uri "lsp-mode")
(declare-function lsp--cur-position "lsp-mode")
(declare-function lsp-workspaces "lsp-mode")
(declare-function lsp--workspace-client "lsp-mode")
(declare-function lsp--client-server-id "lsp-mode")
(declare-function lsp-get "lsp-mode")
(declare-function lsp-notify "lsp-mode")
(defvar eglot-server-programs)

(defgroup docwright nil
  "Generate implementations from docstrings with the docwright server."
  :group 'tools
  :prefix "docwright-")

(defcustom docwright-program "docwright"
  "The docwright executable: a name on `exec-path' or an absolute path."
  :type 'string)

(defcustom docwright-program-args '("lsp")
  "Arguments that start docwright as a language server over stdio."
  :type '(repeat string))

(defcustom docwright-settings nil
  "Settings sent as the server's initializationOptions.
A plist with the keys of docwright's TOML config file, for example
  (:default_model \"local\" :n 3 :temperature 0.8 :max_tokens 64)
Nested objects are nested plists.  nil sends an empty object, so the
server uses its config files and defaults."
  :type '(plist :key-type symbol :value-type sexp))

(defcustom docwright-major-modes
  '(python-mode python-ts-mode
    js-mode js-ts-mode typescript-mode typescript-ts-mode tsx-ts-mode
    go-mode go-ts-mode rust-mode rust-ts-mode rustic-mode swift-mode
    java-mode java-ts-mode kotlin-mode kotlin-ts-mode
    c-mode c-ts-mode c++-mode c++-ts-mode csharp-mode csharp-ts-mode
    ruby-mode ruby-ts-mode lua-mode lua-ts-mode)
  "Major modes docwright serves."
  :type '(repeat symbol))

(defcustom docwright-register-with-eglot t
  "When non-nil, register docwright with eglot for `docwright-major-modes'.
This adds an entry to `eglot-server-programs'.  eglot runs one
server per buffer, so docwright takes precedence there."
  :type 'boolean)

(defcustom docwright-register-with-lsp-mode t
  "When non-nil, register docwright as an lsp-mode add-on client."
  :type 'boolean)

(defcustom docwright-request-timeout 180
  "Seconds to wait for a generation or comparison before giving up."
  :type 'integer)

(defconst docwright--language-ids
  '((js-mode . "javascript") (js-ts-mode . "javascript")
    (typescript-ts-mode . "typescript") (tsx-ts-mode . "typescriptreact")
    (c++-mode . "cpp") (c++-ts-mode . "cpp") (rustic-mode . "rust")
    (csharp-ts-mode . "csharp"))
  "LSP language identifiers the major mode's name does not give.")

(defun docwright--language-id (mode)
  "The LSP language identifier for major MODE."
  (or (cdr (assq mode docwright--language-ids))
      (replace-regexp-in-string "\\(-ts\\)?-mode\\'" "" (symbol-name mode))))

(defun docwright--command ()
  "The command line that starts the server."
  (cons docwright-program docwright-program-args))

(defun docwright--initialization-options (&optional _server)
  "`docwright-settings' as a JSON object (an empty one when nil)."
  (or docwright-settings (make-hash-table)))

(defun docwright--configured-models ()
  "Names of the models under :models in `docwright-settings'."
  (let ((models (plist-get docwright-settings :models)) names)
    (while models
      (push (substring (symbol-name (car models)) 1) names)
      (setq models (cddr models)))
    (nreverse names)))

(defun docwright--report-error (command err)
  "Tell the user COMMAND failed with the JSON-RPC error ERR."
  (message "docwright: %s failed: %s" command
           (or (ignore-errors (plist-get err :message))
               (ignore-errors (lsp-get err :message))
               err)))

;;;; eglot

(defun docwright--eglot-contact (&optional _interactive)
  "The eglot contact: command and initializationOptions, at connect time."
  (append (docwright--command)
          (list :initializationOptions
                #'docwright--initialization-options)))

;;;###autoload
(defun docwright-eglot-register ()
  "Add docwright to `eglot-server-programs' for `docwright-major-modes'."
  (let ((modes (mapcar (lambda (mode)
                         (list mode :language-id (docwright--language-id mode)))
                       docwright-major-modes)))
    (setq eglot-server-programs
          (cons (cons modes #'docwright--eglot-contact)
                (cl-remove #'docwright--eglot-contact eglot-server-programs
                           :key #'cdr)))))

(defun docwright--eglot-server ()
  "The eglot server managing this buffer, or nil."
  (and (bound-and-true-p eglot--managed-mode)
       (fboundp 'eglot-current-server)
       (eglot-current-server)))

(defun docwright--eglot-execute-async (server command arguments on-result)
  "Send COMMAND with ARGUMENTS (a vector) to SERVER without blocking.
ON-RESULT, when non-nil, is called with the result."
  (jsonrpc-async-request
   server :workspace/executeCommand
   (list :command command :arguments arguments)
   :success-fn (lambda (result) (when on-result (funcall on-result result)))
   :error-fn (lambda (err) (docwright--report-error command err))
   :timeout-fn (lambda () (message "docwright: %s timed out" command))
   :timeout docwright-request-timeout))

(defun docwright--eglot-request (command argument on-result)
  "Run COMMAND with ARGUMENT on this buffer's eglot server.
ON-RESULT gets the result."
  ;; eglot batches edits: the server must see the buffer as it is now.
  (eglot--signal-textDocument/didChange)
  (docwright--eglot-execute-async (docwright--eglot-server) command
                                  (vector argument) on-result))

(defun docwright--eglot-argument ()
  "The {uri, position} argument for point, eglot flavour."
  (list :uri (plist-get (eglot--TextDocumentIdentifier) :uri)
        :position (eglot--pos-to-lsp-position)))

;;;###autoload
(defun docwright--eglot-setup ()
  "Hook docwright into eglot once eglot is loaded."
  (when docwright-register-with-eglot
    (docwright-eglot-register))
  ;; eglot waits for a code action's command synchronously (1.9 gives up
  ;; after `jsonrpc-default-request-timeout', 10 s).  Generation takes
  ;; longer: run docwright.generate asynchronously.
  (if (fboundp 'eglot-execute)
      ;; eglot 1.17+ (Emacs 30): commands go through `eglot-execute'.
      (cl-defmethod eglot-execute :around (server action)
        (if (equal (plist-get action :command) "docwright.generate")
            (docwright--eglot-execute-async server "docwright.generate"
                                            (plist-get action :arguments)
                                            nil)
          (cl-call-next-method)))
    ;; eglot 1.9 (ELPA, for Emacs 28) and Emacs 29's built-in eglot.
    (cl-defmethod eglot-execute-command
      (server (_command (eql 'docwright.generate)) arguments)
      (docwright--eglot-execute-async server "docwright.generate"
                                      arguments nil))))

;; Runs from the package's autoloads too (setup is idempotent).
;;;###autoload
(with-eval-after-load 'eglot (docwright--eglot-setup))

;;;; lsp-mode

(defun docwright--lsp-workspace-p ()
  "Non-nil when a docwright lsp-mode workspace serves this buffer."
  (and (bound-and-true-p lsp-mode)
       (cl-some (lambda (ws)
                  (eq (lsp--client-server-id (lsp--workspace-client ws))
                      'docwright))
                (lsp-workspaces))))

(defun docwright--lsp-execute-async (command arguments on-result)
  "Send COMMAND with ARGUMENTS (a vector) through lsp-mode, without blocking.
ON-RESULT, when non-nil, is called with the result."
  (lsp-request-async
   "workspace/executeCommand"
   (list :command command :arguments arguments)
   (lambda (result) (when on-result (funcall on-result result)))
   :error-handler (lambda (err) (docwright--report-error command err))))

(defun docwright--lsp-request (command argument on-result)
  "Run COMMAND with ARGUMENT on the docwright server; ON-RESULT gets it."
  (docwright--lsp-execute-async command (vector argument) on-result))

(defun docwright--lsp-argument ()
  "The {uri, position} argument for point, lsp-mode flavour."
  (list :uri (lsp--buffer-uri) :position (lsp--cur-position)))

(defun docwright--lsp-generate-action (action)
  "Run the code action command ACTION (docwright.generate) asynchronously."
  (docwright--lsp-execute-async "docwright.generate"
                                (lsp-get action :arguments) nil))

;;;###autoload
(defun docwright--lsp-setup ()
  "Register docwright with lsp-mode once lsp-mode is loaded."
  (when docwright-register-with-lsp-mode
    (let ((handlers (make-hash-table :test #'equal)))
      ;; lsp-mode would run the code action's command synchronously,
      ;; giving up after `lsp-response-timeout' (10 s): run it async
      (puthash "docwright.generate" #'docwright--lsp-generate-action handlers)
      (lsp-register-client
       (make-lsp-client
        :new-connection (lsp-stdio-connection #'docwright--command)
        :activation-fn (lambda (_file mode) (memq mode docwright-major-modes))
        :server-id 'docwright
        :add-on? t
        :priority -2
        :initialization-options #'docwright--initialization-options
        :action-handlers handlers)))))

;; Runs from the package's autoloads too (setup is idempotent).
;;;###autoload
(with-eval-after-load 'lsp-mode (docwright--lsp-setup))

;;;; Commands

(defun docwright--dispatch (command arguments on-result)
  "Send COMMAND through whichever client manages the buffer.
ARGUMENTS is (EGLOT-ARGUMENT-FN . LSP-ARGUMENT-FN); ON-RESULT gets the
result."
  (cond
   ((docwright--eglot-server)
    (docwright--eglot-request command (funcall (car arguments)) on-result))
   ((docwright--lsp-workspace-p)
    (docwright--lsp-request command (funcall (cdr arguments)) on-result))
   (t (user-error
       "docwright: no docwright server here (start eglot or lsp first)"))))

;;;###autoload
(defun docwright-generate ()
  "Generate an implementation for the documented stub at point.
The server applies the best candidate to the buffer when it is ready."
  (interactive)
  (message "docwright: generating...")
  (docwright--dispatch "docwright.generate"
                       (cons #'docwright--eglot-argument
                             #'docwright--lsp-argument)
                       (lambda (_) (message "docwright: done"))))

(defun docwright--get (object key)
  "KEY (a string) of the JSON OBJECT, a plist (eglot) or hash table (lsp-mode)."
  (cond ((hash-table-p object) (gethash key object))
        ((and (listp object) (keywordp (car-safe object)))
         (plist-get object (intern (concat ":" key))))))

(defun docwright--number (value format)
  "VALUE formatted with FORMAT, or a dash when it is not a number."
  (if (numberp value) (format format value) "-"))

(defun docwright--report-row (entry)
  "One Markdown table row for the compareModels ENTRY."
  (let ((best (docwright--get entry "best"))
        (model (or (docwright--get entry "model") "?"))
        (id (docwright--get entry "modelID"))
        (err (docwright--get entry "error")))
    (when (and id (not (equal id model)))
      (setq model (format "%s (%s)" model id)))
    (if err
        (format "| %s | error: %s | | | | | |" model err)
      (format "| %s | %s | x%s | %s | %s s | $%s | %s |" model
              (docwright--number (or (docwright--get best "meanLogprob")
                                     (docwright--get best "score"))
                                 "%.2f")
              (or (docwright--get best "agreement") 1)
              (or (docwright--get entry "candidateCount") "-")
              (docwright--number (docwright--get entry "latency") "%.2f")
              (docwright--number (docwright--get entry "cost") "%.5f")
              (if (memq (docwright--get entry "fromCache") '(nil :json-false))
                  "no" "yes")))))

(defun docwright--report-text (result &optional language)
  "The compareModels RESULT as Markdown; LANGUAGE names the code fences."
  (let ((text (and (not (stringp result))
                   (or (docwright--get result "report")
                       (docwright--get result "markdown")
                       (docwright--get result "text"))))
        (entries (and (not (stringp result)) (docwright--get result "entries"))))
    (cond
     ((stringp result) result)
     ((stringp text) text)
     (entries
      (let ((entries (append entries nil)))
        (concat
         "# docwright: model comparison\n\n"
         "| model | best logp | agreement | candidates | latency | cost"
         " | cached |\n"
         "|---|---|---|---|---|---|---|\n"
         (mapconcat #'docwright--report-row entries "\n") "\n"
         (mapconcat
          (lambda (entry)
            (let ((best (docwright--get (docwright--get entry "best")
                                        "text")))
              (if (stringp best)
                  (format "\n## %s: best candidate\n\n```%s\n%s\n```\n"
                          (docwright--get entry "model") (or language "")
                          (string-trim-right best "\n+"))
                "")))
          entries ""))))
     (t (format "%S" result)))))

(defun docwright--show-report (result &optional language)
  "Show the compareModels RESULT in the *docwright compare* buffer.
LANGUAGE names the code fences."
  (with-current-buffer (get-buffer-create "*docwright compare*")
    (let ((inhibit-read-only t))
      (erase-buffer)
      (insert (docwright--report-text result language))
      (goto-char (point-min)))
    (when (fboundp 'markdown-mode) (markdown-mode))
    (setq buffer-read-only t)
    (display-buffer (current-buffer))))

(defun docwright--client-shows-documents-p ()
  "Non-nil when this buffer's client lets the server open documents.
The server then opens its comparison report itself (showDocument)."
  (cond
   ((docwright--eglot-server)
    (let* ((caps (ignore-errors
                   (eglot-client-capabilities (docwright--eglot-server))))
           (window (plist-get caps :window)))
      (eq t (plist-get (plist-get window :showDocument) :support))))
   ((docwright--lsp-workspace-p)
    (let ((window (alist-get 'window (lsp--client-capabilities))))
      (eq t (alist-get 'support (alist-get 'showDocument window)))))))

;;;###autoload
(defun docwright-compare (models)
  "Compare MODELS on the stub at point and show the report.
MODELS are names from :models in `docwright-settings' (all when empty).
Where the client can show documents the server opens its own report;
otherwise it appears in the *docwright compare* buffer."
  (interactive
   (list (completing-read-multiple "docwright: compare models: "
                                   (docwright--configured-models))))
  (let* ((models (or models (docwright--configured-models)))
         (language (docwright--language-id major-mode))
         (shown-by-server (docwright--client-shows-documents-p))
         (with-models (lambda (fn)
                        (lambda ()
                          (append (funcall fn)
                                  (list :models (vconcat models)))))))
    (message "docwright: comparing %s..." (string-join models ", "))
    (docwright--dispatch "docwright.compareModels"
                         (cons (funcall with-models #'docwright--eglot-argument)
                               (funcall with-models #'docwright--lsp-argument))
                         (lambda (result)
                           (unless shown-by-server
                             (docwright--show-report result language))))))

;;;###autoload
(defun docwright-update-settings (settings)
  "Set `docwright-settings' to SETTINGS; tell running lsp-mode servers.
eglot users: set `eglot-workspace-configuration' to (:docwright SETTINGS)."
  (setq docwright-settings settings)
  (when (docwright--lsp-workspace-p)
    (lsp-notify "workspace/didChangeConfiguration"
                (list :settings
                      (list :docwright (docwright--initialization-options))))))

(provide 'docwright)
;;; docwright.el ends here
