-- :checkhealth docwright — binary found, its version, config files, running client, model reachable.
local M = {}

-- vim.health (0.10+: start/ok/…; 0.8–0.9: report_*) or the 0.7 `health` module.
local function reporter()
  local h = vim.health
  if h and h.start then
    return h
  end
  h = h or require('health')
  return {
    start = h.report_start,
    ok = h.report_ok,
    info = h.report_info,
    warn = h.report_warn,
    error = h.report_error,
  }
end

-- Runs argv with a deadline; returns exit code (nil on timeout/failure to start) and output lines.
local function run(argv, timeout_ms)
  local output = {}
  local function collect(_, data)
    for _, line in ipairs(data or {}) do
      if line ~= '' then
        table.insert(output, line)
      end
    end
  end
  local ok, job = pcall(vim.fn.jobstart, argv, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = collect,
    on_stderr = collect,
  })
  if not ok or job <= 0 then
    return nil, { 'could not start ' .. argv[1] }
  end
  local code = vim.fn.jobwait({ job }, timeout_ms)[1]
  if code == -1 then
    vim.fn.jobstop(job)
    return nil, { 'timed out after ' .. timeout_ms .. ' ms' }
  end
  return code, output
end

-- `docwright doctor --no-probe [--file F]`: config files, their diagnostics, the route for F.
-- nil when the binary has no doctor command or it fails.
local function doctor(path, file)
  local argv = { path, 'doctor', '--no-probe' }
  if file then
    vim.list_extend(argv, { '--file', file })
  end
  local code, output = run(argv, 15000)
  if code ~= 0 then
    return nil
  end
  local report = { diagnostics = {} }
  local in_diagnostics = false
  for _, line in ipairs(output) do
    local indented = line:match('^%s+(.*)$')
    if in_diagnostics and indented then
      table.insert(report.diagnostics, indented)
    else
      in_diagnostics = false
      report.user = report.user or line:match('^user config:%s+(.+)$')
      report.project = report.project or line:match('^project config:%s+(.+)$')
      local diagnostics = line:match('^diagnostics:%s*(.*)$')
      if diagnostics then
        in_diagnostics = diagnostics == ''
      end
      local route = line:match('^%s+route:%s+(.+)$')
      if route then
        report.route = route
        report.url = route:match('at (https?://[^%s%)]+)')
      end
    end
  end
  if not report.user then
    return nil
  end
  return report
end

-- The base URL of the model the server uses by default, when doctor could not say.
local function model_url(settings)
  local models = settings.models or {}
  local name = settings.default_model
  local model = name and models[name]
  if type(model) == 'table' and model.base_url then
    return model.base_url, name
  end
  local env = vim.env.DOCWRIGHT_LOCAL_MODEL_URL
  if env and env ~= '' then
    return env, 'local (DOCWRIGHT_LOCAL_MODEL_URL)'
  end
  return 'http://127.0.0.1:8012/v1', 'local (default)'
end

local function config_files()
  local found = {}
  local config_home = vim.env.XDG_CONFIG_HOME
  if not config_home or config_home == '' then
    config_home = vim.fn.expand('~/.config')
  end
  local candidates = { config_home .. '/docwright/config.toml' }
  -- The project file: the nearest .docwright.toml in the working directory or a parent.
  local file = vim.fn.findfile('.docwright.toml', vim.fn.getcwd() .. ';')
  if file ~= '' then
    table.insert(candidates, vim.fn.fnamemodify(file, ':p'))
  end
  for _, candidate in ipairs(candidates) do
    if vim.fn.filereadable(candidate) == 1 then
      table.insert(found, candidate)
    end
  end
  return found, candidates[1]
end

local function report_configuration(health, path, opts)
  local file = vim.api.nvim_buf_get_name(0)
  local report = path ~= '' and doctor(path, file ~= '' and vim.fn.filereadable(file) == 1 and file or nil)
  if report then
    for _, entry in ipairs({ { 'user config', report.user }, { 'project config', report.project } }) do
      if entry[2] and entry[2] ~= '(none)' then
        health.ok(entry[1] .. ': ' .. entry[2])
      else
        health.info(entry[1] .. ': none')
      end
    end
    if #report.diagnostics == 0 then
      health.ok('no problems in the config files (docwright doctor)')
    end
    for _, diagnostic in ipairs(report.diagnostics) do
      health.warn(diagnostic)
    end
    if report.route then
      health.info('route for this buffer: ' .. report.route)
    end
  else
    local files, user_file = config_files()
    if #files == 0 then
      health.info('no config file (looked for ' .. user_file .. ' and .docwright.toml upwards); defaults apply')
    end
    for _, found in ipairs(files) do
      health.ok('config file: ' .. found)
    end
  end
  if next(opts.settings or {}) then
    health.info('settings from setup() (sent to the server, not seen by doctor): '
      .. vim.inspect(opts.settings, { newline = ' ', indent = '' }))
  end
  return report
end

function M.check()
  local health = reporter()
  local docwright = require('docwright')
  local opts = docwright.options

  health.start('docwright: setup')
  if vim.fn.has('nvim-0.7') == 0 then
    health.error('Neovim 0.7 or newer is required')
  end
  if docwright._did_setup then
    health.ok("require('docwright').setup() was called")
  else
    health.warn("require('docwright').setup() was not called: the server will not start")
  end
  if opts.inline_completion and not vim.lsp.inline_completion then
    health.warn('inline_completion = true needs Neovim 0.12 (vim.lsp.inline_completion)')
  end

  health.start('docwright: binary')
  local program = opts.cmd[1]
  local path = vim.fn.exepath(program)
  if path == '' then
    health.error(program .. ' not found', {
      'Build it: swift build -c release, then put .build/release/docwright on $PATH',
      "or pass the full path: require('docwright').setup({ cmd = { '/path/to/docwright', 'lsp' } })",
    })
  else
    health.ok('found ' .. path)
    local code, output = run({ path, '--version' }, 5000)
    if code == 0 and output[1] then
      health.ok('version: ' .. output[1])
    else
      health.warn(path .. ' --version failed: ' .. table.concat(output, ' '))
    end
  end

  health.start('docwright: configuration')
  local report = report_configuration(health, path, opts)
  local clients = docwright.clients()
  if #clients > 0 then
    health.ok(#clients .. ' docwright client(s) running')
  else
    health.info('no docwright client running (open a file of a supported filetype)')
  end

  health.start('docwright: model')
  local url, name
  if report and report.url and not vim.env.DOCWRIGHT_LOCAL_MODEL_URL then
    url, name = report.url, 'for this buffer'
  else
    url, name = model_url(opts.settings or {})
  end
  if vim.fn.executable('curl') == 0 then
    health.warn('curl not found: cannot check that ' .. url .. ' is reachable')
    return
  end
  local code = run({ 'curl', '-sS', '-m', '5', '-o', '/dev/null', '-w', '%{http_code}', url .. '/models' }, 7000)
  if code == 0 then
    health.ok('model ' .. name .. ' answers at ' .. url)
  else
    health.warn('model ' .. name .. ' not reachable at ' .. url, {
      'start the local model: scripts/local-model start (from the docwright checkout)',
      'or configure another model in settings.models / the config file',
    })
  end
end

return M
