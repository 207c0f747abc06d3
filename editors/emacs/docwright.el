;;; docwright.el --- Code from docstrings via eglot or lsp-mode -*- lexical-binding: t; -*-

;; Author: docwright contributors
;; URL: https://github.com/docwright/docwright
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
;; This package connects the `docwright lsp' server to lsp-mode (as an
;; add-on beside your usual server) and, on request, to eglot, passes
;; `docwright-settings' as the server's initializationOptions, and adds:
;;
;;   M-x docwright-generate         implement the documented stub at point
;;   M-x docwright-pick             choose among the ranked candidates, with a diff
;;   M-x docwright-compare          compare models on the stub at point
;;   M-x docwright-update-settings  send new settings to the running server
;;
;; lsp-mode: docwright registers itself as an add-on client and runs next
;; to pylsp, gopls, ... in the same buffer.
;;
;;   (require 'docwright)
;;   (add-hook 'python-mode-hook #'lsp-deferred)
;;
;; eglot runs one server per buffer.  To keep your server and add
;; docwright, run both through the `rass' multiplexer (pip install
;; rassumfrassum):
;;
;;   (require 'docwright)
;;   (docwright-eglot-with-rass '(python-mode python-ts-mode) '("pylsp"))
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; To give docwright alone those modes instead (it then replaces your
;; server there), set `docwright-register-with-eglot' to t before loading.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(require 'url-util)
(require 'docwright-report)

(declare-function eglot-current-server "eglot")
(declare-function eglot-managed-p "eglot")
(declare-function eglot-client-capabilities "eglot")
(declare-function jsonrpc-async-request "jsonrpc")
(declare-function jsonrpc-notify "jsonrpc")
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-find-workspace "lsp-mode")
(declare-function lsp-get "lsp-mode")
(declare-function docwright--lsp-execute-async "docwright-lsp")
(declare-function docwright--lsp-notify "docwright-lsp")
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

