//! The `seisho` binary on hostile input (issue 7): invalid UTF-8 at every byte of a short
//! file is refused with the file, line and column; empty and whitespace-only files are fine;
//! NUL and control characters go through every command (fixes remove them as invisible); a long line without a break is
//! shown as a window, not whole.

use std::fs;
use std::process::Output;

mod common;
use common::seisho;

/// Every command that reads a file, with `file` as its input.
fn commands(file: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["fmt", file],
        vec!["fmt", "--no-dictionary", file],
        vec!["fmt", "--check", file],
        vec!["lint", file],
        vec!["lint", "--no-dictionary", file],
        vec!["lint", "--format", "json", file],
        vec!["fix", file],
        vec!["fix", "--unsafe-fixes", file],
        vec!["score", file],
        vec!["score", "--no-dictionary", "--format", "json", file],
    ]
}

fn no_panic(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        out.status.code().is_some(),
        "{what}: killed by a signal: {out:?}"
    );
}

#[test]
fn invalid_utf8_at_every_byte_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "ｻｰﾊﾞの設定\n１２３。\n\nok é";
    let all = commands("bad.txt");
    for at in 0..=text.len() {
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(at, 0xFF);
        fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
        // Inside a character, the character is cut short: the error is at its start.
        let offset = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
            .chars()
            .count()
            + 1;
        // The invalid sequence: the start of the cut character, or the 0xFF itself.
        let bad: Vec<String> = bytes[offset..at.max(offset + 1)]
            .iter()
            .map(|b| format!("0x{b:02x}"))
            .collect();
        let expected = format!(
            "bad.txt: invalid UTF-8: byte {} at byte offset {offset} (line {line}, column {column}) (in Shift_JIS or EUC-JP? use --encoding auto)",
            bad.join(" ")
        );
        // Each position with one of the commands, in turn, so that all of them are covered.
        let args = &all[at % all.len()];
        let out = seisho(dir.path(), args);
        no_panic(&out, &format!("{args:?} at {at}"));
        assert_eq!(out.status.code(), Some(2), "{args:?} at {at}: {out:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&expected),
            "{args:?} at {at}: {stderr:?}, expected {expected:?}"
        );
        // Nothing is written to a file that cannot be read.
        assert_eq!(fs::read(dir.path().join("bad.txt")).unwrap(), bytes);
    }
}

#[test]
fn empty_and_whitespace_files_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("empty.txt", ""),
        ("empty.md", ""),
        ("spaces.txt", "   \n\t\n\n  "),
        ("newlines.md", "\n\n\n\n"),
        ("crlf.txt", "\r\n\r\n"),
    ] {
        fs::write(dir.path().join(name), content).unwrap();
        for args in commands(name) {
            let out = seisho(dir.path(), &args);
            no_panic(&out, &format!("{args:?}"));
            assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        }
        if content.is_empty() {
            let out = seisho(dir.path(), &["fmt", name]);
            assert!(out.stdout.is_empty(), "{out:?}");
        }
    }
}

#[test]
fn nul_and_control_characters_go_through() {
    let dir = tempfile::tempdir().unwrap();
    let controls: String = (0u32..0x20)
        .chain([0x7F])
        .chain(0x80..0xA0)
        .filter_map(char::from_u32)
        .collect();
    let text = format!("\0ｻｰﾊﾞの\0設定{controls}を確認する。\0\n{controls}\0");
    fs::write(dir.path().join("nul.txt"), &text).unwrap();
    for args in commands("nul.txt") {
        let out = seisho(dir.path(), &args);
        no_panic(&out, &format!("{args:?}"));
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {out:?}"
        );
        if args.first() == Some(&"fix") {
            // The fix of ｻｰﾊﾞ is applied (and the invisible characters are removed).
            let fixed = fs::read_to_string(dir.path().join("nul.txt")).unwrap();
            assert!(fixed.starts_with("サーバの設定"), "{fixed:?}");
            assert!(fixed.contains("を確認する。"), "{fixed:?}");
            fs::write(dir.path().join("nul.txt"), &text).unwrap();
        }
    }
    let out = seisho(dir.path(), &["fmt", "nul.txt"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("サーバの") && stdout.contains("を確認する。"),
        "{stdout:?}"
    );
    let out = seisho(dir.path(), &["lint", "--format", "json", "nul.txt"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.is_object(), "{json}");
}

#[test]
fn a_long_line_is_shown_as_a_window_for_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    // 1.3 MB on one line, with a finding every 63 bytes.
    let text = "サーバを再起動し、設定を確認する。ｶﾞｲﾄﾞを読む。".repeat(20_000);
    fs::write(dir.path().join("long.txt"), &text).unwrap();
    let out = seisho(dir.path(), &["lint", "--no-dictionary", "long.txt"]);
    no_panic(&out, "lint");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let findings = stdout.matches(" --> long.txt:1:").count();
    assert_eq!(findings, 20_000);
    // Each snippet line is a window of the line, not the line itself.
    let longest = stdout.lines().map(str::len).max().unwrap();
    assert!(longest < 1000, "a line of {longest} bytes");
    let out = seisho(dir.path(), &["fix", "long.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let fixed = fs::read_to_string(dir.path().join("long.txt")).unwrap();
    assert_eq!(fixed, text.replace("ｶﾞｲﾄﾞ", "ガイド"));
}
