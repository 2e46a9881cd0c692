//! Builds the lindera dictionary from the IPADIC source kept in `data/`, offline.
//!
//! The source is `data/ipadic-2.7.0-utf8.tar.zst` (the CSV and .def files of Debian's
//! mecab-ipadic, converted to UTF-8: see `data/PROVENANCE.md`). It is unpacked into `OUT_DIR`
//! and compiled with lindera's `DictionaryBuilder` and lindera-ipadic's `metadata.json`; the
//! built files are then embedded by `src/lib.rs` with `include_bytes!`. Nothing is downloaded.
//!
//! Only with the `embedded` feature: without it nothing is embedded, so nothing is compiled
//! (a WebAssembly build loads the files at run time).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "embedded")]
    compile::ipadic()?;
    Ok(())
}

#[cfg(feature = "embedded")]
mod compile {
    use std::error::Error;
    use std::fs;
    use std::io::{BufReader, Read};
    use std::path::{Path, PathBuf};

    use lindera_dictionary::builder::DictionaryBuilder;
    use lindera_dictionary::dictionary::metadata::Metadata;

    const SOURCE: &str = "data/ipadic-2.7.0-utf8.tar.zst";
    const METADATA: &str = "metadata.json";

    /// Compiles IPADIC into `OUT_DIR/ipadic`.
    pub(crate) fn ipadic() -> Result<(), Box<dyn Error>> {
        println!("cargo:rerun-if-changed={SOURCE}");
        println!("cargo:rerun-if-changed={METADATA}");

        let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
        let source_dir = out_dir.join("ipadic-source");
        let dictionary_dir = out_dir.join("ipadic");
        // A previous run may have been interrupted half way: start from empty directories.
        for dir in [&source_dir, &dictionary_dir] {
            if dir.exists() {
                fs::remove_dir_all(dir)?;
            }
        }
        fs::create_dir_all(&source_dir)?;

        unpack(Path::new(SOURCE), &source_dir)?;

        let metadata: Metadata = read_metadata(Path::new(METADATA))?;
        DictionaryBuilder::new(metadata)
            .build_dictionary(&source_dir, &dictionary_dir)
            .map_err(|e| format!("building the IPADIC dictionary: {e}"))?;
        unidic(&source_dir, &dictionary_dir)?;

        // The source is only needed to build; keep OUT_DIR to the embedded files.
        fs::remove_dir_all(&source_dir)?;
        Ok(())
    }

    /// Decompresses the zstd-compressed tar `archive` into `dir`, checking the frame checksum.
    fn unpack(archive: &Path, dir: &Path) -> Result<(), Box<dyn Error>> {
        let file = BufReader::new(
            fs::File::open(archive).map_err(|e| format!("{}: {e}", archive.display()))?,
        );
        let mut decoder = ruzstd::decoding::StreamingDecoder::new(file)
            .map_err(|e| format!("{}: not a zstd stream: {e}", archive.display()))?;
        let mut tar = Vec::new();
        decoder.read_to_end(&mut tar)?;
        let frame = decoder.into_frame_decoder();
        if frame.get_checksum_from_data() != frame.get_calculated_checksum() {
            return Err(format!("{}: zstd checksum mismatch", archive.display()).into());
        }

        let mut files = 0;
        for entry in tar::Archive::new(tar.as_slice()).entries()? {
            let mut entry = entry?;
            let path = entry.path()?.into_owned();
            // Only plain file names: the archive is flat, and nothing may escape `dir`.
            let name = path
                .file_name()
                .filter(|name| Path::new(name) == path.as_path())
                .ok_or_else(|| {
                    format!(
                        "{}: unexpected member {}",
                        archive.display(),
                        path.display()
                    )
                })?;
            let mut bytes = Vec::with_capacity(entry.size() as usize);
            entry.read_to_end(&mut bytes)?;
            fs::write(dir.join(name), bytes)?;
            files += 1;
        }
        if files == 0 {
            return Err(format!("{}: empty archive", archive.display()).into());
        }
        Ok(())
    }

    const UNIDIC_COUNTS: &str = "data/unidic-counts.tsv";
    const UNIDIC_ROWS: &str = "data/unidic-rows.u16.zst";
    const UNIDIC_KATAKANA: &str = "data/unidic-katakana.txt.zst";

