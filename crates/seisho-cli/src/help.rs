//! `--help` in the command line's language: the commands' and options' help as `args.rs`
//! writes it (English) and its Japanese, side by side, and the headings. The language is
//! `--lang` when the command line gives it, else the locale's (the `seisho.toml` is not read
//! before the arguments are).

use clap::builder::StyledStr;
use clap::Command;
use seisho::Lang;

/// What `seisho lint --help` says after the options, in Japanese.
const LINT_AFTER: &str = r#"ディレクトリでは .md、.markdown、.txt のファイル（または seisho.toml の [files] が含めるもの）
を探します（.gitignore に従います）。コマンドラインで指定したファイルは必ず検査します。
各ファイルはそれに最も近い seisho.toml（または --config）で検査します：

  [rules]
  max-ten = false                 # 無効
  no-mixed-period = "warning"     # この重大度で有効（"error"、"warning"、"info"）
  [rules.sentence-length]         # `enabled`、`severity` とルールのオプション
  max = 80
  [files]                         # ディレクトリを探すときに検査するファイル
  include = ["*.md", "docs/**/*.txt"]
  exclude = ["vendor", "CHANGELOG.md"]

`/` を含まないパターンはファイル（またはディレクトリ）の名前に、含むものは seisho.toml からの
相対パスに一致します。ルールのオプションは `seisho explain RULE` で確かめられます。

終了コード：重大度 `error` の診断がなければ0、あれば1、使い方や設定の誤り、読めないファイル
があれば2（ほかのファイルは検査を続けます）。"#;

/// What `seisho fix --help` says after the options, in Japanese.
const FIX_AFTER: &str = "\
安全な修正を適用します（--unsafe-fixes なら安全でない修正も）。各ファイルは元の文字コードで、
BOM、改行、権限を保ったままアトミックに書き込みます。残った診断は `seisho lint` と同じく報告
します。`-` のときは、修正したテキストを標準出力に、報告を標準エラーに書きます。

seisho が強制終了されても、ディスクがいっぱいでも、ファイルは古い内容か新しい内容のどちらか
で、混ざることはありません。読み取り専用のファイルや、seisho が読んだ後に変わったファイルは
書き込みません（新しい内容を残します）。強制終了すると NAME の隣に一時ファイル
.NAME.seisho-PID-N.tmp が残ることがあります。ディレクトリを探すときに報告し、検査はしません。
seisho が動いていなければ削除してください。

終了コード：重大度 `error` の診断が残らなければ0、残れば1、使い方や設定の誤り、読めないか
書けないファイルがあれば2（ほかのファイルは修正を続けます）。";

