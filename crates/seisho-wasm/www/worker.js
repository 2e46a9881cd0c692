// The seisho WebAssembly module, in a Web Worker: linting and scoring a long draft takes
// longer than a frame, and the page must stay responsive meanwhile. The page calls the
// methods below through engine.js; each message is { id, method, args } and each answer
// { id, result } or { id, error }.
//
// It starts with the small build (pkg/: Markdown, no morphology). The morphology build is
// imported when the page has fetched it (the page fetches, with progress, and passes the
// bytes), and used for every call from the moment its dictionary is loaded.
import initSmall, * as small from "./pkg/seisho_wasm.js";

/** The build every call goes to. Both builds export the same functions. */
let seisho = small;
/** The morphology build, once imported and instantiated. */
let morphology = null;
const ready = initSmall();

/** The UTF-16 offsets of `bytes`, ascending UTF-8 byte offsets into `text` (the report's
 * ranges are the Rust API's, in bytes; the page's are in UTF-16 code units). */
function utf16Offsets(text, bytes) {
  const out = new Array(bytes.length);
  let byte = 0;
  let unit = 0;
  for (let k = 0; k < bytes.length; k++) {
    while (byte < bytes[k] && unit < text.length) {
      const c = text.codePointAt(unit);
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      unit += c < 0x10000 ? 1 : 2;
    }
    out[k] = unit;
  }
  return out;
}

/** How many of the longest sentences the page lists. */
const HARDEST = 5;

/** The report as the page draws it: without the per-sentence list (thousands of objects in
 * a long draft), replaced by the sentences' lengths and the longest sentences, with UTF-16
 * ranges. */
function summarize(text, report) {
  const { sentences, ...rest } = report;
  const hardest = sentences
    .map((s, i) => [s.characters, i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, HARDEST)
    .map(([, i]) => sentences[i]);
  const bytes = [...new Set(hardest.flatMap((s) => [s.range.start, s.range.end]))].sort((a, b) => a - b);
  const units = utf16Offsets(text, bytes);
  const at = new Map(bytes.map((b, k) => [b, units[k]]));
  return {
    ...rest,
    sentenceLengths: sentences.map((s) => s.characters),
    hardest: hardest.map((s) => ({
      characters: s.characters,
      toten: s.toten,
      kanjiRatio: s.kanji_ratio,
      range: { start: at.get(s.range.start), end: at.get(s.range.end) },
    })),
  };
}

const methods = {
  /** What this build can do. */
  info: () => ({ markdown: seisho.supportsMarkdown() }),
  /** The rules, with their summaries in `lang`. */
  rules: (lang) => seisho.rules({ lang }),
  /** Lints and scores `text`: the diagnostics and the report, and how long it took. */
  check(text, lintOptions, scoreOptions) {
    const started = performance.now();
    const diagnostics = seisho.lint(text, lintOptions);
    const report = summarize(text, seisho.score(text, scoreOptions));
    return { diagnostics, report, ms: performance.now() - started };
  },
  applyFixes: (text, diagnostics, options) => seisho.applyFixes(text, diagnostics, options),
  /** Imports the morphology build (`url`: its JavaScript) and instantiates its wasm (`wasm`:
   * the bytes the page fetched); returns the names of the dictionary's files. */
  async loadMorphology(url, wasm) {
    if (!morphology) {
      const module = await import(url);
      await module.default({ module_or_path: wasm });
      morphology = module;
    }
    return morphology.dictionaryFileNames();
  },
  /** Loads the dictionary (file name → bytes) into the morphology build, and makes it the
   * build every call goes to. */
  loadDictionary(files) {
    morphology.loadDictionary(files);
    seisho = morphology;
  },
};

self.addEventListener("message", async ({ data: { id, method, args } }) => {
  try {
    await ready;
    self.postMessage({ id, result: await methods[method](...args) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
