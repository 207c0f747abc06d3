-- docwright's commands, available as soon as the plugin is on 'runtimepath' (no setup() needed:
-- they act on whichever docwright client serves the buffer, however it was started).
if vim.g.loaded_docwright then
  return
end
vim.g.loaded_docwright = true

local function docwright()
  return require('docwright')
end

vim.api.nvim_create_user_command('DocwrightGenerate', function()
  docwright().generate()
end, { desc = 'docwright: generate an implementation for the stub under the cursor' })

vim.api.nvim_create_user_command('DocwrightPick', function(cmd)
  docwright().pick(cmd.args ~= '' and cmd.args or nil)
end, {
  nargs = '?',
  complete = function()
    return docwright().configured_models()
  end,
  desc = 'docwright: pick one of the ranked candidates (preview, then apply)',
})

vim.api.nvim_create_user_command('DocwrightCompare', function(cmd)
  docwright().compare(cmd.fargs)
end, {
  nargs = '*',
  complete = function()
    return docwright().configured_models()
  end,
  desc = 'docwright: compare models on the stub under the cursor',
})
