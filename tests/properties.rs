//! Property tests of the normalizer on structured Japanese text and on arbitrary strings.
//!
//! Every invariant is checked under several configurations: the defaults, the defaults with
//! unsafe fixes, and a few option combinations. Each invariant is its own test, so that a
//! failing one names itself.

use std::borrow::Cow;
use std::ops::Range;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use seisho::{apply_edits, Edit, Normalizer, Rule};

// ---------------------------------------------------------------------------------------------
// Configurations

/// The normalizers every invariant is checked with, and their names for failure messages.
fn configs() -> Vec<(&'static str, Normalizer)> {
    let everything = || seisho_fuzz::everything_on(Normalizer::builder());
    vec![
        ("default", Normalizer::default()),
        ("unsafe", Normalizer::builder().unsafe_fixes(true).build()),
        ("everything", everything().build()),
        ("everything+unsafe", everything().unsafe_fixes(true).build()),
        (
            "leaders+unsafe",
            Normalizer::builder()
                .leaders(true)
                .unsafe_fixes(true)
                .build(),
        ),
        (
            "some rules off+unsafe",
            Normalizer::builder()
                .disable(Rule::FullwidthAscii)
                .disable(Rule::VoicedSoundMark)
                .disable(Rule::LongVowelMark)
                .disable(Rule::InvisibleCharacter)
                .unsafe_fixes(true)
                .build(),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Strategies

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items).prop_map(str::to_owned).boxed()
}

fn char_range(lo: char, hi: char) -> BoxedStrategy<String> {
    proptest::char::range(lo, hi).prop_map(String::from).boxed()
}

/// A run of 2 to 6 of `items`.
fn run(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(items), 2..7)
        .prop_map(|v| v.concat())
        .boxed()
}

/// Kangxi radicals and CJK radicals supplement characters, with a compatibility ideograph.
const RADICALS: &[&str] = &[
    "⼀", "⼆", "⼋", "⼒", "⼯", "⼝", "⼣", "⼘", "⽇", "⺟", "⺀", "\u{FA10}",
];

