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

  -- Load the plugin the way a plugin manager does: put it on 'runtimepath', call setup().
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd('filetype on')
  require('docwright').setup({
    cmd = { bin, 'lsp' },
    settings = { default_model = 'local', n = 3, max_tokens = mode == 'real' and 48 or 64, temperature = 0.8 },
    inline_completion = has_inline,
  })

  local cases = mode == 'real' and require('cases_real')(H) or require('cases_fake')(H, has_inline)
  H.run(cases)
end

local ok, err = pcall(main)
if not ok then
  io.stdout:write('not ok - setup: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
