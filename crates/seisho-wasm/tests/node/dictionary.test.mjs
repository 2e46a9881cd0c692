// The morphology build (pkg/node-morphology, cargo feature `morphology`) with the dictionary
// loaded through loadDictionary, against the Rust API over the same dictionary files
// (pkg/expected-morphology.json, from examples/expected.rs with the dictionary directory).
// Skipped when that build is not there (.ci/wasm.sh builds it unless SEISHO_WASM_MORPHOLOGY=0).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
const present = existsSync(`${pkg}node-morphology/seisho_wasm.js`)
  && existsSync(`${pkg}expected-morphology.json`) && existsSync(`${pkg}dict/metadata.json`);

function asRust(d) {
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

test("loadDictionary turns on the morphology rules and jReadability", { skip: !present }, () => {
  const seisho = require(`${pkg}node-morphology/seisho_wasm.js`);
  const expected = JSON.parse(readFileSync(`${pkg}expected-morphology.json`, "utf8"));
  assert.ok(seisho.supportsDictionary());
  assert.equal(seisho.hasDictionary(), false);
  const doubled = "私は彼は好きだ。";
  const wordsRule = (ds) => ds.some((d) => d.rule === "no-doubled-joshi");
  assert.equal(wordsRule(seisho.lint(doubled)), false);
  assert.equal(seisho.score(doubled).jreadability, null);

  // Errors first: a missing file, an unknown one, bytes that are not a dictionary.
  assert.throws(() => seisho.loadDictionary({}), /missing|metadata\.json/);
  assert.throws(() => seisho.loadDictionary({ "nope.bin": new Uint8Array(1) }), /nope\.bin/);
  assert.throws(() => seisho.loadDictionary({ "metadata.json": 42 }), /Uint8Array/);
  assert.equal(seisho.hasDictionary(), false);

  const files = new Map(seisho.dictionaryFileNames().map((name) =>
    [name, new Uint8Array(readFileSync(`${pkg}dict/${name}`))]));
  seisho.loadDictionary(files);
  assert.ok(seisho.hasDictionary());
  assert.ok(wordsRule(seisho.lint(doubled)));
  assert.ok(seisho.score(doubled).jreadability.score > 0);

  for (const c of expected) {
    const options = c.rules.length ? { rules: Object.fromEntries(c.rules.map((r) => [r, true])) } : undefined;
    assert.deepEqual(seisho.lint(c.input, options).map(asRust), c.lint, c.input);
    const fixed = seisho.fix(c.input, options);
    assert.deepEqual({ ...fixed, remaining: fixed.remaining.map(asRust) }, c.fix, c.input);
    assert.deepEqual(seisho.score(c.input), c.score, c.input);
  }
});
