//! Kanji (漢字): the band each is taught or listed in, and their on'yomi (音読み), over the
//! tables generated from KANJIDIC2.

use super::class::is_kanji;
use super::kanji_table::{GRADED_KANJI, GRADES};
#[cfg(feature = "morphology")]
use super::kanji_table::{ON_AT, ON_FIRST, ON_KANJI, ON_TEXT};

/// The band a kanji is taught in or listed in (学年別漢字配当表, 常用漢字表, 人名用漢字).
///
/// Of the 2,136 jōyō kanji (常用漢字, from the 常用漢字表 jōyō kanji hyō), the 1,026 kyōiku
/// kanji (教育漢字) are taught at elementary school, each in the grade that the gakunen-betsu
/// kanji haitōhyō (学年別漢字配当表) gives it, and the rest at secondary school. Jinmeiyō kanji
/// (人名用漢字) are not jōyō but may be used in personal names; any other kanji is hyōgai
/// (表外, "outside the table"). The bands are ordered from the first taught to the least
/// common.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum KanjiGrade {
    /// Taught in the first year of elementary school (80 kanji, 一 学 山).
    Grade1,
    /// Taught in the second year (160 kanji, 東 書 語).
    Grade2,
    /// Taught in the third year (200 kanji, 漢 駅 童).
    Grade3,
    /// Taught in the fourth year (202 kanji, 愛 案 以).
    Grade4,
    /// Taught in the fifth year (193 kanji, 圧 移 因).
    Grade5,
    /// Taught in the sixth year (191 kanji, 異 遺 域).
    Grade6,
    /// One of the other 1,110 jōyō kanji (常用漢字), taught at secondary school (鬱 彙 亜).
    ///
    /// Includes the accepted forms (許容字体) 叱 填 剥 頬 that the 常用漢字表 allows for
    /// the 𠮟 塡 剝 頰 it lists: they are the forms almost all text uses.
    Secondary,
    /// A jinmeiyō kanji (人名用漢字): not jōyō, but allowed in personal names (863 kanji,
    /// 亮 彪 鰯, and old forms of jōyō kanji such as 國).
    Jinmeiyo,
    /// Hyōgai (表外): a kanji in none of the lists above (鰐 蠅 檸).
    Hyogai,
}

impl KanjiGrade {
    /// Every band, from the first taught to [`KanjiGrade::Hyogai`].
    pub const ALL: [KanjiGrade; 9] = [
        KanjiGrade::Grade1,
        KanjiGrade::Grade2,
        KanjiGrade::Grade3,
        KanjiGrade::Grade4,
        KanjiGrade::Grade5,
        KanjiGrade::Grade6,
        KanjiGrade::Secondary,
        KanjiGrade::Jinmeiyo,
        KanjiGrade::Hyogai,
    ];

    /// The band of `c`, or `None` when `c` is not a kanji (including the iteration marks 々
    /// and 〆 and the kanji zero 〇, which are written among kanji but listed nowhere).
    ///
    /// ```
    /// use seisho::score::KanjiGrade;
    /// assert_eq!(KanjiGrade::of('学'), Some(KanjiGrade::Grade1));
    /// assert_eq!(KanjiGrade::of('鬱'), Some(KanjiGrade::Secondary));
    /// assert_eq!(KanjiGrade::of('鰐'), Some(KanjiGrade::Hyogai));
    /// assert_eq!(KanjiGrade::of('が'), None);
    /// ```
    pub fn of(c: char) -> Option<KanjiGrade> {
        if !is_kanji(c) {
            return None;
        }
        if let Some(&grade) = unified_grades().get((u32::from(c) as usize).wrapping_sub(0x4E00)) {
            // The common case, by a look-up: a unified ideograph.
            return Some(match grade {
                0 => KanjiGrade::Hyogai,
                g => KanjiGrade::from_kanjidic(g),
            });
        }
        match GRADED_KANJI.binary_search(&u32::from(c)) {
            Ok(i) => Some(KanjiGrade::from_kanjidic(GRADES[i])),
            Err(_) if is_ideographic_mark(c) => None,
            Err(_) => Some(KanjiGrade::Hyogai),
        }
    }

    /// The band of a `<grade>` of KANJIDIC2, as the table stores it.
    fn from_kanjidic(grade: u8) -> KanjiGrade {
        match grade {
            1 => KanjiGrade::Grade1,
            2 => KanjiGrade::Grade2,
            3 => KanjiGrade::Grade3,
            4 => KanjiGrade::Grade4,
            5 => KanjiGrade::Grade5,
            6 => KanjiGrade::Grade6,
            8 => KanjiGrade::Secondary,
            // 10 is a jinmeiyō kanji that is an old or variant form of a jōyō one (國 for
            // 国): for a reader it is as rare as any other jinmeiyō kanji.
            9 | 10 => KanjiGrade::Jinmeiyo,
            // scripts/kanji_table.py writes no other grade, and the tests read every entry.
            _ => unreachable!("KANJIDIC2 grade {grade} in kanji_table.rs"),
        }
    }

