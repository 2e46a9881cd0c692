//! The normalizer: options, the scanner that finds what to change, and its result.

pub(crate) mod chars;
mod invisible;
mod kana;
pub(crate) mod neologdn;
mod prose;
mod scan;
#[cfg(feature = "morphology")]
mod words;

use std::borrow::Cow;
use std::ops::Range;

use crate::edit::Edit;
use crate::rule::{Rule, RuleSet, Safety};

/// The form that `wave-dash` writes 〜 (U+301C) and ～ (U+FF5E) in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum WaveDashStyle {
    /// U+301C WAVE DASH 〜, the character of JIS X 0208 (what macOS and most fonts show as
    /// the Japanese wave dash).
    #[default]
    WaveDash,
    /// U+FF5E FULLWIDTH TILDE ～, what Windows IMEs type.
    FullwidthTilde,
}

impl WaveDashStyle {
    /// Every style.
    pub const ALL: &'static [WaveDashStyle] =
        &[WaveDashStyle::WaveDash, WaveDashStyle::FullwidthTilde];

    /// The kebab-case id (`wave-dash`, `fullwidth-tilde`), as configuration names it.
    pub const fn id(self) -> &'static str {
        match self {
            WaveDashStyle::WaveDash => "wave-dash",
            WaveDashStyle::FullwidthTilde => "fullwidth-tilde",
        }
    }

    /// The style with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.id() == id)
    }

    /// The character it writes: 〜 or ～.
    pub const fn char(self) -> char {
        match self {
            WaveDashStyle::WaveDash => '〜',
            WaveDashStyle::FullwidthTilde => '～',
        }
    }
}

/// Classes of compatibility characters that NFKC would change and that seisho leaves alone
/// unless asked (rule `compatibility`). Each class is opt-in because NFKC damages them in
/// ordinary text: ① is not 1, ㈱ is one character in a company name, m² is not m2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CompatClass {
    /// Circled and parenthesized characters: ① → 1, ⑴ → (1), ㈱ → (株), ㊤ → 上.
    Enclosed,
    /// Squared CJK abbreviations and units: ㍻ → 平成, ㌔ → キロ, ㎏ → kg.
    Squared,
    /// Superscripts and subscripts: m² → m2, H₂O → H2O.
    Superscript,
    /// Number forms and vulgar fractions: Ⅲ → III, ½ → 1⁄2.
    NumberForm,
    /// Letterlike symbols: ℃ → °C, № → No, ℡ → TEL.
    Letterlike,
    /// CJK compatibility ideographs to their unified ideographs: 塚 (U+FA10) → 塚 (U+585A).
    /// (NFC makes this change too.)
    Ideograph,
    /// Latin ligatures: ﬁ → fi.
    Ligature,
}

