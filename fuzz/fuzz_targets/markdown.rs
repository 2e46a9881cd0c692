//! The prose of any Markdown document: the same length as the document, line breaks in the
//! same places, every other byte either the document's or a space, and blocks in order, in
//! bounds and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = String::from_utf8_lossy(data);
    let prose = seisho::markdown::prose(&doc);
    let text = prose.text();
    assert_eq!(text.len(), doc.len());
    for (a, b) in doc.bytes().zip(text.bytes()) {
        assert!(a == b || b == b' ', "prose byte {b:#x} for {a:#x}");
        assert_eq!(a == b'\n', b == b'\n');
    }
    let mut last = 0;
    for block in prose.blocks() {
        assert!(block.start >= last && block.start <= block.end && block.end <= doc.len());
        assert!(doc.is_char_boundary(block.start) && doc.is_char_boundary(block.end));
        last = block.end;
    }
    for sentence in prose.sentences() {
        assert_eq!(&text[sentence.range()], sentence.text());
    }
});