/// Each help text of `args.rs` (and clap's own: help, version) and its Japanese.
const JAPANESE: &[(&str, &str)] = &[
    (crate::args::LINT_HELP, LINT_AFTER),
    (crate::args::FIX_HELP, FIX_AFTER),
    ("Exit status: 0 on success, 1 when --check finds a file that would change, 2 on a usage error or an unreadable or unwritable file.",
     "終了コード：成功なら0、--check で変わるファイルが見つかれば1、使い方の誤りや読み書きできないファイルがあれば2。"),
    ("With --format json, one input prints its report (schema: docs/report.schema.json, or `seisho score --schema`); several print an array of {\"path\", \"report\"} objects.\nExit status: 0 on success, 2 on a usage error or an unreadable file.",
     "`--format json` では、入力が1つならその報告を（スキーマは docs/report.schema.json か `seisho score --schema`）、複数なら {\"path\", \"report\"} のオブジェクトの配列を出力します。\n終了コード：成功なら0、使い方の誤りや読めないファイルがあれば2。"),
    ("Normalize Japanese text: width variants, kana typos, duplicated punctuation",
     "日本語の文章を整えます：全角・半角のゆれ、仮名の打ち間違い、重なった句読点"),
    ("Normalize files and print the result (or show, check or write the changes)",
     "ファイルを正規化して結果を出力します（変更の表示、確認、書き込みも）"),
    ("Report how hard a text is to read: sentence length, kanji ratio and grades, jReadability and Tateishi's score",
     "文章の読みにくさを報告します：文の長さ、漢字の割合と学年、jReadability、建石らの式"),
    ("The IPADIC dictionary built into seisho", "seisho に組み込まれた IPADIC 辞書"),
    ("Write the dictionary's files (about 46 MB) to a directory, for the WebAssembly page to serve and load, or for `seisho_ipadic::load_from_dir`",
     "辞書のファイル（約46 MB）をディレクトリに書き出します（WebAssembly のページから配信して読み込むため、または `seisho_ipadic::load_from_dir` のため）"),
    ("Lint Markdown and text files: report problems with their positions",
     "Markdown とテキストのファイルを検査し、問題をその位置とともに報告します"),
    ("Apply the fixes of `seisho lint` to files in place (or show them with --diff)",
     "`seisho lint` の修正をファイルに書き込みます（--diff で表示のみ）"),
    ("List the lint rules: whether each is on by default, its severity and a summary",
     "検査ルールの一覧：既定で有効か、重大度、概要"),
    ("Run a Language Server over standard input and output, for editors: diagnostics as you type, quick fixes, formatting, and the rules' documentation on hover",
     "エディター向けに標準入出力で言語サーバーを動かします：入力中の診断、クイックフィックス、整形、ホバーでのルールの説明"),
    ("prh dictionaries, which the rule `prh` reads", "ルール `prh` が読む prh の辞書"),
    ("Check the specs of prh dictionaries as prh does (each rule alone turns its `from` into its `to`): print each that fails and how many hold",
     "prh の辞書の `specs` を prh と同じように確かめます（各規則が単独で `from` を `to` にするか）：成り立たないものと、成り立つ数を出力します"),
    ("Exit status: 0 when every spec holds, 1 when one fails, 2 when a dictionary cannot be read.",
     "終了コード：すべての例が成り立てば0、成り立たないものがあれば1、辞書を読めなければ2。"),
    ("The dictionaries (their imports are followed)", "辞書のファイル（インポートもたどります）"),
    ("Print the documentation of a rule: defaults, options, aliases and its page",
     "ルールの説明を表示します：既定値、オプション、別名、説明ページ"),
    ("Print this message or the help of the given subcommand(s)",
     "このメッセージか、指定したサブコマンドのヘルプを表示します"),
    ("Print help (see more with '--help')", "ヘルプを表示します（詳しくは '--help'）"),
    ("Print help (see a summary with '-h')", "ヘルプを表示します（要約は '-h'）"),
    ("Print version", "バージョンを表示します"),
    ("When to color the output", "出力に色を付けるとき"),
    ("The language of messages, rule summaries and pages: ja or en (default: `lang` in seisho.toml, else the locale: LC_ALL, LC_MESSAGES, LANG)",
     "メッセージ、ルールの概要と説明の言語：ja か en（既定は seisho.toml の `lang`、なければロケール：LC_ALL、LC_MESSAGES、LANG）"),
    ("Files to normalize; `-` or none reads standard input",
     "正規化するファイル。`-` か指定なしで標準入力を読みます"),
    ("Files to score; `-` or none reads standard input",
     "評価するファイル。`-` か指定なしで標準入力を読みます"),
    ("Files and directories; `-` or none reads standard input",
     "ファイルとディレクトリ。`-` か指定なしで標準入力を読みます"),
    ("The name standard input goes by: in messages, for its syntax (.md is Markdown) and to find its seisho.toml",
     "標準入力の名前：メッセージに使い、構文（.md なら Markdown）と seisho.toml を探す場所を決めます"),
    ("The encoding of the inputs: `auto` takes UTF-8 when the bytes are valid UTF-8, and otherwise Shift_JIS or EUC-JP, whichever decodes without errors. A file is written back in the encoding it was read in",
     "入力の文字コード：`auto` は正しい UTF-8 なら UTF-8、そうでなければ Shift_JIS と EUC-JP のうち誤りなく読める方です。ファイルは読んだときの文字コードで書き戻します"),
    ("How to read the inputs: `auto` reads .md and .markdown files (and standard input with such a `--stdin-filename`) as Markdown, where only the prose is checked and changed, and everything else as plain text",
     "入力の読み方：`auto` は .md と .markdown のファイル（とそうした `--stdin-filename` の標準入力）を Markdown として読み、本文だけを検査・変更します。ほかはプレーンテキストとして読みます"),
    ("Show each change (path:line:column, rule, before → after) instead of the text",
     "テキストの代わりに各変更（パス:行:列、ルール、変更前 → 変更後）を表示します"),
    ("Change nothing; exit with 1 if any file would change, and name it",
     "何も変更しません。変わるファイルがあれば、その名前を出して終了コード1で終わります"),
    ("Write the result back to each file that changes (atomically)",
     "変わるファイルに結果を書き戻します（アトミックに）"),
    ("Apply unsafe fixes (suggestions) too", "安全でない修正（提案）も適用します"),
    ("Keep to the character rules: do not confirm kana typo suggestions with the dictionary",
     "文字のルールだけを使います：仮名の打ち間違いの提案を辞書で確かめません"),
    ("Your own words (product names, terms), never changed: a user dictionary, CSV of `surface,part of speech,reading` (as `[dictionary] user` in seisho.toml)",
     "自分の語（製品名、用語）。変更しません。ユーザー辞書で、`表層形,品詞,読み` の CSV です（seisho.toml の `[dictionary] user` と同じ）"),
    ("Your own words (product names, terms), each read as one word: a user dictionary, CSV of `surface,part of speech,reading` (as `[dictionary] user` in seisho.toml)",
     "自分の語（製品名、用語）。それぞれを1語として読みます。ユーザー辞書で、`表層形,品詞,読み` の CSV です（seisho.toml の `[dictionary] user` と同じ）"),
    ("Turn a rule on (repeatable, or comma-separated; see `seisho rules`)",
     "ルールを有効にします（くり返し指定か、カンマ区切り。`seisho rules` を参照）"),
    ("Turn a rule off (repeatable, or comma-separated; see `seisho rules`)",
     "ルールを無効にします（くり返し指定か、カンマ区切り。`seisho rules` を参照）"),
    ("The form to write 〜 (U+301C) and ～ (U+FF5E) in",
     "〜（U+301C）と ～（U+FF5E）をどちらの形で書くか"),
    ("Apply NFKC to a class of compatibility characters (repeatable, or comma-separated)",
     "互換文字の種類を指定して NFKC を適用します（くり返し指定か、カンマ区切り）"),
    ("`seisho` (its rules, which never change meaning) or `neologdn` (neologdn 0.5.6's output, spaces between Japanese deleted and tildes removed; reads every input as plain text, as neologdn does)",
     "`seisho`（意味を変えない seisho のルール）か `neologdn`（neologdn 0.5.6 と同じ出力。日本語の間の空白とチルダを削除し、neologdn と同じくどの入力もプレーンテキストとして読みます）"),
    ("`--preset neologdn`: shorten a run of more than N repeats of a substring to N",
     "`--preset neologdn`：部分文字列が N 回を超えて続くものを N 回に縮めます"),
    ("`--preset neologdn`: keep the spaces it deletes (its `remove_space=False`)",
     "`--preset neologdn`：削除する空白を残します（`remove_space=False` と同じ）"),
    ("`--preset neologdn`: the longest substring `--repeat` looks for (0: no limit)",
     "`--preset neologdn`：`--repeat` が探す部分文字列の最大の長さ（0 は無制限）"),
    ("`--preset neologdn`: what to do with tildes", "`--preset neologdn`：チルダの扱い"),
    ("Read JSON Lines (a JSON object per line) and write one record per input line, in order, with the result in a field of the record",
     "JSON Lines（1行に1つの JSON オブジェクト）を読み、入力の1行ごとに1レコードを順に書き出します。結果はレコードのフィールドに入ります"),
    ("With --jsonl: the field that holds the text", "--jsonl のとき：テキストを持つフィールド"),
    ("With --jsonl: the field the result goes in (fmt: the text's own field; lint: `diagnostics`; score: `score`)",
     "--jsonl のとき：結果を入れるフィールド（`fmt` はテキストのフィールド、`lint` は `diagnostics`、`score` は `score`）"),
    ("With --jsonl: what becomes of a bad record (not JSON, not an object, no string in the field). It is reported on standard error with its line either way, and the exit status is 2",
     "--jsonl のとき：不正なレコード（JSON でない、オブジェクトでない、フィールドに文字列がない）の扱い。いずれの場合も行番号とともに標準エラーに報告し、終了コードは2です"),
    ("Output format", "出力の形式"),
    ("Sentences longer than this many characters count as long",
     "この文字数より長い文を長い文として数えます"),
    ("Character-level metrics only: no morphological analysis, so no word counts and no jReadability",
     "文字単位の指標だけにします：形態素解析をしないので、語数と jReadability はありません"),
    ("How many of the longest sentences to show (human format)",
     "表示する最も長い文の数（人が読む形式）"),
    ("Print the JSON Schema of the report and exit", "報告の JSON Schema を表示して終了します"),
    ("Print the JSON Schema of `--format json` and exit",
     "`--format json` の JSON Schema を表示して終了します"),
    ("The directory (created if missing; files of the same names are replaced)",
     "書き出すディレクトリ（なければ作り、同じ名前のファイルは置き換えます）"),
    ("Use this configuration for every file instead of the seisho.toml nearest to it",
     "各ファイルに最も近い seisho.toml の代わりに、この設定をすべてのファイルに使います"),
    ("No morphological analysis: the rules that need words do not run, and kana typos are not confirmed with the dictionary",
     "形態素解析をしません：語を使うルールは動かず、仮名の打ち間違いを辞書で確かめません"),
    ("Only these rules (repeatable, or comma-separated), whatever seisho.toml turns on",
     "seisho.toml の設定にかかわらず、これらのルールだけを使います（くり返し指定か、カンマ区切り）"),
    ("Not these rules (repeatable, or comma-separated)",
     "これらのルールを使いません（くり返し指定か、カンマ区切り）"),
    ("Report errors only: warnings and infos are not shown nor counted",
     "エラーだけを報告します：警告と情報は表示せず、数えもしません"),
    ("Exit with 1 when there are more than N warnings, as when there is an error",
     "警告が N 件を超えたら、エラーがあるときと同じく終了コード1で終わります"),
    ("Show the changes as a unified diff instead of writing them",
     "書き込む代わりに、変更を差分（`diff -u` の形式）で表示します"),
    ("Use this configuration for every document, instead of the `seisho.toml` nearest to each",
     "各文書に最も近い `seisho.toml` の代わりに、この設定をすべての文書に使います"),
    ("Do not load the dictionary: the rules that need morphological analysis do not run",
     "辞書を読み込みません：形態素解析が必要なルールは動きません"),
    ("The rule id or an alias (see `seisho rules`)", "ルールの ID か別名（`seisho rules` を参照）"),
    ("Write a seisho.toml in the working directory: every rule with its defaults, or the equivalent of a textlint configuration",
     "作業ディレクトリに seisho.toml を書きます：すべてのルールと既定値、または textlint の設定に相当するもの"),
    ("Translate this textlint configuration (.textlintrc.json, .textlintrc.yml, .textlintrc or package.json), or the one textlint would read in this directory (default: the working directory)",
     "この textlint の設定（.textlintrc.json、.textlintrc.yml、.textlintrc、package.json）、またはこのディレクトリで textlint が読むもの（既定は作業ディレクトリ）を書き換えます"),
    ("Replace a seisho.toml that is there", "すでにある seisho.toml を置き換えます"),
    ("Print the configuration instead of writing it", "書き込む代わりに設定を表示します"),
    // The values options take.
    ("A summary for a person",
     "人が読むための要約"),
    ("Always color",
     "常に色を付けます"),
    ("By the file's extension",
     "ファイルの拡張子で決めます"),
    ("CJK compatibility ideographs to unified ideographs",
     "CJK 互換漢字を統合漢字に"),
    ("Checkstyle XML (for reviewdog and CI servers)",
     "Checkstyle XML（reviewdog や CI サーバー向け）"),
    ("Color when writing to a terminal (and `NO_COLOR` is unset)",
     "端末に書くとき（`NO_COLOR` がないとき）に色を付けます"),
    ("EUC-JP",
     "EUC-JP の文字コード"),
    ("GitHub Actions workflow commands (annotations on the pull request)",
     "GitHub Actions のワークフローコマンド（プルリクエストへの注釈）"),
    ("Latin ligatures: ﬁ → fi",
     "ラテン文字の合字：ﬁ → fi"),
    ("Left out of the output",
     "出力しません"),
    ("Markdown: code, markup, URLs and front matter are left out",
     "Markdown：コード、マークアップ、URL、フロントマターは対象外です"),
    ("Never color",
     "色を付けません"),
    ("One JSON document (schema: docs/lint.schema.json, or `seisho lint --schema`)",
     "1つの JSON 文書（スキーマは docs/lint.schema.json か `seisho lint --schema`）"),
    ("Plain text",
     "プレーンテキスト"),
    ("SARIF 2.1.0 (GitHub code scanning), columns in UTF-16 code units",
     "SARIF 2.1.0（GitHub のコードスキャン）。列は UTF-16 の単位で数えます"),
    ("Shift_JIS (Windows code page 932)",
     "Shift_JIS（Windows のコードページ 932）"),
    ("Snippets of the source with the problem underlined, and a summary",
     "問題の箇所に下線を引いた原文の抜粋と要約"),
    ("The full report as JSON",
     "すべての報告を JSON で"),
    ("U+301C 〜",
     "U+301C の 〜 を使います"),
    ("U+FF5E ～",
     "U+FF5E の ～ を使います"),
    ("UTF-8 (a BOM is allowed and kept)",
     "UTF-8（BOM があれば残します）"),
    ("UTF-8 if valid, else Shift_JIS or EUC-JP",
     "正しい UTF-8 なら UTF-8、そうでなければ Shift_JIS か EUC-JP"),
    ("Written out unchanged",
     "そのまま出力します"),
    ("circled and parenthesized characters: ① → 1, ㈱ → (株)",
     "丸囲み・括弧付きの文字：① → 1、㈱ → (株)"),
    ("letterlike symbols: ℃ → °C, № → No",
     "文字のような記号：℃ → °C、№ → No"),
    ("neologdn 0.5.6's output (`--repeat`, `--keep-spaces`, `--max-repeat-substr-length`, `--tilde`)",
     "neologdn 0.5.6 と同じ出力（`--repeat`、`--keep-spaces`、`--max-repeat-substr-length`、`--tilde`）"),
    ("number forms and fractions: Ⅲ → III, ½ → 1⁄2",
     "数字の形と分数：Ⅲ → III、½ → 1⁄2"),
    ("reviewdog's Diagnostic Format (`reviewdog -f=rdjson`): fixes as suggestions",
     "reviewdog の診断形式（`reviewdog -f=rdjson`）。修正は提案として"),
    ("seisho's rules, as `--enable`, `--disable` and the other options choose",
     "seisho のルール（`--enable`、`--disable` などのオプションで選びます）"),
    ("squared abbreviations and units: ㍻ → 平成, ㎏ → kg",
     "組文字の略語と単位：㍻ → 平成、㎏ → kg"),
    ("superscripts and subscripts: m² → m2",
     "上付き・下付き文字：m² → m2"),
    ("textlint's JSON formatter's output (`textlint --format json`), for the tools that read it: positions in UTF-16 code units",
     "textlint の JSON 形式（`textlint --format json`）。それを読むツール向けで、位置は UTF-16 の単位で数えます"),
];

