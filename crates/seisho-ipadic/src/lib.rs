//! IPADIC, the dictionary of Japanese words that seisho's morphological analysis (形態素解析,
//! keitaiso kaiseki) uses, compiled for [lindera](https://crates.io/crates/lindera).
//!
//! The dictionary is built by this crate's build script from the source kept in the repository
//! (IPADIC 2.7.0 as packaged by Debian, converted to UTF-8: see `data/PROVENANCE.md`), with no
//! network access, and embedded in the binary (feature `embedded`, on by default). It can also be
//! loaded from a directory written by [`write_to_dir`] (or `seisho dict export`), or from the
//! same files held in memory (a browser fetches them); without the `embedded` feature these two
//! are the only ways, and the build compiles and embeds nothing.
//!
//! ```
//! # #[cfg(feature = "embedded")] {
//! // The embedded dictionary: loaded once, in place (its 46 MB are not copied).
//! let dictionary = seisho_ipadic::embedded();
//! assert!(dictionary.word_count() > 390_000);
//!
//! // The same files written to a directory and loaded back, memory-mapped.
//! let dir = std::env::temp_dir().join(format!("seisho-ipadic-doc-{}", std::process::id()));
//! seisho_ipadic::write_to_dir(&dir)?;
//! let from_dir = seisho_ipadic::load_from_dir(&dir)?;
//! assert_eq!(from_dir.word_count(), dictionary.word_count());
//!
//! // Or from bytes in memory, one file at a time.
//! let mut parts = seisho_ipadic::DictionaryParts::new();
//! for name in seisho_ipadic::FILE_NAMES {
//!     parts.insert(name, std::fs::read(dir.join(name))?)?;
//! }
//! let from_bytes = seisho_ipadic::load_from_parts(parts)?;
//! assert_eq!(from_bytes.word_count(), dictionary.word_count());
//! # std::fs::remove_dir_all(&dir)?;
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! IPADIC is © Nara Institute of Science and Technology, under the licence in `data/COPYING`,
//! which every copy of the dictionary must carry.
#![deny(missing_docs)]

mod error;

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use lindera_dictionary::dictionary::character_definition::CharacterDefinition;
use lindera_dictionary::dictionary::connection_cost_matrix::ConnectionCostMatrix;
use lindera_dictionary::dictionary::metadata::Metadata;
use lindera_dictionary::dictionary::prefix_dictionary::PrefixDictionary;
use lindera_dictionary::dictionary::unknown_dictionary::UnknownDictionary;
use lindera_dictionary::util::Data;

pub use error::Error;

/// The version of IPADIC this crate embeds.
pub const IPADIC_VERSION: &str = "2.7.0-20070801";

/// The files a compiled dictionary consists of, as [`write_to_dir`] writes them and
/// [`DictionaryParts::insert`] takes them.
pub const FILE_NAMES: [&str; 10] = [
    "metadata.json",
    "char_def.bin",
    "unk.bin",
    "matrix.mtx",
    "dict.trie",
    "dict.valsidx",
    "dict.vals",
    "dict.wordsidx",
    "dict.words",
    "unidic.bin",
];

/// The list of UniDic's katakana words, the last of [`FILE_NAMES`].
const UNIDIC: &str = FILE_NAMES[9];

#[cfg(feature = "embedded")]
macro_rules! embedded_file {
    ($name:literal) => {
        // 16-byte aligned, so that the connection cost matrix (and anything else read as wider
        // integers) is used in place instead of being copied into an aligned buffer.
        lindera_dictionary::include_bytes_aligned!(concat!(env!("OUT_DIR"), "/ipadic/", $name))
    };
}

#[cfg(feature = "embedded")]
static EMBEDDED: [&[u8]; 10] = [
    embedded_file!("metadata.json"),
    embedded_file!("char_def.bin"),
    embedded_file!("unk.bin"),
    embedded_file!("matrix.mtx"),
    embedded_file!("dict.trie"),
    embedded_file!("dict.valsidx"),
    embedded_file!("dict.vals"),
    embedded_file!("dict.wordsidx"),
    embedded_file!("dict.words"),
    embedded_file!("unidic.bin"),
];

