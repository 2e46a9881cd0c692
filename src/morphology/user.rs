//! A user dictionary: the writer's own words (product names, terms of the field), which the
//! analyzer reads as one word each and which no rule reports as a typo.

use std::fmt;
use std::ops::Range;

use lindera_dictionary::builder::user_dictionary::UserDictionaryBuilderOptions;
use lindera_dictionary::dictionary::prefix_dictionary::UserPrefixDictionary;

/// The cost of a word given in the simple format: lindera's default for user words, so low
/// that the analyzer reads the word as one wherever it is written.
const SIMPLE_WORD_COST: i16 = -10000;

/// The parts of speech a row of the simple format may name, with IPADIC's features and
/// context id for each (IPADIC's `left-id.def`, where the left and right ids of a noun are
/// the same). Any other name, and an empty one (lindera's examples write `カスタム名詞`),
/// is a proper noun (名詞,固有名詞,一般): what a product name or a term of the field is.
pub(crate) const NOUNS: &[(&[&str], [&str; 4], u16)] = &[
    (&["名詞"], ["名詞", "一般", "*", "*"], 1285),
    (&["名詞", "一般"], ["名詞", "一般", "*", "*"], 1285),
    (&["一般"], ["名詞", "一般", "*", "*"], 1285),
    (&["名詞", "サ変接続"], ["名詞", "サ変接続", "*", "*"], 1283),
    (&["サ変接続"], ["名詞", "サ変接続", "*", "*"], 1283),
    (
        &["名詞", "固有名詞", "人名"],
        ["名詞", "固有名詞", "人名", "一般"],
        1289,
    ),
    (
        &["名詞", "固有名詞", "人名", "一般"],
        ["名詞", "固有名詞", "人名", "一般"],
        1289,
    ),
    (&["人名"], ["名詞", "固有名詞", "人名", "一般"], 1289),
    (
        &["名詞", "固有名詞", "人名", "姓"],
        ["名詞", "固有名詞", "人名", "姓"],
        1290,
    ),
    (&["姓"], ["名詞", "固有名詞", "人名", "姓"], 1290),
    (
        &["名詞", "固有名詞", "人名", "名"],
        ["名詞", "固有名詞", "人名", "名"],
        1291,
    ),
    (&["名"], ["名詞", "固有名詞", "人名", "名"], 1291),
    (
        &["名詞", "固有名詞", "組織"],
        ["名詞", "固有名詞", "組織", "*"],
        1292,
    ),
    (&["組織"], ["名詞", "固有名詞", "組織", "*"], 1292),
    (
        &["名詞", "固有名詞", "地域"],
        ["名詞", "固有名詞", "地域", "一般"],
        1293,
    ),
    (
        &["名詞", "固有名詞", "地域", "一般"],
        ["名詞", "固有名詞", "地域", "一般"],
        1293,
    ),
    (&["地域"], ["名詞", "固有名詞", "地域", "一般"], 1293),
    (
        &["名詞", "固有名詞", "地域", "国"],
        ["名詞", "固有名詞", "地域", "国"],
        1294,
    ),
    (&["国"], ["名詞", "固有名詞", "地域", "国"], 1294),
];
pub(crate) const PROPER_NOUN: ([&str; 4], u16) = (["名詞", "固有名詞", "一般", "*"], 1288);

/// The number of context ids of IPADIC (its `matrix.def` is 1316 × 1316): a row's left and
/// right ids are below it.
pub(crate) const IPADIC_CONTEXT_IDS: u16 = 1316;

/// The number of fields of a row in IPADIC's own format: surface, left and right context
/// ids, cost, four part-of-speech fields, conjugation type and form, base form, reading and
/// pronunciation.
const IPADIC_FIELDS: usize = 13;

