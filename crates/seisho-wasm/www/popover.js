// The popover of a highlight: the reports at that place, each with its rule's name and id,
// its message, the change its fix makes (with code points, so that look-alike characters
// such as 口 U+53E3 and ロ U+30ED can be told apart), and what can be done: fix, ignore the
// report, turn the rule off. It opens on hover, on a tap, and on keyboard focus of a report in
// the list; it takes the focus only when asked (Enter on a report), and gives it back on Escape.
import { codePoint, el } from "./dom.js";
import { t } from "./i18n.js";
import { ruleLabel } from "./reports.js";

/** Before and after are listed character by character up to this many characters. */
const SHORT = 4;
/** The edits of one fix shown at most. */
const EDITS = 5;

/** The characters of `s` with their code points: "口 U+53E3". */
function spelled(s) {
  return [...s].map((c) => el("span", { class: "char" }, el("span", { class: "glyph" }, c), " ", el("code", {}, codePoint(c))));
}

/** Before → after of one edit of a fix. */
export function change(before, after) {
  const short = [...before].length <= SHORT && [...after].length <= SHORT;
  const side = (s, tag, empty) => s
    ? el(tag, {}, short ? spelled(s) : s)
    : el("span", { class: "none" }, empty);
  return el("span", { class: "change" },
    side(before, "del", t("inserted")), el("span", { class: "arrow" }, " → "), side(after, "ins", t("deleted")));
}

export class Popover {
  /** `hidden()` is called when it closes; `actions`: { fix(i), ignore(i), ruleOff(i) }, each
   * given the report's index. */
  constructor(node, hidden, actions) {
    Object.assign(this, { node, hidden, actions, indices: [], opener: null });
    /** True while the focus goes back to the opener. */
    this.restoring = false;
    node.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.hide(true);
      }
    });
    node.addEventListener("focusout", (event) => {
      // Focus gone elsewhere (Tab out, a click away): the popover closes.
      if (!node.contains(event.relatedTarget) && event.relatedTarget !== this.opener) this.hide(false);
    });
  }

  get open() {
    return !this.node.hidden;
  }

  /** Shows reports `indices` (of `reports`, for the draft `text`) by `anchor` (a DOMRect in
   * the viewport). `focus`: move the keyboard focus into it; `opener`: the element that
   * gets it back on Escape. */
  show({ indices, reports, names, text, anchor, focus = false, opener = null }) {
    this.indices = indices;
    this.opener?.setAttribute("aria-expanded", "false");
    this.opener = opener;
    opener?.setAttribute("aria-expanded", "true");
    const sections = indices.map((i, k) => this.section(i, reports[i], names, text, k));
    const close = el("button", {
      type: "button", class: "close", "aria-label": t("close"), title: t("close"),
      onclick: () => this.hide(true),
    }, "×");
    this.node.replaceChildren(close, ...sections);
    this.node.setAttribute("aria-labelledby", "popover-title-0");
    this.node.hidden = false;
    this.place(anchor);
    if (focus) this.node.querySelector(".actions button")?.focus();
  }

  section(i, d, names, text, k) {
    const fix = d.fix;
    const edits = fix ? fix.edits.slice(0, EDITS) : [];
    const button = (label, action, extra = {}) =>
      el("button", { type: "button", ...extra, onclick: () => this.actions[action](i) }, label);
    return el("section", { class: `report-detail ${d.severity}`, "data-index": String(i) },
      el("h2", { id: `popover-title-${k}` },
        ruleLabel(d.rule, names),
        el("span", { class: `severity ${d.severity}` }, t("severity")[d.severity])),
      el("p", { class: "message" }, d.message),
      el("p", { class: "where" }, t("atLong", { line: d.start.line, column: d.start.column })),
      fix
        ? el("div", { class: "changes" },
          el("span", { class: "label" }, t("change")),
          el("ul", {}, edits.map((e) => el("li", {}, change(text.slice(e.range.start, e.range.end), e.replacement)))),
          fix.edits.length > EDITS ? el("p", {}, "…") : null)
        : el("p", { class: "no-fix" }, t("noFix")),
      fix?.safety === "unsafe" ? el("p", { class: "unsafe-note" }, t("unsafeNote")) : null,
      el("div", { class: "actions" },
        fix ? button(fix.safety === "safe" ? t("fix") : t("unsafeFix"), "fix",
          { class: fix.safety === "safe" ? "primary" : "unsafe", "data-action": "fix" }) : null,
        button(t("ignore"), "ignore", { "data-action": "ignore" }),
        button(t("ruleOff"), "ruleOff", { "data-action": "rule-off" })));
  }

  /** Below the anchor, or above it when there is no room below; within the viewport's width. */
  place(anchor) {
    const box = this.node.getBoundingClientRect();
    const gap = 6;
    const below = anchor.bottom + gap + box.height <= window.innerHeight || anchor.top - gap - box.height < 0;
    const top = below ? anchor.bottom + gap : anchor.top - gap - box.height;
    const left = Math.max(gap, Math.min(anchor.left, document.documentElement.clientWidth - box.width - gap));
    this.node.style.top = `${top + window.scrollY}px`;
    this.node.style.left = `${left + window.scrollX}px`;
  }

  /** Closes it; with `restore`, the focus goes back to where it was opened from, if the
   * focus was in it. */
  hide(restore) {
    if (!this.open) return;
    const hadFocus = this.node.contains(document.activeElement);
    this.node.hidden = true;
    this.indices = [];
    this.opener?.setAttribute("aria-expanded", "false");
    if (restore && hadFocus) {
      // The opener's focus handler must not open the popover again.
      this.restoring = true;
      this.opener?.focus();
      this.restoring = false;
    }
    this.opener = null;
    this.hidden();
  }
}
