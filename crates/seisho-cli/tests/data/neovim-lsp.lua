-- Neovim's built-in LSP client (0.7 and later) on `seisho lsp`: opens DOC, attaches the
-- server, waits for its diagnostics and writes them to OUT, one a line:
-- line:start column:end column:code:source (lines from 0, columns in bytes, as Neovim has
-- them after converting the server's UTF-16 positions). Run by tests/lsp.rs.
local seisho, doc, out = os.getenv('SEISHO'), os.getenv('DOC'), os.getenv('OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(doc))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'seisho',
  cmd = { seisho, 'lsp' },
  root_dir = vim.fn.fnamemodify(doc, ':p:h'),
})
vim.lsp.buf_attach_client(buf, id)
vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%d:%d:%d:%s:%s', d.lnum, d.col, d.end_col, code, d.source or ''))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
vim.cmd('qa!')
