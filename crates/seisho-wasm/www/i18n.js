// Every string of the page, in one table: each message with its Japanese and its English side
// by side (as the Rust catalogue, src/lint/message.rs), so that none exists in one language
// only. Japanese under a Japanese browser (navigator.language ja…), English otherwise, or the
// language chosen with the header's button (kept in this browser). A message is a string
// with {name} placeholders or a function of the same arguments; a group of messages
// (`severity`, `levels`…) is an object of them, each keyed by what it names. index.html names
// its strings with data-i18n (the text) and data-i18n-attr ("attribute:key; …").
import { storage } from "./dom.js";

/** The messages: `{ en, ja }` each, or a group of them. */
export const MESSAGES = {
  title: { en: "seisho — proofreading Japanese", ja: "seisho — 日本語の校正" },
  intro: {
    en: "Write or paste Japanese text: mistakes are underlined as you type. Point at, tap, or Tab to a report for what it means and its fix. Everything runs in this page, offline; the draft and settings stay in this browser.",
    ja: "日本語の文章を書くか貼り付けてください。入力に合わせて誤りに下線を引きます。下線にポインタを合わせるか、タップするか、指摘の一覧を Tab キーで選ぶと、指摘の意味と修正案が出ます。処理はすべてこのページの中で行い、下書きと設定はこのブラウザにだけ保存します。",
  },
  otherLanguage: { en: "日本語", ja: "English" },
  otherLanguageLabel: { en: "日本語で表示", ja: "Show in English" },
  draft: { en: "Draft", ja: "下書き" },
  placeholder: { en: "Write or paste Japanese text here.", ja: "ここに文章を書くか貼り付けてください。" },
  toolbar: { en: "Draft actions", ja: "下書きの操作" },
  fixAll: { en: "Fix all…", ja: "すべて修正…" },
  copy: { en: "Copy", ja: "コピー" },
  download: { en: "Download", ja: "ダウンロード" },
  rulesButton: { en: "Rules…", ja: "ルール設定…" },
  loading: { en: "Loading…", ja: "読み込み中…" },
  status: {
    en: ({ n, ms }) => `${n} report${n === 1 ? "" : "s"}, ${ms} ms`,
    ja: ({ n, ms }) => `指摘 ${n} 件 (${ms} ミリ秒)`,
  },
  copied: { en: "Copied.", ja: "コピーしました。" },
  copyFailed: {
    en: ({ message }) => `Could not copy: ${message}`,
    ja: ({ message }) => `コピーできませんでした: ${message}`,
  },
  notKept: {
    en: "The draft is too large to be kept in this browser.",
    ja: "下書きが大きすぎて、このブラウザに保存できません。",
  },
  startFailed: {
    en: ({ message }) => `seisho did not start: ${message}`,
    ja: ({ message }) => `seisho を起動できませんでした: ${message}`,
  },
  checkFailed: {
    en: ({ message }) => `The check failed: ${message}`,
    ja: ({ message }) => `確認できませんでした: ${message}`,
  },
  // The side panel.
  sidePanel: { en: "Reports and readability", ja: "指摘と読みやすさ" },
  reportsTab: { en: "Reports", ja: "指摘" },
  readabilityTab: { en: "Readability", ja: "読みやすさ" },
  reportsHint: {
    en: "Enter on a report: what it means and its fix. Click: go to it in the text.",
    ja: "指摘の上で Enter キー: 意味と修正案。クリック: 本文の該当箇所へ移動。",
  },
  exportJson: { en: "Export JSON", ja: "JSON で書き出す" },
  exportCsv: { en: "Export CSV", ja: "CSV で書き出す" },
  noReports: { en: "No reports.", ja: "指摘はありません。" },
  more: { en: ({ n }) => `Show ${n} more`, ja: ({ n }) => `さらに ${n} 件を表示` },
  ignoredCount: { en: ({ n }) => `${n} ignored`, ja: ({ n }) => `無視した指摘 ${n} 件` },
  restoreIgnored: { en: "Show them again", ja: "再表示" },
  at: {
    en: ({ line, column }) => `${line}:${column}`,
    ja: ({ line, column }) => `${line}:${column}`,
  },
  atLong: {
    en: ({ line, column }) => `line ${line}, column ${column}`,
    ja: ({ line, column }) => `${line} 行 ${column} 文字目`,
  },
  severity: {
    error: { en: "error", ja: "エラー" },
    warning: { en: "warning", ja: "警告" },
    info: { en: "info", ja: "情報" },
  },
  // The popover.
  popover: { en: "Report", ja: "指摘" },
  close: { en: "Close", ja: "閉じる" },
  change: { en: "Change", ja: "修正案" },
  deleted: { en: "(deleted)", ja: "(削除)" },
  inserted: { en: "(nothing)", ja: "(なし)" },
  noFix: { en: "No automatic fix: edit the text.", ja: "自動の修正はありません。本文を直してください。" },
  unsafeNote: {
    en: "This fix may be wrong in its context: check it before applying it.",
    ja: "文脈によっては誤りになる修正です。確かめてから適用してください。",
  },
  fix: { en: "Fix", ja: "修正" },
  unsafeFix: { en: "Fix (needs review)", ja: "要確認の修正" },
  ignore: { en: "Ignore this report", ja: "無視" },
  ruleOff: { en: "Turn this rule off", ja: "このルールを無効に" },
  ruleTurnedOff: {
    en: ({ name }) => `The rule ${name} is off (Rules… turns it on again).`,
    ja: ({ name }) => `ルール「${name}」を無効にしました (ルール設定で戻せます)。`,
  },
  fixed: {
    en: ({ n }) => `${n} change${n === 1 ? "" : "s"} applied.`,
    ja: ({ n }) => `${n} 件を修正しました。`,
  },
  // Fix all.
  fixAllTitle: { en: "Fix all: review the changes", ja: "すべて修正: 変更の確認" },
  fixAllSafe: {
    en: ({ n }) => `${n} safe fix${n === 1 ? "" : "es"}.`,
    ja: ({ n }) => `安全な修正 ${n} 件。`,
  },
  includeUnsafe: {
    en: ({ n }) => `Also the ${n} fix${n === 1 ? "" : "es"} that need${n === 1 ? "s" : ""} review`,
    ja: ({ n }) => `要確認の修正 ${n} 件も含める`,
  },
  unsafeTag: { en: "needs review", ja: "要確認" },
  nothingToFix: { en: "Nothing can be fixed automatically.", ja: "自動で直せる指摘はありません。" },
  apply: { en: ({ n }) => `Apply ${n} change${n === 1 ? "" : "s"}`, ja: ({ n }) => `${n} 件を修正` },
  cancel: { en: "Cancel", ja: "キャンセル" },
  // Rule settings.
  settingsTitle: { en: "Rule settings", ja: "ルール設定" },
  settingsIntro: {
    en: "Kept in this browser. Export them as seisho.toml to lint with the same settings on the command line (seisho lint).",
    ja: "このブラウザに保存します。seisho.toml として書き出すと、コマンドライン版 (seisho lint) で同じ設定を使えます。",
  },
  needsDictionary: { en: "needs the dictionary", ja: "辞書が必要" },
  optionMax: {
    "sentence-length": { en: "Most characters in a sentence", ja: "1 文の最大文字数" },
    "max-ten": { en: "Most 読点 (、) in a sentence", ja: "1 文の読点 (、) の最大数" },
  },
  reset: { en: "Reset to the defaults", ja: "既定に戻す" },
  tomlTitle: { en: "seisho.toml", ja: "seisho.toml" },
  copyToml: { en: "Copy seisho.toml", ja: "seisho.toml をコピー" },
  downloadToml: { en: "Download seisho.toml", ja: "seisho.toml をダウンロード" },
  tomlComment: {
    en: "Written by the seisho page: its language, and the rules changed from their defaults.",
    ja: "seisho のページで書き出した設定: 表示の言語と、既定から変えたルール。",
  },
  // Readability.
  dictionaryIntro: {
    en: "The rules that read words and jReadability need the dictionary (IPADIC), downloaded only when you press this button.",
    ja: "単語を読むルールと jReadability には辞書 (IPADIC) が必要です。このボタンを押したときだけダウンロードします。",
  },
  loadDictionary: { en: "Load the dictionary", ja: "辞書を読み込む" },
  loadDictionarySize: {
    en: ({ mb }) => `Load the dictionary (${mb} MB)`,
    ja: ({ mb }) => `辞書を読み込む (${mb} MB)`,
  },
  noMorphology: {
    en: "This page was built without the morphology build (SEISHO_WASM_MORPHOLOGY=0): character-level rules and metrics only.",
    ja: "このページは形態素解析なしでビルドされています (SEISHO_WASM_MORPHOLOGY=0)。文字単位のルールと指標だけを使えます。",
  },
  step: {
    en: ({ step, what, done, total, percent }) => total
      ? `Step ${step} of 2, ${what}: ${done} / ${total} MB (${percent}%)`
      : `Step ${step} of 2, ${what}: ${done} MB`,
    ja: ({ step, what, done, total, percent }) => total
      ? `手順 ${step}/2、${what}: ${done} / ${total} MB (${percent}%)`
      : `手順 ${step}/2、${what}: ${done} MB`,
  },
  stepStart: {
    en: ({ step, what }) => `Step ${step} of 2, ${what}…`,
    ja: ({ step, what }) => `手順 ${step}/2、${what}…`,
  },
  morphologyCode: { en: "the morphology code", ja: "形態素解析のコード" },
  theDictionary: { en: "the dictionary", ja: "辞書" },
  dictionaryFetched: {
    en: ({ mb }) => `${mb} MB fetched; loading…`,
    ja: ({ mb }) => `${mb} MB を取得しました。読み込み中…`,
  },
  dictionaryLoaded: {
    en: ({ mb }) => `Dictionary loaded (${mb} MB): all rules and jReadability. IPADIC `,
    ja: ({ mb }) => `辞書を読み込みました (${mb} MB)。すべてのルールと jReadability を使えます。IPADIC の`,
  },
  licence: { en: "licence", ja: "ライセンス" },
  dictionaryFailed: {
    en: ({ message }) => `The dictionary did not load: ${message}`,
    ja: ({ message }) => `辞書を読み込めませんでした: ${message}`,
  },
  gauge: { en: "jReadability gauge", ja: "jReadability のメーター" },
  needsTheDictionary: { en: "needs the dictionary", ja: "辞書が必要" },
  notInThisBuild: { en: "not in this build", ja: "このビルドにはありません" },
  hard: { en: "hard", ja: "難" },
  easy: { en: "easy", ja: "易" },
  levels: {
    "upper-advanced": { en: "upper advanced (上級後半)", ja: "上級後半" },
    "lower-advanced": { en: "lower advanced (上級前半)", ja: "上級前半" },
    "upper-intermediate": { en: "upper intermediate (中級後半)", ja: "中級後半" },
    "lower-intermediate": { en: "lower intermediate (中級前半)", ja: "中級前半" },
    "upper-elementary": { en: "upper elementary (初級後半)", ja: "初級後半" },
    "lower-elementary": { en: "lower elementary (初級前半)", ja: "初級前半" },
  },
  levelsCaption: { en: "The six levels of jReadability", ja: "jReadability の 6 段階" },
  level: { en: "Level", ja: "レベル" },
  range: { en: "Score", ja: "スコア" },
  jreadabilityAbout: {
    en: "jReadability (Lee and Hasebe) rates how easy Japanese is to read for learners, from 0.5 (hardest) to 6.5 (easiest): from the mean sentence length in words and the shares of 漢語 (Sino-Japanese words), 和語 (native words), verbs and particles. It needs the dictionary.",
    ja: "jReadability (李在鎬・長谷部陽一郎) は、日本語学習者にとっての読みやすさを 0.5 (最も難しい) から 6.5 (最もやさしい) で表します。1 文の平均語数と、漢語・和語・動詞・助詞の割合から計算します。辞書が必要です。",
  },
  tateishiAbout: {
    en: "Tateishi's RS′ (Tateishi, Ono and Yamada 1988) reads the characters alone: the mean sentence length, the mean lengths of runs of kanji, hiragana, katakana and Latin letters, and the 読点 per sentence. Higher is easier; average newspaper prose is about 50.",
    ja: "建石 RS′ (建石・小野・山田 1988) は文字だけから計算します: 文の平均の長さ、漢字・ひらがな・カタカナ・英字の連続の平均の長さ、1 文あたりの読点の数。高いほど読みやすく、新聞の文章の平均がおよそ 50 です。",
  },
  figures: { en: "Figures", ja: "数値" },
  characters: { en: "Characters", ja: "文字数" },
  sentences: { en: "Sentences", ja: "文の数" },
  meanSentence: { en: "Mean sentence", ja: "文の平均の長さ" },
  nCharacters: { en: ({ n }) => `${n} characters`, ja: ({ n }) => `${n} 字` },
  longSentences: { en: "Long sentences", ja: "長い文" },
  over: { en: ({ n, max }) => `${n} (over ${max})`, ja: ({ n, max }) => `${n} (${max} 字超)` },
  kanjiRatio: { en: "Kanji ratio", ja: "漢字の割合" },
  totenPerSentence: { en: "読点 per sentence", ja: "1 文あたりの読点" },
  tateishi: { en: "Tateishi RS′", ja: "建石 RS′" },
  jreadability: { en: "jReadability", ja: "jReadability" },
  hardestTitle: { en: "Longest sentences", ja: "長い文" },
  hardestHint: { en: "Click one to select it in the text.", ja: "クリックすると本文で選択します。" },
  histogram: { en: "Sentence lengths (characters)", ja: "文の長さ (文字数) の分布" },
  histogramLabel: { en: "Histogram of sentence lengths", ja: "文の長さのヒストグラム" },
  kanji: { en: "Kanji by school grade", ja: "漢字の学年別の割合" },
  kanjiLabel: { en: "Kanji grade profile", ja: "漢字の学年別の内訳" },
  noKanji: { en: "no kanji", ja: "漢字なし" },
  grades: {
    grade1: { en: "grade 1", ja: "1年" },
    grade2: { en: "grade 2", ja: "2年" },
    grade3: { en: "grade 3", ja: "3年" },
    grade4: { en: "grade 4", ja: "4年" },
    grade5: { en: "grade 5", ja: "5年" },
    grade6: { en: "grade 6", ja: "6年" },
    secondary: { en: "secondary", ja: "中学以上" },
    jinmeiyo: { en: "jinmeiyō", ja: "人名用" },
    hyogai: { en: "hyōgai", ja: "表外" },
  },
};

