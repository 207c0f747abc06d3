-- Keys for Neovim 0.12's inline completion (vim.lsp.inline_completion): accept the whole ghost
-- text, or only its next word / line. After a partial accept the rest of the suggestion stays
-- on screen (this module's own ghost text: the server has nothing new to say about a body
-- that is half typed) until it is accepted, the cursor leaves, or insert mode ends.
local M = {}

local ns = vim.api.nvim_create_namespace('docwright.inline_rest')

-- The rest of a partly accepted suggestion: { bufnr, row, col, text } (row/col: where it goes).
M.rest = nil

-- The part of `text` to accept: 'word' (leading whitespace + one word or punctuation run),
-- 'line' (the rest of the line; at a line's end, the line break and the next line), or all.
function M.prefix(text, unit)
  if unit == 'word' then
    return text:match('^%s*[%w_]+') or text:match('^%s*[^%w_%s]+') or text:match('^%s+') or text
  elseif unit == 'line' then
    local first = text:match('^[^\n]*')
    if first:match('%S') then
      return first
    end
    return text:match('^[^\n]*\n[^\n]*') or text
  end
  return text
end

local function clear()
  if M.rest and vim.api.nvim_buf_is_valid(M.rest.bufnr) then
    vim.api.nvim_buf_clear_namespace(M.rest.bufnr, ns, 0, -1)
  end
  M.rest = nil
end
M.clear = clear

local function show_rest(bufnr, row, col, text)
  clear()
  if text == '' then
    return
  end
  M.rest = { bufnr = bufnr, row = row, col = col, text = text }
  local lines = vim.split(text, '\n', { plain = true })
  local virt_lines = {}
  for i = 2, #lines do
    table.insert(virt_lines, { { lines[i], 'ComplHint' } })
  end
  vim.api.nvim_buf_set_extmark(bufnr, ns, row, col, {
    virt_text = { { lines[1], 'ComplHint' } },
    virt_text_pos = 'inline',
    virt_lines = #virt_lines > 0 and virt_lines or nil,
  })
end

-- Inserts the `unit` part of `text` at the cursor; shows what is left.
local function insert_part(bufnr, text, unit)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local piece = M.prefix(text, unit)
  local lines = vim.split(piece, '\n', { plain = true })
  vim.api.nvim_buf_set_text(bufnr, row - 1, col, row - 1, col, lines)
  local last = #lines == 1 and (col + #lines[1]) or #lines[#lines]
  vim.api.nvim_win_set_cursor(0, { row + #lines - 1, last })
  show_rest(bufnr, row + #lines - 2, last, text:sub(#piece + 1))
end

-- Accepts the current suggestion, or only its next word / line (unit 'word' / 'line'). false
-- when no suggestion is showing.
function M.accept(bufnr, unit)
  local rest = M.rest
  if rest and rest.bufnr == bufnr then
    local row, col = unpack(vim.api.nvim_win_get_cursor(0))
    if row - 1 == rest.row and col == rest.col then
      vim.schedule(function()
        insert_part(bufnr, rest.text, unit)
      end)
      return true
    end
    clear()
  end
  if unit == nil then
    return vim.lsp.inline_completion.get({ bufnr = bufnr })
  end
  return vim.lsp.inline_completion.get({
    bufnr = bufnr,
    on_accept = function(item)
      local text = item.insert_text
      if type(text) == 'table' then
        text = text.value
      end
      if type(text) ~= 'string' then
        return
      end
      -- The item replaces a range starting at or before the cursor: drop what is typed already.
      local row, col = unpack(vim.api.nvim_win_get_cursor(0))
      local range = item.range
      if range and range.start.row == row - 1 and range.start.col <= col then
        local line = vim.api.nvim_buf_get_lines(bufnr, row - 1, row, false)[1] or ''
        local typed = line:sub(range.start.col + 1, col)
        if text:sub(1, #typed) == typed then
          text = text:sub(#typed + 1)
        end
      end
      insert_part(bufnr, text, unit)
    end,
  })
end

-- Maps the configured insert-mode keys in `bufnr`.
function M.map_keys(bufnr, opts)
  local keys = {
    { opts.inline_accept_key, nil, 'accept inline completion' },
    { opts.inline_accept_word_key, 'word', 'accept the next word of the inline completion' },
    { opts.inline_accept_line_key, 'line', 'accept the next line of the inline completion' },
  }
  for _, key in ipairs(keys) do
    local lhs, unit = key[1], key[2]
    if lhs then
      vim.keymap.set('i', lhs, function()
        if not M.accept(bufnr, unit) then
          return vim.api.nvim_replace_termcodes(lhs, true, false, true)
        end
        return ''
      end, { buffer = bufnr, expr = true, desc = 'docwright: ' .. key[3] })
    end
  end
  -- The rest goes away when insert mode ends or the cursor moves away from it.
  vim.api.nvim_create_autocmd({ 'InsertLeave', 'CursorMovedI' }, {
    buffer = bufnr,
    group = vim.api.nvim_create_augroup('docwright.inline.' .. bufnr, { clear = true }),
    callback = function(args)
      local rest = M.rest
      if rest and rest.bufnr == bufnr then
        local row, col = unpack(vim.api.nvim_win_get_cursor(0))
        if args.event == 'InsertLeave' or row - 1 ~= rest.row or col ~= rest.col then
          clear()
        end
      end
    end,
  })
end

return M
