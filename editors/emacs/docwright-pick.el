;;; docwright-pick.el --- Choose among docwright's ranked candidates  -*- lexical-binding: t; -*-

;; This file is not part of GNU Emacs.

;;; Commentary:

;; M-x docwright-pick: the server's ranked candidates for the stub at
;; point (workspace/executeCommand docwright.candidates) in
;; `completing-read', each titled with its rank, score, verification and
;; model; the chosen one's diff in the *docwright preview* buffer; the
;; edit applied after confirmation.  Works with eglot and lsp-mode: the
;; edit is applied here, from the WorkspaceEdit the server sent, without
;; either client's internals.  Part of the docwright package.

;;; Code:

(require 'cl-lib)
(require 'url-parse)
(require 'url-util)
(require 'docwright-report)

(declare-function docwright--dispatch "docwright")
(declare-function docwright--eglot-argument "docwright")
(declare-function docwright--lsp-argument "docwright")
(declare-function docwright--configured-models "docwright")

(defconst docwright-pick-preview-buffer "*docwright preview*"
  "Name of the buffer showing the chosen candidate's diff.")

(defun docwright--goto-lsp-position (position)
  "Move to the LSP POSITION (a line and a UTF-16 character offset)."
  (goto-char (point-min))
  (forward-line (docwright--get position "line"))
  (let ((units 0)
        (want (docwright--get position "character"))
        (eol (line-end-position)))
    (while (and (< units want) (< (point) eol))
      (setq units (+ units (if (> (char-after) #xFFFF) 2 1)))
      (forward-char 1))))

(defun docwright--uri-buffer (uri)
  "The buffer visiting the file of the file:// URI."
  (let ((file (url-unhex-string (url-filename (url-generic-parse-url uri)))))
    (or (find-buffer-visiting file) (find-file-noselect file))))

(defun docwright--map-entries (object)
  "The (KEY . VALUE) pairs of the JSON OBJECT (a plist or a hash table)."
  (cond ((hash-table-p object)
         (let (pairs)
           (maphash (lambda (k v) (push (cons k v) pairs)) object)
           (nreverse pairs)))
        ((listp object)
         (cl-loop for (k v) on object by #'cddr
                  collect (cons (substring (symbol-name k) 1) v)))))

(defun docwright--apply-text-edits (edits)
  "Apply the LSP TextEdits EDITS to the current buffer, as one undo step."
  (let ((regions
         (mapcar (lambda (edit)
                   (let ((range (docwright--get edit "range")))
                     (list (save-excursion
                             (docwright--goto-lsp-position (docwright--get range "start"))
                             (point-marker))
                           (save-excursion
                             (docwright--goto-lsp-position (docwright--get range "end"))
                             (point-marker))
                           (docwright--get edit "newText"))))
                 (append edits nil))))
    (atomic-change-group
      (save-excursion
        (dolist (region regions)
          (goto-char (nth 0 region))
          (delete-region (nth 0 region) (nth 1 region))
          (insert (nth 2 region)))))))

(defun docwright-apply-workspace-edit (edit)
  "Apply the LSP WorkspaceEdit EDIT: its `changes' or `documentChanges'."
  (let ((changes (docwright--get edit "changes"))
        (document-changes (docwright--get edit "documentChanges")))
    (dolist (entry (docwright--map-entries changes))
      (with-current-buffer (docwright--uri-buffer (car entry))
        (docwright--apply-text-edits (cdr entry))))
    (dolist (change (append document-changes nil))
      (with-current-buffer (docwright--uri-buffer
                            (docwright--get (docwright--get change "textDocument") "uri"))
        (docwright--apply-text-edits (docwright--get change "edits"))))))

(defun docwright--show-preview (candidate)
  "Show CANDIDATE's diff in `docwright-pick-preview-buffer'."
  (with-current-buffer (get-buffer-create docwright-pick-preview-buffer)
    (let ((inhibit-read-only t))
      (erase-buffer)
      (insert (or (docwright--get candidate "preview") ""))
      (goto-char (point-min)))
    (diff-mode)
    (setq buffer-read-only t)
    (display-buffer (current-buffer))))

(defun docwright--pick-table (titles)
  "A completion table of TITLES that keeps the server's ranking order."
  (lambda (string predicate action)
    (if (eq action 'metadata)
        '(metadata (category . docwright-candidate)
                   (display-sort-function . identity)
                   (cycle-sort-function . identity))
      (complete-with-action action titles string predicate))))

(defun docwright--pick-from (result buffer)
  "Let the user choose among RESULT's candidates, preview, apply in BUFFER."
  (let* ((candidates (append (docwright--get result "candidates") nil))
         (titles (mapcar (lambda (c) (cons (docwright--get c "title") c)) candidates)))
    (if (null candidates)
        (message "docwright: no candidates here")
      (with-current-buffer buffer
        (let* ((title (completing-read
                       (format "docwright: candidate (%s, %d): "
                               (docwright--get result "model") (length candidates))
                       (docwright--pick-table (mapcar #'car titles)) nil t))
               (candidate (cdr (assoc title titles)))
               (rank (docwright--get candidate "rank")))
          (when candidate
            (docwright--show-preview candidate)
            (unwind-protect
                (if (y-or-n-p (format "Apply candidate #%s? " rank))
                    (progn (docwright-apply-workspace-edit
                            (docwright--get candidate "edit"))
                           (message "docwright: applied candidate #%s" rank))
                  (message "docwright: nothing applied"))
              (let ((preview (get-buffer docwright-pick-preview-buffer)))
                (when preview
                  (mapc #'delete-window (get-buffer-window-list preview nil t))
                  (kill-buffer preview))))))))))

;;;###autoload
(defun docwright-pick (&optional model)
  "Choose a ranked candidate for the stub at point, see its diff, apply it.
With a prefix argument, ask for the MODEL (a name from :models in
`docwright-settings')."
  (interactive
   (list (and current-prefix-arg
              (completing-read "docwright: model: " (docwright--configured-models)))))
  (let ((buffer (current-buffer))
        (with-model (lambda (fn)
                      (lambda ()
                        (append (funcall fn)
                                (and model (not (string-empty-p model))
                                     (list :model model)))))))
    (message "docwright: getting candidates...")
    (docwright--dispatch "docwright.candidates"
                         (cons (funcall with-model #'docwright--eglot-argument)
                               (funcall with-model #'docwright--lsp-argument))
                         (lambda (result)
                           ;; Leave the process filter before asking the user.
                           (run-at-time 0 nil #'docwright--pick-from result buffer)))))

(provide 'docwright-pick)
;;; docwright-pick.el ends here
