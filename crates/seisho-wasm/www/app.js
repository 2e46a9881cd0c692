// The seisho page: a Japanese writing tool. The draft is checked as it is typed (in a Web
// Worker: worker.js, through engine.js), its reports highlighted (highlights.js) and listed
// (reports.js), each explained in a popover (popover.js) with its fix; fixes are applied one
// by one or all at once after a preview (fixall.js); the rules are set in a panel and exported
// as seisho.toml (settings.js); the readability report is drawn beside (readability.js), and
// the dictionary fetched on demand (dictionary.js). No network but this page's own files; the
// draft, the settings and the ignored reports are kept in this browser (localStorage).
import { $, download, storage } from "./dom.js";
import { lang, switchLanguage, t, translatePage } from "./i18n.js";
import { call, Checker } from "./engine.js";
import { Highlights } from "./highlights.js";
import { Popover } from "./popover.js";
import { ReportList, reportsCsv, reportsJson } from "./reports.js";
import { Settings } from "./settings.js";
import { FixAll } from "./fixall.js";
import { renderReadability } from "./readability.js";
import { Dictionary } from "./dictionary.js";

const SAMPLE =
  "ｻｰﾊﾞを再起動し、、設定を確認する。コンピュ一タの\u3000設定はＡＢＣ１２３です。\n\n" +
  "今日は晴れです。明日は雨が降るでしょう。";

const draft = $("draft");
const editor = $("editor");
const status = $("status");
const body = document.body;
/** A message about what was just done (read out by screen readers). */
const say = (message) => { $("message").textContent = message; };

/** Everything the page knows of the draft's last check. */
const state = {
  /** The text checked, its diagnostics as lint gave them, and how long the check took. */
  text: "",
  diagnostics: [],
  ms: 0,
  /** The diagnostics shown: not ignored, by start, the longest first (the highlights' order). */
  reports: [],
  /** Rule id → its Japanese name. */
  names: new Map(),
  composing: false,
};

/** Ignored reports, by rule, text and context (kept in this browser): an ignored report
 * stays ignored while the text around it is the same. */
const ignored = new Set(storage.get("ignored", []));
const IGNORED_KEPT = 1000;
const ignoreKey = (d, text) => [
  d.rule, text.slice(d.range.start, d.range.end),
  text.slice(Math.max(0, d.range.start - 10), d.range.start), text.slice(d.range.end, d.range.end + 10),
].join("\u0000");

let settings;
let dictionary;
const highlights = new Highlights($("backdrop"));

/** The options of the check: the messages in the page's language. */
function lintOptions() {
  return {
    lint: { syntax: $("markdown").checked ? "markdown" : "text", rules: settings.lintRules(), lang },
    score: { markdown: $("markdown").checked, longSentence: settings.longSentence() },
  };
}

const checker = new Checker({
  text: () => draft.value,
  options: lintOptions,
  onResult: show,
  onError: (e) => { say(t("checkFailed", { message: e.message })); },
});

// ---- Results --------------------------------------------------------------------------------

/** Shows a check's result for `text` (the draft's text). */
function show({ diagnostics, report, ms }, text) {
  state.text = text;
  state.diagnostics = diagnostics;
  state.ms = ms;
  redraw();
  renderReadability(report, text, { status: dictionary.status, select: (range) => jump(range) });
}

/** Lists and highlights the reports not ignored. */
function redraw() {
  const { text, diagnostics } = state;
  state.reports = diagnostics
    .filter((d) => !ignored.has(ignoreKey(d, text)))
    .sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const { reports } = state;
  popover.hide(true);
  list.render(reports, state.names);
  $("count").textContent = `(${reports.length})`;
  $("no-reports").hidden = reports.length > 0;
  const hidden = diagnostics.length - reports.length;
  $("ignored").hidden = hidden === 0;
  $("ignored-count").textContent = t("ignoredCount", { n: hidden });
  $("fix-all").disabled = !reports.some((d) => d.fix);
  status.textContent = t("status", { n: reports.length, ms: state.ms.toFixed(0) });
  highlights.render(text, reports).then((done) => {
    if (!done || text !== draft.value) return;
    editor.classList.remove("stale");
    body.dataset.rendered = "true";
    body.dataset.ready = "true";
  });
}

