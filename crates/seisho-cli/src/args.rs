//! The command line: subcommands, options and how they map to a [`Normalizer`].

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use seisho::lint::LintRule;

mod fmt;

pub use fmt::{FmtArgs, FmtNormalizer};

use crate::jsonl::JsonlArgs;
use seisho::neologdn::Tilde;
use seisho::{CompatClass, Lang, Rule, WaveDashStyle};

/// The `seisho` command.
#[derive(Debug, Parser)]
#[command(
    name = "seisho",
    version,
    about = "Normalize Japanese text: width variants, kana typos, duplicated punctuation",
    long_about = None,
    arg_required_else_help = true,
    propagate_version = true
)]
pub struct Cli {
    /// When to color the output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// The language of messages, rule summaries and pages: ja or en (default: `lang` in
    /// seisho.toml, else the locale: LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_name = "LANG", value_parser = lang_parser(), global = true)]
    pub lang: Option<Lang>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Normalize files and print the result (or show, check or write the changes).
    #[command(
        after_help = "Exit status: 0 on success, 1 when --check finds a file that would \
                            change, 2 on a usage error or an unreadable or unwritable file."
    )]
    Fmt(FmtArgs),
    /// Report how hard a text is to read: sentence length, kanji ratio and grades,
    /// jReadability and Tateishi's score.
    #[command(
        after_help = "With --format json, one input prints its report (schema: \
                      docs/report.schema.json, or `seisho score --schema`); several print an \
                      array of {\"path\", \"report\"} objects.\n\
                      Exit status: 0 on success, 2 on a usage error or an unreadable file."
    )]
    Score(ScoreArgs),
    /// The IPADIC dictionary built into seisho.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Lint Markdown and text files: report problems with their positions.
    #[command(after_help = LINT_HELP)]
    Lint(LintArgs),
    /// Apply the fixes of `seisho lint` to files in place (or show them with --diff).
    #[command(after_help = FIX_HELP)]
    Fix(FixArgs),
    /// List the lint rules: whether each is on by default, its severity and a summary.
    Rules,
    /// Run a Language Server over standard input and output, for editors: diagnostics as
    /// you type, quick fixes, formatting, and the rules' documentation on hover.
    Lsp(LspArgs),
    /// Write a seisho.toml in the working directory: every rule with its defaults, or the
    /// equivalent of a textlint configuration.
    Init(InitArgs),
    /// prh dictionaries, which the rule `prh` reads.
    #[command(subcommand)]
    Prh(PrhCommand),
    /// Print the documentation of a rule: defaults, options, aliases and its page.
    Explain {
        /// The rule id or an alias (see `seisho rules`).
        #[arg(value_name = "RULE", value_parser = lint_rule_parser())]
        rule: &'static LintRule,
    },
}

/// The options of `seisho init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Translate this textlint configuration (.textlintrc.json, .textlintrc.yml, .textlintrc or
    /// package.json), or the one textlint would read in this directory (default: the working
    /// directory).
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = ".")]
    pub from_textlint: Option<PathBuf>,
    /// Replace a seisho.toml that is there.
    #[arg(long)]
    pub force: bool,
    /// Print the configuration instead of writing it.
    #[arg(long)]
    pub stdout: bool,
}

/// `--lang`: `ja` or `en` (a locale name such as `ja_JP` too).
fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(["ja", "en"]).map(|id| Lang::from_id(&id).expect("a listed language"))
}

pub(crate) const LINT_HELP: &str = r#"Directories are walked (.gitignore respected) for .md, .markdown and .txt files, or what
the [files] table of seisho.toml includes; files named on the command line are always linted.
Each file is linted with the seisho.toml nearest to it (or --config):

  [rules]
  max-ten = false                 # off
  no-mixed-period = "warning"     # on, with this severity (error, warning, info)
  [rules.sentence-length]         # enabled, severity and the rule's options
  max = 80
  [files]                         # which files a directory walk lints
  include = ["*.md", "docs/**/*.txt"]
  exclude = ["vendor", "CHANGELOG.md"]

Patterns without a `/` match file (or directory) names, the others paths relative to the
seisho.toml. `seisho explain RULE` lists a rule's options.

Exit status: 0 when no diagnostic has severity error, 1 when one does, 2 on a usage or
configuration error or an unreadable file (the other files are still linted)."#;

pub(crate) const FIX_HELP: &str = "\
Safe fixes are applied (unsafe ones too with --unsafe-fixes); each file is written atomically,
in its own encoding, keeping its BOM, line endings and permissions. The diagnostics that remain
are reported as `seisho lint` would. With `-`, the fixed text goes to standard output and the
report to standard error.

