-- docwright for Neovim: starts `docwright lsp` for the filetypes it handles, beside any other
-- server on the buffer, and backs :DocwrightGenerate, :DocwrightPick, :DocwrightCompare
-- (plugin/docwright.lua defines them, no setup() needed) and (0.12+) opt-in inline completion.
-- Works on Neovim 0.7 (start_client + buf_attach_client), 0.8–0.10 (vim.lsp.start from a
-- FileType autocmd) and 0.11+ (vim.lsp.config + vim.lsp.enable; lsp/docwright.lua makes
-- `vim.lsp.enable('docwright')` work without setup()).
local M = {}

M.name = 'docwright'

local defaults = {
  -- The server command. The binary must be on $PATH or given as an absolute path.
  cmd = { 'docwright', 'lsp' },
  -- Filetypes the server's docstring/comment detection handles.
  filetypes = {
    'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'rust',
    'swift', 'java', 'kotlin', 'c', 'cpp', 'cs', 'ruby', 'lua',
  },
  -- Files or directories marking a project root (nearest one wins); else the file's directory.
  root_markers = { '.docwright.toml', '.git' },
  -- docwright settings: the same keys as the TOML config file (default_model, n, temperature,
  -- max_tokens, models, …). Sent as initializationOptions and as workspace settings
  -- { docwright = settings }.
  settings = {},
  -- Set the buffer's 'omnifunc' to vim.lsp.omnifunc on attach when it is empty (0.7 never does).
  omnifunc = true,
  -- Opt-in ghost text from textDocument/inlineCompletion (Neovim 0.12+ only).
  inline_completion = false,
  -- Insert-mode key that accepts the ghost text, e.g. '<C-l>' (nil: no mapping).
  inline_accept_key = nil,
  -- Insert-mode keys accepting only the next word / line of the ghost text (0.12+; nil: none).
  inline_accept_word_key = nil,
  inline_accept_line_key = nil,
  -- Show the server's $/progress reports and end messages (failures included) with vim.notify.
  progress = true,
  -- Extra hooks and capabilities passed through to the LSP client.
  on_attach = nil,
  capabilities = nil,
}

M.options = vim.deepcopy(defaults)

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

local uv = vim.uv or vim.loop

local function notify(msg, level)
  vim.notify('docwright: ' .. msg, level or vim.log.levels.INFO)
end
M.notify = notify

-- An empty Lua table would be sent as a JSON array; send an object instead.
local function json_object(tbl)
  if type(tbl) ~= 'table' or next(tbl) == nil then
    return vim.empty_dict()
  end
  return tbl
end

-- Nearest ancestor directory of `path` holding one of `markers` (0.7 has no vim.fs).
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  return vim.fn.fnamemodify(path, ':p:h')
end

-- Calls client methods with the colon syntax on 0.11+ (the dot form is deprecated there).
function M.client_request(client, method, params, handler, bufnr)
  if has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

function M.client_notify(client, method, params)
  if has('0.11') then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- The docwright clients attached to `bufnr` (all docwright clients when bufnr is nil).
function M.clients(bufnr)
  local found = {}
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ bufnr = bufnr })
  elseif bufnr then
    all = vim.lsp.buf_get_clients(bufnr)
  else
    all = vim.lsp.get_active_clients()
  end
  for _, client in pairs(all) do
    if client.name == M.name then
      table.insert(found, client)
    end
  end
  return found
end

local function on_attach(client, bufnr)
  local opts = M.options
  if opts.omnifunc and vim.bo[bufnr].omnifunc == '' then
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end
  if opts.inline_completion then
    if vim.lsp.inline_completion then
      vim.lsp.inline_completion.enable(true, { bufnr = bufnr })
      require('docwright.inline').map_keys(bufnr, opts)
    elseif not M._warned_inline then
      M._warned_inline = true
      notify('inline completion needs Neovim 0.12 (vim.lsp.inline_completion)', vim.log.levels.WARN)
    end
  end
  if opts.on_attach then
    opts.on_attach(client, bufnr)
  end
end

-- Neovim filetypes whose LSP language id differs.
local language_ids = { cs = 'csharp' }

local function get_language_id(_, filetype)
  return language_ids[filetype] or filetype
end

-- Counts the documents the server opened (window/showDocument, Neovim 0.10+): the server
-- opens its compareModels report itself where the client can show documents.
M._documents_shown = 0
local function handlers()
  local result = {}
  local show = vim.lsp.handlers['window/showDocument']
  if show then
    result['window/showDocument'] = function(...)
      M._documents_shown = M._documents_shown + 1
      return show(...)
    end
  end
  result['$/progress'] = require('docwright.progress').handler
  return result
end

-- The client configuration shared by every Neovim version (lsp/docwright.lua returns it too).
function M.client_config(root_dir)
  local opts = M.options
  return {
    handlers = handlers(),
    name = M.name,
    cmd = opts.cmd,
    root_dir = root_dir,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    get_language_id = get_language_id,
    init_options = json_object(opts.settings),
    settings = { docwright = json_object(opts.settings) },
    capabilities = opts.capabilities,
    on_attach = on_attach,
  }
