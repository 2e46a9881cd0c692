// The page as a writing tool, in Chromium: the popover of a report (keyboard, mouse, tap),
// a click that places the caret and never changes the text, every report highlighted, the
// fix-all preview, the rule settings (kept, exported as seisho.toml that the command line
// reads), copy and download, the exports, the draft kept, the Worker, IME compositions, and
// the latest text winning over a stale check.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web packages to www/pkg/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  load, open, rendered, setDraft, useBrowser,
} from "./harness.mjs";

let server, browser;
useBrowser((s, b) => {
  [server, browser] = [s, b];
});

const TEXT = "ｻｰﾊﾞを再起動し、、設定を確認する。\n今日は晴れです。";

/** The reports listed: [rule, message]. */
const listed = (page) => page.locator("#reports button.report").evaluateAll((bs) =>
  bs.map((b) => [b.dataset.rule, b.querySelector(".message").textContent]));

/** Each mark's report index (its block's base plus its own index). */
const markedReports = (page) => page.locator("#backdrop mark").evaluateAll((ms) =>
  ms.map((m) => Number(m.closest(".block").dataset.base) + Number(m.dataset.i)));

test("Tab to a report: its popover shows the rule and the change; Enter, Escape, fix from the keyboard", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  await setDraft(page, TEXT);
  assert.deepEqual((await listed(page)).map(([rule]) => rule), ["halfwidth-kana", "duplicated-punctuation"]);
  await page.locator("#draft").focus();
  await page.keyboard.press("Tab"); // the Reports tab
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-reports");
  await page.keyboard.press("Tab"); // the first report
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "halfwidth-kana");
  const popover = page.locator("#popover");
  await popover.waitFor({ state: "visible" });
  assert.match(await popover.locator(".rule-id").textContent(), /^halfwidth-kana$/);
  // The rule's Japanese name beside its id.
  assert.match(await popover.locator(".rule-name").textContent(), /^[\u3040-\u30ff\u4e00-\u9fff]/);
  // Before → after, with the code points of a short change.
  assert.equal(await popover.locator(".change del .glyph").allTextContents().then((g) => g.join("")), "ｻｰﾊﾞ");
  assert.equal(await popover.locator(".change ins .glyph").allTextContents().then((g) => g.join("")), "サーバ");
  assert.deepEqual(await popover.locator(".change del code").allTextContents(), ["U+FF7B", "U+FF70", "U+FF8A", "U+FF9E"]);
  assert.deepEqual(await popover.locator(".change ins code").allTextContents(), ["U+30B5", "U+30FC", "U+30D0"]);
  assert.equal(await popover.locator("[data-action=fix]").textContent(), "Fix");
  // The popover lies by the highlight, which is marked active.
  const mark = await page.locator("#backdrop mark.active").first().boundingBox();
  const box = await popover.boundingBox();
  assert.ok(Math.abs(box.y - (mark.y + mark.height)) < 12, `popover at ${box.y}, mark ends at ${mark.y + mark.height}`);

  // Arrow down: the next report, its popover.
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "duplicated-punctuation");
  assert.equal(await popover.locator(".rule-id").textContent(), "duplicated-punctuation");
  assert.equal(await popover.locator(".change ins").count(), 0, "the fix deletes");
  assert.match(await popover.locator(".change").textContent(), /^、 U\+3001 → \(deleted\)$/);
  // Enter: the focus in the popover; Escape: back to the report.
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), "fix");
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "duplicated-punctuation");
  // Enter, then Enter on Fix: fixed, and the focus is back in the list.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await rendered(page, "ｻｰﾊﾞを再起動し、設定を確認する。\n今日は晴れです。");
  assert.deepEqual((await listed(page)).map(([rule]) => rule), ["halfwidth-kana"]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "halfwidth-kana");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a click on a highlight places the caret and shows its popover; the text never changes", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  // A long sentence (sentence-length) with a report inside it.
  const long = `ｻｰﾊﾞの${"あいうえおかきくけこ".repeat(12)}。`;
  const text = `${long}\n${TEXT}`;
  await setDraft(page, text);
  const draft = page.locator("#draft");
  const reports = await listed(page);
  assert.ok(reports.some(([rule]) => rule === "sentence-length"), JSON.stringify(reports));
  // Every report has its mark, the nested ones too.
  assert.equal(new Set(await markedReports(page)).size, reports.length);

  // A click in the halfwidth-kana highlight (inside the long sentence's).
  const kana = page.locator("#backdrop mark.error").first();
  const box = await kana.boundingBox();
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
  assert.equal(await draft.inputValue(), text);
  const [start, end] = await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]);
  assert.equal(start, end, "a caret, not a selection");
  assert.ok(start >= 1 && start <= 4, `the caret at ${start}, in ｻｰﾊﾞ`);
  const popover = page.locator("#popover");
  await popover.waitFor({ state: "visible" });
  // Innermost first: the kana, then the long sentence.
  assert.deepEqual(await popover.locator(".rule-id").allTextContents(), ["halfwidth-kana", "sentence-length"]);

  // Escape closes the popover; a click inside the long sentence, away from the kana: a
  // caret there.
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "hidden" });
  const wide = page.locator("#backdrop mark.wide").first();
  const rects = await wide.evaluate((m) => [...m.getClientRects()].map((r) => [r.x, r.y, r.width, r.height]));
  const [x, y, w, h] = rects.at(-1);
  await page.mouse.click(x + w / 2, y + h / 2);
  const [s2, e2] = await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]);
  assert.equal(s2, e2);
  assert.ok(s2 > 10 && s2 < long.length, `the caret at ${s2}, in the long sentence`);
  assert.deepEqual(await popover.locator(".rule-id").allTextContents(), ["sentence-length"]);
  assert.equal(await draft.inputValue(), text);
  // Typing goes where the caret is, and closes the popover.
  await page.keyboard.type("X");
  await popover.waitFor({ state: "hidden" });
  assert.equal(await draft.inputValue(), `${text.slice(0, s2)}X${text.slice(s2)}`);

  // Hover: the popover of the report under the mouse.
  await rendered(page);
  const mark = await page.locator("#backdrop mark.error").last().boundingBox();
  await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await popover.waitFor({ state: "visible" });
  assert.equal(await popover.locator(".rule-id").first().textContent(), "duplicated-punctuation");
  await page.mouse.move(5, 5);
  await popover.waitFor({ state: "hidden" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("every report gets marks that cover exactly its range, however the ranges nest, cross or are empty", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  // The highlights module itself, on random ranges over a text of several blocks.
  const failures = await page.evaluate(async () => {
    const { Highlights } = await import("./highlights.js");
    let seed = 7;
    const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    const text = Array.from({ length: 400 }, (_, i) => `${i}行目の文です、読点があります。${"あ".repeat(random(60))}\n`).join("");
    const severities = ["error", "warning", "info"];
    const reports = Array.from({ length: 600 }, () => {
      const start = random(text.length);
      const length = [0, 1, 3, 20, 200, 5000][random(6)];
      return { range: { start, end: Math.min(text.length, start + length) }, severity: severities[random(3)] };
    }).sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
    // A second backdrop (the selectors are #backdrop's), in the page's flow.
    const backdrop = document.createElement("div");
    backdrop.id = "backdrop";
    backdrop.style.cssText = "position: static; contain: none; overflow: visible; width: 40rem";
    document.body.prepend(backdrop);
    const highlights = new Highlights(backdrop);
    await highlights.render(text, reports);
    const failed = [];
    if (backdrop.textContent !== `${text}\u200b`) failed.push("the text");
    if (highlights.blocks.length < 5) failed.push(`${highlights.blocks.length} blocks`);
    reports.forEach((r, i) => {
      const marks = highlights.marksOf(i, r.range);
      const covered = marks.map((m) => m.textContent).join("");
      if (!marks.length || covered !== text.slice(r.range.start, r.range.end)) failed.push(`report ${i} ${JSON.stringify(r.range)}: ${marks.length} marks`);
    });
    // Hit-testing finds a report's innermost mark at its place.
    const single = reports.findIndex((r) => r.range.end - r.range.start === 1);
    const mark = highlights.marksOf(single, reports[single].range)[0];
    mark.scrollIntoView({ block: "center" });
    const rect = mark.getBoundingClientRect();
    const found = highlights.at(rect.x + rect.width / 2, rect.y + rect.height / 2);
    if (!found.includes(single)) failed.push(`at(): ${found} without ${single}`);
    backdrop.remove();
    return failed;
  });
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a click on a report selects its place in the text; ignore and turn off from the popover", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  const text = `${"今日は晴れです。\n".repeat(60)}ｻｰﾊﾞを再起動し、、設定を確認する。ＡＢＣ`;
  await setDraft(page, text);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#reports button[data-rule="halfwidth-kana"]').click();
  const draft = page.locator("#draft");
  const at = text.indexOf("ｻｰﾊﾞ");
  assert.deepEqual(await draft.evaluate((d) => [d.selectionStart, d.selectionEnd]), [at, at + 4]);
  assert.ok(await page.evaluate(() => window.scrollY) > 300, "scrolled to the place");
  const mark = await page.locator("#backdrop mark.error").first().boundingBox();
  assert.ok(mark.y > 0 && mark.y < 900, `the highlight in view: ${mark.y}`);
  // The reports panel stays in view.
  const side = await page.locator("#side").boundingBox();
  assert.ok(side.y >= 0 && side.y < 20, `the panel at ${side.y}`);

  // Ignore: the report goes (and stays gone after a reload); it can be shown again.
  const popover = page.locator("#popover");
  await popover.waitFor({ state: "visible" });
  await popover.locator("[data-action=ignore]").click();
  await page.waitForFunction(() => !document.querySelector('#reports [data-rule="halfwidth-kana"]'));
  assert.equal(await draft.inputValue(), text);
  assert.match(await page.locator("#ignored").textContent(), /1 ignored/);
  await page.goto(server.base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#draft").inputValue(), text);
  assert.equal(await page.locator('#reports [data-rule="halfwidth-kana"]').count(), 0);
  await page.locator("#restore-ignored").click();
  await page.waitForSelector('#reports [data-rule="halfwidth-kana"]');

  // Turn the rule off: its reports go, and the settings say so.
  await page.locator('#reports button[data-rule="fullwidth-ascii"]').click();
  await popover.locator("[data-action=rule-off]").click();
  await page.waitForFunction(() => !document.querySelector('#reports [data-rule="fullwidth-ascii"]') &&
    document.body.dataset.rendered === "true");
  assert.equal(await page.locator('#backdrop mark').count(), 2);
  await page.locator("#open-settings").click();
  assert.equal(await page.locator('#rule-settings input[data-rule="fullwidth-ascii"]').isChecked(), false);
  assert.match(await page.locator("#toml").textContent(), /^fullwidth-ascii = false$/m);
  assert.deepEqual(problems, []);
  await context.close();
});

test("fix all: a preview of every change first, the unsafe ones only when asked for; undo reverts it", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  const text = "ｻｰﾊﾞを再起動し、、設定を確認する。力メラを買う。ＡＢＣ";
  await setDraft(page, text);
  const fixable = await page.locator("#reports button.report").count();
  await page.locator("#fix-all").click();
  const dialog = page.locator("#fix-all-dialog");
  await dialog.waitFor({ state: "visible" });
  const rows = dialog.locator("#fix-all-list li:not([hidden])");
  // The safe fixes: before → after in their context; the unsafe one (力メラ) hidden.
  assert.equal(await rows.count(), 3);
  assert.equal(await rows.nth(0).locator("del").textContent().then((s) => s.replace(/U\+\w+|\s/g, "")), "ｻｰﾊﾞ");
  assert.equal(await rows.nth(0).locator("ins").textContent().then((s) => s.replace(/U\+\w+|\s/g, "")), "サーバ");
  assert.equal(await rows.nth(2).locator("del .glyph").allTextContents().then((g) => g.join("")), "ＡＢＣ");
  assert.equal(await rows.nth(2).locator("ins .glyph").allTextContents().then((g) => g.join("")), "ABC");
  assert.equal(await page.locator("#fix-all-apply").textContent(), "Apply 3 changes");
  assert.equal(await page.locator("#draft").inputValue(), text, "nothing changed yet");
  // With the unsafe ones: 力 → カ shown, labelled.
  await page.locator("#fix-all-unsafe").check();
  assert.equal(await rows.count(), 4);
  const unsafe = dialog.locator("#fix-all-list li.unsafe");
  assert.match(await unsafe.textContent(), /needs review/);
  assert.match(await unsafe.locator(".change").textContent(), /^力 U\+529B → カ U\+30AB$/);
  // Leave one out: the duplicated 、.
  await rows.nth(1).locator("input").uncheck();
  assert.equal(await page.locator("#fix-all-apply").textContent(), "Apply 3 changes");
  // Cancel changes nothing.
  await page.locator("#fix-all-cancel").click();
  assert.equal(await page.locator("#draft").inputValue(), text);
  assert.equal(fixable, 4);

  await page.locator("#fix-all").click();
  await page.locator("#fix-all-unsafe").check();
  await rows.nth(1).locator("input").uncheck();
  await page.locator("#fix-all-apply").click();
  const fixed = "サーバを再起動し、、設定を確認する。カメラを買う。ABC";
  await rendered(page, fixed);
  assert.match(await page.locator("#message").textContent(), /3 changes applied/);
  assert.deepEqual((await listed(page)).map(([rule]) => rule), ["duplicated-punctuation"]);
  // One edit: undo gives the draft back.
  await page.locator("#draft").focus();
  await page.keyboard.press("Control+z");
  await rendered(page, text);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The command line built beside the wasm packages (.ci/wasm.sh builds it for the
 * dictionary export), if any. */
const cli = join(process.env.CARGO_TARGET_DIR ?? join(import.meta.dirname, "../../../../target"), "debug/seisho");

test("rule settings: kept across reloads, passed to lint, exported as seisho.toml that the command line reads", async (t) => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  const sentence = `ｻｰﾊﾞ${"あいうえおかきくけこ".repeat(9)}。`; // 95 characters
  await setDraft(page, sentence);
  const rules = async () => (await listed(page)).map(([rule]) => rule);
  assert.deepEqual(await rules(), ["halfwidth-kana"]);
  await page.locator("#open-settings").click();
  const dialog = page.locator("#settings-dialog");
  await dialog.waitFor({ state: "visible" });
  assert.ok(await dialog.locator('input[type=checkbox][data-rule="halfwidth-kana"]').isChecked());
  await dialog.locator('input[type=checkbox][data-rule="halfwidth-kana"]').uncheck();
  const max = dialog.locator('input[data-rule="sentence-length"][data-option="max"]');
  assert.equal(await max.inputValue(), "100");
  await max.fill("80");
  await max.press("Tab");
  const toml = await page.locator("#toml").textContent();
  assert.match(toml, /^lang = "en"\n\n\[rules\]$/m);
  assert.match(toml, /^halfwidth-kana = false$/m);
  assert.match(toml, /^sentence-length = \{ max = 80 \}$/m);
  const download = page.waitForEvent("download");
  await page.locator("#download-toml").click();
  const file = await download;
  assert.equal(file.suggestedFilename(), "seisho.toml");
  assert.equal(readFileSync(await file.path(), "utf8"), toml);
  await page.locator("#close-settings").click();
  await page.waitForFunction(() => document.querySelector("#reports button.report")?.dataset.rule === "sentence-length");
  assert.deepEqual(await rules(), ["sentence-length"]);
  assert.match((await listed(page))[0][1], /80/);

  // Kept: a reload has them.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await setDraft(page, sentence);
  assert.deepEqual(await rules(), ["sentence-length"]);
  await page.locator("#open-settings").click();
  assert.equal(await dialog.locator('input[data-rule="sentence-length"][data-option="max"]').inputValue(), "80");
  assert.equal(await dialog.locator('input[type=checkbox][data-rule="halfwidth-kana"]').isChecked(), false);
  // The readability report takes the same maximum.
  await page.locator("#close-settings").click();
  await page.locator("#tab-readability").click();
  assert.match(await page.locator("#figures").innerText(), /Long sentences\s+1 \(over 80\)/);

  // The command line reads the file as the page does.
  if (!existsSync(cli)) {
    t.diagnostic(`no ${cli}: the exported seisho.toml is not run through seisho lint`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), "seisho-toml-"));
    writeFileSync(join(dir, "seisho.toml"), toml);
    writeFileSync(join(dir, "draft.txt"), `${sentence}\n`);
    let out;
    try {
      out = execFileSync(cli, ["lint", "--format", "json", "--no-dictionary", "--config", join(dir, "seisho.toml"), join(dir, "draft.txt")], { encoding: "utf8" });
    } catch (e) {
      out = e.stdout; // exit code 1: an error-level report
    }
    // Its reports, in the same language: the page's.
    const found = [];
    JSON.parse(out, (k, v) => { if (v?.rule && v.message) found.push([v.rule, v.message]); return v; });
    assert.deepEqual(found, await listed(page), out);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the draft grows with its text (field-sizing, or the script where a browser lacks it)", async () => {
  for (const fallback of [false, true]) {
    const { context, page, problems } = await open(browser, server.base);
    if (fallback) {
      await context.addInitScript(() => {
        const supports = CSS.supports.bind(CSS);
        CSS.supports = (...args) => (args[0] === "field-sizing" ? false : supports(...args));
      });
    }
    await load(page, `${server.base}?empty`);
    // Without field-sizing, as in such a browser: only the script can make it grow.
    if (fallback) await page.addStyleTag({ content: "#draft { field-sizing: fixed !important; }" });
    const text = "今日は晴れです。\n".repeat(80);
    await page.locator("#draft").click();
    await page.keyboard.insertText(text);
    await rendered(page, text);
    const [client, scroll, backdrop] = await page.evaluate(() => {
      const draft = document.getElementById("draft");
      return [draft.clientHeight, draft.scrollHeight, document.getElementById("backdrop").clientHeight];
    });
    assert.ok(client > 80 * 25 && client >= scroll, `fallback ${fallback}: ${client} px for ${scroll}`);
    assert.ok(Math.abs(backdrop - client) <= 2, `the backdrop ${backdrop} px, the draft ${client} px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("copy and download the text, export the reports, keep the draft across reloads", async () => {
  const { context, page, problems } = await open(browser, server.base, { permissions: ["clipboard-read", "clipboard-write"] });
  await load(page, `${server.base}?empty`);
  await page.locator("#draft").click();
  await page.keyboard.type(TEXT);
  await rendered(page, TEXT);
  // Copy.
  await page.locator("#copy").click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), TEXT);
  assert.match(await page.locator("#message").textContent(), /Copied/);
  // Download.
  const downloaded = async (button) => {
    const event = page.waitForEvent("download");
    await page.locator(button).click();
    const file = await event;
    return [file.suggestedFilename(), readFileSync(await file.path(), "utf8")];
  };
  assert.deepEqual(await downloaded("#download"), ["seisho-draft.txt", TEXT]);
  // The reports, as JSON and as CSV.
  const [jsonName, json] = await downloaded("#export-json");
  assert.equal(jsonName, "seisho-reports.json");
  const reports = JSON.parse(json);
  assert.deepEqual(reports.map((d) => [d.rule, d.range.start, d.range.end, d.start.line]),
    [["halfwidth-kana", 0, 4, 1], ["duplicated-punctuation", 10, 11, 1]]);
  assert.ok(reports.every((d) => d.name && d.message && d.fix));
  const [csvName, csv] = await downloaded("#export-csv");
  assert.equal(csvName, "seisho-reports.csv");
  const lines = csv.replace(/^\ufeff/, "").trimEnd().split("\r\n");
  assert.equal(lines[0], "line,column,endLine,endColumn,rule,name,severity,message,fix,before,after");
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^1,1,1,5,halfwidth-kana,.*,error,.*,safe,ｻｰﾊﾞ,サーバ$/);
  // The draft is kept: a reload gives it back.
  await page.goto(server.base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#draft").inputValue(), TEXT);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the check runs in a Worker; the latest text wins over a stale check", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  assert.ok(page.workers().some((w) => w.url().endsWith("/worker.js")), page.workers().map((w) => w.url()).join());
  // A long draft, then at once a short one: the long one's result, when it comes, is dropped.
  const checks = Number(await page.evaluate(() => document.body.dataset.checks));
  const long = "ｻｰﾊﾞを再起動し、、設定を確認する。\n".repeat(6000);
  await page.evaluate((t) => {
    const draft = document.getElementById("draft");
    draft.value = t;
    draft.dispatchEvent(new Event("input", { bubbles: true }));
    draft.value = "ＡＢＣ";
    draft.dispatchEvent(new Event("input", { bubbles: true }));
  }, long);
  await rendered(page, "ＡＢＣ");
  assert.deepEqual((await listed(page)).map(([rule]) => rule), ["fullwidth-ascii"]);
  assert.equal(await page.locator("#backdrop").textContent(), "ＡＢＣ\u200b");
  assert.equal(Number(await page.evaluate(() => document.body.dataset.checks)), checks + 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("no check while an IME composition is in progress", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  await setDraft(page, "今日は晴れです。");
  const checks = () => page.evaluate(() => Number(document.body.dataset.checks));
  const before = await checks();
  const draft = page.locator("#draft");
  await draft.dispatchEvent("compositionstart", { data: "" });
  await draft.fill("ＡＢＣ今日は晴れです。");
  await page.waitForTimeout(500);
  assert.equal(await checks(), before, "no check during the composition");
  assert.equal(await page.locator("#backdrop mark").count(), 0);
  assert.equal(await page.evaluate(() => document.body.dataset.rendered), "false");
  await draft.dispatchEvent("compositionend", { data: "ＡＢＣ" });
  await rendered(page, "ＡＢＣ今日は晴れです。");
  assert.equal(await checks(), before + 1);
  assert.deepEqual((await listed(page)).map(([rule]) => rule), ["fullwidth-ascii"]);
  assert.deepEqual(problems, []);
  await context.close();
});