/// The writer's own words, for [`Analyzer::with_user_dictionary`](super::Analyzer::with_user_dictionary).
///
/// Read from CSV with [`UserDictionary::from_csv`], in either of lindera's two formats:
///
/// - **simple**: `surface,part of speech,reading`, for example
///   `東京スカイツリー,カスタム名詞,トウキョウスカイツリー`. The word is a noun: a part of speech
///   naming one of IPADIC's (`名詞`, `一般`, `サ変接続`, `固有名詞`, `人名`, `姓`, `名`, `組織`,
///   `地域`, `国`, or a path of them joined by `,` or `-`, such as `名詞-固有名詞-組織`) gives
///   that category, and any other (`カスタム名詞`, `製品名`, nothing) a proper noun
///   (名詞,固有名詞,一般). The word costs so little that the analyzer reads it as one word
///   wherever it is written.
/// - **IPADIC's**: the 13 fields of a row of IPADIC's CSV files (surface, left id, right id,
///   cost, four part-of-speech fields, conjugation type and form, base form, reading,
///   pronunciation), for any part of speech with its own costs.
///
/// Lines that are empty or start with `#` are left out.
///
/// ```
/// use seisho::morphology::UserDictionary;
///
/// let words = UserDictionary::from_csv("清書エンジン,製品名,セイショエンジン\n").unwrap();
/// assert_eq!(words.len(), 1);
/// assert!(words.contains("清書エンジン"));
/// ```
///
/// Cloning is cheap: the clones share the words.
#[derive(Clone)]
pub struct UserDictionary {
    inner: std::sync::Arc<Words>,
}

struct Words {
    /// lindera's dictionary of the words, for the lattice.
    pub(crate) lindera: UserPrefixDictionary,
    /// Each word's cost and context ids, by its id in `lindera` (the rows sorted by surface,
    /// as lindera numbers them).
    pub(crate) entries: Vec<UserEntry>,
    /// The surfaces, sorted.
    surfaces: Vec<String>,
}

/// A word's cost and context ids, as the lattice used them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UserEntry {
    pub(crate) cost: i16,
    pub(crate) left_id: u16,
    pub(crate) right_id: u16,
}

/// What is wrong with a user dictionary, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserDictionaryError {
    /// The line (from 1) of the row; 0 when the dictionary as a whole is at fault.
    pub line: u64,
    /// What is wrong.
    pub kind: UserDictionaryErrorKind,
}

/// What is wrong with a row of a user dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserDictionaryErrorKind {
    /// The CSV cannot be read (a quote left open, a byte that is not UTF-8).
    Csv(String),
    /// A row has neither 3 fields (the simple format) nor 13 (IPADIC's).
    FieldCount(usize),
    /// A row's surface is empty.
    EmptySurface,
    /// A row's surface has a character that can never be in a word: a tab or another control
    /// character.
    ControlInSurface(String),
    /// A field of IPADIC's format that must be a number is not one that fits: a cost from
    /// −32768 to 32767, a context id one of IPADIC's (below 1316).
    NotANumber {
        /// Which field: `left id`, `right id` or `cost`.
        field: &'static str,
        /// What it holds.
        value: String,
    },
}

impl fmt::Display for UserDictionaryErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserDictionaryErrorKind::Csv(why) => write!(f, "not CSV: {why}"),
            UserDictionaryErrorKind::FieldCount(n) => write!(
                f,
                "{n} fields; a row has 3 (surface, part of speech, reading) or IPADIC's 13"
            ),
            UserDictionaryErrorKind::EmptySurface => f.write_str("the surface is empty"),
            UserDictionaryErrorKind::ControlInSurface(s) => {
                write!(f, "the surface {s:?} has a tab or a control character")
            }
            UserDictionaryErrorKind::NotANumber { field, value } => {
                write!(f, "the {field} {value:?} is not a number that fits")
            }
        }
    }
}

impl fmt::Display for UserDictionaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.kind)
        } else {
            self.kind.fmt(f)
        }
    }
}

impl std::error::Error for UserDictionaryError {}

/// A row, in IPADIC's format.
struct Row {
    surface: String,
    left_id: u16,
    right_id: u16,
    cost: i16,
    /// The nine feature fields.
    features: Vec<String>,
}

