// The list of reports beside the draft, and its exports (JSON, CSV).
//
// One tab stop for the whole list (roving tabindex): the arrow keys, Home and End move
// between reports. Focus on a report shows its popover by its highlight; Enter moves the
// focus into that popover; a click (or Space) goes to its place in the text.
import { el } from "./dom.js";
import { t } from "./i18n.js";

/** A rule as the page names it: its Japanese name beside its id. `names`: rule id → name. */
export const ruleLabel = (id, names) => [
  el("span", { class: "rule-name", lang: "ja" }, names.get(id)),
  el("code", { class: "rule-id" }, id),
];

/** Reports listed at first, and added by each press of "Show more". */
const PAGE = 200;

export class ReportList {
  /** `on`: { focus(i, button) (a report focused from the keyboard), open(i, button),
   * jump(i), hover(i | null) }. */
  constructor(node, more, on) {
    Object.assign(this, { node, more, on, reports: [], shown: PAGE, current: 0 });
    /** Set by the page: give the focus back to the list at the next rendering. */
    this.refocus = false;
    node.addEventListener("keydown", (event) => this.keydown(event));
    // A press of the mouse focuses a report too; its click goes to the place instead (and
    // a scroll on focus would move the report from under the mouse).
    this.pointing = false;
    node.addEventListener("pointerdown", () => { this.pointing = true; });
    for (const type of ["pointerup", "pointercancel"]) {
      document.addEventListener(type, () => { this.pointing = false; }, true);
    }
    node.addEventListener("focusin", (event) => {
      const button = event.target.closest("button.report");
      if (button) {
        this.setCurrent(Number(button.dataset.index));
        if (!this.pointing) this.on.focus(this.current, button);
      }
    });
    node.addEventListener("click", (event) => {
      const button = event.target.closest("button.report");
      if (button) this.on.jump(Number(button.dataset.index));
    });
    node.addEventListener("mouseover", (event) => {
      const button = event.target.closest("button.report");
      if (button) this.on.hover(Number(button.dataset.index));
    });
    node.addEventListener("mouseleave", () => this.on.hover(null));
    more.addEventListener("click", () => {
      this.shown += PAGE;
      this.draw(this.names);
      this.button(Math.min(this.shown - PAGE, this.reports.length - 1))?.focus();
    });
  }

  /** Lists `reports` (`names`: rule id → name). The focus, if it was on a report or
   * `refocus` asks for it (after an action on a report), goes to the report at the same place
   * in the list. */
  render(reports, names) {
    const focus = this.refocus || this.node.contains(document.activeElement);
    this.refocus = false;
    this.reports = reports;
    this.names = names;
    this.current = Math.min(this.current, Math.max(0, reports.length - 1));
    this.draw(names);
    if (focus) this.button(this.current)?.focus({ preventScroll: true });
  }

  draw(names) {
    const shown = this.reports.slice(0, this.shown);
    if (this.current >= shown.length) this.current = 0;
    this.node.replaceChildren(...shown.map((d, i) => el("li", {},
      el("button", {
        type: "button", class: `report ${d.severity}`, "data-index": String(i), "data-rule": d.rule,
        tabindex: i === this.current ? "0" : "-1", "aria-haspopup": "dialog", "aria-expanded": "false",
        "aria-controls": "popover",
      },
      el("span", { class: "where" }, t("at", { line: d.start.line, column: d.start.column })),
      el("span", { class: `severity ${d.severity}` }, t("severity")[d.severity]),
      ruleLabel(d.rule, names),
      el("span", { class: "message" }, d.message)))));
    const rest = this.reports.length - shown.length;
    this.more.hidden = rest <= 0;
    this.more.textContent = t("more", { n: Math.min(PAGE, rest) });
  }

  button(i) {
    return this.node.querySelector(`button.report[data-index="${i}"]`);
  }

  setCurrent(i) {
    if (i === this.current) return;
    this.button(this.current)?.setAttribute("tabindex", "-1");
    this.current = i;
    this.button(i)?.setAttribute("tabindex", "0");
  }

  keydown(event) {
    const button = event.target.closest("button.report");
    if (!button) return;
    const i = Number(button.dataset.index);
    const last = Math.min(this.shown, this.reports.length) - 1;
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: last }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      this.button(Math.max(0, Math.min(last, to)))?.focus();
    } else if (event.key === "Enter") {
      // Not a click: Enter opens the report's popover, with the focus in it.
      event.preventDefault();
      this.on.open(i, button);
    }
  }

  /** Marks report `i` (null: none) as the one pointed at in the text. */
  setActive(i) {
    this.node.querySelector("button.report.active")?.classList.remove("active");
    if (i !== null) this.button(i)?.classList.add("active");
  }
}

/** The fields of a report in the CSV export. */
const FIELDS = ["line", "column", "endLine", "endColumn", "rule", "name", "severity", "message", "fix", "before", "after"];

/** One report as the exports give it: where (1-based line and column, in characters), the
 * rule, its name, the severity, the message, and its fix's kind and change. */
function row(d, names, text) {
  const edits = d.fix?.edits ?? [];
  const first = edits[0]?.range.start;
  const last = edits.at(-1)?.range.end;
  // Before and after over the span of the fix's edits.
  let after = "";
  if (edits.length) {
    let at = first;
    for (const e of edits) {
      after += text.slice(at, e.range.start) + e.replacement;
      at = e.range.end;
    }
  }
  return {
    line: d.start.line, column: d.start.column, endLine: d.end.line, endColumn: d.end.column,
    rule: d.rule, name: names.get(d.rule), severity: d.severity, message: d.message,
    fix: d.fix?.safety ?? "", before: edits.length ? text.slice(first, last) : "", after,
  };
}

/** The reports as JSON: the API's diagnostics, each with its rule's name. */
export const reportsJson = (reports, names) =>
  `${JSON.stringify(reports.map((d) => ({ ...d, name: names.get(d.rule) })), null, 2)}\n`;

/** The reports as CSV (RFC 4180, with a byte order mark so that spreadsheets read UTF-8):
 * a header line of the fields' names, as the JSON's (whatever the page's language), then
 * a line per report. */
export function reportsCsv(reports, names, text) {
  const quote = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [FIELDS, ...reports.map((d) => {
    const r = row(d, names, text);
    return FIELDS.map((f) => r[f]);
  })];
  return `\ufeff${lines.map((cells) => cells.map(quote).join(",")).join("\r\n")}\r\n`;
}