impl CompatClass {
    /// Every class.
    pub const ALL: &'static [CompatClass] = &[
        CompatClass::Enclosed,
        CompatClass::Squared,
        CompatClass::Superscript,
        CompatClass::NumberForm,
        CompatClass::Letterlike,
        CompatClass::Ideograph,
        CompatClass::Ligature,
    ];

    /// The kebab-case id (`enclosed`, `number-form`, …), as configuration names it.
    pub const fn id(self) -> &'static str {
        match self {
            CompatClass::Enclosed => "enclosed",
            CompatClass::Squared => "squared",
            CompatClass::Superscript => "superscript",
            CompatClass::NumberForm => "number-form",
            CompatClass::Letterlike => "letterlike",
            CompatClass::Ideograph => "ideograph",
            CompatClass::Ligature => "ligature",
        }
    }

    /// The class with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.id() == id)
    }

    /// What the class holds, with an example, in one line.
    pub const fn summary(self) -> &'static str {
        match self {
            CompatClass::Enclosed => "circled and parenthesized characters: ① → 1, ㈱ → (株)",
            CompatClass::Squared => "squared abbreviations and units: ㍻ → 平成, ㎏ → kg",
            CompatClass::Superscript => "superscripts and subscripts: m² → m2",
            CompatClass::NumberForm => "number forms and fractions: Ⅲ → III, ½ → 1⁄2",
            CompatClass::Letterlike => "letterlike symbols: ℃ → °C, № → No",
            CompatClass::Ideograph => "CJK compatibility ideographs to unified ideographs",
            CompatClass::Ligature => "Latin ligatures: ﬁ → fi",
        }
    }

    /// The class of `c`, if it is in one.
    pub fn of(c: char) -> Option<CompatClass> {
        Some(match c as u32 {
            0x00BC..=0x00BE => CompatClass::NumberForm,
            0x00AA..=0x00BA | 0x2070..=0x209F => CompatClass::Superscript,
            0x2100..=0x214F => CompatClass::Letterlike,
            0x2150..=0x218F => CompatClass::NumberForm,
            0x2460..=0x24FF | 0x2776..=0x2793 | 0x3200..=0x32FF | 0x1F100..=0x1F1FF => {
                CompatClass::Enclosed
            }
            0x3300..=0x33FF | 0x1F200..=0x1F2FF => CompatClass::Squared,
            0xF900..=0xFAFF | 0x2F800..=0x2FA1F => CompatClass::Ideograph,
            0xFB00..=0xFB4F => CompatClass::Ligature,
            _ => return None,
        })
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A configured normalizer. Build one with [`Normalizer::builder`] and reuse it: it holds no
/// per-call state and is cheap to share between threads.
///
/// ```
/// use seisho::{Normalizer, Rule, WaveDashStyle};
///
/// let n = Normalizer::builder()
///     .wave_dash(WaveDashStyle::FullwidthTilde)
///     .disable(Rule::FullwidthAscii)
///     .build();
/// assert_eq!(n.normalize("ＡＢＣ〜ｶﾞｲﾄﾞ").text(), "ＡＢＣ～ガイド");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalizer {
    pub(crate) rules: RuleSet,
    pub(crate) unsafe_fixes: bool,
    pub(crate) wave_dash: WaveDashStyle,
    pub(crate) compat: u8,
    pub(crate) collapse_exclamations: bool,
    /// Confirm kana typo suggestions with the dictionary: [`words::analyzer`] gives the
    /// analyzer (feature `morphology`), and is `Some` when this is on.
    pub(crate) check_words: bool,
    /// The analyzer given to the builder; without one, the one over the embedded dictionary
    /// (feature `embedded-dictionary`).
    #[cfg(feature = "morphology")]
    pub(crate) analyzer: Option<words::Given>,
    /// The writer's own words, never changed (else the analyzer's user dictionary, if any).
    #[cfg(feature = "morphology")]
    pub(crate) user_words: Option<crate::morphology::UserDictionary>,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            rules: RuleSet::defaults(),
            unsafe_fixes: false,
            wave_dash: WaveDashStyle::WaveDash,
            compat: 0,
            collapse_exclamations: false,
            check_words: cfg!(feature = "embedded-dictionary"),
            #[cfg(feature = "morphology")]
            analyzer: None,
            #[cfg(feature = "morphology")]
            user_words: None,
        }
    }
}

/// Chooses the rules and options of a [`Normalizer`].
#[derive(Debug, Clone, Default)]
pub struct NormalizerBuilder {
    n: Normalizer,
}

impl NormalizerBuilder {
    /// Turns `rule` on or off.
    /// A preset ([`Rule::is_preset`]) is not a rule of the normalizer: it stays off.
    pub fn rule(mut self, rule: Rule, on: bool) -> Self {
        self.n.rules.set(rule, on && !rule.is_preset());
        self
    }

    /// Turns `rule` on.
    pub fn enable(self, rule: Rule) -> Self {
        self.rule(rule, true)
    }

    /// Turns `rule` off: it makes no edits and no suggestions.
    pub fn disable(self, rule: Rule) -> Self {
        self.rule(rule, false)
    }

    /// Runs exactly these rules.
    pub fn only(mut self, rules: &[Rule]) -> Self {
        for &r in Rule::ALL {
            self.n.rules.set(r, rules.contains(&r) && !r.is_preset());
        }
        self
    }

