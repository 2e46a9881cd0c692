// What the node tests share: the wasm package's values in the shape of the Rust API's
// serde_json output (pkg/expected*.json, from examples/expected.rs). Not a test file itself
// (`node --test` runs only *.test.mjs here).

/** A wasm diagnostic in the shape of the Rust API's serde_json output. */
export function asRust(d) {
  return {
    rule: d.rule,
    severity: d.severity,
    range: d.byteRange,
    start: { line: d.start.line, column: d.start.column, utf16_column: d.start.utf16Column },
    end: { line: d.end.line, column: d.end.column, utf16_column: d.end.utf16Column },
    message: d.message,
    fix: d.fix && {
      edits: d.fix.edits.map((e) => ({ range: e.byteRange, replacement: e.replacement })),
      safety: d.fix.safety,
    },
  };
}

/** A normalizer edit in the shape of the Rust API's serde_json output. */
export const asRustEdit = (e) => ({
  rule: e.rule, safety: e.safety, original: e.original, replacement: e.replacement,
  range: e.byteRange,
});
