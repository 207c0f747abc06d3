;;; docwright-inline.el --- Ghost text from docwright's inline completions  -*- lexical-binding: t; -*-

;; This file is not part of GNU Emacs.

;;; Commentary:

;; `docwright-inline-mode' shows docwright's textDocument/inlineCompletion
;; items as ghost text (an overlay after point, like copilot.el), with
;; eglot or lsp-mode.  Suggestions are asked for when Emacs is idle after
;; an edit (the server debounces and drops stale requests too), or with
;; M-x docwright-inline-complete (answered as soon as the first good
;; candidate is sampled; M-n then asks again for all of them).  While one
;; shows:
;;
;;   TAB  docwright-inline-accept     insert it
;;   M-n  docwright-inline-next       the next candidate
;;   M-p  docwright-inline-previous   the previous one
;;   C-g  docwright-inline-dismiss    hide it (so does any other command)
;;
;; Part of the docwright package.

;;; Code:

(require 'cl-lib)
(require 'docwright-report)

(declare-function docwright--eglot-server "docwright")
(declare-function docwright--lsp-workspace "docwright")
(declare-function docwright--eglot-argument "docwright")
(declare-function docwright--lsp-argument "docwright")
(declare-function docwright--goto-lsp-position "docwright-pick")
(declare-function jsonrpc-async-request "jsonrpc")
(declare-function docwright--lsp-send-async "docwright-lsp")

(defgroup docwright-inline nil
  "Ghost text from docwright."
  :group 'docwright
  :prefix "docwright-inline-")

(defcustom docwright-inline-idle-delay 0.4
  "Seconds of idle time after an edit before asking for a suggestion."
  :type 'number)

(defface docwright-inline-face '((t :inherit shadow))
  "Face of the ghost text.")

(defvar-local docwright-inline--overlay nil "The ghost text overlay.")
(defvar-local docwright-inline--items nil "The items of the last answer (a list).")
(defvar-local docwright-inline--index 0 "Which of `docwright-inline--items' shows.")
(defvar-local docwright-inline--timer nil "Idle timer of the pending request.")
(defvar-local docwright-inline--active nil "Non-nil while ghost text shows.")
(defvar-local docwright-inline--provisional nil
  "Non-nil when the items are a provisional ranking.
An explicit request is answered on the first good candidate while the
others are still being sampled; cycling asks again for the full list.")

(defvar docwright-inline-active-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "TAB") #'docwright-inline-accept)
    (define-key map (kbd "<tab>") #'docwright-inline-accept)
    (define-key map (kbd "M-n") #'docwright-inline-next)
    (define-key map (kbd "M-p") #'docwright-inline-previous)
    (define-key map (kbd "C-g") #'docwright-inline-dismiss)
    map)
  "Keys active while docwright's ghost text shows.")

(defvar docwright-inline--map-alist
  `((docwright-inline--active . ,docwright-inline-active-map))
  "Entry of `emulation-mode-map-alists' for `docwright-inline-active-map'.")

(defun docwright-inline--request (params on-result)
  "Send textDocument/inlineCompletion PARAMS to docwright.
ON-RESULT gets the answer."
  (cond
   ((docwright--eglot-server)
    (jsonrpc-async-request (docwright--eglot-server) :textDocument/inlineCompletion params
                           :success-fn on-result
                           :error-fn #'ignore
                           :deferred :textDocument/inlineCompletion))
   ((docwright--lsp-workspace)
    (docwright--lsp-send-async "textDocument/inlineCompletion" params on-result))))

(defun docwright-inline--text (item)
  "The text ITEM inserts."
  (let ((text (docwright--get item "insertText")))
    (if (stringp text) text (or (docwright--get text "value") ""))))

(defun docwright-inline--region (item)
  "The (START . END) that ITEM replaces, point when it names no range."
  (let ((range (docwright--get item "range")))
    (if (not range)
        (cons (point) (point))
      (save-excursion
        (cons (progn (docwright--goto-lsp-position (docwright--get range "start"))
                     (point))
              (progn (docwright--goto-lsp-position (docwright--get range "end"))
                     (point)))))))

(defun docwright-inline-dismiss ()
  "Hide the ghost text."
  (interactive)
  (when (overlayp docwright-inline--overlay)
    (delete-overlay docwright-inline--overlay))
  (setq docwright-inline--overlay nil
        docwright-inline--active nil))

(defun docwright-inline--show ()
  "Show the current item as ghost text after point.
What is typed of it already is left out."
  (docwright-inline-dismiss)
  (let* ((item (nth docwright-inline--index docwright-inline--items))
         (text (and item (docwright-inline--text item)))
         (region (and item (docwright-inline--region item)))
         (typed (and region (buffer-substring-no-properties (car region) (point)))))
    (when (and text (<= (car region) (point)) (string-prefix-p typed text))
      (let ((ghost (substring text (length typed)))
            (count (length docwright-inline--items)))
        (when (> count 1)
          (setq ghost (concat ghost (propertize
                                     (format "  [%d/%d]" (1+ docwright-inline--index) count)
                                     'face 'shadow))))
        (setq docwright-inline--overlay (make-overlay (point) (point) nil t nil))
        (overlay-put docwright-inline--overlay 'after-string
                     (propertize ghost 'face 'docwright-inline-face 'cursor t))
        (overlay-put docwright-inline--overlay 'docwright-item item)
        (setq docwright-inline--active t)))))

(defun docwright-inline--answer (buffer point result &optional index)
  "Show RESULT's items in BUFFER when point is still at POINT.
INDEX (default 0, modulo the number of items) is the one shown."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (when (= (point) point)
        (setq docwright-inline--items (append (or (docwright--get result "items")
                                                  (and (vectorp result) result))
                                              nil)
              docwright-inline--provisional (eq (docwright--get result "provisional") t)
              docwright-inline--index (if docwright-inline--items
                                          (mod (or index 0) (length docwright-inline--items))
                                        0))
        (docwright-inline--show)))))

(defun docwright-inline--ask (trigger-kind &optional index)
  "Ask docwright for suggestions at point (TRIGGER-KIND 1 invoked, 2 automatic).
INDEX is the item to show of the answer (default the first)."
  (let* ((argument (if (docwright--eglot-server)
                       (docwright--eglot-argument)
                     (docwright--lsp-argument)))
         (params (list :textDocument (list :uri (plist-get argument :uri))
                       :position (plist-get argument :position)
                       :context (list :triggerKind trigger-kind)))
         (buffer (current-buffer))
         (point (point)))
    (docwright-inline--request params (lambda (result)
                                        (docwright-inline--answer buffer point result index)))))

(defun docwright-inline-complete ()
  "Ask for a suggestion at point now.
An explicit request: the server shows low-confidence ones too."
  (interactive)
  (docwright-inline--ask 1))

(defun docwright-inline-next (&optional step)
  "Show the next candidate (the STEPth next)."
  (interactive)
  (when docwright-inline--items
    (if docwright-inline--provisional
        ;; The rest has been sampled meanwhile (or soon will be): ask for the full list.
        (progn (setq docwright-inline--provisional nil)
               (docwright-inline--ask 1 (+ docwright-inline--index (or step 1))))
      (setq docwright-inline--index (mod (+ docwright-inline--index (or step 1))
                                         (length docwright-inline--items)))
      (docwright-inline--show))))

(defun docwright-inline-previous ()
  "Show the previous candidate."
  (interactive)
  (docwright-inline-next -1))

(defun docwright-inline-accept ()
  "Insert the suggestion that shows."
  (interactive)
  (let ((item (and (overlayp docwright-inline--overlay)
                   (overlay-get docwright-inline--overlay 'docwright-item))))
    (docwright-inline-dismiss)
    (when item
      (let ((region (docwright-inline--region item)))
        (delete-region (car region) (cdr region))
        (goto-char (car region))
        (insert (docwright-inline--text item)))
      (setq docwright-inline--items nil))))

(defvar eglot-send-changes-idle-time)

(defun docwright-inline--idle-delay ()
  "Idle seconds before asking: `docwright-inline-idle-delay'.
With eglot, a little longer than `eglot-send-changes-idle-time' too:
eglot sends edits to the server when that idle time has passed, and
the request must come after the edit it is about (Emacs 30's eglot does
not hold it back until then)."
  (if (and (docwright--eglot-server) (boundp 'eglot-send-changes-idle-time)
           (numberp eglot-send-changes-idle-time))
      (max docwright-inline-idle-delay (+ eglot-send-changes-idle-time 0.1))
    docwright-inline-idle-delay))

(defun docwright-inline--after-change (&rest _)
  "Ask again when Emacs is idle after this edit."
  (docwright-inline-dismiss)
  (when (timerp docwright-inline--timer) (cancel-timer docwright-inline--timer))
  (let ((buffer (current-buffer)))
    (setq docwright-inline--timer
          (run-with-idle-timer (docwright-inline--idle-delay) nil
                               (lambda ()
                                 (when (and (buffer-live-p buffer)
                                            (eq buffer (current-buffer)))
                                   (docwright-inline--ask 2)))))))

(defun docwright-inline--post-command ()
  "Hide the ghost text after any command but docwright's own."
  (unless (memq this-command '(docwright-inline-next docwright-inline-previous
                               docwright-inline-complete docwright-inline-accept))
    (when (and docwright-inline--overlay
               (/= (point) (overlay-start docwright-inline--overlay)))
      (docwright-inline-dismiss))))

;;;###autoload
(define-minor-mode docwright-inline-mode
  "Show docwright's suggestions as ghost text (TAB accepts, M-n/M-p cycle)."
  :lighter " dw-ghost"
  (if docwright-inline-mode
      (progn
        (add-to-list 'emulation-mode-map-alists 'docwright-inline--map-alist)
        (add-hook 'after-change-functions #'docwright-inline--after-change nil t)
        (add-hook 'post-command-hook #'docwright-inline--post-command nil t))
    (remove-hook 'after-change-functions #'docwright-inline--after-change t)
    (remove-hook 'post-command-hook #'docwright-inline--post-command t)
    (docwright-inline-dismiss)))

(provide 'docwright-inline)
;;; docwright-inline.el ends here
