//! End-to-end tests of the `seisho` binary.
//!
//! The snapshot cases are in `tests/cmd/*.toml` (run by trycmd; their inputs are in
//! `tests/cmd/files/`). Refresh them after an intended change with
//! `TRYCMD=overwrite cargo test -p seisho-cli --test cli`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_seisho"))
}

#[test]
fn cmd_cases() {
    trycmd::TestCases::new()
        .register_bin("seisho", bin())
        .default_bin_name("seisho")
        // Plain output, whatever the environment says.
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}

fn seisho(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run seisho")
}

/// Names of the entries of `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
        "error: bad.md: invalid UTF-8: incomplete sequence at the end at byte offset 3 (line 2, column 1)\n\
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
