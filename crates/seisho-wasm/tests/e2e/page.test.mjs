// The page end to end: a static server on 127.0.0.1 over www/, Debian's Chromium driven by
// playwright-core. Types a draft with known mistakes, checks the highlights and their
// descriptions, applies one fix by clicking it and the rest with the button, checks the text
// and the report, and fails on any console error. Screenshots go to test-results/.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web package to www/pkg/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const www = join(here, "../../www");
const results = join(here, "../../test-results");
const pkg = join(here, "../../pkg");
// /morphology/ is the page over the morphology build, with the dictionary in dict/.
const morphology = existsSync(join(pkg, "web-morphology/seisho_wasm.js")) && existsSync(join(pkg, "dict/metadata.json"));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

let server, base, context, userDataDir;

before(async () => {
  server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let root = www;
    if (path.startsWith("/morphology/")) {
      path = path.slice("/morphology".length);
      if (path.startsWith("/pkg/")) [root, path] = [join(pkg, "web-morphology"), path.slice(4)];
      else if (path.startsWith("/dict/")) [root, path] = [join(pkg, "dict"), path.slice(5)];
    }
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  userDataDir = mkdtempSync(join(tmpdir(), "seisho-e2e-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run",
    ],
    viewport: { width: 1200, height: 900 },
  });
  mkdirSync(results, { recursive: true });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test("type a draft, see the highlights, fix, read the report", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  // Nothing but the local server.
  await page.route((url) => !url.href.startsWith(base) && !url.href.startsWith("data:"), (route) => {
    problems.push(`outside request: ${route.request().url()}`);
    return route.abort();
  });

  await page.goto(`${base}?empty`);
  await page.waitForSelector("body[data-ready=true]");
  const draft = page.locator("#draft");
  await draft.click();
  const text = "ｻｰﾊﾞを再起動し、、設定を確認する。\n今日は晴れです。";
  await page.keyboard.type(text, { delay: 5 });
  await assert.doesNotReject(page.waitForFunction(() => document.querySelectorAll("#backdrop mark").length === 2));

  const marks = page.locator("#backdrop mark");
  assert.deepEqual(await marks.evaluateAll((ms) => ms.map((m) => [m.dataset.rule, m.textContent])), [
    ["halfwidth-kana", "ｻｰﾊﾞ"],
    ["duplicated-punctuation", "、"],
  ]);
  // The highlight lies exactly over the text it marks: the mark's box starts where the
  // textarea's text starts.
  const first = await marks.first().boundingBox();
  assert.ok(first.width > 10 && first.height > 10);
  const title = await marks.first().getAttribute("title");
  assert.match(title, /^halfwidth-kana \(error\): 「ｻｰﾊﾞ」 → 「サーバ」/);
  await marks.first().hover();
  assert.equal(await page.locator("#diagnostics li.active .rule").textContent(), "halfwidth-kana");
  assert.equal(await page.locator("#diagnostics li").count(), 2);
  await page.screenshot({ path: join(results, "page-draft.png"), fullPage: true });

  // The report: two sentences, one histogram bin of two, kanji in the grade bar.
  const figures = await page.locator("#figures").innerText();
  assert.match(figures, /Sentences\s+2/);
  assert.equal(
    await page.locator("#histogram rect.bin").evaluateAll((rs) => rs.reduce((n, r) => n + Number(r.dataset.count), 0)),
    2,
  );
  assert.ok((await page.locator("#kanji rect.band").count()) >= 2);
  assert.ok(await page.locator("#gauge-level").textContent());

  // Click the first highlight: its fix is applied.
  await marks.first().click();
  await page.waitForFunction(() => document.querySelectorAll("#backdrop mark").length === 1);
  assert.equal(await draft.inputValue(), "サーバを再起動し、、設定を確認する。\n今日は晴れです。");
  assert.equal(await marks.first().getAttribute("data-rule"), "duplicated-punctuation");

  // The button applies the rest.
  await page.locator("#fix-all").click();
  await page.waitForFunction(() => document.querySelectorAll("#backdrop mark").length === 0);
  assert.equal(await draft.inputValue(), "サーバを再起動し、設定を確認する。\n今日は晴れです。");
  assert.equal(await page.locator("#diagnostics li").count(), 0);
  assert.ok(await page.locator("#fix-all").isDisabled());
  assert.match(await page.locator("#status").textContent(), /^0 diagnostics/);
  assert.match(await page.locator("#figures").innerText(), /読点 per sentence\s+0\.50/);

  // Typing again lints again.
  await draft.press("End");
  await page.keyboard.type("ＡＢＣ");
  await page.waitForFunction(() => document.querySelector("#backdrop mark")?.dataset.rule === "fullwidth-ascii");
  await page.screenshot({ path: join(results, "page.png"), fullPage: true });

  assert.deepEqual(problems, []);
  await page.close();
});

test("the sample page loads with no error and no outside request", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  assert.ok((await page.locator("#backdrop mark").count()) >= 4);
  await page.screenshot({ path: join(results, "page-sample.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the dictionary loads on demand, with progress, and turns on jReadability", { skip: !morphology, timeout: 180_000 }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  const dictionaryRequests = [];
  page.on("request", (r) => { if (r.url().includes("/dict/")) dictionaryRequests.push(r.url()); });
  await page.goto(`${base}morphology/?empty`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
  // Lazily: nothing of the dictionary is fetched before the button is pressed.
  assert.deepEqual(dictionaryRequests, []);
  await page.locator("#draft").click();
  await page.keyboard.type("私は彼は好きだ。");
  await page.waitForFunction(() => document.getElementById("draft").value === "私は彼は好きだ。");
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#backdrop mark[data-rule="no-doubled-joshi"]').count(), 0);
  assert.match(await page.locator("#gauge-level").textContent(), /needs the dictionary/);

  const button = page.locator("#load-dictionary");
  assert.ok(await button.isEnabled());
  await button.click();
  await page.waitForFunction(() => /loaded|not load/.test(document.getElementById("dictionary-status").textContent), null, { timeout: 120_000 });
  assert.match(await page.locator("#dictionary-status").textContent(), /loaded/);
  // The progress bar moved on as the files came in.
  assert.ok(Number(await page.locator("#dictionary-progress").getAttribute("data-updates")) > 9);
  assert.equal(dictionaryRequests.length, 9);
  await page.waitForSelector('#backdrop mark[data-rule="no-doubled-joshi"]');
  assert.match(await page.locator("#gauge-score").textContent(), /^-?\d+\.\d\d$/);
  assert.doesNotMatch(await page.locator("#figures").innerText(), /jReadability\s+–/);
  await page.screenshot({ path: join(results, "page-dictionary.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