/// The Japanese of a help text, if the table has it.
fn japanese(en: &str) -> Option<&'static str> {
    JAPANESE.iter().find(|(e, _)| *e == en).map(|(_, ja)| *ja)
}

/// What clap would add to `arg`'s long help in English (its values, with their help, and its
/// default), in Japanese: `値:` and `- auto: …` a line, `既定値: auto`.
fn japanese_values(arg: &clap::Arg) -> Option<String> {
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let mut parts = Vec::new();
    if values.iter().any(|v| v.get_help().is_some()) {
        let lines: Vec<String> = values
            .iter()
            .map(|v| {
                let help = v.get_help().map(StyledStr::to_string).unwrap_or_default();
                format!("- {}: {}", v.get_name(), japanese(&help).unwrap_or(&help))
            })
            .collect();
        parts.push(format!("値:\n{}", lines.join("\n")));
    } else if !values.is_empty() && arg.get_action().takes_values() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        parts.push(format!("値: {}", names.join("、")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // A flag's default (false) is not shown, as clap does not show it.
    if !defaults.is_empty() && arg.get_action().takes_values() {
        parts.push(format!("既定値: {}", defaults.join("、")));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// `--lang` among `args`, when given: read before clap reads them, since `--help` and clap's
/// errors are made in it.
pub fn lang_flag(args: &[std::ffi::OsString]) -> Option<Lang> {
    // The last one wins, as clap takes it; nothing after `--` is an option.
    let mut words = args.iter().filter_map(|a| a.to_str());
    let mut flag = None;
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            _ if word == "--" => break,
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        flag = value.and_then(Lang::from_id).or(flag);
    }
    flag
}

/// `cmd` (built) with its help in `lang`: English as written, or the Japanese of each text,
/// with the headings in Japanese too.
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    if lang == Lang::Ja {
        cmd = japanese_command(cmd);
    }
    cmd
}

fn japanese_command(cmd: Command) -> Command {
    let about = cmd.get_about().map(StyledStr::to_string);
    let after = cmd.get_after_help().map(StyledStr::to_string);
    let mut cmd = cmd
        .help_template("{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("コマンド")
        .mut_args(|arg| {
            let help = arg.get_help().map(StyledStr::to_string);
            let long = arg.get_long_help().map(StyledStr::to_string);
            let heading = if arg.is_positional() {
                "引数"
            } else {
                "オプション"
            };
            let values = japanese_values(&arg);
            let mut arg = arg.help_heading(heading);
            if let Some(ja) = help.as_deref().and_then(japanese) {
                arg = arg.help(ja);
                if let Some(values) = &values {
                    // clap writes the values' help as given and its own words in English: the
                    // values and the default are part of the long help instead, in Japanese.
                    arg = arg
                        .long_help(format!("{ja}\n\n{values}"))
                        .hide_possible_values(true)
                        .hide_default_value(true);
                }
            }
            if let Some(ja) = long.as_deref().and_then(japanese) {
                arg = arg.long_help(ja);
            }
            arg
        })
        .mut_subcommands(japanese_command);
    if let Some(ja) = about.as_deref().and_then(japanese) {
        cmd = cmd.about(ja);
    }
    if let Some(ja) = after.as_deref().and_then(japanese) {
        cmd = cmd.after_help(ja);
    }
    cmd
}

/// What clap's usage error says, in Japanese, for the kinds said so; `None` for the others,
/// which keep clap's own words.
fn japanese_message<F: clap::error::ErrorFormatter>(
    error: &clap::error::Error<F>,
) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    let get = |kind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let why = std::error::Error::source(error).map(|e| format!("：{e}"));
    Some(match error.kind() {
        ErrorKind::UnknownArgument => format!("引数 '{arg}' はありません"),
        ErrorKind::InvalidSubcommand => format!(
            "サブコマンド '{}' はありません",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => format!("'{arg}' に値がありません"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!(
                "'{value}' は '{arg}' の値に使えません{}",
                why.unwrap_or_default()
            )
        }
        ErrorKind::MissingRequiredArgument => format!("必要な引数がありません：{arg}"),
        ErrorKind::MissingSubcommand => "サブコマンドを指定してください".to_owned(),
        ErrorKind::ArgumentConflict => format!(
            "'{arg}' は '{}' と一緒に使えません",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("'{arg}' の値の数が正しくありません")
        }
        _ => return None,
    })
}

/// clap's usage errors in Japanese: what is wrong, the values it takes, a near name, the usage.
pub struct JapaneseErrors;

impl clap::error::ErrorFormatter for JapaneseErrors {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        use clap::error::{ContextKind, ErrorKind};
        let get = |kind| error.get(kind).map(ToString::to_string).unwrap_or_default();
        // `exit` applies this formatter only where there is a Japanese message.
        let message = japanese_message(error).unwrap_or_default();
        let mut out = format!("{}: {message}\n", crate::i18n::label("error"));
        let valid = get(ContextKind::ValidValue);
        if !valid.is_empty() && matches!(error.kind(), ErrorKind::InvalidValue) {
            out.push_str(&format!("\n  使える値: {}\n", valid.replace(", ", "、")));
        }
        for kind in [
            ContextKind::SuggestedArg,
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedValue,
        ] {
            let near = get(kind);
            if !near.is_empty() {
                out.push_str(&format!("\n  もしかして: '{near}'\n"));
            }
        }
        let usage = get(ContextKind::Usage);
        if let Some(usage) = usage.strip_prefix("Usage: ") {
            out.push_str(&format!(
                "\n使い方: {usage}\n\n詳しくは '--help' を見てください。\n"
            ));
        }
        StyledStr::from(out)
    }
}

/// Exits after a usage error (exit code 2; `--help` and `--version` print and exit with 0),
/// saying it in Japanese where the command line speaks Japanese and the kind has a Japanese
/// message; the other kinds, and seisho's own usage messages, as clap says them.
pub fn exit(error: clap::Error) -> ! {
    if crate::i18n::lang() == Lang::Ja && japanese_message(&error).is_some() {
        error.apply::<JapaneseErrors>().exit()
    }
    error.exit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command's and option's help has its Japanese: a new option without one fails here.
    #[test]
    fn every_help_text_is_in_japanese() {
        fn walk(cmd: &Command, missing: &mut Vec<String>) {
            let texts = cmd
                .get_about()
                .into_iter()
                .chain(cmd.get_after_help())
                .chain(
                    cmd.get_arguments()
                        .filter(|a| !a.is_hide_set())
                        .flat_map(|a| a.get_help().into_iter().chain(a.get_long_help())),
                );
            let values: Vec<StyledStr> = cmd
                .get_arguments()
                .flat_map(|a| a.get_possible_values())
                .filter_map(|v| v.get_help().cloned())
                .collect();
            let texts = texts.chain(&values);
            for text in texts.map(StyledStr::to_string) {
                match japanese(&text) {
                    Some(ja) => {
                        // An example indented by two spaces (a `seisho.toml`) is code.
                        let prose = |t: &str| {
                            let lines = t.lines().filter(|l| !l.starts_with("  "));
                            lines.collect::<Vec<_>>().join("\n")
                        };
                        if let Some(why) = seisho::untranslated(&prose(&text), &prose(ja)) {
                            missing.push(format!("{text:?}: {why}"));
                        }
                    }
                    None => missing.push(format!("{} {text:?}", cmd.get_name())),
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, missing);
            }
        }
        let mut cmd = crate::args::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, &mut missing);
        assert!(
            missing.is_empty(),
            "no Japanese for:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_language_comes_from_the_flag() {
        let args = |a: &[&str]| a.iter().map(|s| s.into()).collect::<Vec<_>>();
        let ja = Some(Lang::Ja);
        assert_eq!(lang_flag(&args(&["seisho", "--lang", "ja", "lint"])), ja);
        assert_eq!(lang_flag(&args(&["seisho", "lint", "--lang=ja"])), ja);
        assert_eq!(
            lang_flag(&args(&["seisho", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_flag(&args(&["seisho", "lint", "--", "--lang=ja"])),
            None
        );
        assert_eq!(lang_flag(&args(&["seisho", "lint"])), None);
        let twice = [
            "seisho",
            "--lang",
            "ja",
            "lint",
            "--lang=en",
            "--",
            "--lang=ja",
        ];
        assert_eq!(lang_flag(&args(&twice)), Some(Lang::En));
    }

    #[test]
    fn japanese_help_has_japanese_headings_and_texts() {
        let mut cmd = localized(crate::args::Cli::command(), Lang::Ja);
        let help = cmd.render_help().to_string();
        for part in [
            "使い方: ",
            "コマンド:",
            "オプション:",
            "ファイルを正規化して",
        ] {
            assert!(help.contains(part), "{part} not in\n{help}");
        }
        let lint = cmd.find_subcommand_mut("lint").expect("lint");
        let help = lint.render_long_help().to_string();
        for part in ["引数:", "エラーだけを報告します", "ヘルプを表示します"]
        {
            assert!(help.contains(part), "{part} not in\n{help}");
        }
    }
}
