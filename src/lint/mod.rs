//! The linter: rules over a document's prose, diagnostics with positions, and fixes that
//! converge.
//!
//! ```
//! use seisho::lint::{Linter, LintConfig, Syntax};
//!
//! let linter = Linter::new(LintConfig::default());
//! let text = "ｻｰﾊﾞを再起動し、、設定を確認する。";
//! let diagnostics = linter.lint(text, Syntax::Text);
//! let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule.as_str()).collect();
//! assert_eq!(rules, ["halfwidth-kana", "duplicated-punctuation"]);
//! assert_eq!((diagnostics[0].start.line, diagnostics[0].start.column), (1, 1));
//!
//! let fixed = linter.fix(text, Syntax::Text, false);
//! assert_eq!(fixed.text, "サーバを再起動し、設定を確認する。");
//! ```

mod config;
mod context;
mod diagnostic;
mod fix;
mod ignore;
mod message;
#[cfg(feature = "prh")]
pub mod prh;
pub(crate) mod registry;
mod rules;
pub mod textlint;

pub use crate::Syntax;
pub use config::{ConfigError, LintConfig, RuleSettings};
pub use diagnostic::{ranges_from_utf16, ranges_to_utf16, Diagnostic, Fix, FixEdit, Severity};
pub use fix::{apply_fix_edits, apply_fixes, Fixed, MAX_FIX_ROUNDS};
pub use registry::{LintRule, OptionDefault, OptionValue, RuleOption};

use crate::normalize::Normalizer;
use crate::position::LineIndex;
use crate::rule::{Rule, Safety};
use crate::sentence::{sentences, Sentence};
use context::{Context, Found};
use ignore::Ignored;
use registry::Check;

/// Lints documents with a configuration; holds the normalizer and the analyzer, so make one
/// and reuse it (it can be shared between threads).
#[derive(Clone)]
pub struct Linter {
    config: LintConfig,
    normalizer: Normalizer,
    #[cfg(feature = "morphology")]
    analyzer: Option<crate::morphology::Analyzer>,
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter")
            .field("config", &self.config)
            .finish()
    }
}

impl Linter {
    /// A linter with `config`, using the morphological analyzer over the embedded dictionary
    /// for the rules that need words and to confirm kana typos (feature `embedded-dictionary`,
    /// on by default). Without that feature the rules that need words do not run: see
    /// [`Linter::with_analyzer`].
    pub fn new(config: LintConfig) -> Linter {
        #[cfg(feature = "embedded-dictionary")]
        if config.user_dictionary().is_some() {
            return Linter::with_analyzer(config, crate::morphology::Analyzer::new());
        }
        let rules = normalizer_rules(&config);
        #[cfg(feature = "embedded-dictionary")]
        let analyzer = config
            .enabled()
            .any(|(rule, _)| rule.reads_words())
            .then(crate::morphology::Analyzer::new);
        Linter {
            normalizer: normalizer(&config, &rules).build(),
            config,
            #[cfg(feature = "embedded-dictionary")]
            analyzer,
            #[cfg(all(feature = "morphology", not(feature = "embedded-dictionary")))]
            analyzer: None,
        }
    }

    /// A linter with `config` that uses `analyzer` (for example over a dictionary loaded at run
    /// time, with [`Analyzer::with_dictionary`](crate::morphology::Analyzer::with_dictionary))
    /// for the rules that need words and to confirm kana typos, and never the embedded
    /// dictionary. Clones of an analyzer share it: one can serve many linters. The
    /// configuration's user dictionary, if it has one, replaces the analyzer's
    /// ([`Analyzer::with_user_dictionary`](crate::morphology::Analyzer::with_user_dictionary)).
    ///
    /// ```
    /// # #[cfg(feature = "embedded-dictionary")] {
    /// use seisho::lint::{LintConfig, Linter, Syntax};
    /// use seisho::morphology::Analyzer;
    ///
    /// let dictionary =
    ///     seisho_ipadic::load_from_parts(seisho_ipadic::DictionaryParts::embedded()).unwrap();
    /// let linter = Linter::with_analyzer(LintConfig::default(), Analyzer::with_dictionary(dictionary));
    /// let diagnostics = linter.lint("私は彼は好きだ。", Syntax::Text);
    /// assert!(diagnostics.iter().any(|d| d.rule == "no-doubled-joshi"));
    /// # }
    /// ```
    #[cfg(feature = "morphology")]
    pub fn with_analyzer(config: LintConfig, analyzer: crate::morphology::Analyzer) -> Linter {
        let rules = normalizer_rules(&config);
        let analyzer = match config.user_dictionary() {
            Some(user) => analyzer.with_user_dictionary(user.clone()),
            None => analyzer,
        };
        Linter {
            normalizer: normalizer(&config, &rules)
                .analyzer(analyzer.clone())
                .build(),
            config,
            analyzer: Some(analyzer),
        }
    }

