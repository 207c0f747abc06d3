-- :DocwrightPick — the server's ranked candidates (workspace/executeCommand docwright.candidates)
-- in vim.ui.select, each titled with its rank, score, verification and model; the chosen one's
-- diff (the server's unified-diff preview) in a floating window; applied on confirmation with
-- vim.lsp.util.apply_workspace_edit. Nothing is re-ranked or re-rendered here.
local M = {}

local APPLY = 'Apply'
local BACK = 'Back to the list'
local CANCEL = 'Cancel'

-- The preview window, if open.
M.preview_win = nil

function M.close_preview()
  if M.preview_win and vim.api.nvim_win_is_valid(M.preview_win) then
    vim.api.nvim_win_close(M.preview_win, true)
  end
  M.preview_win = nil
end

-- Opens `text` (a unified diff) in a floating window with filetype diff; returns its buffer.
function M.show_preview(text, title)
  M.close_preview()
  local lines = vim.split(text or '', '\n', { plain = true })
  if lines[#lines] == '' then
    table.remove(lines)
  end
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].filetype = 'diff'
  vim.bo[buf].modifiable = false
  vim.bo[buf].bufhidden = 'wipe'
  local width = 20
  for _, line in ipairs(lines) do
    width = math.max(width, vim.fn.strdisplaywidth(line))
  end
  width = math.min(width + 2, math.max(20, vim.o.columns - 4))
  local height = math.min(#lines, math.max(3, vim.o.lines - 6))
  local config = {
    relative = 'editor',
    row = math.max(0, math.floor((vim.o.lines - height) / 2) - 2),
    col = math.max(0, math.floor((vim.o.columns - width) / 2)),
    width = width,
    height = math.max(1, height),
    style = 'minimal',
    border = 'rounded',
  }
  if vim.fn.has('nvim-0.9') == 1 then
    config.title = ' ' .. title .. ' '
  end
  M.preview_win = vim.api.nvim_open_win(buf, false, config)
  return buf
end

local function apply(client, choice)
  local ok, err = pcall(vim.lsp.util.apply_workspace_edit, choice.edit, client.offset_encoding or 'utf-16')
  if not ok then
    require('docwright').notify('could not apply candidate #' .. choice.rank .. ': ' .. tostring(err),
      vim.log.levels.ERROR)
    return
  end
  require('docwright').notify('applied candidate #' .. choice.rank)
end

-- Lists `result.candidates`, previews the chosen one, asks Apply / Back / Cancel.
local function choose(client, bufnr, result)
  local candidates = result.candidates or {}
  vim.ui.select(candidates, {
    prompt = string.format('docwright: %d candidate%s from %s%s', #candidates, #candidates == 1 and '' or 's',
      result.model or '?', result.fromCache and ' (cached)' or ''),
    format_item = function(candidate)
      return candidate.title
    end,
    kind = 'docwright.candidate',
  }, function(choice)
    if not choice then
      return
    end
    M.show_preview(choice.preview, 'candidate #' .. choice.rank)
    vim.ui.select({ APPLY, BACK, CANCEL }, {
      prompt = 'docwright: apply candidate #' .. choice.rank .. '?',
      kind = 'docwright.confirm',
    }, function(answer)
      M.close_preview()
      if answer == APPLY then
        apply(client, choice)
      elseif answer == BACK then
        choose(client, bufnr, result)
      end
    end)
  end)
end

function M.pick(model)
  local docwright = require('docwright')
  local bufnr = vim.api.nvim_get_current_buf()
  local client = docwright.current_client(bufnr)
  if not client then
    return
  end
  local argument = docwright.cursor_argument(client)
  if model and model ~= '' then
    argument.model = model
  end
  docwright.execute(client, bufnr, 'docwright.candidates', argument, function(result)
    if type(result) ~= 'table' or type(result.candidates) ~= 'table' or #result.candidates == 0 then
      docwright.notify('no candidates here', vim.log.levels.WARN)
      return
    end
    choose(client, bufnr, result)
  end)
end

return M