    /// Short label: "1" to "6" for the school grades, "常用", "人名用" or "表外".
    pub fn label(self) -> &'static str {
        match self {
            KanjiGrade::Grade1 => "1",
            KanjiGrade::Grade2 => "2",
            KanjiGrade::Grade3 => "3",
            KanjiGrade::Grade4 => "4",
            KanjiGrade::Grade5 => "5",
            KanjiGrade::Grade6 => "6",
            KanjiGrade::Secondary => "常用",
            KanjiGrade::Jinmeiyo => "人名用",
            KanjiGrade::Hyogai => "表外",
        }
    }

    /// The elementary school grade, 1 to 6, that teaches the kanji of this band; `None` for
    /// the bands that are not taught there.
    pub fn school_grade(self) -> Option<u8> {
        match self {
            KanjiGrade::Grade1 => Some(1),
            KanjiGrade::Grade2 => Some(2),
            KanjiGrade::Grade3 => Some(3),
            KanjiGrade::Grade4 => Some(4),
            KanjiGrade::Grade5 => Some(5),
            KanjiGrade::Grade6 => Some(6),
            KanjiGrade::Secondary | KanjiGrade::Jinmeiyo | KanjiGrade::Hyogai => None,
        }
    }
}

/// The KANJIDIC2 grade of each unified ideograph U+4E00..=U+9FFF (0 for none), spread out
/// from the sorted table so that the scorer's hot loop looks kanji up by index: 20 KiB.
///
/// Built on first use, not at compile time: as a static it was 20 KiB of every binary (about
/// 6 KB of the WebAssembly package's gzip) holding what `GRADED_KANJI` already holds.
fn unified_grades() -> &'static [u8; 0x5200] {
    static TABLE: std::sync::OnceLock<Box<[u8; 0x5200]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0u8; 0x5200]);
        for (&c, &grade) in GRADED_KANJI.iter().zip(&GRADES) {
            if (0x4E00..=0x9FFF).contains(&c) {
                table[(c - 0x4E00) as usize] = grade;
            }
        }
        table
    })
}

/// 々 〆 〇: counted as kanji, but no list gives them a band.
fn is_ideographic_mark(c: char) -> bool {
    matches!(c, '\u{3005}'..='\u{3007}')
}