A file holds its old contents or its new ones, never a mix, even if seisho is killed or the
disk is full. A read-only file is not written, nor one that changed since seisho read it (its
new contents are kept). A kill can leave a temporary file .NAME.seisho-PID-N.tmp beside NAME;
directory walks report it and do not lint it: delete it once no seisho runs.

Exit status: 0 when no error-severity diagnostic remains, 1 when one does, 2 on a usage or
configuration error or a file that cannot be read or written (the other files are still fixed).";

/// How every command reads its inputs.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// The name standard input goes by: in messages, for its syntax (.md is Markdown) and to
    /// find its seisho.toml.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// The encoding of the inputs: `auto` takes UTF-8 when the bytes are valid UTF-8, and
    /// otherwise Shift_JIS or EUC-JP, whichever decodes without errors. A file is written
    /// back in the encoding it was read in.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    pub encoding: InputEncoding,

    /// How to read the inputs: `auto` reads .md and .markdown files (and standard input with
    /// such a `--stdin-filename`) as Markdown, where only the prose is checked and changed,
    /// and everything else as plain text.
    #[arg(long, value_enum, default_value_t = Syntax::Auto)]
    pub syntax: Syntax,
}

/// The options `seisho lint` and `seisho fix` share.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files and directories; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Use this configuration for every file instead of the seisho.toml nearest to it.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    /// No morphological analysis: the rules that need words do not run, and kana typos are
    /// not confirmed with the dictionary.
    #[arg(long)]
    pub no_dictionary: bool,

    /// Only these rules (repeatable, or comma-separated), whatever seisho.toml turns on.
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        value_parser = lint_rule_parser(),
        hide_possible_values = true
    )]
    pub select: Vec<&'static LintRule>,

    /// Not these rules (repeatable, or comma-separated).
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        value_parser = lint_rule_parser(),
        hide_possible_values = true
    )]
    pub ignore: Vec<&'static LintRule>,

    /// Report errors only: warnings and infos are not shown nor counted.
    #[arg(short, long)]
    pub quiet: bool,

    /// Exit with 1 when there are more than N warnings, as when there is an error.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Print the JSON Schema of `--format json` and exit.
    #[arg(long, exclusive = true)]
    pub schema: bool,

    #[command(flatten)]
    pub jsonl: JsonlArgs,
}

impl LintArgs {
    /// `--select` and `--ignore`, for the configurations.
    pub fn selection(&self) -> crate::config::Selection {
        crate::config::Selection {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
        }
    }
}

/// The options of `seisho fix`.
#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub lint: LintArgs,

    #[command(flatten)]
    pub fixes: UnsafeFixesArgs,

    /// Show the changes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,
}

impl FixArgs {
    /// Rejects combinations that parse but make no sense, as a usage error.
    pub fn validate(&self) -> Result<(), clap::Error> {
        if self.lint.jsonl.jsonl {
            return Err(usage_error_in(
                "fix",
                clap::error::ErrorKind::ArgumentConflict,
                "--jsonl is for `seisho lint`, `fmt` and `score`: fix writes files",
            ));
        }
        self.lint.jsonl.validate("fix")?;
        if self.diff && self.lint.format != LintFormat::Human {
            return Err(usage_error_in(
                "fix",
                clap::error::ErrorKind::ArgumentConflict,
                "--diff prints a diff: it cannot be combined with --format",
            ));
        }
        Ok(())
    }
}

/// `--unsafe-fixes`, which `seisho fix` and `seisho fmt` share.
#[derive(Debug, Clone, Copy, Args)]
pub struct UnsafeFixesArgs {
    /// Apply unsafe fixes (suggestions) too.
    #[arg(long)]
    pub unsafe_fixes: bool,
}

/// `seisho lint --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Snippets of the source with the problem underlined, and a summary.
    Human,
    /// One JSON document (schema: docs/lint.schema.json, or `seisho lint --schema`).
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// Checkstyle XML (for reviewdog and CI servers).
    Checkstyle,
    /// reviewdog's Diagnostic Format (`reviewdog -f=rdjson`): fixes as suggestions.
    Rdjson,
    /// SARIF 2.1.0 (GitHub code scanning), columns in UTF-16 code units.
    Sarif,
    /// textlint's JSON formatter's output (`textlint --format json`), for the tools that read
    /// it: positions in UTF-16 code units.
    TextlintJson,
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputEncoding {
    /// UTF-8 (a BOM is allowed and kept).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Shift_JIS (Windows code page 932).
    #[value(name = "shift_jis", alias = "sjis", alias = "cp932")]
    ShiftJis,
    /// EUC-JP.
    #[value(name = "euc-jp", alias = "eucjp")]
    EucJp,
    /// UTF-8 if valid, else Shift_JIS or EUC-JP.
    Auto,
}

