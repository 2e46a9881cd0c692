//! End-to-end tests of the `seisho` binary: the snapshot cases, and `fmt`, `score` and `dict`
//! on real files (writing in place, legacy encodings, Markdown). `seisho lint` and `seisho fix`
//! are tested in `lint_fix.rs`, the committed JSON Schemas in `schemas.rs`.
//!
//! The snapshot cases are in `tests/cmd/*.toml` (run by trycmd; their inputs are in
//! `tests/cmd/files/`). Refresh them after an intended change with
//! `TRYCMD=overwrite cargo test -p seisho-cli --test cli`.

use std::fs;

mod common;
use common::{bin, command, entries, seisho, seisho_stdin};

#[test]
fn cmd_cases() {
    trycmd::TestCases::new()
        .register_bin("seisho", bin())
        .default_bin_name("seisho")
        // Plain output, whatever the environment says.
        .env("NO_COLOR", "1")
        // English unless a case sets LC_ALL (a variable set here cannot be changed by a
        // case, and LC_ALL outranks LC_MESSAGES).
        .env("LC_MESSAGES", "C")
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
        let mut child = command(dir.path(), args)
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
