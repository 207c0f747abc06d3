-- Cases with a real second server: pylsp (Debian python3-pylsp) attached to the same Python
-- buffer as docwright, both answering; :DocwrightPick choosing candidate #2 of two different
-- ones (the scripted model answers "Return the product of a and b" stubs with
-- "return a * b" then "return b * a": Tests/fixtures/editors-pick-replies.json); progress.
return function(H, ctx)
  local docwright = require('docwright')
  local cases = {}

  local function start_pylsp(bufnr)
    local cfg = { name = 'pylsp', cmd = { 'pylsp' }, root_dir = H.project }
    local id
    if vim.lsp.start then
      id = vim.lsp.start(cfg, { bufnr = bufnr })
    else
      id = vim.lsp.start_client(cfg)
      vim.lsp.buf_attach_client(bufnr, id)
    end
    H.truthy(id, 'pylsp started')
    return H.wait(function()
      local client = vim.lsp.get_client_by_id(id)
      return client and client.initialized ~= false and client.server_capabilities and client
    end, 30000, 'pylsp to initialize')
  end

  local function attached_names(bufnr)
    local names = {}
    local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
    for _, client in pairs(clients) do
      table.insert(names, client.name)
    end
    table.sort(names)
    return names
  end

  -- One request to one client, waiting for its answer.
  local function ask(client, method, params, bufnr)
    local done, answer, failure = false, nil, nil
    docwright.client_request(client, method, params, function(err, result)
      done, answer, failure = true, result, err
    end, bufnr)
    H.wait(function() return done end, 30000, method .. ' from ' .. client.name)
    H.truthy(not failure, method .. ' failed: ' .. vim.inspect(failure))
    return answer
  end

  table.insert(cases, { 'pylsp beside docwright: both attached, pylsp answers hover and completion', function()
    local bufnr = ctx.open(ctx.stub)
    local pylsp = start_pylsp(bufnr)
    H.wait(function() return #attached_names(bufnr) == 2 end, 10000, 'two clients on the buffer')
    H.eq({ 'docwright', 'pylsp' }, attached_names(bufnr), 'clients on the buffer')
    local uri = vim.uri_from_bufnr(bufnr)
    local hover = ask(pylsp, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 8 } }, bufnr)
    H.truthy(hover and hover.contents and vim.inspect(hover.contents):find('math'), 'pylsp hover on `math`: ' .. vim.inspect(hover))
    vim.api.nvim_buf_set_lines(bufnr, 10, 10, false, { 'math.sq' })
    local completion = ask(pylsp, 'textDocument/completion',
      { textDocument = { uri = uri }, position = { line = 10, character = 7 } }, bufnr)
    local items = completion and (completion.items or completion) or {}
    local labels = vim.tbl_map(function(item) return item.label end, items)
    H.truthy(vim.tbl_contains(labels, 'sqrt') or vim.tbl_contains(labels, 'sqrt(x)'), 'pylsp completes math.sqrt: ' .. vim.inspect(labels))
    vim.api.nvim_buf_set_lines(bufnr, 10, 11, false, {})
  end })

  -- A stub no earlier case generated for (cached stubs offer "Use candidate N" instead).
  local fresh = vim.deepcopy(ctx.stub)
  fresh[5] = '    """Return the sum of a and b (pylsp is attached too)."""'
  local fresh_expected = vim.deepcopy(ctx.expected)
  fresh_expected[5] = fresh[5]

  table.insert(cases, { 'pylsp beside docwright: the code action menu has docwright\'s action and it applies', function()
    local bufnr = ctx.open(fresh)
    start_pylsp(bufnr)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    -- With several servers Neovim 0.10+ may add the server's name to each title.
    local seen = ctx.code_action_titles(function(t) return vim.startswith(t, ctx.GENERATE) end)
    H.wait(ctx.changed(bufnr, fresh), 60000, 'the generated edit', function() return 'titles offered: ' .. vim.inspect(seen) end)
    H.eq(fresh_expected, H.lines(bufnr), 'buffer after the code action')
    H.eq({ 'docwright', 'pylsp' }, attached_names(bufnr), 'both clients still attached')
    H.truthy(#seen >= 1, 'titles offered: ' .. vim.inspect(seen))
  end })

  local pick_stub = vim.deepcopy(ctx.stub)
  pick_stub[4] = 'def mul(a, b):'
  pick_stub[5] = '    """Return the product of a and b."""'

  table.insert(cases, { ':DocwrightPick with pylsp attached: picking #2 previews and applies exactly candidate 2', function()
    local bufnr = ctx.open(pick_stub)
    start_pylsp(bufnr)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    local titles, preview, confirms = {}, nil, {}
    vim.ui.select = function(items, opts, on_choice)
      if opts.kind == 'docwright.confirm' then
        -- The preview is open while the user decides.
        local win = require('docwright.pick').preview_win
        preview = win and vim.api.nvim_win_is_valid(win)
          and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
        confirms = items
        return on_choice('Apply', 1)
      end
      for i, item in ipairs(items) do
        table.insert(titles, opts.format_item(item))
      end
      return on_choice(items[2], 2)
    end
    vim.cmd('DocwrightPick')
    H.wait(ctx.changed(bufnr, pick_stub), 60000, 'the picked edit (titles: ' .. vim.inspect(titles) .. ')')
    local want = vim.deepcopy(pick_stub)
    want[6] = '    return b * a'
    H.eq(want, H.lines(bufnr), 'buffer after picking candidate 2')
    H.eq(2, #titles, 'two candidates listed: ' .. vim.inspect(titles))
    H.truthy(titles[1]:match('^#1 ') and titles[2]:match('^#2 '), 'titles carry the rank: ' .. vim.inspect(titles))
    H.truthy(titles[2]:find('local', 1, true), 'title names the model: ' .. titles[2])
    H.truthy(preview and preview:find('+    return b * a', 1, true) and preview:find('-    pass', 1, true),
      'the preview shows candidate 2\'s diff: ' .. tostring(preview))
    H.eq({ 'Apply', 'Back to the list', 'Cancel' }, confirms, 'confirmation choices')
    H.truthy(not require('docwright.pick').preview_win, 'preview closed after applying')
  end })

  table.insert(cases, { 'progress: begin, at least one report, then an end message saying how it ended, failures included (never "done")', function()
    local progress = require('docwright.progress')
    -- A stub nothing generated for yet: a cache hit has no samples to report.
    local reported = vim.deepcopy(ctx.stub)
    reported[5] = '    """Return the sum of a and b (with progress reports)."""'
    local bufnr = ctx.open(reported)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    local before = #progress.shown
    vim.cmd('DocwrightGenerate')
    H.wait(ctx.changed(bufnr, reported), 60000, 'the generated edit', function() return 'titles offered: ' .. vim.inspect(seen) end)
    local ended = H.wait(function()
      for i = before + 1, #progress.shown do
        if progress.shown[i].text:find('candidates from local', 1, true) then
          return progress.shown[i]
        end
      end
    end, 10000, 'the end of the progress')
    H.eq(vim.log.levels.INFO, ended.level, 'level of a successful end')
    -- At least one report (samples done, ranking) between the begin and the end.
    local kinds = {}
    for i = before + 1, #progress.shown do
      table.insert(kinds, progress.shown[i].kind)
    end
    local joined = table.concat(kinds, ' ')
    H.truthy(joined:find('^begin report[ report]* end') or joined:find('begin report.* end'),
      'begin, at least one report, end: ' .. joined .. ' ' .. vim.inspect(progress.shown))
    -- A model nobody answers for: the progress must end with the failure.
    docwright.update_settings({ models = { broken = { preset = 'local', base_url = 'http://127.0.0.1:9/v1' } } })
    local other = vim.deepcopy(ctx.stub)
    other[4] = 'def sub(a, b):'
    other[5] = '    """Return a minus b, from the broken model."""'
    ctx.open(other)
    vim.api.nvim_win_set_cursor(0, { 5, 10 })
    before = #progress.shown
    docwright.pick('broken')
    local failed = H.wait(function()
      for i = before + 1, #progress.shown do
        if progress.shown[i].text:find(': failed: ', 1, true) then
          return progress.shown[i]
        end
      end
    end, 60000, 'a "failed: …" end (shown: ' .. vim.inspect(progress.shown) .. ')')
    H.eq(vim.log.levels.WARN, failed.level, 'level of a failed end')
    for i = before + 1, #progress.shown do
      H.truthy(not progress.shown[i].text:find('done', 1, true), 'no "done" after a failure: ' .. progress.shown[i].text)
    end
  end })

  table.insert(cases, { 'a burst of 10 automatic inline requests 30 ms apart: at most 2 model requests, the last gets items', function()
    local burst = vim.deepcopy(ctx.stub)
    burst[5] = '    """Return the sum of a and b (typed in a burst)."""'
    local bufnr = ctx.open(burst)
    local client = H.client(bufnr)
    local log = H.env('FAKE_MODEL_LOG')
    local function model_requests()
      return vim.fn.filereadable(log) == 1 and #vim.fn.readfile(log) or 0
    end
    local before = model_requests()
    local uri = vim.uri_from_bufnr(bufnr)
    local replies = {}
    -- Ten keystrokes' automatic requests (triggerKind 2), as an editor sends them while typing.
    for i = 1, 10 do
      vim.defer_fn(function()
        docwright.client_request(client, 'textDocument/inlineCompletion', {
          textDocument = { uri = uri }, position = { line = 5, character = 4 },
          context = { triggerKind = 2 },
        }, function(err, result)
          replies[i] = { err = err, items = result and result.items or {} }
        end, bufnr)
      end, 30 * (i - 1))
    end
    H.wait(function()
      for i = 1, 10 do
        if not replies[i] then return false end
      end
      return true
    end, 60000, 'answers to all 10 requests', function() return vim.inspect(replies) end)
    local counts = {}
    for i = 1, 10 do
      counts[i] = #replies[i].items
    end
    H.truthy(model_requests() - before <= 2, (model_requests() - before) .. ' model requests for one burst')
    H.truthy(model_requests() - before >= 1, 'the burst reached the model')
    H.truthy(counts[10] >= 1 and replies[10].items[1].insertText:find('^    return '),
      'the last request gets the candidate: ' .. vim.inspect(replies[10]))
    for i = 1, 10 do
      H.truthy(not replies[i].err, 'request ' .. i .. ' answered without an error: ' .. vim.inspect(replies[i].err))
    end
  end })

  return cases
end
