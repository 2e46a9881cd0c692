//! `seisho lint --format rdjson`, `--format sarif` and `--format textlint-json`: valid against
//! their published schemas (tests/data/schemas/, with provenance) or in textlint's shape, with
//! positions that point at what they report.

mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/schemas")
        .join(name);
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// `doc` is valid, and so is not `broken`, the same with one wrong value (the schema checks).
fn assert_valid(schema: &Value, doc: &Value, broken: impl FnOnce(&mut Value)) {
    let validator = jsonschema::validator_for(schema).expect("the schema compiles");
    let mut bad = doc.clone();
    broken(&mut bad);
    assert!(!validator.is_valid(&bad));
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// A directory with a draft whose name needs percent-encoding in a URI, a file with a
/// character outside the BMP before the mistakes, and a clean file.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("下書き 1.md"),
        "# ＡＰＩの説明\n\n𠀋は力メラの設定を見れる。ﾃｽﾄ、、です。\n\n```\nＡＰＩ\n```\n",
    )
    .unwrap();
    fs::write(dir.path().join("clean.txt"), "問題のない文です。\n").unwrap();
    dir
}

fn run(dir: &Path, format: &str) -> Value {
    let out = common::seisho(dir, &["lint", "--format", format, "."]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn line_of(text: &str, line: u64) -> &str {
    text.split('\n').nth(line as usize - 1).unwrap()
}

#[test]
fn rdjson_is_valid_and_points_at_bytes() {
    let dir = drafts();
    let doc = run(dir.path(), "rdjson");
    assert_valid(&schema("rdjson-DiagnosticResult.json"), &doc, |bad| {
        bad["diagnostics"][0]["severity"] = "LOUD".into();
    });
    let text = fs::read_to_string(dir.path().join("下書き 1.md")).unwrap();
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert!(diagnostics.len() >= 4);
    for d in diagnostics {
        assert_eq!(d["location"]["path"], "./下書き 1.md");
        let range = &d["location"]["range"];
        let (line, start, end) = (
            range["start"]["line"].as_u64().unwrap(),
            range["start"]["column"].as_u64().unwrap() as usize,
            range["end"]["column"].as_u64().unwrap() as usize,
        );
        assert_eq!(range["end"]["line"].as_u64(), Some(line));
        // Columns count UTF-8 bytes from 1.
        let reported = &line_of(&text, line)[start - 1..end - 1];
        assert!(!reported.is_empty());
        if d["code"]["value"] == "kanji-in-katakana" {
            assert_eq!(reported, "力");
            assert_eq!(d["suggestions"][0]["text"], "カ");
            assert_eq!(d["severity"], "ERROR");
        }
        // Never in the code block.
        assert!(line < 6, "{d}");
    }
}

#[test]
fn sarif_is_valid_and_points_at_utf16_units() {
    let dir = drafts();
    let doc = run(dir.path(), "sarif");
    assert_valid(&schema("sarif-schema-2.1.0.json"), &doc, |bad| {
        bad["runs"][0]["results"][0]["level"] = "loud".into();
    });
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let text = fs::read_to_string(dir.path().join("下書き 1.md")).unwrap();
    let results = run["results"].as_array().unwrap();
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for r in results {
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "./%E4%B8%8B%E6%9B%B8%E3%81%8D%201.md"
        );
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()));
        let region = &location["region"];
        let line = line_of(&text, region["startLine"].as_u64().unwrap());
        let units: Vec<u16> = line.encode_utf16().collect();
        let (start, end) = (
            region["startColumn"].as_u64().unwrap() as usize,
            region["endColumn"].as_u64().unwrap() as usize,
        );
        let reported = String::from_utf16(&units[start - 1..end - 1]).unwrap();
        if r["ruleId"] == "kanji-in-katakana" {
            // After 𠀋, two UTF-16 units.
            assert_eq!(reported, "力");
            assert_eq!(r["level"], "error");
            let fix = &r["fixes"][0];
            assert!(fix["description"]["text"]
                .as_str()
                .unwrap()
                .starts_with("safe"));
            let replacement = &fix["artifactChanges"][0]["replacements"][0];
            assert_eq!(replacement["insertedContent"]["text"], "カ");
        }
    }
    assert!(results.iter().any(|r| r["ruleId"] == "kanji-in-katakana"));
}

/// JavaScript's view of a string: UTF-16 code units.
fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

#[test]
fn textlint_json_has_textlints_shape_and_utf16_positions() {
    let dir = drafts();
    let doc = run(dir.path(), "textlint-json");
    let files = doc.as_array().expect("an array of results, as textlint's");
    assert_eq!(files.len(), 2);
    let draft = files
        .iter()
        .find(|f| f["filePath"].as_str().unwrap().ends_with("下書き 1.md"))
        .unwrap();
    let path = Path::new(draft["filePath"].as_str().unwrap());
    assert!(path.is_absolute(), "{path:?}");
    let text = utf16(&fs::read_to_string(path).unwrap());
    let messages = draft["messages"].as_array().unwrap();
    assert!(!messages.is_empty());
    for m in messages {
        assert_eq!(m["type"], "lint");
        assert!(m["ruleId"].is_string() && m["message"].is_string());
        assert!(matches!(m["severity"].as_u64(), Some(1..=3)), "{m}");
        let (start, end) = (
            m["range"][0].as_u64().unwrap() as usize,
            m["range"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(m["index"].as_u64().unwrap() as usize, start);
        assert_eq!(m["loc"]["start"]["line"], m["line"]);
        assert_eq!(m["loc"]["start"]["column"], m["column"]);
        // line and column (from 1, UTF-16 units) point where the index does.
        let line_start = text[..start]
            .iter()
            .rposition(|&u| u == u16::from(b'\n'))
            .map_or(0, |i| i + 1);
        let line = 1 + text[..start]
            .iter()
            .filter(|&&u| u == u16::from(b'\n'))
            .count();
        assert_eq!(m["line"].as_u64().unwrap() as usize, line, "{m}");
        assert_eq!(
            m["column"].as_u64().unwrap() as usize,
            start - line_start + 1,
            "{m}"
        );
        assert!(start <= end && end <= text.len());
    }
    // The kanji look-alike after 𠀋 (two UTF-16 units): its fix replaces exactly it.
    let camera = messages
        .iter()
        .find(|m| m["ruleId"] == "kanji-in-katakana")
        .expect("力メラ is reported");
    let fix = &camera["fix"];
    let (s, e) = (
        fix["range"][0].as_u64().unwrap() as usize,
        fix["range"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&text[s..e]).unwrap(), "力");
    assert_eq!(fix["text"], "カ");
    let clean = files
        .iter()
        .find(|f| f["filePath"].as_str().unwrap().ends_with("clean.txt"))
        .unwrap();
    assert_eq!(clean["messages"], serde_json::json!([]));
}
