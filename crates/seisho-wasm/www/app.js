// The seisho page: lints the draft as it is typed, highlights the diagnostics, applies fixes,
// and draws the readability report. No network but this page's own files.
//
// It starts with the small build (pkg/: Markdown, no morphology). The morphology build
// (pkg/morphology/: lindera's code, twice the size) and the dictionary (dict/, 49 MB) are
// fetched only when asked for; the page then switches its calls to that build.
import initSmall, * as small from "./pkg/seisho_wasm.js";

/** The build the page calls: the small one, then the morphology build once it has the
 * dictionary. Both export the same functions. */
let seisho = small;
/** Where the morphology build is, relative to pkg/ (from pkg/builds.json, which .ci/wasm.sh
 * writes), or null when the page was built without it. */
let morphologyBuild = null;

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const backdrop = $("backdrop");
const list = $("diagnostics");
const status = $("status");
const SVG = "http://www.w3.org/2000/svg";

const SAMPLE =
  "ｻｰﾊﾞを再起動し、、設定を確認する。コンピュ一タの\u3000設定はＡＢＣ１２３です。\n\n" +
  "今日は晴れです。明日は雨が降るでしょう。";

let diagnostics = [];
let timer = 0;

function options() {
  return { syntax: $("markdown").checked ? "markdown" : "text" };
}

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function autosize() {
  draft.style.height = "auto";
  draft.style.height = `${draft.scrollHeight + 2}px`;
}

/** Lints and scores the draft, and redraws everything. */
function update() {
  const text = draft.value;
  const started = performance.now();
  diagnostics = seisho.lint(text, options());
  const report = seisho.score(text, { markdown: $("markdown").checked });
  const ms = performance.now() - started;
  renderHighlights(text);
  renderList(text);
  renderReport(report);
  $("fix-all").disabled = !diagnostics.some((d) => d.fix?.safety === "safe");
  const n = diagnostics.length;
  status.textContent = `${n} diagnostic${n === 1 ? "" : "s"}, ${ms.toFixed(1)} ms`;
  autosize();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 60);
}

function describe(d) {
  const fix = d.fix ? ` — click to fix (${d.fix.safety})` : "";
  return `${d.rule} (${d.severity}): ${d.message}${fix}`;
}

/** The backdrop: the same text, the diagnostics' ranges (UTF-16 offsets) in <mark>s. Ranges
 * that overlap an earlier one are listed but not highlighted. */
function renderHighlights(text) {
  const parts = [];
  let at = 0;
  diagnostics.forEach((d, i) => {
    const { start, end } = d.range;
    if (start < at) return;
    parts.push(text.slice(at, start));
    const mark = el("mark", {
      class: `${d.severity}${start === end ? " empty" : ""}`,
      title: describe(d),
      "data-index": String(i),
      "data-rule": d.rule,
    }, text.slice(start, end));
    parts.push(mark);
    at = end;
  });
  // A trailing newline needs something after it to take up its line.
  parts.push(text.slice(at) + "\u200b");
  backdrop.replaceChildren(...parts);
}

function renderList(text) {
  $("count").textContent = `(${diagnostics.length})`;
  list.replaceChildren(...diagnostics.map((d, i) => {
    const item = el("li", { "data-index": String(i) },
      el("span", { class: "where" }, `${d.start.line}:${d.start.column} `),
      el("span", { class: `severity ${d.severity}` }, d.severity), " ",
      el("span", { class: "rule" }, d.rule), " ",
      d.message);
    if (d.fix) {
      item.append(el("button", { type: "button", class: "fix", onclick: () => applyOne(i) },
        d.fix.safety === "safe" ? "Fix" : "Fix (unsafe)"));
    }
    item.addEventListener("mouseenter", () => activate(i, true));
    item.addEventListener("mouseleave", () => activate(i, false));
    return item;
  }));
}

function activate(i, on) {
  backdrop.querySelector(`mark[data-index="${i}"]`)?.classList.toggle("active", on);
  list.querySelector(`li[data-index="${i}"]`)?.classList.toggle("active", on);
}

/** Replaces the draft keeping the caret near where it was, as one undoable edit. */
function setText(text) {
  const caret = draft.selectionStart;
  const delta = text.length - draft.value.length;
  draft.focus();
  draft.select();
  // execCommand keeps the browser's undo history; fall back to setting the value.
  if (!document.execCommand?.("insertText", false, text) || draft.value !== text) {
    draft.value = text;
  }
  const pos = Math.max(0, Math.min(text.length, caret + delta));
  draft.setSelectionRange(pos, pos);
  update();
}

