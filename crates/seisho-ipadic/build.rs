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

    /// Reads lindera's source `metadata.json`.
    fn read_metadata(path: &Path) -> Result<Metadata, Box<dyn Error>> {
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // `Metadata::load` is lindera's own JSON reader for this file.
        Metadata::load(&bytes).map_err(|e| format!("{}: {e}", path.display()).into())
    }
}