    /// The same linter without the morphological analyzer: the rules that need words do not
    /// run, and kana typos are not confirmed by the dictionary.
    pub fn without_analyzer(mut self) -> Linter {
        let rules = normalizer_rules(&self.config);
        self.normalizer = normalizer(&self.config, &rules).dictionary(false).build();
        #[cfg(feature = "morphology")]
        {
            self.analyzer = None;
        }
        self
    }

    /// The configuration.
    pub fn config(&self) -> &LintConfig {
        &self.config
    }

    /// The diagnostics of `text`, in the order of their positions.
    pub fn lint(&self, text: &str, syntax: Syntax) -> Vec<Diagnostic> {
        #[cfg(feature = "markdown")]
        let (prose_owner, words_prose);
        let (prose, sentences, kinds): (&str, Vec<Sentence<'_>>, Vec<crate::BlockKind>) =
            match syntax {
                Syntax::Text => (text, sentences(text).collect(), Vec::new()),
                #[cfg(feature = "markdown")]
                Syntax::Markdown => {
                    prose_owner = crate::markdown::prose(text);
                    // Sentences read inline code as a word (a placeholder), not as nothing.
                    words_prose = prose_owner.with_code_placeholders();
                    let sentences: Vec<Sentence<'_>> = match &words_prose {
                        Some(p) => crate::sentences_in_blocks(p, prose_owner.blocks()).collect(),
                        None => prose_owner.sentences().collect(),
                    };
                    let (blocks, block_kinds) = (prose_owner.blocks(), prose_owner.kinds());
                    let kinds = sentences
                        .iter()
                        .map(|s| {
                            let k = blocks.partition_point(|b| b.start <= s.range().start);
                            block_kinds[k.saturating_sub(1).min(block_kinds.len() - 1)]
                        })
                        .collect();
                    (prose_owner.text(), sentences, kinds)
                }
            };

        #[cfg(feature = "morphology")]
        let joined: Vec<crate::sentence::Joined<'_>>;
        #[cfg(feature = "morphology")]
        let words: Option<Vec<Vec<context::Word<'_>>>> = match &self.analyzer {
            Some(analyzer) if self.config.enabled().any(|(r, _)| r.reads_words()) => {
                joined = sentences.iter().map(crate::sentence::Joined::new).collect();
                Some(joined.iter().map(|j| words_of(analyzer, j)).collect())
            }
            _ => None,
        };
        // The writer's own words: from the configuration, or else the analyzer's.
        #[cfg(feature = "morphology")]
        let user_words = self
            .config
            .user_dictionary()
            .or_else(|| self.analyzer.as_ref()?.user_dictionary())
            .map(|user| user.occurrences(prose))
            .unwrap_or_default();
        #[cfg(not(feature = "morphology"))]
        let user_words: Vec<std::ops::Range<usize>> = Vec::new();
        let context = Context {
            text,
            prose,
            sentences: &sentences,
            kinds: &kinds,
            user_words: &user_words,
            #[cfg(feature = "morphology")]
            words: words.as_deref(),
            #[cfg(feature = "prh")]
            prh: self.config.prh_dictionary(),
        };

        let mut out = Vec::new();
        let mut found = Vec::new();
        let mut normalized = None;
        for (rule, settings) in self.config.enabled() {
            match rule.check {
                Check::Normalizer(normalizer_rule) => {
                    let n = normalized
                        .get_or_insert_with(|| self.normalizer.normalize_prose(text, prose));
                    for edit in n.edits().iter().chain(n.suggestions()) {
                        if edit.rule() != normalizer_rule {
                            continue;
                        }
                        let severity = match edit.safety() {
                            Safety::Safe => settings.severity,
                            // A suggestion may be wrong: at most a warning.
                            Safety::Unsafe => settings.severity.min(Severity::Warning),
                        };
                        let message = message::Message::normalized(
                            normalizer_rule,
                            edit.original(),
                            edit.replacement(),
                        );
                        let fix = Fix::replace(edit.range(), edit.replacement(), edit.safety());
                        out.push((
                            rule,
                            severity,
                            Found::new(edit.range(), message).with_fix(fix),
                        ));
                    }
                }
                Check::Text(check) | Check::TextWithWords(check) | Check::Words(check) => {
                    #[cfg(feature = "morphology")]
                    let have_words = context.words.is_some();
                    #[cfg(not(feature = "morphology"))]
                    let have_words = false;
                    if matches!(rule.check, Check::Words(_)) && !have_words {
                        continue;
                    }
                    found.clear();
                    check(&context, settings, &mut found);
                    out.extend(found.drain(..).map(|f| (rule, settings.severity, f)));
                }
            }
        }