/// A compiled IPADIC dictionary, ready for lindera's segmenter.
///
/// Cloning is cheap: the parts are shared, not copied.
#[derive(Clone)]
pub struct Dictionary {
    inner: lindera_dictionary::dictionary::Dictionary,
    unidic: UnidicTable,
}

impl Dictionary {
    /// The lindera dictionary, to build a `lindera::segmenter::Segmenter` (lindera 6) over it.
    pub fn as_lindera(&self) -> &lindera_dictionary::dictionary::Dictionary {
        &self.inner
    }

    /// The lindera dictionary, by value.
    pub fn into_lindera(self) -> lindera_dictionary::dictionary::Dictionary {
        self.inner
    }

    /// The number of entries (words in each of their forms) in the dictionary.
    pub fn word_count(&self) -> usize {
        self.inner.prefix_dictionary.word_count()
    }

    /// How UniDic (2.1.2, the dictionary jReadability is defined over) analyses the entry
    /// `word_id` of this dictionary: `None` for an entry that conjugates (its surface is one
    /// form, which UniDic cannot analyse out of context) or an id out of range.
    pub fn unidic(&self, word_id: u32) -> Option<UnidicCounts> {
        self.unidic.get(word_id)
    }

    /// Whether `word` is a katakana word of UniDic 2.1.2 that this dictionary does not have
    /// (58,810 of them: アセット, キャプチャ, ブログ are not in IPADIC 2.7.0). The kana typo
    /// rules ask it beside IPADIC's entries.
    pub fn is_unidic_katakana_word(&self, word: &str) -> bool {
        self.unidic.has_katakana_word(word)
    }
}

/// What UniDic's analysis of one IPADIC entry adds to jReadability's counts: its short
/// units, how many are of each origin (語種), how many are verbs not marked 非自立可能, and
/// how many are particles. Generated by `scripts/unidic_table.py`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnidicCounts {
    /// Short units (UniDic's words).
    pub units: u8,
    /// Units of Chinese origin (漢語).
    pub kango: u8,
    /// Native units (和語).
    pub wago: u8,
    /// Loanwords (外来語).
    pub gairaigo: u8,
    /// Units of mixed origin (混種語).
    pub konshu: u8,
    /// Verbs that are not 非自立可能.
    pub verbs: u8,
    /// Particles.
    pub particles: u8,
}

/// `unidic.bin`: `SEISHOUD`, the number of count tuples, of words and of bytes of katakana
/// words (u32 LE each), the tuples (8 bytes each: the 7 counts of [`UnidicCounts`] and a
/// zero), for each word id the index of its tuple (u16 LE; `0xFFFF` for none), then UniDic's
/// katakana words that IPADIC lacks, sorted by their bytes, each ended by a line break.
#[derive(Clone)]
struct UnidicTable {
    bytes: Cow<'static, [u8]>,
    tuples: usize,
    words: usize,
}

impl UnidicTable {
    const HEADER: usize = 20;

