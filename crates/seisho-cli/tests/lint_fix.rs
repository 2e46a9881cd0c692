//! End-to-end tests of `seisho lint` and `seisho fix`: atomic writes that keep permissions,
//! byte order marks, line endings and legacy encodings; unreadable and read-only files;
//! convergence; order and output of many files.

use std::fs;
use std::path::Path;

mod common;
use common::{entries, seisho, seisho_stdin};

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
/// `SNAPSHOTS=overwrite cargo test -p seisho-cli --test lint_fix`).
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

/// The rules `seisho lint --format json FILE` reports in `dir`, in order.
fn rules_reported(dir: &Path, file: &str) -> Vec<String> {
    let out = common::seisho(dir, &["lint", "--format", "json", file]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn allowed_words_are_neither_reported_nor_fixed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("seisho.toml"), "allow = [\"ｲﾝﾀｰﾈｯﾄ\"]\n").unwrap();
    fs::write(dir.path().join("a.md"), "ｲﾝﾀｰﾈｯﾄとﾃﾞｰﾀ。\n").unwrap();
    let out = common::seisho(dir.path(), &["lint", "--format", "json", "a.md"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let starts: Vec<u64> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["range"]["start"].as_u64().unwrap())
        .collect();
    assert_eq!(starts, ["ｲﾝﾀｰﾈｯﾄと".len() as u64], "{report}");
    let out = common::seisho(dir.path(), &["fix", "a.md"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "ｲﾝﾀｰﾈｯﾄとデータ。\n"
    );
}

#[test]
fn init_writes_a_seisho_toml_once_and_from_a_textlintrc() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("seisho.toml");
    // No textlint configuration: said, nothing written.
    let out = common::seisho(dir.path(), &["init", "--from-textlint"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!toml.exists());
    fs::write(
        dir.path().join(".textlintrc"),
        "rules:\n  max-ten:\n    max: 1\n",
    )
    .unwrap();
    let out = common::seisho(dir.path(), &["init", "--from-textlint"]);
    assert!(out.status.success(), "{out:?}");
    let written = fs::read_to_string(&toml).unwrap();
    assert!(written.contains("[rules.max-ten]\nmax = 1"), "{written}");
    fs::write(dir.path().join("draft.md"), "まず、次に、終わる。\n").unwrap();
    assert_eq!(rules_reported(dir.path(), "draft.md"), ["max-ten"]);
    // A seisho.toml that is there stays unless --force.
    let out = common::seisho(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&toml).unwrap(), written);
    let out = common::seisho(dir.path(), &["init", "--force"]);
    assert!(out.status.success(), "{out:?}");
    assert!(fs::read_to_string(&toml)
        .unwrap()
        .contains("# max-ten = { enabled = true"));
}

#[test]
fn a_yaml_textlintrc_is_read_and_a_javascript_one_said_unread() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".textlintrc.yml"),
        "rules:\n  max-ten:\n    max: 1\n",
    )
    .unwrap();
    fs::write(dir.path().join("draft.md"), "まず、次に、終わる。\n").unwrap();
    assert_eq!(rules_reported(dir.path(), "draft.md"), ["max-ten"]);
    // textlint takes a JavaScript configuration first; seisho cannot run it, says so, and
    // does not take the YAML one in its place.
    fs::write(dir.path().join(".textlintrc.js"), "module.exports = {};\n").unwrap();
    let out = common::seisho(dir.path(), &["lint", "draft.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".textlintrc.js: a JavaScript textlint configuration is not read"),
        "{stderr}"
    );
    assert!(rules_reported(dir.path(), "draft.md").is_empty());
}

#[test]
fn a_textlintrc_is_read_when_there_is_no_seisho_toml() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".textlintrc.json"),
        r#"{ "rules": { "max-ten": { "max": 1 }, "ja-no-weak-phrase": true } }"#,
    )
    .unwrap();
    // Two 読点 (max-ten at max 1), a doubled particle (no-doubled-joshi: not in the
    // .textlintrc, so off) and a kana typo (seisho's own rule: on).
    fs::write(
        dir.path().join("draft.md"),
        "まず、次に、終わる。私は彼は好きだ。コンピュ一タ。\n",
    )
    .unwrap();
    assert_eq!(
        rules_reported(dir.path(), "draft.md"),
        ["max-ten", "long-vowel-mark"]
    );
    let out = common::seisho(dir.path(), &["lint", "draft.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".textlintrc.json: ja-no-weak-phrase: seisho has no such rule"),
        "{stderr}"
    );
    // A seisho.toml beside it wins.
    fs::write(dir.path().join("seisho.toml"), "[rules]\nmax-ten = false\n").unwrap();
    let rules = rules_reported(dir.path(), "draft.md");
    assert!(
        rules.iter().any(|r| r == "no-doubled-joshi") && !rules.iter().any(|r| r == "max-ten"),
        "{rules:?}"
    );
}
