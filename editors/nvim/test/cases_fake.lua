-- Cases against the scripted model: the generated body is known exactly (FAKE_MODEL_BODY).
return function(H, has_inline)
  local body = H.env('FAKE_MODEL_BODY') -- e.g. "return a + b", the statement the fake model writes
  local bin = H.env('DOCWRIGHT_BIN')
  local GENERATE = 'docwright: Generate implementation'

  local stub = {
    'import math',
    '',
    '',
    'def add(a, b):',
    '    """Return the sum of a and b."""',
    '    pass',
    '',
    '',
    'def untouched():',
    '    return 1',
  }
  local expected = vim.deepcopy(stub)
  expected[6] = '    ' .. body

  local files = 0
  local function open(lines)
    vim.cmd('silent! %bwipeout!')
    files = files + 1
    local path = H.write_file('sample' .. files .. '.py', lines)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    H.eq('python', vim.bo[bufnr].filetype, 'filetype')
    H.client(bufnr)
    return bufnr
  end

  local function changed(bufnr, before)
    return function()
      return not vim.deep_equal(H.lines(bufnr), before)
    end
  end

  local function code_action_titles(want)
    local seen = {}
    H.stub_select(want, seen)
    vim.lsp.buf.code_action()
    return seen
  end

  local cases = {}

  local generated_buf
  table.insert(cases, { 'code action "Generate implementation" replaces the stub with the body', function()
    local bufnr = open(stub)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    local seen = code_action_titles(function(t) return t == GENERATE end)
    H.wait(changed(bufnr, stub), 60000, 'the generated edit (titles offered: ' .. vim.inspect(seen) .. ')')
    H.eq(expected, H.lines(bufnr), 'buffer after the code action')
    generated_buf = bufnr
  end })

  -- Continues in the previous case's buffer: the candidates are cached now.
  table.insert(cases, { 'after undo, cached candidates come back as code actions carrying the edit', function()
    local bufnr = H.truthy(generated_buf, 'the previous case generated')
    vim.cmd('silent undo')
    H.eq(stub, H.lines(bufnr), 'buffer after undo')
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    local seen = code_action_titles(function(t) return vim.startswith(t, 'docwright: Use candidate 1') end)
    H.wait(changed(bufnr, stub), 30000, 'the cached edit (titles offered: ' .. vim.inspect(seen) .. ')')
    H.eq(expected, H.lines(bufnr), 'buffer after picking candidate 1')
    H.truthy(seen[1] and seen[1]:match('^docwright: Use candidate 1 %(logp %-?%d'),
      'first title names candidate 1 and its logp: ' .. vim.inspect(seen))
  end })

  table.insert(cases, { ':DocwrightGenerate applies at the cursor (non-ASCII before the cursor)', function()
    local lines = vim.deepcopy(stub)
    lines[5] = '    """Return the sum of a and b — 加法 🙂."""'
    local bufnr = open(lines)
    local want = vim.deepcopy(lines)
    want[6] = '    ' .. body
    local col = #lines[5] - 3 -- bytes: just before the closing quotes, after the emoji
    vim.api.nvim_win_set_cursor(0, { 5, col })
    vim.cmd('DocwrightGenerate')
    H.wait(changed(bufnr, lines), 60000, 'the edit from :DocwrightGenerate')
    H.eq(want, H.lines(bufnr), 'buffer after :DocwrightGenerate')
  end })

  local empty_body = {
    'def add(a, b):',
    '    """Return the sum of a and b."""',
    '    ',
    '',
    '',
    'def untouched():',
    '    return 1',
  }

  table.insert(cases, { 'omnifunc completion lists the candidate in the documented empty body', function()
    local bufnr = open(empty_body)
    H.eq('v:lua.vim.lsp.omnifunc', vim.bo[bufnr].omnifunc, 'omnifunc')
    vim.api.nvim_win_set_cursor(0, { 3, 0 })
    vim.api.nvim_input('A<C-x><C-o>')
    local items = H.wait(function()
      local info = vim.fn.complete_info({ 'items' })
      return info.items and #info.items > 0 and info.items
    end, 60000, 'completion items from omnifunc')
    local labels = {}
    for _, item in ipairs(items) do
      table.insert(labels, vim.trim(item.abbr ~= '' and item.abbr or item.word))
    end
    H.truthy(vim.tbl_contains(labels, body), 'an item labelled ' .. vim.inspect(body) .. ' in ' .. vim.inspect(labels))
    vim.api.nvim_input('<C-e><Esc>')
    H.wait(function() return vim.api.nvim_get_mode().mode == 'n' end, 5000, 'normal mode')
  end })

  if has_inline then
    table.insert(cases, { 'inline completion shows ghost text and accepting it inserts the body', function()
      local bufnr = open(empty_body)
      H.truthy(vim.lsp.inline_completion.is_enabled({ bufnr = bufnr }), 'inline completion enabled by setup()')
      vim.api.nvim_win_set_cursor(0, { 3, 0 })
      vim.api.nvim_input('A')
      local ns = H.wait(function() return vim.api.nvim_get_namespaces()['nvim.lsp.inline_completion'] end,
        10000, 'the inline completion namespace')
      H.wait(function()
        return #vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, {}) > 0
      end, 60000, 'ghost text extmarks')
      H.truthy(vim.lsp.inline_completion.get({ bufnr = bufnr }), 'get() accepts an item')
      H.wait(changed(bufnr, empty_body), 10000, 'the accepted text')
      local want = vim.deepcopy(empty_body)
      want[3] = '    ' .. body
      H.eq(want, H.lines(bufnr), 'buffer after accepting ghost text')
      vim.api.nvim_input('<Esc>')
      H.wait(function() return vim.api.nvim_get_mode().mode == 'n' end, 5000, 'normal mode')
    end })
  end

  if has_inline then
    table.insert(cases, { 'inline completion: the accept-word key takes "return", the accept-line key the rest', function()
      local bufnr = open(empty_body)
      vim.api.nvim_win_set_cursor(0, { 3, 0 })
      vim.api.nvim_input('A')
      local ns = H.wait(function() return vim.api.nvim_get_namespaces()['nvim.lsp.inline_completion'] end,
        10000, 'the inline completion namespace')
      local function ghost()
        return #vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, {}) > 0
      end
      H.wait(ghost, 60000, 'ghost text extmarks')
      vim.api.nvim_input('<M-w>')
      H.wait(function() return H.lines(bufnr)[3] ~= '    ' end, 10000, 'the accepted word')
      H.eq('    ' .. body:match('^%S+'), H.lines(bufnr)[3], 'line after accepting a word')
      -- The rest of the suggestion stays shown (the plugin's own ghost text).
      local rest_ns = vim.api.nvim_get_namespaces()['docwright.inline_rest']
      H.wait(function() return #vim.api.nvim_buf_get_extmarks(bufnr, rest_ns, 0, -1, {}) > 0 end,
        5000, 'ghost text for the rest')
      vim.api.nvim_input('<M-l>')
      H.wait(function() return H.lines(bufnr)[3] ~= '    ' .. body:match('^%S+') end, 10000, 'the accepted line')
      local want = vim.deepcopy(empty_body)
      want[3] = '    ' .. body
      H.eq(want, H.lines(bufnr), 'buffer after accepting the rest of the line')
      H.eq(nil, require('docwright.inline').rest, 'nothing left over')
      vim.api.nvim_input('<Esc>')
      H.wait(function() return vim.api.nvim_get_mode().mode == 'n' end, 5000, 'normal mode')
    end })
  end

  -- The last request the scripted model received (FAKE_MODEL_LOG, one JSON object a line).
  local function last_model_request()
    local lines = vim.fn.readfile(H.env('FAKE_MODEL_LOG'))
    return vim.fn.json_decode(lines[#lines]).body
  end

  local function generate_fresh(name, doc)
    local lines = vim.deepcopy(stub)
    lines[4] = 'def ' .. name .. '(a, b):'
    lines[5] = '    """' .. doc .. '"""'
    local bufnr = open(lines)
    vim.api.nvim_win_set_cursor(0, { 5, 8 })
    vim.cmd('DocwrightGenerate')
    H.wait(changed(bufnr, lines), 60000, 'the edit for ' .. name)
  end

  table.insert(cases, { 'settings reach the model: setup() settings, then update_settings()', function()
    generate_fresh('sub', 'Return a minus b.')
    local request = last_model_request()
    H.eq({ 3, 64 }, { request.n, request.max_tokens }, 'n and max_tokens from setup() (initializationOptions)')
    require('docwright').update_settings({ max_tokens = 17 })
    generate_fresh('mul', 'Return a times b.')
    H.eq(17, last_model_request().max_tokens, 'max_tokens after update_settings() (didChangeConfiguration)')
  end })

  table.insert(cases, { ':DocwrightCompare shows one report', function()
    open(stub)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    local windows = #vim.api.nvim_list_wins()
    vim.cmd('DocwrightCompare local')
    -- 0.10+: the server opens its own Markdown report (showDocument); 0.7: the plugin's window.
    local function reports()
      local found = {}
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        local name = vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(win))
        if name:match('docwright://compare$') or name:match('compare%-%d+%.md$') then
          table.insert(found, vim.api.nvim_win_get_buf(win))
        end
      end
      return #found > 0 and found
    end
    local found = H.wait(reports, 60000, 'the compare report window')
    H.sleep(300) -- a second report would open right after the first
    found = reports()
    H.eq(1, #found, 'report windows (windows before: ' .. windows .. ')')
    local text = table.concat(H.lines(found[1]), '\n')
    H.truthy(text:find('local', 1, true), 'report names the model: ' .. text)
    H.truthy(text:find('    ' .. body, 1, true), 'report shows the best candidate: ' .. text)
  end })

  table.insert(cases, { ':checkhealth docwright reports binary, version, config problems and model', function()
    vim.cmd('silent! %bwipeout!')
    -- A user config with a typo: the health check must surface docwright doctor's diagnostic.
    local config_dir = H.env('XDG_CONFIG_HOME') .. '/docwright'
    vim.fn.mkdir(config_dir, 'p')
    vim.fn.writefile({ 'temprature = 0.5' }, config_dir .. '/config.toml')
    vim.cmd('checkhealth docwright')
    local text = table.concat(H.lines(0), '\n')
    os.remove(config_dir .. '/config.toml')
    H.truthy(text:find('user config: ' .. config_dir .. '/config.toml', 1, true), 'user config reported:\n' .. text)
    -- file:line comes from doctor --json's diagnostics (the text report has no line numbers)
    H.truthy(text:find('/docwright/config.toml:1: unknown key temprature', 1, true), 'config diagnostic reported:\n' .. text)
    H.truthy(text:find('found ' .. vim.fn.exepath(bin), 1, true), 'binary reported:\n' .. text)
    H.truthy(text:find('version: ', 1, true), 'version reported:\n' .. text)
    H.truthy(text:find('model local (in use) answers at ' .. H.env('FAKE_MODEL_URL'), 1, true), 'model reachable:\n' .. text)
    H.truthy(not text:find('ERROR', 1, true), 'no ERROR:\n' .. text)
  end })

  local coexist = require('cases_coexist')(H, {
    open = open, stub = stub, expected = expected, changed = changed,
    code_action_titles = code_action_titles, GENERATE = GENERATE,
  })
  vim.list_extend(cases, coexist)

  return cases
end