/// `seisho dict`.
#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Write the dictionary's files (about 46 MB) to a directory, for the WebAssembly page to
    /// serve and load, or for `seisho_ipadic::load_from_dir`.
    Export {
        /// The directory (created if missing; files of the same names are replaced).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// `seisho prh`.
#[derive(Debug, Subcommand)]
pub enum PrhCommand {
    /// Check the specs of prh dictionaries as prh does (each rule alone turns its `from` into
    /// its `to`): print each that fails and how many hold.
    #[command(
        after_help = "Exit status: 0 when every spec holds, 1 when one fails, 2 when a \
                            dictionary cannot be read."
    )]
    Test {
        /// The dictionaries (their imports are followed).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

/// The options of `seisho score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Files to score; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Human)]
    pub format: ScoreFormat,

    /// Sentences longer than this many characters count as long.
    #[arg(long, value_name = "CHARS", default_value_t = seisho::score::DEFAULT_LONG_SENTENCE)]
    pub long_sentence: usize,

    /// Character-level metrics only: no morphological analysis, so no word counts and no
    /// jReadability.
    #[arg(long)]
    pub no_dictionary: bool,

    /// Your own words (product names, terms), each read as one word: a user dictionary, CSV
    /// of `surface,part of speech,reading` (as `[dictionary] user` in seisho.toml).
    #[arg(long, value_name = "FILE", conflicts_with = "no_dictionary")]
    pub user_dictionary: Option<PathBuf>,

    /// How many of the longest sentences to show (human format).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub longest: usize,

    #[command(flatten)]
    pub input: InputArgs,

    /// Print the JSON Schema of the report and exit.
    #[arg(long, exclusive = true)]
    pub schema: bool,

    #[command(flatten)]
    pub jsonl: JsonlArgs,
}

/// `--syntax`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Syntax {
    /// By the file's extension.
    Auto,
    /// Markdown: code, markup, URLs and front matter are left out.
    Markdown,
    /// Plain text.
    Text,
}

impl Syntax {
    /// The syntax asked for, or if `auto`, the one `by_extension` gives.
    pub fn or_else(self, by_extension: impl FnOnce() -> seisho::Syntax) -> seisho::Syntax {
        match self {
            Syntax::Markdown => seisho::Syntax::Markdown,
            Syntax::Text => seisho::Syntax::Text,
            Syntax::Auto => by_extension(),
        }
    }
}

/// `seisho score --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A summary for a person.
    Human,
    /// The full report as JSON.
    Json,
}

/// Whether a FILE argument means standard input.
pub fn is_stdin(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// A usage error of `seisho fmt` formatted like clap's own (exit code 2).
fn usage_error(kind: clap::error::ErrorKind, message: impl std::fmt::Display) -> clap::Error {
    usage_error_in("fmt", kind, message)
}

/// The command line, its help in the language of `--lang` or the locale.
pub(crate) fn command() -> clap::Command {
    crate::help::localized(Cli::command(), crate::i18n::lang())
}

/// The arguments the process was started with (a usage error exits with 2, `--help` with 0).
pub(crate) fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::i18n::init(crate::help::lang_flag(&args));
    let matches = command()
        .try_get_matches_from(args)
        .unwrap_or_else(|e| crate::help::exit(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| crate::help::exit(e))
}

/// A usage error of a subcommand formatted like clap's own (exit code 2).
pub(crate) fn usage_error_in(
    subcommand: &str,
    kind: clap::error::ErrorKind,
    message: impl std::fmt::Display,
) -> clap::Error {
    let mut cli = command();
    match cli.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(kind, message),
        None => cli.error(kind, message),
    }
}

/// Parses a rule id; the error names the valid ids (and suggests a near one).
fn wave_dash_parser() -> impl TypedValueParser<Value = WaveDashStyle> {
    let values = WaveDashStyle::ALL.iter().map(|s| {
        PossibleValue::new(s.id()).help(format!("U+{:04X} {}", s.char() as u32, s.char()))
    });
    PossibleValuesParser::new(values).try_map(|id: String| {
        WaveDashStyle::from_id(&id).ok_or_else(|| format!("unknown style `{id}`"))
    })
}

