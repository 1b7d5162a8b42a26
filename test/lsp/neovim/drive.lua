-- Drives `secdraft lsp --stdio` from a headless Neovim 0.7 as a drafter would, and writes what
-- it saw to $SEC_OUT as JSON for test/lsp/neovim.test.ts to judge. Neovim 0.7 has no
-- vim.lsp.start: vim.lsp.start_client and buf_attach_client, as its users write them.
local ws, cli, out = os.getenv('SEC_WS'), os.getenv('SEC_CLI'), os.getenv('SEC_OUT')
local seen = { messages = {}, prompts = {}, steps = {} }

local function finish(err)
  seen.error = err
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(seen))
  f:close()
  vim.cmd('qa!')
end

local function uri(name) return vim.uri_from_fname(ws .. '/' .. name) end

local function open(name, filetype)
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  if filetype then vim.bo[buf].filetype = filetype end
  return buf
end

-- One request, answered within 10 s, or an error naming it.
local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not answers then error(method .. ': ' .. tostring(err)) end
  for _, a in pairs(answers) do
    if a.err or a.error then error(method .. ': ' .. vim.inspect(a.err or a.error)) end
    return a.result
  end
  error(method .. ': no answer')
end

-- The position of `text` in the buffer (0-based line, UTF-16 column: the text here is ASCII).
local function find(buf, text, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then return { line = i - 1, character = col - 1 + (offset or 0) } end
  end
  error('not in the buffer: ' .. text)
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, code)
  end
  return list
end

local function has_code(buf, code)
  return vim.tbl_contains(codes(buf), code)
end

