// The readability panel: the jReadability gauge over its six levels, what jReadability and
// Tateishi's RS′ measure, the figures, the longest sentences (each a button that selects it in
// the text), the histogram of sentence lengths and the kanji by school grade.
import { $, el } from "./dom.js";
import { t } from "./i18n.js";

/** jReadability's levels, hardest first, from the score where each starts (the core's
 * JReadabilityLevel: X in [0.5, 1.5) is upper-advanced, …; below 0.5 counts as the first, from
 * 6.5 as the last). */
const LEVELS = [
  ["upper-advanced", 0.5], ["lower-advanced", 1.5], ["upper-intermediate", 2.5],
  ["lower-intermediate", 3.5], ["upper-elementary", 4.5], ["lower-elementary", 5.5],
];
const TOP = 6.5;

/** Stroke colours of the gauge's arcs, hard to easy. */
const ARCS = ["#b03a2e", "#d35400", "#b7950b", "#7d9a1e", "#27ae60", "#1e8449"];

function renderGauge(report, status) {
  const cx = 110, cy = 110, r = 90;
  const point = (x, radius = r) => {
    // x from 0.5 (hard, left) to 6.5 (easy, right).
    const f = Math.min(1, Math.max(0, (x - 0.5) / (TOP - 0.5)));
    const a = Math.PI * (1 - f);
    return [cx + radius * Math.cos(a), cy - radius * Math.sin(a)];
  };
  const parts = LEVELS.map(([level, from], i) => {
    const [x0, y0] = point(from);
    const [x1, y1] = point(LEVELS[i + 1]?.[1] ?? TOP);
    return el("svg:path", {
      d: `M ${x0} ${y0} A ${r} ${r} 0 0 1 ${x1} ${y1}`, stroke: ARCS[i], "stroke-width": "18",
      fill: "none", class: "arc", "data-level": level,
    }, el("svg:title", {}, `${t("levels")[level]} ${from}–${LEVELS[i + 1]?.[1] ?? TOP}`));
  });
  const j = report.jreadability;
  if (j) {
    const [nx, ny] = point(j.score, r - 20);
    parts.push(
      el("svg:line", { x1: cx, y1: cy, x2: nx, y2: ny, class: "needle", "stroke-width": "3", "stroke-linecap": "round" }),
      el("svg:circle", { cx, cy, r: "5", class: "needle" }),
      el("svg:text", { x: cx, y: cy - 30, "text-anchor": "middle", "font-size": "16", id: "gauge-score" }, j.score.toFixed(2)),
      el("svg:text", { x: cx, y: cy + 16, "text-anchor": "middle", "font-size": "11", id: "gauge-level" }, t("levels")[j.level] ?? j.level));
  } else {
    parts.push(el("svg:text", { x: cx, y: cy - 20, "text-anchor": "middle", "font-size": "12", id: "gauge-level" }, status));
    if (report.tateishi) {
      parts.push(el("svg:text", { x: cx, y: cy + 14, "text-anchor": "middle", "font-size": "12" },
        `${t("tateishi")} ${report.tateishi.score.toFixed(1)}`));
    }
  }
  parts.push(
    el("svg:text", { x: "20", y: "126", "font-size": "10", "text-anchor": "middle" }, t("hard")),
    el("svg:text", { x: "200", y: "126", "font-size": "10", "text-anchor": "middle" }, t("easy")));
  $("gauge").replaceChildren(...parts);
  $("gauge").setAttribute("aria-label", j ? `${t("gauge")}: ${j.score.toFixed(2)}, ${t("levels")[j.level] ?? j.level}` : `${t("gauge")}: ${status}`);
}

/** The six levels with their ranges; the draft's level marked. */
function renderLevels(report) {
  const current = report.jreadability?.level ?? null;
  $("levels").replaceChildren(
    el("caption", {}, t("levelsCaption")),
    el("tr", {}, el("th", { scope: "col" }, t("level")), el("th", { scope: "col" }, t("range"))),
    ...LEVELS.map(([level, from], i) => el("tr", {
      class: level === current ? "current" : null, "aria-current": level === current ? "true" : null,
      "data-level": level,
    },
    el("td", {}, el("span", { class: "swatch", style: `--swatch: ${ARCS[i]}` }), t("levels")[level]),
    el("td", {}, `${from.toFixed(1)}–${(LEVELS[i + 1]?.[1] ?? TOP).toFixed(1)}`))));
}

