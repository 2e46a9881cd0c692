//! The command line's own messages (errors, warnings and notes on standard error, the
//! configuration's mistakes, the editor's code actions), each declared once in English and in
//! Japanese with the core's [`seisho::catalogue!`]. A message shows in the command line's
//! language ([`crate::i18n::lang`]) wherever it is formatted.

use std::fmt;
use std::io;

use seisho::Lang;

seisho::catalogue! {
    /// Something the command line says.
    pub enum Says;
    /// A file or standard input could not be read.
    CannotRead { name: String, why: String }
        => en: "cannot read {name}: {why}",
           ja: "{name}を読めません：{why}";
    /// The input is not UTF-8.
    InvalidUtf8 { name: String, at: String }
        => en: "{name}: invalid UTF-8: {at} (in Shift_JIS or EUC-JP? use --encoding auto)",
           ja: "{name}：UTF-8として読めません：{at}（Shift_JISかEUC-JPなら `--encoding auto` を付けてください）";
    /// The input is not in the encoding asked for.
    InvalidIn { name: String, encoding: &'static str, at: String }
        => en: "{name}: invalid {encoding}: {at}",
           ja: "{name}：{encoding}として読めません：{at}";
    /// `--encoding auto` found no encoding that reads the input.
    NoEncoding { name: String, at: String }
        => en: "{name}: not UTF-8 ({at}), and not Shift_JIS or EUC-JP either (try --encoding)",
           ja: "{name}：UTF-8でも（{at}）Shift_JISでもEUC-JPでもありません（--encoding で指定してください）";
    /// Where an invalid byte is.
    BadByte { bytes: String, offset: usize, line: usize, column: usize }
        => en: "byte {bytes} at byte offset {offset} (line {line}, column {column})",
           ja: "{line}行{column}文字目（バイト位置 {offset}）のバイト {bytes}";
    /// An input that ends inside a character.
    Incomplete { offset: usize, line: usize, column: usize }
        => en: "incomplete sequence at the end at byte offset {offset} (line {line}, column {column})",
           ja: "末尾の文字が途中で切れています（{line}行{column}文字目、バイト位置 {offset}）";
    /// A file could not be written.
    CannotWrite { name: String, why: String }
        => en: "cannot write {name}: {why}",
           ja: "{name}に書き込めません：{why}";
    /// `fmt -w` could not write a file.
    CannotWriteNothingWritten { name: String, why: String }
        => en: "cannot write {name}: {why}; nothing written",
           ja: "{name}に書き込めません：{why}。何も書き込んでいません";
    /// `fix` could not make a file's fixes.
    CannotFix { name: String, why: String }
        => en: "cannot fix {name}: {why}; nothing written",
           ja: "{name}を修正できません：{why}。何も書き込んでいません";
    /// Another program wrote the file while seisho fixed it.
    ChangedMeanwhile { name: String }
        => en: "{name}: changed while seisho was fixing it; not written",
           ja: "{name}：修正中にほかのプログラムが書き換えたため、書き込んでいません";
    /// The file went away while seisho fixed it.
    RemovedMeanwhile { name: String }
        => en: "{name}: removed while seisho was fixing it; not written",
           ja: "{name}：修正中に削除されたため、書き込んでいません";
    /// A fix the output encoding cannot hold.
    NotFixedUnencodable { at: String, rule: String, encoding: &'static str, character: char, code: String }
        => en: "{at}: not fixed ({rule}): {encoding} cannot represent 「{character}」 (U+{code})",
           ja: "{at}：修正していません（{rule}）：{encoding}では「{character}」（U+{code}）を表せません";
    /// A character the output encoding cannot hold.
    Unencodable { encoding: &'static str, character: char, code: String, line: usize, column: usize }
        => en: "{encoding} cannot represent 「{character}」 (U+{code}) at line {line}, column {column}",
           ja: "{line}行{column}文字目の「{character}」（U+{code}）は{encoding}で表せません";
    /// A path given on the command line holds nothing to lint.
    NoFilesToCheck { path: String }
        => en: "{path}: no files to check (directories are searched for .md, .markdown and .txt files, or what `include` in seisho.toml names; .gitignore is respected)",
           ja: "{path}：調べるファイルがありません（ディレクトリでは .md、.markdown、.txt のファイルか、seisho.toml の `include` が指すものを探します。.gitignore に従います）";
    /// A directory could not be walked.
    CannotWalk { path: String, why: String }
        => en: "cannot walk {path}: {why}",
           ja: "{path}の中を調べられません：{why}";
    /// A temporary file of an interrupted fix.
    LeftoverTemp { path: String }
        => en: "{path}: temporary file of an interrupted `seisho fix` or `fmt -w` (the file it was for is intact); not linted; delete it unless seisho is running",
           ja: "{path}：中断した `seisho fix` か `fmt -w` の一時ファイルです（元のファイルは無事です）。検査していません。seisho が動いていなければ削除してください";
    /// `--max-warnings` exceeded.
    TooManyWarnings { warnings: String, max: usize }
        => en: "{warnings} (at most {max} allowed by --max-warnings)",
           ja: "{warnings}（--max-warnings で許されるのは{max}件まで）";
    /// `compatibility` without classes.
    CompatNeedsClasses {}
        => en: "rule `compatibility` changes nothing without `--compat CLASS`",
           ja: "ルール `compatibility` は `--compat CLASS` がないと何も変えません";
    /// The language server failed.
    ServerStopped { why: String }
        => en: "the language server stopped: {why}",
           ja: "言語サーバーが止まりました：{why}";
    /// Standard output is gone.
    CannotWriteStdout { why: String }
        => en: "cannot write to standard output: {why}",
           ja: "標準出力に書き込めません：{why}";
    /// The dictionary could not be exported.
    CannotExportDictionary { why: String }
        => en: "cannot export the dictionary: {why}",
           ja: "辞書を書き出せません：{why}";
    /// A build without the dictionary.
    NoDictionaryBuilt {}
        => en: "cannot export the dictionary: seisho was built without it (feature `dictionary`)",
           ja: "辞書を書き出せません：辞書なしでビルドされた seisho です（機能 `dictionary`）";
    /// A JSON Lines record that could not be read, left out.
    BadRecordLeftOut { at: String, why: String }
        => en: "{at}: {why}; left out",
           ja: "{at}：{why}。出力していません";
    /// A JSON Lines record that could not be read, passed through as it was.
    BadRecordPassed { at: String, why: String }
        => en: "{at}: {why}; passed through",
           ja: "{at}：{why}。そのまま出力しました";
    /// A record that is not JSON.
    NotJson { why: String }
        => en: "not JSON: {why}",
           ja: "JSONではありません：{why}";
    /// A record that is not UTF-8.
    RecordNotUtf8 { byte: usize }
        => en: "not UTF-8 (byte {byte} of the line is not part of a character)",
           ja: "UTF-8ではありません（行の{byte}バイト目が文字の一部になっていません）";
    /// A record that is JSON but not an object.
    NotJsonObject {}
        => en: "not a JSON object",
           ja: "JSONのオブジェクトではありません";
    /// A configuration file that could not be read.
    ConfigCannotRead { why: String }
        => en: "cannot read it: {why}",
           ja: "読めません：{why}";
    /// A prh dictionary that cannot be read.
    PrhCannotRead { file: String, why: String }
        => en: "prh dictionary {file}: cannot read it: {why}",
           ja: "prh辞書 {file} を読めません：{why}";
    /// A prh dictionary that is not prh's YAML.
    PrhInvalid { file: String, why: String }
        => en: "prh dictionary {file}: not a prh dictionary: {why}",
           ja: "prh辞書 {file} はprhの辞書として読めません：{why}";
    /// A prh dictionary with a wrong rule.
    PrhWrongRule { file: String, why: String }
        => en: "prh dictionary {file}: {why}",
           ja: "prh辞書 {file} の誤り：{why}";
    /// A user dictionary that cannot be read.
    UserDictionaryCannotRead { file: String, why: String }
        => en: "user dictionary {file}: cannot read it: {why}",
           ja: "ユーザー辞書 {file} を読めません：{why}";
    /// A row of a user dictionary that is wrong.
    UserDictionaryBadRow { file: String, line: u64, why: String }
        => en: "user dictionary {file}, line {line}: {why}",
           ja: "ユーザー辞書 {file} の{line}行目：{why}";
    /// A user dictionary asked of a build without the dictionary.
    UserDictionaryNotBuilt { file: String }
        => en: "user dictionary {file}: this build of seisho has no dictionary (its feature `dictionary` is off)",
           ja: "ユーザー辞書 {file}：この seisho は辞書なしでビルドされています（機能 `dictionary` が無効）";
    /// A user dictionary that cannot be read as a whole.
    UserDictionaryInvalid { file: String, why: String }
        => en: "user dictionary {file}: {why}",
           ja: "ユーザー辞書 {file}：{why}";
    /// A user dictionary that is not CSV.
    UserDictionaryNotCsv { why: String }
        => en: "not CSV: {why}",
           ja: "CSVとして読めません：{why}";
    /// A row with the wrong number of fields.
    UserDictionaryFieldCount { count: usize }
        => en: "{count} fields; a row has 3 (surface, part of speech, reading) or IPADIC's 13",
           ja: "{count}個の欄があります。1行は3欄（表層形、品詞、読み）かIPADICの13欄です";
    /// A row with an empty surface.
    UserDictionaryEmptySurface {}
        => en: "the surface (the first field) is empty",
           ja: "表層形（最初の欄）が空です";
    /// A surface with a control character.
    UserDictionaryControl { surface: String }
        => en: "the surface {surface:?} has a tab or a control character",
           ja: "表層形 {surface:?} にタブか制御文字があります";
    /// A number field that is not a number.
    UserDictionaryNotANumber { field: &'static str, field_ja: &'static str, value: String }
        => en: "the {field} {value:?} is not a number that fits",
           ja: "{field_ja} {value:?} は範囲内の数ではありません";
    /// A spec of a prh rule that does not hold (`seisho prh test`).
    PrhSpecFailed { file: String, expected: String, pattern: String, from: String, to: String, got: String }
        => en: "{file}: the rule for 「{expected}」 ({pattern}) turns {from:?} into {got:?}, not {to:?}",
           ja: "{file}：「{expected}」の規則（{pattern}）は {from:?} を {to:?} でなく {got:?} にします";
    /// Every spec holds.
    PrhSpecsHold { specs: usize, rules: usize, files: usize }
        => en: "specs: {specs} hold, none fail (rules: {rules}, files: {files})",
           ja: "{specs}個の例（{files}ファイルの{rules}規則）がすべて成り立ちます";
    /// Some specs fail.
    PrhSpecsFail { failed: usize, specs: usize }
        => en: "specs: {failed} of {specs} fail",
           ja: "{specs}個の例のうち{failed}個が成り立ちません";
    /// A `seisho.toml` that is not TOML.
    InvalidToml { why: String }
        => en: "invalid TOML: {why}",
           ja: "TOMLとして読めません：{why}";
    /// A textlint configuration that is not JSON.
    TextlintNotJson { why: String }
        => en: "not JSON: {why}",
           ja: "JSONとして読めません：{why}";
    /// A textlint configuration that is not YAML (nor JSON, for `.textlintrc`).
    TextlintNotYaml { why: String }
        => en: "not JSON nor YAML: {why}",
           ja: "JSONとしてもYAMLとしても読めません：{why}";
    /// A JavaScript textlint configuration beside the files.
    TextlintJs { path: String }
        => en: "{path}: a JavaScript textlint configuration is not read (write it as .textlintrc.json or .textlintrc.yml, or a seisho.toml); seisho's defaults are used",
           ja: "{path}：JavaScriptのtextlint設定は読みません（.textlintrc.json か .textlintrc.yml、または seisho.toml に書いてください）。seisho の既定の設定を使います";
    /// What the configuration file's snippet is.
    TheConfigurationFile {}
        => en: "the configuration file",
           ja: "設定ファイル";
    /// The key a configuration error is about.
    AtKey { key: String }
        => en: "key `{key}`",
           ja: "キー `{key}`";
    /// An unknown key in `[files]`.
    UnknownFilesKey { key: String }
        => en: "unknown key `{key}` in [files] (expected `include` or `exclude`)",
           ja: "[files] に `{key}` というキーはありません（`include` か `exclude` です）";
    /// An unknown key in `[dictionary]`.
    UnknownDictionaryKey { key: String }
        => en: "unknown key `{key}` in [dictionary] (expected `user`)",
           ja: "[dictionary] に `{key}` というキーはありません（`user` です）";
    /// An unknown `lang`.
    UnknownLang { id: String }
        => en: "unknown language {id:?} (expected \"ja\" or \"en\")",
           ja: "{id:?}という言語はありません（\"ja\" か \"en\" です）";
    /// An unknown top-level key.
    UnknownKey { key: String }
        => en: "unknown key `{key}` (expected `rules`, `files`, `lang` or `allow`)",
           ja: "`{key}` というキーはありません（`rules`、`files`、`lang`、`allow` のいずれかです）";
    /// A textlint allowlist entry that is a regular expression.
    AllowRegexNotRead { pattern: String }
        => en: "filter allowlist: {pattern} is a regular expression, not read (seisho allows words as written)",
           ja: "フィルター `allowlist`：{pattern} は正規表現のため読んでいません（seisho が読むのは書いたままの語です）";
    /// A value of the wrong type.
    WrongType { key: String, expected: &'static str, expected_ja: &'static str, found: &'static str, found_ja: &'static str }
        => en: "`{key}` must be {expected}, not {found}",
           ja: "`{key}` は{expected_ja}です（{found_ja}は不可）";
    /// An invalid glob pattern.
    InvalidGlob { pattern: String, why: String }
        => en: "invalid glob pattern {pattern:?}: {why}",
           ja: "globパターン {pattern:?} が正しくありません：{why}";
    /// A list of patterns with something else in it.
    NotPatterns { key: String, found: &'static str, found_ja: &'static str }
        => en: "`{key}` must be an array of glob patterns (strings), not of {found}",
           ja: "`{key}` はglobパターン（文字列）の配列です（{found_ja}の配列は不可）";
    /// An option given a value no option can take.
    OptionCannotBe { name: String, rule: String, found: &'static str, found_ja: &'static str }
        => en: "option `{name}` of rule `{rule}` cannot be {found}",
           ja: "ルール`{rule}`のオプション`{name}`に{found_ja}は使えません";
    /// An unknown severity.
    UnknownSeverity { found: String }
        => en: "unknown severity {found:?} (expected \"error\", \"warning\" or \"info\")",
           ja: "{found:?}という重大度はありません（\"error\"、\"warning\"、\"info\" のいずれかです）";
    /// A textlint preset seisho does not know.
    UnknownPreset { name: String }
        => en: "{name}: a preset seisho does not know, not read",
           ja: "{name}：seisho の知らないプリセットのため読んでいません";
    /// A textlint filter.
    FilterNotRead { name: String }
        => en: "filter {name}: not read (seisho reads textlint-disable comments)",
           ja: "フィルター {name}：読んでいません（seisho が読むのは textlint-disable コメントです）";
    /// textlint plugins.
    PluginsNotRead {}
        => en: "plugins: not read (seisho reads Markdown and plain text)",
           ja: "プラグイン：読んでいません（seisho が読むのはMarkdownとプレーンテキストです）";
    /// A textlint rule seisho lacks.
    NoSuchRule { name: String }
        => en: "{name}: seisho has no such rule",
           ja: "{name}：seisho にはこのルールがありません";
    /// A textlint rule's severity seisho cannot read.
    SeverityNotRead { name: String, value: String }
        => en: "{name}: severity {value} not read",
           ja: "{name}：重大度 {value} は読んでいません";
    /// A textlint option seisho cannot read.
    OptionNotRead { name: String, key: String, value: String }
        => en: "{name}: option {key} = {value} not read",
           ja: "{name}：オプション {key} = {value} は読んでいません";
    /// textlint options seisho refused, so its defaults stand.
    OptionsNotRead { name: String, why: String }
        => en: "{name}: {why} not read; seisho's defaults are used",
           ja: "{name}：{why} は読んでいません。seisho の既定値を使います";
    /// A boolean option's default, in `seisho explain`.
    OptionBool { default: bool }
        => en: "{default} (true or false)",
           ja: "{default}（true か false）";
    /// An integer option's default.
    OptionInteger { default: i64, min: i64 }
        => en: "{default} (an integer, at least {min})",
           ja: "{default}（{min}以上の整数）";
    /// A choice option's default.
    OptionChoice { default: String, choices: String }
        => en: "{default} (one of {choices})",
           ja: "{default}（{choices}のいずれか）";
    /// A subset option's default.
    OptionSubset { default: String, choices: String }
        => en: "[{default}] (a list of any of {choices})",
           ja: "[{default}]（{choices}から選んだ配列）";
    /// A list option's default.
    OptionList { default: String }
        => en: "[{default}] (a list of strings)",
           ja: "[{default}]（文字列の配列）";
    /// `seisho init` would replace a configuration.
    InitExists { path: String }
        => en: "{path} is there already: --force replaces it, --stdout prints the new one",
           ja: "{path} はすでにあります：--force で置き換え、--stdout で新しい内容を表示します";
    /// `seisho init` wrote the configuration.
    InitWrote { path: String }
        => en: "wrote {path}",
           ja: "{path} を書きました";
    /// The first line of the starter configuration.
    InitStarter {}
        => en: "seisho.toml: every rule with its defaults. Uncomment a line to change it; `seisho explain RULE` tells what a rule does.",
           ja: "seisho.toml：すべてのルールと既定値。変える行のコメントを外してください。ルールの説明は `seisho explain RULE` で読めます。";
    /// The first line of a configuration made from textlint's.
    InitFromTextlint { path: String }
        => en: "seisho.toml made by `seisho init --from-textlint` from {path}: the rules it turns on, with their options; seisho's own rules (kana typos, width variants) keep their defaults.",
           ja: "`seisho init --from-textlint` で {path} から作った seisho.toml：そこで有効なルールとオプション。seisho 独自のルール（仮名の打ち間違い、全角・半角のゆれ）は既定のままです。";
    /// The comment before the user dictionary in `seisho init`'s configuration.
    InitUserDictionary {}
        => en: "The team's own words (product names, terms), one a line: surface,part of speech,reading (清書エンジン,製品名,セイショエンジン), relative to this file. Each is one word for the analysis; nothing inside one is reported or fixed.",
           ja: "チームの語（製品名、用語）を1行に1語、表層形,品詞,読み（清書エンジン,製品名,セイショエンジン）で書いたファイル。このファイルからの相対パスです。各語は解析で1語になり、語の中は報告も修正もしません。";
    /// What of a textlint configuration is not carried over.
    InitNotRead {}
        => en: "Not carried over (seisho does not have or read it):",
           ja: "引き継いでいないもの（seisho にないか、読まないもの）：";
    /// A `package.json` without a `textlint` key.
    NoTextlintKey {}
        => en: "package.json has no `textlint` key",
           ja: "package.json に `textlint` キーがありません";
    /// No textlint configuration in the working directory.
    NoTextlintConfig {}
        => en: "no textlint configuration here (.textlintrc.json, .textlintrc.yaml, .textlintrc.yml, .textlintrc, package.json): name one after --from-textlint",
           ja: "ここには textlint の設定（.textlintrc.json、.textlintrc.yaml、.textlintrc.yml、.textlintrc、package.json）がありません：--from-textlint の後に指定してください";
    /// A quick fix's title in the editor.
    QuickFix { what: String, rule: String }
        => en: "{what} ({rule})",
           ja: "{what}（ルール {rule}）";
    /// An unsafe quick fix's title in the editor.
    QuickFixUnsafe { what: String, rule: String }
        => en: "{what} ({rule}, unsafe: check it)",
           ja: "{what}（ルール {rule}、安全でない修正：確認してください）";
    /// A fix that deletes, in its title.
    FixDelete { what: String }
        => en: "Delete {what}",
           ja: "「{what}」を削除";
    /// A fix that replaces, in its title.
    FixReplace { from: String, to: String }
        => en: "{from} → {to}",
           ja: "「{from}」→「{to}」に修正";
    /// A fix of several edits, in its title.
    FixEdits { count: usize }
        => en: "Apply {count} edits",
           ja: "{count}か所を修正";
    /// The editor's action that makes every safe fix.
    FixAll {}
        => en: "Apply every safe fix (seisho)",
           ja: "安全な修正をすべて適用（seisho）";
}

impl fmt::Display for Says {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::i18n::lang()))
    }
}

/// What the operating system said, in the command line's language where it is one of the
/// common answers (no such file, no permission, a directory), else as the system says it.
pub fn os_error(e: &io::Error) -> String {
    let ja = match e.kind() {
        io::ErrorKind::NotFound => "ファイルまたはディレクトリがありません",
        io::ErrorKind::PermissionDenied => "アクセスが許可されていません",
        io::ErrorKind::IsADirectory => "ディレクトリです",
        io::ErrorKind::AlreadyExists => "すでにあります",
        io::ErrorKind::ReadOnlyFilesystem => "読み取り専用のファイルシステムです",
        io::ErrorKind::StorageFull => "ディスクに空きがありません",
        _ => "",
    };
    match crate::i18n::lang() {
        Lang::Ja if !ja.is_empty() => ja.to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_english_and_in_japanese() {
        for said in Says::samples() {
            let (en, ja) = (said.render(Lang::En), said.render(Lang::Ja));
            if let Some(why) = seisho::untranslated(&en, &ja) {
                panic!("{said:?}: {why}: {en:?} / {ja:?}");
            }
        }
    }
}
