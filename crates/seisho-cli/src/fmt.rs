//! `seisho fmt`: normalize inputs and print, show, check or write the result.

use std::io::{self, Write};

use seisho::Rule;

use crate::args::FmtArgs;
use crate::diff::{self, Counts};
use crate::io::{write_atomic, Source};
use crate::report;

/// How a run went, for the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Some input would change (or did, with `--in-place`).
    pub changed: bool,
    /// Some input could not be read or written.
    pub failed: bool,
}

/// Runs `seisho fmt`. Problems with one input are reported on standard error and the others
/// still processed; the error returned is a failure to write to standard output.
pub fn run(args: &FmtArgs) -> io::Result<Outcome> {
    let normalizer = args.normalizer();
    if normalizer.is_enabled(Rule::Compatibility) && args.compat.is_empty() {
        report::warning("rule `compatibility` changes nothing without `--compat CLASS`");
    }
    let sources = Source::from_args(&args.files);

    // Buffered, and flushed after each input so that messages on standard error come in order.
    let mut styled = io::BufWriter::new(anstream::stdout().lock());
    let mut outcome = Outcome::default();
    let mut counts = Counts::default();
    for source in &sources {
        let name = source.name();
        // The bytes as read are kept for `-w`: the file is written only if it still holds them.
        let read = source.read_bytes().and_then(|bytes| {
            let original = args.in_place.then(|| bytes.clone());
            Ok((crate::io::decode(bytes)?, original))
        });
        let (text, original) = match read {
            Ok(read) => read,
            Err(e) => {
                report::error(e.message(&name));
                outcome.failed = true;
                continue;
            }
        };
        // A byte order mark at the start is the file's, not the text's: it is kept as it was
        // (the invisible-character rule would delete it).
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(body) => ("\u{feff}", body),
            None => ("", text.as_str()),
        };
        let n = normalizer.normalize(body);
        outcome.changed |= n.is_changed();

        if args.diff {
            diff::render(&mut styled, &name, &n, &mut counts)?;
        }
        if args.check {
            if n.is_changed() && !args.diff {
                let k = n.edits().len();
                let edits = if k == 1 { "edit" } else { "edits" };
                writeln!(styled, "{name}: would change ({k} {edits})")?;
            }
        } else if args.in_place {
            if let (Source::File(path), Some(original), true) = (source, &original, n.is_changed())
            {
                let written = format!("{bom}{}", n.text());
                if let Err(e) = write_atomic(path, original, written.as_bytes()) {
                    report::error(e.message(&name));
                    outcome.failed = true;
                }
            }
        } else if !args.diff {
            // The text exactly as normalized: no styling, no added newline.
            let mut out = io::stdout().lock();
            out.write_all(bom.as_bytes())?;
            out.write_all(n.text().as_bytes())?;
            out.flush()?;
        }
        styled.flush()?;
    }
    if args.diff {
        diff::summary(&mut styled, &counts, args.unsafe_fixes)?;
    }
    styled.flush()?;
    Ok(outcome)
}
