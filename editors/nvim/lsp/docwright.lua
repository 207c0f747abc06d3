-- The server configuration for Neovim 0.11+'s vim.lsp.config/vim.lsp.enable: with this plugin
-- on 'runtimepath', `vim.lsp.enable('docwright')` starts docwright beside your other servers,
-- no setup() needed. setup() (or vim.lsp.config('docwright', {...})) refines it.
return require('docwright').client_config(nil)
