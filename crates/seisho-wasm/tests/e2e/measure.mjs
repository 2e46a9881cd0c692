// Measures the page on large drafts: the time from the input to the highlights rendered, and
// the longest main-thread block (PerformanceObserver, longtask) in between. Not a test (node
// --test does not pick it up): run it by hand, on a corpus of Japanese text.
//
//   node tests/e2e/measure.mjs --corpus /work/shared/corpus/ja-docs.txt [--www DIR] [--runs 3]
//
// The draft is the corpus' first 100 KB and 1 MB (UTF-8, cut at a line end), set as one paste
// would (value, then an input event). It works with any version of the page that highlights in
// #backdrop: the highlights count as rendered once the backdrop holds the draft's text with its
// marks and has not changed for two seconds; the time is that of its last change.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { launch, serve, www as defaultWww } from "./harness.mjs";

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    www: { type: "string", default: defaultWww },
    runs: { type: "string", default: "3" },
  },
});
if (!args.corpus) throw new Error("--corpus FILE: the Japanese text to measure with");
const corpus = readFileSync(args.corpus);

/** The corpus' first `bytes` bytes, cut at the last line end. */
function prefix(bytes) {
  const cut = corpus.subarray(0, bytes);
  return cut.subarray(0, cut.lastIndexOf(0x0a) + 1).toString("utf8");
}

const server = await serve(resolve(args.www));
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [label, bytes] of [["100 KB", 100_000], ["1 MB", 1_000_000]]) {
  const text = prefix(bytes);
  const runs = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.base}?empty`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.evaluate((t) => {
      const backdrop = document.getElementById("backdrop");
      const draft = document.getElementById("draft");
      window.measured = { longtasks: [], changed: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.measured.longtasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask" });
      new MutationObserver(() => { window.measured.changed = performance.now(); })
        .observe(backdrop, { childList: true, subtree: true, characterData: true });
      window.measured.start = performance.now();
      draft.value = t;
      draft.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    await page.waitForFunction((t) => {
      const backdrop = document.getElementById("backdrop");
      const m = window.measured;
      return backdrop.textContent.replace(/\u200b$/, "") === t && backdrop.querySelector("mark") &&
        performance.now() - m.changed > 2000;
    }, text, { timeout: 600_000, polling: 500 });
    const m = await page.evaluate(() => {
      const { start, changed, longtasks } = window.measured;
      const during = longtasks.filter(([s]) => s >= start - 1 && s <= changed);
      return {
        ms: changed - start,
        longest: Math.max(0, ...during.map(([, d]) => d)),
        blocked: during.reduce((n, [, d]) => n + d, 0),
        tasks: during.length,
        marks: document.querySelectorAll("#backdrop mark").length,
      };
    });
    runs.push(m);
    console.log(`${label} run ${run + 1}: ${m.ms.toFixed(0)} ms to the highlights, longest task ` +
      `${m.longest.toFixed(0)} ms (${m.tasks} long tasks, ${m.blocked.toFixed(0)} ms), ${m.marks} marks`);
    await context.close();
  }
  console.log(`${label} (${text.length} characters, ${Buffer.byteLength(text)} bytes), median of ${runs.length}: ` +
    `${median(runs.map((r) => r.ms)).toFixed(0)} ms to the highlights, longest main-thread task ` +
    `${median(runs.map((r) => r.longest)).toFixed(0)} ms`);
}
await browser.close();
await server.close();
