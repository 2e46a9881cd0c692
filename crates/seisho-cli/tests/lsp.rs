//! `seisho lsp` end to end: the binary started as an editor starts it, spoken to in JSON-RPC
//! over its standard input and output.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Long enough for a loaded machine; a passing run takes well under a second.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Messages read while waiting for another one.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(args: &[&str], dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_seisho"))
            .arg("lsp")
            .args(args)
            .current_dir(dir)
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("seisho lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                let value: Value = serde_json::from_slice(&body).expect("JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            seen: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Tells the server that the file `path` changed, as an editor's file watcher does.
    fn file_changed(&mut self, path: &std::path::Path) {
        self.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(path), "type": 2}]}),
        );
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The first message (seen before or arriving) that `matches`.
    fn wait(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&matches) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no such message; seen: {:#?}", self.seen));
            if matches(&message) {
                return message;
            }
            self.seen.push(message);
        }
    }

    /// The next diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, root: &std::path::Path) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                // Long, so that changes sent together are one burst on a loaded machine.
                "initializationOptions": {"debounceMs": 500},
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
                },
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Shuts the server down as an editor does and checks that it exits with 0.
    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        // The server exits without waiting for the end of its input.
        let _stdin_kept_open = &self.stdin;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A failing test must not leave the server running (it holds the test's output open).
impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn file_uri(path: &std::path::Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn position(d: &Value, end: &str) -> (u64, u64) {
    let p = &d["range"][end];
    (
        p["line"].as_u64().unwrap(),
        p["character"].as_u64().unwrap(),
    )
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, character) = (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        );
        let start: usize = text
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16() as u64;
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn diagnostics_fixes_formatting_and_hover_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(&[], dir.path());
    let init = client.initialize(dir.path());
    let caps = &init["capabilities"];
    assert_eq!(caps["textDocumentSync"], 1, "{caps}");
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    let kinds = caps["codeActionProvider"]["codeActionKinds"].to_string();
    assert!(
        kinds.contains("quickfix") && kinds.contains("source.fixAll.seisho"),
        "{kinds}"
    );
    // The server asks to be told when a seisho.toml changes.
    let registration = client.wait(|m| m["method"] == "client/registerCapability");
    assert!(
        registration.to_string().contains("seisho.toml"),
        "{registration}"
    );

    // A typo after a character outside the BMP, the same typo in a code block, and a
    // suggestion (unsafe fix).
    let uri = file_uri(&dir.path().join("下書き.md"));
    let text = "😀へルプを見る。\n\n```\nへルプ\n```\n\nサ—バに接続する。\n";
    client.open(&uri, "markdown", text);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(
        rules(&diagnostics),
        ["hiragana-in-katakana", "long-vowel-mark"],
        "{diagnostics:#?}"
    );
    let typo = &diagnostics[0];
    // 😀 is two UTF-16 code units.
    assert_eq!(position(typo, "start"), (0, 2));
    assert_eq!(position(typo, "end"), (0, 3));
    assert_eq!(typo["source"], "seisho");
    assert_eq!(position(&diagnostics[1], "start"), (6, 1));

    // Quick fixes at the typo: one safe fix, preferred.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": typo["range"],
            "context": {"diagnostics": [typo]},
        }),
    );
    let actions = actions.as_array().unwrap();
    let quick: Vec<&Value> = actions.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert_eq!(quick.len(), 1, "{actions:#?}");
    assert_eq!(quick[0]["isPreferred"], true);
    assert!(
        quick[0]["title"].as_str().unwrap().contains("へ → ヘ"),
        "{:#}",
        quick[0]
    );
    let edits = quick[0]["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(apply(text, edits), text.replacen("へルプを", "ヘルプを", 1));
    // With the quick fixes comes "every safe fix": the code block stays, the unsafe one too.
    let all: Vec<&Value> = actions
        .iter()
        .filter(|a| a["kind"] == "source.fixAll.seisho")
        .collect();
    assert_eq!(all.len(), 1, "{actions:#?}");
    let fixed = apply(text, all[0]["edit"]["changes"][&uri].as_array().unwrap());
    assert_eq!(fixed, text.replacen("😀へルプ", "😀ヘルプ", 1));

    // The unsafe fix is labelled so.
    let suggestion = &diagnostics[1];
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": suggestion["range"],
            "context": {"diagnostics": [suggestion], "only": ["quickfix"]},
        }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert!(
        actions[0]["title"].as_str().unwrap().contains("unsafe"),
        "{actions:#?}"
    );
    assert_eq!(actions[0]["isPreferred"], false);

    // Asked for by kind, as on save.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions:#}");

    // Hover on the typo: the message and the rule's documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("hiragana-in-katakana"), "{value}");
    assert!(value.contains("## What it does"), "{value}");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 0}}),
    );
    assert!(nothing.is_null(), "{nothing}");

    // Formatting: fmt's safe changes, never inside code.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(
        apply(text, edits.as_array().unwrap()),
        text.replacen("😀へルプ", "😀ヘルプ", 1)
    );

    // Changes in quick succession: the latest version is linted, the others never.
    client.change(&uri, 2, "力メラ\n");
    client.change(&uri, 3, "へルプ\n");
    client.change(&uri, 4, "正しい文。\n");
    assert_eq!(client.diagnostics(&uri, 4), Vec::<Value>::new());
    for version in [2, 3] {
        assert!(
            !client
                .seen
                .iter()
                .any(|m| m["params"]["version"] == version),
            "version {version} was linted: {:#?}",
            client.seen
        );
    }

    // Closing clears the document's diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = client.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
            && m["params"].get("version").is_none_or(Value::is_null)
    });
    assert_eq!(cleared["params"]["uri"], uri);
    client.shutdown();
}

