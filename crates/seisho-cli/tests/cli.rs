//! End-to-end tests of the `seisho` binary.
//!
//! The snapshot cases are in `tests/cmd/*.toml` (run by trycmd; their inputs are in
//! `tests/cmd/files/`). Refresh them after an intended change with
//! `TRYCMD=overwrite cargo test -p seisho-cli --test cli`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{bin, entries, seisho};

#[test]
fn cmd_cases() {
    trycmd::TestCases::new()
        .register_bin("seisho", bin())
        .default_bin_name("seisho")
        // Plain output, whatever the environment says.
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}

#[test]
fn in_place_writes_changed_files_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    let clean = dir.path().join("clean.md");
    fs::write(&draft, "ｶﾞｲﾄﾞの、、コンピュ一タ\nデータベースへアクセス").unwrap();
    fs::write(&clean, "サーバーへ接続\n").unwrap();

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&draft, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let clean_modified = fs::metadata(&clean).unwrap().modified().unwrap();
    #[cfg(unix)]
    let clean_inode = {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(&clean).unwrap().ino()
    };

    let out = seisho(dir.path(), &["fmt", "-w", "draft.md", "clean.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");

    // The safe fixes are written, byte for byte; the suggestion (へ) is not applied.
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        "ガイドの、コンピュータ\nデータベースへアクセス"
    );
    // No temporary file is left behind.
    assert_eq!(entries(dir.path()), ["clean.md", "draft.md"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = fs::metadata(&draft).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o640, "permissions kept");
        // An unchanged file is not rewritten: same inode.
        assert_eq!(fs::metadata(&clean).unwrap().ino(), clean_inode);
    }
    assert_eq!(
        fs::metadata(&clean).unwrap().modified().unwrap(),
        clean_modified
    );

    // Now it is normalized; --unsafe-fixes applies the suggestion too.
    let out = seisho(dir.path(), &["fmt", "--check", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = seisho(dir.path(), &["fmt", "-w", "--unsafe-fixes", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        "ガイドの、コンピュータ\nデータベースヘアクセス"
    );
}

#[cfg(unix)]
#[test]
fn in_place_follows_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.md");
    fs::write(&target, "ＡＢＣ").unwrap();
    std::os::unix::fs::symlink("target.md", dir.path().join("link.md")).unwrap();

    let out = seisho(dir.path(), &["fmt", "--in-place", "link.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "ABC");
    let link = fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert_eq!(entries(dir.path()), ["link.md", "target.md"]);
}

#[test]
fn in_place_reports_a_bad_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.md"), b"ok\n\xe3\x81").unwrap();
    fs::write(dir.path().join("good.md"), "ＡＢＣ").unwrap();

    let out = seisho(
        dir.path(),
        &["fmt", "-w", "bad.md", "missing.md", "good.md"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: bad.md: invalid UTF-8: incomplete sequence at the end at byte offset 3 (line 2, column 1) (in Shift_JIS or EUC-JP? use --encoding auto)\n\
         error: cannot read missing.md: No such file or directory (os error 2)\n"
    );
    assert_eq!(
        fs::read(dir.path().join("bad.md")).unwrap(),
        b"ok\n\xe3\x81"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("good.md")).unwrap(),
        "ABC"
    );
}

#[cfg(unix)]
#[test]
fn broken_pipe_is_quiet() {
    use std::io::Read;
    use std::process::Stdio;

    // Much more output than a pipe holds; the reader closes after a few bytes.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.md"), "ｶﾞｲﾄﾞ\n".repeat(200_000)).unwrap();
    for args in [&["fmt", "big.md"][..], &["fmt", "--diff", "big.md"][..]] {
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 16];
        stdout.read_exact(&mut buf).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    }
}

/// The JSON Schema of the score report is committed (`docs/report.schema.json`) so that
/// consumers can read it; this keeps it in step with the types. Refresh it after an intended
/// change with `SNAPSHOTS=overwrite cargo test -p seisho-cli --test cli`.
#[test]
fn report_schema_is_committed() {
    let out = Command::new(bin())
        .args(["score", "--schema"])
        .output()
        .expect("run seisho");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json");
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        fs::write(&committed, &out.stdout).unwrap();
    }
    let expected = fs::read_to_string(&committed).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == expected,
        "docs/report.schema.json is out of date: run SNAPSHOTS=overwrite cargo test -p seisho-cli --test cli"
    );
}

