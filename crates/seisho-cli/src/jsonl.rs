//! `--jsonl`: JSON Lines in, one record out per record in, in order, for shell and
//! Hadoop-style pipelines (`seisho fmt --jsonl --field text < in.jsonl > out.jsonl`).
//!
//! Each line is a JSON object; the text is the string in `--field`. The record goes out as it
//! came, byte for byte, but for the one field the command writes (`fmt`: the text itself,
//! normalized; `lint`: `diagnostics`; `score`: `score`; `--output-field` names another), which
//! is replaced where it is or added at the end. Lines are read in batches of bounded size and
//! each batch is processed on every core, so memory stays constant however long the input is.
//!
//! A bad record (not UTF-8, not JSON, not an object, no such field, not a string) is reported
//! on standard error with its input and line number, and passed through unchanged or left out
//! as `--bad-records` says; either way the exit status is 2. Blank lines are passed through.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::ops::Range;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde_json::value::RawValue;

use crate::io::Source;
use crate::report;
use crate::says::Says;

/// The options of `--jsonl`.
#[derive(Debug, Clone, Args)]
pub struct JsonlArgs {
    /// Read JSON Lines (a JSON object per line) and write one record per input line, in order,
    /// with the result in a field of the record.
    #[arg(long)]
    pub jsonl: bool,

    /// With --jsonl: the field that holds the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub field: String,

    /// With --jsonl: the field the result goes in (fmt: the text's own field; lint:
    /// `diagnostics`; score: `score`).
    #[arg(long, value_name = "NAME")]
    pub output_field: Option<String>,

    /// With --jsonl: what becomes of a bad record (not JSON, not an object, no string in the
    /// field). It is reported on standard error with its line either way, and the exit status
    /// is 2.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = BadRecords::Pass)]
    pub bad_records: BadRecords,
}

/// What becomes of a bad record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BadRecords {
    /// Written out unchanged.
    Pass,
    /// Left out of the output.
    Skip,
}

impl JsonlArgs {
    /// `--field` and the others without `--jsonl` are usage errors.
    pub fn validate(&self, subcommand: &str) -> Result<(), clap::Error> {
        let given = [
            ("--field", self.field != "text"),
            ("--output-field", self.output_field.is_some()),
            ("--bad-records", self.bad_records != BadRecords::Pass),
        ];
        if let (false, Some((flag, _))) = (self.jsonl, given.iter().find(|(_, g)| *g)) {
            return Err(crate::args::usage_error_in(
                subcommand,
                clap::error::ErrorKind::MissingRequiredArgument,
                format!("{flag} needs --jsonl"),
            ));
        }
        Ok(())
    }
}

/// How records are read: as Markdown only when `--syntax markdown` says so (a record has no
/// file name to tell by).
pub fn syntax(syntax: crate::args::Syntax) -> seisho::Syntax {
    match syntax {
        crate::args::Syntax::Markdown => seisho::Syntax::Markdown,
        crate::args::Syntax::Auto | crate::args::Syntax::Text => seisho::Syntax::Text,
    }
}

/// How a run went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Outcome {
    /// Records read (bad ones included, blank lines not).
    pub records: usize,
    /// Bad records, or an input that could not be read.
    pub failed: bool,
}

/// Lines read before a batch is processed: at most this many, or this many bytes.
const BATCH_LINES: usize = 8192;
const BATCH_BYTES: usize = 8 << 20;

/// Runs `process` on the text of every record of `sources`, and writes each record with the
/// JSON it returns in `out_field`. `process` is called on many threads at once.
pub fn run(
    sources: &[Source],
    args: &JsonlArgs,
    out_field: &str,
    process: impl Fn(&str) -> String + Sync,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    for source in sources {
        let name = match source {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        };
        let reader: Box<dyn BufRead> = match source {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(path) => match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    report::error(Says::CannotRead {
                        name: name.clone(),
                        why: crate::says::os_error(&e),
                    });
                    outcome.failed = true;
                    continue;
                }
            },
        };
        if let Err(e) = run_one(
            reader,
            &name,
            args,
            out_field,
            &process,
            &mut out,
            &mut outcome,
        ) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Err(e);
            }
            report::error(Says::CannotRead {
                name: name.clone(),
                why: crate::says::os_error(&e),
            });
            outcome.failed = true;
        }
    }
    out.flush()?;
    Ok(outcome)
}

