//! `seisho lsp`: a Language Server over standard input and output, for editors.
//!
//! Built on `lsp-server` (rust-analyzer's synchronous scaffold: a reader and a writer thread,
//! messages over channels) and `lsp-types`: linting is synchronous CPU work, so a plain loop
//! with a timeout serves it better than an async runtime, and the binary gains no executor.
//!
//! What it does:
//! - diagnostics when a document opens and after each change, once the changes pause for
//!   [`DEBOUNCE`] (the latest version wins: a version superseded before its turn is never
//!   linted; `initializationOptions.debounceMs` sets the pause), with the rule id as code,
//!   severity, and positions in UTF-16 code units;
//! - quick fixes as code actions (safe and unsafe ones labelled) and `source.fixAll.seisho`
//!   for every safe fix (`seisho fix` on the buffer);
//! - `textDocument/formatting`: `seisho fmt`'s safe changes to the prose;
//! - hover on a diagnostic: its message and the rule's documentation;
//! - `seisho.toml` found from each document's directory upwards (as `seisho lint` does) and
//!   read again when a `seisho.toml`, a textlint configuration or a YAML file (a prh
//!   dictionary) changes or is saved;
//! - Markdown or plain text by the document's language id, else its extension.

mod convert;
mod documents;

use std::error::Error;
use std::time::{Duration, Instant};

use crate::says::Says;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self, Notification as _};
use lsp_types::request::{self, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DocumentFormattingParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, OneOf,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};
use seisho::lint::LintRule;

use convert::{byte_of, lsp_diagnostic, text_edit};
use documents::Documents;

/// How long the changes of a document must pause before it is linted again, unless the
/// client says otherwise (`initializationOptions: {"debounceMs": N}`): about the time between
/// two keystrokes, so that a burst of typing is linted once, at its end.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// The code action kind of "apply every safe fix".
const FIX_ALL: &str = "source.fixAll.seisho";

/// The options of `seisho lsp`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Use this configuration file for every document.
    pub config: Option<std::path::PathBuf>,
    /// Do not load the dictionary (rules that need it do not run).
    pub no_dictionary: bool,
}

/// Runs the server until the client asks it to exit.
pub fn run(options: &Options) -> Result<(), Box<dyn Error + Sync + Send>> {
    let (connection, _io_threads) = Connection::stdio();
    // Not joined: the reader waits for the end of standard input, which a client need not
    // close after `exit`. Everything was written before `exit` was read.
    serve(&connection, options)
}

