//! Ignore comments: `<!-- seisho-disable rule-id -->` … `<!-- seisho-enable -->` and
//! `<!-- seisho-disable-next-line -->` turn rules off for part of a document. textlint's
//! `textlint-disable` and `textlint-enable` are read too, so a draft keeps its comments.
//! The configuration's allowed words (`allow`, as textlint's allowlist filter) turn every rule
//! off where they stand.

use std::ops::Range;

use super::LintRule;

/// The parts of a document where rules are off.
#[derive(Debug, Default)]
pub(crate) struct Ignored {
    /// A byte range and the rules off in it (`None`: every rule).
    regions: Vec<(Range<usize>, Option<Vec<&'static str>>)>,
}

impl Ignored {
    /// Reads the ignore comments of `text`, and finds the words of `allow` in it.
    pub(crate) fn new(text: &str, allow: &[String]) -> Ignored {
        let mut regions = Vec::new();
        for word in allow.iter().filter(|w| !w.is_empty()) {
            regions.extend(
                text.match_indices(word.as_str())
                    .map(|(at, w)| (at..at + w.len(), None)),
            );
        }
        // Open disable comments: where each started, and for which rules.
        let mut open: Vec<(usize, Option<Vec<&'static str>>)> = Vec::new();
        let mut from = 0;
        while let Some(at) = text[from..].find("<!--").map(|i| from + i) {
            // `<!-->` and `<!--->` are empty comments (as in HTML and CommonMark): the `-->`
            // may overlap the opener.
            let Some(close) = text[at + 2..].find("-->").map(|i| at + 2 + i) else {
                break;
            };
            from = close + 3;
            let body = text.get(at + 4..close).unwrap_or("").trim();
            let Some((directive, rest)) = directive(body) else {
                continue;
            };
            let rules = rules(rest);
            match directive {
                Directive::Disable => open.push((from, rules)),
                Directive::Enable => match rules {
                    // Every open region ends here.
                    None => {
                        for (start, rules) in open.drain(..) {
                            regions.push((start..at, rules));
                        }
                    }
                    // The named rules come back on; other rules stay off.
                    Some(enabled) => {
                        let mut still_open = Vec::new();
                        for (start, rules) in open.drain(..) {
                            match rules {
                                None => {
                                    regions.push((start..at, None));
                                    still_open.push((at, None));
                                    // Everything but the enabled rules stays off: kept as a
                                    // region per remaining rule would need the full list, so
                                    // the enabled ones are subtracted when checking.
                                    if let Some((_, except)) = still_open.last_mut() {
                                        *except = Some(
                                            LintRule::all()
                                                .iter()
                                                .map(|r| r.id())
                                                .filter(|id| !enabled.contains(id))
                                                .collect(),
                                        );
                                    }
                                }
                                Some(ids) => {
                                    let (ended, kept): (Vec<_>, Vec<_>) =
                                        ids.into_iter().partition(|id| enabled.contains(id));
                                    if !ended.is_empty() {
                                        regions.push((start..at, Some(ended)));
                                    }
                                    if !kept.is_empty() {
                                        still_open.push((start, Some(kept)));
                                    }
                                }
                            }
                        }
                        open = still_open;
                    }
                },
                Directive::DisableNextLine => {
                    // The line after the comment's line.
                    let next_line = text[close..].find('\n').map(|i| close + i + 1);
                    if let Some(start) = next_line {
                        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                        regions.push((start..end, rules));
                    }
                }
            }
        }
        for (start, rules) in open {
            regions.push((start..text.len(), rules));
        }
        Ignored { regions }
    }

    /// Whether rule `id` is off at `range`'s start.
    pub(crate) fn covers(&self, id: &str, range: &Range<usize>) -> bool {
        self.regions.iter().any(|(region, rules)| {
            region.contains(&range.start) && rules.as_ref().is_none_or(|ids| ids.contains(&id))
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}

enum Directive {
    Disable,
    Enable,
    DisableNextLine,
}

fn directive(body: &str) -> Option<(Directive, &str)> {
    for prefix in ["seisho-", "textlint-"] {
        let Some(rest) = body.strip_prefix(prefix) else {
            continue;
        };
        // The longest first: disable-next-line before disable.
        if let Some(rest) = rest.strip_prefix("disable-next-line") {
            return word_end(rest).then_some((Directive::DisableNextLine, rest));
        }
        if let Some(rest) = rest.strip_prefix("disable") {
            return word_end(rest).then_some((Directive::Disable, rest));
        }
        if let Some(rest) = rest.strip_prefix("enable") {
            return word_end(rest).then_some((Directive::Enable, rest));
        }
    }
    None
}

fn word_end(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(char::is_whitespace)
}

/// The rules a directive names (`None`: every rule). Unknown ids are ignored (a comment
/// written for textlint may name textlint's own rules).
fn rules(rest: &str) -> Option<Vec<&'static str>> {
    let ids: Vec<&str> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        return None;
    }
    Some(
        ids.iter()
            .filter_map(|id| {
                let id = id.strip_prefix("ja-technical-writing/").unwrap_or(id);
                LintRule::find(id).map(|r| r.id())
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::Ignored;

    fn off(text: &str, rule: &str, marker: &str) -> bool {
        let at = text.find(marker).unwrap();
        Ignored::new(text, &[]).covers(rule, &(at..at + 1))
    }

    #[test]
    fn allowed_words() {
        let allow = ["ｲﾝﾀｰﾈｯﾄ".to_owned(), String::new()];
        let text = "ｲﾝﾀｰﾈｯﾄとｲﾝﾀｰﾈｯﾄ、ﾃﾞｰﾀ";
        let ignored = Ignored::new(text, &allow);
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).unwrap().0;
        for n in 0..2 {
            assert!(ignored.covers("halfwidth-kana", &(at("ｲﾝﾀｰﾈｯﾄ", n)..text.len())));
            assert!(ignored.covers("max-ten", &(at("ﾈｯﾄ", n)..text.len())));
        }
        assert!(!ignored.covers("halfwidth-kana", &(at("ﾃﾞｰﾀ", 0)..text.len())));
        assert!(!ignored.covers("halfwidth-kana", &(at("と", 0)..text.len())));
    }

    #[test]
    fn comments() {
        let text = "A\n<!-- seisho-disable sentence-length -->\nB\n<!-- seisho-enable -->\nC\n";
        assert!(!off(text, "sentence-length", "A"));
        assert!(off(text, "sentence-length", "B"));
        assert!(!off(text, "max-ten", "B"));
        assert!(!off(text, "sentence-length", "C"));

        let text = "<!-- seisho-disable -->\nB\n<!-- seisho-enable max-ten -->\nC\n";
        assert!(off(text, "max-ten", "B") && off(text, "wave-dash", "B"));
        assert!(!off(text, "max-ten", "C") && off(text, "wave-dash", "C"));

        let text = "A\n<!-- seisho-disable-next-line -->\nB\nC\n";
        assert!(!off(text, "max-ten", "A"));
        assert!(off(text, "max-ten", "B"));
        assert!(!off(text, "max-ten", "C"));

        // textlint's comments, with textlint's rule names; an unclosed disable runs to the end.
        let text = "A\n<!-- textlint-disable ja-technical-writing/no-hankaku-kana -->\nB\n";
        assert!(off(text, "halfwidth-kana", "B"));
        assert!(!off(text, "max-ten", "B"));
        // Not a directive.
        let text = "<!-- seisho-disabled -->B<!-- unrelated -->";
        assert!(!off(text, "max-ten", "B"));
    }

    /// `<!-->` and `<!--->` are empty comments, their `-->` overlapping the opener (they
    /// made the body's slice run backwards; found by the markdown fuzz target, input in
    /// tests/data/fuzz-regressions/markdown/).
    #[test]
    fn empty_comments() {
        for text in ["<!-->B", "A<!--->B", "<!--", "<!--->", "<!---->"] {
            assert!(!off(&format!("{text}B"), "max-ten", "B"));
        }
        let text = "<!--> <!-- seisho-disable -->B";
        assert!(off(text, "max-ten", "B"));
        let text = "<!---> <!-- seisho-disable -->B";
        assert!(off(text, "max-ten", "B"));
    }
}
