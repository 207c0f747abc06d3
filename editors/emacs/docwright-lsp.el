;;; docwright-lsp.el --- docwright's requests through lsp-mode  -*- lexical-binding: t; -*-

;; This file is not part of GNU Emacs.

;;; Commentary:

;; What docwright sends through lsp-mode, to the docwright server alone:
;; lsp-mode sends a request to every server of the buffer that can take
;; it, and pylsp, gopls, ... execute commands too.  `with-lsp-workspaces'
;; (lsp-mode's public macro) narrows each request to docwright's
;; workspace.  Loaded by `docwright-lsp-setup' once lsp-mode is loaded.
;;
;; Part of the docwright package.

;;; Code:

(require 'lsp-mode)

(declare-function docwright--lsp-workspace "docwright")
(declare-function docwright--report-error "docwright")

(defun docwright--lsp-send-async (method params on-result &optional on-error)
  "Send request METHOD with PARAMS to docwright only, without blocking.
ON-RESULT gets the result, ON-ERROR (default: ignore) the error."
  (with-lsp-workspaces (list (docwright--lsp-workspace))
    (lsp-request-async method params on-result :error-handler (or on-error #'ignore))))

(defun docwright--lsp-execute-async (command arguments on-result)
  "Send COMMAND with ARGUMENTS (a vector) to docwright only, without blocking.
ON-RESULT, when non-nil, is called with the result.  Other servers of
the buffer (pylsp, ...) also execute commands: they are not asked."
  (docwright--lsp-send-async "workspace/executeCommand"
                             (list :command command :arguments arguments)
                             (lambda (result) (when on-result (funcall on-result result)))
                             (lambda (err) (docwright--report-error command err))))

(defun docwright--lsp-notify (method params)
  "Send notification METHOD with PARAMS to docwright only."
  (with-lsp-workspaces (list (docwright--lsp-workspace))
    (lsp-notify method params)))

(provide 'docwright-lsp)
;;; docwright-lsp.el ends here
