use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{source, Dictionary, LoadError};

/// A dictionary of the YAML files `files` (name, text), starting from the first.
fn load(files: &[(&str, &str)]) -> Result<Dictionary, String> {
    let texts: HashMap<PathBuf, &str> = files.iter().map(|(n, t)| (PathBuf::from(n), *t)).collect();
    let mut read = |path: &Path| -> Result<source::File, String> {
        let text = texts
            .get(path)
            .ok_or_else(|| format!("no file {}", path.display()))?;
        yaml_serde::from_str(text).map_err(|e| e.to_string())
    };
    Dictionary::load(&[PathBuf::from(files[0].0)], &mut read).map_err(|e| match e {
        LoadError::Read { path, error } => format!("{}: {error}", path.display()),
        LoadError::Rule { path, error } => format!("{}: {error}", path.display()),
    })
}

fn dictionary(yaml: &str) -> Dictionary {
    load(&[("prh.yml", yaml)]).unwrap()
}

#[test]
fn replacements_as_prh_makes_them() {
    // (rules, text, what prh writes)
    let cases: &[(&str, &str, &str)] = &[
        // No pattern: the expected text, ASCII letters in either case and width.
        (
            "- JavaScript",
            "javascriptとＪＡＶＡＳＣＲＩＰＴ、JavaScript",
            "JavaScriptとJavaScript、JavaScript",
        ),
        // A string pattern is found as written, its specials too.
        ("- {expected: C++, pattern: c++}", "c++とcc", "C++とcc"),
        (
            "- {expected: できる, pattern: 出来る}",
            "出来る人",
            "できる人",
        ),
        // A regular expression with a group.
        (
            "- {expected: （$1）, pattern: '/\\((.+?)\\)/'}",
            "そうですね(笑)",
            "そうですね（笑）",
        ),
        // `i`, and a list of patterns.
        (
            "- {expected: GitHub, patterns: ['/github/i', Git Hub]}",
            "GITHUB と Git Hub",
            "GitHub と GitHub",
        ),
        // `regexpMustEmpty`: a match whose group 1 is not empty is left.
        (
            "- {expected: さらに, pattern: '/(変)?更に/', regexpMustEmpty: $1}",
            "更に変更に",
            "さらに変更に",
        ),
        // `wordBoundary`: JavaScript's \b, between ASCII and kana too.
        (
            "- {expected: Java, pattern: java, options: {wordBoundary: true}}",
            "javaで javascript",
            "Javaで javascript",
        ),
        // `$0` and a group past the last stay as written; a group that did not match is empty.
        ("- {expected: 'x$0$2', pattern: '/(a)/'}", "a", "x$0$2"),
        (
            "- {expected: '[$1$2]', pattern: '/(a)|(b)/'}",
            "ab",
            "[a][b]",
        ),
        // Of two that overlap the earlier wins; of two that start together, the longer.
        (
            "- {expected: AB, pattern: ab}\n- {expected: BC, pattern: bc}",
            "abc",
            "ABc",
        ),
        (
            "- {expected: X, pattern: ab}\n- {expected: Y, pattern: abc}",
            "abcd",
            "Yd",
        ),
        // A match equal to the expected text is none; matches stop at blank lines.
        (
            "- {expected: 'a b', pattern: '/a\\s+b/'}",
            "a\nb a\n\nb",
            "a b a\n\nb",
        ),
        // JavaScript's `.` does not match a line end.
        ("- {expected: Z, pattern: '/a.b/'}", "a\rb", "a\rb"),
    ];
    for (rules, text, want) in cases {
        let d = dictionary(&format!("version: 1\nrules:\n{rules}\n"));
        assert_eq!(d.replace(text), *want, "{rules} on {text:?}");
    }
}

#[test]
fn imports_follow_prh() {
    let main = "version: 1\nimports:\n  - path: sub/a.yml\n    ignoreRules: [{expected: 削除}]\nrules:\n  - {expected: 一, pattern: いち}\n";
    let a = "version: 1\nimports: ../b.yml\nrules:\n  - {expected: 一, pattern: イチ}\n  - {expected: 削除, pattern: けす}\n  - {expected: 二, pattern: に}\n";
    let b = "version: 1\nrules:\n  - {expected: 三, pattern: さん}\n";
    let d = load(&[("main.yml", main), ("sub/a.yml", a), ("b.yml", b)]).unwrap();
    // The importing file's 一 wins over the imported one; 削除 is ignored.
    assert_eq!(d.replace("いちイチけすにさん"), "一イチけす二三");
    assert_eq!(d.files().len(), 3);
    // `disableImports` leaves the imported file's own imports out.
    let main = "version: 1\nimports:\n  - {path: sub/a.yml, disableImports: true}\n";
    let d = load(&[("main.yml", main), ("sub/a.yml", a)]).unwrap();
    assert_eq!(d.replace("さん"), "さん");
}

#[test]
fn mistakes_name_the_file_and_the_rule() {
    let cycle = load(&[
        ("a.yml", "imports: b.yml\n"),
        ("b.yml", "imports: ./a.yml\n"),
    ]);
    assert_eq!(cycle.unwrap_err(), "a.yml: a.yml imports itself");
    let missing = load(&[("a.yml", "imports: b.yml\n")]);
    assert_eq!(missing.unwrap_err(), "b.yml: no file b.yml");
    let bad = load(&[("a.yml", "rules:\n  - {expected: x, pattern: '/(a/'}\n")]).unwrap_err();
    assert!(
        bad.starts_with("a.yml: the rule for 「x」: pattern `(a` cannot be read"),
        "{bad}"
    );
    let bad = load(&[(
        "a.yml",
        "rules:\n  - {expected: x, pattern: a, regexpMustEmpty: '1'}\n",
    )]);
    assert!(bad.unwrap_err().contains("`regexpMustEmpty` must be"));
    let bad = load(&[("a.yml", "rules:\n  - {expected: x, pattern: ''}\n")]);
    assert!(bad.unwrap_err().contains("empty pattern"));
}

#[test]
fn specs_are_checked_rule_by_rule() {
    let d = dictionary(
        "rules:\n  - expected: で\n    pattern: /(?<!ま)でで/\n    specs:\n      - {from: そこでで, to: そこで}\n      - {from: までで, to: まで}\n",
    );
    assert_eq!(d.spec_count(), 2);
    let failures = d.failing_specs();
    assert_eq!(failures.len(), 1);
    let f = &failures[0];
    assert_eq!((f.from, f.to, f.got.as_str()), ("までで", "まで", "までで"));
    assert_eq!(f.pattern, "/(?<!ま)でで/gmu");
}
