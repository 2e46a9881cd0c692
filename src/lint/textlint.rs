//! textlint's configuration in seisho's terms: which seisho rule each textlint rule is, what
//! its options mean here, and the presets' rules. The CLI reads `.textlintrc` with it and the
//! tests of textlint's own suites (`tests/textlint_suites.rs`) map their cases' options with
//! it, so the one mapping is checked against textlint's tests.

use super::{LintConfig, OptionValue};

/// Each textlint rule seisho has, by the name a `.textlintrc` gives it, and the seisho rule.
/// The seisho rules named here follow a `.textlintrc` (on only where it turns them on); the
/// others (the kana typos, width variants and the rest of seisho's own) keep their defaults.
const RULES: &[(&str, &str)] = &[
    ("sentence-length", "sentence-length"),
    ("max-ten", "max-ten"),
    ("max-kanji-continuous-len", "max-kanji-continuous-len"),
    ("no-mix-dearu-desumasu", "no-mix-dearu-desumasu"),
    ("ja-no-mixed-period", "no-mixed-period"),
    ("no-double-negative-ja", "no-double-negative"),
    ("no-dropping-the-ra", "no-dropping-the-ra"),
    (
        "no-doubled-conjunctive-particle-ga",
        "no-doubled-conjunctive-particle-ga",
    ),
    ("no-doubled-joshi", "no-doubled-joshi"),
    ("no-nfd", "no-nfd"),
    ("no-invalid-control-character", "invisible-character"),
    ("no-zero-width-spaces", "invisible-character"),
    ("no-hankaku-kana", "halfwidth-kana"),
    ("ja-no-successive-word", "no-successive-word"),
    ("no-unmatched-pair", "unmatched-pair"),
    (
        "ja-no-space-between-full-width",
        "no-space-between-full-width",
    ),
    #[cfg(feature = "prh")]
    ("prh", "prh"),
];

/// An option value as a preset gives it.
#[derive(Clone, Copy, Debug)]
enum Preset {
    Integer(i64),
    Text(&'static str),
}

/// A preset's rules and their options.
type PresetRules = &'static [(&'static str, &'static [(&'static str, Preset)])];

/// The presets seisho knows, with the rules they turn on and the options they give them
/// (textlint-rule-preset-ja-technical-writing 12.0.2, `lib/…js`'s `rulesConfig`; the rules of
/// it that seisho does not have are named so that they can be said to be missing).
const PRESETS: &[(&str, PresetRules)] = &[(
    "preset-ja-technical-writing",
    &[
        ("sentence-length", &[("max", Preset::Integer(100))]),
        ("max-comma", &[]),
        ("max-ten", &[("max", Preset::Integer(3))]),
        ("max-kanji-continuous-len", &[("max", Preset::Integer(6))]),
        ("arabic-kanji-numbers", &[]),
        (
            "no-mix-dearu-desumasu",
            &[
                ("preferInHeader", Preset::Text("")),
                ("preferInBody", Preset::Text("ですます")),
                ("preferInList", Preset::Text("である")),
            ],
        ),
        ("ja-no-mixed-period", &[("periodMark", Preset::Text("。"))]),
        ("no-double-negative-ja", &[]),
        ("no-dropping-the-ra", &[]),
        ("no-doubled-conjunctive-particle-ga", &[]),
        ("no-doubled-conjunction", &[]),
        ("no-doubled-joshi", &[("min_interval", Preset::Integer(1))]),
        ("no-nfd", &[]),
        ("no-invalid-control-character", &[]),
        ("no-zero-width-spaces", &[]),
        ("no-exclamation-question-mark", &[]),
        ("no-hankaku-kana", &[]),
        ("ja-no-weak-phrase", &[]),
        ("ja-no-successive-word", &[]),
        ("ja-no-abusage", &[]),
        ("ja-no-redundant-expression", &[]),
        ("ja-unnatural-alphabet", &[]),
        ("no-unmatched-pair", &[]),
    ],
)];