/// Serves `connection`: the handshake, then messages until `exit`.
pub fn serve(
    connection: &Connection,
    options: &Options,
) -> Result<(), Box<dyn Error + Sync + Send>> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "seisho".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let debounce = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("debounceMs"))
        .and_then(serde_json::Value::as_u64)
        .map_or(DEBOUNCE, Duration::from_millis);
    let mut server = Server {
        connection,
        debounce,
        documents: Documents::new(options.clone()),
        watch_config: watches_files(&params),
        next_request: 0,
        shut_down: false,
    };
    server.register_config_watcher()?;
    server.main_loop()
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(FIX_ALL.to_owned()),
            ]),
            ..CodeActionOptions::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Whether the client can watch files for the server (dynamic registration of
/// `workspace/didChangeWatchedFiles`).
fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

struct Server<'c> {
    connection: &'c Connection,
    debounce: Duration,
    documents: Documents,
    watch_config: bool,
    next_request: i32,
    /// `shutdown` was asked: only `exit` is left to come.
    shut_down: bool,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), Box<dyn Error + Sync + Send>> {
        loop {
            let message = match self.documents.next_due() {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(message) => Some(message),
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                            return self.input_closed()
                        }
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return self.input_closed(),
                },
            };
            match message {
                None => self.publish_due()?,
                Some(Message::Request(req)) if req.method == request::Shutdown::METHOD => {
                    self.shut_down = true;
                    self.respond(Response::new_ok(req.id, ()))?;
                }
                Some(Message::Request(req)) if self.shut_down => {
                    self.respond(Response::new_err(
                        req.id,
                        lsp_server::ErrorCode::InvalidRequest as i32,
                        "the server is shut down".to_owned(),
                    ))?;
                }
                Some(Message::Request(req)) => self.request(req)?,
                Some(Message::Notification(n)) if n.method == notification::Exit::METHOD => {
                    return if self.shut_down {
                        Ok(())
                    } else {
                        Err("exit before shutdown".into())
                    };
                }
                Some(Message::Notification(_)) if self.shut_down => {}
                Some(Message::Notification(n)) => self.notification(n)?,
                // The answer to the watcher's registration: nothing to do either way.
                Some(Message::Response(_)) => {}
            }
        }
    }

    /// The client closed the server's input: a normal end after `shutdown`, else an error
    /// (the protocol's exit code 1).
    fn input_closed(&self) -> Result<(), Box<dyn Error + Sync + Send>> {
        if self.shut_down {
            Ok(())
        } else {
            Err("the client closed the connection without shutting the server down".into())
        }
    }

    /// Lints the documents whose time has come and publishes their diagnostics.
    fn publish_due(&mut self) -> Result<(), Box<dyn Error + Sync + Send>> {
        for (uri, version, diagnostics) in self.documents.lint_due(Instant::now()) {
            self.notify::<notification::PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: Some(version),
            })?;
        }
        Ok(())
    }

    fn notification(&mut self, n: Notification) -> Result<(), Box<dyn Error + Sync + Send>> {
        match n.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                self.documents
                    .open(d.uri, &d.language_id, d.version, d.text);
                // Linted at once: nothing to wait for.
                self.publish_due()?;
            }
            notification::DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                // Full synchronization: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.documents.change(
                        &p.text_document.uri,
                        p.text_document.version,
                        change.text,
                        Instant::now() + self.debounce,
                    );
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.documents.close(&p.text_document.uri);
                self.notify::<notification::PublishDiagnostics>(PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                })?;
            }
            notification::DidSaveTextDocument::METHOD => {
                let p: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if documents::is_config(&p.text_document.uri) {
                    self.config_changed()?;
                }
            }
            notification::DidChangeWatchedFiles::METHOD => {
                let p: lsp_types::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                if p.changes.iter().any(|c| documents::is_config(&c.uri)) {
                    self.config_changed()?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A configuration changed (a `seisho.toml`, a textlint configuration, a prh dictionary):
    /// read the configurations again and lint every document.
    fn config_changed(&mut self) -> Result<(), Box<dyn Error + Sync + Send>> {
        self.documents.reload_config();
        self.publish_due()
    }

    fn request(&mut self, req: Request) -> Result<(), Box<dyn Error + Sync + Send>> {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            request::CodeActionRequest::METHOD => {
                let p: CodeActionParams = serde_json::from_value(req.params)?;
                serde_json::to_value(self.code_actions(&p))?
            }
            request::Formatting::METHOD => {
                let p: DocumentFormattingParams = serde_json::from_value(req.params)?;
                serde_json::to_value(self.format(&p.text_document.uri))?
            }
            request::HoverRequest::METHOD => {
                let p: HoverParams = serde_json::from_value(req.params)?;
                serde_json::to_value(self.hover(&p))?
            }
            _ => {
                return self.respond(Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("seisho does not handle {}", req.method),
                ));
            }
        };
        self.respond(Response::new_ok(id, result))
    }

    /// Quick fixes of the diagnostics in the range, and every safe fix at once.
    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.documents.linted(uri) else {
            return Vec::new();
        };
        let wants = |kind: &CodeActionKind| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let mut actions = Vec::new();
        let quickfix = CodeActionKind::QUICKFIX;
        if wants(&quickfix) {
            let start = byte_of(&doc.text, &doc.lines, p.range.start);
            let end = byte_of(&doc.text, &doc.lines, p.range.end);
            for d in &doc.diagnostics {
                let Some(fix) = &d.fix else { continue };
                // Touching the range counts: a cursor at a diagnostic's end asks for it.
                if d.range.start > end || d.range.end < start {
                    continue;
                }
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| text_edit(&doc.text, &doc.lines, e.range.clone(), &e.replacement))
                    .collect();
                let safe = fix.safety.is_safe();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: {
                        let (what, rule) = (fix_title(&doc.text, fix), d.rule.clone());
                        if safe {
                            Says::QuickFix { what, rule }
                        } else {
                            Says::QuickFixUnsafe { what, rule }
                        }
                        .to_string()
                    },
                    kind: Some(quickfix.clone()),
                    diagnostics: Some(vec![lsp_diagnostic(&doc.text, &doc.lines, d)]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
        }
        let fix_all = CodeActionKind::from(FIX_ALL.to_owned());
        // Offered when asked for by kind (`source.fixAll` on save), or with the quick fixes
        // when some fix is safe.
        let asked = p.context.only.is_some() && wants(&fix_all);
        let any_safe = doc.diagnostics.iter().any(|d| d.is_fixable(false));
        if asked || (p.context.only.is_none() && any_safe) {
            let edits = self.documents.fix_all(uri);
            if !edits.is_empty() {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: Says::FixAll {}.to_string(),
                    kind: Some(fix_all),
                    edit: Some(workspace_edit(uri, edits)),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }

    /// `seisho fmt`'s safe changes to the document's prose.
    fn format(&mut self, uri: &Uri) -> Vec<TextEdit> {
        self.documents.format(uri)
    }

    /// The message and the rule's documentation of the diagnostics under the cursor.
    fn hover(&mut self, p: &HoverParams) -> Option<Hover> {
        let at = &p.text_document_position_params;
        let doc = self.documents.linted(&at.text_document.uri)?;
        let offset = byte_of(&doc.text, &doc.lines, at.position);
        let here: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.range.start <= offset && offset <= d.range.end)
            .collect();
        if here.is_empty() {
            return None;
        }
        let mut value = String::new();
        let lang = crate::i18n::lang();
        for d in &here {
            if !value.is_empty() {
                value.push_str("\n\n---\n\n");
            }
            value.push_str(&format!(
                "**{}** ({}): {}\n\n",
                crate::i18n::rule_title(&d.rule, lang),
                crate::i18n::level(lang, d.severity),
                d.message
            ));
            if let Some(rule) = LintRule::find(&d.rule) {
                value.push_str(&format!("*{}*\n\n", rule.summary_in(lang)));
                value.push_str(rule.doc_in(lang));
            }
        }
        let first = here[0];
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(convert::range(&doc.text, &doc.lines, first.range.clone())),
        })
    }

    /// Asks the client to tell the server when a configuration changes, if it can.
    fn register_config_watcher(&mut self) -> Result<(), Box<dyn Error + Sync + Send>> {
        if !self.watch_config {
            return Ok(());
        }
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: documents::CONFIG_GLOBS
                .iter()
                .map(|glob| lsp_types::FileSystemWatcher {
                    glob_pattern: lsp_types::GlobPattern::String((*glob).to_owned()),
                    kind: None,
                })
                .collect(),
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "seisho-config".to_owned(),
                method: notification::DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.next_request += 1;
        let req = Request::new(
            RequestId::from(format!("seisho-{}", self.next_request)),
            request::RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.connection.sender.send(Message::Request(req))?;
        Ok(())
    }

    fn notify<N: notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), Box<dyn Error + Sync + Send>> {
        let n = Notification::new(N::METHOD.to_owned(), params);
        self.connection.sender.send(Message::Notification(n))?;
        Ok(())
    }

    fn respond(&self, response: Response) -> Result<(), Box<dyn Error + Sync + Send>> {
        self.connection.sender.send(Message::Response(response))?;
        Ok(())
    }
}

/// What a quick fix does, for its title: `へ → ヘ`, `delete 、`.
fn fix_title(text: &str, fix: &seisho::lint::Fix) -> String {
    let shown = |s: &str| {
        let s: String = s.chars().take(20).collect();
        s.replace('\n', "⏎")
    };
    match fix.edits.as_slice() {
        [e] if e.replacement.is_empty() => Says::FixDelete {
            what: shown(&text[e.range.clone()]),
        },
        [e] => Says::FixReplace {
            from: shown(&text[e.range.clone()]),
            to: shown(&e.replacement),
        },
        edits => Says::FixEdits { count: edits.len() },
    }
    .to_string()
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some([(uri.clone(), edits)].into_iter().collect()),
        ..WorkspaceEdit::default()
    }
}
