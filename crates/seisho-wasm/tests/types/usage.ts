// Type-checks the generated TypeScript declarations (tsc --noEmit --strict, from .ci/wasm.sh).
import init, {
  applyFixes, fix, lint, normalize, rules, score,
  type Diagnostic, type LintOptions, type NormalizeResult, type Report,
} from "../../pkg/web/seisho_wasm.js";

export async function check(): Promise<string> {
  await init();
  const options: LintOptions = {
    syntax: "markdown",
    rules: { "sentence-length": { severity: "error", options: { max: 80 } }, "halfwidth-kana": "off", "ideographic-space": true },
  };
  const diagnostics: Diagnostic[] = lint("ｻｰﾊﾞ", options);
  const first: number = diagnostics[0].range.start + diagnostics[0].start.utf16_column;
  const n: NormalizeResult = normalize("ｶﾞｲﾄﾞ", { waveDash: "fullwidth-tilde", dictionary: false });
  const fixed: string = applyFixes(n.text, diagnostics, { unsafeFixes: false }).text + fix("x").text;
  const report: Report = score("今日は晴れ。", { longSentence: 40 });
  const level: string | undefined = report.jreadability?.level;
  const grades: number = report.kanji_grades.bands.reduce((s, b) => s + b.count, 0);
  return `${first} ${fixed} ${level} ${grades} ${rules().map((r) => r.id).join()}`;
}