    fn parse(bytes: Cow<'static, [u8]>, word_count: usize) -> Result<Self, String> {
        let u32_at = |at: usize| -> Option<usize> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
        };
        if !bytes.starts_with(b"SEISHOUD") {
            return Err("not a seisho UniDic table".to_owned());
        }
        let (Some(tuples), Some(words), Some(katakana)) = (u32_at(8), u32_at(12), u32_at(16))
        else {
            return Err("truncated".to_owned());
        };
        if bytes.len() != Self::HEADER + 8 * tuples + 2 * words + katakana {
            return Err("its size does not match its header".to_owned());
        }
        if katakana > 0 && bytes.last() != Some(&b'\n') {
            return Err("its katakana words do not end with a line break".to_owned());
        }
        if words != word_count {
            return Err(format!(
                "made for a dictionary of {words} words, not of {word_count}"
            ));
        }
        Ok(UnidicTable {
            bytes,
            tuples,
            words,
        })
    }

    /// Binary search over the sorted lines of the katakana words.
    fn has_katakana_word(&self, word: &str) -> bool {
        let blob = &self.bytes[Self::HEADER + 8 * self.tuples + 2 * self.words..];
        let key = word.as_bytes();
        // `lo` and `hi` are always the starts of lines (or the end).
        let (mut lo, mut hi) = (0, blob.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = blob[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |p| lo + p + 1);
            let end = blob[start..hi]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(hi, |p| start + p);
            match key.cmp(&blob[start..end]) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => hi = start,
                std::cmp::Ordering::Greater => lo = end + 1,
            }
        }
        false
    }

    fn get(&self, word_id: u32) -> Option<UnidicCounts> {
        let word_id = word_id as usize;
        if word_id >= self.words {
            return None;
        }
        let at = Self::HEADER + 8 * self.tuples + 2 * word_id;
        let index = usize::from(u16::from_le_bytes([self.bytes[at], self.bytes[at + 1]]));
        if index >= self.tuples {
            return None;
        }
        let t = &self.bytes[Self::HEADER + 8 * index..Self::HEADER + 8 * index + 7];
        Some(UnidicCounts {
            units: t[0],
            kango: t[1],
            wago: t[2],
            gairaigo: t[3],
            konshu: t[4],
            verbs: t[5],
            particles: t[6],
        })
    }
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("name", &self.inner.metadata.name)
            .field("word_count", &self.word_count())
            .finish_non_exhaustive()
    }
}

/// The embedded dictionary, loaded on first use and shared afterwards.
///
/// Loading takes no copy of the dictionary's data (a few milliseconds at most).
///
/// # Panics
///
/// If the embedded files do not load, which would be a bug in this crate's build (the crate's
/// tests load them); [`load_embedded`] returns the error instead.
#[cfg(feature = "embedded")]
pub fn embedded() -> &'static Dictionary {
    static DICTIONARY: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    DICTIONARY.get_or_init(|| match load_embedded() {
        Ok(dictionary) => dictionary,
        Err(e) => panic!("the embedded IPADIC does not load: {e}"),
    })
}

/// Loads the embedded dictionary anew. Prefer [`embedded`], which loads it once.
#[cfg(feature = "embedded")]
pub fn load_embedded() -> Result<Dictionary, Error> {
    load_from_parts(DictionaryParts::embedded())
}