impl UserDictionary {
    /// Reads a user dictionary from CSV text (see [`UserDictionary`] for the formats).
    ///
    /// ```
    /// use seisho::morphology::{UserDictionary, UserDictionaryErrorKind};
    ///
    /// let error = UserDictionary::from_csv("# terms\nSeisho,名詞\n").unwrap_err();
    /// assert_eq!(error.line, 2);
    /// assert_eq!(error.kind, UserDictionaryErrorKind::FieldCount(2));
    /// ```
    pub fn from_csv(text: &str) -> Result<UserDictionary, UserDictionaryError> {
        // The lines that hold rows, with their numbers: the csv crate's own line numbers leave
        // out empty lines. A row is one line (a word never spans two): the records are the
        // lines in order.
        let mut numbers = Vec::new();
        let mut rows_text = String::with_capacity(text.len());
        for (line, number) in text.lines().zip(1u64..) {
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            // A field that opens with a quote must close it on the line (a quote inside an
            // unquoted field, as in `17"モニター`, is a character like any other).
            let quoted = line.starts_with('"') || line.contains(",\"");
            if quoted && line.matches('"').count() % 2 == 1 {
                return Err(UserDictionaryError {
                    line: number,
                    kind: UserDictionaryErrorKind::Csv("a quote is left open".to_owned()),
                });
            }
            numbers.push(number);
            rows_text.push_str(line);
            rows_text.push('\n');
        }
        // Records end at `\n` only: a lone `\r` stays in its field (and is refused there as a
        // control character), so that each line is one record.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(rows_text.as_bytes());
        let mut rows = Vec::with_capacity(numbers.len());
        let mut records = reader.records();
        for &number in &numbers {
            let error = |kind| UserDictionaryError { line: number, kind };
            let record = match records.next() {
                Some(record) => {
                    record.map_err(|e| error(UserDictionaryErrorKind::Csv(e.to_string())))?
                }
                None => {
                    return Err(error(UserDictionaryErrorKind::Csv(
                        "not one record a line".to_owned(),
                    )))
                }
            };
            rows.push(row(&record).map_err(error)?);
        }
        if records.next().is_some() {
            return Err(whole("not one record a line".to_owned()));
        }
        Self::from_rows(rows)
    }

    fn from_rows(mut rows: Vec<Row>) -> Result<UserDictionary, UserDictionaryError> {
        // lindera numbers the words in the order of their surfaces (a stable sort): sorted
        // here first, the numbers are the positions in `rows`.
        rows.sort_by(|a, b| a.surface.cmp(&b.surface));
        let mut csv_text = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for row in &rows {
            let (left, right, cost) = (
                row.left_id.to_string(),
                row.right_id.to_string(),
                row.cost.to_string(),
            );
            let fields = [row.surface.as_str(), &left, &right, &cost]
                .into_iter()
                .chain(row.features.iter().map(String::as_str));
            csv_text
                .write_record(fields)
                .map_err(|e| whole(e.to_string()))?;
        }
        let csv_text = csv_text.into_inner().map_err(|e| whole(e.to_string()))?;
        let built = UserDictionaryBuilderOptions::default()
            .user_dictionary_fields_num(3)
            .dictionary_fields_num(IPADIC_FIELDS)
            .flexible_csv(false)
            .builder()
            .build_from_reader(csv_text.as_slice())
            .map_err(|e| whole(e.to_string()))?;
        Ok(UserDictionary::from(Words {
            lindera: built.dict,
            entries: rows
                .iter()
                .map(|r| UserEntry {
                    cost: r.cost,
                    left_id: r.left_id,
                    right_id: r.right_id,
                })
                .collect(),
            surfaces: {
                let mut s: Vec<String> = rows.into_iter().map(|r| r.surface).collect();
                s.dedup();
                s
            },
        }))
    }

    /// lindera's dictionary of the words, for the lattice.
    pub(crate) fn lindera(&self) -> &UserPrefixDictionary {
        &self.inner.lindera
    }

    /// The number of words (a surface given twice, with two entries, counts once).
    pub fn len(&self) -> usize {
        self.inner.surfaces.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.inner.surfaces.is_empty()
    }

    /// Whether `word` is, exactly, one of the words.
    pub fn contains(&self, word: &str) -> bool {
        self.inner
            .surfaces
            .binary_search_by(|s| s.as_str().cmp(word))
            .is_ok()
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.inner.surfaces.iter().map(String::as_str)
    }

    /// Where the words are written in `text`: the byte range of each occurrence, sorted, with
    /// occurrences that overlap merged into one range (two words written one after the other
    /// stay two). A word that starts or ends
    /// with an ASCII letter or digit is found only where it does not continue a word of
    /// letters and digits (`Go` is not found in `Good`).
    pub fn occurrences(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let alnum_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let mut found: Vec<Range<usize>> = self
            .inner
            .lindera
            .da
            .find_overlapping_iter(text)
            .filter(|m| {
                let (start, end) = (m.start(), m.end());
                let continues_before = start > 0 && alnum_at(start) && alnum_at(start - 1);
                let continues_after = end > start && alnum_at(end - 1) && alnum_at(end);
                !(continues_before || continues_after)
            })
            .map(|m| m.start()..m.end())
            .collect();
        found.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    /// The lengths in bytes of the words that `text` starts with.
    pub(crate) fn prefix_lengths<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.inner
            .lindera
            .da
            .find_overlapping_iter(text)
            .filter(|m| m.start() == 0)
            .map(|m| m.end())
    }

