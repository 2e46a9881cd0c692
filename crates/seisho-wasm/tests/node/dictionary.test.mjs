// The morphology build (pkg/node-morphology, cargo feature `morphology`, no dictionary linked)
// with the dictionary loaded through loadDictionary, against the Rust API over the same files
// (pkg/expected-morphology.json, from examples/expected.rs with the dictionary directory).
// Skipped when that build is not there (.ci/wasm.sh builds it unless SEISHO_WASM_MORPHOLOGY=0).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { asRust, asRustEdit } from "./shape.mjs";

const require = createRequire(import.meta.url);
const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
// The files `seisho dict export` wrote for the page.
const dict = fileURLToPath(new URL("../../www/dict/", import.meta.url));
const present = existsSync(`${pkg}node-morphology/seisho_wasm.js`)
  && existsSync(`${pkg}expected-morphology.json`) && existsSync(`${dict}metadata.json`);

test("loadDictionary turns on the morphology rules and jReadability", { skip: !present }, () => {
  const seisho = require(`${pkg}node-morphology/seisho_wasm.js`);
  const expected = JSON.parse(readFileSync(`${pkg}expected-morphology.json`, "utf8"));
  assert.ok(seisho.supportsDictionary());
  assert.equal(seisho.hasDictionary(), false);
  const doubled = "私は彼は好きだ。";
  const wordsRule = (ds) => ds.some((d) => d.rule === "no-doubled-joshi");
  assert.equal(wordsRule(seisho.lint(doubled)), false);
  assert.equal(seisho.score(doubled).jreadability, null);
  // 力メラ (with the kanji 力) is only a suggestion until the dictionary confirms カメラ.
  assert.equal(seisho.normalize("力メラ").text, "力メラ");
  assert.equal(seisho.fix("力メラ").text, "力メラ");

  // Errors first: a missing file, an unknown one, bytes that are not a dictionary.
  assert.throws(() => seisho.loadDictionary({}), /missing|metadata\.json/);
  assert.throws(() => seisho.loadDictionary({ "nope.bin": new Uint8Array(1) }), /nope\.bin/);
  assert.throws(() => seisho.loadDictionary({ "metadata.json": 42 }), /Uint8Array/);
  assert.equal(seisho.hasDictionary(), false);

  const files = new Map(seisho.dictionaryFileNames().map((name) =>
    [name, new Uint8Array(readFileSync(`${dict}${name}`))]));
  seisho.loadDictionary(files);
  assert.ok(seisho.hasDictionary());
  assert.ok(wordsRule(seisho.lint(doubled)));
  assert.ok(seisho.score(doubled).jreadability.score > 0);
  assert.equal(seisho.normalize("力メラ").text, "カメラ");
  assert.equal(seisho.normalize("力メラ", { dictionary: false }).text, "力メラ");
  assert.equal(seisho.fix("力メラ").text, "カメラ");

  // Every case, the dictionary cases among them: the kana typos it confirms
  // (tests/data/dictionary.toml, kana_typo.toml) and the lint rules that need words
  // (tests/data/lint/words.toml).
  const caseFiles = new Set(expected.map((c) => c.file));
  for (const file of ["dictionary.toml", "kana_typo.toml", "lint/words.toml"]) {
    assert.ok(caseFiles.has(file), `no case of ${file}`);
  }
  let confirmed = 0;
  for (const c of expected) {
    const options = c.rules.length ? { rules: Object.fromEntries(c.rules.map((r) => [r, true])) } : undefined;
    const n = seisho.normalize(c.input);
    assert.deepEqual(
      { text: n.text, edits: n.edits.map(asRustEdit), suggestions: n.suggestions.map(asRustEdit) },
      c.normalize,
      c.input,
    );
    if (c.file === "dictionary.toml" && n.text !== seisho.normalize(c.input, { dictionary: false }).text) {
      confirmed++;
    }
    assert.deepEqual(seisho.lint(c.input, options).map(asRust(c.input)), c.lint, c.input);
    assert.deepEqual(seisho.lint(c.input, { ...options, syntax: "markdown" }).map(asRust(c.input)), c.lintMarkdown, c.input);
    const fixed = seisho.fix(c.input, options);
    assert.deepEqual({ ...fixed, remaining: fixed.remaining.map(asRust(fixed.text)) }, c.fix, c.input);
    assert.equal(seisho.fix(c.input, { ...options, unsafeFixes: true }).text, c.fixUnsafe, c.input);
    assert.deepEqual(seisho.score(c.input), c.score, c.input);
    assert.deepEqual(seisho.score(c.input, { markdown: true }), c.scoreMarkdown, c.input);
  }
  // The dictionary made a difference in most of its own cases.
  assert.ok(confirmed > 20, `the dictionary confirmed ${confirmed} cases of dictionary.toml`);
  // And the words rules found something in theirs.
  assert.ok(expected.some((c) => c.file === "lint/words.toml" && c.lint.length > 0));
});