/// One piece of structured Japanese text; `radicals` mixes in Kangxi radicals, which NFKC
/// turns into look-alikes that the kana rules fix.
fn piece(radicals: bool) -> BoxedStrategy<String> {
    prop_oneof![
        // Hiragana, with the ones typed for katakana and the bases of voiced marks.
        6 => char_range('ぁ', 'ゖ'),
        3 => pick(&["へ", "べ", "ぺ", "り", "か", "は", "う", "ゝ", "の", "を", "に"]),
        // Katakana, full width.
        8 => char_range('ァ', 'ヺ'),
        4 => pick(&["ー", "ヽ", "ヾ", "ㇰ", "ヵ", "ヶ", "ッ", "ャ", "ァ", "ェ", "フ", "ウ", "ア", "イ"]),
        // Katakana and punctuation, half width.
        5 => char_range('｡', 'ﾟ'),
        // Kanji, with the look-alikes, Kangxi radicals and a compatibility ideograph.
        3 => pick(&["日", "本", "語", "東", "京", "入", "出", "能", "覧", "第", "目", "月", "件"]),
        6 => pick(&["一", "力", "工", "口", "二", "八", "夕", "卜", "才", "千", "三"]),
        1 => if radicals { pick(RADICALS) } else { pick(&["\u{FA10}", "日", "一", "力"]) },
        // The long vowel mark and its look-alikes.
        6 => pick(&["ー", "－", "‐", "‑", "–", "−", "―", "─", "━", "﹣", "—", "-", "ｰ"]),
        // Voiced sound marks.
        4 => pick(&["゛", "゜", "ﾞ", "ﾟ", "\u{3099}", "\u{309A}"]),
        // Full-width ASCII letters, digits and symbols.
        4 => char_range('！', '～'),
        // ASCII.
        4 => char_range(' ', '~'),
        2 => pick(&["...", "..", "--", "#", "(", ")", "a", "Z", "0", "9"]),
        // Punctuation.
        5 => pick(&["、", "。", "，", "．", "！", "？", "｡", "､", "・", "･", "「", "」", "（", "）", "…"]),
        // Wave dashes.
        2 => pick(&["〜", "～", "~"]),
        // Invisible and control characters.
        4 => pick(&[
            "\u{200B}", "\u{FEFF}", "\u{200D}", "\u{200C}", "\u{202E}", "\u{200E}", "\u{2060}",
            "\u{2066}", "\u{00AD}", "\u{180E}", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}",
        ]),
        // Emoji.
        2 => pick(&["😀", "👨", "👩", "👧", "🏳", "\u{FE0F}", "🌈", "❤", "👍"]),
        // Spaces and line breaks.
        3 => pick(&[" ", "\u{3000}", "\t", "\u{A0}"]),
        3 => pick(&["\n", "\r\n", "\r"]),
        // Compatibility characters.
        1 => pick(&["①", "㈱", "㍻", "㌔", "²", "₂", "Ⅲ", "½", "℃", "ﬁ", "㋐", "㊤", "⑴", "㎏"]),
        // Runs of dots, punctuation and dashes with invisible characters among them, where
        // the scanner's run logic lives.
        2 => run(&["・", "･", ".", "\u{200B}", "\u{200D}", "\u{202E}"]),
        2 => run(&["、", "。", "､", "｡", "，", "．", "！", "？", "\u{200B}", "\u{200D}", "\u{FEFF}"]),
        2 => run(&["ー", "－", "—", "―", "ｰ", "一", "‐", "ﾞ", "゛", "\u{200B}", "\u{200D}"]),
        // Whole words and the traps of the specification.
        3 => pick(&[
            "コンピュ一タ", "へルプ", "サーバーへ接続", "口コミ", "スーーパー", "ｶﾞｲﾄﾞ",
            "ＡＢＣ－１２３", "・・・", "...", "、、", "！！", "フアイル", "力メラ", "ア二メ",
            "データベースへアクセス", "03－1234", "ページ一覧", "八ヶ岳", "ｆ（ｘ）", "１００％",
            "👨\u{200D}👩\u{200D}👧", "か゛", "ｱﾞ", "サ—バ", "チーム力アップ",
            "のりスト", "をりセット", "バイ卜数", "デー夕", "よりスムーズ", "外部へアクセス",
            "へリダイレクト", "入力メニュー", "物理ぺージフレーム", "かなりマイナー",
            "ネットワークプ口トコル", "サブディレクトリへリネーム",
            // Large ツ ヤ ユ ヨ the dictionary may confirm small, and UniDic's words.
            "パツケージ", "セツトアツプ", "チエツクアウト", "ｷﾔﾝｾﾙ", "ト口ツキー", "カツカレー",
            "ブ口グ", "クライアン卜", "りポジトリ", "アセツト", "キヤプチャ", "ヒヤシンス",
        ]),
        2 => pick(&["ツ", "ヤ", "ユ", "ヨ", "ﾂ", "ﾔ", "ｭ", "キ", "シ", "チ", "ク", "ト", "プ"]),
    ]
    .boxed()
}

/// Structured Japanese text: up to 40 pieces.
fn japanese() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(true), 0..40).prop_map(|v| v.concat())
}