fn tilde_parser() -> impl TypedValueParser<Value = Tilde> {
    PossibleValuesParser::new(Tilde::ALL.iter().map(|(id, _)| *id))
        .try_map(|id: String| Tilde::from_id(&id).ok_or_else(|| format!("unknown `{id}`")))
}

fn compat_parser() -> impl TypedValueParser<Value = CompatClass> {
    let values = CompatClass::ALL
        .iter()
        .map(|c| PossibleValue::new(c.id()).help(c.summary()));
    PossibleValuesParser::new(values).try_map(|id: String| {
        CompatClass::from_id(&id).ok_or_else(|| format!("unknown class `{id}`"))
    })
}

fn rule_parser() -> impl TypedValueParser<Value = Rule> {
    // A preset (`neologdn`) is not a rule to turn on: `--preset` chooses it.
    PossibleValuesParser::new(Rule::ALL.iter().filter(|r| !r.is_preset()).map(|r| r.id()))
        .try_map(|id: String| Rule::from_id(&id).ok_or_else(|| format!("unknown rule `{id}`")))
}

/// Parses a lint rule id or alias.
fn lint_rule_parser() -> impl TypedValueParser<Value = &'static LintRule> {
    let values = LintRule::all()
        .iter()
        .map(|r| PossibleValue::new(r.id()).aliases(r.aliases().iter().copied()));
    PossibleValuesParser::new(values)
        .try_map(|id: String| LintRule::find(&id).ok_or_else(|| format!("unknown rule `{id}`")))
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Color when writing to a terminal (and `NO_COLOR` is unset).
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

impl ColorWhen {
    /// Makes this the choice of every `anstream` stream.
    pub fn apply(self) {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_build_the_normalizer() {
        let cli = Cli::try_parse_from([
            "seisho",
            "fmt",
            "--enable",
            "leader,ideographic-space",
            "--disable",
            "wave-dash",
            "--compat",
            "enclosed",
            "--unsafe-fixes",
        ])
        .unwrap();
        let Command::Fmt(args) = cli.command else {
            panic!("not fmt")
        };
        let FmtNormalizer::Seisho(n) = args.normalizer(None) else {
            panic!("not seisho's rules")
        };
        assert!(n.is_enabled(Rule::Leader));
        assert!(n.is_enabled(Rule::IdeographicSpace));
        assert!(!n.is_enabled(Rule::WaveDash));
        assert!(n.is_enabled(Rule::Compatibility));
        assert!(n.applies_unsafe_fixes());
        assert_eq!(n.normalize("①").text(), "1");
    }

    #[test]
    fn disable_wins_over_compat() {
        let cli = Cli::try_parse_from([
            "seisho",
            "fmt",
            "--compat=enclosed",
            "--disable=compatibility",
        ])
        .unwrap();
        let Command::Fmt(args) = cli.command else {
            panic!("not fmt")
        };
        let n = args.normalizer(None);
        assert_eq!(n.normalize_as("①", seisho::Syntax::Text).text(), "①");
    }

    #[test]
    fn options_of_the_other_preset_are_usage_errors() {
        for argv in [
            &["seisho", "fmt", "--repeat", "2"][..],
            &[
                "seisho", "fmt", "--preset", "neologdn", "--enable", "leader",
            ][..],
            &["seisho", "fmt", "--preset", "neologdn", "--unsafe-fixes"][..],
        ] {
            let Command::Fmt(args) = Cli::try_parse_from(argv).unwrap().command else {
                panic!("not fmt")
            };
            assert!(args.validate().is_err(), "{argv:?}");
        }
        let cli = Cli::try_parse_from([
            "seisho",
            "fmt",
            "--preset",
            "neologdn",
            "--repeat",
            "2",
            "--tilde",
            "normalize",
        ])
        .unwrap();
        let Command::Fmt(args) = cli.command else {
            panic!("not fmt")
        };
        assert!(args.validate().is_ok());
        let n = args.normalizer(None);
        assert_eq!(
            n.normalize_as("ＡＢ　〜　ああああ", seisho::Syntax::Markdown)
                .text(),
            "AB ~ああ"
        );
        // Not a rule to turn on.
        assert!(Cli::try_parse_from(["seisho", "fmt", "--enable", "neologdn"]).is_err());
    }
}

/// The options of `seisho lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Use this configuration for every document, instead of the `seisho.toml` nearest to
    /// each.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Do not load the dictionary: the rules that need morphological analysis do not run.
    #[arg(long)]
    pub no_dictionary: bool,

    /// Accepted for editors that pass it (the server always speaks over standard input and
    /// output).
    #[arg(long, hide = true)]
    pub stdio: bool,
}
