// The VS Code extension of seisho: starts `seisho lsp` for Markdown and plain text documents
// and lets vscode-languageclient speak the protocol (diagnostics, quick fixes,
// source.fixAll.seisho, formatting, hover). Nothing of seisho's own runs here.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** The languages (and schemes) whose documents seisho reads. */
const DOCUMENTS = ['markdown', 'plaintext'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** How the server is started, from the settings. */
function serverOptions(settings) {
  const command = settings.get('path') || 'seisho';
  const args = ['lsp', ...(settings.get('args') || [])];
  return { run: { command, args }, debug: { command, args } };
}

/** What the client asks of the server. */
function clientOptions(settings) {
  return {
    documentSelector: DOCUMENTS,
    initializationOptions: { debounceMs: settings.get('debounceMs') },
    // The server reads seisho.toml again when it changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/seisho.toml') },
  };
}

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration('seisho');
  client = new LanguageClient('seisho', 'seisho', serverOptions(settings), clientOptions(settings));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('seisho') && client) {
        await client.stop();
        const next = vscode.workspace.getConfiguration('seisho');
        client = new LanguageClient('seisho', 'seisho', serverOptions(next), clientOptions(next));
        await client.start();
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `seisho: cannot start \`${settings.get('path') || 'seisho'} lsp\` (${error.message}). ` +
        'Install seisho (cargo install --path crates/seisho-cli) or set seisho.path.',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverOptions, clientOptions, DOCUMENTS };
