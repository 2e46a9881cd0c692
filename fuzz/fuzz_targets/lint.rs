//! Linting any text, plain and as Markdown, with every rule on: diagnostics in bounds and on
//! character boundaries, fixes of one pass never overlapping, and fixing converging.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use seisho::lint::{LintConfig, LintRule, Linter, Syntax};

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut config = LintConfig::default();
        for rule in LintRule::all() {
            config.set_enabled(rule.id(), true).expect("a known rule");
        }
        Linter::new(config)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for syntax in [Syntax::Text, Syntax::Markdown] {
        check(&text, syntax);
    }
});

fn check(text: &str, syntax: Syntax) {
    let linter = linter();
    let diagnostics = linter.lint(text, syntax);
    let mut fix_end = 0;
    for d in &diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
        if let Some(fix) = &d.fix {
            assert!(fix.span().start >= fix_end, "overlapping fixes: {d:?}");
            fix_end = fix_end.max(fix.span().end);
        }
    }
    for unsafe_fixes in [false, true] {
        let fixed = linter.fix(text, syntax, unsafe_fixes);
        let left: Vec<_> = linter
            .lint(&fixed.text, syntax)
            .into_iter()
            .filter(|d| d.is_fixable(unsafe_fixes))
            .collect();
        assert!(left.is_empty(), "not converged: {text:?} -> {:?}: {left:?}", fixed.text);
    }
}
