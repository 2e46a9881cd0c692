// Every string of the page, one table per language: Japanese under a Japanese browser
// (navigator.language ja…), English otherwise, or the language chosen with the header's
// button (kept in this browser). A value is a string with {name} placeholders or a function
// of the same arguments. index.html names its strings with data-i18n (the text) and
// data-i18n-attr ("attribute:key; …").
import { storage } from "./dom.js";

const en = {
  title: "seisho — proofreading Japanese",
  intro: "Write or paste Japanese text: mistakes are underlined as you type. Point at, tap, or Tab to a report for what it means and its fix. Everything runs in this page, offline; the draft and settings stay in this browser.",
  otherLanguage: "日本語",
  otherLanguageLabel: "日本語で表示",
  draft: "Draft",
  placeholder: "Write or paste Japanese text here.",
  toolbar: "Draft actions",
  fixAll: "Fix all…",
  copy: "Copy",
  download: "Download",
  rulesButton: "Rules…",
  loading: "Loading…",
  status: ({ n, ms }) => `${n} report${n === 1 ? "" : "s"}, ${ms} ms`,
  copied: "Copied.",
  copyFailed: ({ message }) => `Could not copy: ${message}`,
  notKept: "The draft is too large to be kept in this browser.",
  startFailed: ({ message }) => `seisho did not start: ${message}`,
  checkFailed: ({ message }) => `The check failed: ${message}`,
  // The side panel.
  sidePanel: "Reports and readability",
  reportsTab: "Reports",
  readabilityTab: "Readability",
  reportsHint: "Enter on a report: what it means and its fix. Click: go to it in the text.",
  exportJson: "Export JSON",
  exportCsv: "Export CSV",
  noReports: "No reports.",
  more: ({ n }) => `Show ${n} more`,
  ignoredCount: ({ n }) => `${n} ignored`,
  restoreIgnored: "Show them again",
  at: ({ line, column }) => `${line}:${column}`,
  atLong: ({ line, column }) => `line ${line}, column ${column}`,
  severity: { error: "error", warning: "warning", info: "info" },
  // The popover.
  popover: "Report",
  close: "Close",
  change: "Change",
  deleted: "(deleted)",
  inserted: "(nothing)",
  noFix: "No automatic fix: edit the text.",
  unsafeNote: "This fix may be wrong in its context: check it before applying it.",
  fix: "Fix",
  unsafeFix: "Fix (needs review)",
  ignore: "Ignore this report",
  ruleOff: "Turn this rule off",
  ruleTurnedOff: ({ name }) => `The rule ${name} is off (Rules… turns it on again).`,
  fixed: ({ n }) => `${n} change${n === 1 ? "" : "s"} applied.`,
  // Fix all.
  fixAllTitle: "Fix all: review the changes",
  fixAllSafe: ({ n }) => `${n} safe fix${n === 1 ? "" : "es"}.`,
  includeUnsafe: ({ n }) => `Also the ${n} fix${n === 1 ? "" : "es"} that need${n === 1 ? "s" : ""} review`,
  unsafeTag: "needs review",
  nothingToFix: "Nothing can be fixed automatically.",
  apply: ({ n }) => `Apply ${n} change${n === 1 ? "" : "s"}`,
  cancel: "Cancel",
  // Rule settings.
  settingsTitle: "Rule settings",
  settingsIntro: "Kept in this browser. Export them as seisho.toml to lint with the same settings on the command line (seisho lint).",
  needsDictionary: "needs the dictionary",
  optionMax: { "sentence-length": "Most characters in a sentence", "max-ten": "Most 読点 (、) in a sentence" },
  reset: "Reset to the defaults",
  tomlTitle: "seisho.toml",
  copyToml: "Copy seisho.toml",
  downloadToml: "Download seisho.toml",
  tomlComment: "Written by the seisho page: its language, and the rules changed from their defaults.",
  // Readability.
  dictionaryIntro: "The rules that read words and jReadability need the dictionary (IPADIC), downloaded only when you press this button.",
  loadDictionary: "Load the dictionary",
  loadDictionarySize: ({ mb }) => `Load the dictionary (${mb} MB)`,
  noMorphology: "This page was built without the morphology build (SEISHO_WASM_MORPHOLOGY=0): character-level rules and metrics only.",
  step: ({ step, what, done, total, percent }) => total
    ? `Step ${step} of 2, ${what}: ${done} / ${total} MB (${percent}%)`
    : `Step ${step} of 2, ${what}: ${done} MB`,
  stepStart: ({ step, what }) => `Step ${step} of 2, ${what}…`,
  morphologyCode: "the morphology code",
  theDictionary: "the dictionary",
  dictionaryFetched: ({ mb }) => `${mb} MB fetched; loading…`,
  dictionaryLoaded: ({ mb }) => `Dictionary loaded (${mb} MB): all rules and jReadability. IPADIC `,
  licence: "licence",
  dictionaryFailed: ({ message }) => `The dictionary did not load: ${message}`,
  gauge: "jReadability gauge",
  needsTheDictionary: "needs the dictionary",
  notInThisBuild: "not in this build",
  hard: "hard",
  easy: "easy",
  levels: {
    "upper-advanced": "upper advanced (上級後半)", "lower-advanced": "lower advanced (上級前半)",
    "upper-intermediate": "upper intermediate (中級後半)", "lower-intermediate": "lower intermediate (中級前半)",
    "upper-elementary": "upper elementary (初級後半)", "lower-elementary": "lower elementary (初級前半)",
  },
  levelsCaption: "The six levels of jReadability",
  level: "Level",
  range: "Score",
  jreadabilityAbout: "jReadability (Lee and Hasebe) rates how easy Japanese is to read for learners, from 0.5 (hardest) to 6.5 (easiest): from the mean sentence length in words and the shares of 漢語 (Sino-Japanese words), 和語 (native words), verbs and particles. It needs the dictionary.",
  tateishiAbout: "Tateishi's RS′ (Tateishi, Ono and Yamada 1988) reads the characters alone: the mean sentence length, the mean lengths of runs of kanji, hiragana, katakana and Latin letters, and the 読点 per sentence. Higher is easier; average newspaper prose is about 50.",
  figures: "Figures",
  characters: "Characters",
  sentences: "Sentences",
  meanSentence: "Mean sentence",
  nCharacters: ({ n }) => `${n} characters`,
  longSentences: "Long sentences",
  over: ({ n, max }) => `${n} (over ${max})`,
  kanjiRatio: "Kanji ratio",
  totenPerSentence: "読点 per sentence",
  tateishi: "Tateishi RS′",
  jreadability: "jReadability",
  hardestTitle: "Longest sentences",
  hardestHint: "Click one to select it in the text.",
  histogram: "Sentence lengths (characters)",
  histogramLabel: "Histogram of sentence lengths",
  kanji: "Kanji by school grade",
  kanjiLabel: "Kanji grade profile",
  noKanji: "no kanji",
  grades: {
    grade1: "grade 1", grade2: "grade 2", grade3: "grade 3", grade4: "grade 4", grade5: "grade 5",
    grade6: "grade 6", secondary: "secondary", jinmeiyo: "jinmeiyō", hyogai: "hyōgai",
  },
};

