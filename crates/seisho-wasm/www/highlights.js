// The highlights: a backdrop under the textarea with the same text, font and wrapping, and
// the reports' ranges in <mark>s. The textarea lies on top, its background transparent: every
// click and touch goes to it (the caret, the selection, the IME are the browser's own), and
// the marks show through.
//
// Every report gets a mark, however the ranges overlap: where ranges nest, marks nest;
// where they cross, the inner one is split in two marks at the outer one's end. The text is
// rendered in blocks of a few thousand characters that end at a line end, a few blocks per
// frame (a long draft does not block the page), and a block whose HTML has not changed since
// the last rendering is kept as it is (typing in a long draft renders one block).

/** A block ends at the first line end after this many characters. */
const BLOCK = 4096;
/** A mark longer than this is drawn as an underline only (a long sentence), so that the
 * marks inside it stand out. */
const WIDE = 20;
/** What is written before the browser draws a frame (and lays it out): blocks until this
 * much time has been spent (milliseconds) or this many characters of new blocks written (their
 * layout in the frame costs about a millisecond per thousand characters). */
const BUDGET = 8;
const CHARACTERS = 24_000;

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
/** Resolves once the browser has drawn a frame: the blocks written so far are laid out in
 * that frame, not all at the end in one long one. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * The blocks of `text` with the marks of `reports` (sorted by start, then longest first):
 * { start, end, base, html }, where a mark's data-i is its report's index minus the block's
 * `base` (so that a block's HTML does not change when a report before it comes or goes).
 */
function* blocks(text, reports) {
  let next = 0; // the next report to open
  let active = []; // the reports open at `pos`, outermost first (= in index order)
  let pos = 0;
  let blockStart = 0;
  let base = 0;
  let html = "";
  let newline = -1; // the next line end at or after a possible cut, or -1 when unknown
  const mark = (i) => {
    const r = reports[i];
    const wide = r.range.end - r.range.start > WIDE ? " wide" : "";
    return `<mark class="${r.severity}${wide}" data-i="${i - base}">`;
  };

  // The text from `pos` to `end`, cut after a line end once the block is long enough.
  function* emit(end) {
    let s = pos;
    for (;;) {
      const from = Math.max(s, blockStart + BLOCK);
      if (from < end && newline < from) {
        newline = text.indexOf("\n", from);
        if (newline === -1) newline = Infinity;
      }
      if (from >= end || newline >= end) {
        html += escape(text.slice(s, end));
        return;
      }
      html += escape(text.slice(s, newline + 1)) + "</mark>".repeat(active.length);
      yield { start: blockStart, end: newline + 1, base, html };
      s = blockStart = newline + 1;
      base = active.length ? active[0] : next;
      html = active.map(mark).join("");
    }
  }

  for (;;) {
    // The reports that end here close, those that start here open.
    const before = active;
    active = active.filter((i) => reports[i].range.end > pos);
    const empty = [];
    while (next < reports.length && reports[next].range.start <= pos) {
      const r = reports[next];
      (r.range.end > r.range.start ? active : empty).push(next++);
    }
    let common = 0;
    while (common < active.length && before[common] === active[common]) common++;
    html += "</mark>".repeat(before.length - common) + active.slice(common).map(mark).join("");
    // A report of an empty range (something missing) is a thin bar.
    for (const i of empty) html += `<mark class="${reports[i].severity} empty" data-i="${i - base}"></mark>`;
    if (pos >= text.length) break;
    let end = next < reports.length ? reports[next].range.start : text.length;
    for (const i of active) end = Math.min(end, reports[i].range.end);
    yield* emit(Math.min(end, text.length));
    pos = Math.min(end, text.length);
  }
  // A trailing line end needs something after it to take up its line, as in the textarea.
  html += "</mark>".repeat(active.length) + "\u200b";
  yield { start: blockStart, end: text.length, base, html };
}

export class Highlights {
  constructor(backdrop) {
    this.backdrop = backdrop;
    /** The rendered blocks: { el, html, start, end, base }. */
    this.blocks = [];
    this.job = 0;
    this.active = [];
  }

  /** Renders `text` with the marks of `reports` (sorted by start, then longest first).
   * Resolves to true when done, false when a newer rendering took over. */
  async render(text, reports) {
    const job = ++this.job;
    let deadline = performance.now() + BUDGET;
    let written = 0;
    let k = 0;
    for (const block of blocks(text, reports)) {
      if (this.place(k++, block)) written += block.end - block.start;
      if (performance.now() > deadline || written > CHARACTERS) {
        await nextFrame();
        if (job !== this.job) return false;
        deadline = performance.now() + BUDGET;
        written = 0;
      }
    }
    for (const old of this.blocks.splice(k)) old.el.remove();
    this.active = [];
    return true;
  }

  /** Block `k`: kept when its HTML is the same, else rewritten (then returns true). */
  place(k, { start, end, base, html }) {
    let block = this.blocks[k];
    if (!block) {
      block = { el: document.createElement("div"), html: null };
      block.el.className = "block";
      this.backdrop.append(block.el);
      this.blocks[k] = block;
    }
    const changed = block.html !== html;
    if (changed) block.el.innerHTML = html;
    if (block.base !== base) block.el.dataset.base = String(base);
    Object.assign(block, { start, end, base, html });
    return changed;
  }

  /** The marks of report `i` (several where its range crosses another's or a block's end). */
  marksOf(i, range) {
    const marks = [];
    for (const b of this.blocks) {
      if (b.end < range.start || b.start > range.end) continue;
      marks.push(...b.el.querySelectorAll(`mark[data-i="${i - b.base}"]`));
    }
    return marks;
  }

  /** The reports under a point of the viewport, innermost first (the textarea is on top:
   * what is under it is found all the same). */
  at(x, y) {
    const hit = document.elementsFromPoint(x, y).find((e) => e.matches("#backdrop mark"));
    const found = [];
    for (let m = hit; m; m = m.parentElement.closest("#backdrop mark")) found.push(indexOf(m));
    return found;
  }

  /** Marks report `i` (its range `range`) as the one pointed at; none with `i` null. */
  setActive(i, range) {
    for (const m of this.active) m.classList.remove("active");
    this.active = i === null ? [] : this.marksOf(i, range);
    for (const m of this.active) m.classList.add("active");
  }
}

/** The report index of a mark. */
const indexOf = (mark) => Number(mark.closest(".block").dataset.base) + Number(mark.dataset.i);