(defcustom docwright-register-with-eglot nil
  "When non-nil, make docwright eglot's server for `docwright-major-modes'.
This puts docwright first in `eglot-server-programs'.  eglot runs
one server per buffer, so docwright then REPLACES your usual server
(pylsp, gopls, ...) in those modes.  To run both, leave this nil and
use `docwright-eglot-with-rass'."
  :type 'boolean)

(defcustom docwright-rass-program "rass"
  "The rass LSP multiplexer (PyPI rassumfrassum), for `docwright-eglot-with-rass'."
  :type 'string)

(defconst docwright--directory
  (file-name-directory (or load-file-name buffer-file-name default-directory))
  "Where docwright.el was loaded from.")

(defcustom docwright-rass-preset
  (expand-file-name "docwright-rass.py" docwright--directory)
  "The rass preset routing docwright's own requests (ghost text) to it.
nil runs rass without a preset: then rass sends inline completion
requests to the first server only, and `docwright-inline-mode' stays
empty."
  :type '(choice file (const nil)))

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

;;;; Position and URI (what eglot and lsp-mode send for this buffer)

(defun docwright--position ()
  "Point as an LSP position (UTF-16 code units, as eglot and lsp-mode count)."
  (list :line (1- (line-number-at-pos nil t))
        :character (/ (- (length (encode-coding-region
                                  (line-beginning-position) (point) 'utf-16 t))
                         2)
                      2)))

(defun docwright--uri (allowed-chars)
  "The file:// URI of this buffer's file; ALLOWED-CHARS as for `url-hexify-string'."
  (concat "file://"
          (url-hexify-string
           (directory-file-name (file-local-name (file-truename buffer-file-name)))
           allowed-chars)))

(defconst docwright--eglot-uri-chars
  (let ((chars (copy-sequence url-path-allowed-chars)))
    (aset chars ?: nil)
    chars)
  "Characters eglot leaves unescaped in a URI's path.")

;;;; eglot

(defun docwright--eglot-contact (&optional _interactive)
  "The eglot contact: command and initializationOptions, at connect time."
  (append (docwright--command)
          (list :initializationOptions
                #'docwright--initialization-options)))

;;;###autoload
(defun docwright-eglot-register ()
  "Make docwright eglot's server for `docwright-major-modes'.
This replaces the server eglot would otherwise start in those modes;
`docwright-eglot-with-rass' keeps it and adds docwright."
  (interactive)
  (require 'eglot)
  (let ((modes (mapcar (lambda (mode)
                         (list mode :language-id (docwright--language-id mode)))
                       docwright-major-modes)))
    (setq eglot-server-programs
          (cons (cons modes #'docwright--eglot-contact)
                (cl-remove #'docwright--eglot-contact eglot-server-programs
                           :key #'cdr)))))

(defun docwright-rass-command (servers)
  "The command running each of SERVERS and docwright behind one rass.
SERVERS is a list of command lines, e.g. ((\"pylsp\")).  rass sends
every request to the servers that can answer it and merges replies."
  (append (list docwright-rass-program)
          (and docwright-rass-preset (list docwright-rass-preset))
          (apply #'append (mapcar (lambda (server) (cons "--" server)) servers))
          (list "--")
          (docwright--command)))

;;;###autoload
(defun docwright-eglot-with-rass (modes &rest servers)
  "Make eglot run SERVERS and docwright together in MODES, through rass.
MODES is a major mode or a list of them; each of SERVERS is a command
line, e.g. (docwright-eglot-with-rass \='(python-mode python-ts-mode)
\='(\"pylsp\")).  Needs `docwright-rass-program' (pip install
rassumfrassum).  docwright gets `docwright-settings' as
initializationOptions."
  (interactive
   (list (list major-mode)
         (split-string-and-unquote
          (read-string (format "Server to keep in %s (command line): " major-mode)))))
  (require 'eglot)
  (unless (executable-find docwright-rass-program)
    (display-warning 'docwright (format "%s not found: pip install rassumfrassum"
                                        docwright-rass-program)))
  (let ((modes (if (listp modes) modes (list modes)))
        (command (docwright-rass-command servers)))
    (setq eglot-server-programs
          (cons (cons modes (lambda (&optional _interactive)
                              (append command
                                      (list :initializationOptions
                                            #'docwright--initialization-options))))
                (cl-remove-if (lambda (entry)
                                (equal (if (listp (car entry)) (car entry)
                                         (list (car entry)))
                                       modes))
                              eglot-server-programs)))))

(defun docwright--eglot-server ()
  "The eglot server managing this buffer, or nil."
  (and (fboundp 'eglot-managed-p)
       (eglot-managed-p)
       (eglot-current-server)))

(defun docwright--eglot-execute-async (server command arguments on-result)
  "Send COMMAND with ARGUMENTS (a vector) to SERVER without blocking.
ON-RESULT, when non-nil, is called with the result.  Deferred: eglot
sends the buffer's pending changes first."
  (jsonrpc-async-request
   server :workspace/executeCommand
   (list :command command :arguments arguments)
   :success-fn (lambda (result) (when on-result (funcall on-result result)))
   :error-fn (lambda (err) (docwright--report-error command err))
   :timeout-fn (lambda () (message "docwright: %s timed out" command))
   :deferred :workspace/executeCommand
   :timeout docwright-request-timeout))

(defun docwright--eglot-request (command argument on-result)
  "Run COMMAND with ARGUMENT on this buffer's eglot server.
ON-RESULT gets the result."
  (docwright--eglot-execute-async (docwright--eglot-server) command
                                  (vector argument) on-result))

(defun docwright--eglot-argument ()
  "The {uri, position} argument for point, eglot flavour."
  (list :uri (docwright--uri docwright--eglot-uri-chars)
        :position (docwright--position)))

(defun docwright-eglot-setup ()
  "Hook docwright into eglot (done when both are loaded, in either order)."
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


;;;; lsp-mode

(defun docwright--lsp-workspace ()
  "The docwright lsp-mode workspace serving this buffer, or nil."
  (and (bound-and-true-p lsp-mode)
       buffer-file-name
       (lsp-find-workspace 'docwright buffer-file-name)))

(defun docwright--lsp-request (command argument on-result)
  "Run COMMAND with ARGUMENT on the docwright server; ON-RESULT gets it."
  (docwright--lsp-execute-async command (vector argument) on-result))

(defun docwright--lsp-argument ()
  "The {uri, position} argument for point, lsp-mode flavour."
  (list :uri (docwright--uri url-path-allowed-chars)
        :position (docwright--position)))

(defun docwright--lsp-generate-action (action)
  "Run the code action command ACTION (docwright.generate) asynchronously."
  (docwright--lsp-execute-async "docwright.generate"
                                (lsp-get action :arguments) nil))

(defun docwright-lsp-setup ()
  "Register docwright with lsp-mode (done when both are loaded, in either order)."
  (when docwright-register-with-lsp-mode
    (require 'docwright-lsp)
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

(defvar docwright--set-up nil "The clients docwright has been set up with.")

(defun docwright--set-up-clients (&optional _file)
  "Set docwright up with eglot and lsp-mode, those loaded so far, once each."
  (dolist (client '((eglot . docwright-eglot-setup) (lsp-mode . docwright-lsp-setup)))
    (when (and (featurep (car client)) (not (memq (car client) docwright--set-up)))
      (push (car client) docwright--set-up)
      (funcall (cdr client))))
  (when (= (length docwright--set-up) 2)
    (remove-hook 'after-load-functions #'docwright--set-up-clients)))

;; Now for the clients already loaded, later for the others (as they load).
(docwright--set-up-clients)
(add-hook 'after-load-functions #'docwright--set-up-clients)

;;;; Commands

(defun docwright--dispatch (command arguments on-result)
  "Send COMMAND through whichever client manages the buffer.
ARGUMENTS is (EGLOT-ARGUMENT-FN . LSP-ARGUMENT-FN); ON-RESULT gets the
result."
  (cond
   ((docwright--eglot-server)
    (docwright--eglot-request command (funcall (car arguments)) on-result))
   ((docwright--lsp-workspace)
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

;;;###autoload
(defun docwright-update-settings (settings)
  "Set `docwright-settings' to SETTINGS and send them to the running server.
Interactively, edit the current settings as a plist."
  (interactive
   (list (read (read-string "docwright settings (plist): "
                            (prin1-to-string docwright-settings)))))
  (setq docwright-settings settings)
  (let ((params (list :settings
                      (list :docwright (docwright--initialization-options)))))
    (cond
     ((docwright--eglot-server)
      (jsonrpc-notify (docwright--eglot-server)
                      :workspace/didChangeConfiguration params))
     ((docwright--lsp-workspace)
      (docwright--lsp-notify "workspace/didChangeConfiguration" params)))))

(provide 'docwright)
(require 'docwright-pick)
(require 'docwright-inline)
;;; docwright.el ends here
