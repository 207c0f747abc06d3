-- Formats the result of docwright.compareModels ({ entries = [...] }) as Markdown lines.
local M = {}

local function number(value, format)
  return type(value) == 'number' and string.format(format, value) or '–'
end

local function row(entry)
  if entry.error then
    return string.format('| %s | error: %s | | | | | |', entry.model or '?', tostring(entry.error):gsub('\n', ' '))
  end
  local best = type(entry.best) == 'table' and entry.best or {}
  local model = entry.model or '?'
  if entry.modelID and entry.modelID ~= model then
    model = model .. ' (' .. entry.modelID .. ')'
  end
  return string.format('| %s | %s | ×%s | %s | %s s | $%s | %s |', model,
    number(best.meanLogprob or best.score, '%.2f'), best.agreement or 1, entry.candidateCount or '–',
    number(entry.latency, '%.2f'), number(entry.cost, '%.5f'), entry.fromCache and 'yes' or 'no')
end

--- Lines of a Markdown report for `result`; `language` names the code fences.
function M.lines(result, language)
  if type(result) == 'string' then
    return vim.split(result, '\n', { plain = true })
  end
  if type(result) ~= 'table' then
    return { vim.inspect(result) }
  end
  local text = result.report or result.markdown or result.text
  if type(text) == 'string' then
    return vim.split(text, '\n', { plain = true })
  end
  if type(result.entries) ~= 'table' then
    return vim.split(vim.inspect(result), '\n', { plain = true })
  end
  local lines = {
    '# docwright: model comparison', '',
    '| model | best logp | agreement | candidates | latency | cost | cached |',
    '|---|---|---|---|---|---|---|',
  }
  for _, entry in ipairs(result.entries) do
    table.insert(lines, row(entry))
  end
  for _, entry in ipairs(result.entries) do
    local best = type(entry.best) == 'table' and entry.best or nil
    if best and best.text then
      vim.list_extend(lines, { '', '## ' .. (entry.model or '?') .. ': best candidate', '', '```' .. (language or '') })
      vim.list_extend(lines, vim.split((best.text:gsub('\n+$', '')), '\n', { plain = true }))
      table.insert(lines, '```')
    end
  end
  return lines
end

return M
