// The page end to end: a static server on 127.0.0.1 over www/, Debian's Chromium driven by
// playwright-core. Types a draft with known mistakes, checks the highlights and their
// descriptions, applies one fix by clicking it and the rest with the button, checks the text
// and the report, and fails on any console error. Screenshots go to test-results/. Then the
// morphology build and the dictionary, which only the button fetches; and it prints the bytes
// a visitor downloads before pressing it.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web packages to www/pkg/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, mkdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const www = join(here, "../../www");
const results = join(here, "../../test-results");
// .ci/wasm.sh gives the page the small build in www/pkg/ and, unless SEISHO_WASM_MORPHOLOGY=0,
// the morphology build in www/pkg/morphology/ and the dictionary's files in www/dict/
// (`seisho dict export`).
const morphology = existsSync(join(www, "dict/metadata.json"));
const morphologyWasm = join(www, "pkg/morphology/seisho_wasm_bg.wasm");
/** What only the dictionary button may fetch: the morphology build and the dictionary. */
const lazy = (url) => /\/pkg\/morphology\/|\/dict\//.test(new URL(url).pathname);
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
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const root = www;
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

test("the sample page loads with no error, no outside request, and only the small build", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  // What a visitor downloads before pressing the button: every response's body.
  const bodies = [];
  page.on("response", (r) => bodies.push(r.body().then((b) => [r.url(), b])));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForLoadState("networkidle");
  assert.ok((await page.locator("#backdrop mark").count()) >= 4);
  await page.screenshot({ path: join(results, "page-sample.png"), fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter(lazy), []);
  assert.ok(requests.some((u) => u === `${base}pkg/seisho_wasm_bg.wasm`), requests.join(" "));

  const responses = await Promise.all(bodies);
  const bytes = responses.reduce((n, [, b]) => n + b.length, 0);
  const gzipped = responses.reduce((n, [, b]) => n + gzipSync(b, { level: 9 }).length, 0);
  console.log(`before the dictionary button: ${responses.length} responses, ${bytes} bytes ` +
    `(${gzipped} bytes with each gzip -9): ` +
    responses.map(([u, b]) => `${new URL(u).pathname} ${b.length}`).join(", "));
  if (morphology) {
    // The point of starting small: less than the morphology build's wasm alone.
    assert.ok(bytes < statSync(morphologyWasm).size, `${bytes} bytes before the button`);
  }
  await page.close();
});

