-- One or more cases per language: open fixtures/languages/FILE as a user would (filetype
-- detection, the plugin attaches docwright), put the cursor on the comment (or the signature, or
-- in the stub), pick "docwright: Generate implementation" from vim.lsp.buf.code_action(), and
-- compare the whole buffer with fixtures/languages/expected/FILE. One undo must give the stub
-- back (a single edit).
return function(H, fixtures, model_log)
  local GENERATE = 'docwright: Generate implementation'
  local CASE_TIMEOUT_MS = 20000

  -- Insertions after the file's last line break (strings.lua, reverse_lines.py) guard the
  -- server's anchoring at the end of the last line: Neovim 0.12 would otherwise add a blank line.

  -- file: fixture name; ft: what Neovim detects (the plugin maps 'cs' to csharp); at: text on
  -- the comment line where the cursor goes; marker: the replies.json key the prompt must hold;
  -- crlf: the file is written with CRLF line breaks; known_failure: { on = feature for has(),
  -- reason }: there the case must fail (it is reported as ok with the label) and passing fails it.
  local languages = {
    -- A documented stub per language, in that language's idiom.
    { id = 'python', file = 'stats.py', ft = 'python', at = 'Return the arithmetic mean', marker = 'def mean(self, xs)' },
    { id = 'javascript', file = 'clamp.js', ft = 'javascript', at = 'Clamps value', marker = 'const clamp = (value, lo, hi)' },
    { id = 'typescript', file = 'greeter.ts', ft = 'typescript', at = 'Returns the initials', marker = 'initials(name: string)' },
    { id = 'go', file = 'sum.go', ft = 'go', at = 'Sum returns', marker = 'func Sum(xs []int)' },
    { id = 'rust', file = 'factorial.rs', ft = 'rust', at = 'Returns n!', marker = 'fn factorial(n: u64)' },
    { id = 'swift', file = 'Palindrome.swift', ft = 'swift', at = 'Returns true when', marker = 'func isPalindrome(' },
    { id = 'java', file = 'MathUtil.java', ft = 'java', at = 'Returns the largest', marker = 'int max(List<Integer> xs)' },
    { id = 'kotlin', file = 'Vowels.kt', ft = 'kotlin', at = 'Counts the vowels', marker = 'fun countVowels(' },
    { id = 'c', file = 'gcd.c', ft = 'c', at = 'Returns the greatest common divisor', marker = 'int gcd(int a, int b)' },
    { id = 'cpp', file = 'stats.cpp', ft = 'cpp', at = 'Returns the mean', marker = 'double mean(const std::vector<double>& xs)' },
    { id = 'csharp', file = 'Sequences.cs', ft = 'cs', at = 'Returns the n-th Fibonacci', marker = 'long Fibonacci(int n)' },
    { id = 'ruby', file = 'word_count.rb', ft = 'ruby', at = 'Counts how often', marker = 'def self.word_count(text)' },
    { id = 'lua', file = 'reverse.lua', ft = 'lua', at = 'Returns a new list', marker = 'function M.reverse(t)' },
    { id = 'javascriptreact', file = 'Greeting.jsx', ft = 'javascriptreact', at = 'A greeting', marker = 'function Greeting({ name })' },
    { id = 'typescriptreact', file = 'List.tsx', ft = 'typescriptreact', at = 'Renders the items', marker = 'const List = ({ items }: Props)' },

    -- Other shapes and styles: next lines after a plain comment, a whole function after a doc
    -- comment, methods in classes, `{}` on the signature line, brace on its own line, tabs,
    -- a body the model indents differently from the file, a Ruby def without its `end` yet,
    -- CRLF with non-ASCII before the cursor, the cursor on the signature or in the body.
    { id = 'python', file = 'csv_total.py', ft = 'python', at = 'sum column 3', marker = 'sum column 3 of every row' },
    { id = 'javascript', file = 'Stack.js', ft = 'javascript', at = 'Removes and returns',
      marker = 'Removes and returns the top item, or undefined' },
    { id = 'typescript', file = 'greet.ts', ft = 'typescript', at = 'function greet', marker = 'export function greet(name: string)' },
    { id = 'go', file = 'circle.go', ft = 'go', at = 'Area returns', marker = 'func (c Circle) Area()' },
    { id = 'go', file = 'names.go', ft = 'go', at = 'print each name', marker = 'print each name with its index' },
    { id = 'rust', file = 'stack.rs', ft = 'rust', at = 'Returns a reference', marker = 'pub fn peek(&self)' },
    { id = 'rust', file = 'fib.rs', ft = 'rust', at = 'Returns the n-th', marker = 'Returns the n-th Fibonacci number (fib(0)' },
    { id = 'swift', file = 'IntStack.swift', ft = 'swift', at = 'Removes and returns', marker = 'mutating func pop() -> Int?' },
    { id = 'java', file = 'Dog.java', ft = 'java', at = 'TODO Auto-generated', marker = 'public String speak()' },
    { id = 'kotlin', file = 'Repo.kt', ft = 'kotlin', at = 'Finds a user', marker = 'suspend fun find(id: Long)' },
    { id = 'c', file = 'popcount.c', ft = 'c', at = 'Returns the number of set bits', marker = 'popcount(unsigned int x)' },
    { id = 'cpp', file = 'parser.cpp', ft = 'cpp', at = 'Parses', marker = 'std::string Parser::key(' },
    { id = 'csharp', file = 'Temperature.cs', ft = 'cs', at = 'to °F', marker = 'double ToFahrenheit(double celsius)', crlf = true },
    { id = 'ruby', file = 'store.rb', ft = 'ruby', at = 'Loads the store', marker = 'def self.load(path)' },
    { id = 'ruby', file = 'greeter.rb', ft = 'ruby', at = 'Greets', marker = 'def greet(name)' },
    { id = 'lua', file = 'sum.lua', ft = 'lua', at = 'Returns the sum', marker = 'local function sum(t)' },
    { id = 'lua', file = 'strings.lua', ft = 'lua', at = 'Returns true when s', marker = 'Returns true when s starts with prefix' },
    { id = 'python', file = 'reverse_lines.py', ft = 'python', at = 'print the lines', marker = 'print the lines in reverse order' },
    { id = 'go', file = 'max.go', ft = 'go', at = 'Max returns', marker = 'func Max(xs []int)' },
    { id = 'python', file = 'median.py', ft = 'python', at = '>>> Stats', marker = 'def median(self, xs)' },
    { id = 'swift', file = 'Version.swift', ft = 'swift', at = '- Parameter', marker = 'func parseVersion(' },
    { id = 'lua', file = 'tbl.lua', ft = 'lua', at = 'Returns the number of keys', marker = 'function count_keys(t)' },
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

  -- The workspace edits applied (the server's applyEdit or an action's edit), for failure reports.
  local applied = {}
  local apply_workspace_edit = vim.lsp.util.apply_workspace_edit
  vim.lsp.util.apply_workspace_edit = function(edit, ...)
    table.insert(applied, edit)
    return apply_workspace_edit(edit, ...)
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
    local edits = {}
    for _, edit in ipairs(applied) do
      for _, change in pairs(edit.changes or {}) do
        vim.list_extend(edits, change)
      end
      for _, change in ipairs(edit.documentChanges or {}) do
        vim.list_extend(edits, change.edits or {})
      end
    end
    error(('%s: first difference at line %d: expected %s, got %s\nbuffer:\n%s\ntext edits applied: %s'):format(what,
      first, vim.inspect(expected[first]), vim.inspect(got[first]), numbered(got), vim.inspect(edits)), 0)
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

  local function run_language(case)
    local file, at, marker = case.file, case.at, case.marker
    local stub = read(fixtures .. '/' .. file)
    local expected = read(fixtures .. '/expected/' .. file)
    vim.cmd('silent! %bwipeout!')
    local on_disk = stub
    if case.crlf then
      on_disk = vim.tbl_map(function(l) return l .. '\r' end, stub)
    end
    local path = H.write_file(file, on_disk)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    H.eq(case.ft, vim.bo[bufnr].filetype, 'filetype of ' .. file)
    H.eq(case.crlf and 'dos' or 'unix', vim.bo[bufnr].fileformat, 'fileformat of ' .. file)
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

    applied = {}
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
    if case.crlf then
      -- Written back, every line still ends in CRLF (no stray or missing \r from the edit).
      vim.cmd('silent write')
      local written = vim.fn.readfile(path, 'b')
      H.eq(vim.tbl_map(function(l) return l .. '\r' end, expected), vim.list_slice(written, 1, #written - 1),
        file .. ' on disk')
      H.eq('', written[#written], 'end of ' .. file .. ' on disk')
    end

    vim.cmd('silent undo')
    assert_buffer(stub, H.lines(bufnr), file .. ' after one undo')
  end

  local cases = {}
  for _, case in ipairs(languages) do
    local name = case.id .. ': code action fills ' .. case.file .. ' at the right place'
    local known = case.known_failure
    if known and vim.fn.has(known.on) == 1 then
      table.insert(cases, { name .. ' # KNOWN FAILURE on ' .. known.on .. ': ' .. known.reason, function()
        local passed, err = pcall(run_language, case)
        if passed then
          error('passes now: remove its known_failure mark in cases_languages.lua', 0)
        end
        H.out('# known failure, as expected: ' .. tostring(err):gsub('\n', '\n# '))
      end })
    else
      table.insert(cases, { name, function() run_language(case) end })
    end
  end
  return cases
end
