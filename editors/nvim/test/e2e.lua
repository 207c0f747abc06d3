-- End-to-end tests of editors/nvim against the real docwright binary, on Neovim 0.7 … 0.12.
--
--   DOCWRIGHT_BIN=... DOCWRIGHT_TEST_MODE=fake FAKE_MODEL_URL=... FAKE_MODEL_BODY='return a + b' \
--     timeout 300 nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/e2e.lua'
--
-- DOCWRIGHT_TEST_MODE=fake: a scripted model (Tests/fixtures/fake_model.py) answers with a known
-- body, so the buffer is compared exactly. DOCWRIGHT_TEST_MODE=real: the real local model
-- (DOCWRIGHT_TEST_MODEL_URL); only the mechanics are checked (range, indentation, untouched code).
local script = debug.getinfo(1, 'S').source:sub(2)
local test_dir = vim.fn.fnamemodify(script, ':p:h')
local plugin_dir = vim.fn.fnamemodify(test_dir, ':h')
package.path = test_dir .. '/?.lua;' .. package.path

local ok_harness, H = pcall(require, 'harness')
if not ok_harness then
  io.stdout:write('not ok - load harness: ' .. tostring(H) .. '\n')
  vim.cmd('cquit 1')
end

local function main()
  local bin = H.env('DOCWRIGHT_BIN')
  local mode = H.env('DOCWRIGHT_TEST_MODE')
  local model_url = mode == 'real' and H.env('DOCWRIGHT_TEST_MODEL_URL') or H.env('FAKE_MODEL_URL')
  -- The server is a child of nvim: it inherits this environment.
  vim.env.DOCWRIGHT_LOCAL_MODEL_URL = model_url
  local has_inline = vim.lsp.inline_completion ~= nil

  -- Load the plugin the way a plugin manager does: put it on 'runtimepath', source its
  -- plugin/ files, call setup().
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd('runtime! plugin/docwright.lua')
  local before_setup = {
    commands = vim.fn.exists(':DocwrightPick') == 2 and vim.fn.exists(':DocwrightGenerate') == 2
      and vim.fn.exists(':DocwrightCompare') == 2,
    -- 0.11+: what vim.lsp.enable('docwright') would start, from lsp/docwright.lua.
    lsp_config = vim.lsp.config and vim.deepcopy(vim.lsp.config['docwright'] or {}),
  }
  vim.cmd('filetype on')
  require('docwright').setup({
    cmd = { bin, 'lsp' },
    settings = { default_model = 'local', n = 3, max_tokens = mode == 'real' and 48 or 64, temperature = 0.8 },
    inline_completion = has_inline,
    inline_accept_word_key = has_inline and '<M-w>' or nil,
    inline_accept_line_key = has_inline and '<M-l>' or nil,
  })

  local cases = mode == 'real' and require('cases_real')(H) or require('cases_fake')(H, has_inline)
  table.insert(cases, 1, { 'plugin/docwright.lua defines the commands before setup(); lsp/docwright.lua configures vim.lsp.enable', function()
    H.truthy(before_setup.commands, ':DocwrightGenerate, :DocwrightPick and :DocwrightCompare exist before setup()')
    if before_setup.lsp_config then
      local cfg = before_setup.lsp_config
      H.eq({ 'docwright', 'lsp' }, cfg.cmd, "vim.lsp.config['docwright'].cmd before setup()")
      H.truthy(vim.tbl_contains(cfg.filetypes or {}, 'python'), 'python among the filetypes: ' .. vim.inspect(cfg.filetypes))
      H.eq({ '.docwright.toml', '.git' }, cfg.root_markers, 'root markers')
    end
  end })
  H.run(cases)
end

local ok, err = pcall(main)
if not ok then
  io.stdout:write('not ok - setup: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
