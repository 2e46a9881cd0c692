// prh's own matches (npm prh, the version in package.json) on files, for compare.py:
// node compare.js DICTIONARY... -- FILE...  prints one JSON line per file:
// {"path": FILE, "diffs": [[utf16_index, matched, replacement], ...], "kept": [...]}: "diffs"
// is prh's change set (overlaps resolved as prh resolves them, which compares each diff with
// the one before it whether that one was kept or not, and so can keep two that overlap);
// "kept" is prh's own diffs with each compared with the last one kept instead (what seisho
// does). Diffs that change nothing are left out of both.
"use strict";
const fs = require("fs");
const prh = require("prh");
const { Paragraph } = require("prh/lib/paragraph");

// prh's diffs of `content` before its change set resolves overlaps (Engine.makeChangeSet's
// paragraphs), resolved by comparing each with the last one kept.
function kept(engine, content) {
  const re = /([^]*?)\n{2,}/g;
  const paragraphs = [];
  let lastIndex = 0;
  for (;;) {
    const m = re.exec(content);
    if (!m) {
      paragraphs.push(new Paragraph(lastIndex, content.substr(lastIndex)));
      break;
    }
    paragraphs.push(new Paragraph(m.index, m[1]));
    lastIndex = re.lastIndex;
  }
  const diffs = paragraphs.flatMap((p) => p.makeDiffs(engine.rules));
  diffs.sort((a, b) => a.index - b.index || a.tailIndex - b.tailIndex);
  const longest = diffs.filter((d, i) => {
    const next = diffs[i + 1];
    return !(next && d.index === next.index && d.tailIndex < next.tailIndex);
  });
  const out = [];
  let end = 0;
  for (const d of longest) {
    if (d.index >= end) {
      out.push(d);
      end = d.tailIndex;
    }
  }
  return out;
}

const row = (d) => [d.index, d.matches[0], d.newText];
const changes = (d) => d.newText !== null && d.newText !== d.matches[0];

const args = process.argv.slice(2);
const split = args.indexOf("--");
const dictionaries = args.slice(0, split);
const files = args.slice(split + 1);
const engine = prh.fromYAMLFilePaths(...dictionaries);
for (const path of files) {
  const content = fs.readFileSync(path, "utf8");
  const changeSet = engine.makeChangeSet(path, content);
  const diffs = changeSet.diffs.filter(changes).map(row);
  const keptDiffs = kept(engine, content).filter(changes).map(row);
  process.stdout.write(JSON.stringify({ path, diffs, kept: keptDiffs }) + "\n");
}