/// Every field of a real report is described by the schema, and the schema names no field
/// the report lacks: the schema is the report's, not a stale copy.
#[test]
fn report_matches_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let out = Command::new(bin())
        .args(["score", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(
                "東京都に住んでいます。「行く。」と言った、\nそして来なかった！\n\nSystem の設定。"
                    .as_bytes(),
            )?;
            child.wait_with_output()
        })
        .expect("run seisho");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    check_against_schema(&report, &schema, &schema, "report");
}

/// A small structural check: objects have exactly the properties the schema lists (all
/// required), arrays are checked item by item, and `$ref`s and `anyOf`/`oneOf` are followed.
fn check_against_schema(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    root: &serde_json::Value,
    path: &str,
) {
    use serde_json::Value;
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "{path}: dangling $ref {reference}");
        return check_against_schema(value, target, root, path);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            if value.is_null() {
                return;
            }
            let option = options
                .iter()
                .find(|o| o.get("type") != Some(&Value::from("null")))
                .unwrap();
            return check_against_schema(value, option, root, path);
        }
    }
    match value {
        Value::Object(map) if schema.get("properties").is_none() => {
            // A map: every value has the schema of `additionalProperties`.
            let values = schema
                .get("additionalProperties")
                .unwrap_or_else(|| panic!("{path}: schema has no properties: {schema}"));
            for (key, item) in map {
                check_against_schema(item, values, root, &format!("{path}.{key}"));
            }
        }
        Value::Object(map) => {
            let properties = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{path}: schema has no properties: {schema}"));
            let mut keys: Vec<&String> = map.keys().collect();
            let mut expected: Vec<&String> = properties.keys().collect();
            keys.sort();
            expected.sort();
            assert_eq!(keys, expected, "{path}: fields differ from the schema");
            for (key, item) in map {
                check_against_schema(item, &properties[key], root, &format!("{path}.{key}"));
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check_against_schema(item, item_schema, root, &format!("{path}[{i}]"));
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// seisho lint and seisho fix

/// `seisho` with standard input from `stdin`.
fn seisho_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run seisho");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn lint_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let out = seisho(dir, &all);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn fix_writes_atomically_keeping_permissions_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    let clean = dir.path().join("clean.md");
    // A BOM, CRLF line endings, and mistakes on the first line and the last.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("# ｻｰﾊﾞの設定\r\n\r\nＡＰＩを呼び、、結果を見る。\r\n".as_bytes());
    fs::write(&draft, &bytes).unwrap();
    fs::write(&clean, "サーバーへ接続する。\n").unwrap();
    #[cfg(unix)]
    set_mode(&draft, 0o640);
    let clean_modified = fs::metadata(&clean).unwrap().modified().unwrap();

    let out = seisho(dir.path(), &["fix", "draft.md", "clean.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "fixed draft.md: 3 problems\n\
         fixed 3 problems in 1 file; remaining: no problems in 2 files\n"
    );
    let mut expected = b"\xEF\xBB\xBF".to_vec();
    expected.extend_from_slice("# サーバの設定\r\n\r\nAPIを呼び、結果を見る。\r\n".as_bytes());
    assert_eq!(fs::read(&draft).unwrap(), expected, "BOM and CRLF kept");
    assert_eq!(
        entries(dir.path()),
        ["clean.md", "draft.md"],
        "no temporary file left"
    );
    #[cfg(unix)]
    assert_eq!(mode(&draft), 0o640, "permissions kept");
    assert_eq!(
        fs::metadata(&clean).unwrap().modified().unwrap(),
        clean_modified,
        "a file with nothing to fix is not rewritten"
    );
}

/// The core's fixes never touch a `\r` of a CRLF line ending, nor a BOM: linted as it is, a
/// document with both has no diagnostic about them, and fixing it keeps every line ending.
#[test]
fn fixes_leave_crlf_and_bom_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for line in [
        "# ｻｰﾊﾞ　の設定",
        "",
        "ＡＰＩを呼び、、結果を見る。 ",
        "- ｶﾞｲﾄﾞ",
        "  続き\u{3000}",
        "",
        "「括弧」と、ｺﾝﾋﾟｭｰﾀ。",
    ] {
        text.push_str(line);
        text.push_str("\r\n");
    }
    for (name, bom) in [("a.md", false), ("b.md", true), ("c.txt", true)] {
        let mut bytes = if bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend_from_slice(text.as_bytes());
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let report = lint_json(dir.path(), &["a.md", "b.md", "c.txt"]);
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            for edit in d["fix"]["edits"].as_array().into_iter().flatten() {
                let (start, end) = (
                    edit["range"]["start"].as_u64().unwrap() as usize,
                    edit["range"]["end"].as_u64().unwrap() as usize,
                );
                assert!(!text[start..end].contains('\r'), "{d}");
                assert!(!edit["replacement"].as_str().unwrap().contains('\r'), "{d}");
            }
        }
    }
    let out = seisho(
        dir.path(),
        &["fix", "--unsafe-fixes", "a.md", "b.md", "c.txt"],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    for (name, bom) in [("a.md", false), ("b.md", true), ("c.txt", true)] {
        let bytes = fs::read(dir.path().join(name)).unwrap();
        assert_eq!(bytes.starts_with(b"\xEF\xBB\xBF"), bom, "{name}");
        let fixed = String::from_utf8(bytes).unwrap();
        assert_ne!(
            fixed.trim_start_matches('\u{feff}'),
            text,
            "{name} was fixed"
        );
        assert_eq!(fixed.matches("\r\n").count(), 7, "{name}: {fixed:?}");
        assert_eq!(fixed.matches('\r').count(), 7, "{name}: {fixed:?}");
        assert_eq!(fixed.matches('\n').count(), 7, "{name}: {fixed:?}");
    }
}

#[test]
fn fix_reports_a_read_only_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro.md");
    let ok = dir.path().join("ok.md");
    fs::write(&ro, "ＡＢＣ\n").unwrap();
    fs::write(&ok, "ＡＢＣ\n").unwrap();
    let mut perms = fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&ro, perms).unwrap();

    let out = seisho(dir.path(), &["fix", "ro.md", "ok.md"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write ro.md: the file is read-only\n"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The read-only file's problem remains, and is reported.
    assert!(stdout.contains("--> ro.md:1:1"), "{stdout}");
    assert!(
        stdout.ends_with(
            "fixed 1 problem in 1 file; remaining: 1 error, 0 warnings in 2 files (1 failed); 1 fixable with `seisho fix`\n"
        ),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&ro).unwrap(), "ＡＢＣ\n");
    assert!(fs::metadata(&ro).unwrap().permissions().readonly());
    assert_eq!(fs::read_to_string(&ok).unwrap(), "ABC\n");
    assert_eq!(entries(dir.path()), ["ok.md", "ro.md"]);

    // The same in a directory walk, and with `fmt -w`.
    fs::write(&ok, "ＡＢＣ\n").unwrap();
    let out = seisho(dir.path(), &["fix", "."]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write ./ro.md: the file is read-only\n"
    );
    assert_eq!(fs::read_to_string(&ok).unwrap(), "ABC\n");
    fs::write(&ok, "ＡＢＣ\n").unwrap();
    let out = seisho(dir.path(), &["fmt", "-w", "ro.md", "ok.md"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write ro.md: the file is read-only\n"
    );
    assert_eq!(fs::read_to_string(&ro).unwrap(), "ＡＢＣ\n");
    assert_eq!(fs::read_to_string(&ok).unwrap(), "ABC\n");
    assert_eq!(entries(dir.path()), ["ok.md", "ro.md"]);
}

#[test]
fn fix_leaves_invalid_utf8_untouched_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = b"\xEF\xBC\xA1\n\xE3\x81".to_vec(); // Ａ, then a truncated あ
    fs::write(dir.path().join("bad.md"), &bad).unwrap();
    fs::write(dir.path().join("good.md"), "ＡＢＣ").unwrap();

    let out = seisho(dir.path(), &["fix", "bad.md", "good.md"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: bad.md: invalid UTF-8: incomplete sequence at the end at byte offset 4 (line 2, column 1) (in Shift_JIS or EUC-JP? use --encoding auto)\n"
    );
    assert_eq!(fs::read(dir.path().join("bad.md")).unwrap(), bad);
    assert_eq!(
        fs::read_to_string(dir.path().join("good.md")).unwrap(),
        "ABC"
    );
    assert_eq!(entries(dir.path()), ["bad.md", "good.md"]);
}

/// After `seisho fix`, `seisho lint` finds nothing fixable (and after `--unsafe-fixes`,
/// nothing fixable at all), on the drafts of the test cases.
#[test]
fn fix_converges() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "files/sample.md",
        "lint/draft.md",
        "lint/ignore.md",
        "lint/crlf.txt",
        "lint/bom.md",
        "lint/configured/a.md",
    ];
    for (i, name) in names.iter().enumerate() {
        let ext = Path::new(name).extension().unwrap().to_str().unwrap();
        for unsafe_fixes in [false, true] {
            let target = dir.path().join(format!("{i}-{unsafe_fixes}.{ext}"));
            fs::copy(fixtures.join(name), &target).unwrap();
        }
    }
    for unsafe_fixes in [false, true] {
        let mut files: Vec<String> = entries(dir.path())
            .into_iter()
            .filter(|n| n.contains(&format!("-{unsafe_fixes}.")))
            .collect();
        files.sort();
        let args: Vec<&str> = files.iter().map(String::as_str).collect();
        let before = lint_json(dir.path(), &args);
        assert!(
            before["summary"]["fixable"].as_u64().unwrap() > 5,
            "{before}"
        );

        let mut fix = vec!["fix"];
        if unsafe_fixes {
            fix.push("--unsafe-fixes");
        }
        fix.extend_from_slice(&args);
        let out = seisho(dir.path(), &fix);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");

        let after = lint_json(dir.path(), &args);
        assert_eq!(after["summary"]["fixable"], 0, "{after}");
        if unsafe_fixes {
            assert_eq!(after["summary"]["unsafe_fixable"], 0, "{after}");
        }
        // A second fix has nothing to do.
        let out = seisho(dir.path(), &fix);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("fixed 0 problems in 0 files"), "{stdout}");
    }
}