local function main()
  local client_id = vim.lsp.start_client({
    name = 'secdraft',
    cmd = { os.getenv('SEC_NODE') or 'node', cli, 'lsp', '--stdio' },
    root_dir = ws,
    workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'ws' } },
    init_options = { words = { 'Frobnicator Panel' } },
    handlers = {
      ['window/showMessage'] = function(_, result) table.insert(seen.messages, result) end,
      ['window/logMessage'] = function() end,
      -- A prompt: recorded, and answered as the drafter would ("noted").
      ['window/showMessageRequest'] = function(_, result)
        table.insert(seen.prompts, result.message)
        for _, a in ipairs(result.actions or {}) do
          if a.title == 'noted' then return a end
        end
        return vim.NIL
      end,
    },
  })
  local client = vim.lsp.get_client_by_id(client_id)
  local g8 = open('g8.sec.txt', 'sec')
  vim.lsp.buf_attach_client(g8, client_id)

  -- Diagnostics arrive though .secdraft.json is broken: a notification said so, nothing asked.
  seen.steps.diagnostics = vim.wait(20000, function() return has_code(g8, 'double-space') end, 50)
  seen.codes = codes(g8)
  seen.prompts_before_commands = #seen.prompts

  local supplier = find(g8, 'Supplier Party', 2)
  local hover = request(g8, 'textDocument/hover', { textDocument = { uri = uri('g8.sec.txt') }, position = supplier })
  seen.hover = hover and hover.contents and (hover.contents.value or vim.inspect(hover.contents)) or ''

  local def = request(g8, 'textDocument/definition', { textDocument = { uri = uri('g8.sec.txt') }, position = supplier })
  seen.definition = def and (def.uri or (def[1] and def[1].uri)) or vim.NIL

  local refs = request(g8, 'textDocument/references', { textDocument = { uri = uri('g8.sec.txt') }, position = supplier, context = { includeDeclaration = true } })
  seen.references = #(refs or {})

  local rename = request(g8, 'textDocument/rename', { textDocument = { uri = uri('g8.sec.txt') }, position = supplier, newName = 'Supplying Party' })
  local renamed = {}
  for file_uri, _ in pairs((rename and rename.changes) or {}) do table.insert(renamed, file_uri) end
  for _, change in ipairs((rename and rename.documentChanges) or {}) do table.insert(renamed, change.textDocument.uri) end
  table.sort(renamed)
  seen.renamed = renamed

  -- Completion: type "Supplier P" at the end of a new sentence and ask.
  local last = vim.api.nvim_buf_line_count(g8)
  vim.api.nvim_buf_set_lines(g8, last, last, false, { '', 'G8.42 Each Supplier P' })
  local completion = request(g8, 'textDocument/completion', { textDocument = { uri = uri('g8.sec.txt') }, position = { line = last + 1, character = 21 } })
  local labels = {}
  for _, item in ipairs((completion and (completion.items or completion)) or {}) do table.insert(labels, item.label) end
  seen.completion = labels
  vim.api.nvim_buf_set_lines(g8, last, last + 2, false, {})

  -- The double-space quick fix, applied as Neovim applies a code action's edit.
  local at = find(g8, 'shall  comply', 5)
  local actions = request(g8, 'textDocument/codeAction', {
    textDocument = { uri = uri('g8.sec.txt') }, range = { start = at, ['end'] = at },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(g8, at.line) },
  })
  for _, a in ipairs(actions or {}) do
    if a.edit and a.title:find('space') then
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      break
    end
  end
  seen.fixed_line = vim.api.nvim_buf_get_lines(g8, at.line, at.line + 1, false)[1]

  -- The code lens "N uses of Supplier Party": its command is the server's, so Neovim runs it.
  local a_buf = open('a.sec.txt', 'sec')
  vim.lsp.buf_attach_client(a_buf, client_id)
  local lenses = request(a_buf, 'textDocument/codeLens', { textDocument = { uri = uri('a.sec.txt') } })
  local commands = client.server_capabilities.executeCommandProvider and client.server_capabilities.executeCommandProvider.commands or {}
  seen.server_commands = commands
  for _, lens in ipairs(lenses or {}) do
    if lens.command and lens.command.title:find('of Supplier Party', 1, true) then
      seen.lens_title = lens.command.title
      local places = request(a_buf, 'workspace/executeCommand', lens.command)
      seen.lens_places = #(places or {})
    end
  end

  -- "Record response…" on the comment's row: the server asks the disposition (a prompt, which
  -- this client can answer), the text is given in the argument.
  local csv = open('consultation.csv', 'csv')
  vim.lsp.buf_attach_client(csv, client_id)
  local row = find(csv, 'E.ON')
  local on_row = request(csv, 'textDocument/codeAction', { textDocument = { uri = uri('consultation.csv') }, range = { start = row, ['end'] = row }, context = { diagnostics = {} } })
  for _, a in ipairs(on_row or {}) do
    if a.command and a.title:find('Record response', 1, true) then
      seen.record_command = a.command.command
      local args = vim.deepcopy(a.command.arguments[1])
      args.response = 'The multiplier reflects the larger risk.'
      seen.recorded = request(csv, 'workspace/executeCommand', { command = a.command.command, arguments = { args } })
    end
  end

  -- "Record response…" with no text given: the entry is drafted in the responses file (an edit
  -- Neovim applies to a buffer), for the drafter to write the text there; nothing is saved.
  local bryt = find(csv, 'Bryt')
  local on_bryt = request(csv, 'textDocument/codeAction', { textDocument = { uri = uri('consultation.csv') }, range = { start = bryt, ['end'] = bryt }, context = { diagnostics = {} } })
  for _, a in ipairs(on_bryt or {}) do
    if a.command and a.title:find('Record response', 1, true) then
      seen.drafted = request(csv, 'workspace/executeCommand', a.command)
    end
  end
  local responses_buf = vim.fn.bufnr(ws .. '/consultation.responses.json')
  seen.draft_buffer = responses_buf > 0 and table.concat(vim.api.nvim_buf_get_lines(responses_buf, 0, -1, false), '\n') or ''

  -- A second workspace folder added while the server runs (vim.lsp.buf.add_workspace_folder,
  -- Neovim 0.7 has it): its file is read and checked, its uses of a term count; removed, its
  -- findings are cleared. Its file is never opened: Neovim keeps its diagnostics on a buffer
  -- number made for the URI.
  vim.api.nvim_set_current_buf(g8)
  local ws2 = os.getenv('SEC_WS2')
  local h = vim.uri_to_bufnr(vim.uri_from_fname(ws2 .. '/h.sec.txt'))
  vim.lsp.buf.add_workspace_folder(ws2)
  seen.steps.folder_added = vim.wait(10000, function() return has_code(h, 'double-space') end, 50)
  local uses = request(g8, 'textDocument/references', { textDocument = { uri = uri('g8.sec.txt') }, position = supplier, context = { includeDeclaration = true } })
  seen.steps.folder_references = vim.tbl_contains(vim.tbl_map(function(l) return l.uri end, uses or {}), vim.uri_from_fname(ws2 .. '/h.sec.txt'))
  vim.lsp.buf.remove_workspace_folder(ws2)
  seen.steps.folder_removed = vim.wait(10000, function() return #vim.diagnostic.get(h) == 0 end, 50)

  -- A settings change pushed in workspace/didChangeConfiguration: double-space turned off.
  vim.api.nvim_set_current_buf(g8)
  vim.api.nvim_buf_set_lines(g8, -1, -1, false, { '', 'G8.43 Another  space.' })
  seen.steps.second_double_space = vim.wait(10000, function() return has_code(g8, 'double-space') end, 50)
  client.notify('workspace/didChangeConfiguration', { settings = { secDrafting = { severity = { ['double-space'] = 'ignore' } } } })
  seen.steps.settings_applied = vim.wait(10000, function() return not has_code(g8, 'double-space') end, 50)

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  finish(vim.NIL)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(main)
    if not ok then finish(tostring(err)) end
  end,
})
