-- Keys for Neovim 0.12's inline completion (vim.lsp.inline_completion): accept the whole ghost
-- text, or only its next word / line (the rest stays offered after typing it).
local M = {}

-- The part of `text` to accept: 'word' (leading whitespace + one word or punctuation run),
-- 'line' (up to and including the first line break), or everything.
function M.prefix(text, unit)
  if unit == 'word' then
    local piece = text:match('^%s*[%w_]+') or text:match('^%s*[^%w_%s]+') or text:match('^%s+')
    return piece or text
  elseif unit == 'line' then
    local line = text:match('^[^\n]*\n')
    if line and line:match('^%s*\n$') then
      -- An empty first line: take the next one along with it.
      line = text:match('^[^\n]*\n[^\n]*\n') or text
    end
    return line or text
  end
  return text
end

-- Accepts the current suggestion, or only its next word / line (unit 'word' / 'line'): that
-- piece is inserted at the cursor like typed text, so Neovim asks again and shows the rest.
-- false when no suggestion is showing.
function M.accept(bufnr, unit)
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
      local lines = vim.split(M.prefix(text, unit), '\n', { plain = true })
      vim.api.nvim_buf_set_text(bufnr, row - 1, col, row - 1, col, lines)
      local last = #lines == 1 and (col + #lines[1]) or #lines[#lines]
      vim.api.nvim_win_set_cursor(0, { row + #lines - 1, last })
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
end

return M
