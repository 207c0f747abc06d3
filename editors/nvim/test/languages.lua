-- Per-language end-to-end test of editors/nvim against the real docwright binary: in every
-- language docwright supports, a documented stub (fixtures/languages/) gets the code action
-- "docwright: Generate implementation", and the buffer afterwards must equal
-- fixtures/languages/expected/ exactly. Runs on Neovim 0.7 … 0.12.
--
--   DOCWRIGHT_BIN=.build/debug/docwright \
--     timeout 240 nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/languages.lua'
--
-- The model is this suite's own scripted server (Tests/fixtures/fake_model.py --replies
-- fixtures/languages/replies.json): each fixture's signature is a marker that selects the text
-- a completion model would write there, so the expected file is known exactly.
local script = debug.getinfo(1, 'S').source:sub(2)
local test_dir = vim.fn.fnamemodify(script, ':p:h')
local plugin_dir = vim.fn.fnamemodify(test_dir, ':h')
local repo_dir = vim.fn.fnamemodify(plugin_dir, ':h:h')
package.path = test_dir .. '/?.lua;' .. package.path

local ok_harness, H = pcall(require, 'harness')
if not ok_harness then
  io.stdout:write('not ok - load harness: ' .. tostring(H) .. '\n')
  vim.cmd('cquit 1')
end

local fixtures = test_dir .. '/fixtures/languages'

-- Starts the scripted model and returns its base URL and request log (blocks ≤ 10 s).
local function start_fake_model()
  local log = vim.fn.tempname() .. '-fake-model.jsonl'
  local stdout = ''
  local job = vim.fn.jobstart({
    'python3', repo_dir .. '/Tests/fixtures/fake_model.py', '0',
    '--replies', fixtures .. '/replies.json', '--log', log,
  }, {
    on_stdout = function(_, data)
      stdout = stdout .. table.concat(data, '\n')
    end,
  })
  if job <= 0 then
    error('cannot start python3 Tests/fixtures/fake_model.py (jobstart returned ' .. job .. ')', 0)
  end
  local port
  vim.wait(10000, function()
    port = stdout:match('^(%d+)\n')
    return port ~= nil
  end, 20)
  if not port then
    error('the scripted model printed no port within 10 s (stdout: ' .. vim.inspect(stdout) .. ')', 0)
  end
  return 'http://127.0.0.1:' .. port .. '/v1', log
end

local function main()
  local bin = H.env('DOCWRIGHT_BIN')
  local url, log = start_fake_model()
  -- The server is a child of nvim: it inherits this environment.
  vim.env.DOCWRIGHT_LOCAL_MODEL_URL = url

  -- Load the plugin the way a plugin manager does: put it on 'runtimepath', call setup().
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd('filetype on')
  require('docwright').setup({
    cmd = { bin, 'lsp' },
    settings = { default_model = 'local', n = 3, max_tokens = 256, temperature = 0.8 },
  })

  H.run(require('cases_languages')(H, fixtures, log))
end

local ok, err = pcall(main)
if not ok then
  io.stdout:write('not ok - setup: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
