// The page's language: Japanese under a Japanese browser (locale ja-JP), English otherwise;
// the diagnostics' messages and the rules' summaries in the same language; the header's button
// switches, and the choice is kept.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web packages to www/pkg/).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  load, open, setDraft, useBrowser,
} from "./harness.mjs";

let server, browser;
useBrowser((s, b) => {
  [server, browser] = [s, b];
});

const TEXT = "ｻｰﾊﾞを再起動し、、設定を確認する。";
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Japanese text with no ASCII word of three letters or more: no English sentence. */
const ONLY_JAPANESE = (s) => JAPANESE.test(s) && !/[A-Za-z]{3,} [A-Za-z]{3,}/.test(s.replace(/[\w-]+-[\w-]+|seisho(\.toml)?|IPADIC|jReadability|Markdown|JSON|CSV|SEISHO_WASM_MORPHOLOGY=0/g, ""));

/** The page's visible strings: the text of the header, toolbar, panels and the popover. */
const strings = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  title: document.title,
  intro: document.querySelector("header p").textContent,
  buttons: [...document.querySelectorAll(".toolbar button, .tabs button, #reports-panel > .row button")]
    .filter((b) => b.checkVisibility()).map((b) => b.textContent.trim()),
  placeholder: document.getElementById("draft").placeholder,
  label: document.getElementById("draft").getAttribute("aria-label"),
  status: document.getElementById("status").textContent,
  messages: [...document.querySelectorAll("#reports .message")].map((m) => m.textContent),
  popover: document.getElementById("popover").innerText,
}));

test("Japanese under a Japanese browser: the page's strings, the messages, the rules", async () => {
  const { context, page, problems } = await open(browser, server.base, { locale: "ja-JP" });
  await load(page, `${server.base}?empty`);
  await setDraft(page, TEXT);
  await page.locator("#reports button.report").first().focus();
  await page.locator("#popover").waitFor({ state: "visible" });
  const s = await strings(page);
  assert.equal(s.lang, "ja");
  assert.deepEqual(s.buttons, ["すべて修正…", "コピー", "ダウンロード", "ルール設定…", "指摘 (2)", "読みやすさ", "JSON で書き出す", "CSV で書き出す"]);
  assert.equal(s.placeholder, "ここに文章を書くか貼り付けてください。");
  assert.equal(s.label, "下書き");
  assert.match(s.status, /^指摘 2 件/);
  for (const text of [s.title, s.intro]) assert.ok(ONLY_JAPANESE(text), text);
  // The messages and the popover are Japanese too, with the rule's Japanese name beside its id.
  for (const m of s.messages) assert.ok(ONLY_JAPANESE(m), m);
  assert.match(s.popover, /修正案/);
  assert.match(s.popover, /無視/);
  assert.match(s.popover, /このルールを無効に/);
  assert.ok(JAPANESE.test(await page.locator("#popover .rule-name").textContent()), "the rule's Japanese name");
  assert.equal(await page.locator("#popover [data-action=fix]").textContent(), "修正");
  // The settings: each rule's name and summary in Japanese.
  await page.locator("#open-settings").click();
  const summaries = await page.locator("#rule-settings .summary").allTextContents();
  assert.ok(summaries.length > 20);
  const japanese = summaries.filter(ONLY_JAPANESE);
  assert.equal(japanese.length, summaries.length, summaries.filter((x) => !ONLY_JAPANESE(x)).join(" | "));
  assert.ok((await page.locator("#rule-settings .rule-name").allTextContents()).every((n) => JAPANESE.test(n)));
  assert.match(await page.locator("#toml").textContent(), /^# seisho のページで.*\nlang = "ja"\n/);
  await page.locator("#close-settings").click();
  // The readability panel.
  await page.locator("#tab-readability").click();
  assert.match(await page.locator("#figures").innerText(), /文の数\s+1/);
  assert.deepEqual(await page.locator("#levels td:first-child").allTextContents(),
    ["上級後半", "上級前半", "中級後半", "中級前半", "初級後半", "初級前半"]);
  assert.deepEqual(await page.locator("#levels td:last-child").allTextContents(),
    ["0.5–1.5", "1.5–2.5", "2.5–3.5", "3.5–4.5", "4.5–5.5", "5.5–6.5"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("English under an English browser; the header's button switches, and the choice is kept", async () => {
  const { context, page, problems } = await open(browser, server.base, { locale: "en-US" });
  await load(page, `${server.base}?empty`);
  await setDraft(page, TEXT);
  const s = await strings(page);
  assert.equal(s.lang, "en");
  assert.deepEqual(s.buttons, ["Fix all…", "Copy", "Download", "Rules…", "Reports (2)", "Readability", "Export JSON", "Export CSV"]);
  assert.match(s.status, /^2 reports/);
  assert.ok(!JAPANESE.test(s.intro), s.intro);
  for (const m of s.messages) assert.match(m, /[A-Za-z]{3,}/, m);
  await page.locator("#open-settings").click();
  const summaries = await page.locator("#rule-settings .summary").allTextContents();
  assert.ok(summaries.every((x) => /[A-Za-z]{4,}/.test(x)), summaries.join(" | "));
  await page.locator("#close-settings").click();

  // The button: Japanese, and still Japanese after a reload.
  assert.equal(await page.locator("#language").textContent(), "日本語");
  await Promise.all([page.waitForEvent("load"), page.locator("#language").click()]);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ja");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ja");
  assert.equal(await page.locator("#language").textContent(), "English");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every message of the page has its Japanese and its English", async () => {
  const { context, page, problems } = await open(browser, server.base);
  await load(page, `${server.base}?empty`);
  const { messages, incomplete } = await page.evaluate(async () => {
    const { MESSAGES, isMessage } = await import("./i18n.js");
    const found = { messages: 0, incomplete: [] };
    const walk = (m, path) => {
      if (!isMessage(m)) {
        for (const [k, v] of Object.entries(m)) walk(v, path ? `${path}.${k}` : k);
        return;
      }
      found.messages++;
      for (const side of ["en", "ja"]) {
        if (!["string", "function"].includes(typeof m[side])) found.incomplete.push(`${path}.${side}`);
      }
      const extra = Object.keys(m).filter((k) => k !== "en" && k !== "ja");
      if (extra.length) found.incomplete.push(`${path}: ${extra.join()}`);
    };
    walk(MESSAGES, "");
    return found;
  });
  assert.ok(messages > 100, `${messages} messages`);
  assert.deepEqual(incomplete, []);
  assert.deepEqual(problems, []);
  await context.close();
});