// ---- The draft ------------------------------------------------------------------------------

let saveTimer = 0;

/** After each change of the draft: its highlights are stale until checked again; no check
 * while an IME composition is in progress (its end asks for one). */
function changed() {
  autosize();
  body.dataset.rendered = "false";
  editor.classList.add("stale");
  popover.hide(false);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 400);
  if (!state.composing) checker.request();
}

/** The textarea grows with its text: by CSS (field-sizing: content), or where a browser
 * does not have it, by setting its height to that of its content. */
const autosize = CSS.supports("field-sizing", "content")
  ? () => {}
  : () => {
    draft.style.height = "auto";
    draft.style.height = `${draft.scrollHeight}px`;
  };

function saveDraft() {
  clearTimeout(saveTimer);
  if (!storage.set("draft", draft.value)) say(t("notKept"));
}
// What was typed in the last moments before the page goes.
window.addEventListener("pagehide", saveDraft);

/** Replaces the draft with `text` as one edit that undo reverts: only the part that
 * differs is replaced. */
function replaceText(text) {
  const old = draft.value;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  draft.focus({ preventScroll: true });
  draft.setSelectionRange(start, old.length - end);
  // execCommand keeps the browser's undo history (and sends the input event).
  if (!document.execCommand("insertText", false, text.slice(start, text.length - end)) || draft.value !== text) {
    draft.value = text;
    changed();
  }
}

/** Selects `range` of the draft and scrolls it into view. */
function jump(range, i = null) {
  draft.focus({ preventScroll: true });
  draft.setSelectionRange(range.start, range.end);
  const mark = i === null ? null : highlights.marksOf(i, range)[0];
  if (mark) mark.scrollIntoView({ block: "center" });
  else scrollToOffset(range.start);
}

/** Scrolls the page to the line of offset `at` (there is no mark there): the block of the
 * highlights that holds it. */
function scrollToOffset(at) {
  const block = highlights.blocks.find((b) => at >= b.start && at < b.end) ?? highlights.blocks.at(-1);
  if (!block) return;
  const share = (at - block.start) / Math.max(1, block.end - block.start);
  const box = block.el.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + box.top + share * box.height - window.innerHeight / 2 });
}

// ---- The popover ----------------------------------------------------------------------------

/** How the popover was opened: "hover" (closes when the pointer leaves), "focus" (a report
 * of the list has the focus; closes with it), "pinned" (a tap, a click, Enter: closes on
 * Escape, its button, or a press elsewhere). */
let popoverMode = null;

const popover = new Popover($("popover"), () => {
  highlights.setActive(null);
  list.setActive(null);
}, {
  fix: (i) => fixOne(i),
  ignore: (i) => {
    ignored.add(ignoreKey(state.reports[i], state.text));
    storage.set("ignored", [...ignored].slice(-IGNORED_KEPT));
    refocusList();
    redraw();
  },
  ruleOff: (i) => {
    const id = state.reports[i].rule;
    settings.setEnabled(id, false);
    refocusList();
    checker.request();
    say(t("ruleTurnedOff", { name: state.names.get(id) }));
  },
});

/** After an action of a popover opened from the list, the focus goes back to the list. */
function refocusList() {
  if (popover.opener?.closest("#reports")) list.refocus = true;
}

/** The rectangle of report `i` to show its popover by: its mark's line under the point
 * (x, y) when given, else its first. */
