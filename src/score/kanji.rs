//! STUB, replaced by the generated KANJIDIC2 table (branch kanji-table).

/// The band a kanji is taught in or listed in.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum KanjiGrade {
    /// 1
    Grade1,
    /// 2
    Grade2,
    /// 3
    Grade3,
    /// 4
    Grade4,
    /// 5
    Grade5,
    /// 6
    Grade6,
    /// 常用
    Secondary,
    /// 人名用
    Jinmeiyo,
    /// 表外
    Hyogai,
}

impl KanjiGrade {
    /// All.
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
    /// Grade of c.
    pub fn of(c: char) -> Option<KanjiGrade> {
        (is_kanji(c) && c != '々' && c != '〆').then_some(KanjiGrade::Hyogai)
    }
    /// Label.
    pub fn label(self) -> &'static str {
        "?"
    }
    /// School grade.
    pub fn school_grade(self) -> Option<u8> {
        None
    }
}

pub(crate) fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x3005 | 0x3006 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(feature = "morphology")]
pub(crate) fn on_readings(_c: char) -> impl Iterator<Item = &'static str> {
    std::iter::empty()
}
