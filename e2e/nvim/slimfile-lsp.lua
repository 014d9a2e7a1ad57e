-- Drives Slimfile's language server from Neovim's built-in LSP client (0.7+),
-- headless, the way a Neovim user gets it: open a Dockerfile, wait for the
-- diagnostics, apply a quick fix through the client, run a refactoring that the
-- server applies with workspace/applyEdit, hover a base image. Writes what it
-- saw as JSON and quits (exit 0, or 1 with `errors` filled in).
--
-- Run by test/nvim/nvim.test.ts:
--   nvim --headless -u NONE -i NONE -n -c 'lua dofile(os.getenv("SLIMFILE_NVIM_SCRIPT"))'
-- Environment:
--   SLIMFILE_SERVER_CMD  the server command, words separated by tabs (node, dist/server.js, --stdio)
--   SLIMFILE_DOCKERFILE  a naive Dockerfile (apt without --no-install-recommends, COPY . . before pip install)
--   SLIMFILE_ALPINE      a Dockerfile FROM python:*-alpine, for the hover
--   SLIMFILE_OUT         where to write the JSON
--   SLIMFILE_TIMEOUT_MS  bound for each wait (default 15000)
-- Neovim 0.7 notes: vim.lsp.start does not exist yet (start_client + buf_attach_client), and a request
-- for a method no attached server supports never calls back, so each request checks support first.

local uv = vim.loop
local t0 = uv.hrtime()
local function elapsed_ms() return math.floor((uv.hrtime() - t0) / 1e6) end

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    assert(default ~= nil, name .. ' is not set')
    return default
  end
  return value
end

local timeout = tonumber(env('SLIMFILE_TIMEOUT_MS', '15000'))
local out_path = env('SLIMFILE_OUT')
local result = { nvim = vim.version(), timings_ms = {}, errors = {} }

local function mark(step) result.timings_ms[step] = elapsed_ms() end

local function wait_for(what, condition)
  if not vim.wait(timeout, condition, 20) then error('timed out after ' .. timeout .. ' ms waiting for ' .. what, 0) end
end

-- The server's own publishDiagnostics, per URI: nvim's vim.diagnostic keeps what the user sees,
-- this keeps the rule ids (`code`) and a count to tell a fresh publish from an old one.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  local entry = published[params.uri] or { count = 0 }
  entry.count = entry.count + 1
  entry.diagnostics = params.diagnostics
  published[params.uri] = entry
  return default_publish(err, params, ctx, config)
end

local function slimfile_codes(uri)
  local codes = {}
  for _, d in ipairs((published[uri] or {}).diagnostics or {}) do
    if d.source == 'slimfile' then table.insert(codes, d.code) end
  end
  return codes
end

local function has_code(uri, code) return vim.tbl_contains(slimfile_codes(uri), code) end

--- What the user sees in the buffer: vim.diagnostic's view of it.
local function shown_diagnostics(bufnr)
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(shown, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
  end
  return shown
end

local function buffer_lines(bufnr) return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) end

local client_id
local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'dockerfile') -- -u NONE: no filetype detection
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local function request(bufnr, method, params)
  local client = vim.lsp.get_client_by_id(client_id)
  if not client.supports_method(method) then error('the server does not support ' .. method, 0) end
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then error(method .. ' failed: ' .. tostring(err), 0) end
  local response = responses[client_id]
  if not response then error(method .. ': no response from slimfile', 0) end
  if response.err then error(method .. ': ' .. vim.inspect(response.err), 0) end
  return response.result
end

local function run()
  vim.o.hidden = true -- the fixed buffer stays unsaved while the next file opens
  client_id = vim.lsp.start_client({
    name = 'slimfile',
    cmd = vim.split(env('SLIMFILE_SERVER_CMD'), '\t', { trimempty = true }),
    root_dir = vim.fn.fnamemodify(env('SLIMFILE_DOCKERFILE'), ':h'),
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. Diagnostics on open.
  local bufnr, uri = open(env('SLIMFILE_DOCKERFILE'))
  wait_for('the server to initialize', function() return client.initialized or (client.server_capabilities and not vim.tbl_isempty(client.server_capabilities)) end)
  mark('initialized')
  result.offset_encoding = client.offset_encoding
  wait_for('Slimfile diagnostics', function() return has_code(uri, 'apt-no-install-recommends') end)
  mark('diagnostics')
  result.codes = slimfile_codes(uri)
  result.diagnostics = shown_diagnostics(bufnr)

  -- 2. A quick fix, requested for its diagnostic and applied through the client.
  local apt
  for _, d in ipairs(published[uri].diagnostics) do
    if d.code == 'apt-no-install-recommends' then apt = d end
  end
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = apt.range,
    context = { diagnostics = { apt }, only = { 'quickfix' } },
  }) or {}
  result.quickfix_titles = vim.tbl_map(function(a) return a.title end, actions)
  local fix
  for _, action in ipairs(actions) do
    if action.title == 'Add --no-install-recommends' then fix = action end
  end
  if not fix then error('no "Add --no-install-recommends" action among ' .. vim.inspect(result.quickfix_titles), 0) end
  result.quickfix_preferred = fix.isPreferred == true
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  result.after_quickfix = buffer_lines(bufnr)
  wait_for('the apt finding to go away after the fix', function() return not has_code(uri, 'apt-no-install-recommends') end)
  mark('quickfix')
  result.codes_after_quickfix = slimfile_codes(uri)

  -- 3. A refactoring the server applies itself: workspace/executeCommand -> workspace/applyEdit to nvim.
  result.refactoring = request(bufnr, 'workspace/executeCommand', {
    command = 'slimfile.applyRefactoring',
    arguments = { uri, 'move-copy-after-install' },
  })
  result.after_refactoring = buffer_lines(bufnr)
  wait_for('the copy finding to go away after the refactoring', function() return not has_code(uri, 'copy-before-deps') end)
  mark('refactoring')
  result.codes_after_refactoring = slimfile_codes(uri)

  -- 4. Hover on an Alpine base image.
  local alpine, alpine_uri = open(env('SLIMFILE_ALPINE'))
  wait_for('diagnostics for the Alpine file', function() return published[alpine_uri] ~= nil end)
  local line = buffer_lines(alpine)[1]
  local hover = request(alpine, 'textDocument/hover', {
    textDocument = { uri = alpine_uri },
    position = { line = 0, character = (line:find('alpine', 1, true) or 10) - 1 },
  })
  result.hover = hover and hover.contents or vim.NIL
  mark('hover')

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then table.insert(result.errors, tostring(err)) end
mark('total')
local file = assert(io.open(out_path, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