end

-- Neovim 0.7: one client per root, started by hand and attached to each buffer.
local clients_by_root = {}
local function attach_07(bufnr)
  local root = find_root(vim.api.nvim_buf_get_name(bufnr), M.options.root_markers)
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(M.client_config(root))
    if not id then
      notify('could not start ' .. table.concat(M.options.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

-- Neovim 0.8–0.10: vim.lsp.start reuses a client with the same name and root.
local function attach_08(bufnr)
  local root = find_root(vim.api.nvim_buf_get_name(bufnr), M.options.root_markers)
  vim.lsp.start(M.client_config(root), { bufnr = bufnr })
end

local function attach(bufnr)
  if vim.api.nvim_buf_get_name(bufnr) == '' or vim.bo[bufnr].buftype ~= '' then
    return
  end
  if vim.lsp.start then
    attach_08(bufnr)
  else
    attach_07(bufnr)
  end
end

local function enable_011()
  local cfg = M.client_config(nil)
  cfg.root_dir = nil
  vim.lsp.config(M.name, cfg)
  vim.lsp.enable(M.name)
end

local function enable_autocmd()
  local group = vim.api.nvim_create_augroup('docwright', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  -- Buffers opened before setup() (lazy loading) get attached now.
  local wanted = {}
  for _, ft in ipairs(M.options.filetypes) do
    wanted[ft] = true
  end
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and wanted[vim.bo[bufnr].filetype] then
      attach(bufnr)
    end
  end
end

-- The client for the current buffer, or nil with a message.
function M.current_client(bufnr)
  local client = M.clients(bufnr)[1]
  if not client then
    notify('no docwright server attached to this buffer', vim.log.levels.WARN)
  end
  return client
end

function M.cursor_argument(client)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  return { uri = params.textDocument.uri, position = params.position }
end

function M.execute(client, bufnr, command, argument, on_result)
  M.client_request(client, 'workspace/executeCommand', {
    command = command,
    arguments = { argument },
  }, function(err, result)
    if err then
      notify(command .. ' failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if on_result then
      on_result(result)
    end
  end, bufnr)
end

--- Generate an implementation for the documented stub under the cursor (docwright.generate).
--- The server applies the best candidate through workspace/applyEdit.
function M.generate()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.current_client(bufnr)
  if not client then
    return
  end
  notify('generating…')
  -- The outcome (done, or "failed: …") arrives as the end of the server's $/progress.
  M.execute(client, bufnr, 'docwright.generate', M.cursor_argument(client), function()
    if not M.options.progress then
      notify('done')
    end
  end)
end

--- Pick one of the ranked candidates for the stub under the cursor (docwright.candidates):
--- vim.ui.select lists them, a floating window previews the diff, then the edit is applied.
function M.pick(model)
  return require('docwright.pick').pick(model)
end

local function show_report(result, language)
  local lines = require('docwright.report').lines(result, language)
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].swapfile = false
  vim.bo[buf].filetype = 'markdown'
  pcall(vim.api.nvim_buf_set_name, buf, 'docwright://compare')
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
end

--- Compare models on the stub under the cursor (docwright.compareModels). The report opens
--- as the server's own document where Neovim can show one (0.10+), else in a scratch window.
--- @param models string[] model names from settings.models (all configured ones when empty)
--- @param on_result function|nil called with the raw result instead of opening a report window
function M.compare(models, on_result)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.current_client(bufnr)
  if not client then
    return
  end
  if not models or #models == 0 then
    models = M.configured_models()
  end
  local argument = M.cursor_argument(client)
  argument.models = models
  notify('comparing ' .. table.concat(models, ', ') .. '…')
  local language = vim.bo[bufnr].filetype
  local shown = M._documents_shown
  M.execute(client, bufnr, 'docwright.compareModels', argument, on_result or function(result)
    -- The server opened its own report (showDocument) before answering: don't open a second.
    if M._documents_shown == shown then
      show_report(result, language)
    end
  end)
end

--- Send new settings to running servers (workspace/didChangeConfiguration).
function M.update_settings(settings)
  M.options.settings = vim.tbl_deep_extend('force', M.options.settings, settings or {})
  for _, client in ipairs(M.clients()) do
    client.config.settings = { docwright = json_object(M.options.settings) }
    M.client_notify(client, 'workspace/didChangeConfiguration', { settings = client.config.settings })
  end
end

function M.configured_models()
  local names = {}
  for name in pairs(M.options.settings.models or {}) do
    table.insert(names, name)
  end
  table.sort(names)
  return names
end

--- Configure docwright. Call once, e.g. from lazy.nvim's `opts` or your init.lua.
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  -- Lists replace the defaults rather than merge with them index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts and opts[key] ~= nil then
      M.options[key] = opts[key]
    end
  end
  if type(M.options.cmd) == 'string' then
    M.options.cmd = { M.options.cmd, 'lsp' }
  end
  if vim.lsp.config and vim.lsp.enable then
    enable_011()
  else
    enable_autocmd()
  end
  M._did_setup = true
end

return M
