//! The options of `seisho fmt` and the normalizer they ask for.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use seisho::neologdn::{Neologdn, Tilde};
use seisho::{CompatClass, Normalizer, Rule, WaveDashStyle};

use super::{
    compat_parser, is_stdin, rule_parser, tilde_parser, usage_error, wave_dash_parser, InputArgs,
    UnsafeFixesArgs,
};
use crate::jsonl::JsonlArgs;

/// The options of `seisho fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files to normalize; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Show each change (path:line:column, rule, before → after) instead of the text.
    #[arg(long)]
    pub diff: bool,

    /// Change nothing; exit with 1 if any file would change, and name it.
    #[arg(long)]
    pub check: bool,

    /// Write the result back to each file that changes (atomically).
    #[arg(short = 'w', long, conflicts_with = "check")]
    pub in_place: bool,

    #[command(flatten)]
    pub fixes: UnsafeFixesArgs,

    /// Keep to the character rules: do not confirm kana typo suggestions with the dictionary.
    #[arg(long)]
    pub no_dictionary: bool,

    /// Your own words (product names, terms), never changed: a user dictionary, CSV of
    /// `surface,part of speech,reading` (as `[dictionary] user` in seisho.toml).
    #[arg(long, value_name = "FILE")]
    pub user_dictionary: Option<PathBuf>,

    /// Turn a rule on (repeatable, or comma-separated; see `seisho rules`).
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        value_parser = rule_parser(),
        hide_possible_values = true
    )]
    pub enable: Vec<Rule>,

    /// Turn a rule off (repeatable, or comma-separated; see `seisho rules`).
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        value_parser = rule_parser(),
        hide_possible_values = true
    )]
    pub disable: Vec<Rule>,

    /// The form to write 〜 (U+301C) and ～ (U+FF5E) in.
    #[arg(long, value_name = "STYLE", value_parser = wave_dash_parser())]
    pub wave_dash: Option<WaveDashStyle>,

    /// Apply NFKC to a class of compatibility characters (repeatable, or comma-separated).
    #[arg(long, value_name = "CLASS", value_delimiter = ',', value_parser = compat_parser())]
    pub compat: Vec<CompatClass>,

    /// `seisho` (its rules, which never change meaning) or `neologdn` (neologdn 0.5.6's
    /// output, spaces between Japanese deleted and tildes removed; reads every input as plain
    /// text, as neologdn does).
    #[arg(long, value_enum, default_value_t = Preset::Seisho)]
    pub preset: Preset,

    /// `--preset neologdn`: shorten a run of more than N repeats of a substring to N.
    #[arg(long, value_name = "N")]
    pub repeat: Option<usize>,

    /// `--preset neologdn`: keep the spaces it deletes (its `remove_space=False`).
    #[arg(long)]
    pub keep_spaces: bool,

    /// `--preset neologdn`: the longest substring `--repeat` looks for (0: no limit).
    #[arg(long, value_name = "N")]
    pub max_repeat_substr_length: Option<usize>,

    /// `--preset neologdn`: what to do with tildes.
    #[arg(long, value_name = "HOW", value_parser = tilde_parser())]
    pub tilde: Option<Tilde>,

    #[command(flatten)]
    pub jsonl: JsonlArgs,
}

/// What `seisho fmt` normalizes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// seisho's rules, as `--enable`, `--disable` and the other options choose.
    Seisho,
    /// neologdn 0.5.6's output (`--repeat`, `--keep-spaces`, `--max-repeat-substr-length`,
    /// `--tilde`).
    Neologdn,
}

/// The normalizer `seisho fmt` runs.
#[derive(Debug, Clone)]
pub enum FmtNormalizer {
    /// seisho's rules.
    Seisho(Box<Normalizer>),
    /// The `neologdn` preset.
    Neologdn(Neologdn),
}

impl FmtNormalizer {
    /// Normalizes a document read as `syntax`; the `neologdn` preset reads it as plain text,
    /// as neologdn does.
    pub fn normalize_as<'a>(
        &self,
        text: &'a str,
        syntax: seisho::Syntax,
    ) -> seisho::Normalized<'a> {
        match self {
            FmtNormalizer::Seisho(n) => n.normalize_as(text, syntax),
            FmtNormalizer::Neologdn(n) => n.normalize(text),
        }
    }
}