function anchorOf(i, point) {
  const rects = highlights.marksOf(i, state.reports[i].range).flatMap((m) => [...m.getClientRects()]);
  const under = point && rects.find((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom);
  return under ?? rects[0] ?? list.button(i)?.getBoundingClientRect() ?? draft.getBoundingClientRect();
}

function openPopover(indices, mode, { point, focus = false, opener = null } = {}) {
  popoverMode = mode;
  popover.show({
    indices, reports: state.reports, names: state.names, text: state.text,
    anchor: anchorOf(indices[0], point), focus, opener,
  });
  highlights.setActive(indices[0], state.reports[indices[0]].range);
  list.setActive(indices[0]);
}

function closePopover(modes) {
  if (popover.open && modes.includes(popoverMode)) popover.hide(false);
}

async function fixOne(i) {
  const d = state.reports[i];
  refocusList();
  const result = await call("applyFixes", [state.text, [d], { unsafeFixes: true }]);
  if (result.applied && draft.value === state.text) replaceText(result.text);
}

// Hover: the reports under the mouse, after a short rest; closed when the mouse leaves.
let hoverTimer = 0;
let hoverFrame = 0;
editor.addEventListener("pointermove", (event) => {
  if (event.pointerType !== "mouse" || hoverFrame) return;
  const point = { x: event.clientX, y: event.clientY };
  hoverFrame = requestAnimationFrame(() => {
    hoverFrame = 0;
    if (body.dataset.rendered !== "true") return;
    const indices = highlights.at(point.x, point.y);
    clearTimeout(hoverTimer);
    if (!indices.length) {
      hoverTimer = setTimeout(() => closePopover(["hover"]), 300);
    } else if (!popover.open || popoverMode === "hover") {
      if (popover.open && popover.indices.join() === indices.join()) return;
      hoverTimer = setTimeout(() => openPopover(indices, "hover", { point }), 250);
    }
  });
});
editor.addEventListener("pointerleave", () => {
  clearTimeout(hoverTimer);
  hoverTimer = setTimeout(() => closePopover(["hover"]), 300);
});
$("popover").addEventListener("pointerenter", () => clearTimeout(hoverTimer));
$("popover").addEventListener("pointerleave", () => {
  hoverTimer = setTimeout(() => closePopover(["hover"]), 300);
});

// A click or a tap places the caret (the textarea's own doing; the text never changes) and
// shows the popover of the reports there.
draft.addEventListener("click", (event) => {
  if (draft.selectionStart !== draft.selectionEnd || body.dataset.rendered !== "true") return;
  const indices = highlights.at(event.clientX, event.clientY);
  clearTimeout(hoverTimer);
  if (indices.length) openPopover(indices, "pinned", { point: { x: event.clientX, y: event.clientY } });
  else closePopover(["pinned", "hover"]);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && event.target === draft) closePopover(["pinned", "hover", "focus"]);
});
document.addEventListener("pointerdown", (event) => {
  if (!event.target.closest("#popover, #draft, #reports")) closePopover(["pinned", "hover", "focus"]);
});

// ---- The list of reports ----------------------------------------------------------------------

const list = new ReportList($("reports"), $("more-reports"), {
  focus(i, button) {
    if (popover.restoring) return;
    const mark = highlights.marksOf(i, state.reports[i].range)[0];
    mark?.scrollIntoView({ block: "nearest" });
    openPopover([i], "focus", { opener: button });
  },
  open(i, button) {
    const mark = highlights.marksOf(i, state.reports[i].range)[0];
    mark?.scrollIntoView({ block: "nearest" });
    openPopover([i], "pinned", { focus: true, opener: button });
  },
  jump(i) {
    jump(state.reports[i].range, i);
    openPopover([i], "pinned");
  },
  hover(i) {
    highlights.setActive(i, i === null ? null : state.reports[i].range);
  },
});
$("reports").addEventListener("focusout", (event) => {
  if (!event.relatedTarget?.closest("#popover, #reports")) closePopover(["focus"]);
});

// ---- Tabs: the reports, the readability ------------------------------------------------------