/// Writes the embedded dictionary's files ([`FILE_NAMES`]) into `dir`, creating it if needed.
///
/// [`load_from_dir`] loads them back; a browser can fetch them and load them with
/// [`load_from_parts`].
#[cfg(feature = "embedded")]
pub fn write_to_dir(dir: impl AsRef<Path>) -> Result<(), Error> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (name, bytes) in DictionaryParts::embedded().iter() {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Loads a dictionary from a directory holding the files [`write_to_dir`] (or `seisho dict
/// export`) writes.
///
/// With the `mmap` feature (on by default) the large files are memory-mapped, not read.
pub fn load_from_dir(dir: impl AsRef<Path>) -> Result<Dictionary, Error> {
    let dir = dir.as_ref();
    let inner = lindera_dictionary::dictionary::Dictionary::load_from_path_with_options(
        dir,
        cfg!(feature = "mmap"),
    )
    .map_err(|e| Error::load(format!("{}", dir.display()), e))?;
    let path = dir.join(UNIDIC);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let unidic = UnidicTable::parse(Cow::Owned(bytes), inner.prefix_dictionary.word_count())
        .map_err(|e| Error::invalid(format!("{}", path.display()), e))?;
    Ok(Dictionary { inner, unidic })
}

/// Loads a dictionary from its files held in memory.
pub fn load_from_parts(parts: DictionaryParts) -> Result<Dictionary, Error> {
    let [metadata, char_def, unk, matrix, trie, vals_idx, vals, words_idx, words, unidic] =
        parts.into_complete()?;
    // The names of the files, for errors (the prefix dictionary's five by the first).
    let [metadata_file, char_def_file, unk_file, matrix_file, trie_file, ..] = FILE_NAMES;
    let load = |name: &str, e| Error::load(name.to_owned(), e);

    let metadata = Metadata::load(&metadata).map_err(|e| load(metadata_file, e))?;
    metadata
        .validate_format_version()
        .map_err(|e| load(metadata_file, e))?;
    let character_definition =
        CharacterDefinition::load(&char_def).map_err(|e| load(char_def_file, e))?;
    let unknown_dictionary = UnknownDictionary::load(&unk).map_err(|e| load(unk_file, e))?;
    let connection_cost_matrix =
        ConnectionCostMatrix::load(into_data(matrix)).map_err(|e| load(matrix_file, e))?;
    let prefix_dictionary = PrefixDictionary::load(
        into_data(trie),
        into_data(vals_idx),
        into_data(vals),
        into_data(words_idx),
        into_data(words),
    )
    .map_err(|e| load(trie_file, e))?;
    let unidic = UnidicTable::parse(unidic, prefix_dictionary.word_count())
        .map_err(|e| Error::invalid(UNIDIC.to_owned(), e))?;

    Ok(Dictionary {
        unidic,
        inner: lindera_dictionary::dictionary::Dictionary {
            prefix_dictionary: Arc::new(prefix_dictionary),
            connection_cost_matrix: Arc::new(connection_cost_matrix),
            character_definition: Arc::new(character_definition),
            unknown_dictionary: Arc::new(unknown_dictionary),
            metadata: Arc::new(metadata),
        },
    })
}

/// Static bytes are used in place; owned bytes are moved, not copied.
fn into_data(bytes: Cow<'static, [u8]>) -> Data {
    match bytes {
        Cow::Borrowed(bytes) => Data::Static(bytes),
        Cow::Owned(bytes) => Data::Vec(bytes),
    }
}

/// The files of a compiled dictionary held in memory, by name, for [`load_from_parts`].
///
/// Each file is either `&'static [u8]` (used in place) or `Vec<u8>` (moved in).
#[derive(Clone, Debug, Default)]
pub struct DictionaryParts {
    parts: [Option<Cow<'static, [u8]>>; 10],
}

impl DictionaryParts {
    /// No files yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The embedded dictionary's files, borrowed.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Self {
        Self {
            parts: EMBEDDED.map(|bytes| Some(Cow::Borrowed(bytes))),
        }
    }

    /// Sets the file named `file_name`, one of [`FILE_NAMES`], replacing any earlier one.
    pub fn insert(
        &mut self,
        file_name: &str,
        bytes: impl Into<Cow<'static, [u8]>>,
    ) -> Result<(), Error> {
        let index = FILE_NAMES
            .iter()
            .position(|&name| name == file_name)
            .ok_or_else(|| Error::unknown_file(file_name))?;
        self.parts[index] = Some(bytes.into());
        Ok(())
    }

    /// The files set so far, by name, in the order of [`FILE_NAMES`].
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
        FILE_NAMES
            .iter()
            .zip(&self.parts)
            .filter_map(|(&name, bytes)| Some((name, bytes.as_deref()?)))
    }

    /// The names of the files not set yet.
    pub fn missing(&self) -> impl Iterator<Item = &'static str> + '_ {
        FILE_NAMES
            .iter()
            .zip(&self.parts)
            .filter(|(_, bytes)| bytes.is_none())
            .map(|(&name, _)| name)
    }

    fn into_complete(self) -> Result<[Cow<'static, [u8]>; 10], Error> {
        if let Some(name) = self.missing().next() {
            return Err(Error::missing_file(name));
        }
        Ok(self.parts.map(|bytes| bytes.unwrap_or_default()))
    }
}
