//! The `lint` target: diagnostics well formed, fixes that apply and converge.

use std::sync::OnceLock;

use seisho::lint::{
    apply_fix_edits, apply_fixes, Diagnostic, LintConfig, LintRule, Linter, Syntax, MAX_FIX_ROUNDS,
};
use seisho::LineIndex;

/// Every rule on, without the analyzer.
pub(crate) fn every_rule() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut config = LintConfig::default();
        for rule in LintRule::all() {
            config.set_enabled(rule.id(), true).expect("a known rule");
        }
        Linter::new(config).without_analyzer()
    })
}

/// Linting any text with every rule on, then fixing it (see [`check_lint`]).
pub fn lint(data: &[u8]) {
    check_lint(every_rule(), &String::from_utf8_lossy(data), Syntax::Text);
}

/// Linting `text`: diagnostics well formed; the fixes of one pass apply cleanly, all together
/// (none overlaps another); and fixing, with and without unsafe fixes, converges within
/// [`MAX_FIX_ROUNDS`] rounds, leaving nothing it could fix.
pub fn check_lint(linter: &Linter, text: &str, syntax: Syntax) {
    let diagnostics = linter.lint(text, syntax);
    diagnostics_well_formed(text, &diagnostics);
    let fixes = diagnostics.iter().filter(|d| d.fix.is_some()).count();
    let (_, applied) = apply_fixes(text, &diagnostics, true);
    assert_eq!(
        applied, fixes,
        "fixes of one pass overlap or do not apply: {text:?}: {diagnostics:?}"
    );
    for unsafe_fixes in [false, true] {
        let fixed = linter.fix(text, syntax, unsafe_fixes);
        assert!(fixed.rounds <= MAX_FIX_ROUNDS);
        assert_eq!(fixed.rounds == 0, fixed.applied == 0);
        if fixed.applied == 0 {
            assert_eq!(fixed.text, text);
        }
        assert_eq!(
            apply_fix_edits(text, &fixed.edits),
            fixed.text,
            "the composed edits of {text:?} do not give the fixed text: {:?}",
            fixed.edits
        );
        if !unsafe_fixes {
            fix_is_safe(text, syntax, &diagnostics, &fixed);
        }
        let again = linter.lint(&fixed.text, syntax);
        assert_eq!(fixed.remaining, again, "remaining diagnostics of {text:?}");
        diagnostics_well_formed(&fixed.text, &again);
        let left: Vec<&Diagnostic> = again
            .iter()
            .filter(|d| d.is_fixable(unsafe_fixes))
            .collect();
        assert!(
            left.is_empty(),
            "not converged (unsafe fixes {unsafe_fixes}) after {} rounds: {text:?} -> {:?}: {left:?}",
            fixed.rounds,
            fixed.text
        );
    }
}

/// What safe fixes never do: unbalance a bracket pair (the `unmatched-pair` reports never
/// grow, when that rule is on) or, in Markdown, change anything that is not prose (code,
/// HTML, URLs, link destinations, front matter: where the prose map is blank, the original
/// text is not touched).
fn fix_is_safe(text: &str, syntax: Syntax, before: &[Diagnostic], fixed: &seisho::lint::Fixed) {
    let unmatched = |d: &[Diagnostic]| d.iter().filter(|d| d.rule == "unmatched-pair").count();
    assert!(
        unmatched(&fixed.remaining) <= unmatched(before),
        "safe fixes unbalanced a pair: {text:?} -> {:?}",
        fixed.text
    );
    if syntax == Syntax::Markdown {
        let prose = seisho::markdown::prose(text);
        for e in &fixed.edits {
            let r = e.range.clone();
            assert_eq!(
                &prose.text()[r.clone()],
                &text[r.clone()],
                "a safe fix changed what is not prose: {text:?} at {r:?} -> {:?}",
                fixed.text
            );
        }
    }
}

/// In order, in bounds, on character boundaries, with the right lines and columns, and each
/// fix's edits in order, in bounds and on character boundaries.
fn diagnostics_well_formed(text: &str, diagnostics: &[Diagnostic]) {
    let index = LineIndex::new(text);
    let mut last = 0;
    for d in diagnostics {
        let r = &d.range;
        assert!(r.start <= r.end && r.end <= text.len(), "{d:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{d:?} in {text:?}"
        );
        assert!(r.start >= last, "not sorted: {d:?} in {text:?}");
        last = r.start;
        assert_eq!(
            d.start,
            index.line_col(text, r.start),
            "start of {d:?} in {text:?}"
        );
        assert_eq!(
            d.end,
            index.line_col(text, r.end),
            "end of {d:?} in {text:?}"
        );
        assert!(!d.message.is_empty());
        if let Some(fix) = &d.fix {
            assert!(!fix.edits.is_empty(), "empty fix: {d:?}");
            let mut at = 0;
            for e in &fix.edits {
                let r = &e.range;
                assert!(
                    at <= r.start && r.start <= r.end && r.end <= text.len(),
                    "{d:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{d:?}"
                );
                at = r.end;
            }
        }
    }
}