function renderHistogram(report) {
  const lengths = report.sentenceLengths;
  const width = 10;
  const max = Math.max(100, ...lengths);
  const bins = new Array(Math.ceil((max + 1) / width)).fill(0);
  for (const n of lengths) bins[Math.floor(n / width)]++;
  const top = Math.max(1, ...bins);
  const W = 300, H = 140, left = 24, bottom = 20, bw = (W - left - 4) / bins.length;
  const threshold = report.sentence_length.long_threshold;
  const parts = [el("svg:line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, class: "axis" })];
  bins.forEach((count, i) => {
    const h = ((H - bottom - 10) * count) / top;
    parts.push(el("svg:rect", {
      x: left + i * bw + 1, y: H - bottom - h, width: Math.max(1, bw - 2), height: h,
      class: i * width >= threshold ? "bin long" : "bin", "data-count": String(count),
    }, el("svg:title", {}, `${i * width}–${i * width + width - 1}: ${count}`)));
    if (i % 2 === 0) parts.push(el("svg:text", { x: left + i * bw, y: H - 6, "font-size": "9" }, String(i * width)));
  });
  parts.push(el("svg:text", { x: "2", y: "12", "font-size": "9" }, String(top)));
  $("histogram").replaceChildren(...parts);
}

/** Kanji bands: label key and colour. */
const GRADES = {
  grade1: "#1a9850", grade2: "#66bd63", grade3: "#a6d96a", grade4: "#d9ef8b", grade5: "#fee08b",
  grade6: "#fdae61", secondary: "#f46d43", jinmeiyo: "#d73027", hyogai: "#7b3294",
};

function renderKanji(report) {
  const W = 300;
  const parts = [];
  if (report.kanji_grades.total === 0) {
    parts.push(el("svg:rect", { x: 0, y: 10, width: W, height: 30, class: "empty" }),
      el("svg:text", { x: W / 2, y: 30, "text-anchor": "middle", "font-size": "11" }, t("noKanji")));
  }
  let x = 0;
  for (const band of report.kanji_grades.bands) {
    if (!band.count) continue;
    const w = band.share * W;
    const label = t("grades")[band.grade] ?? band.grade;
    parts.push(el("svg:rect", { x, y: 10, width: w, height: 30, fill: GRADES[band.grade] ?? "#999", class: "band", "data-grade": band.grade },
      el("svg:title", {}, `${label}: ${band.count} (${(band.share * 100).toFixed(0)}%)`)));
    x += w;
  }
  $("kanji").replaceChildren(...parts);
  $("kanji-legend").replaceChildren(...Object.entries(GRADES).map(([grade, color]) =>
    el("span", { style: `--swatch: ${color}` }, t("grades")[grade])));
}

function renderFigures(report) {
  const sl = report.sentence_length;
  const rows = [
    [t("characters"), report.characters],
    [t("sentences"), sl.count],
    [t("meanSentence"), sl.count ? t("nCharacters", { n: sl.characters.mean.toFixed(1) }) : "–"],
    [t("longSentences"), t("over", { n: sl.long, max: sl.long_threshold })],
    [t("kanjiRatio"), `${(report.scripts.kanji_ratio * 100).toFixed(1)}%`],
    [t("totenPerSentence"), sl.count ? (report.toten.total / sl.count).toFixed(2) : "–"],
    [t("tateishi"), report.tateishi ? report.tateishi.score.toFixed(1) : "–"],
    [t("jreadability"), report.jreadability ? report.jreadability.score.toFixed(2) : "–"],
  ];
  $("figures").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]));
}

/** The longest sentences: buttons that call `select(range)` (UTF-16 range in the draft). */
function renderHardest(report, text, select) {
  $("hardest").replaceChildren(...report.hardest.map((s) => {
    const sentence = text.slice(s.range.start, s.range.end).trim();
    return el("li", {}, el("button", {
      type: "button", class: "sentence", "data-start": s.range.start, "data-end": s.range.end,
      onclick: () => select(s.range),
    },
    el("span", { class: "length" }, t("nCharacters", { n: s.characters })),
    el("span", { class: "text" }, sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence)));
  }));
}

/** Draws the report of `text`. `status`: why there is no jReadability, when there is none. */
export function renderReadability(report, text, { status, select }) {
  renderGauge(report, status);
  renderLevels(report);
  renderFigures(report);
  renderHardest(report, text, select);
  renderHistogram(report);
  renderKanji(report);
}