impl FmtArgs {
    /// The normalizer these options ask for, with the words of `user` (`--user-dictionary`)
    /// never changed. `--compat` comes first (it turns the `compatibility` rule on), then
    /// `--enable`, then `--disable`, which wins.
    pub fn normalizer(&self, user: Option<crate::config::UserWords>) -> FmtNormalizer {
        if self.preset == Preset::Neologdn {
            let d = Neologdn::default();
            return FmtNormalizer::Neologdn(Neologdn {
                repeat: self.repeat.unwrap_or(d.repeat),
                remove_space: !self.keep_spaces,
                max_repeat_substr_length: self
                    .max_repeat_substr_length
                    .unwrap_or(d.max_repeat_substr_length),
                tilde: self.tilde.unwrap_or(d.tilde),
            });
        }
        #[cfg_attr(not(feature = "dictionary"), allow(unused_mut))]
        let mut b = Normalizer::builder();
        #[cfg(feature = "dictionary")]
        if let Some(user) = user {
            b = b.analyzer(seisho::morphology::Analyzer::new().with_user_dictionary(user));
        }
        #[cfg(not(feature = "dictionary"))]
        if let Some(never) = user {
            match never {}
        }
        let mut b = b
            .unsafe_fixes(self.fixes.unsafe_fixes)
            .dictionary(!self.no_dictionary);
        if let Some(style) = self.wave_dash {
            b = b.wave_dash(style);
        }
        // `--disable compatibility` wins over `--compat`: the classes are not even set, as
        // the core runs them whenever one is (whatever the rule's switch says).
        if !self.disable.contains(&Rule::Compatibility) {
            for &class in &self.compat {
                b = b.compat(class, true);
            }
        }
        for &rule in &self.enable {
            b = b.enable(rule);
        }
        for &rule in &self.disable {
            b = b.disable(rule);
        }
        FmtNormalizer::Seisho(Box::new(b.build()))
    }

    /// Rejects combinations that parse but make no sense, as a usage error.
    pub fn validate(&self) -> Result<(), clap::Error> {
        let seisho_only = [
            ("--unsafe-fixes", self.fixes.unsafe_fixes),
            ("--no-dictionary", self.no_dictionary),
            ("--user-dictionary", self.user_dictionary.is_some()),
            ("--enable", !self.enable.is_empty()),
            ("--disable", !self.disable.is_empty()),
            ("--wave-dash", self.wave_dash.is_some()),
            ("--compat", !self.compat.is_empty()),
        ];
        let neologdn_only = [
            ("--repeat", self.repeat.is_some()),
            ("--keep-spaces", self.keep_spaces),
            (
                "--max-repeat-substr-length",
                self.max_repeat_substr_length.is_some(),
            ),
            ("--tilde", self.tilde.is_some()),
        ];
        let (other, preset): (&[(&str, bool)], &str) = match self.preset {
            Preset::Seisho => (&neologdn_only, "neologdn"),
            Preset::Neologdn => (&seisho_only, "seisho"),
        };
        if let Some((flag, _)) = other.iter().find(|(_, given)| *given) {
            return Err(usage_error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{flag} is an option of --preset {preset}"),
            ));
        }
        self.jsonl.validate("fmt")?;
        if self.jsonl.jsonl {
            if let Some((flag, _)) = [
                ("--diff", self.diff),
                ("--check", self.check),
                ("--in-place", self.in_place),
            ]
            .iter()
            .find(|(_, given)| *given)
            {
                return Err(usage_error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("{flag} does not go with --jsonl, which writes every record"),
                ));
            }
        }
        if let Some(rule) = self.enable.iter().find(|r| self.disable.contains(r)) {
            return Err(usage_error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("rule `{rule}` is both enabled and disabled"),
            ));
        }
        if self.in_place && self.reads_stdin() {
            return Err(usage_error(
                clap::error::ErrorKind::ArgumentConflict,
                "--in-place needs file paths: standard input cannot be written in place",
            ));
        }
        Ok(())
    }

    /// Whether any input is standard input.
    pub fn reads_stdin(&self) -> bool {
        self.files.is_empty() || self.files.iter().any(|f| is_stdin(f))
    }
}
