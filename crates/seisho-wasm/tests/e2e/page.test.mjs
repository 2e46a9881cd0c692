// The page end to end: a static server on 127.0.0.1 over www/, Debian's Chromium driven by
// playwright-core. Types a draft with known mistakes, checks the highlights, applies one fix
// from its popover and the rest with "Fix all", checks the text and the readability report,
// and fails on any console error. Screenshots go to test-results/. Then the morphology build
// and the dictionary, which only the button fetches; and it prints the bytes a visitor
// downloads before pressing it.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web packages to www/pkg/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  dictionaryDownloadBytes, lazy, load, morphology, morphologyWasm, open, rendered, results, useBrowser,
} from "./harness.mjs";

let server, browser;
useBrowser((s, b) => {
  [server, browser] = [s, b];
});

/** The highlights: [class, text]. */
const marked = (page) => page.locator("#backdrop mark").evaluateAll((ms) => ms.map((m) => [m.className, m.textContent]));

test("type a draft, see the highlights, fix, read the report", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  const draft = page.locator("#draft");
  await draft.click();
  const text = "ｻｰﾊﾞを再起動し、、設定を確認する。\n今日は晴れです。";
  await page.keyboard.type(text, { delay: 5 });
  await rendered(page, text);

  const marks = page.locator("#backdrop mark");
  assert.deepEqual(await marked(page), [["error", "ｻｰﾊﾞ"], ["error", "、"]]);
  assert.deepEqual(await page.locator("#reports button.report").evaluateAll((bs) => bs.map((b) => b.dataset.rule)),
    ["halfwidth-kana", "duplicated-punctuation"]);
  // The highlight lies exactly over the text it marks: the backdrop holds the same text with
  // the same font and wrapping as the textarea, which is over it.
  const first = await marks.first().boundingBox();
  const area = await draft.boundingBox();
  assert.ok(first.width > 10 && first.height > 10);
  assert.ok(Math.abs(first.x - area.x - 16) < 2 && first.y - area.y < 30, JSON.stringify([first, area]));
  assert.equal(await page.locator("#backdrop").textContent(), `${text}\u200b`);
  // Hovering a highlight (the mouse is over the textarea, which lies over it): its report is
  // active in the list.
  await marks.first().hover({ force: true });
  await page.waitForSelector("#reports button.report.active");
  assert.equal(await page.locator("#reports button.report.active").getAttribute("data-rule"), "halfwidth-kana");
  assert.equal(await page.locator("#count").textContent(), "(2)");
  await page.screenshot({ path: join(results, "page-draft.png"), fullPage: true });

  // The report: two sentences, one histogram bin of two, kanji in the grade bar.
  await page.locator("#tab-readability").click();
  assert.match(await page.locator("#figures").innerText(), /Sentences\s+2/);
  assert.equal(
    await page.locator("#histogram rect.bin").evaluateAll((rs) => rs.reduce((n, r) => n + Number(r.dataset.count), 0)),
    2,
  );
  assert.ok((await page.locator("#kanji rect.band").count()) >= 2);
  assert.ok(await page.locator("#gauge-level").textContent());
  // The longest sentence first; a click selects it in the text.
  assert.deepEqual(await page.locator("#hardest .text").allTextContents(), ["ｻｰﾊﾞを再起動し、、設定を確認する。", "今日は晴れです。"]);
  await page.locator("#hardest button").nth(1).click();
  assert.deepEqual(await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]), [20, 28]);
  await page.locator("#tab-reports").click();

  // The first highlight's popover: Fix applies its fix.
  await marks.first().click({ force: true });
  await page.locator("#popover [data-action=fix]").click();
  await rendered(page, "サーバを再起動し、、設定を確認する。\n今日は晴れです。");
  assert.deepEqual(await marked(page), [["error", "、"]]);

  // Fix all applies the rest, after its preview.
  await page.locator("#fix-all").click();
  await page.locator("#fix-all-apply").click();
  await rendered(page, "サーバを再起動し、設定を確認する。\n今日は晴れです。");
  assert.equal(await marks.count(), 0);
  assert.equal(await page.locator("#reports li").count(), 0);
  assert.ok(await page.locator("#no-reports").isVisible());
  assert.ok(await page.locator("#fix-all").isDisabled());
  assert.match(await page.locator("#status").textContent(), /^0 reports/);
  await page.locator("#tab-readability").click();
  assert.match(await page.locator("#figures").innerText(), /読点 per sentence\s+0\.50/);
  await page.locator("#tab-reports").click();

  // Typing again checks again.
  await draft.press("End");
  await page.keyboard.type("ＡＢＣ");
  await page.waitForSelector('#reports button[data-rule="fullwidth-ascii"]');
  await page.screenshot({ path: join(results, "page.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the sample page loads with no error, no outside request, and only the small build", async () => {
  const { context, page, problems } = await open(browser, server.base);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  // What a visitor downloads before pressing the button: every response's body.
  const bodies = [];
  page.on("response", (r) => bodies.push(r.body().then((b) => [r.url(), b])));
  await load(page, server.base);
  await page.waitForLoadState("networkidle");
  assert.ok((await page.locator("#backdrop mark").count()) >= 4);
  await page.screenshot({ path: join(results, "page-sample.png"), fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter(lazy), []);
  assert.ok(requests.some((u) => u === `${server.base}pkg/seisho_wasm_bg.wasm`), requests.join(" "));
  assert.ok(requests.some((u) => u === `${server.base}worker.js`), requests.join(" "));

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
  await context.close();
});

test("the button is disabled and says why without the morphology build", { skip: morphology }, async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, server.base);
  await page.locator("#tab-readability").click();
  assert.ok(await page.locator("#load-dictionary").isDisabled());
  assert.match(await page.locator("#dictionary-status").textContent(), /without the morphology build/);
  assert.match(await page.locator("#gauge-level").textContent(), /not in this build/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the morphology build and the dictionary load on demand, with progress, and turn on the words rules and jReadability", { skip: !morphology, timeout: 180_000 }, async () => {
  // The first attempt fails on purpose (one file answered 503): the browser logs that response.
  const broken = "/dict/dict.words";
  const { context, page, problems } = await open(browser, server.base, {
    allow: (m) => (m.status ? m.status() === 503 && m.url().endsWith(broken) : m.text().includes("503")),
  });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const dictionaryRequests = [];
  page.on("request", (r) => { if (r.url().includes("/dict/")) dictionaryRequests.push(r.url()); });
  await load(page, `${server.base}?empty`);
  const draft = page.locator("#draft");
  const text = "私は彼は好きだ。力メラを買う。";
  await draft.click();
  await page.keyboard.type(text);
  await rendered(page, text);
  // The options and the selection, which the switch of build must keep.
  await page.locator("#markdown").check();
  await draft.evaluate((d) => d.setSelectionRange(3, 5));
  await rendered(page, text);
  // Lazily: nothing of the morphology build or the dictionary is fetched before the button.
  assert.deepEqual(requests.filter(lazy), []);
  assert.equal(await page.locator('#reports [data-rule="no-doubled-joshi"]').count(), 0);
  // Without the dictionary 力メラ is an unsafe suggestion.
  await page.locator('#reports [data-rule="kanji-in-katakana"]').focus();
  assert.equal(await page.locator("#popover [data-action=fix]").textContent(), "Fix (needs review)");
  assert.match(await page.locator("#popover .change").textContent(), /^力 U\+529B → カ U\+30AB$/);
  await page.locator("#tab-readability").click();
  assert.match(await page.locator("#gauge-level").textContent(), /needs the dictionary/);
  // The button says how much it downloads.
  const button = page.locator("#load-dictionary");
  assert.equal(await button.textContent(), `Load the dictionary (${(dictionaryDownloadBytes() / 1e6).toFixed(1)} MB)`);

  // Progress: bytes fetched over the total, to 100%, in two steps.
  const seen = [];
  await page.exposeFunction("seenProgress", (text) => seen.push(text));
  await page.evaluate(() => new MutationObserver(() =>
    window.seenProgress(document.getElementById("dictionary-status").textContent))
    .observe(document.getElementById("dictionary-status"), { childList: true, characterData: true, subtree: true }));

  // An error is shown in the page, and the button can be pressed again. The first step, the
  // morphology build, got through: its code was fetched with progress, to 100%.
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
  assert.equal(await page.locator('#reports [data-rule="no-doubled-joshi"]').count(), 0);
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
  await page.waitForSelector('#reports [data-rule="no-doubled-joshi"]', { state: "attached" });
  assert.match(await page.locator("#gauge-score").textContent(), /^-?\d+\.\d\d$/);
  assert.ok(await page.locator("#gauge line").count(), "the gauge has its needle");
  // The draft's level is the score report's, marked in the table of the six levels.
  const level = page.locator("#levels tr.current");
  assert.equal(await level.count(), 1);
  assert.equal(await level.locator("td").first().textContent(), await page.locator("#gauge-level").textContent());
  assert.doesNotMatch(await page.locator("#figures").innerText(), /jReadability\s+–/);
  // Nothing of the page's state was lost in the switch: the text, the selection, the options.
  assert.equal(await draft.inputValue(), text);
  assert.deepEqual(await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]), [3, 5]);
  assert.ok(await page.locator("#markdown").isChecked());
  await page.screenshot({ path: join(results, "page-dictionary.png"), fullPage: true });
  await page.locator("#tab-reports").click();
  await page.locator('#reports [data-rule="kanji-in-katakana"]').focus();
  assert.equal(await page.locator("#popover [data-action=fix]").textContent(), "Fix");
  assert.deepEqual(problems, []);
  await context.close();
});