        // Nothing is reported inside a word of the user dictionary: it is written as the
        // writer means it. The rule `prh` is the writer's own word too, and has the last one.
        if !user_words.is_empty() {
            out.retain(|(rule, _, f)| rule.id() == "prh" || !within_any(&user_words, &f.range));
        }

        // A byte order mark at the start of a file is the file's encoding mark, kept as it is.
        if text.starts_with('\u{feff}') {
            out.retain(|(rule, _, f)| {
                !(rule.normalizer_rule() == Some(Rule::InvisibleCharacter) && f.range == (0..3))
            });
        }
        let lang = self.config.lang();
        let ignored = Ignored::new(text, self.config.allow());
        let index = LineIndex::new(text);
        // Positions in the order of offsets, with a cursor: many diagnostics on one long line
        // must not each count the line from its start.
        out.sort_by_key(|(_, _, f)| (f.range.start, f.range.end));
        let mut cursor = index.cursor(text);
        let mut diagnostics: Vec<Diagnostic> = out
            .into_iter()
            .filter(|(rule, _, f)| ignored.is_empty() || !ignored.covers(rule.id(), &f.range))
            .map(|(rule, severity, f)| {
                let start = cursor.line_col(f.range.start);
                let end = cursor.clone().line_col(f.range.end);
                Diagnostic {
                    rule: rule.id().to_owned(),
                    severity,
                    start,
                    end,
                    range: f.range,
                    message: f.message.render(lang),
                    fix: f.fix,
                }
            })
            .collect();
        diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
        });
        fix::drop_overlapping_fixes(&mut diagnostics);
        diagnostics
    }
}

/// Whether `range` lies inside one of `words` (sorted, apart).
fn within_any(words: &[std::ops::Range<usize>], range: &std::ops::Range<usize>) -> bool {
    let i = words.partition_point(|w| w.end < range.end);
    words
        .get(i)
        .is_some_and(|w| w.start <= range.start && range.end <= w.end)
}

/// The normalizer rules `config` turns on.
fn normalizer_rules(config: &LintConfig) -> Vec<Rule> {
    config
        .enabled()
        .filter_map(|(rule, _)| rule.normalizer_rule())
        .collect()
}

fn normalizer(config: &LintConfig, rules: &[Rule]) -> crate::normalize::NormalizerBuilder {
    let mut builder = Normalizer::builder().only(rules);
    // The writer's words are kept with the analyzer or without it.
    #[cfg(feature = "morphology")]
    if let Some(words) = config.user_dictionary() {
        builder = builder.user_dictionary(words.clone());
    }
    if let Some(style) = config
        .settings(Rule::WaveDash.id())
        .and_then(|s| crate::WaveDashStyle::from_id(s.text("style")))
    {
        builder = builder.wave_dash(style);
    }
    if let Some(settings) = config.settings(Rule::Compatibility.id()) {
        for class in settings.list("classes") {
            if let Some(class) = crate::CompatClass::from_id(class) {
                builder = builder.compat(class, true);
            }
        }
    }
    builder
}

/// The words of a joined sentence with their ranges in the original text.
#[cfg(feature = "morphology")]
fn words_of<'a>(
    analyzer: &'a crate::morphology::Analyzer,
    joined: &'a crate::sentence::Joined<'a>,
) -> Vec<context::Word<'a>> {
    analyzer
        .analyze(joined.text())
        .into_iter()
        .map(|token| {
            let range = token.range();
            let start = joined.to_original(range.start);
            let last = token
                .surface()
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            let end = if range.is_empty() {
                start
            } else {
                joined.to_original(range.end - last) + last
            };
            context::Word {
                token,
                range: start..end,
            }
        })
        .collect()
}