    /// The cost and context ids of word `id`.
    pub(crate) fn entry(&self, id: u32) -> Option<UserEntry> {
        self.inner.entries.get(id as usize).copied()
    }

    /// Moves the context ids into a system dictionary's, when it was built with lindera's
    /// `connection_id_mapping` (IPADIC as seisho builds it is not).
    pub(crate) fn remapped(
        &self,
        map: &lindera_dictionary::dictionary::context_id_map::ContextIdMap,
    ) -> UserDictionary {
        let mut whole = lindera_dictionary::dictionary::UserDictionary {
            dict: self.inner.lindera.clone(),
        };
        whole.remap_context_ids(map);
        let mut entries = self.inner.entries.clone();
        for e in &mut entries {
            e.left_id = map.map_left(e.left_id);
            e.right_id = map.map_right(e.right_id);
        }
        UserDictionary::from(Words {
            lindera: whole.dict,
            entries,
            surfaces: self.inner.surfaces.clone(),
        })
    }
}

impl fmt::Debug for UserDictionary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserDictionary")
            .field("words", &self.inner.surfaces.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for UserDictionary {
    /// The same words with the same entries.
    fn eq(&self, other: &UserDictionary) -> bool {
        std::sync::Arc::ptr_eq(&self.inner, &other.inner)
            || (self.inner.surfaces == other.inner.surfaces
                && self.inner.entries == other.inner.entries)
    }
}

impl Eq for UserDictionary {}

impl From<Words> for UserDictionary {
    fn from(words: Words) -> Self {
        UserDictionary {
            inner: std::sync::Arc::new(words),
        }
    }
}

fn whole(why: String) -> UserDictionaryError {
    UserDictionaryError {
        line: 0,
        kind: UserDictionaryErrorKind::Csv(why),
    }
}

/// A CSV record as a row in IPADIC's format.
fn row(record: &csv::StringRecord) -> Result<Row, UserDictionaryErrorKind> {
    let field = |i: usize| record.get(i).unwrap_or_default().trim();
    let surface = field(0);
    if surface.is_empty() {
        return Err(UserDictionaryErrorKind::EmptySurface);
    }
    if surface.chars().any(char::is_control) {
        return Err(UserDictionaryErrorKind::ControlInSurface(
            surface.to_owned(),
        ));
    }
    match record.len() {
        3 => {
            let (features, id) = simple_part_of_speech(field(1));
            let reading = field(2);
            let reading = if reading.is_empty() { "*" } else { reading };
            let mut all: Vec<String> = features.iter().map(|s| (*s).to_owned()).collect();
            all.extend(["*", "*", surface, reading, reading].map(str::to_owned));
            Ok(Row {
                surface: surface.to_owned(),
                left_id: id,
                right_id: id,
                cost: SIMPLE_WORD_COST,
                features: all,
            })
        }
        IPADIC_FIELDS => {
            let number = |i: usize, name: &'static str| {
                field(i)
                    .parse::<i64>()
                    .ok()
                    .ok_or_else(|| UserDictionaryErrorKind::NotANumber {
                        field: name,
                        value: field(i).to_owned(),
                    })
            };
            // A context id must be one of IPADIC's: the connection matrix has no other.
            let id = |i: usize, name: &'static str| {
                u16::try_from(number(i, name)?)
                    .ok()
                    .filter(|&id| id < IPADIC_CONTEXT_IDS)
                    .ok_or_else(|| UserDictionaryErrorKind::NotANumber {
                        field: name,
                        value: field(i).to_owned(),
                    })
            };
            let cost = i16::try_from(number(3, "cost")?).map_err(|_| {
                UserDictionaryErrorKind::NotANumber {
                    field: "cost",
                    value: field(3).to_owned(),
                }
            })?;
            Ok(Row {
                surface: surface.to_owned(),
                left_id: id(1, "left id")?,
                right_id: id(2, "right id")?,
                cost,
                features: (4..IPADIC_FIELDS).map(|i| field(i).to_owned()).collect(),
            })
        }
        n => Err(UserDictionaryErrorKind::FieldCount(n)),
    }
}