test("the button is disabled and says why without the morphology build", { skip: morphology }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  assert.ok(await page.locator("#load-dictionary").isDisabled());
  assert.match(await page.locator("#dictionary-status").textContent(), /without the morphology build/);
  assert.match(await page.locator("#gauge-level").textContent(), /not in this build/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the morphology build and the dictionary load on demand, with progress, and turn on the words rules and jReadability", { skip: !morphology, timeout: 180_000 }, async () => {
  const page = await context.newPage();
  const problems = [];
  // The first attempt fails on purpose (one file answered 503): the browser logs that response.
  const broken = "/dict/dict.words";
  page.on("console", (m) => {
    if (m.type() === "error" && !(m.text().includes("503") && m.location().url.endsWith(broken))) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const dictionaryRequests = [];
  page.on("request", (r) => { if (r.url().includes("/dict/")) dictionaryRequests.push(r.url()); });
  await page.goto(`${base}?empty`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
  const draft = page.locator("#draft");
  const text = "私は彼は好きだ。力メラを買う。";
  await draft.click();
  await page.keyboard.type(text);
  await page.waitForFunction((t) => document.getElementById("draft").value === t, text);
  // The options and the selection, which the switch of build must keep.
  await page.locator("#markdown").check();
  await draft.evaluate((d) => d.setSelectionRange(3, 5));
  await page.waitForTimeout(300);
  // Lazily: nothing of the morphology build or the dictionary is fetched before the button.
  assert.deepEqual(requests.filter(lazy), []);
  assert.equal(await page.locator('#backdrop mark[data-rule="no-doubled-joshi"]').count(), 0);
  // Without the dictionary 力メラ is an unsafe suggestion.
  assert.match(await page.locator('#backdrop mark[data-rule="kanji-in-katakana"]').getAttribute("title"),
    /^kanji-in-katakana \(\w+\): 「力」 → 「カ」 .* — click to fix \(unsafe\)$/);
  assert.match(await page.locator("#gauge-level").textContent(), /needs the dictionary/);

  // Progress: bytes fetched over the total, to 100%, in two steps.
  const seen = [];
  await page.exposeFunction("seenProgress", (text) => seen.push(text));
  await page.evaluate(() => new MutationObserver(() =>
    window.seenProgress(document.getElementById("dictionary-status").textContent))
    .observe(document.getElementById("dictionary-status"), { childList: true, characterData: true, subtree: true }));

  // An error is shown in the page, and the button can be pressed again. The first step, the
  // morphology build, got through: its code was fetched with progress, to 100%.
  const button = page.locator("#load-dictionary");
  await page.route((url) => url.pathname === broken, (route) => route.fulfill({ status: 503, body: "busy" }));
  await button.click();
  await page.waitForFunction(() => /not load/.test(document.getElementById("dictionary-status").textContent));
  assert.match(await page.locator("#dictionary-status").textContent(), /dict\/dict\.words: HTTP 503/);
  assert.ok(await button.isEnabled());
  await page.unrouteAll();
  const wasmRequests = () => requests.filter((u) => u.endsWith("/pkg/morphology/seisho_wasm_bg.wasm"));
  assert.equal(wasmRequests().length, 1);
  const step1 = seen.map((t) => /^Step 1 of 2, the morphology code: [\d.]+ \/ ([\d.]+) MB \((\d+)%\)$/.exec(t)).filter(Boolean);
  assert.ok(step1.length >= 2, `progress seen: ${seen.slice(0, 5).join(" | ")}`);
  assert.equal(Number(step1[0][1]), Number((statSync(morphologyWasm).size / 1e6).toFixed(1)));
  assert.equal(step1.at(-1)[2], "100");
  // The page still runs on the small build: no words rule yet.
  assert.equal(await page.locator('#backdrop mark[data-rule="no-doubled-joshi"]').count(), 0);
  seen.length = 0;
  dictionaryRequests.length = 0;
  await button.click();
  await page.waitForFunction(() => /loaded|not load/.test(document.getElementById("dictionary-status").textContent), null, { timeout: 120_000 });
  assert.match(await page.locator("#dictionary-status").textContent(), /^Dictionary loaded \(\d+\.\d MB\)/);
  assert.equal(dictionaryRequests.length, 10);
  const progress = page.locator("#dictionary-progress");
  assert.equal(await progress.getAttribute("data-percent"), "100");
  assert.equal(await progress.evaluate((p) => p.value), 1);
  assert.ok(Number(await progress.getAttribute("data-updates")) > 9);
  // The build is not fetched again: straight to the second step.
  assert.equal(wasmRequests().length, 1);
  assert.ok(!seen.some((t) => t.startsWith("Step 1")), seen.slice(0, 3).join(" | "));
  const percents = seen.map((t) => /^Step 2 of 2, the dictionary: [\d.]+ \/ ([\d.]+) MB \((\d+)%\)$/.exec(t)).filter(Boolean);
  assert.ok(percents.length > 9, `progress seen: ${seen.slice(0, 5).join(" | ")}`);
  assert.ok(Number(percents[0][1]) > 40, "the total is the whole dictionary (MB)");
  assert.equal(percents.at(-1)[2], "100");
  const numbers = percents.map((m) => Number(m[2]));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), "progress only grows");

  // The words rules and jReadability, and the kana typo confirmed by the dictionary: a safe fix.
  await page.waitForSelector('#backdrop mark[data-rule="no-doubled-joshi"]');
  assert.match(await page.locator('#backdrop mark[data-rule="no-doubled-joshi"]').getAttribute("title"), /^no-doubled-joshi \(/);
  assert.match(await page.locator('#backdrop mark[data-rule="kanji-in-katakana"]').getAttribute("title"), /click to fix \(safe\)$/);
  assert.match(await page.locator("#gauge-score").textContent(), /^-?\d+\.\d\d$/);
  assert.ok(await page.locator("#gauge line").count(), "the gauge has its needle");
  assert.doesNotMatch(await page.locator("#figures").innerText(), /jReadability\s+–/);
  // Nothing of the page's state was lost in the switch: the text, the selection, the options.
  assert.equal(await draft.inputValue(), text);
  assert.deepEqual(await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]), [3, 5]);
  assert.ok(await page.locator("#markdown").isChecked());
  await page.screenshot({ path: join(results, "page-dictionary.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