function applyOne(i) {
  const d = diagnostics[i];
  if (!d?.fix) return;
  const result = seisho.applyFixes(draft.value, [d], { unsafeFixes: true });
  if (result.applied) setText(result.text);
}

function applyAllSafe() {
  const result = seisho.fix(draft.value, { ...options() });
  if (result.applied) setText(result.text);
}

// ---- The report -------------------------------------------------------------------------

const LEVELS = [
  ["上級後半", 0.5], ["上級前半", 1.5], ["中級後半", 2.5], ["中級前半", 3.5],
  ["初級後半", 4.5], ["初級前半", 5.5], ["", 6.5],
];

function renderGauge(report) {
  const svg = $("gauge");
  const cx = 110, cy = 110, r = 90;
  const point = (x, radius = r) => {
    // x from 0.5 (hard, left) to 6.5 (easy, right).
    const t = Math.min(1, Math.max(0, (x - 0.5) / 6));
    const a = Math.PI * (1 - t);
    return [cx + radius * Math.cos(a), cy - radius * Math.sin(a)];
  };
  const colors = ["#c0392b", "#e67e22", "#f1c40f", "#9acd32", "#2ecc71", "#27ae60"];
  const parts = [];
  for (let i = 0; i < 6; i++) {
    const [x0, y0] = point(LEVELS[i][1]);
    const [x1, y1] = point(LEVELS[i + 1][1]);
    parts.push(el("svg:path", {
      d: `M ${x0} ${y0} A ${r} ${r} 0 0 1 ${x1} ${y1}`,
      stroke: colors[i], "stroke-width": "18", fill: "none",
    }));
  }
  const j = report.jreadability;
  if (j) {
    const [nx, ny] = point(j.score, r - 20);
    parts.push(el("svg:line", { x1: cx, y1: cy, x2: nx, y2: ny, stroke: "#333", "stroke-width": "3", "stroke-linecap": "round" }));
    parts.push(el("svg:circle", { cx, cy, r: "5", fill: "#333" }));
    const label = LEVELS.find(([, lo], k) => j.score >= lo && j.score < (LEVELS[k + 1]?.[1] ?? Infinity))?.[0]
      ?? (j.score < 0.5 ? "上級後半" : "初級前半");
    parts.push(el("svg:text", { x: cx, y: cy - 30, "text-anchor": "middle", "font-size": "16", id: "gauge-score" }, j.score.toFixed(2)));
    parts.push(el("svg:text", { x: cx, y: cy + 16, "text-anchor": "middle", "font-size": "11", id: "gauge-level" }, `${label} (${j.level})`));
  } else {
    parts.push(el("svg:text", { x: cx, y: cy - 20, "text-anchor": "middle", "font-size": "12", fill: "#777", id: "gauge-level" },
      morphologyBuild ? "needs the dictionary" : "not in this build"));
    if (report.tateishi) {
      parts.push(el("svg:text", { x: cx, y: cy + 14, "text-anchor": "middle", "font-size": "12", fill: "#333" },
        `Tateishi RS′ ${report.tateishi.score.toFixed(1)}`));
    }
  }
  parts.push(el("svg:text", { x: "20", y: "126", "font-size": "10", fill: "#777", "text-anchor": "middle" }, "hard"));
  parts.push(el("svg:text", { x: "200", y: "126", "font-size": "10", fill: "#777", "text-anchor": "middle" }, "easy"));
  svg.replaceChildren(...parts);
}