/// On'yomi of `c` in katakana, in KANJIDIC2's order; empty for a kanji without any.
///
/// Readings KANJIDIC2 marks as word-internal (縁's -ネン, as in 因縁) come without the `-`.
#[cfg(feature = "morphology")]
pub(crate) fn on_readings(c: char) -> impl Iterator<Item = &'static str> {
    let starts: &'static [u16] = match ON_KANJI.binary_search(&u32::from(c)) {
        Ok(i) => &ON_AT[usize::from(ON_FIRST[i])..usize::from(ON_FIRST[i + 1])],
        Err(_) => &[],
    };
    starts.iter().map(|&start| {
        // Each distinct reading is stored once in ON_TEXT, up to the next space.
        let rest = &ON_TEXT[usize::from(start)..];
        rest.find(' ').map_or(rest, |end| &rest[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 許容字体 that scripts/kanji_table.py adds to grade 8.
    const ACCEPTED_FORMS: [char; 4] = ['叱', '填', '剥', '頬'];

    #[test]
    fn the_table_has_kanjidic2s_counts_per_grade() {
        let count = |grade: u8| GRADES.iter().filter(|&&g| g == grade).count();
        let expected = [(1, 80), (2, 160), (3, 200), (4, 202), (5, 193), (6, 191)];
        for (grade, n) in expected {
            assert_eq!(count(grade), n, "grade {grade}");
        }
        assert_eq!(count(8), 1110 + ACCEPTED_FORMS.len());
        assert_eq!(count(9), 651);
        assert_eq!(count(10), 212);
        assert_eq!(GRADES.len(), 2999 + ACCEPTED_FORMS.len());
    }

    #[test]
    fn every_graded_kanji_has_its_band() {
        let mut per_band = [0; KanjiGrade::ALL.len()];
        for &code_point in &GRADED_KANJI {
            let c = char::from_u32(code_point).unwrap();
            let band = KanjiGrade::of(c).unwrap();
            per_band[KanjiGrade::ALL.iter().position(|&b| b == band).unwrap()] += 1;
        }
        // Grades 1-6, 常用 with the accepted forms, 人名用 (grades 9 and 10), 表外.
        assert_eq!(per_band, [80, 160, 200, 202, 193, 191, 1114, 863, 0]);
        assert_eq!(per_band[..6].iter().sum::<usize>(), 1026); // 教育漢字
        assert_eq!(per_band[..7].iter().sum::<usize>(), 2136 + 4); // 常用漢字
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(GRADED_KANJI.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(GRADED_KANJI.len(), GRADES.len());
        #[cfg(feature = "morphology")]
        {
            assert!(ON_KANJI.windows(2).all(|w| w[0] < w[1]));
            assert!(ON_FIRST.windows(2).all(|w| w[0] <= w[1]));
            assert_eq!(ON_FIRST.len(), ON_KANJI.len() + 1);
            assert_eq!(usize::from(ON_FIRST[ON_KANJI.len()]), ON_AT.len());
        }
    }

    #[test]
    fn spot_checks() {
        let of = KanjiGrade::of;
        assert_eq!(of('一'), Some(KanjiGrade::Grade1));
        assert_eq!(of('学'), Some(KanjiGrade::Grade1));
        assert_eq!(of('東'), Some(KanjiGrade::Grade2));
        assert_eq!(of('漢'), Some(KanjiGrade::Grade3));
        assert_eq!(of('鬱'), Some(KanjiGrade::Secondary));
        assert_eq!(of('𠮟'), Some(KanjiGrade::Secondary)); // outside the BMP
        assert_eq!(of('叱'), Some(KanjiGrade::Secondary)); // its accepted form
        assert_eq!(of('亮'), Some(KanjiGrade::Jinmeiyo));
        assert_eq!(of('彪'), Some(KanjiGrade::Jinmeiyo));
        assert_eq!(of('國'), Some(KanjiGrade::Jinmeiyo)); // KANJIDIC2 grade 10
        assert_eq!(of('鰯'), Some(KanjiGrade::Jinmeiyo)); // since 2004, though rare in prose
        assert_eq!(of('鰐'), Some(KanjiGrade::Hyogai));
        assert_eq!(of('\u{FA11}'), Some(KanjiGrade::Hyogai)); // 﨑, a compatibility ideograph
        assert_eq!(of('\u{2A700}'), Some(KanjiGrade::Hyogai)); // extension C
        for c in ['a', 'あ', 'ア', 'ｱ', 'ー', '。', '\u{2F00}'] {
            assert_eq!(of(c), None, "{c}");
        }
        for c in ['々', '〆', '〇'] {
            assert_eq!(of(c), None, "{c}");
            assert!(is_kanji(c), "{c}");
        }
    }

    #[test]
    fn is_kanji_covers_the_tables_and_not_kana() {
        assert!(GRADED_KANJI
            .iter()
            .all(|&c| is_kanji(char::from_u32(c).unwrap())));
        #[cfg(feature = "morphology")]
        assert!(ON_KANJI
            .iter()
            .all(|&c| is_kanji(char::from_u32(c).unwrap())));
        for c in [
            '\u{3400}',
            '\u{4DBF}',
            '\u{9FFF}',
            '\u{F900}',
            '\u{2FA1D}',
            '\u{3134A}',
        ] {
            assert!(is_kanji(c), "U+{:04X}", u32::from(c));
        }
        let not =
            "aZ0 ａ０。、「」・ーぁゖァヺｦﾝ\u{3004}\u{3008}\u{303B}\u{2F00}\u{4DC0}\u{FB00}🙂";
        for c in not.chars() {
            assert!(!is_kanji(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn labels_and_school_grades() {
        let labels: Vec<_> = KanjiGrade::ALL.iter().map(|b| b.label()).collect();
        assert_eq!(
            labels,
            ["1", "2", "3", "4", "5", "6", "常用", "人名用", "表外"]
        );
        let grades: Vec<_> = KanjiGrade::ALL
            .iter()
            .filter_map(|b| b.school_grade())
            .collect();
        assert_eq!(grades, [1, 2, 3, 4, 5, 6]);
        assert!(KanjiGrade::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn serializes_in_kebab_case() {
        let json = serde_json::to_string(&KanjiGrade::ALL).unwrap();
        assert_eq!(
            json,
            r#"["grade1","grade2","grade3","grade4","grade5","grade6","secondary","jinmeiyo","hyogai"]"#
        );
        let back: Vec<KanjiGrade> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, KanjiGrade::ALL);
    }

    #[cfg(feature = "morphology")]
    #[test]
    fn on_readings_spot_checks() {
        let on = |c| on_readings(c).collect::<Vec<_>>();
        assert_eq!(on('学'), ["ガク"]);
        assert!(on('東').contains(&"トウ"));
        assert_eq!(on('一'), ["イチ", "イツ"]); // KANJIDIC2's order
        assert_eq!(on('縁'), ["エン", "ネン"]); // -ネン without its marker
        assert_eq!(on('𠮟'), ["シツ", "シチ", "カ"]);
        assert!(on('鰯').is_empty()); // a kanji with only kun'yomi
        for c in ['a', 'あ', 'ア', '々'] {
            assert!(on(c).is_empty(), "{c}");
        }
    }

    #[cfg(feature = "morphology")]
    #[test]
    fn every_on_reading_is_katakana() {
        let mut readings = 0;
        for &code_point in &ON_KANJI {
            let c = char::from_u32(code_point).unwrap();
            let mut any = false;
            for reading in on_readings(c) {
                assert!(!reading.is_empty(), "{c}");
                assert!(
                    reading.chars().all(|k| ('ァ'..='ー').contains(&k)),
                    "{c} {reading}"
                );
                any = true;
                readings += 1;
            }
            assert!(any, "{c} is in ON_KANJI without a reading");
        }
        assert_eq!(readings, ON_AT.len());
    }
}
