// What the node tests share: the wasm package's values in the shape of the Rust API's
// serde_json output (pkg/expected*.json, from examples/expected.rs). Not a test file itself
// (`node --test` runs only *.test.mjs here).

const utf8 = new TextEncoder();

/** The UTF-8 byte offset of UTF-16 offset `u` of `text` (a lone surrogate is U+FFFD, as in
 * Rust). */
export const byteOf = (text, u) => utf8.encode(text.slice(0, u)).length;

/** A wasm diagnostic of `text` in the shape of the Rust API's serde_json output: the same
 * object, but for every range in bytes where the wasm package gives UTF-16 code units. */
export const asRust = (text) => (d) => {
  const bytes = (r) => ({ start: byteOf(text, r.start), end: byteOf(text, r.end) });
  return {
    ...d,
    range: bytes(d.range),
    fix: d.fix && { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, range: bytes(e.range) })) },
  };
};

/** A normalizer edit in the shape of the Rust API's serde_json output. */
export const asRustEdit = (e) => ({
  rule: e.rule, safety: e.safety, original: e.original, replacement: e.replacement,
  range: e.byte_range,
});
