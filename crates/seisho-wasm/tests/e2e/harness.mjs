// What the page's end-to-end tests share: a static server over a directory (www/ by default)
// on 127.0.0.1, Debian's Chromium driven by playwright-core, and a page that records every
// console error, page error, failed request and request outside the server.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const www = join(here, "../../www");
export const results = join(here, "../../test-results");
mkdirSync(results, { recursive: true });

// .ci/wasm.sh gives the page the small build in www/pkg/ and, unless SEISHO_WASM_MORPHOLOGY=0,
// the morphology build in www/pkg/morphology/ and the dictionary's files in www/dict/
// (`seisho dict export`).
export const morphology = existsSync(join(www, "dict/metadata.json"));
export const morphologyWasm = join(www, "pkg/morphology/seisho_wasm_bg.wasm");
/** What only the dictionary button may fetch: the morphology build and the dictionary. */
export const lazy = (url) => /\/pkg\/morphology\/|\/dict\//.test(new URL(url).pathname);

/** The bytes the dictionary button downloads: the morphology build and the dictionary's
 * files (its licence, COPYING, is only linked). */
export function dictionaryDownloadBytes() {
  const files = ["pkg/morphology", "dict"].flatMap((dir) =>
    readdirSync(join(www, dir)).filter((f) => f !== "COPYING").map((f) => join(www, dir, f)));
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** Serves `root` on 127.0.0.1 (a free port); returns { base, close }. */
export async function serve(root = www) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // With its length, as static file servers send it: the page's progress needs the total.
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Headless Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run",
    ],
  });
}

/** A new context (its own storage) and page on `base`, recording problems: console errors,
 * page errors, failed requests, HTTP errors, and requests outside `base` (aborted).
 * `allow(message)` lets an expected console error through. */
export async function open(browser, base, { allow = () => false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "en-US", ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !allow(m)) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // A download the page starts is not a failed request of the page.
    if (!r.failure()?.errorText.includes("ERR_ABORTED")) problems.push(`request failed: ${r.url()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !allow(r)) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await context.route((url) => !url.href.startsWith(base) && !/^(data|blob):/.test(url.href), (route) => {
    problems.push(`outside request: ${route.request().url()}`);
    return route.abort();
  });
  return { context, page, problems };
}

/** Opens the page and waits until it has linted its draft once. */
export async function load(page, url) {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
}

/** Replaces the draft as a paste would, and waits for its highlights. */
export async function setDraft(page, text) {
  await page.locator("#draft").fill(text);
  await rendered(page, text);
}

/** Waits until the highlights are those of `text` (the draft's text when not given). */
export function rendered(page, text) {
  return page.waitForFunction((t) => {
    const draft = document.getElementById("draft");
    return document.body.dataset.rendered === "true" && draft.value === (t ?? draft.value);
  }, text);
}

export const axeSource = () => readFileSync(join(here, "../../node_modules/axe-core/axe.min.js"), "utf8");

/** Starts the static server and the browser before the tests of a file and closes them after
 * them; `set(server, browser)` hands them to the file. */
export function useBrowser(set) {
  let server, browser;
  before(async () => {
    server = await serve();
    browser = await launch();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
