// The nodejs package against the Rust API: pkg/expected.json is what the Rust API returns for
// the inputs of tests/data (examples/expected.rs); every entry point must return the same.
// Run: node --test tests/node/ (after .ci/wasm.sh has built pkg/node and pkg/expected.json).
// SEISHO_WASM_NODE_PKG=node-core runs them against the core package (no Markdown) instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { asRust, asRustEdit } from "./shape.mjs";

const require = createRequire(import.meta.url);
const seisho = require(`../../pkg/${process.env.SEISHO_WASM_NODE_PKG ?? "node"}/seisho_wasm.js`);
const markdown = seisho.supportsMarkdown();
const expected = JSON.parse(
  readFileSync(new URL("../../pkg/expected.json", import.meta.url), "utf8"),
);

/** The UTF-16 offset of byte offset `b` of `text`. */
function utf16Of(text, b) {
  return Buffer.from(new TextEncoder().encode(text)).subarray(0, b).toString("utf8").length;
}

/** `d`'s ranges are UTF-16 code units of `text`: the byte offsets the Rust API gives (`rust`,
 * the same diagnostic) as JavaScript counts them, and columns from the start of the line. */
function checkUtf16(text, d, rust) {
  assert.equal(d.range.start, utf16Of(text, rust.range.start));
  assert.equal(d.range.end, utf16Of(text, rust.range.end));
  // The UTF-16 column is the offset from the start of the line.
  const lineStart = text.lastIndexOf("\n", d.range.start - 1) + 1;
  assert.equal(d.start.utf16_column, d.range.start - lineStart + 1);
  (d.fix?.edits ?? []).forEach((e, i) => {
    assert.equal(e.range.start, utf16Of(text, rust.fix.edits[i].range.start));
    assert.equal(e.range.end, utf16Of(text, rust.fix.edits[i].range.end));
  });
}

const throws = (f, re) => assert.throws(f, (e) => e instanceof Error && re.test(e.message));

const lintOptions = (c) =>
  c.rules.length ? { rules: Object.fromEntries(c.rules.map((r) => [r, true])) } : undefined;

test(`expected.json has cases (${expected.length})`, () => {
  assert.ok(expected.length > 100);
});

test("normalize equals the Rust API", () => {
  for (const c of expected) {
    const n = seisho.normalize(c.input);
    assert.deepEqual(
      { text: n.text, edits: n.edits.map(asRustEdit), suggestions: n.suggestions.map(asRustEdit) },
      c.normalize,
      c.input,
    );
    assert.equal(n.changed, n.text !== c.input);
    for (const e of [...n.edits, ...n.suggestions]) {
      assert.equal(c.input.slice(e.range.start, e.range.end), e.original);
    }
  }
});

test("lint equals the Rust API, with UTF-16 offsets", () => {
  for (const c of expected) {
    const diagnostics = seisho.lint(c.input, lintOptions(c));
    assert.deepEqual(diagnostics.map(asRust(c.input)), c.lint, c.input);
    diagnostics.forEach((d, i) => checkUtf16(c.input, d, c.lint[i]));
    if (markdown) {
      const md = seisho.lint(c.input, { ...lintOptions(c), syntax: "markdown" });
      assert.deepEqual(md.map(asRust(c.input)), c.lintMarkdown, c.input);
    } else {
      throws(() => seisho.lint(c.input, { ...lintOptions(c), syntax: "markdown" }), /no Markdown/);
    }
  }
});

test("fix equals the Rust API", () => {
  for (const c of expected) {
    const fixed = seisho.fix(c.input, lintOptions(c));
    assert.deepEqual(
      { ...fixed, remaining: fixed.remaining.map(asRust(fixed.text)) },
      c.fix,
      c.input,
    );
    assert.equal(seisho.fix(c.input, { ...lintOptions(c), unsafeFixes: true }).text, c.fixUnsafe);
  }
});

test("applyFixes applies what lint found, as one round of fix", () => {
  for (const c of expected) {
    const options = lintOptions(c);
    const diagnostics = seisho.lint(c.input, options);
    const applied = seisho.applyFixes(c.input, diagnostics);
    if (c.fix.rounds <= 1) assert.equal(applied.text, c.fix.text, c.input);
    // The same fixes applied in JavaScript, from the UTF-16 ranges.
    let text = c.input;
    const fixes = diagnostics
      .filter((d) => d.fix?.safety === "safe")
      .flatMap((d) => d.fix.edits)
      .sort((a, b) => b.range.start - a.range.start);
    for (const e of fixes) text = text.slice(0, e.range.start) + e.replacement + text.slice(e.range.end);
    assert.equal(applied.text, text, c.input);
  }
});

test("score equals the Rust API", () => {
  for (const c of expected) {
    assert.deepEqual(seisho.score(c.input), c.score, c.input);
    if (markdown) {
      assert.deepEqual(seisho.score(c.input, { markdown: true }), c.scoreMarkdown, c.input);
    } else {
      throws(() => seisho.score(c.input, { markdown: true }), /no Markdown/);
    }
  }
});