/// IPADIC's four part-of-speech fields and the context id for the simple format's part of
/// speech `name` (see [`NOUNS`]).
fn simple_part_of_speech(name: &str) -> ([&'static str; 4], u16) {
    let path: Vec<&str> = name
        .split([',', '-', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "*")
        .collect();
    NOUNS
        .iter()
        .find(|(names, _, _)| *names == path.as_slice())
        .map_or(PROPER_NOUN, |&(_, features, id)| (features, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_both_formats() {
        let words = UserDictionary::from_csv(
            "# product names\n\
             清書エンジン,製品名,セイショエンジン\n\
             \n\
             \"ACME, Inc.\",組織,アクメ\n\
             鈴木,名詞-固有名詞-人名-姓,スズキ\n\
             ほげる,1,1,-5000,動詞,自立,*,*,五段・ラ行,基本形,ほげる,ホゲル,ホゲル\n",
        )
        .unwrap();
        assert_eq!(
            words.words().collect::<Vec<_>>(),
            ["ACME, Inc.", "ほげる", "清書エンジン", "鈴木"]
        );
        // By surface: ACME (組織), ほげる, 清書エンジン (a proper noun), 鈴木 (姓).
        let ids: Vec<(u16, i16)> = words
            .inner
            .entries
            .iter()
            .map(|e| (e.left_id, e.cost))
            .collect();
        assert_eq!(
            ids,
            [(1292, -10000), (1, -5000), (1288, -10000), (1290, -10000)]
        );
    }

    #[test]
    fn bad_rows_name_their_line() {
        let cases: &[(&str, u64, UserDictionaryErrorKind)] = &[
            ("a,b\n", 1, UserDictionaryErrorKind::FieldCount(2)),
            (
                "ok,名詞,オーケー\n,名詞,ア\n",
                2,
                UserDictionaryErrorKind::EmptySurface,
            ),
            (
                "ok,名詞,オーケー\n\nto\tdo,名詞,トゥードゥー\n",
                3,
                UserDictionaryErrorKind::ControlInSurface("to\tdo".to_owned()),
            ),
            (
                "ok,名詞,オーケー\n# \"quoted\"\n\"open,名詞,オープン\n",
                3,
                UserDictionaryErrorKind::Csv("a quote is left open".to_owned()),
            ),
            (
                "x,1,1,cheap,名詞,一般,*,*,*,*,x,エックス,エックス\n",
                1,
                UserDictionaryErrorKind::NotANumber {
                    field: "cost",
                    value: "cheap".to_owned(),
                },
            ),
            (
                "x,70000,1,0,名詞,一般,*,*,*,*,x,エックス,エックス\n",
                1,
                UserDictionaryErrorKind::NotANumber {
                    field: "left id",
                    value: "70000".to_owned(),
                },
            ),
            (
                "x,1,1316,0,名詞,一般,*,*,*,*,x,エックス,エックス\n",
                1,
                UserDictionaryErrorKind::NotANumber {
                    field: "right id",
                    value: "1316".to_owned(),
                },
            ),
            // A lone carriage return does not end a row: two rows on one line are five fields.
            (
                "a,名詞,ア\rb,名詞,ビ\n",
                1,
                UserDictionaryErrorKind::FieldCount(5),
            ),
        ];
        for (csv, line, kind) in cases {
            let e = UserDictionary::from_csv(csv).unwrap_err();
            assert_eq!((e.line, &e.kind), (*line, kind), "{csv:?}");
        }
    }

    #[test]
    fn occurrences_merge_and_respect_ascii_words() {
        let words =
            UserDictionary::from_csv("Go,名詞,ゴー\nキヤノン,組織,キヤノン\nノン,名詞,ノン\n")
                .unwrap();
        let text = "Good Go キヤノン";
        let found: Vec<&str> = words
            .occurrences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Go", "キヤノン"]);
        // Two words one after the other stay two; a quote inside a field is a character.
        let words = UserDictionary::from_csv(
            "清書,名詞,セイショ\nエンジン,名詞,エンジン\n17\"モニター,製品名,\n",
        )
        .unwrap();
        let text = "清書エンジンと17\"モニター";
        let found: Vec<&str> = words
            .occurrences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["清書", "エンジン", "17\"モニター"]);
    }
}