    /// Writes `unidic.bin`: for every word id, how UniDic analyses the entry (the counts
    /// jReadability takes: see `scripts/unidic_table.py`, which makes the two data files from
    /// the same source), in the format `UnidicTable` in `src/lib.rs` reads.
    ///
    /// The data files list the CSV rows in the order of the files sorted by name and the rows
    /// in each; lindera numbers words in that order stably sorted by surface (with ― and ～
    /// read as — and 〜, as `normalize_details` asks). The order is rebuilt here, and checked
    /// against the compiled dictionary entry by entry: a word whose details differ stops the
    /// build.
    fn unidic(source_dir: &Path, dictionary_dir: &Path) -> Result<(), Box<dyn Error>> {
        println!("cargo:rerun-if-changed={UNIDIC_COUNTS}");
        println!("cargo:rerun-if-changed={UNIDIC_ROWS}");
        println!("cargo:rerun-if-changed={UNIDIC_KATAKANA}");
        let palette: Vec<[u8; 8]> = fs::read_to_string(UNIDIC_COUNTS)?
            .lines()
            .skip(1)
            .map(|line| {
                let mut counts = [0u8; 8];
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() != 7 {
                    return Err(format!("{UNIDIC_COUNTS}: not 7 counts: {line:?}"));
                }
                for (c, f) in counts.iter_mut().zip(fields) {
                    *c = f
                        .parse()
                        .map_err(|e| format!("{UNIDIC_COUNTS}: {line:?}: {e}"))?;
                }
                Ok(counts)
            })
            .collect::<Result<_, _>>()?;
        let mut packed = Vec::new();
        ruzstd::decoding::StreamingDecoder::new(fs::File::open(UNIDIC_ROWS)?)
            .map_err(|e| format!("{UNIDIC_ROWS}: not a zstd stream: {e}"))?
            .read_to_end(&mut packed)?;
        let rows: Vec<u16> = packed
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();

        // The CSV rows: (surface as lindera sorts it, details as lindera stores them).
        let mut files: Vec<PathBuf> = fs::read_dir(source_dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        files.retain(|p| p.extension().is_some_and(|e| e == "csv"));
        files.sort();
        let normalize = |s: &str| s.replace('―', "—").replace('～', "〜");
        let mut entries: Vec<(String, String)> = Vec::with_capacity(rows.len());
        for file in &files {
            for line in fs::read_to_string(file)?.lines() {
                let fields: Vec<&str> = line.split(',').collect();
                let details: Vec<String> = fields.iter().skip(4).map(|f| normalize(f)).collect();
                entries.push((normalize(fields[0]), details.join("\0")));
            }
        }
        if entries.len() != rows.len() {
            return Err(format!(
                "{UNIDIC_ROWS}: {} rows, the source has {}: regenerate it with scripts/unidic_table.py",
                rows.len(),
                entries.len()
            )
            .into());
        }
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_cached_key(|&i| entries[i].0.clone());

        let words_idx = fs::read(dictionary_dir.join("dict.wordsidx"))?;
        let words = fs::read(dictionary_dir.join("dict.words"))?;
        if words_idx.len() != 4 * order.len() {
            return Err("the compiled dictionary does not have one word per CSV row".into());
        }
        let katakana = katakana_words()?;
        let mut out = Vec::with_capacity(20 + 8 * palette.len() + 2 * order.len() + katakana.len());
        out.extend_from_slice(b"SEISHOUD");
        out.extend_from_slice(&(palette.len() as u32).to_le_bytes());
        out.extend_from_slice(&(order.len() as u32).to_le_bytes());
        out.extend_from_slice(&u32::try_from(katakana.len())?.to_le_bytes());
        for counts in &palette {
            out.extend_from_slice(counts);
        }
        for (word_id, &row) in order.iter().enumerate() {
            let at =
                u32::from_le_bytes(words_idx[4 * word_id..4 * word_id + 4].try_into()?) as usize;
            let len = u32::from_le_bytes(words[at..at + 4].try_into()?) as usize;
            if words[at + 4..at + 4 + len] != *entries[row].1.as_bytes() {
                return Err(format!(
                    "word {word_id} is not CSV row {row} ({:?}): lindera's numbering changed",
                    entries[row].0
                )
                .into());
            }
            let index = rows[row];
            if index != u16::MAX && usize::from(index) >= palette.len() {
                return Err(format!("{UNIDIC_ROWS}: index {index} past the counts").into());
            }
            out.extend_from_slice(&index.to_le_bytes());
        }
        out.extend_from_slice(&katakana);
        fs::write(dictionary_dir.join("unidic.bin"), out)?;
        Ok(())
    }

    /// UniDic's katakana words that IPADIC lacks, one a line, checked: sorted by their bytes,
    /// no repeats, only katakana letters and ー, two characters or more.
    fn katakana_words() -> Result<Vec<u8>, Box<dyn Error>> {
        let mut text = String::new();
        ruzstd::decoding::StreamingDecoder::new(fs::File::open(UNIDIC_KATAKANA)?)
            .map_err(|e| format!("{UNIDIC_KATAKANA}: not a zstd stream: {e}"))?
            .read_to_string(&mut text)?;
        let mut last = "";
        for word in text.lines() {
            let katakana = word
                .chars()
                .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー'));
            if !katakana || word.chars().nth(1).is_none() || word <= last {
                return Err(format!(
                    "{UNIDIC_KATAKANA}: {word:?} is no katakana word in order: regenerate it with scripts/unidic_table.py"
                )
                .into());
            }
            last = word;
        }
        if !text.is_empty() && !text.ends_with('\n') {
            return Err(format!("{UNIDIC_KATAKANA}: no line break at the end").into());
        }
        Ok(text.into_bytes())
    }

    /// Reads lindera's source `metadata.json`.
    fn read_metadata(path: &Path) -> Result<Metadata, Box<dyn Error>> {
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // `Metadata::load` is lindera's own JSON reader for this file.
        Metadata::load(&bytes).map_err(|e| format!("{}: {e}", path.display()).into())
    }
}