/// A textlint rule's options, under textlint's names.
pub type TextlintOptions = Vec<(&'static str, OptionValue)>;

/// The seisho rule of textlint rule `name` (as a `.textlintrc` names it: `textlint-rule-` and
/// a scope may stand before it), if seisho has it.
pub fn seisho_rule(name: &str) -> Option<&'static str> {
    let name = bare_name(name);
    RULES.iter().find(|(t, _)| *t == name).map(|&(_, s)| s)
}

/// A rule's or a preset's name without its scope (`@textlint-ja/`) and its package prefix
/// (`textlint-rule-`), as a `.textlintrc` may write them: `no-doubled-joshi`,
/// `preset-ja-technical-writing`.
fn bare_name(name: &str) -> &str {
    let name = name.rsplit('/').next().unwrap_or(name);
    name.strip_prefix("textlint-rule-").unwrap_or(name)
}

/// Whether seisho rule `id` has a textlint counterpart (and so follows a `.textlintrc`).
pub fn is_textlint_rule(id: &str) -> bool {
    RULES.iter().any(|&(_, s)| s == id)
}

/// The rules of preset `name` (`textlint-rule-preset-…` or `preset-…`) and their options, if
/// seisho knows it.
pub fn preset(name: &str) -> Option<Vec<(&'static str, TextlintOptions)>> {
    let name = bare_name(name);
    let (_, rules) = PRESETS.iter().find(|(p, _)| *p == name)?;
    Some(
        rules
            .iter()
            .map(|&(rule, options)| {
                let options = options
                    .iter()
                    .map(|&(key, value)| {
                        let value = match value {
                            Preset::Integer(n) => OptionValue::Integer(n),
                            Preset::Text(s) => OptionValue::Text(s.to_owned()),
                        };
                        (key, value)
                    })
                    .collect();
                (rule, options)
            })
            .collect(),
    )
}

