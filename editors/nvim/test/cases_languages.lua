-- One case per language: open fixtures/languages/FILE as a user would (filetype detection, the
-- plugin attaches docwright), put the cursor on the doc comment, pick "docwright: Generate
-- implementation" from vim.lsp.buf.code_action(), and compare the whole buffer with
-- fixtures/languages/expected/FILE. One undo must give the stub back (a single edit).
return function(H, fixtures, model_log)
  local GENERATE = 'docwright: Generate implementation'
  local CASE_TIMEOUT_MS = 20000

  -- file: fixture name; filetype: what Neovim detects (the plugin maps 'cs' to csharp);
  -- at: text on the doc comment line where the cursor goes; marker: the replies.json key the
  -- prompt must have matched (the fixture's signature).
  local languages = {
    { 'python', 'stats.py', 'python', 'Return the arithmetic mean', 'def mean(self, xs)' },
    { 'javascript', 'clamp.js', 'javascript', 'Clamps value', 'const clamp = (value, lo, hi)' },
    { 'typescript', 'greeter.ts', 'typescript', 'Returns the initials', 'initials(name: string)' },
    { 'go', 'sum.go', 'go', 'Sum returns', 'func Sum(xs []int)' },
    { 'rust', 'factorial.rs', 'rust', 'Returns n!', 'fn factorial(n: u64)' },
    { 'swift', 'Palindrome.swift', 'swift', 'Returns true when', 'func isPalindrome(' },
    { 'java', 'MathUtil.java', 'java', 'Returns the largest', 'int max(List<Integer> xs)' },
    { 'kotlin', 'Vowels.kt', 'kotlin', 'Counts the vowels', 'fun countVowels(' },
    { 'c', 'gcd.c', 'c', 'Returns the greatest common divisor', 'int gcd(int a, int b)' },
    { 'cpp', 'stats.cpp', 'cpp', 'Returns the mean', 'double mean(const std::vector<double>& xs)' },
    { 'csharp', 'Sequences.cs', 'cs', 'Returns the n-th Fibonacci', 'long Fibonacci(int n)' },
    { 'ruby', 'word_count.rb', 'ruby', 'Counts how often', 'def self.word_count(text)' },
    { 'lua', 'reverse.lua', 'lua', 'Returns a new list', 'function M.reverse(t)' },
    { 'javascriptreact', 'Greeting.jsx', 'javascriptreact', 'A greeting', 'function Greeting({ name })' },
    { 'typescriptreact', 'List.tsx', 'typescriptreact', 'Renders the items', 'const List = ({ items }: Props)' },
  }

  -- Messages the server shows (no model, no candidates…), to explain a timeout.
  local messages = {}
  local show_message = vim.lsp.handlers['window/showMessage']
  vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
    if result and result.message then
      table.insert(messages, { type = result.type, message = result.message })
    end
    if show_message then
      return show_message(err, result, ctx, config)
    end
  end

  local function read(path)
    H.truthy(vim.fn.filereadable(path) == 1, 'fixture missing: ' .. path)
    return vim.fn.readfile(path)
  end

  local function numbered(lines)
    local out = {}
    for i, line in ipairs(lines) do
      table.insert(out, ('%3d|%s'):format(i, line))
    end
    return table.concat(out, '\n')
  end

  local function assert_buffer(expected, got, what)
    if vim.deep_equal(expected, got) then
      return
    end
    local first = 1
    while expected[first] == got[first] do
      first = first + 1
    end
    error(('%s: first difference at line %d: expected %s, got %s\nbuffer:\n%s'):format(what, first,
      vim.inspect(expected[first]), vim.inspect(got[first]), numbered(got)), 0)
  end

  -- The markers of the requests the scripted model received so far.
  local function markers_seen()
    local seen = {}
    for _, line in ipairs(vim.fn.filereadable(model_log) == 1 and vim.fn.readfile(model_log) or {}) do
      local ok, entry = pcall(vim.fn.json_decode, line)
      table.insert(seen, ok and type(entry) == 'table' and entry.marker or vim.NIL)
    end
    return seen
  end

  local function run_language(file, filetype, at, marker)
    local stub = read(fixtures .. '/' .. file)
    local expected = read(fixtures .. '/expected/' .. file)
    vim.cmd('silent! %bwipeout!')
    local path = H.write_file(file, stub)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    H.eq(filetype, vim.bo[bufnr].filetype, 'filetype of ' .. file)
    H.client(bufnr)

    local line
    for i, text in ipairs(stub) do
      if text:find(at, 1, true) then
        line = i
        break
      end
    end
    H.truthy(line, 'no line of ' .. file .. ' contains ' .. vim.inspect(at))
    vim.api.nvim_win_set_cursor(0, { line, (stub[line]:find(at, 1, true)) - 1 })

    local requests_before = #markers_seen()
    local first_message = #messages + 1
    local seen = {}
    H.stub_select(function(title) return title == GENERATE end, seen)
    vim.lsp.buf.code_action()
    -- Waits for the edit. Generation shows a message only when it fails (no model, nothing to
    -- generate here, no usable candidate…): a message ends the wait early.
    local waited, err = pcall(H.wait, function()
      return #messages >= first_message or not vim.deep_equal(H.lines(bufnr), stub)
    end, CASE_TIMEOUT_MS, 'the generated edit')
    if not waited or vim.deep_equal(H.lines(bufnr), stub) then
      -- Said after the wait: what the menu offered and what the server said meanwhile.
      error((waited and 'no edit' or tostring(err)) .. ' (titles offered: ' .. vim.inspect(seen)
        .. '; server messages: ' .. vim.inspect(vim.list_slice(messages, first_message))
        .. '; model requests matched: ' .. vim.inspect(vim.list_slice(markers_seen(), requests_before + 1)) .. ')', 0)
    end

    local markers = vim.list_slice(markers_seen(), requests_before + 1)
    H.truthy(vim.tbl_contains(markers, marker), 'the model was asked with the prompt for ' .. vim.inspect(marker)
      .. ' (markers matched: ' .. vim.inspect(markers) .. ')')
    assert_buffer(expected, H.lines(bufnr), file .. ' after the code action')

    vim.cmd('silent undo')
    assert_buffer(stub, H.lines(bufnr), file .. ' after one undo')
  end

  local cases = {}
  for _, language in ipairs(languages) do
    local id, file, filetype, at, marker = unpack(language)
    table.insert(cases, { id .. ': code action fills ' .. file .. ' at the right place', function()
      run_language(file, filetype, at, marker)
    end })
  end
  return cases
end