function renderHistogram(report) {
  const svg = $("histogram");
  const lengths = report.sentences.map((s) => s.characters);
  const width = 10;
  const max = Math.max(100, ...lengths);
  const bins = new Array(Math.ceil((max + 1) / width)).fill(0);
  for (const n of lengths) bins[Math.floor(n / width)]++;
  const top = Math.max(1, ...bins);
  const W = 300, H = 140, left = 24, bottom = 20, bw = (W - left - 4) / bins.length;
  const threshold = report.sentence_length.long_threshold;
  const parts = [el("svg:line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: "#999" })];
  bins.forEach((count, i) => {
    const h = ((H - bottom - 10) * count) / top;
    const long = i * width >= threshold;
    parts.push(el("svg:rect", {
      x: left + i * bw + 1, y: H - bottom - h, width: Math.max(1, bw - 2), height: h,
      fill: long ? "#d33" : "#39c", class: "bin", "data-count": String(count),
    }, el("svg:title", {}, `${i * width}–${i * width + width - 1}: ${count}`)));
    if (i % 2 === 0) {
      parts.push(el("svg:text", { x: left + i * bw, y: H - 6, "font-size": "9", fill: "#666" }, String(i * width)));
    }
  });
  parts.push(el("svg:text", { x: "2", y: "12", "font-size": "9", fill: "#666" }, String(top)));
  svg.replaceChildren(...parts);
}

const GRADES = {
  grade1: ["1年", "#1a9850"], grade2: ["2年", "#66bd63"], grade3: ["3年", "#a6d96a"],
  grade4: ["4年", "#d9ef8b"], grade5: ["5年", "#fee08b"], grade6: ["6年", "#fdae61"],
  secondary: ["中学以上", "#f46d43"], jinmeiyo: ["人名用", "#d73027"], hyogai: ["表外", "#7b3294"],
};

function renderKanji(report) {
  const svg = $("kanji");
  const parts = [];
  let x = 0;
  const W = 300;
  if (report.kanji_grades.total === 0) {
    parts.push(el("svg:rect", { x: 0, y: 10, width: W, height: 30, fill: "#eee" }));
    parts.push(el("svg:text", { x: W / 2, y: 30, "text-anchor": "middle", "font-size": "11", fill: "#777" }, "no kanji"));
  }
  for (const band of report.kanji_grades.bands) {
    if (!band.count) continue;
    const w = band.share * W;
    const [label, color] = GRADES[band.grade] ?? [band.grade, "#999"];
    parts.push(el("svg:rect", { x, y: 10, width: w, height: 30, fill: color, class: "band", "data-grade": band.grade },
      el("svg:title", {}, `${label}: ${band.count} (${(band.share * 100).toFixed(0)}%)`)));
    x += w;
  }
  svg.replaceChildren(...parts);
  $("kanji-legend").replaceChildren(...Object.entries(GRADES).map(([, [label, color]]) =>
    el("span", { style: `--swatch: ${color}` }, label)));
}

function renderReport(report) {
  renderGauge(report);
  renderHistogram(report);
  renderKanji(report);
  const sl = report.sentence_length;
  const rows = [
    ["Characters", report.characters],
    ["Sentences", sl.count],
    ["Mean sentence", sl.count ? `${sl.characters.mean.toFixed(1)} characters` : "–"],
    ["Long sentences", `${sl.long} (over ${sl.long_threshold})`],
    ["Kanji ratio", `${(report.scripts.kanji_ratio * 100).toFixed(1)}%`],
    ["読点 per sentence", sl.count ? (report.toten.total / sl.count).toFixed(2) : "–"],
    ["Tateishi RS′", report.tateishi ? report.tateishi.score.toFixed(1) : "–"],
    ["jReadability", report.jreadability ? report.jreadability.score.toFixed(2) : "–"],
  ];
  $("figures").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]));
}

// ---- The morphology build and the dictionary, loaded on demand -------------------------
//
// The IPADIC files (49 MB; `seisho dict export` writes them, with IPADIC's licence, COPYING)
// are served from dict/ beside the page and fetched only when the button is pressed, with the
// build that can use them: most drafts are linted well by the character rules, and neither
// is to be downloaded unasked.

const MB = (bytes) => (bytes / 1e6).toFixed(1);

/** Fetches each URL: all the responses first, so that the total is known from their
 * Content-Length before any body is read, then the bodies, reporting the bytes fetched so far
 * and the total (0 when a server does not tell). Returns the bodies in the order of `urls`. */
async function fetchWithProgress(urls, onProgress) {
  const responses = await Promise.all(urls.map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
    return response;
  }));
  const lengths = responses.map((r) => Number(r.headers.get("content-length")));
  const total = lengths.every((n) => n > 0) ? lengths.reduce((a, b) => a + b, 0) : 0;
  let fetched = 0;
  onProgress(fetched, total);
  const bodies = await Promise.all(responses.map(async (response) => {
    const reader = response.body.getReader();
    const chunks = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      fetched += value.length;
      onProgress(fetched, total);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }));
  return { bodies, fetched };
}

/** The morphology build, imported and initialised by the first successful press (a later
 * press after a failed dictionary fetch does not fetch it again). */
let morphology = null;

/** Imports the morphology build's JavaScript and instantiates its wasm, fetched with
 * progress as the first step. */
async function loadMorphologyBuild(onProgress) {
  if (morphology) return morphology;
  const base = new URL(`pkg/${morphologyBuild}`, document.baseURI);
  const module = await import(new URL("seisho_wasm.js", base).href);
  const { bodies: [wasm] } = await fetchWithProgress([new URL("seisho_wasm_bg.wasm", base).href], onProgress);
  await module.default({ module_or_path: wasm });
  morphology = module;
  return module;
}

