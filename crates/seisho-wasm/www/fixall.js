// "Fix all": a dialog that shows every change first, before → after in its context, each
// with its box; the fixes that need review (unsafe) only when asked for. Nothing changes
// until the changes are confirmed.
import { $, el } from "./dom.js";
import { t } from "./i18n.js";
import { change } from "./popover.js";
import { ruleLabel } from "./reports.js";

/** Characters of context on each side of a change. */
const CONTEXT = 10;

/** One report's change in its context: …text<del>before</del><ins>after</ins>text… */
function preview(text, d) {
  const edits = d.fix.edits;
  const start = edits[0].range.start;
  const end = edits.at(-1).range.end;
  const parts = [el("span", { class: "context" }, (start > CONTEXT ? "…" : "") + text.slice(Math.max(0, start - CONTEXT), start))];
  let at = start;
  for (const e of edits) {
    if (e.range.start > at) parts.push(el("span", { class: "context" }, text.slice(at, e.range.start)));
    parts.push(change(text.slice(e.range.start, e.range.end), e.replacement));
    at = e.range.end;
  }
  parts.push(el("span", { class: "context" }, text.slice(end, end + CONTEXT) + (end + CONTEXT < text.length ? "…" : "")));
  return el("span", { class: "preview" }, parts);
}

export class FixAll {
  /** `apply(indices, unsafeFixes)`: applies the fixes of those reports. */
  constructor(dialog, apply) {
    this.dialog = dialog;
    this.list = $("fix-all-list");
    this.unsafe = $("fix-all-unsafe");
    this.confirm = $("fix-all-apply");
    this.unsafe.addEventListener("change", () => this.update());
    this.list.addEventListener("change", () => this.update());
    $("fix-all-cancel").addEventListener("click", () => dialog.close());
    this.confirm.addEventListener("click", () => {
      const chosen = [...this.list.querySelectorAll("input:checked")]
        .filter((box) => !box.closest("li").hidden)
        .map((box) => Number(box.dataset.index));
      dialog.close();
      apply(chosen, this.unsafe.checked);
    });
  }

  /** Opens it for the fixable ones of `reports` of `text` (`names`: rule id → name). */
  open(text, reports, names) {
    const fixable = reports.map((d, i) => [d, i]).filter(([d]) => d.fix?.edits.length);
    const unsafe = fixable.filter(([d]) => d.fix.safety === "unsafe").length;
    $("fix-all-summary").textContent = fixable.length ? t("fixAllSafe", { n: fixable.length - unsafe }) : t("nothingToFix");
    this.unsafe.checked = false;
    this.unsafe.disabled = !unsafe;
    $("fix-all-unsafe-label").textContent = t("includeUnsafe", { n: unsafe });
    this.list.replaceChildren(...fixable.map(([d, i]) => el("li", { class: d.fix.safety, "data-index": String(i) },
      el("label", {},
        el("input", { type: "checkbox", checked: true, "data-index": String(i) }),
        el("span", { class: "where" }, t("at", { line: d.start.line, column: d.start.column })),
        ruleLabel(d.rule, names),
        d.fix.safety === "unsafe" ? el("span", { class: "tag unsafe" }, t("unsafeTag")) : null,
        preview(text, d)))));
    this.update();
    this.dialog.showModal();
  }

  /** The unsafe ones shown only when included; the button counts the changes chosen. */
  update() {
    for (const li of this.list.querySelectorAll("li.unsafe")) li.hidden = !this.unsafe.checked;
    const n = [...this.list.querySelectorAll("li:not([hidden]) input:checked")].length;
    this.confirm.textContent = t("apply", { n });
    this.confirm.disabled = n === 0;
  }
}