/// The Shift_JIS fixture is the text below, encoded (regenerate it with this test:
/// `SNAPSHOTS=overwrite cargo test -p seisho-cli --test cli`).
const SJIS_TEXT: &str = "ｻｰﾊﾞを再起動し、、設定を確認する。\r\n10～20秒待つ。\r\n";

#[test]
fn shift_jis_fixture_is_what_it_says() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/lint/sjis.txt");
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(SJIS_TEXT);
    assert!(!unmappable);
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        fs::write(&path, &bytes).unwrap();
    }
    assert_eq!(fs::read(&path).unwrap(), &bytes[..]);
}

/// A Shift_JIS file is fixed in Shift_JIS, CRLF kept; the wave dash fix (to U+301C, which
/// Shift_JIS cannot write) is left out with a warning, and the other fixes are applied.
#[test]
fn fix_writes_shift_jis_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sjis.txt");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(SJIS_TEXT);
    fs::write(&path, &bytes).unwrap();

    let out = seisho(dir.path(), &["fix", "--encoding", "auto", "sjis.txt"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "warning: sjis.txt:2:3: not fixed (wave-dash): Shift_JIS cannot represent 「〜」 (U+301C)\n"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("note: sjis.txt: read as Shift_JIS\n"),
        "{stdout}"
    );
    let (expected, _, _) =
        encoding_rs::SHIFT_JIS.encode("サーバを再起動し、設定を確認する。\r\n10～20秒待つ。\r\n");
    assert_eq!(fs::read(&path).unwrap(), &expected[..]);

    // Read as UTF-8 (the default), it is an error, and nothing is written.
    let out = seisho(dir.path(), &["fix", "sjis.txt"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(fs::read(&path).unwrap(), &expected[..]);
}

/// Standard input: `fix -` prints the fixed text (in the input's encoding), the report goes
/// to standard error.
#[test]
fn fix_stdin_keeps_bom_and_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice("ＡＰＩ\r\n".as_bytes());
    let out = seisho_stdin(dir.path(), &["fix", "-"], &input);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(out.stdout, b"\xEF\xBB\xBFAPI\r\n");

    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("ｶﾞｲﾄﾞ\n");
    let out = seisho_stdin(dir.path(), &["fix", "--encoding", "shift_jis", "-"], &sjis);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (expected, _, _) = encoding_rs::SHIFT_JIS.encode("ガイド\n");
    assert_eq!(out.stdout, &expected[..]);
}

/// Many files: done in parallel, reported in order; no progress bar when standard error is
/// not a terminal.
#[test]
fn many_files_in_order_without_progress_bar_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let body = if i % 3 == 0 {
            "ＡＢＣ\n"
        } else {
            "サーバー\n"
        };
        fs::write(dir.path().join(format!("f{i:02}.md")), body).unwrap();
    }
    let out = seisho(dir.path(), &["lint", "--format", "github", "."]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let files: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..40)
        .filter(|i| i % 3 == 0)
        .map(|i| format!("::error file=./f{i:02}.md"))
        .collect();
    assert_eq!(files, expected);
}

