//! The `markdown` target: a document's prose, and the linter, the normalizer and the scorer
//! on Markdown.

use seisho::apply_edits;
use seisho::lint::Syntax;

use crate::lint::{check_lint, every_rule};
use crate::normalize::normalizers;
use crate::score::{check_any_report, scorer};

/// A Markdown document: its prose is the document with the markup blanked out (same length,
/// line breaks in place, blocks in order), and linting and scoring it as Markdown hold the
/// invariants of plain text.
pub fn markdown(data: &[u8]) {
    let doc = String::from_utf8_lossy(data);
    let prose = seisho::markdown::prose(&doc);
    let text = prose.text();
    assert_eq!(text.len(), doc.len());
    for (a, b) in doc.bytes().zip(text.bytes()) {
        assert!(
            a == b || b == b' ',
            "prose byte {b:#x} for {a:#x} in {doc:?}"
        );
        assert_eq!(a == b'\n', b == b'\n', "line breaks moved in {doc:?}");
    }
    let mut last = 0;
    for block in prose.blocks() {
        assert!(block.start >= last && block.start <= block.end && block.end <= doc.len());
        assert!(doc.is_char_boundary(block.start) && doc.is_char_boundary(block.end));
        last = block.end;
    }
    let mut last = 0;
    for sentence in prose.sentences() {
        let r = sentence.range();
        assert!(r.start >= last, "sentences out of order in {doc:?}");
        assert_eq!(&text[r.clone()], sentence.text());
        last = r.end;
    }
    check_lint(every_rule(), &doc, Syntax::Markdown);
    check_normalize_markdown(&doc, text);
    // The report's ranges are ranges of the document, and its prose is what was scored.
    check_any_report(text, &scorer().score_markdown(&doc));
}

/// `fmt` on Markdown: edits only where the prose is the document's own text, none writes a
/// Markdown markup character, and the edits give the output.
fn check_normalize_markdown(doc: &str, prose: &str) {
    for normalizer in normalizers() {
        let n = normalizer.normalize_as(doc, Syntax::Markdown);
        for e in n.edits().iter().chain(n.suggestions()) {
            let r = e.range();
            assert_eq!(
                &prose[r.clone()],
                &doc[r.clone()],
                "an edit outside prose in {doc:?}: {e:?}"
            );
            for c in ['*', '_', '`', '[', ']', '<', '>', '#', '|', '\\', '~'] {
                assert!(
                    !e.replacement().contains(c) || e.original().contains(c),
                    "an edit writes markup in {doc:?}: {e:?}"
                );
            }
        }
        assert_eq!(
            apply_edits(doc, n.edits()).as_deref(),
            Ok(n.text()),
            "the edits of {doc:?} do not give the output"
        );
    }
}