#[test]
fn seisho_toml_applies_and_is_read_again_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let config = dir.path().join("seisho.toml");
    std::fs::write(&config, "[rules]\nhiragana-in-katakana = false\n").unwrap();
    let mut client = Client::start(&["--no-dictionary"], dir.path());
    client.initialize(dir.path());
    let uri = file_uri(&docs.join("a.txt"));
    client.open(&uri, "plaintext", "使い方。へルプを見る。\n");
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    // The rule turned on: the editor tells the server, which lints again.
    std::fs::write(&config, "[rules]\nhiragana-in-katakana = \"error\"\n").unwrap();
    client.file_changed(&config);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(rules(&diagnostics), ["hiragana-in-katakana"]);
    assert_eq!(diagnostics[0]["severity"], 1, "an error");

    // A prh dictionary: read with the configuration, and again when it changes.
    let prh = dir.path().join("prh.yml");
    std::fs::write(
        &prh,
        "rules:\n  - {expected: つかいかた, pattern: 使い方}\n",
    )
    .unwrap();
    std::fs::write(
        &config,
        "[rules]\nhiragana-in-katakana = false\n[rules.prh]\nrule-paths = [\"prh.yml\"]\n",
    )
    .unwrap();
    client.file_changed(&config);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(rules(&diagnostics), ["prh"]);
    std::fs::write(&prh, "rules:\n  - {expected: みる, pattern: 見る}\n").unwrap();
    client.file_changed(&prh);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(rules(&diagnostics), ["prh"]);
    assert!(
        diagnostics[0]["message"].as_str().unwrap().contains("見る"),
        "{diagnostics:?}"
    );

    // A user dictionary: its words are not reported, read again when the file changes.
    let words = dir.path().join("words.csv");
    std::fs::write(&words, "へルプ,製品名,ヘルプ\n").unwrap();
    std::fs::write(
        &config,
        "[rules]\nhiragana-in-katakana = \"error\"\n[dictionary]\nuser = \"words.csv\"\n",
    )
    .unwrap();
    client.file_changed(&config);
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());
    std::fs::write(&words, "つかいかた,名詞,ツカイカタ\n").unwrap();
    client.file_changed(&words);
    assert_eq!(
        rules(&client.diagnostics(&uri, 1)),
        ["hiragana-in-katakana"]
    );
    client.shutdown();
}

/// Neovim's built-in client, headless, reads the diagnostics back: the editor side of the
/// protocol is a real one. Skipped (with a message) where `nvim` is not installed, unless
/// `SEISHO_REQUIRE_NEOVIM` is set, as `.ci/run` sets it after installing Debian's `neovim`.
#[test]
fn neovim_reads_the_diagnostics() {
    let has_nvim = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_nvim {
        assert!(
            std::env::var_os("SEISHO_REQUIRE_NEOVIM").is_none(),
            "SEISHO_REQUIRE_NEOVIM is set and nvim is not installed"
        );
        eprintln!("nvim is not installed: the Neovim test did not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("下書き.md");
    std::fs::write(&doc, "😀へルプを見る。\n\n```\nへルプ\n```\n").unwrap();
    let out = dir.path().join("diagnostics.txt");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/neovim-lsp.lua");
    let output = Command::new("nvim")
        .args(["--headless", "--clean", "-c"])
        .arg(format!("luafile {script}"))
        .env("SEISHO", env!("CARGO_BIN_EXE_seisho"))
        .env("DOC", &doc)
        .env("OUT", &out)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "nvim: {log}");
    assert!(!log.contains("exit code"), "the server quit badly: {log}");
    // へ on the first line, after 😀 (4 bytes): bytes 4 to 7; nothing in the code block.
    let diagnostics = std::fs::read_to_string(&out).unwrap();
    assert_eq!(diagnostics, "0:4:7:hiragana-in-katakana:seisho\n", "{log}");
}