/// Turns on seisho rule `rule` (a seisho id, see [`seisho_rule`]) with textlint's `options`
/// for it, under their textlint names, and returns what seisho does otherwise than textlint
/// would (empty when nothing). An option seisho has no counterpart for is an error naming it;
/// textlint's defaults that are seisho's behaviour are accepted.
pub fn configure(
    config: &mut LintConfig,
    rule: &str,
    options: &[(&str, OptionValue)],
) -> Result<Vec<String>, String> {
    let mut set = Vec::new();
    let mut notes = Vec::new();
    let mut prefer: Option<&str> = None;
    let mut prefer_differs = false;
    for (key, value) in options {
        let unsupported = || format!("option `{key}` = {value:?}");
        match (rule, *key, value) {
            ("sentence-length" | "max-ten" | "max-kanji-continuous-len", "max", _) => {
                set.push(("max", value.clone()));
            }
            ("max-kanji-continuous-len", "allow", _) => set.push(("allow", value.clone())),
            ("no-doubled-joshi", "min_interval", _) => set.push(("min-interval", value.clone())),
            // textlint's `allow` (particles not reported) is the complement of seisho's
            // `particles` (those reported).
            ("no-doubled-joshi", "allow", OptionValue::List(allow)) => {
                let defaults = LintConfig::default();
                let Some(OptionValue::List(particles)) =
                    defaults.settings(rule).and_then(|s| s.option("particles"))
                else {
                    return Err(unsupported());
                };
                let kept = particles
                    .iter()
                    .filter(|p| !allow.contains(p))
                    .cloned()
                    .collect();
                set.push(("particles", OptionValue::List(kept)));
            }
            // textlint's defaults, which are seisho's behaviour.
            ("no-doubled-joshi" | "no-mix-dearu-desumasu", "strict", OptionValue::Bool(false))
            | ("no-mixed-period", "checkFootnote", OptionValue::Bool(false)) => {}
            // seisho's `prefer` is one for body, headings and lists: textlint's preferences
            // map onto it when they agree (an empty one leaves that part automatic).
            (
                "no-mix-dearu-desumasu",
                "preferInBody" | "preferInHeader" | "preferInList",
                OptionValue::Text(s),
            ) => {
                let style = match s.as_str() {
                    "" => continue,
                    "である" => "dearu",
                    "ですます" => "desumasu",
                    _ => return Err(unsupported()),
                };
                prefer_differs |= prefer.is_some_and(|p| p != style);
                prefer = Some(style);
            }
            ("prh", "rulePaths", OptionValue::List(_)) => set.push(("rule-paths", value.clone())),
            // textlint-rule-prh's defaults, which are seisho's: headings and paragraphs are
            // read, block quotes are not.
            ("prh", "checkHeader" | "checkParagraph", OptionValue::Bool(true))
            | ("prh", "checkBlockQuote", OptionValue::Bool(false)) => {}
            // What seisho reads of a document is its own: said, and the dictionaries kept (an
            // unread option must not lose `rulePaths`).
            (
                "prh",
                "checkLink" | "checkEmphasis" | "checkHeader" | "checkParagraph"
                | "checkBlockQuote" | "checkCodeComment",
                OptionValue::Bool(_),
            ) => notes.push(format!(
                "prh: {key} = {value}: seisho reads headings, paragraphs, link text and \
                 emphasis, and never block quotes or code"
            )),
            ("no-mixed-period", "periodMark", OptionValue::Text(mark))
                if mark == "。" || mark == "．" =>
            {
                set.push(("period", value.clone()));
            }
            _ => return Err(unsupported()),
        }
    }
    match prefer {
        // seisho judges body, headings and lists apart but has one `prefer`: where they differ,
        // each part is held to the style most of it is written in.
        Some(_) if prefer_differs => notes.push(
            "no-mix-dearu-desumasu: preferInBody, preferInHeader and preferInList differ; \
             seisho holds each part to the style most of it is written in"
                .to_owned(),
        ),
        Some(style) => set.push(("prefer", OptionValue::Text(style.to_owned()))),
        None => {}
    }
    config.set_enabled(rule, true).map_err(|e| e.to_string())?;
    for (key, value) in set {
        config
            .set_option(rule, key, value)
            .map_err(|e| e.to_string())?;
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::LintRule;

    /// textlint-rule-prh's `check…` options that seisho does not follow are said, and its
    /// `rulePaths` kept.
    #[cfg(feature = "prh")]
    #[test]
    fn prh_options() {
        let mut config = LintConfig::default();
        let options = [
            ("rulePaths", OptionValue::List(vec!["prh.yml".into()])),
            ("checkLink", OptionValue::Bool(false)),
            ("checkHeader", OptionValue::Bool(true)),
        ];
        let notes = configure(&mut config, "prh", &options).unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("checkLink"), "{notes:?}");
        assert_eq!(
            config.settings("prh").unwrap().option("rule-paths"),
            Some(&OptionValue::List(vec!["prh.yml".into()]))
        );
    }

    #[test]
    fn every_mapped_rule_is_a_seisho_rule() {
        for &(textlint, seisho) in RULES {
            assert!(LintRule::find(seisho).is_some(), "{textlint} → {seisho}");
        }
        for (preset, rules) in PRESETS {
            for (rule, _) in rules.iter() {
                if let Some(id) = seisho_rule(rule) {
                    let options: Vec<(&str, OptionValue)> = super::preset(preset)
                        .unwrap()
                        .into_iter()
                        .find(|r| r.0 == *rule)
                        .unwrap()
                        .1;
                    let options: Vec<(&str, OptionValue)> = options;
                    let mut config = LintConfig::default();
                    configure(&mut config, id, &options)
                        .unwrap_or_else(|e| panic!("{preset} {rule}: {e}"));
                }
            }
        }
        assert_eq!(
            seisho_rule("textlint-rule-no-double-negative-ja"),
            Some("no-double-negative")
        );
        assert_eq!(
            seisho_rule("@textlint-rule/no-unmatched-pair"),
            Some("unmatched-pair")
        );
        assert_eq!(seisho_rule("ja-no-weak-phrase"), None);
    }
}