const ja = {
  title: "seisho — 日本語の校正",
  intro: "日本語の文章を書くか貼り付けてください。入力に合わせて誤りに下線を引きます。下線にポインタを合わせるか、タップするか、指摘の一覧を Tab キーで選ぶと、指摘の意味と修正案が出ます。処理はすべてこのページの中で行い、下書きと設定はこのブラウザにだけ保存します。",
  otherLanguage: "English",
  otherLanguageLabel: "Show in English",
  draft: "下書き",
  placeholder: "ここに文章を書くか貼り付けてください。",
  toolbar: "下書きの操作",
  fixAll: "すべて修正…",
  copy: "コピー",
  download: "ダウンロード",
  rulesButton: "ルール設定…",
  loading: "読み込み中…",
  status: ({ n, ms }) => `指摘 ${n} 件 (${ms} ミリ秒)`,
  copied: "コピーしました。",
  copyFailed: ({ message }) => `コピーできませんでした: ${message}`,
  notKept: "下書きが大きすぎて、このブラウザに保存できません。",
  startFailed: ({ message }) => `seisho を起動できませんでした: ${message}`,
  checkFailed: ({ message }) => `確認できませんでした: ${message}`,
  sidePanel: "指摘と読みやすさ",
  reportsTab: "指摘",
  readabilityTab: "読みやすさ",
  reportsHint: "指摘の上で Enter キー: 意味と修正案。クリック: 本文の該当箇所へ移動。",
  exportJson: "JSON で書き出す",
  exportCsv: "CSV で書き出す",
  noReports: "指摘はありません。",
  more: ({ n }) => `さらに ${n} 件を表示`,
  ignoredCount: ({ n }) => `無視した指摘 ${n} 件`,
  restoreIgnored: "再表示",
  at: ({ line, column }) => `${line}:${column}`,
  atLong: ({ line, column }) => `${line} 行 ${column} 文字目`,
  severity: { error: "エラー", warning: "警告", info: "情報" },
  popover: "指摘",
  close: "閉じる",
  change: "修正案",
  deleted: "(削除)",
  inserted: "(なし)",
  noFix: "自動の修正はありません。本文を直してください。",
  unsafeNote: "文脈によっては誤りになる修正です。確かめてから適用してください。",
  fix: "修正",
  unsafeFix: "要確認の修正",
  ignore: "無視",
  ruleOff: "このルールを無効に",
  ruleTurnedOff: ({ name }) => `ルール「${name}」を無効にしました (ルール設定で戻せます)。`,
  fixed: ({ n }) => `${n} 件を修正しました。`,
  fixAllTitle: "すべて修正: 変更の確認",
  fixAllSafe: ({ n }) => `安全な修正 ${n} 件。`,
  includeUnsafe: ({ n }) => `要確認の修正 ${n} 件も含める`,
  unsafeTag: "要確認",
  nothingToFix: "自動で直せる指摘はありません。",
  apply: ({ n }) => `${n} 件を修正`,
  cancel: "キャンセル",
  settingsTitle: "ルール設定",
  settingsIntro: "このブラウザに保存します。seisho.toml として書き出すと、コマンドライン版 (seisho lint) で同じ設定を使えます。",
  needsDictionary: "辞書が必要",
  optionMax: { "sentence-length": "1 文の最大文字数", "max-ten": "1 文の読点 (、) の最大数" },
  reset: "既定に戻す",
  tomlTitle: "seisho.toml",
  copyToml: "seisho.toml をコピー",
  downloadToml: "seisho.toml をダウンロード",
  tomlComment: "seisho のページで書き出した設定: 表示の言語と、既定から変えたルール。",
  dictionaryIntro: "単語を読むルールと jReadability には辞書 (IPADIC) が必要です。このボタンを押したときだけダウンロードします。",
  loadDictionary: "辞書を読み込む",
  loadDictionarySize: ({ mb }) => `辞書を読み込む (${mb} MB)`,
  noMorphology: "このページは形態素解析なしでビルドされています (SEISHO_WASM_MORPHOLOGY=0)。文字単位のルールと指標だけを使えます。",
  step: ({ step, what, done, total, percent }) => total
    ? `手順 ${step}/2、${what}: ${done} / ${total} MB (${percent}%)`
    : `手順 ${step}/2、${what}: ${done} MB`,
  stepStart: ({ step, what }) => `手順 ${step}/2、${what}…`,
  morphologyCode: "形態素解析のコード",
  theDictionary: "辞書",
  dictionaryFetched: ({ mb }) => `${mb} MB を取得しました。読み込み中…`,
  dictionaryLoaded: ({ mb }) => `辞書を読み込みました (${mb} MB)。すべてのルールと jReadability を使えます。IPADIC の`,
  licence: "ライセンス",
  dictionaryFailed: ({ message }) => `辞書を読み込めませんでした: ${message}`,
  gauge: "jReadability のメーター",
  needsTheDictionary: "辞書が必要",
  notInThisBuild: "このビルドにはありません",
  hard: "難",
  easy: "易",
  levels: {
    "upper-advanced": "上級後半", "lower-advanced": "上級前半",
    "upper-intermediate": "中級後半", "lower-intermediate": "中級前半",
    "upper-elementary": "初級後半", "lower-elementary": "初級前半",
  },
  levelsCaption: "jReadability の 6 段階",
  level: "レベル",
  range: "スコア",
  jreadabilityAbout: "jReadability (李在鎬・長谷部陽一郎) は、日本語学習者にとっての読みやすさを 0.5 (最も難しい) から 6.5 (最もやさしい) で表します。1 文の平均語数と、漢語・和語・動詞・助詞の割合から計算します。辞書が必要です。",
  tateishiAbout: "建石 RS′ (建石・小野・山田 1988) は文字だけから計算します: 文の平均の長さ、漢字・ひらがな・カタカナ・英字の連続の平均の長さ、1 文あたりの読点の数。高いほど読みやすく、新聞の文章の平均がおよそ 50 です。",
  figures: "数値",
  characters: "文字数",
  sentences: "文の数",
  meanSentence: "文の平均の長さ",
  nCharacters: ({ n }) => `${n} 字`,
  longSentences: "長い文",
  over: ({ n, max }) => `${n} (${max} 字超)`,
  kanjiRatio: "漢字の割合",
  totenPerSentence: "1 文あたりの読点",
  tateishi: "建石 RS′",
  jreadability: "jReadability",
  hardestTitle: "長い文",
  hardestHint: "クリックすると本文で選択します。",
  histogram: "文の長さ (文字数) の分布",
  histogramLabel: "文の長さのヒストグラム",
  kanji: "漢字の学年別の割合",
  kanjiLabel: "漢字の学年別の内訳",
  noKanji: "漢字なし",
  grades: {
    grade1: "1年", grade2: "2年", grade3: "3年", grade4: "4年", grade5: "5年", grade6: "6年",
    secondary: "中学以上", jinmeiyo: "人名用", hyogai: "表外",
  },
};

const TABLES = { en, ja };

/** The page's language: the one chosen with the header's button, else the browser's. */
export const lang = storage.get("lang", null) ?? (navigator.language?.toLowerCase().startsWith("ja") ? "ja" : "en");
const table = TABLES[lang] ?? en;

/** The string `key` in the page's language, with `args` in its placeholders. */
export function t(key, args = {}) {
  const value = table[key];
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
