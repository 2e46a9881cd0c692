// Small helpers of the page: elements, downloads, the browser's storage, code points.

export const $ = (id) => document.getElementById(id);

const SVG = "http://www.w3.org/2000/svg";

/** An element: `el("li", { class: "x", onclick: f }, "text", child)`; "svg:rect" for SVG. */
export function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Has the browser download `text` as file `name`. */
export function download(name, text, type = "text/plain") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** localStorage, as JSON; quietly nothing where storage is off (private modes, file:). */
export const storage = {
  get(key, fallback) {
    try {
      const value = localStorage.getItem(`seisho.${key}`);
      return value === null ? fallback : JSON.parse(value);
    } catch {
      return fallback;
    }
  },
  /** Returns false when the value could not be kept (storage off or full). */
  set(key, value) {
    try {
      localStorage.setItem(`seisho.${key}`, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
};

/** "U+53E3" for 口. */
export const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
