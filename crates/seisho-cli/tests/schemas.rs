//! The committed JSON Schemas (`docs/report.schema.json` of `seisho score --format json`,
//! `docs/lint.schema.json` of `seisho lint --format json`): in step with the types, and with
//! what real outputs hold. Refresh them after an intended change with
//! `SNAPSHOTS=overwrite cargo test -p seisho-cli --test schemas`.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{seisho, seisho_stdin};

/// The directory of this crate, where the tests run.
fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed schema `docs/NAME`.
fn committed(name: &str) -> PathBuf {
    crate_dir().join("../../docs").join(name)
}

/// The committed schema `docs/NAME`, parsed.
fn committed_schema(name: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(committed(name)).unwrap()).unwrap()
}

/// `seisho SUBCOMMAND --schema` prints the committed schema `docs/NAME` (with
/// `SNAPSHOTS=overwrite`, what it prints is committed first).
fn assert_schema_committed(subcommand: &str, name: &str) {
    let out = seisho(crate_dir(), &[subcommand, "--schema"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let committed = committed(name);
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        fs::write(&committed, &out.stdout).unwrap();
    }
    let expected = fs::read_to_string(&committed).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == expected,
        "docs/{name} is out of date: run SNAPSHOTS=overwrite cargo test -p seisho-cli --test schemas"
    );
}

/// The JSON Schema of the score report is committed (`docs/report.schema.json`) so that
/// consumers can read it; this keeps it in step with the types.
#[test]
fn report_schema_is_committed() {
    assert_schema_committed("score", "report.schema.json");
}

/// Every field of a real report is described by the schema, and the schema names no field
/// the report lacks: the schema is the report's, not a stale copy.
#[test]
fn report_matches_its_schema() {
    let schema = committed_schema("report.schema.json");
    let out = seisho_stdin(
        crate_dir(),
        &["score", "--format", "json", "-"],
        "東京都に住んでいます。「行く。」と言った、\nそして来なかった！\n\nSystem の設定。"
            .as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    check_against_schema(&report, &schema, &schema, "report");
}

/// The JSON Schema of `seisho lint --format json` is committed (`docs/lint.schema.json`).
#[test]
fn lint_schema_is_committed() {
    assert_schema_committed("lint", "lint.schema.json");
}

/// A real output, with fixes, nulls, an unreadable file and a fixed one, has exactly the
/// fields of the schema.
#[test]
fn lint_output_matches_its_schema() {
    let schema = committed_schema("lint.schema.json");
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
