//! Normalizing any text, with and without unsafe fixes: the output is a fixed point, the edit
//! log reproduces it, and `is_normalized` agrees with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seisho::{apply_edits, Normalizer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let safe = Normalizer::default();
    let all = Normalizer::builder().unsafe_fixes(true).build();
    for n in [&safe, &all] {
        check(n, &text);
    }
    // The free functions are the default normalizer.
    assert_eq!(
        seisho::normalize(&text).text(),
        safe.normalize(&text).text()
    );
    assert_eq!(
        seisho::is_normalized(&text),
        safe.normalize(&text).text() == text
    );
});

fn check(n: &Normalizer, text: &str) {
    let once = n.normalize(text);
    let out = once.text();
    // The edit log describes the change exactly.
    assert_eq!(
        apply_edits(text, once.edits()).as_deref(),
        Ok(out),
        "edits do not reproduce the output of {text:?}"
    );
    assert_eq!(once.is_changed(), out != text);
    // Suggestions never overlap one another and apply to the input on their own.
    assert!(
        apply_edits(text, once.suggestions()).is_ok(),
        "suggestions do not apply to {text:?}"
    );
    // Idempotence: a second pass changes nothing.
    let twice = n.normalize(out);
    assert_eq!(
        twice.text(),
        out,
        "not idempotent: {text:?} -> {out:?} -> {:?}",
        twice.text()
    );
    assert!(twice.edits().is_empty());
    // The check agrees with the normalizer, both ways.
    assert_eq!(
        n.is_normalized(text),
        out == text,
        "is_normalized({text:?})"
    );
    assert!(n.is_normalized(out), "is_normalized(normalize({text:?}))");
}
