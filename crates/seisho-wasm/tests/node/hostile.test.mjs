// Hostile input for the nodejs package (issue 7): very long texts, a text with no line break,
// and lone surrogates. Every entry point returns a result or throws an Error, never a
// WebAssembly.RuntimeError (a trap, after which the module is unusable), and the UTF-16 ranges
// it returns index the JavaScript string it was given.
//
// A JavaScript string may hold a lone surrogate; wasm-bindgen passes strings as UTF-8 and
// replaces each lone surrogate with U+FFFD, one UTF-16 unit for one, so that offsets in UTF-16
// units are those of the original string.
// Run: node --test tests/node/ (after .ci/wasm.sh has built pkg/node).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const seisho = require("../../pkg/node/seisho_wasm.js");

/** Calls `f`; returns its result, or the Error it threw; fails on a trap. */
function resultOrError(what, f) {
  try {
    return f();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: trapped: ${e}`);
    assert.ok(e instanceof Error, `${what}: threw a non-Error: ${e}`);
    assert.ok(e.message.length > 0, `${what}: an Error with no message`);
    return e;
  }
}

/** The module still works (a trap would have left it unusable). */
function stillWorks() {
  assert.equal(seisho.normalize("ｶﾞｲﾄﾞ").text, "ガイド");
}

/** What wasm-bindgen hands the core: lone surrogates replaced with U+FFFD. */
function wellFormed(text) {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function inRange(text, r, what) {
  assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `${what}: ${JSON.stringify(r)}`);
}

/** Runs every entry point on `text` and checks the ranges of what comes back. */
function checkAll(name, text) {
  const seen = wellFormed(text);
  const n = resultOrError(`${name}: normalize`, () => seisho.normalize(text));
  if (!(n instanceof Error)) {
    for (const e of [...n.edits, ...n.suggestions]) {
      inRange(text, e.range, `${name}: edit`);
      assert.equal(seen.slice(e.range.start, e.range.end), e.original, `${name}: edit ${e.rule}`);
    }
  }
  const diagnostics = resultOrError(`${name}: lint`, () => seisho.lint(text));
  if (!(diagnostics instanceof Error)) {
    let previous = 0;
    for (const d of diagnostics) {
      inRange(text, d.range, `${name}: ${d.rule}`);
      assert.ok(d.range.start >= previous, `${name}: diagnostics out of order`);
      previous = d.range.start;
      for (const e of d.fix?.edits ?? []) inRange(text, e.range, `${name}: fix of ${d.rule}`);
    }
    const applied = resultOrError(`${name}: applyFixes`, () => seisho.applyFixes(text, diagnostics));
    if (!(applied instanceof Error)) {
      // The same fixes applied in JavaScript to the original string, from the UTF-16 ranges.
      // Spliced in one pass (repeated slicing of a long string would be quadratic).
      const edits = diagnostics
        .filter((d) => d.fix?.safety === "safe")
        .flatMap((d) => d.fix.edits)
        .sort((a, b) => a.range.start - b.range.start);
      const pieces = [];
      let at = 0;
      for (const e of edits) {
        pieces.push(seen.slice(at, e.range.start), e.replacement);
        at = e.range.end;
      }
      pieces.push(seen.slice(at));
      const expected = pieces.join("");
      assert.equal(applied.text, expected, `${name}: applyFixes`);
    }
  }
  const fixed = resultOrError(`${name}: fix`, () => seisho.fix(text, { unsafeFixes: true }));
  if (!(fixed instanceof Error)) {
    for (const d of fixed.remaining) inRange(fixed.text, d.range, `${name}: remaining ${d.rule}`);
  }
  const report = resultOrError(`${name}: score`, () => seisho.score(text));
  if (!(report instanceof Error)) {
    assert.ok(Number.isFinite(report.scripts.kanji_ratio), `${name}: kanji ratio`);
    assert.ok(Number.isFinite(report.sentence_length.characters.mean), `${name}: mean length`);
  }
  resultOrError(`${name}: score markdown`, () => seisho.score(text, { markdown: true }));
  stillWorks();
  return { n, diagnostics, fixed, report };
}

const LONE = {
  "lone high": "\uD800",
  "lone low": "\uDC00",
  "reversed pair": "\uDC00\uD800",
  "two highs": "\uD83D\uD83D",
};

test("lone surrogates at the start, in the middle and at the end", () => {
  const draft = "ｻｰﾊﾞを再起動し、、設定を確認する。ＡＢＣ１２３のｶﾞｲﾄﾞ";
  for (const [kind, lone] of Object.entries(LONE)) {
    for (const [where, text] of [
      ["start", lone + draft],
      ["middle", draft.slice(0, 9) + lone + draft.slice(9)],
      ["end", draft + lone],
      ["between the fixes", "ｻｰﾊﾞ" + lone + "ｶﾞｲﾄﾞ" + lone + "、、"],
      ["alone", lone],
      ["many", lone.repeat(1000)],
    ]) {
      const { n, diagnostics } = checkAll(`${kind} at the ${where}`, text);
      // Each fix is found where it is in the JavaScript string.
      for (const d of diagnostics) {
        if (d.rule === "halfwidth-kana") assert.match(text.slice(d.range.start, d.range.end), /^[ｦ-ﾟ]+$/);
      }
      for (const e of n.edits) assert.equal(text.slice(e.range.start, e.range.end), e.original);
    }
  }
});

test("a fix next to a lone surrogate keeps the rest of the text", () => {
  const text = "前\uD800ｶﾞｲﾄﾞ\uDC00後";
  const diagnostics = seisho.lint(text);
  const kana = diagnostics.find((d) => d.rule === "halfwidth-kana");
  assert.deepEqual(kana.range, { start: 2, end: 7 });
  assert.equal(text.slice(kana.range.start, kana.range.end), "ｶﾞｲﾄﾞ");
  const applied = seisho.applyFixes(text, [kana]);
  assert.equal(applied.applied, 1);
  // The lone surrogates come back as U+FFFD (the core's text is UTF-8); all else is kept.
  assert.equal(applied.text, "前\uFFFDガイド\uFFFD後");
  assert.equal(seisho.normalize(text).text, "前\uFFFDガイド\uFFFD後");
});

test("a 16 MB text", () => {
  const paragraph = "サーバを再起動し、設定を確認する。ログを見れる。ｶﾞｲﾄﾞを読む。\n\n";
  const text = paragraph.repeat(Math.ceil(16e6 / Buffer.byteLength(paragraph)));
  const { n, diagnostics, fixed, report } = checkAll("16 MB", text);
  assert.ok(!(n instanceof Error) && n.changed);
  assert.ok(!(diagnostics instanceof Error) && diagnostics.length > 100000);
  assert.ok(!(fixed instanceof Error) && !fixed.text.includes("ｶﾞｲﾄﾞ"));
  assert.ok(!(report instanceof Error) && report.sentence_length.count > 100000);
});

test("8 MB with no line break, and one sentence of 4 MB", () => {
  const line = "サーバを再起動し、設定を確認する。ＡＢＣのｶﾞｲﾄﾞ ";
  checkAll("no line break", line.repeat(Math.ceil(8e6 / Buffer.byteLength(line))));
  const sentence = "データベースの設定を確認してからサーバを再起動する手順";
  const { report } = checkAll(
    "one sentence",
    sentence.repeat(Math.ceil(4e6 / Buffer.byteLength(sentence))),
  );
  assert.ok(!(report instanceof Error) && report.sentence_length.count === 1);
});

test("control characters, NUL, combining marks and nested brackets", () => {
  let controls = "";
  for (let c = 0; c < 0xa0; c++) if (c < 0x20 || c >= 0x7f) controls += String.fromCharCode(c);
  checkAll("controls", ("設定" + controls + "\uFEFF確認。").repeat(10000));
  checkAll("combining marks", "か" + "\u3099".repeat(300000) + "e" + "\u0301".repeat(300000));
  checkAll("nested brackets", "（".repeat(200000) + "語" + "）".repeat(200000));
  checkAll("mismatched brackets", "(".repeat(100000) + "」".repeat(100000));
  checkAll("empty", "");
  checkAll("whitespace", " \t\u3000\n".repeat(100000));
});
