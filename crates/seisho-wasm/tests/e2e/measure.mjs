// Measures the page on large drafts: the time from the input to the highlights rendered, and
// the longest main-thread block in between: the longest task of the renderer's main thread
// in a Chromium trace (the Long Tasks API does not see the style and layout steps of a frame
// in headless Chromium, and those are most of the cost of a long draft). Not a test (node
// --test does not pick it up): run it by hand, on a corpus of Japanese text.
//
//   node tests/e2e/measure.mjs --corpus /work/shared/corpus/ja-docs.txt [--www DIR] [--runs 3]
//
// The draft is the corpus' first 100 KB and 1 MB (UTF-8, cut at a line end), set as one paste
// would (value, then an input event). It works with any version of the page that highlights in
// #backdrop: the highlights count as rendered once the backdrop holds the draft's text with its
// marks and has not changed for two seconds; the time is that of its last change.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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
const traces = mkdtempSync(join(tmpdir(), "seisho-measure-"));

/** The main thread's tasks in a trace: their durations in milliseconds. */
function mainThreadTasks(path) {
  const trace = JSON.parse(readFileSync(path, "utf8"));
  const events = trace.traceEvents ?? trace;
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain")
    .map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === "X" && /^(ThreadControllerImpl::)?RunTask$/.test(e.name) && main.has(`${e.pid}:${e.tid}`))
    .map((e) => e.dur / 1000);
}

for (const [label, bytes] of [["100 KB", 100_000], ["1 MB", 1_000_000]]) {
  const text = prefix(bytes);
  const runs = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.base}?empty`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    await page.waitForTimeout(500);
    // The draft's text is in the page before the trace starts (a paste has its text at hand).
    await page.evaluate((t) => { window.draftText = t; }, text);
    const trace = join(traces, `${label}-${run}.json`);
    await browser.startTracing(page, { path: trace, categories: ["toplevel", "devtools.timeline"] });
    await page.evaluate(() => {
      const backdrop = document.getElementById("backdrop");
      const draft = document.getElementById("draft");
      window.measured = { changed: 0 };
      new MutationObserver(() => { window.measured.changed = performance.now(); })
        .observe(backdrop, { childList: true, subtree: true, characterData: true });
      window.measured.start = performance.now();
      draft.value = window.draftText;
      draft.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction(() => {
      const backdrop = document.getElementById("backdrop");
      return backdrop.textContent.replace(/\u200b$/, "") === window.draftText && backdrop.querySelector("mark") &&
        performance.now() - window.measured.changed > 2000;
    }, null, { timeout: 600_000, polling: 500 });
    await browser.stopTracing();
    const tasks = mainThreadTasks(trace);
    const m = await page.evaluate(() => ({
      ms: window.measured.changed - window.measured.start,
      marks: document.querySelectorAll("#backdrop mark").length,
    }));
    m.longest = Math.max(...tasks);
    m.long = tasks.filter((d) => d > 50);
    runs.push(m);
    console.log(`${label} run ${run + 1}: ${m.ms.toFixed(0)} ms to the highlights, longest main-thread task ` +
      `${m.longest.toFixed(0)} ms (tasks over 50 ms: ${m.long.map((d) => d.toFixed(0)).join(", ") || "none"}), ` +
      `${m.marks} marks`);
    await context.close();
  }
  const blocked = (r) => r.long.reduce((n, d) => n + d, 0);
  console.log(`${label} (${text.length} characters, ${Buffer.byteLength(text)} bytes), median of ${runs.length}: ` +
    `${median(runs.map((r) => r.ms)).toFixed(0)} ms to the highlights, longest main-thread task ` +
    `${median(runs.map((r) => r.longest)).toFixed(0)} ms, ${median(runs.map(blocked)).toFixed(0)} ms in tasks over 50 ms`);
}
await browser.close();
await server.close();
rmSync(traces, { recursive: true, force: true });
