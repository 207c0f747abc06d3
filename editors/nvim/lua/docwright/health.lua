-- :checkhealth docwright — binary found, its version, and what `docwright doctor --json` says:
-- config files and their problems, the route for this buffer, each model and whether it answers.
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

-- Runs argv with a deadline; returns exit code (nil on timeout/failure to start), stdout lines
-- and stderr lines.
local function run(argv, timeout_ms)
  local stdout, stderr = {}, {}
  local function collector(into)
    return function(_, data)
      for _, line in ipairs(data or {}) do
        if line ~= '' then
          table.insert(into, line)
        end
      end
    end
  end
  local ok, job = pcall(vim.fn.jobstart, argv, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = collector(stdout),
    on_stderr = collector(stderr),
  })
  if not ok or job <= 0 then
    return nil, {}, { 'could not start ' .. argv[1] }
  end
  local code = vim.fn.jobwait({ job }, timeout_ms)[1]
  if code == -1 then
    vim.fn.jobstop(job)
    return nil, {}, { 'timed out after ' .. timeout_ms .. ' ms' }
  end
  return code, stdout, stderr
end

-- `docwright doctor --json [--file F]`: one JSON object (config files, their diagnostics, the
-- route for F, each model and whether it answers). Exit status 1 means "problems found", not
-- failure. nil and a reason when there is no usable answer (e.g. a binary without --json).
local function doctor(path, file)
  local argv = { path, 'doctor', '--json' }
  if file then
    vim.list_extend(argv, { '--file', file })
  end
  local code, stdout, stderr = run(argv, 30000)
  if code ~= 0 and code ~= 1 then
    return nil, table.concat(stderr, ' ')
  end
  local ok, report = pcall(vim.fn.json_decode, table.concat(stdout, '\n'))
  if not ok or type(report) ~= 'table' then
    return nil, 'docwright doctor --json printed no JSON object: ' .. table.concat(stderr, ' ')
  end
  return report
end

local function report_configuration(health, report, opts)
  for _, entry in ipairs({ { 'user config', report.user_config }, { 'project config', report.project_config } }) do
    if type(entry[2]) == 'string' and entry[2] ~= '' then
      health.ok(entry[1] .. ': ' .. entry[2])
    else
      health.info(entry[1] .. ': none')
    end
  end
  local diagnostics = type(report.diagnostics) == 'table' and report.diagnostics or {}
  if #diagnostics == 0 then
    health.ok('no problems in the config files (docwright doctor)')
  end
  for _, d in ipairs(diagnostics) do
    local where = (d.source or '?') .. (d.line and (':' .. d.line) or '')
    local text = where .. ': ' .. (d.message or vim.inspect(d))
    if d.severity == 'error' then
      health.error(text)
    else
      health.warn(text)
    end
  end
  if type(report.trust) == 'table' and report.trust.message then
    health.info('trust: ' .. report.trust.message)
  end
  for _, line in ipairs(type(report.route) == 'table' and report.route or {}) do
    if line:match('^route:') then
      health.info('for this buffer, ' .. line)
    end
  end
  if next(opts.settings or {}) then
    health.info('settings from setup() (sent to the server, not seen by doctor): '
      .. vim.inspect(opts.settings, { newline = ' ', indent = '' }))
  end
end

local function report_models(health, report)
  local models = type(report.models) == 'table' and report.models or {}
  if #models == 0 then
    health.info('docwright doctor listed no models')
  end
  for _, model in ipairs(models) do
    local name = 'model ' .. tostring(model.name) .. (model.inUse and ' (in use)' or '')
    local url = model.baseURL or '?'
    if model.reachable then
      health.ok(name .. ' answers at ' .. url)
    elseif model.inUse then
      health.warn(name .. ' not reachable at ' .. url .. ': ' .. tostring(model.error or ''), {
        'start the local model: scripts/local-model start (from the docwright checkout)',
        'or configure another model in settings.models / the config file',
      })
    else
      health.info(name .. ' not reachable at ' .. url .. ' (not used for this buffer)')
    end
  end
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
  elseif vim.lsp.is_enabled and vim.lsp.is_enabled('docwright') then
    health.ok("vim.lsp.enable('docwright') was called")
  else
    health.warn("neither require('docwright').setup() nor vim.lsp.enable('docwright') was called: the server will not start")
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
    local code, output, errors = run({ path, '--version' }, 5000)
    if code == 0 and output[1] then
      health.ok('version: ' .. output[1])
    else
      health.warn(path .. ' --version failed: ' .. table.concat(errors, ' '))
    end
  end

  health.start('docwright: configuration')
  local report, why
  if path ~= '' then
    local file = vim.api.nvim_buf_get_name(0)
    report, why = doctor(path, file ~= '' and vim.fn.filereadable(file) == 1 and file or nil)
    if report then
      report_configuration(health, report, opts)
    else
      health.warn('docwright doctor --json failed: ' .. tostring(why))
    end
  end
  local clients = docwright.clients()
  if #clients > 0 then
    health.ok(#clients .. ' docwright client(s) running')
  else
    health.info('no docwright client running (open a file of a supported filetype)')
  end

  if report then
    health.start('docwright: models')
    report_models(health, report)
  end
end

return M
