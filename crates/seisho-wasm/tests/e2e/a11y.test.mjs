// Accessibility: axe-core finds nothing against WCAG 2.1 A and AA (colour contrast among it)
// in the light and the dark colour schemes, on the page, its popover, the readability panel
// and both dialogs; the focus is visible; on a phone (390 × 844) every tap target is at least
// 44 × 44 px, and a tap on a highlight shows its popover without changing the text.
// Run: node --test tests/e2e/ (after .ci/wasm.sh has copied the web packages to www/pkg/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { axeSource, launch, load, open, rendered, results, serve } from "./harness.mjs";

let server, browser, axe;
before(async () => {
  server = await serve();
  browser = await launch();
  axe = axeSource();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** axe-core's violations of WCAG 2.1 A and AA on the page as it is: "rule: target …". */
async function violations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary.replace(/\s+/g, " ")})`).join("; ")}`);
  });
  return found;
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core: no WCAG A/AA violation (colour contrast included), ${colorScheme} colour scheme`, async () => {
    const { context, page, problems } = await open(browser, server.base, { colorScheme });
    await load(page, server.base);
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), colorScheme === "dark");
    // The sample draft, with a popover open from the keyboard.
    await page.locator("#draft").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.locator("#popover").waitFor({ state: "visible" });
    await page.screenshot({ path: join(results, `a11y-${colorScheme}.png`), fullPage: true });
    assert.deepEqual(await violations(page), [], "the page and a popover");
    // The focus is visible: an outline of 2 px or more on the focused report.
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return [document.activeElement.className, s.outlineStyle, parseFloat(s.outlineWidth)];
    });
    assert.ok(outline[0].includes("report") && outline[1] !== "none" && outline[2] >= 2, JSON.stringify(outline));
    // The readability panel.
    await page.keyboard.press("Escape");
    await page.locator("#tab-readability").click();
    assert.deepEqual(await violations(page), [], "the readability panel");
    await page.locator("#tab-reports").click();
    // The dialogs.
    await page.locator("#fix-all").click();
    await page.locator("#fix-all-unsafe").check();
    assert.deepEqual(await violations(page), [], "fix all");
    await page.keyboard.press("Escape");
    await page.locator("#open-settings").click();
    assert.deepEqual(await violations(page), [], "rule settings");
    await page.keyboard.press("Escape");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** The visible interactive elements whose box (a checkbox's: its label's) is under 44 px. */
const smallTargets = (page) => page.evaluate(() => {
  const small = [];
  for (const e of document.querySelectorAll("button, a[href], input, select, textarea, summary, [tabindex='0']")) {
    const target = e.matches("input[type=checkbox], input[type=radio]") ? e.closest("label") ?? e : e;
    const r = target.getBoundingClientRect();
    if (!r.width || !r.height || !target.checkVisibility()) continue;
    if (r.width < 44 || r.height < 44) small.push(`${e.id || e.className || e.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
});

test("on a phone: tap targets of 44 × 44 px at least; a tap on a highlight shows its popover", async () => {
  const { context, page, problems } = await open(browser, server.base, {
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  await load(page, server.base);
  const text = await page.locator("#draft").inputValue();
  assert.deepEqual(await smallTargets(page), [], "the page");
  // No horizontal scrolling.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  // A tap on a highlight: the caret there, its popover, the text as it was.
  const mark = await page.locator("#backdrop mark").first().boundingBox();
  await page.touchscreen.tap(mark.x + mark.width / 2, mark.y + mark.height / 2);
  const popover = page.locator("#popover");
  await popover.waitFor({ state: "visible" });
  assert.equal(await page.locator("#draft").inputValue(), text);
  const box = await popover.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the popover within the screen: ${JSON.stringify(box)}`);
  assert.deepEqual(await smallTargets(page), [], "the popover");
  await page.screenshot({ path: join(results, "phone-popover.png") });
  // Its Fix button, tapped: fixed.
  await popover.locator("[data-action=fix]").tap();
  await page.waitForFunction((t) => document.getElementById("draft").value !== t, text);
  await rendered(page);
  await page.locator("#tab-readability").tap();
  assert.deepEqual(await smallTargets(page), [], "the readability panel");
  await page.locator("#tab-reports").tap();
  await page.locator("#fix-all").tap();
  assert.deepEqual(await smallTargets(page), [], "fix all");
  await page.locator("#fix-all-cancel").tap();
  await page.locator("#open-settings").tap();
  assert.deepEqual(await smallTargets(page), [], "rule settings");
  await page.screenshot({ path: join(results, "phone-settings.png") });
  assert.deepEqual(problems, []);
  await context.close();
});