/// Errors writing the output come back as `BrokenPipe` or are reported by the caller.
fn run_one(
    mut reader: Box<dyn BufRead>,
    name: &str,
    args: &JsonlArgs,
    out_field: &str,
    process: &(impl Fn(&str) -> String + Sync),
    out: &mut impl Write,
    outcome: &mut Outcome,
) -> io::Result<()> {
    let mut line_no = 0usize;
    loop {
        // A batch: lines and their numbers.
        let mut batch: Vec<Vec<u8>> = Vec::new();
        let mut bytes = 0;
        let first = line_no + 1;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            bytes += line.len();
            batch.push(line);
        }
        if batch.is_empty() {
            return Ok(());
        }
        line_no += batch.len();
        let results: Vec<Result<Option<String>, String>> = batch
            .par_iter()
            .map(|line| record(line, args, out_field, process))
            .collect();
        for (k, (line, result)) in batch.iter().zip(results).enumerate() {
            let content = trim_newline(line);
            match result {
                Ok(Some(record)) => {
                    outcome.records += 1;
                    out.write_all(record.as_bytes())?;
                }
                // Blank: passed through.
                Ok(None) => out.write_all(content)?,
                Err(why) => {
                    outcome.records += 1;
                    outcome.failed = true;
                    let skipped = args.bad_records == BadRecords::Skip;
                    let at = format!("{name}:{}", first + k);
                    report::error(if skipped {
                        Says::BadRecordLeftOut { at, why }
                    } else {
                        Says::BadRecordPassed { at, why }
                    });
                    if skipped {
                        continue;
                    }
                    out.write_all(content)?;
                }
            }
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// One line: `Ok(None)` for a blank line, the record to write, or why it is bad.
fn record(
    line: &[u8],
    args: &JsonlArgs,
    out_field: &str,
    process: &(impl Fn(&str) -> String + Sync),
) -> Result<Option<String>, String> {
    let line = trim_newline(line);
    let line = std::str::from_utf8(line).map_err(|e| {
        Says::RecordNotUtf8 {
            byte: e.valid_up_to() + 1,
        }
        .to_string()
    })?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let fields: BTreeMap<Cow<'_, str>, &RawValue> = match serde_json::from_str(line) {
        Ok(fields) => fields,
        Err(e) if e.is_data() => return Err(Says::NotJsonObject {}.to_string()),
        Err(e) => return Err(Says::NotJson { why: e.to_string() }.to_string()),
    };
    let field = args.field.as_str();
    let raw = fields
        .get(field)
        .ok_or_else(|| format!("no field `{field}`"))?;
    let text: String = serde_json::from_str(raw.get()).map_err(|_| {
        let got = match raw.get().as_bytes().first() {
            Some(b'n') => "null",
            Some(b't' | b'f') => "a boolean",
            Some(b'[') => "an array",
            Some(b'{') => "an object",
            _ => "a number",
        };
        format!("field `{field}` is {got}, not a string")
    })?;
    let value = process(&text);
    let existing = fields.get(out_field).map(|raw| span_of(line, raw.get()));
    Ok(Some(set(
        line,
        existing,
        out_field,
        fields.is_empty(),
        &value,
    )))
}

/// Where `part`, a slice of `line`, lies in it.
fn span_of(line: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - line.as_ptr() as usize;
    start..start + part.len()
}

/// `line` (a JSON object) with `field` set to the JSON `value`: replaced at `existing`, or
/// added before the closing brace.
fn set(
    line: &str,
    existing: Option<Range<usize>>,
    field: &str,
    empty: bool,
    value: &str,
) -> String {
    if let Some(span) = existing {
        return [&line[..span.start], value, &line[span.end..]].concat();
    }
    let close = line.rfind('}').unwrap_or(line.len());
    let key = serde_json::to_string(field).unwrap_or_else(|_| format!("\"{field}\""));
    let comma = if empty { "" } else { "," };
    format!("{}{comma}{key}:{value}{}", &line[..close], &line[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> JsonlArgs {
        JsonlArgs {
            jsonl: true,
            field: "text".to_owned(),
            output_field: None,
            bad_records: BadRecords::Pass,
        }
    }

    fn upper(s: &str) -> String {
        serde_json::to_string(&s.to_uppercase()).unwrap()
    }

    #[test]
    fn records_keep_their_bytes_but_for_one_field() {
        let cases: &[(&str, &str, &str)] = &[
            (
                r#"{"id":1,"text":"ab","x":[1, 2]}"#,
                "text",
                r#"{"id":1,"text":"AB","x":[1, 2]}"#,
            ),
            (r#"{ "text" : "a\u00e9" }"#, "text", r#"{ "text" : "AÉ" }"#),
            (
                r#"{"id":1,"text":"ab"}"#,
                "out",
                r#"{"id":1,"text":"ab","out":"AB"}"#,
            ),
            (r#"{"text":"ab"}   "#, "o", r#"{"text":"ab","o":"AB"}   "#),
            (
                r#"{"text":"x","out":null}"#,
                "out",
                r#"{"text":"x","out":"X"}"#,
            ),
        ];
        for &(line, out_field, expected) in cases {
            let got = record(line.as_bytes(), &args(), out_field, &upper).unwrap();
            assert_eq!(got.as_deref(), Some(expected), "{line}");
        }
        assert_eq!(record(b"  \r\n", &args(), "text", &upper).unwrap(), None);
    }

    #[test]
    fn bad_records_say_why() {
        let cases: &[(&[u8], &str)] = &[
            (b"{\"text\": 3}", "field `text` is a number, not a string"),
            (b"{\"text\": null}", "field `text` is null, not a string"),
            (b"{\"id\": 1}", "no field `text`"),
            (b"[1, 2]", "not a JSON object"),
            (b"\"text\"", "not a JSON object"),
            (b"{\"text\": \"a\"", "not JSON"),
            (b"{\"text\": \"\xff\"}", "not UTF-8"),
        ];
        for &(line, why) in cases {
            let err = record(line, &args(), "text", &upper).unwrap_err();
            assert!(err.starts_with(why), "{err} for {line:?}");
        }
    }
}
