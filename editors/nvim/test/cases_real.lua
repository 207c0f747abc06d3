-- Cases against the real local model: what it writes is unknown, so only the mechanics are
-- checked: the edit replaced exactly the stub line, code around it is untouched, and every
-- inserted line carries the body's indentation.
return function(H)
  local GENERATE = 'docwright: Generate implementation'

  -- Asserts that `after` is `before` with line `stub_line` replaced by >= 1 lines indented by
  -- `indent` (the first one exactly `indent`, later ones at least `indent`; blank lines allowed).
  local function check_mechanics(before, after, stub_line, indent)
    local context = '\n' .. table.concat(after, '\n')
    for i = 1, stub_line - 1 do
      H.eq(before[i], after[i], 'line ' .. i .. ' above the stub' .. context)
    end
    local tail = #before - stub_line
    H.truthy(#after >= #before, 'the body has at least one line' .. context)
    for i = 0, tail - 1 do
      H.eq(before[#before - i], after[#after - i], 'line ' .. (#before - i) .. ' below the stub' .. context)
    end
    local inserted = {}
    for i = stub_line, #after - tail do
      table.insert(inserted, after[i])
    end
    -- Evidence in the log: what the real model's body looked like.
    H.out('# inserted: ' .. vim.inspect(inserted, { newline = ' ', indent = '' }))
    H.truthy(vim.trim(inserted[1] or '') ~= '', 'the first inserted line has code' .. context)
    H.truthy(inserted[1]:sub(1, #indent) == indent and not inserted[1]:sub(#indent + 1, #indent + 1):match('%s'),
      'first inserted line indented by exactly ' .. #indent .. ' spaces: ' .. vim.inspect(inserted[1]))
    for _, line in ipairs(inserted) do
      if vim.trim(line) ~= '' then
        H.truthy(line:sub(1, #indent) == indent, 'inserted line indented by >= ' .. #indent .. ': ' .. vim.inspect(line) .. context)
      end
    end
  end

  local function open(name, lines)
    vim.cmd('silent! %bwipeout!')
    local path = H.write_file(name, lines)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    H.client(bufnr)
    return bufnr
  end

  local function changed(bufnr, before)
    return function()
      return not vim.deep_equal(H.lines(bufnr), before)
    end
  end

  local cases = {}

  local method_stub = {
    'class Calculator:',
    '    def add(self, a, b):',
    '        """Return the sum of a and b."""',
    '        pass',
    '',
    '    def untouched(self):',
    '        return 1',
  }
  table.insert(cases, { 'real model: code action fills a method body at 8-space indentation', function()
    local bufnr = open('calc.py', method_stub)
    vim.api.nvim_win_set_cursor(0, { 3, 12 })
    local seen = {}
    H.stub_select(function(t) return t == GENERATE end, seen)
    vim.lsp.buf.code_action()
    H.wait(changed(bufnr, method_stub), 180000, 'the generated edit (titles offered: ' .. vim.inspect(seen) .. ')')
    check_mechanics(method_stub, H.lines(bufnr), 4, '        ')
  end })

  local function_stub = {
    'def is_even(n):',
    '    """Return True when n is even."""',
    '    pass',
    '',
    '',
    'print(is_even(2))',
  }
  table.insert(cases, { 'real model: :DocwrightGenerate fills a function body at 4-space indentation', function()
    local bufnr = open('even.py', function_stub)
    vim.api.nvim_win_set_cursor(0, { 2, 8 })
    vim.cmd('DocwrightGenerate')
    H.wait(changed(bufnr, function_stub), 180000, 'the generated edit')
    check_mechanics(function_stub, H.lines(bufnr), 3, '    ')
  end })

  return cases
end
