// The extension outside VS Code: `vscode` and `vscode-languageclient/node` are replaced by
// recording fakes (the real ones need a running VS Code), so these tests check what the
// extension asks for; with SEISHO set to the seisho binary, the command it builds is started
// and answers `initialize` as a language server. What needs VS Code itself (the client's
// protocol handling, the UI) is not tested here.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');
const { spawn } = require('node:child_process');

const calls = { clients: [], started: 0, errors: [], watchers: [] };
let failStart = false;

function settings(values) {
  return { get: (key) => values[key] };
}

const fakes = {
  vscode: {
    workspace: {
      getConfiguration: () => settings(fakes.settings),
      createFileSystemWatcher: (glob) => {
        calls.watchers.push(glob);
        return { glob };
      },
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: { showErrorMessage: (message) => calls.errors.push(message) },
  },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, server, client) {
        calls.clients.push({ id, name, server, client });
      }
      async start() {
        calls.started += 1;
        if (failStart) throw new Error('spawn seisho ENOENT');
      }
      async stop() {}
    },
  },
  settings: { path: 'seisho', args: [], debounceMs: 50 },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request in fakes && request !== 'settings') return fakes[request];
  return load.call(this, request, parent, isMain);
};
const extension = require('../extension.js');
const manifest = require('../package.json');

test('the server is `seisho lsp` with the configured path and arguments', () => {
  const options = extension.serverOptions(settings({ path: '/opt/seisho', args: ['--no-dictionary'] }));
  assert.deepStrictEqual(options.run, { command: '/opt/seisho', args: ['lsp', '--no-dictionary'] });
  assert.deepStrictEqual(options.debug, options.run);
  const defaults = extension.serverOptions(settings({}));
  assert.deepStrictEqual(defaults.run, { command: 'seisho', args: ['lsp'] });
});

test('Markdown and plain text, saved or not; the debounce and seisho.toml go to the server', () => {
  const options = extension.clientOptions(settings({ debounceMs: 120 }));
  const pairs = options.documentSelector.map((s) => `${s.scheme}:${s.language}`).sort();
  assert.deepStrictEqual(pairs, ['file:markdown', 'file:plaintext', 'untitled:markdown', 'untitled:plaintext']);
  assert.deepStrictEqual(options.initializationOptions, { debounceMs: 120 });
  assert.deepStrictEqual(options.synchronize.fileEvents, { glob: '**/seisho.toml' });
});

test('activate starts one client; a server that cannot start is reported', async () => {
  const subscriptions = [];
  await extension.activate({ subscriptions });
  assert.strictEqual(calls.clients.length, 1);
  assert.strictEqual(calls.started, 1);
  assert.strictEqual(calls.errors.length, 0);
  failStart = true;
  await extension.activate({ subscriptions });
  assert.strictEqual(calls.errors.length, 1);
  assert.match(calls.errors[0], /seisho\.path/);
  failStart = false;
});

test('the manifest activates on the languages the client selects, and points at the code', () => {
  assert.deepStrictEqual(manifest.activationEvents.sort(), ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.strictEqual(require.resolve(path.join(__dirname, '..', manifest.main)), require.resolve('../extension.js'));
  assert.strictEqual(manifest.contributes.configuration.properties['seisho.path'].default, 'seisho');
  assert.strictEqual(manifest.contributes.configuration.properties['seisho.debounceMs'].default, 50);
});

test('the command it builds starts a language server', { skip: !process.env.SEISHO && 'SEISHO is not set' }, async () => {
  const { run } = extension.serverOptions(settings({ path: process.env.SEISHO, args: [] }));
  const child = spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let timer;
  const reply = await new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), 30000);
    let data = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      const text = data.toString('utf8');
      const at = text.indexOf('\r\n\r\n');
      const length = Number((/Content-Length: (\d+)/.exec(text) || [])[1]);
      if (at >= 0 && Buffer.byteLength(text.slice(at + 4)) >= length) resolve(JSON.parse(text.slice(at + 4)));
    });
    child.on('error', reject);
  });
  clearTimeout(timer);
  child.kill();
  assert.strictEqual(reply.id, 1);
  assert.strictEqual(reply.result.serverInfo.name, 'seisho');
  assert.ok(reply.result.capabilities.codeActionProvider);
});
