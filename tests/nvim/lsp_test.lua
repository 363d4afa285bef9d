-- Neovim's built-in LSP client against `planc lsp`, headless:
--   PLANC_BIN=target/debug/planc PLANC_ROOT=examples/org \
--   nvim --headless -u NONE -i NONE -n -l tests/nvim/lsp_test.lua
-- Opens the east-china region plan, breaks a sum, and checks where Neovim puts the
-- diagnostic on a line with Chinese text (the server speaks UTF-16; Neovim converts to
-- byte columns, so a wrong count shows as a wrong column), then hover, definition and a
-- code action (a misspelt province, fixed by the quick fix Neovim applies).
-- Prints "planc-nvim: ok" and exits 0, or prints the failure and exits 1.

local bin = assert(os.getenv('PLANC_BIN'), 'PLANC_BIN')
local root = vim.fn.fnamemodify(assert(os.getenv('PLANC_ROOT'), 'PLANC_ROOT'), ':p'):gsub('/$', '')
local plan = root .. '/east-china.plan.yaml'
local timeout = 30000

local function fail(msg)
  io.stdout:write('planc-nvim: FAILED: ' .. msg .. '\n')
  os.exit(1)
end

local function check(cond, msg)
  if not cond then fail(msg) end
end

-- The 0-based number of the first line containing `needle` (plain text), after `from`.
local function line_of(needle, from)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i = (from or 0) + 1, #lines do
    if lines[i]:find(needle, 1, true) then return i - 1 end
  end
  fail('no line with ' .. needle)
end

local function main()
  vim.cmd.edit(vim.fn.fnameescape(plan))
  local buf = vim.api.nvim_get_current_buf()
  local caps = vim.lsp.protocol.make_client_capabilities()
  caps.general = caps.general or {}
  caps.general.positionEncodings = { 'utf-16' }
  local id = vim.lsp.start({ name = 'planc', cmd = { bin, 'lsp' }, root_dir = root, capabilities = caps })
  check(id ~= nil, 'the client did not start')
  check(vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized
  end, 50), 'the server did not initialize')
  local client = vim.lsp.get_client_by_id(id)
  check(client.offset_encoding == 'utf-16', 'encoding ' .. tostring(client.offset_encoding))

  -- Jiangsu's share: 2.45亿元 → 2.55亿元; the province breakdown no longer adds up.
  local jiangsu = line_of('ref: jiangsu', line_of('targets:')) + 1
  local text = vim.api.nvim_buf_get_lines(buf, jiangsu, jiangsu + 1, false)[1]
  local col = text:find('2.45', 1, true)
  check(col ~= nil, 'no 2.45 on line ' .. jiangsu)
  vim.api.nvim_buf_set_text(buf, jiangsu, col + 1, jiangsu, col + 2, { '5' })

  local total = line_of('value: 9.072亿元')
  local found
  check(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'P101' and d.lnum == total then found = d return true end
    end
    return false
  end, 50), 'no P101 diagnostic on line ' .. total .. ': ' .. vim.inspect(vim.diagnostic.get(buf)))
  -- `    value: 9.072亿元`: the value spans bytes 11..22 (亿 and 元 are 3 bytes each).
  check(found.col == 11 and found.end_lnum == total and found.end_col == 22,
    'P101 at ' .. vim.inspect({ found.lnum, found.col, found.end_lnum, found.end_col }))
  check(found.source == 'planc', 'source ' .. tostring(found.source))

  local function at(method, line, character)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line, character = character },
    }
    local res = vim.lsp.buf_request_sync(buf, method, params, timeout)
    check(res ~= nil and res[id] ~= nil and res[id].err == nil, method .. ' failed: ' .. vim.inspect(res))
    return res[id].result
  end

  -- Hover on the key `rolls_up`: its doc from the schema, in the plan's language (Chinese).
  local rolls = line_of('rolls_up: sales')
  local hover = at('textDocument/hover', rolls, 6)
  check(hover and hover.contents.value:find('上级计划', 1, true), 'hover ' .. vim.inspect(hover))

  -- Hover inside the diagnostic: the rule.
  hover = at('textDocument/hover', total, 13)
  check(hover and hover.contents.value:find('P101', 1, true), 'hover on P101 ' .. vim.inspect(hover))

  -- Definition of `product: xinmaian` in a campaign: the product's id.
  local product = line_of('product: xinmaian', line_of('campaigns:'))
  local def = at('textDocument/definition', product, 14)
  check(def and def[1] and def[1].range.start.line == line_of('- id: xinmaian'),
    'definition ' .. vim.inspect(def))

  -- A code action: misspell the province, take the quick fix, let Neovim apply its edit.
  local ref_line = jiangsu - 1
  local ref_text = vim.api.nvim_buf_get_lines(buf, ref_line, ref_line + 1, false)[1]
  local ref_col = ref_text:find('jiangsu', 1, true)
  check(ref_col ~= nil, 'no jiangsu on line ' .. ref_line)
  vim.api.nvim_buf_set_text(buf, ref_line, ref_col - 1, ref_line, ref_col + 6, { 'jaingsu' })
  local typo
  check(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'P201' and d.lnum == ref_line then typo = d return true end
    end
    return false
  end, 50), 'no P201 for jaingsu: ' .. vim.inspect(vim.diagnostic.get(buf)))
  local range = {
    start = { line = ref_line, character = typo.col },
    ['end'] = { line = ref_line, character = typo.col },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = {} },
  }, timeout)
  check(res ~= nil and res[id] ~= nil and res[id].err == nil, 'codeAction failed: ' .. vim.inspect(res))
  local quick
  for _, a in ipairs(res[id].result or {}) do
    if a.kind == 'quickfix' then quick = a end
  end
  check(quick ~= nil and quick.title:find('jiangsu', 1, true), 'no quick fix: ' .. vim.inspect(res[id].result))
  vim.lsp.util.apply_workspace_edit(quick.edit, client.offset_encoding)
  local after = vim.api.nvim_buf_get_lines(buf, ref_line, ref_line + 1, false)[1]
  check(after == ref_text, 'after the fix: ' .. after)
  check(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'P201' then return false end
    end
    return true
  end, 50), 'P201 still reported after the fix')

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  io.stdout:write('planc-nvim: ok\n')
end

local ok, err = pcall(main)
if not ok then fail(tostring(err)) end
vim.cmd('qa!')