/// The JSON Schema of `seisho lint --format json` is committed (`docs/lint.schema.json`);
/// refresh it with `SNAPSHOTS=overwrite cargo test -p seisho-cli --test cli`.
#[test]
fn lint_schema_is_committed() {
    let out = Command::new(bin())
        .args(["lint", "--schema"])
        .output()
        .expect("run seisho");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/lint.schema.json");
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        fs::write(&committed, &out.stdout).unwrap();
    }
    let expected = fs::read_to_string(&committed).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == expected,
        "docs/lint.schema.json is out of date: run SNAPSHOTS=overwrite cargo test -p seisho-cli --test cli"
    );
}

/// A real output, with fixes, nulls, an unreadable file and a fixed one, has exactly the
/// fields of the schema.
#[test]
fn lint_output_matches_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/lint.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "ｻｰﾊﾞへ、、行かないわけではない。\n").unwrap();
    fs::write(dir.path().join("bad.md"), b"\xff").unwrap();
    let out = seisho(
        dir.path(),
        &["lint", "--format", "json", "a.md", "bad.md", "missing.md"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["files"][1]["error"],
        "bad.md: invalid UTF-8: byte 0xff at byte offset 0 (line 1, column 1) (in Shift_JIS or EUC-JP? use --encoding auto)"
    );
    check_against_schema(&report, &schema, &schema, "output");
    let out = seisho(dir.path(), &["fix", "--format", "json", "a.md"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["fixed"], 2, "{report}");
    check_against_schema(&report, &schema, &schema, "output");
}

#[test]
fn fmt_keeps_a_leading_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.txt");
    fs::write(&file, "\u{feff}ｶﾞｲﾄﾞ\u{200b}です\r\n").unwrap();
    let out = seisho(dir.path(), &["fmt", "-w", "bom.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The BOM and the CRLF stay; the zero-width space inside the text goes.
    assert_eq!(fs::read_to_string(&file).unwrap(), "\u{feff}ガイドです\r\n");
    let out = seisho(dir.path(), &["fmt", "--check", "bom.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// A problem on a very long line (a file without line breaks) is shown with a window of the
/// line around it, not the whole line: the output stays proportional to the problems.
#[test]
fn long_lines_are_shown_as_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{}ｶﾞｲﾄﾞ{}", "あ".repeat(2000), "い".repeat(2000));
    fs::write(dir.path().join("long.txt"), &line).unwrap();
    let out = seisho(dir.path(), &["lint", "long.txt"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(" --> long.txt:1:2001"), "{stdout}");
    let shown = format!("…{}ｶﾞｲﾄﾞ{}…", "あ".repeat(40), "い".repeat(40));
    assert!(stdout.contains(&shown), "{stdout}");
    // The caret is under ｶﾞｲﾄﾞ: … (1 column) and 40 wide characters before it.
    assert!(
        stdout.contains(&format!("  | {}^^^^^ fixable", " ".repeat(81))),
        "{stdout}"
    );
    assert!(stdout.len() < 4000, "{} bytes", stdout.len());
}

#[test]
fn dict_export_writes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = seisho(dir.path(), &["dict", "export", "ipadic"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("wrote 10 files and IPADIC's licence"),
        "{stdout}"
    );
    let mut expected: Vec<String> = seisho_ipadic::FILE_NAMES
        .iter()
        .map(|s| s.to_string())
        .chain(["COPYING".to_owned()])
        .collect();
    expected.sort();
    assert_eq!(entries(&dir.path().join("ipadic")), expected);
    // What was written loads, and analyzes as the embedded dictionary does.
    let loaded = seisho_ipadic::load_from_dir(dir.path().join("ipadic")).unwrap();
    assert_eq!(loaded.word_count(), seisho_ipadic::embedded().word_count());
    // An unwritable place is an error, exit 2.
    fs::write(dir.path().join("file"), "").unwrap();
    let out = seisho(dir.path(), &["dict", "export", "file/sub"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with("error: cannot export the dictionary"));
}

/// Every command reads through one pipeline: `fmt` on Markdown changes only prose, as `fix`
/// does, and reads legacy encodings with `--encoding` and writes them back (issue 13).
#[test]
fn fmt_changes_only_the_prose_of_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "---\ntitle: ７５％〜\n---\n# ７５％の設定\n\n７５％の場合は `７５％` と書く。\
               ＊注意＊ [リンク](ssr.html#条件付きロジック)\n\n<div>７５％</div>\n\n\
               <!-- ７５％ -->\n\n```rust\n// ７５％\n```\n";
    let expected = "---\ntitle: ７５％〜\n---\n# 75%の設定\n\n75%の場合は `７５％` と書く。\
                    ＊注意＊ [リンク](ssr.html#条件付きロジック)\n\n<div>７５％</div>\n\n\
                    <!-- ７５％ -->\n\n```rust\n// ７５％\n```\n";
    fs::write(dir.path().join("a.md"), doc).unwrap();
    fs::write(dir.path().join("a.txt"), doc).unwrap();
    let out = seisho(dir.path(), &["fmt", "a.md"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    // The same text read as plain text changes everywhere.
    let out = seisho(dir.path(), &["fmt", "a.txt"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("７５％"));
    // --syntax and --stdin-filename decide for standard input.
    let out = seisho_stdin(dir.path(), &["fmt", "--syntax", "markdown"], doc.as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let out = seisho_stdin(
        dir.path(),
        &["fmt", "--stdin-filename", "x.md", "-"],
        doc.as_bytes(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    // -w writes the same, and `fmt --check` then finds nothing.
    let out = seisho(dir.path(), &["fmt", "-w", "a.md"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        expected
    );
    let out = seisho(dir.path(), &["fmt", "--check", "a.md"]);
    assert!(out.status.success(), "{out:?}");

    // `fix` leaves the same things alone, and fixes the same prose.
    fs::write(dir.path().join("b.md"), doc).unwrap();
    seisho(dir.path(), &["fix", "b.md"]);
    let fixed = fs::read_to_string(dir.path().join("b.md")).unwrap();
    for kept in [
        "title: ７５％〜",
        "`７５％`",
        "＊注意＊",
        "(ssr.html#条件付きロジック)",
        "<div>７５％</div>",
        "<!-- ７５％ -->",
        "// ７５％",
    ] {
        assert!(fixed.contains(kept), "fix changed {kept:?}: {fixed}");
    }
    assert!(
        fixed.contains("# 75%の設定") && fixed.contains("\n\n75%の場合"),
        "{fixed}"
    );
}

#[test]
fn fmt_and_score_read_legacy_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("ｻｰﾊﾞを再起動し、、設定を確認する。\n");
    fs::write(dir.path().join("a.txt"), &sjis).unwrap();
    let out = seisho(dir.path(), &["fmt", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--encoding auto"));
    let out = seisho(dir.path(), &["fmt", "--encoding", "auto", "-w", "a.txt"]);
    assert!(out.status.success(), "{out:?}");
    let (fixed, _, _) = encoding_rs::SHIFT_JIS.encode("サーバを再起動し、設定を確認する。\n");
    assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), fixed.as_ref());
    let out = seisho(dir.path(), &["score", "--encoding", "shift_jis", "a.txt"]);
    assert!(out.status.success(), "{out:?}");
}

/// The newcomer's rough edges (issue 13): a missing file, an empty directory, rule selection on
/// the command line, errors only, a warning budget, `warn` as a severity.
#[test]
fn lint_says_what_it_did_not_check_and_selects_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = seisho(dir.path(), &["lint", "nope.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "nothing checked: 1 file could not be read\n"
    );
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::write(dir.path().join("empty/a.rs"), "fn main() {}\n").unwrap();
    let out = seisho(dir.path(), &["lint", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("error: empty: no files to check"),
        "{out:?}"
    );

    // One error (halfwidth-kana) and two warnings (max-ten, no-double-negative).
    let draft = "ｶﾞｲﾄﾞを読み、設定し、保存し、確認し、終える。ないことはない。\n";
    fs::write(dir.path().join("a.md"), draft).unwrap();
    let rules = |args: &[&str]| -> Vec<String> {
        let mut all = args.to_vec();
        all.push("a.md");
        let v = lint_json(dir.path(), &all);
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        rules(&[]),
        ["halfwidth-kana", "max-ten", "no-double-negative"]
    );
    assert_eq!(
        rules(&["--select", "max-ten,halfwidth-kana"]),
        ["halfwidth-kana", "max-ten"]
    );
    // textlint's names are accepted.
    assert_eq!(
        rules(&["--ignore", "no-hankaku-kana", "--ignore", "max-ten"]),
        ["no-double-negative"]
    );
    assert_eq!(rules(&["--quiet"]), ["halfwidth-kana"]);

    let human = seisho(dir.path(), &["lint", "a.md"]);
    assert!(String::from_utf8_lossy(&human.stdout)
        .ends_with("by rule: 1 halfwidth-kana, 1 max-ten, 1 no-double-negative\n"));
    let out = seisho(dir.path(), &["lint", "--ignore", "halfwidth-kana", "a.md"]);
    assert_eq!(out.status.code(), Some(0));
    let out = seisho(
        dir.path(),
        &[
            "lint",
            "--ignore",
            "halfwidth-kana",
            "--max-warnings",
            "1",
            "a.md",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("2 warnings (at most 1 allowed by --max-warnings)"));

    fs::write(
        dir.path().join("seisho.toml"),
        "[rules]\nhalfwidth-kana = \"warn\"\n",
    )
    .unwrap();
    let out = seisho(dir.path(), &["lint", "a.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