test("options: rule settings, severities and rule options", () => {
  const long = "あ".repeat(60) + "。";
  assert.deepEqual(seisho.lint(long, { rules: { "sentence-length": { options: { max: 50 } } } })
    .map((d) => [d.rule, d.severity]), [["sentence-length", "warning"]]);
  assert.deepEqual(seisho.lint(long, { rules: { "sentence-length": { severity: "error", options: { max: 50 } } } })
    .map((d) => d.severity), ["error"]);
  assert.deepEqual(seisho.lint("ｶﾞｲﾄﾞ", { rules: { "halfwidth-kana": "off" } }), []);
  assert.deepEqual(seisho.lint("ｶﾞｲﾄﾞ", { rules: { "halfwidth-kana": "info" } }).map((d) => d.severity), ["info"]);
  assert.equal(seisho.normalize("〜", { waveDash: "fullwidth-tilde" }).text, "～");
  assert.equal(seisho.normalize("ＡＢＣ", { disable: ["fullwidth-ascii"] }).text, "ＡＢＣ");
  assert.equal(seisho.score("短い文。", { longSentence: 2 }).sentence_length.long, 1);
  const rules = seisho.rules();
  assert.ok(rules.some((r) => r.id === "sentence-length" && !r.needsDictionary));
  // Without the morphology feature the core has no rule that needs words.
  assert.equal(rules.some((r) => r.needsDictionary), seisho.supportsDictionary());
});

test("bad input is thrown as an Error with a message", () => {
  throws(() => seisho.lint("x", { rules: { nope: true } }), /unknown rule `nope`/);
  throws(() => seisho.lint("x", { rulez: {} }), /unknown option `rulez`/);
  throws(() => seisho.lint("x", { rules: { "sentence-length": { severty: "error" } } }), /severty/);
  throws(() => seisho.lint("x", { rules: { "sentence-length": { options: { max: "x" } } } }), /must be an integer/);
  throws(() => seisho.lint("x", { rules: { "sentence-length": "fatal" } }), /unknown severity/);
  throws(() => seisho.lint("x", { syntax: "rst" }), /unknown syntax/);
  throws(() => seisho.lint("x", 42), /options must be an object/);
  throws(() => seisho.normalize("x", { waveDash: "~" }), /waveDash/);
  throws(() => seisho.normalize("x", { only: ["nope"] }), /unknown rule/);
  throws(() => seisho.score("x", { longSentence: -1 }), /bad options/);
  throws(() => seisho.applyFixes("x", 42), /bad diagnostics/);
  if (!seisho.supportsDictionary()) throws(() => seisho.loadDictionary({}), /no morphology/);
  else throws(() => seisho.loadDictionary({}), /missing|loadDictionary/);
  // The module still works after an error.
  assert.equal(seisho.normalize("ｶﾞｲﾄﾞ").text, "ガイド");
});

test("applyFixes skips fixes whose ranges are not in the text", () => {
  const text = "😀ｶ";
  const bad = (start, end) => [{ fix: { safety: "safe", edits: [{ range: { start, end }, replacement: "X" }] } }];
  assert.deepEqual(seisho.applyFixes(text, bad(1, 2)), { text, applied: 0 }); // inside 😀
  assert.deepEqual(seisho.applyFixes(text, bad(2, 9)), { text, applied: 0 }); // past the end
  assert.deepEqual(seisho.applyFixes(text, bad(3, 2)), { text, applied: 0 }); // reversed
  assert.deepEqual(seisho.applyFixes(text, bad(2, 3)), { text: "😀X", applied: 1 });
  const unsafe = [{ fix: { safety: "unsafe", edits: [{ range: { start: 2, end: 3 }, replacement: "X" }] } }];
  assert.equal(seisho.applyFixes(text, unsafe).applied, 0);
  assert.equal(seisho.applyFixes(text, unsafe, { unsafeFixes: true }).applied, 1);
});

test("lone surrogates count as one unit each", () => {
  const text = "\ud800ｶ";
  const [d] = seisho.lint(text);
  assert.equal(d.rule, "halfwidth-kana");
  assert.equal(d.range.start, 1);
  assert.equal(seisho.applyFixes(text, [d]).text, "\ufffdカ");
});

test("messages, rule names and summaries in Japanese with lang: ja, English by default", () => {
  const text = "ＡＢＣを使う。";
  const en = seisho.lint(text);
  const ja = seisho.lint(text, { lang: "ja" });
  assert.equal(en.length, 1);
  assert.deepEqual(ja.map((d) => [d.rule, d.range]), en.map((d) => [d.rule, d.range]));
  assert.match(en[0].message, /full-width ASCII/);
  assert.match(ja[0].message, /^「ＡＢＣ」→「ABC」（.*全角.*）$/);
  assert.equal(seisho.lint(text, { lang: "en" })[0].message, en[0].message);
  assert.throws(() => seisho.lint(text, { lang: "fr" }), /unknown lang `fr`/);
  const rules = seisho.rules({ lang: "ja" });
  const english = seisho.rules();
  const sentence = rules.find((r) => r.id === "sentence-length");
  assert.equal(sentence.name, "一文の長さ");
  assert.match(sentence.summary, /。$/);
  assert.notEqual(sentence.summary, english.find((r) => r.id === "sentence-length").summary);
  assert.ok(rules.every((r) => r.name && /[\u3041-\u30ff\u4e00-\u9fff]/.test(r.name)));
});