const tabs = [$("tab-reports"), $("tab-readability")];
function selectTab(tab) {
  for (const each of tabs) {
    const on = each === tab;
    each.setAttribute("aria-selected", String(on));
    each.tabIndex = on ? 0 : -1;
    $(each.getAttribute("aria-controls")).hidden = !on;
  }
}
for (const tab of tabs) {
  tab.addEventListener("click", () => selectTab(tab));
  tab.addEventListener("keydown", (event) => {
    const k = tabs.indexOf(tab);
    const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    selectTab(next);
    next.focus();
  });
}

// ---- Toolbar, settings, exports ----------------------------------------------------------------

const fixAll = new FixAll($("fix-all-dialog"), async (indices, unsafeFixes) => {
  const chosen = indices.map((i) => state.reports[i]);
  const result = await call("applyFixes", [state.text, chosen, { unsafeFixes }]);
  if (result.applied && draft.value === state.text) replaceText(result.text);
  say(t("fixed", { n: result.applied }));
});
$("fix-all").addEventListener("click", () => fixAll.open(state.text, state.reports, state.names));

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    say(t("copied"));
  } catch (e) {
    say(t("copyFailed", { message: e.message }));
  }
}
$("copy").addEventListener("click", () => copy(draft.value));
$("download").addEventListener("click", () =>
  download(`seisho-draft.${$("markdown").checked ? "md" : "txt"}`, draft.value));
$("export-json").addEventListener("click", () =>
  download("seisho-reports.json", reportsJson(state.reports, state.names), "application/json"));
$("export-csv").addEventListener("click", () =>
  download("seisho-reports.csv", reportsCsv(state.reports, state.names, state.text), "text/csv"));
$("restore-ignored").addEventListener("click", () => {
  ignored.clear();
  storage.set("ignored", []);
  redraw();
});
$("markdown").addEventListener("change", () => {
  storage.set("markdown", $("markdown").checked);
  checker.request();
});
$("language").addEventListener("click", switchLanguage);

function openSettings() {
  const refresh = () => {
    $("toml").textContent = settings.toml();
    checker.request();
  };
  settings.renderPanel($("rule-settings"), refresh);
  $("toml").textContent = settings.toml();
  $("reset-settings").onclick = () => {
    settings.reset();
    settings.renderPanel($("rule-settings"), refresh);
    refresh();
  };
  $("settings-dialog").showModal();
}
$("open-settings").addEventListener("click", openSettings);
$("close-settings").addEventListener("click", () => $("settings-dialog").close());
$("copy-toml").addEventListener("click", () => copy(settings.toml()));
$("download-toml").addEventListener("click", () => download("seisho.toml", settings.toml(), "application/toml"));

// ---- Start ----------------------------------------------------------------------------------

/** pkg/builds.json: which builds beside pkg/ the page can switch to, and their size. */
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

async function main() {
  translatePage();
  const [info, rules, builds] = await Promise.all([call("info"), call("rules", [lang]), findBuilds()]);
  state.names = new Map(rules.map((r) => [r.id, r.name]));
  settings = new Settings(rules);
  dictionary = new Dictionary(builds, () => checker.request());
  if (!info.markdown) {
    // The core package (built without the `markdown` feature) reads plain text only.
    $("markdown").disabled = true;
  } else {
    $("markdown").checked = storage.get("markdown", false);
  }
  draft.addEventListener("input", changed);
  draft.addEventListener("compositionstart", () => { state.composing = true; });
  draft.addEventListener("compositionend", () => {
    state.composing = false;
    changed();
  });
  const params = new URLSearchParams(location.search);
  draft.value = params.has("empty") ? "" : storage.get("draft", SAMPLE);
  autosize();
  window.addEventListener("resize", autosize);
  checker.request();
}

main().catch((e) => {
  status.textContent = t("startFailed", { message: e.message });
  console.error(e);
});
