// The morphology build and the dictionary, fetched only when the button is pressed.
//
// The IPADIC files (about 50 MB; `seisho dict export` writes them, with IPADIC's licence,
// COPYING) are served from dict/ beside the page with the build that can use them: most
// drafts are linted well by the character rules, and neither is to be downloaded unasked.
// The page fetches (with progress), and hands the bytes to the worker. pkg/builds.json, which
// .ci/wasm.sh writes, says where the morphology build is and how many bytes the button
// downloads, so that the button can say it before anything is fetched.
import { $, el } from "./dom.js";
import { t } from "./i18n.js";
import { call } from "./engine.js";

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

export class Dictionary {
  /** `builds`: pkg/builds.json; `loaded()` is called once the worker uses the dictionary. */
  constructor(builds, loaded) {
    this.build = builds.morphology ?? null;
    this.bytes = builds.download ?? null;
    this.loaded = loaded;
    /** Whether the worker has the morphology build (a press after a failed dictionary fetch
     * goes straight to the second step). */
    this.haveBuild = false;
    this.button = $("load-dictionary");
    this.progress = $("dictionary-progress");
    this.label = $("dictionary-status");
    this.button.textContent = this.build && this.bytes
      ? t("loadDictionarySize", { mb: MB(this.bytes) })
      : t("loadDictionary");
    if (!this.build) {
      this.button.disabled = true;
      this.label.textContent = t("noMorphology");
    } else {
      this.button.addEventListener("click", () => this.load());
    }
  }

  /** Why there is no jReadability: the gauge says it. */
  get status() {
    return this.build ? t("needsTheDictionary") : t("notInThisBuild");
  }

  async load() {
    const { button, progress, label } = this;
    button.disabled = true;
    progress.hidden = false;
    label.classList.remove("error");
    // At once, in place of a previous attempt's error: the step it starts with.
    label.textContent = this.haveBuild
      ? t("stepStart", { step: 2, what: t("theDictionary") })
      : t("stepStart", { step: 1, what: t("morphologyCode") });
    let updates = 0;
    // Two steps, each with its own bar: the build's code (its size is known first), then the
    // dictionary files (whose names that build gives).
    const report = (step, what) => (done, total) => {
      progress.dataset.updates = String(++updates);
      progress.dataset.step = String(step);
      if (total) {
        progress.value = done / total;
        const percent = Math.floor((100 * done) / total);
        progress.dataset.percent = String(percent);
        label.textContent = t("step", { step, what, done: MB(done), total: MB(total), percent });
      } else {
        // No Content-Length: an indeterminate bar and the bytes so far.
        progress.removeAttribute("value");
        label.textContent = t("step", { step, what, done: MB(done) });
      }
    };
    try {
      let names;
      const base = new URL(`pkg/${this.build}`, document.baseURI);
      if (!this.haveBuild) {
        const { bodies: [wasm] } = await fetchWithProgress([new URL("seisho_wasm_bg.wasm", base).href],
          report(1, t("morphologyCode")));
        names = await call("loadMorphology", [new URL("seisho_wasm.js", base).href, wasm], [wasm.buffer]);
        this.haveBuild = true;
      } else {
        names = await call("loadMorphology", [new URL("seisho_wasm.js", base).href, null]);
      }
      label.textContent = t("stepStart", { step: 2, what: t("theDictionary") });
      const { bodies, fetched } = await fetchWithProgress(names.map((name) => `dict/${name}`),
        report(2, t("theDictionary")));
      progress.value = 1;
      progress.dataset.percent = "100";
      label.textContent = t("dictionaryFetched", { mb: MB(fetched) });
      await call("loadDictionary", [Object.fromEntries(names.map((name, i) => [name, bodies[i]]))],
        bodies.map((b) => b.buffer));
      button.hidden = true;
      label.replaceChildren(t("dictionaryLoaded", { mb: MB(fetched) }),
        el("a", { href: "dict/COPYING", target: "_blank" }, t("licence")), ".");
      this.loaded();
    } catch (e) {
      label.textContent = t("dictionaryFailed", { message: e.message });
      label.classList.add("error");
      button.disabled = false;
      progress.hidden = true;
    }
  }
}
