//! `seisho fmt`: normalize inputs and print, show, check or write the result.

use std::io::{self, Write};

use seisho::Rule;

use crate::args::{FmtArgs, FmtNormalizer};
use crate::diff::{self, Counts};
use crate::io::{write_atomic, Source};
use crate::jsonl;
use crate::report;
use crate::says::Says;

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
    let user = match args
        .user_dictionary
        .as_deref()
        .map(crate::config::load_user_dictionary)
    {
        None => None,
        Some(Ok(words)) => Some(words),
        Some(Err(message)) => {
            report::error(message);
            return Ok(Outcome {
                changed: false,
                failed: true,
            });
        }
    };
    let normalizer = args.normalizer(user);
    if let FmtNormalizer::Seisho(n) = &normalizer {
        if n.is_enabled(Rule::Compatibility) && args.compat.is_empty() {
            report::warning(Says::CompatNeedsClasses {});
        }
    }
    let sources = Source::from_args(&args.files);
    if args.jsonl.jsonl {
        let syntax = jsonl::syntax(args.input.syntax);
        let field = args
            .jsonl
            .output_field
            .as_deref()
            .unwrap_or(&args.jsonl.field);
        let run = jsonl::run(&sources, &args.jsonl, field, |text| {
            json_string(normalizer.normalize_as(text, syntax).text())
        })?;
        return Ok(Outcome {
            changed: false,
            failed: run.failed,
        });
    }

    // Buffered, and flushed after each input so that messages on standard error come in order.
    let mut styled = io::BufWriter::new(anstream::stdout().lock());
    let mut outcome = Outcome::default();
    let mut counts = Counts::default();
    for source in &sources {
        let Some((name, input)) = args.input.read_or_report(source, &mut outcome.failed) else {
            continue;
        };
        // In Markdown only the prose changes (the byte order mark is the file's, kept out of
        // the text and written back).
        let n = normalizer.normalize_as(&input.decoded.text, input.syntax);
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
        } else if args.in_place || !args.diff {
            if args.in_place && !n.is_changed() {
                styled.flush()?;
                continue;
            }
            let edits = n.edits().iter().map(|e| (e.range(), e.replacement()));
            let encoded = match input.decoded.encode(&input.bytes, n.text(), edits) {
                Ok(encoded) => encoded,
                Err(why) => {
                    report::error(Says::CannotWriteNothingWritten {
                        name: name.clone(),
                        why: why.to_string(),
                    });
                    outcome.failed = true;
                    continue;
                }
            };
            match source {
                Source::File(path) if args.in_place => {
                    if let Err(e) = write_atomic(path, &input.bytes, &encoded) {
                        report::error(e.message(&name));
                        outcome.failed = true;
                    }
                }
                // The text exactly as normalized, in the input's encoding: no styling, no
                // added newline.
                _ => {
                    let mut out = io::stdout().lock();
                    out.write_all(&encoded)?;
                    out.flush()?;
                }
            }
        }
        styled.flush()?;
    }
    if args.diff {
        diff::summary(&mut styled, &counts, args.fixes.unsafe_fixes)?;
    }
    styled.flush()?;
    Ok(outcome)
}

/// `text` as a JSON string.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}
