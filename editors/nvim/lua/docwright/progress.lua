-- The server's $/progress, shown with vim.notify: the begin title, every report (samples done,
-- verifying, …) and the end message as the server wrote it — "3 candidates from local", or
-- "failed: <error>" as a warning (never a plain "done"). Neovim's own progress handler runs
-- first, so statusline plugins reading client.progress / LspProgress keep working.
local M = {}

-- token -> title of the progress it began
local titles = {}

--- Every message shown, oldest first ({ text, level, kind = 'begin'|'report'|'end' }); tests read it.
M.shown = {}

local function show(text, level, kind)
  table.insert(M.shown, { text = text, level = level, kind = kind })
  if #M.shown > 100 then
    table.remove(M.shown, 1)
  end
  vim.notify(text, level)
end

local function with_percentage(text, value)
  if type(value.percentage) == 'number' then
    return text .. string.format(' (%d%%)', value.percentage)
  end
  return text
end

function M.handler(err, result, ctx, config)
  local default = vim.lsp.handlers['$/progress']
  if default and default ~= M.handler then
    pcall(default, err, result, ctx, config)
  end
  local docwright = require('docwright')
  if not docwright.options.progress or type(result) ~= 'table' or type(result.value) ~= 'table' then
    return
  end
  local value = result.value
  local token = tostring(result.token)
  local levels = vim.log.levels
  if value.kind == 'begin' then
    titles[token] = value.title or 'docwright'
    local text = titles[token] .. (value.message and (': ' .. value.message) or '') .. '…'
    show(with_percentage(text, value), levels.INFO, 'begin')
  elseif value.kind == 'report' then
    local text = (titles[token] or 'docwright') .. ': ' .. (value.message or '…')
    show(with_percentage(text, value), levels.INFO, 'report')
  elseif value.kind == 'end' then
    local message = value.message or 'done'
    local failed = message:match('^failed') or message:match('^cancelled')
    show((titles[token] or 'docwright') .. ': ' .. message, failed and levels.WARN or levels.INFO, 'end')
    titles[token] = nil
  end
end

return M