    /// Applies unsafe fixes (suggestions) too. Off by default.
    pub fn unsafe_fixes(mut self, on: bool) -> Self {
        self.n.unsafe_fixes = on;
        self
    }

    /// The form of the wave dash (default U+301C 〜).
    pub fn wave_dash(mut self, style: WaveDashStyle) -> Self {
        self.n.wave_dash = style;
        self
    }

    /// Applies NFKC to the characters of `class` (and turns on the `compatibility` rule when
    /// any class is on).
    pub fn compat(mut self, class: CompatClass, on: bool) -> Self {
        if on {
            self.n.compat |= class.bit();
        } else {
            self.n.compat &= !class.bit();
        }
        self.n.rules.set(Rule::Compatibility, self.n.compat != 0);
        self
    }

    /// Collapses runs of full-width ！ or ？ to one (`duplicated-punctuation`). Off by default:
    /// such runs are usually emphasis.
    pub fn collapse_exclamations(mut self, on: bool) -> Self {
        self.n.collapse_exclamations = on;
        self
    }

    /// Whether a suggestion of the kana typo rules (`hiragana-in-katakana`,
    /// `kanji-in-katakana`, `small-kana`) becomes a safe fix when the dictionary confirms it
    /// (`力メラ` → `カメラ`: カメラ is a word, 力メラ reads as 力 + an unknown word). On by
    /// default, with the analyzer given to [`NormalizerBuilder::analyzer`] or else the
    /// embedded dictionary (feature `embedded-dictionary`); without either it does nothing.
    pub fn dictionary(mut self, on: bool) -> Self {
        self.n.check_words = on && self.has_dictionary();
        self
    }

    /// Confirms kana typo suggestions (see [`NormalizerBuilder::dictionary`]) with `analyzer`,
    /// for example one over a dictionary loaded at run time, and never with the embedded one.
    /// Turns the check on.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-dictionary")] {
    /// use seisho::morphology::Analyzer;
    ///
    /// // Any dictionary: here the embedded one, loaded from its files in memory.
    /// let dictionary =
    ///     seisho_ipadic::load_from_parts(seisho_ipadic::DictionaryParts::embedded()).unwrap();
    /// let n = seisho::Normalizer::builder()
    ///     .analyzer(Analyzer::with_dictionary(dictionary))
    ///     .build();
    /// assert_eq!(n.normalize("力メラ").text(), "カメラ");
    /// # }
    /// ```
    #[cfg(feature = "morphology")]
    pub fn analyzer(mut self, analyzer: crate::morphology::Analyzer) -> Self {
        self.n.analyzer = Some(words::Given(analyzer));
        self.n.check_words = true;
        self
    }

    /// Changes and suggests nothing in the words of `words` (the writer's own: product names,
    /// terms), as they are written; a bracket pair stays one unit. An analyzer with a user
    /// dictionary ([`NormalizerBuilder::analyzer`]) does the same with its words, and also reads
    /// them as words when it confirms a kana typo; this works without any analyzer.
    ///
    /// ```
    /// use seisho::morphology::UserDictionary;
    ///
    /// let words = UserDictionary::from_csv("ＡＢＣマート,組織,エービーシーマート").unwrap();
    /// let n = seisho::Normalizer::builder().user_dictionary(words).dictionary(false).build();
    /// assert_eq!(n.normalize("ＡＢＣマートとＡＢＣ").text(), "ＡＢＣマートとABC");
    /// ```
    #[cfg(feature = "morphology")]
    pub fn user_dictionary(mut self, words: crate::morphology::UserDictionary) -> Self {
        self.n.user_words = (!words.is_empty()).then_some(words);
        self
    }

    /// Whether an analyzer can confirm suggestions: one was given, or one is embedded.
    fn has_dictionary(&self) -> bool {
        #[cfg(feature = "morphology")]
        if self.n.analyzer.is_some() {
            return true;
        }
        cfg!(feature = "embedded-dictionary")
    }

    /// Suggests …… for ・・・ and ... in Japanese text (the `leader` rule).
    pub fn leaders(self, on: bool) -> Self {
        self.rule(Rule::Leader, on)
    }