/// Arbitrary strings, and arbitrary strings with Japanese pieces mixed in.
fn arbitrary() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop_oneof![any::<String>(), piece(true)], 0..8)
            .prop_map(|v| v.concat()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Invariants

type Check = fn(&Normalizer, &str) -> Result<(), TestCaseError>;

/// Runs `check` on `input` with every configuration, naming the configuration on failure.
fn for_each_config(input: &str, check: Check) -> Result<(), TestCaseError> {
    for (name, n) in configs() {
        check(&n, input).map_err(|e| TestCaseError::fail(format!("[{name}] {e}")))?;
    }
    Ok(())
}

/// normalize(normalize(x).text()) changes nothing.
fn idempotent(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    let again = n.normalize(out.text());
    prop_assert!(
        !again.is_changed(),
        "not idempotent: {input:?} -> {:?} -> {:?}; second edits: {:?}",
        out.text(),
        again.text(),
        again
            .edits()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    prop_assert_eq!(again.text(), out.text());
    Ok(())
}

/// The edits reproduce the output.
fn edits_apply(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    let applied = apply_edits(input, out.edits());
    prop_assert_eq!(applied.as_deref(), Ok(out.text()), "input {:?}", input);
    Ok(())
}

/// Sorted, non-overlapping, non-empty, on character boundaries, describing the input.
fn well_formed(input: &str, edits: &[Edit<'_>], what: &str) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for e in edits {
        let r = e.range();
        prop_assert!(r.start < r.end, "{what}: empty range {e} in {input:?}");
        prop_assert!(
            r.start >= prev_end,
            "{what}: unsorted or overlapping at {e} in {input:?}"
        );
        prop_assert!(
            input.is_char_boundary(r.start) && input.is_char_boundary(r.end),
            "{what}: not on character boundaries: {e} in {input:?}"
        );
        prop_assert_eq!(
            e.original(),
            &input[r.clone()],
            "{}: original of {}",
            what,
            e
        );
        prev_end = r.end;
    }
    Ok(())
}

fn edits_well_formed(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    well_formed(input, out.edits(), "edits")?;
    well_formed(input, out.suggestions(), "suggestions")?;
    if n.applies_unsafe_fixes() {
        prop_assert!(
            out.suggestions().is_empty(),
            "suggestions left with unsafe fixes on, input {input:?}"
        );
    } else {
        prop_assert!(out.edits().iter().all(Edit::is_safe), "unsafe edit applied");
        prop_assert!(
            out.suggestions().iter().all(|e| !e.is_safe()),
            "safe edit suggested"
        );
    }
    Ok(())
}

/// is_normalized agrees with normalize, and an unchanged text is borrowed.
fn is_normalized_agrees(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    prop_assert_eq!(
        n.is_normalized(input),
        !out.is_changed(),
        "input {:?}",
        input
    );
    if out.edits().is_empty() {
        prop_assert!(matches!(out.into_text(), Cow::Borrowed(_)), "not borrowed");
    }
    Ok(())
}

/// The output is at most a small constant factor longer than the input.
fn bounded_growth(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    prop_assert!(
        out.text().len() <= 3 * input.len() + 16,
        "{} bytes -> {} bytes: {input:?}",
        input.len(),
        out.text().len()
    );
    Ok(())
}

fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

/// The offset maps between the input and the output.
fn offset_maps(n: &Normalizer, input: &str) -> Result<(), TestCaseError> {
    let out = n.normalize(input);
    let text = out.text();
    let (len, out_len) = (input.len(), text.len());
    // Where each replacement sits in the output.
    let mut replaced: Vec<Range<usize>> = Vec::new();
    let mut shift: isize = 0;
    for e in out.edits() {
        let r = e.range();
        let start = (r.start as isize + shift) as usize;
        replaced.push(start..start + e.replacement().len());
        shift += e.replacement().len() as isize - r.len() as isize;
    }

    prop_assert_eq!(out.to_normalized(0), 0);
    prop_assert_eq!(
        out.to_normalized(len),
        out_len,
        "to_normalized(len), {:?}",
        input
    );
    prop_assert_eq!(
        out.to_original(out_len),
        len,
        "to_original(out_len), {:?}",
        input
    );

    let ins = boundaries(input);
    let mut last = 0;
    for &x in &ins {
        let o = out.to_normalized(x);
        prop_assert!(o >= last, "to_normalized not monotonic at {x} in {input:?}");
        prop_assert!(o <= out_len);
        last = o;
    }
    let outs = boundaries(text);
    let mut last = 0;
    for &o in &outs {
        let x = out.to_original(o);
        prop_assert!(x >= last, "to_original not monotonic at {o} in {input:?}");
        prop_assert!(x <= len);
        last = x;
    }
    for &o in &outs {
        if replaced.iter().any(|r| r.start < o && o < r.end) {
            continue;
        }
        let x = out.to_original(o);
        prop_assert_eq!(
            out.to_normalized(x),
            o,
            "to_normalized(to_original({})) with to_original = {}, input {:?} output {:?}",
            o,
            x,
            input,
            text
        );
    }
    for &x in &ins {
        // Inside or at the end of an edit, the offset has no single image. Nor has the start
        // of a deletion: its image is also the image of the deletion's end, which to_original
        // must give (to_original(out_len) == len when the text ends with a deletion).
        if out.edits().iter().any(|e| {
            let r = e.range();
            (r.start < x && x <= r.end) || (x == r.start && e.replacement().is_empty())
        }) {
            continue;
        }
        let o = out.to_normalized(x);
        prop_assert_eq!(
            out.to_original(o),
            x,
            "to_original(to_normalized({})) with to_normalized = {}, input {:?} output {:?}",
            x,
            o,
            input,
            text
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Regressions: minimal inputs that once broke an invariant.

/// A Kangxi radical that NFKC maps to a look-alike (⼀ ⼆ ⼒ …) next to katakana.
#[test]
fn regression_kangxi_radical_idempotence() {
    for input in ["⼒ァ", "ァ一⼆", "⼆ャ", "コンピュ⼀タ", "ア⼆メ", "ア⼯メ"] {
        let once = seisho::normalize(input);
        let twice = seisho::normalize(once.text());
        assert!(
            !twice.is_changed(),
            "{input:?} -> {:?} -> {:?}",
            once.text(),
            twice.text()
        );
    }
}

/// Look-alikes confirmed by the words around them, where another look-alike of the segment
/// gets a suggestion on the first pass only (口 before コ三, which a second pass reads as 口コミ).
#[test]
fn regression_context_confirmation_idempotence() {
    for input in [
        "口コ三卜－",
        "のりストデー夕ベースへアクセス",
        "設定をりセット卜数",
        "バイ卜数のりスト",
        "をりセットｵ－\u{200B}",
        "を\u{200B}りセット",
        "か゛りストか゛",
        "夕才バイ卜数ぁ",
        // A repeated comma after a full stop, dropped on the first pass, before a line break.
        "チ。､\r\nへアデータベースへアクセス",
    ] {
        for n in [
            Normalizer::default(),
            Normalizer::builder().unsafe_fixes(true).build(),
        ] {
            let once = n.normalize(input);
            let twice = n.normalize(once.text());
            assert!(
                !twice.is_changed(),
                "{input:?} -> {:?} -> {:?}",
                once.text(),
                twice.text()
            );
        }
    }
}

/// A leader suggestion over dots with an unsafe invisible character among them.
#[test]
fn regression_leader_suggestion_overlap() {
    let n = Normalizer::builder().leaders(true).build();
    for input in ["・\u{200D}・・", "・・\u{202E}・", "あ..\u{202E}."] {
        let out = n.normalize(input);
        let s = out.suggestions();
        assert!(
            s.windows(2).all(|w| w[0].range().end <= w[1].range().start),
            "{input:?}: {:?}",
            s.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

/// Enough cases to explore the structured space; each input runs every configuration.
fn japanese_config() -> ProptestConfig {
    ProptestConfig {
        cases: 2000,
        // Failures are kept as deterministic tests below rather than in a regressions file.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn arbitrary_config() -> ProptestConfig {
    ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(japanese_config())]

    #[test]
    fn japanese_idempotent(input in japanese()) {
        for_each_config(&input, idempotent)?;
    }

    #[test]
    fn japanese_edits_apply(input in japanese()) {
        for_each_config(&input, edits_apply)?;
    }

    #[test]
    fn japanese_edits_well_formed(input in japanese()) {
        for_each_config(&input, edits_well_formed)?;
    }

    #[test]
    fn japanese_is_normalized_agrees(input in japanese()) {
        for_each_config(&input, is_normalized_agrees)?;
    }

    #[test]
    fn japanese_bounded_growth(input in japanese()) {
        for_each_config(&input, bounded_growth)?;
    }

    #[test]
    fn japanese_offset_maps(input in japanese()) {
        for_each_config(&input, offset_maps)?;
    }

    /// The `normalize` fuzz target's checks (all of the above, with its normalizers).
    #[test]
    fn japanese_fuzz_target_checks(input in japanese()) {
        seisho_fuzz::normalize(input.as_bytes());
    }
}

proptest! {
    #![proptest_config(arbitrary_config())]

    #[test]
    fn arbitrary_idempotent(input in arbitrary()) {
        for_each_config(&input, idempotent)?;
    }

    #[test]
    fn arbitrary_edits_apply(input in arbitrary()) {
        for_each_config(&input, edits_apply)?;
    }

    #[test]
    fn arbitrary_edits_well_formed(input in arbitrary()) {
        for_each_config(&input, edits_well_formed)?;
    }

    #[test]
    fn arbitrary_is_normalized_agrees(input in arbitrary()) {
        for_each_config(&input, is_normalized_agrees)?;
    }

    #[test]
    fn arbitrary_bounded_growth(input in arbitrary()) {
        for_each_config(&input, bounded_growth)?;
    }

    #[test]
    fn arbitrary_offset_maps(input in arbitrary()) {
        for_each_config(&input, offset_maps)?;
    }
}