/** The page's language: the one chosen with the header's button, else the browser's. */
export const lang = storage.get("lang", null) ?? (navigator.language?.toLowerCase().startsWith("ja") ? "ja" : "en");
const side = lang === "ja" ? "ja" : "en";

/** Whether `m` is one message (`{ en, ja }`), not a group of them. */
export const isMessage = (m) => "en" in m || "ja" in m;

/** A message, or each message of a group, in the page's language. */
const inLang = (m) => (isMessage(m) ? m[side] : Object.fromEntries(Object.entries(m).map(([k, v]) => [k, inLang(v)])));

/** The string `key` in the page's language, with `args` in its placeholders (a group of
 * messages: an object of strings). */
export function t(key, args = {}) {
  const value = MESSAGES[key] && inLang(MESSAGES[key]);
  if (typeof value === "function") return value(args);
  if (typeof value === "string") return value.replace(/\{(\w+)\}/g, (_, k) => String(args[k]));
  return value;
}

/** Sets `html lang` and the strings that index.html names with data-i18n(-attr). */
export function translatePage() {
  document.documentElement.lang = lang;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of node.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      node.setAttribute(attr, t(key));
    }
  }
}

/** Shows the page in the other language (kept in this browser). */
export function switchLanguage() {
  storage.set("lang", lang === "ja" ? "en" : "ja");
  location.reload();
}