    /// The normalizer.
    pub fn build(self) -> Normalizer {
        self.n
    }
}

impl Normalizer {
    /// A builder starting from the safe defaults.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// Whether the kana rules probe what only the dictionary can confirm (a large ツ ヤ ユ ヨ):
    /// never in a build without it, so that such a build carries no code for them.
    #[inline]
    pub(crate) fn probes(&self) -> bool {
        cfg!(feature = "morphology") && self.check_words
    }

    /// Whether `rule` is on.
    pub fn is_enabled(&self, rule: Rule) -> bool {
        self.rules.contains(rule)
    }

    /// Whether unsafe fixes are applied.
    pub fn applies_unsafe_fixes(&self) -> bool {
        self.unsafe_fixes
    }

    /// Whether `class` is converted: the class is chosen and the `compatibility` rule is on.
    pub(crate) fn compat_enabled(&self, class: CompatClass) -> bool {
        self.compat & class.bit() != 0 && self.rules.contains(Rule::Compatibility)
    }

    /// Normalizes `text`. The result borrows `text` when nothing changed.
    ///
    /// With an analyzer that has a user dictionary ([`NormalizerBuilder::analyzer`],
    /// [`Analyzer::with_user_dictionary`](crate::morphology::Analyzer::with_user_dictionary)),
    /// nothing is changed or suggested in the words of the user dictionary, as they are written
    /// in `text`.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let n = self.normalize_all(text);
        #[cfg(feature = "morphology")]
        let n = words::keep_user_words(self, text, n);
        n
    }

    fn normalize_all<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut sink = Sink::new(text, self, false);
        sink.defer_first_pass = true;
        scan::scan(self, text, &mut sink);
        if sink.needs_late_pass {
            return self.normalize_with_late_pass(text);
        }
        if sink.needs_two_passes {
            return self.normalize_in_two_passes(text);
        }
        Normalized::build(text, sink.edits, sink.suggestions)
    }

    /// `hiragana-loanword` judges a word after the voiced marks and invisible characters in it
    /// are fixed (う゛ぁ is ゔぁ): every other rule runs first, then it runs on their output,
    /// and the two edit lists are composed over the original text.
    fn normalize_with_late_pass<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut rest = self.clone();
        rest.rules.set(Rule::HiraganaLoanword, false);
        let first = rest.normalize(text);
        let mut late = self.clone();
        late.rules = RuleSet::empty();
        late.rules.set(Rule::HiraganaLoanword, true);
        late.compat = 0;
        let middle = first.text().to_owned();
        let second = late.scan(&middle);
        compose(text, &first, &second)
    }

    fn scan<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut sink = Sink::new(text, self, false);
        scan::scan(self, text, &mut sink);
        Normalized::build(text, sink.edits, sink.suggestions)
    }

    /// Whether normalizing `text` would change it, answered without allocating.
    pub fn is_normalized(&self, text: &str) -> bool {
        let mut sink = Sink::new(text, self, true);
        sink.defer_first_pass = true;
        scan::scan(self, text, &mut sink);
        if sink.needs_late_pass && !sink.found && !sink.needs_two_passes {
            // Rare: a loanword around a mark or an invisible character, which changes anyway.
            return !self.normalize(text).is_changed();
        }
        #[cfg(feature = "morphology")]
        if (sink.found || sink.needs_two_passes || sink.needs_late_pass)
            && words::has_user_words(self)
        {
            // The change found may be in a word of the user dictionary, left as it is.
            return !self.normalize(text).is_changed();
        }
        !sink.found && !sink.needs_two_passes
    }

    /// Compatibility characters and Kangxi radicals can become letters, digits, brackets and
    /// the very look-alikes other rules fix (⑴ → (1), ㌔ → キロ, ⼀ → 一), and the other rules
    /// judge characters by their neighbours. So when a text holds one, those two rules run
    /// first, the others run on their output, and the two edit lists are composed into one
    /// over the original text: the result is what a second pass would leave unchanged.
    fn normalize_in_two_passes<'a>(&self, text: &'a str) -> Normalized<'a> {
        const FIRST: [Rule; 2] = [Rule::Compatibility, Rule::KangxiRadical];
        let mut first_only = self.clone();
        first_only.rules = RuleSet::empty();
        for rule in FIRST {
            first_only.rules.set(rule, self.rules.contains(rule));
        }
        let first = first_only.scan(text);
        let mut rest = self.clone();
        rest.compat = 0;
        for rule in FIRST {
            rest.rules.set(rule, false);
        }
        let middle = first.text().to_owned();
        // Not `scan`: the rest may need the late pass of `hiragana-loanword`.
        let second = rest.normalize(&middle);
        compose(text, &first, &second)
    }
}

