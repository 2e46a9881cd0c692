//! Property tests of the normalizer on structured Japanese text and on arbitrary strings.
//!
//! The invariants are the checks of the `normalize` fuzz target (`fuzz/src/normalize.rs`), each
//! checked under several configurations: the defaults, the defaults with unsafe fixes, and a
//! few option combinations. Each invariant is its own test, so that a failing one names
//! itself.

mod strategies;

use std::panic::{catch_unwind, AssertUnwindSafe};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use seisho::{Normalized, Normalizer, Rule};
use strategies::{char_range, pick, run};

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
        2 => run(&["・", "･", ".", "\u{200B}", "\u{200D}", "\u{202E}"], 2..7),
        2 => run(&["、", "。", "､", "｡", "，", "．", "！", "？", "\u{200B}", "\u{200D}", "\u{FEFF}"], 2..7),
        2 => run(&["ー", "－", "—", "―", "ｰ", "一", "‐", "ﾞ", "゛", "\u{200B}", "\u{200D}"], 2..7),
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
// Invariants: the `normalize` fuzz target's checks (`seisho_fuzz`), one test each.

type Check = fn(&Normalizer, &Normalized<'_>);

/// Runs `check` on the output of `input` with every configuration, naming the configuration
/// on failure.
fn for_each_config(input: &str, check: Check) -> Result<(), TestCaseError> {
    for (name, n) in configs() {
        let out = n.normalize(input);
        catch_unwind(AssertUnwindSafe(|| check(&n, &out))).map_err(|panic| {
            TestCaseError::fail(format!("[{name}] {}", seisho_fuzz::panic_message(&*panic)))
        })?;
    }
    Ok(())
}

/// The offset maps between the input and the output.
fn offset_maps(_: &Normalizer, out: &Normalized<'_>) {
    seisho_fuzz::offset_maps(out);
}

/// The output is at most a small constant factor longer than the input.
fn bounded_growth(_: &Normalizer, out: &Normalized<'_>) {
    seisho_fuzz::check_bounded_growth(out);
}

/// The edits reproduce the output.
fn edits_apply(_: &Normalizer, out: &Normalized<'_>) {
    seisho_fuzz::check_edits_apply(out);
}

/// Two property tests for each check: on structured Japanese text and on arbitrary strings.
macro_rules! invariants {
    ($($check:path: $japanese:ident, $arbitrary:ident;)*) => {
        proptest! {
            #![proptest_config(japanese_config())]
            $(
                #[test]
                fn $japanese(input in japanese()) {
                    for_each_config(&input, $check)?;
                }
            )*
        }

        proptest! {
            #![proptest_config(arbitrary_config())]
            $(
                #[test]
                fn $arbitrary(input in arbitrary()) {
                    for_each_config(&input, $check)?;
                }
            )*
        }
    };
}

invariants! {
    // normalize(normalize(x).text()) changes nothing.
    seisho_fuzz::check_idempotent: japanese_idempotent, arbitrary_idempotent;
    edits_apply: japanese_edits_apply, arbitrary_edits_apply;
    // Sorted, non-overlapping, non-empty, on character boundaries, describing the input; safe
    // edits and unsafe suggestions.
    seisho_fuzz::check_edits: japanese_edits_well_formed, arbitrary_edits_well_formed;
    // is_normalized agrees with normalize, and an unchanged text is borrowed.
    seisho_fuzz::check_is_normalized: japanese_is_normalized_agrees, arbitrary_is_normalized_agrees;
    bounded_growth: japanese_bounded_growth, arbitrary_bounded_growth;
    offset_maps: japanese_offset_maps, arbitrary_offset_maps;
}

// ---------------------------------------------------------------------------------------------
// Regressions: minimal inputs that once broke an invariant.

/// Each of `inputs` normalizes to a fixed point with each of `normalizers`.
fn assert_idempotent(normalizers: &[Normalizer], inputs: &[&str]) {
    for input in inputs {
        for n in normalizers {
            seisho_fuzz::check_idempotent(n, &n.normalize(input));
        }
    }
}

/// A Kangxi radical that NFKC maps to a look-alike (⼀ ⼆ ⼒ …) next to katakana.
#[test]
fn regression_kangxi_radical_idempotence() {
    assert_idempotent(
        &[Normalizer::default()],
        &["⼒ァ", "ァ一⼆", "⼆ャ", "コンピュ⼀タ", "ア⼆メ", "ア⼯メ"],
    );
}

/// Look-alikes confirmed by the words around them, where another look-alike of the segment
/// gets a suggestion on the first pass only (口 before コ三, which a second pass reads as 口コミ).
#[test]
fn regression_context_confirmation_idempotence() {
    assert_idempotent(
        &[
            Normalizer::default(),
            Normalizer::builder().unsafe_fixes(true).build(),
        ],
        &[
            "口コ三卜－",
            "のりストデー夕ベースへアクセス",
            "設定をりセット卜数",
            "バイ卜数のりスト",
            "をりセットｵ－\u{200B}",
            "を\u{200B}りセット",
            "か゛りストか゛",
            "夕才バイ卜数ぁ",
            // A repeated comma after a full stop, dropped on the first pass, before a line
            // break.
            "チ。､\r\nへアデータベースへアクセス",
        ],
    );
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
        // Failures are kept as deterministic tests (the regressions above) rather than in a
        // regressions file.
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

    /// The `normalize` fuzz target's checks (all of the above, with its normalizers).
    #[test]
    fn japanese_fuzz_target_checks(input in japanese()) {
        seisho_fuzz::normalize(input.as_bytes());
    }
}
