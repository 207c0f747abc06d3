-- The result of docwright.compareModels as lines to show. The server renders the report (its
-- `markdown` field): editors display it and never re-render the entries.
local M = {}

--- Lines of the server's Markdown report in `result`.
function M.lines(result)
  if type(result) == 'string' then
    return vim.split(result, '\n', { plain = true })
  end
  local text = type(result) == 'table' and (result.markdown or result.report) or nil
  if type(text) == 'string' then
    return vim.split(text, '\n', { plain = true })
  end
  return { '# docwright: model comparison', '', 'The server sent no report: ' .. vim.inspect(result) }
end

return M