/// Composes `first` (over `input`) and `second` (over `first`'s output) into edits over
/// `input`. Where an edit of `second` touches a replacement of `first`, the two become one
/// edit over the whole original span, named for the later rule.
fn compose<'a>(input: &'a str, first: &Normalized<'a>, second: &Normalized<'_>) -> Normalized<'a> {
    let middle = first.text();
    let out = second.text();
    let span_of = |e: &Edit<'_>| first.original_range(e.range());
    let mut spans: Vec<(Range<usize>, Rule, Safety, bool)> = first
        .edits()
        .iter()
        .map(|e| (e.range(), e.rule(), e.safety(), false))
        .chain(
            second
                .edits()
                .iter()
                .map(|e| (span_of(e), e.rule(), e.safety(), true)),
        )
        .collect();
    spans.sort_by_key(|(r, _, _, late)| (r.start, !*late));
    let mut merged: Vec<(Range<usize>, Rule, Safety, bool)> = Vec::with_capacity(spans.len());
    for (range, rule, safety, late) in spans {
        if let Some(last) = merged.last_mut() {
            if range.start < last.0.end {
                last.0.end = last.0.end.max(range.end);
                if late && !last.3 {
                    last.1 = rule;
                    last.3 = true;
                }
                last.2 = last.2.max(safety);
                continue;
            }
        }
        merged.push((range, rule, safety, late));
    }
    let edits = merged
        .into_iter()
        .map(|(range, rule, safety, _)| {
            let out_range = second.normalized_range(first.normalized_range(range.clone()));
            Edit::new(input, range, &out[out_range], rule, safety)
        })
        .collect();
    let suggestions = second
        .suggestions()
        .iter()
        .map(|e| {
            let span = span_of(e);
            let wide = first.normalized_range(span.clone());
            let replacement = format!(
                "{}{}{}",
                &middle[wide.start..e.range().start],
                e.replacement(),
                &middle[e.range().end..wide.end]
            );
            Edit::new(input, span, &replacement, e.rule(), e.safety())
        })
        .fold(Vec::<Edit<'a>>::new(), |mut kept, e| {
            // Two suggestions inside one first-pass replacement widen to the same span.
            if kept
                .last()
                .is_none_or(|last| last.range().end <= e.range().start)
            {
                kept.push(e);
            }
            kept
        });
    let composed = Normalized::build(input, edits, suggestions);
    debug_assert_eq!(composed.text(), out);
    composed
}

/// Collects edits as the scanner finds them, merging adjacent ones of the same rule.
pub(crate) struct Sink<'a> {
    input: &'a str,
    rules: RuleSet,
    unsafe_fixes: bool,
    check_only: bool,
    /// In `check_only` mode: an edit that would be applied was found.
    pub(crate) found: bool,
    /// Stop at a character that the first of two passes must handle (see
    /// `Normalizer::normalize_in_two_passes`) and say so in `needs_two_passes`.
    pub(crate) defer_first_pass: bool,
    pub(crate) needs_two_passes: bool,
    /// A loanword in hiragana holds a voiced mark or an invisible character: it is judged in a
    /// late pass, after those are fixed.
    pub(crate) needs_late_pass: bool,
    edits: Vec<Edit<'a>>,
    suggestions: Vec<Edit<'a>>,
    /// The paired round, square and curly brackets of the input (see
    /// `text::brackets::folded_partners`), found when the first full-width one is decided.
    partners: Option<Vec<(usize, usize)>>,
}