async function loadDictionary() {
  const button = $("load-dictionary");
  const progress = $("dictionary-progress");
  const label = $("dictionary-status");
  button.disabled = true;
  progress.hidden = false;
  label.classList.remove("error");
  let updates = 0;
  // Two steps, each with its own bar: the build's code (its size is known first), then the
  // dictionary files (whose names that build gives).
  const report = (step, what) => (done, total) => {
    progress.dataset.updates = String(++updates);
    progress.dataset.step = step;
    if (total) {
      progress.value = done / total;
      const percent = Math.floor((100 * done) / total);
      progress.dataset.percent = String(percent);
      label.textContent = `${step}, ${what}: ${MB(done)} / ${MB(total)} MB (${percent}%)`;
    } else {
      // No Content-Length: an indeterminate bar and the bytes so far.
      progress.removeAttribute("value");
      label.textContent = `${step}, ${what}: ${MB(done)} MB`;
    }
  };
  try {
    // After a failed dictionary fetch, the build is already there: straight to step 2.
    if (!morphology) label.textContent = "Step 1 of 2, the morphology code…";
    const build = await loadMorphologyBuild(report("Step 1 of 2", "the morphology code"));
    label.textContent = "Step 2 of 2, the dictionary…";
    const names = build.dictionaryFileNames();
    const { bodies, fetched } = await fetchWithProgress(names.map((name) => `dict/${name}`),
      report("Step 2 of 2", "the dictionary"));
    progress.value = 1;
    progress.dataset.percent = "100";
    label.textContent = `${MB(fetched)} MB fetched; loading…`;
    // Let the page show it before the synchronous load.
    await new Promise((r) => setTimeout(r, 0));
    build.loadDictionary(Object.fromEntries(names.map((name, i) => [name, bodies[i]])));
    // From now on every call goes to the morphology build; the draft, its selection and the
    // options are the page's and stay as they are. Lint and score again, at once.
    seisho = build;
    clearTimeout(timer);
    update();
    label.replaceChildren(
      `Dictionary loaded (${MB(fetched)} MB): all rules and jReadability. IPADIC `,
      el("a", { href: "dict/COPYING", target: "_blank" }, "licence"), ".");
  } catch (e) {
    label.textContent = `The dictionary did not load: ${e.message}`;
    label.classList.add("error");
    button.disabled = false;
    progress.hidden = true;
  }
}

/** pkg/builds.json: which builds beside pkg/ the page can switch to. */
async function findBuilds() {
  try {
    const response = await fetch("pkg/builds.json");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (e) {
    console.warn(`pkg/builds.json: ${e.message}; the page has only the small build`);
    return {};
  }
}

// ---- Start --------------------------------------------------------------------------------

async function main() {
  const [, builds] = await Promise.all([initSmall(), findBuilds()]);
  morphologyBuild = builds.morphology ?? null;
  if (!morphologyBuild) {
    $("load-dictionary").disabled = true;
    $("dictionary-status").textContent =
      "This page was built without the morphology build (SEISHO_WASM_MORPHOLOGY=0): " +
      "character-level rules and metrics only.";
  }
  if (!seisho.supportsMarkdown()) {
    // The core package (built without the `markdown` feature) reads plain text only.
    $("markdown").checked = false;
    $("markdown").disabled = true;
  }
  draft.addEventListener("input", schedule);
  draft.addEventListener("scroll", () => { backdrop.scrollTop = draft.scrollTop; });
  $("markdown").addEventListener("change", update);
  $("fix-all").addEventListener("click", applyAllSafe);
  $("load-dictionary").addEventListener("click", loadDictionary);
  backdrop.addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (!mark) return;
    const i = Number(mark.dataset.index);
    if (diagnostics[i]?.fix) applyOne(i);
    else {
      draft.focus();
      draft.setSelectionRange(diagnostics[i].range.start, diagnostics[i].range.end);
    }
  });
  backdrop.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark");
    if (mark) activate(mark.dataset.index, true);
  });
  backdrop.addEventListener("mouseout", (event) => {
    const mark = event.target.closest("mark");
    if (mark) activate(mark.dataset.index, false);
  });
  window.addEventListener("resize", autosize);
  const params = new URLSearchParams(location.search);
  draft.value = params.has("empty") ? "" : SAMPLE;
  update();
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  status.textContent = `seisho did not start: ${e.message}`;
  console.error(e);
});
