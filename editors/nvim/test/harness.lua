-- A tiny test harness for headless Neovim (0.7 … 0.12). Cases run one after another inside a
-- coroutine; waiting polls with vim.defer_fn so typed keys (nvim_input) are processed meanwhile.
-- Prints TAP-like lines to stdout ("ok - name" / "not ok - name: reason") and exits with
-- :qall! when every case passed, :cquit 1 otherwise.
local H = {}

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
H.out = out

--- Environment variable `name`, or an error saying it must be set.
function H.env(name)
  local value = os.getenv(name)
  if not value or value == '' then
    error(name .. ' must be set (see scripts/test-editors)', 0)
  end
  return value
end

--- Yields to the event loop for `ms` milliseconds (inside a case).
function H.sleep(ms)
  local co = coroutine.running()
  vim.defer_fn(function()
    local ok, err = coroutine.resume(co)
    if not ok then
      out('# internal error after sleep: ' .. tostring(err))
    end
  end, ms)
  coroutine.yield()
end

--- Waits until cond() returns a truthy value (returned), or fails after timeout_ms; the
--- failure adds details() when given.
function H.wait(cond, timeout_ms, what, details)
  local deadline = (vim.uv or vim.loop).now() + timeout_ms
  while true do
    local ok, value = pcall(cond)
    if ok and value then
      return value
    end
    if (vim.uv or vim.loop).now() > deadline then
      error('timed out after ' .. timeout_ms .. ' ms waiting for ' .. what
        .. (ok and '' or (' (last error: ' .. tostring(value) .. ')'))
        .. (details and (' (' .. details() .. ')') or ''), 0)
    end
    H.sleep(50)
  end
end

function H.eq(expected, actual, what)
  if not vim.deep_equal(expected, actual) then
    error((what or 'value') .. ': expected ' .. vim.inspect(expected) .. ', got ' .. vim.inspect(actual), 0)
  end
end

function H.truthy(value, what)
  if not value then
    error(what, 0)
  end
  return value
end

--- Writes `lines` to `name` in this run's temporary project (a directory with .git) and returns its path.
function H.write_file(name, lines)
  if not H.project then
    H.project = vim.fn.tempname()
    vim.fn.mkdir(H.project .. '/.git', 'p')
  end
  local path = H.project .. '/' .. name
  vim.fn.writefile(lines, path)
  return path
end

function H.lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr or 0, 0, -1, false)
end

--- The docwright client attached to bufnr, waiting until it has initialized.
function H.client(bufnr, timeout_ms)
  return H.wait(function()
    for _, client in ipairs(require('docwright').clients(bufnr)) do
      if client.initialized ~= false and client.server_capabilities then
        return client
      end
    end
  end, timeout_ms or 20000, 'the docwright client to attach and initialize')
end

--- Replaces vim.ui.select with a picker that chooses the item whose formatted title satisfies
--- `want(title)`; records every title offered in `seen`.
function H.stub_select(want, seen)
  vim.ui.select = function(items, opts, on_choice)
    local format = opts and opts.format_item or tostring
    for i, item in ipairs(items) do
      local title = format(item)
      table.insert(seen, title)
      if want(title) then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
end

--- Runs cases {{name, fn}, ...} in order, then exits nvim.
function H.run(cases)
  local failed = 0
  -- DOCWRIGHT_TEST_ONLY=text runs only the cases whose name contains it (while debugging).
  local only = os.getenv('DOCWRIGHT_TEST_ONLY')
  local co = coroutine.create(function()
    for _, case in ipairs(cases) do
      if only and only ~= '' and not case[1]:find(only, 1, true) then
        goto continue
      end
      local ok, err = xpcall(case[2], function(e)
        return tostring(e) .. (os.getenv('DOCWRIGHT_TEST_TRACE') and ('\n' .. debug.traceback()) or '')
      end)
      if ok then
        out('ok - ' .. case[1])
      else
        failed = failed + 1
        out('not ok - ' .. case[1] .. ': ' .. tostring(err):gsub('\n', '\n# '))
      end
      pcall(vim.cmd, 'silent! stopinsert')
      ::continue::
    end
    vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
  end)
  local ok, err = coroutine.resume(co)
  if not ok then
    out('not ok - harness: ' .. tostring(err))
    vim.cmd('cquit 1')
  end
end

return H