impl<'a> Sink<'a> {
    fn new(input: &'a str, n: &Normalizer, check_only: bool) -> Self {
        Sink {
            input,
            rules: n.rules,
            unsafe_fixes: n.unsafe_fixes,
            check_only,
            found: false,
            defer_first_pass: false,
            needs_two_passes: false,
            needs_late_pass: false,
            edits: Vec::new(),
            suggestions: Vec::new(),
            partners: None,
        }
    }

    /// Where the bracket at `pos` has its partner (either width, across line breaks, within
    /// its paragraph), if it has one.
    pub(crate) fn partner(&mut self, pos: usize) -> Option<usize> {
        let input = self.input;
        let partners = self
            .partners
            .get_or_insert_with(|| crate::text::brackets::folded_partners(input));
        partners
            .binary_search_by_key(&pos, |&(at, _)| at)
            .ok()
            .map(|k| partners[k].1)
    }

    /// Whether `rule` is on.
    #[inline]
    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        self.rules.contains(rule)
    }

    /// Takes back the edits and suggestions that start at or after `pos`, for a later rule
    /// that makes one edit of a span they were part of.
    pub(crate) fn retract_from(&mut self, pos: usize) {
        while self.edits.last().is_some_and(|e| e.range().start >= pos) {
            self.edits.pop();
        }
        while self
            .suggestions
            .last()
            .is_some_and(|e| e.range().start >= pos)
        {
            self.suggestions.pop();
        }
    }

    /// Whether nothing has been recorded at or after `pos` (neither an edit nor a suggestion),
    /// so that a span starting there overlaps neither.
    pub(crate) fn free_from(&self, pos: usize) -> bool {
        let end = |list: &[Edit<'_>]| list.last().map_or(0, |e| e.range().end);
        end(&self.edits) <= pos && end(&self.suggestions) <= pos
    }

    /// Whether an edit of `safety` is applied (rather than suggested).
    #[inline]
    pub(crate) fn applies(&self, safety: Safety) -> bool {
        safety == Safety::Safe || self.unsafe_fixes
    }

    /// Whether the scan can stop: in check mode, once something would change.
    #[inline]
    pub(crate) fn done(&self) -> bool {
        self.found || self.needs_two_passes
    }

    /// Records an edit of a rule of the first pass (compatibility, Kangxi radicals), or stops
    /// the scan when this is a single pass over the whole text.
    pub(crate) fn push_first_pass(&mut self, range: Range<usize>, replacement: &str, rule: Rule) {
        if !self.rules.contains(rule) || self.input[range.clone()] == *replacement {
            return;
        }
        if self.defer_first_pass {
            self.needs_two_passes = true;
        } else {
            self.push(range, replacement, rule, Safety::Safe);
        }
    }

    /// Records that `range` becomes `replacement` by `rule`.
    pub(crate) fn push(
        &mut self,
        range: Range<usize>,
        replacement: &str,
        rule: Rule,
        safety: Safety,
    ) {
        if !self.rules.contains(rule) || self.input[range.clone()] == *replacement {
            return;
        }
        let applied = safety == Safety::Safe || self.unsafe_fixes;
        if self.check_only {
            self.found |= applied;
            return;
        }
        let list = if applied {
            &mut self.edits
        } else {
            &mut self.suggestions
        };
        if let Some(last) = list.last_mut() {
            if last.range().end == range.start && last.rule() == rule && last.safety() == safety {
                last.extend(self.input, range.end, replacement);
                return;
            }
        }
        list.push(Edit::new(self.input, range, replacement, rule, safety));
    }

    pub(crate) fn push_char(&mut self, range: Range<usize>, c: char, rule: Rule, safety: Safety) {
        let mut buf = [0u8; 4];
        self.push(range, c.encode_utf8(&mut buf), rule, safety);
    }
}

/// The result of normalizing a text: the output (borrowed when nothing changed), the edits that
/// made it, the suggestions that were not applied, and offset maps between the two texts.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Normalized<'a> {
    #[serde(skip)]
    input: &'a str,
    text: Cow<'a, str>,
    edits: Vec<Edit<'a>>,
    suggestions: Vec<Edit<'a>>,
    /// The offset in the output where each edit's replacement starts.
    #[serde(skip)]
    out_starts: Vec<usize>,
}

