;;; docwright-report.el --- docwright's model comparison report  -*- lexical-binding: t; -*-

;; This file is not part of GNU Emacs.

;;; Commentary:

;; M-x docwright-compare: how each model does on the stub at point.  The
;; server opens its own Markdown report where the client lets it (Emacs
;; 30's eglot); otherwise it appears in *docwright compare*.  Also the JSON
;; accessors shared by docwright's commands.  Part of the docwright package.

;;; Code:

(require 'subr-x)

(declare-function eglot-client-capabilities "eglot")
(declare-function docwright--dispatch "docwright")
(declare-function docwright--eglot-server "docwright")
(declare-function docwright--eglot-argument "docwright")
(declare-function docwright--lsp-argument "docwright")
(declare-function docwright--language-id "docwright")
(declare-function docwright--configured-models "docwright")

(defun docwright--get (object key)
  "KEY (a string) of the JSON OBJECT, a plist (eglot) or hash table (lsp-mode)."
  (cond ((hash-table-p object) (gethash key object))
        ((and (listp object) (keywordp (car-safe object)))
         (plist-get object (intern (concat ":" key))))))

(defun docwright--report-text (result &optional _language)
  "The server's Markdown report in the compareModels RESULT.
The server renders it once (its `markdown' field); editors only show it."
  (let ((text (and (not (stringp result))
                   (or (docwright--get result "markdown")
                       (docwright--get result "report")))))
    (cond
     ((stringp result) result)
     ((stringp text) text)
     (t (format "# docwright: model comparison\n\nThe server sent no report: %S\n" result)))))

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
   ;; lsp-mode 8 does not let servers show documents.
   (t nil)))

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

(provide 'docwright-report)
;;; docwright-report.el ends here
