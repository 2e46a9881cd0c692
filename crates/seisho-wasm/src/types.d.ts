
/** A half-open range `[start, end)`. */
export interface Range { start: number; end: number; }

/** A position: 1-based line and columns. */
export interface Position {
  line: number;
  /** In characters (Unicode scalar values). */
  column: number;
  /** In UTF-16 code units. */
  utf16_column: number;
}

export type Safety = "safe" | "unsafe";
export type Severity = "info" | "warning" | "error";

/** One change of `normalize`. `range` is in UTF-16 code units, `byte_range` in UTF-8 bytes. */
export interface Edit {
  rule: string;
  safety: Safety;
  original: string;
  replacement: string;
  range: Range;
  byte_range: Range;
}

export interface NormalizeOptions {
  /** Apply the unsafe fixes (suggestions) too. */
  unsafeFixes?: boolean;
  waveDash?: "wave-dash" | "fullwidth-tilde";
  /** Run exactly these rules (ids as `seisho rules` lists them). */
  only?: string[];
  enable?: string[];
  disable?: string[];
  /** NFKC for these classes of compatibility characters. */
  compat?: string[];
  collapseExclamations?: boolean;
  /** Confirm kana typo suggestions with the dictionary of `loadDictionary` (default: true). */
  dictionary?: boolean;
}

export interface NormalizeResult {
  text: string;
  changed: boolean;
  /** The edits applied. */
  edits: Edit[];
  /** The unsafe fixes not applied. */
  suggestions: Edit[];
}

export type OptionValue = boolean | number | string | string[];

/** How one rule is configured, as in `seisho.toml`'s `[rules]`. */
export type RuleSetting =
  | boolean
  | "off" | Severity
  | { enabled?: boolean; severity?: Severity; options?: Record<string, OptionValue> };

export interface LintOptions {
  syntax?: "text" | "markdown";
  rules?: Record<string, RuleSetting>;
  /** `fix` only: apply the unsafe fixes too. */
  unsafeFixes?: boolean;
  /** The language of the messages: "en" (default) or "ja". */
  lang?: Lang;
}

/** A language of the messages, rule summaries and pages. */
export type Lang = "en" | "ja";

export interface RulesOptions {
  /** The language of the summaries: "en" (default) or "ja". */
  lang?: Lang;
}

/** One replacement of a fix. */
export interface FixEdit {
  /** UTF-16 code units of the linted text. */
  range: Range;
  replacement: string;
}

export interface Fix { safety: Safety; edits: FixEdit[]; }

/** A problem found: the Rust API's `seisho::lint::Diagnostic` as `seisho lint --format json`
 * prints it, but every range (its own and its fix's) in UTF-16 code units of the text. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** UTF-16 code units of the linted text. */
  range: Range;
  start: Position;
  /** Where it ends (exclusive). */
  end: Position;
  fix: Fix | null;
}

export interface FixResult {
  text: string;
  applied: number;
  rounds: number;
  remaining: Diagnostic[];
}

export interface ApplyResult { text: string; applied: number; }

export interface ScoreOptions {
  /** Score only the prose of a Markdown document. */
  markdown?: boolean;
  /** Sentences longer than this many characters are long (default 100). */
  longSentence?: number;
}

export interface RuleInfo {
  id: string;
  /** The rule's Japanese name, shown beside its id (読点の数 for max-ten). */
  name: string;
  /** In the language asked for. */
  summary: string;
  severity: Severity;
  defaultOn: boolean;
  needsDictionary: boolean;
}

export interface Summary { [key: string]: number }

export interface KanjiBand { grade: string; count: number; share: number; }

/** The readability report: `seisho::score::Report` of the Rust API, field for field (snake_case
 * names, as `seisho score --format json` prints them; ranges in UTF-8 bytes). Fields that need
 * the dictionary are `null` without it and named in `needs_analyzer`. */
export interface Report {
  characters: number;
  paragraphs: number;
  sentence_length: {
    count: number;
    characters: Summary;
    words: Summary | null;
    long_threshold: number;
    long: number;
    morioka: "easy" | "average" | "hard" | string;
  };
  scripts: { [key: string]: unknown };
  toten: { total: number; [key: string]: unknown };
  longest_kanji_run: { [key: string]: unknown } | null;
  kanji_grades: { total: number; bands: KanjiBand[]; grade_for_95_percent: string | null };
  tateishi: {
    score: number; ls: number; la: number; lh: number; lc: number; lk: number; cp: number;
    runs: [number, number, number, number];
  } | null;
  jreadability: {
    score: number; level: string; words: number; sentences: number;
    mean_sentence_words: number; kango_percent: number; wago_percent: number;
    verb_percent: number; particle_percent: number; gairaigo_percent: number;
    konshu_percent: number;
  } | null;
  analyzed: boolean;
  needs_analyzer: string[];
  sentences: Array<{
    range: Range; paragraph: number; characters: number; words: number | null;
    toten: number; kanji_ratio: number;
  }>;
}