impl<'a> Normalized<'a> {
    fn build(input: &'a str, edits: Vec<Edit<'a>>, suggestions: Vec<Edit<'a>>) -> Self {
        if edits.is_empty() {
            return Normalized {
                input,
                text: Cow::Borrowed(input),
                edits,
                suggestions,
                out_starts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        let mut out_starts = Vec::with_capacity(edits.len());
        let mut pos = 0;
        for e in &edits {
            out.push_str(&input[pos..e.range().start]);
            out_starts.push(out.len());
            out.push_str(e.replacement());
            pos = e.range().end;
        }
        out.push_str(&input[pos..]);
        Normalized {
            input,
            text: Cow::Owned(out),
            edits,
            suggestions,
            out_starts,
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the input when nothing changed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The text that was normalized.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// Whether any edit was applied.
    pub fn is_changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// The applied edits, sorted by position, never overlapping.
    pub fn edits(&self) -> &[Edit<'a>] {
        &self.edits
    }

    /// The fixes that were found but not applied because they could be wrong, sorted and never
    /// overlapping one another. Their ranges are in the original text; one may cover the same
    /// characters as an applied edit, as the alternative to it (`－－` between katakana is
    /// made `ーー` safely, and a suggestion offers `ー`).
    pub fn suggestions(&self) -> &[Edit<'a>] {
        &self.suggestions
    }

    /// Maps a byte offset in the original text to the normalized text. An offset inside an
    /// edited range maps to the start of its replacement. Monotonic.
    pub fn to_normalized(&self, offset: usize) -> usize {
        // The last edit starting at or before `offset`.
        let i = self.edits.partition_point(|e| e.range().start <= offset);
        if i == 0 {
            return offset;
        }
        let e = &self.edits[i - 1];
        let os = self.out_starts[i - 1];
        if offset < e.range().end {
            os
        } else {
            os + e.replacement().len() + (offset - e.range().end)
        }
    }

    /// Maps a byte offset in the normalized text back to the original: where the character
    /// that starts at `offset` came from. An offset inside a replacement maps to the start of
    /// its edit; an offset where text was deleted maps past the deletion. Monotonic, and
    /// `to_normalized(to_original(o)) == o` for every offset `o` not inside a replacement.
    pub fn to_original(&self, offset: usize) -> usize {
        let out_end = |k: usize| self.out_starts[k] + self.edits[k].replacement().len();
        // Edits `..i` end at or before `offset`.
        let i = partition(self.edits.len(), |k| out_end(k) <= offset);
        if i < self.edits.len() && self.out_starts[i] <= offset {
            return self.edits[i].range().start;
        }
        if i == 0 {
            offset
        } else {
            self.edits[i - 1].range().end + (offset - out_end(i - 1))
        }
    }

    /// Maps a byte range in the normalized text to the original text, widening it to whole
    /// edits where it starts or ends inside one.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_original(range.start);
        let mut end = self.to_original(range.end);
        // An end inside a replacement covers the whole edit.
        let i = self.out_starts.partition_point(|&os| os < range.end);
        if i > 0 {
            let e = &self.edits[i - 1];
            let os = self.out_starts[i - 1];
            if range.end > os && range.end < os + e.replacement().len() {
                end = e.range().end;
            }
        }
        start..end.max(start)
    }

    /// Maps a byte range in the original text to the normalized text, widening it to whole
    /// replacements where it starts or ends inside an edit.
    pub fn normalized_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_normalized(range.start);
        let i = self.edits.partition_point(|e| e.range().start < range.end);
        let mut end = self.to_normalized(range.end);
        if i > 0 {
            let e = &self.edits[i - 1];
            if range.end > e.range().start && range.end < e.range().end {
                end = self.out_starts[i - 1] + e.replacement().len();
            }
        }
        start..end.max(start)
    }
}

/// The first index in `0..len` for which `pred` is false (`pred` must be true then false).
fn partition(len: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
