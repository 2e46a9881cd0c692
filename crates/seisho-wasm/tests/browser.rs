//! The bindings in a browser (headless Chromium through chromedriver):
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver \
//!     CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test -p seisho-wasm --target wasm32-unknown-unknown --tests
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).expect("a field")
    })
}

fn options(json: &str) -> Option<Object> {
    Some(JSON::parse(json).expect("json").unchecked_into())
}

#[wasm_bindgen_test]
fn lint_reports_utf16_offsets() {
    let text = "😀ｻｰﾊﾞを再起動し、、設定を確認する。";
    let diagnostics: Array = seisho_wasm::lint(text, None)
        .expect("lint")
        .unchecked_into();
    assert_eq!(diagnostics.length(), 2);
    let first = diagnostics.get(0);
    assert_eq!(
        get(&first, "rule").as_string().as_deref(),
        Some("halfwidth-kana")
    );
    // 😀 is two UTF-16 units: ｻ starts at 2 (byte 4, column 2, UTF-16 column 3).
    assert_eq!(get(&first, "range.start").as_f64(), Some(2.0));
    // Its fix's range too (byte 4 of the UTF-8 text), and there is no range in bytes.
    assert_eq!(get(&first, "fix.edits.0.range.start").as_f64(), Some(2.0));
    assert!(get(&first, "byteRange").is_undefined());
    assert_eq!(get(&first, "start.column").as_f64(), Some(2.0));
    assert_eq!(get(&first, "start.utf16_column").as_f64(), Some(3.0));
    // The same offsets as JavaScript's own string functions.
    assert_eq!(js_sys::JsString::from(text).index_of("ｻ", 0), 2);

    let applied = seisho_wasm::apply_fixes(text, diagnostics.into(), None).expect("applyFixes");
    assert_eq!(
        get(&applied, "text").as_string().as_deref(),
        Some("😀サーバを再起動し、設定を確認する。")
    );
    assert_eq!(get(&applied, "applied").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn normalize_and_score() {
    let n = seisho_wasm::normalize("ＡＢＣ〜ｶﾞｲﾄﾞ", options(r#"{"waveDash": "fullwidth-tilde"}"#))
        .expect("normalize");
    assert_eq!(get(&n, "text").as_string().as_deref(), Some("ABC～ガイド"));
    let report =
        seisho_wasm::score("今日は晴れです。明日は雨が降るでしょう。", None).expect("score");
    assert_eq!(get(&report, "sentence_length.count").as_f64(), Some(2.0));
    assert!(get(&report, "jreadability").is_null());
    assert!(get(&report, "tateishi.score").as_f64().is_some());
}

#[wasm_bindgen_test]
fn errors_are_errors_with_messages() {
    let error = seisho_wasm::lint("x", options(r#"{"rules": {"nope": true}}"#))
        .map(|_| ())
        .expect_err("an unknown rule");
    let value: JsValue = error.into();
    assert!(value.is_instance_of::<js_sys::Error>());
    let message = value.unchecked_into::<js_sys::Error>().message();
    assert_eq!(String::from(message), "lint: unknown rule `nope`");
    // Still usable afterwards.
    assert!(seisho_wasm::lint("ｶ", None).is_ok());
}
