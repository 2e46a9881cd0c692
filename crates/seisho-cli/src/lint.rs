//! `seisho lint` and `seisho fix`: find the inputs and their configurations, lint (and fix)
//! them in parallel, and report in the order of the command line.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use encoding_rs::Encoding;
use rayon::prelude::*;
use seisho::lint::{Fix, Severity};

use crate::args::{FixArgs, InputArgs, LintArgs, LintFormat};
use crate::config::{Config, ConfigErrors, Resolver};
use crate::io::{is_leftover_temp, write_atomic, Source};
use crate::output::{self, FileResult, FixMode, LintOutput, Summary};
use crate::report;

/// Inputs from this many on get a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

/// One input to lint.
#[derive(Debug)]
struct Job {
    source: Source,
    /// The name in messages.
    name: String,
    config: Arc<Config>,
}

/// How a run went, for the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Some diagnostic of severity error (remaining after fixing, for `seisho fix`).
    pub errors: bool,
    /// A usage, configuration or I/O error.
    pub failed: bool,
}

impl Outcome {
    /// 0, 1 or 2.
    pub fn exit_code(self) -> u8 {
        if self.failed {
            2
        } else if self.errors {
            1
        } else {
            0
        }
    }
}

/// `seisho lint --jsonl`: each record with its diagnostics (as `--format json` gives them,
/// positions in the record's text) in the field `diagnostics`, with the configuration of
/// `--config` or the current directory.
fn jsonl(args: &LintArgs, err_styled: bool) -> io::Result<Outcome> {
    let mut outcome = Outcome::default();
    let config = std::env::current_dir()
        .map_err(|e| e.to_string())
        .and_then(|cwd| {
            let mut resolver =
                Resolver::new(args.config.as_deref(), args.no_dictionary, args.selection())
                    .map_err(|e| e.render(err_styled))?;
            resolver.for_dir(&cwd).map_err(|e| e.render(err_styled))
        });
    let config = match config {
        Ok(config) => config,
        Err(message) => {
            let mut err = anstream::stderr().lock();
            let _ = err.write_all(message.as_bytes());
            outcome.failed = true;
            return Ok(outcome);
        }
    };
    let linter = config.linter();
    let syntax = crate::jsonl::syntax(args.input.syntax);
    let field = args.jsonl.output_field.as_deref().unwrap_or("diagnostics");
    let errors = AtomicBool::new(false);
    let warnings = AtomicUsize::new(0);
    let run = crate::jsonl::run(
        &Source::from_args(&args.paths),
        &args.jsonl,
        field,
        |text| {
            let mut diagnostics = linter.lint(text, syntax);
            if args.quiet {
                diagnostics.retain(|d| d.severity == Severity::Error);
            }
            if diagnostics.iter().any(|d| d.severity == Severity::Error) {
                errors.store(true, Ordering::Relaxed);
            }
            let w = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning);
            warnings.fetch_add(w.count(), Ordering::Relaxed);
            serde_json::to_string(&diagnostics).unwrap_or_default()
        },
    )?;
    outcome.failed = run.failed;
    outcome.errors = errors.into_inner();
    let warnings = warnings.into_inner();
    if let Some(max) = args.max_warnings.filter(|&max| warnings > max) {
        outcome.errors = true;
        report::error(format_args!(
            "{} (at most {max} allowed by --max-warnings)",
            output::plural(warnings, "warning", "warnings")
        ));
    }
    Ok(outcome)
}

/// Runs `seisho lint`.
pub fn lint(args: &LintArgs) -> io::Result<Outcome> {
    run(args, None)
}

/// Runs `seisho fix`.
pub fn fix(args: &FixArgs) -> io::Result<Outcome> {
    run(
        &args.lint,
        Some(FixMode {
            diff: args.diff,
            unsafe_fixes: args.unsafe_fixes,
        }),
    )
}

fn run(args: &LintArgs, fix: Option<FixMode>) -> io::Result<Outcome> {
    if args.schema {
        let mut out = anstream::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &output::schema()).map_err(crate::io::json_error)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(Outcome::default());
    }
    let err_styled = anstream::AutoStream::choice(&io::stderr()) != anstream::ColorChoice::Never;
    if args.jsonl.jsonl {
        return jsonl(args, err_styled);
    }

    let mut outcome = Outcome::default();
    let jobs = match jobs(args, &mut outcome) {
        Ok(jobs) => jobs,
        Err(errors) => {
            let mut err = anstream::stderr().lock();
            let _ = err.write_all(errors.render(err_styled).as_bytes());
            outcome.failed = true;
            return Ok(outcome);
        }
    };

    // `seisho fix -` writes the fixed text to standard output: the report goes to standard
    // error.
    let report_to_stderr =
        fix.is_some_and(|m| !m.diff) && jobs.iter().any(|j| matches!(j.source, Source::Stdin));
    // Buffered, and flushed after each file: standard output is line-buffered, and the JSON
    // and Checkstyle reports of a file with a million findings have millions of lines, one
    // write(2) each.
    let (mut out, styled): (Box<dyn Write>, bool) = if report_to_stderr {
        (
            Box::new(io::BufWriter::new(anstream::stderr().lock())),
            err_styled,
        )
    } else {
        let styled = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
        (
            Box::new(io::BufWriter::new(anstream::stdout().lock())),
            styled,
        )
    };

    let progress = (jobs.len() >= PROGRESS_FROM && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(jobs.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} files {wide_bar} {elapsed}",
        ) {
            bar.set_style(style);
        }
        bar
    });

    let options = Options {
        input: &args.input,
        quiet: args.quiet,
        fix,
        styled,
        format: args.format,
    };
    let mut summary = Summary::default();
    let mut reports = Vec::new();
    // rdjson's diagnostics or SARIF's results.
    let mut parts: Vec<serde_json::Value> = Vec::new();
    if args.format == LintFormat::Checkstyle {
        out.write_all(output::CHECKSTYLE_HEAD.as_bytes())?;
    }

    // The inputs are done in parallel; their output is written in order, each as soon as
    // those before it are written.
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    let result = std::thread::scope(|scope| -> io::Result<()> {
        let jobs = &jobs;
        let options = &options;
        scope.spawn(move || {
            jobs.par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, job)| {
                    let _ = tx.send((i, process(job, options)));
                });
        });
        let mut pending: Vec<Option<Done>> = (0..jobs.len()).map(|_| None).collect();
        let mut next = 0;
        for (i, done) in rx {
            pending[i] = Some(done);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            while let Some(mut done) = pending.get_mut(next).and_then(Option::take) {
                next += 1;
                let mut write = || -> io::Result<()> {
                    emit(&mut out, &done)?;
                    out.flush()
                };
                match &progress {
                    Some(bar) => bar.suspend(write)?,
                    None => write()?,
                }
                summary.add(&done.result);
                outcome.failed |= done.result.error.is_some();
                outcome.errors |= done
                    .result
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error);
                if args.format == LintFormat::Json {
                    reports.push(output::FileReport::from(&done.result));
                }
                parts.append(&mut done.parts);
            }
        }
        Ok(())
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    result?;
    if let Some(max) = args.max_warnings {
        if summary.warnings > max {
            outcome.errors = true;
            report::error(format_args!(
                "{} (at most {max} allowed by --max-warnings)",
                output::plural(summary.warnings, "warning", "warnings")
            ));
        }
    }

    match args.format {
        LintFormat::Human => {
            if fix.is_some_and(|m| m.diff) && summary.files_fixed > 0 {
                out.write_all(b"\n")?;
            }
            if fix.is_some_and(|m| m.diff) || summary.files > 0 {
                out.write_all(output::human_summary(&summary, fix, styled).as_bytes())?;
            }
        }
        LintFormat::Json => {
            let doc = LintOutput {
                version: 1,
                files: reports,
                summary,
            };
            serde_json::to_writer_pretty(&mut out, &doc).map_err(crate::io::json_error)?;
            writeln!(out)?;
        }
        LintFormat::Checkstyle => out.write_all(output::CHECKSTYLE_TAIL.as_bytes())?,
        LintFormat::Rdjson | LintFormat::Sarif => {
            let doc = if args.format == LintFormat::Rdjson {
                output::rdjson(parts)
            } else {
                output::sarif(parts)
            };
            serde_json::to_writer_pretty(&mut out, &doc).map_err(crate::io::json_error)?;
            writeln!(out)?;
        }
        LintFormat::Github => {}
    }
    out.flush()?;
    Ok(outcome)
}

/// What the workers need to know.
struct Options<'a> {
    input: &'a InputArgs,
    /// `--quiet`: errors only.
    quiet: bool,
    fix: Option<FixMode>,
    styled: bool,
    format: LintFormat,
}

/// One input done: its result, and what to print (rendered by the worker).
struct Done {
    result: FileResult,
    /// The report of the input in the chosen format (or the diff, with `fix --diff`).
    rendered: String,
    /// Its part of a whole-run document: rdjson's diagnostics or SARIF's results.
    parts: Vec<serde_json::Value>,
    /// `seisho fix -`: the fixed text, for standard output.
    fixed_stdin: Option<Vec<u8>>,
    /// Messages for standard error.
    errors: Vec<String>,
    warnings: Vec<String>,
    notes: Vec<String>,
}

/// Writes what one input produced.
fn emit(out: &mut dyn Write, done: &Done) -> io::Result<()> {
    if let Some(bytes) = &done.fixed_stdin {
        // The text exactly as fixed: no styling stripped or added.
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()?;
    }
    for e in &done.errors {
        report::error(e);
    }
    for w in &done.warnings {
        report::warning(w);
    }
    for note in &done.notes {
        report::note(note);
    }
    out.write_all(done.rendered.as_bytes())?;
    out.flush()
}

/// Lints (and fixes) one input.
fn process(job: &Job, options: &Options) -> Done {
    let mut result = FileResult {
        name: job.name.clone(),
        encoding: "UTF-8",
        syntax: options.input.syntax(match &job.source {
            Source::File(path) => Some(path),
            Source::Stdin => None,
        }),
        text: String::new(),
        diagnostics: Vec::new(),
        fixed: 0,
        error: None,
    };
    let mut done = Done {
        rendered: String::new(),
        parts: Vec::new(),
        fixed_stdin: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
        result: FileResult { ..result.clone() },
    };
    let name = &job.name;
    let (bytes, decoded) = match options.input.read(&job.source) {
        Ok(input) => (input.bytes, input.decoded),
        Err(e) => {
            let message = e.message(name);
            done.errors.push(message.clone());
            result.error = Some(message);
            done.result = result;
            return done;
        }
    };
    let syntax = result.syntax;
    result.encoding = decoded.encoding.name();
    let linter = job.config.linter();
    let diff = options.fix.is_some_and(|m| m.diff);

    match options.fix {
        None => {
            result.diagnostics = linter.lint(&decoded.text, syntax);
            result.text = decoded.text;
        }
        Some(mode) => {
            // Only the fixes the file's encoding can write back.
            let fixed = linter.fix_with(&decoded.text, syntax, mode.unsafe_fixes, |f| {
                unencodable(f, decoded.encoding).is_none()
            });
            let mut text = fixed.text;
            let mut remaining = Some(fixed.remaining);
            for d in remaining.iter().flatten() {
                if let Some(c) = d
                    .fix
                    .as_ref()
                    .and_then(|f| unencodable(f, decoded.encoding))
                {
                    done.warnings.push(format!(
                        "{name}:{}:{}: not fixed ({}): {} cannot represent 「{c}」 (U+{:04X})",
                        d.start.line,
                        d.start.column,
                        d.rule,
                        decoded.encoding.name(),
                        c as u32
                    ));
                }
            }
            let mut failed = |message: String, text: &mut String| {
                done.errors.push(message.clone());
                result.error = Some(message);
                // Nothing was written: what remains is what there was.
                text.clone_from(&decoded.text);
                remaining = None;
            };
            if fixed.applied > 0 {
                match decoded.encode(
                    &bytes,
                    &text,
                    fixed
                        .edits
                        .iter()
                        .map(|e| (e.range.clone(), e.replacement.as_str())),
                ) {
                    Err(why) => failed(
                        format!("cannot fix {name}: {why}; nothing written"),
                        &mut text,
                    ),
                    Ok(_) if diff => {
                        done.rendered =
                            output::unified_diff(name, &decoded.text, &text, options.styled);
                    }
                    Ok(encoded) => match &job.source {
                        Source::Stdin => done.fixed_stdin = Some(encoded),
                        Source::File(path) => {
                            if let Err(e) = write_atomic(path, &bytes, &encoded) {
                                failed(e.message(name), &mut text);
                            }
                        }
                    },
                }
                if result.error.is_none() {
                    result.fixed = fixed.applied;
                }
            } else if matches!(job.source, Source::Stdin) && !diff {
                // Standard input is echoed, fixed or not.
                done.fixed_stdin = Some(bytes);
            }
            result.diagnostics = match remaining {
                Some(remaining) => remaining,
                None => linter.lint(&text, syntax),
            };
            result.text = text;
        }
    }

    if decoded.encoding != encoding_rs::UTF_8 {
        // A fix the file's encoding cannot write is not one `seisho fix` applies.
        for d in &mut result.diagnostics {
            if let Some(c) = d
                .fix
                .as_ref()
                .and_then(|f| unencodable(f, decoded.encoding))
            {
                d.fix = None;
                d.message.push_str(&format!(
                    " (not fixable: {} cannot represent 「{c}」)",
                    decoded.encoding.name()
                ));
            }
        }
    }
    if options.quiet {
        result.diagnostics.retain(|d| d.severity == Severity::Error);
    }
    if !diff {
        done.rendered = match options.format {
            LintFormat::Human => output::human(&result, options.styled),
            LintFormat::Github => output::github(&result),
            LintFormat::Checkstyle => output::checkstyle(&result),
            LintFormat::Json | LintFormat::Rdjson | LintFormat::Sarif => String::new(),
        };
        done.parts = match options.format {
            LintFormat::Rdjson => output::rdjson_diagnostics(&result),
            LintFormat::Sarif => output::sarif_results(&result),
            _ => Vec::new(),
        };
    }
    if result.encoding != "UTF-8" && options.format != LintFormat::Human {
        done.notes
            .push(format!("{name}: read as {}", result.encoding));
    }
    // The text was only needed to render.
    result.text = String::new();
    done.result = result;
    done
}

/// The first character of `fix`'s replacements that `encoding` cannot represent.
fn unencodable(fix: &Fix, encoding: &'static Encoding) -> Option<char> {
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    fix.edits.iter().find_map(|e| {
        let (_, _, unmappable) = encoding.encode(&e.replacement);
        if unmappable {
            e.replacement.chars().find(|c| {
                let mut buf = [0u8; 4];
                encoding.encode(c.encode_utf8(&mut buf)).2
            })
        } else {
            None
        }
    })
}

/// The inputs of the command line, in order, each with its configuration. A path that does
/// not exist is kept (reading it reports the error in its place).
fn jobs(args: &LintArgs, outcome: &mut Outcome) -> Result<Vec<Job>, ConfigErrors> {
    let mut resolver = Resolver::new(args.config.as_deref(), args.no_dictionary, args.selection())?;
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut jobs = Vec::new();
    for path in &paths {
        if crate::args::is_stdin(path) {
            let (name, dir) = match &args.input.stdin_filename {
                Some(name) => (
                    name.display().to_string(),
                    name.parent().map(Path::to_path_buf).unwrap_or_default(),
                ),
                None => ("<stdin>".to_owned(), PathBuf::new()),
            };
            jobs.push(Job {
                source: Source::Stdin,
                name,
                config: resolver.for_dir(&dir)?,
            });
        } else if path.is_dir() {
            let before = jobs.len();
            walk(path, &mut resolver, &mut jobs, outcome)?;
            if jobs.len() == before {
                report::error(format_args!(
                    "{}: no files to check (directories are searched for .md, .markdown and \
                     .txt files, or what `include` in seisho.toml names; .gitignore is respected)",
                    path.display()
                ));
                outcome.failed = true;
            }
        } else {
            jobs.push(file_job(path.clone(), &mut resolver)?);
        }
    }
    Ok(jobs)
}

fn file_job(path: PathBuf, resolver: &mut Resolver) -> Result<Job, ConfigErrors> {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Job {
        name: path.display().to_string(),
        source: Source::File(path),
        config: resolver.for_dir(&dir)?,
    })
}

/// The files of directory `root` that their configurations select, sorted by name within
/// each directory; .gitignore and hidden files are left out. The temporary files of an
/// interrupted `seisho fix` or `fmt -w` are hidden too, but reported (once seen, the user can
/// delete them; seisho does not, as they may be those of a seisho still running).
fn walk(
    root: &Path,
    resolver: &mut Resolver,
    jobs: &mut Vec<Job>,
    outcome: &mut Outcome,
) -> Result<(), ConfigErrors> {
    // The walker's own hidden-file filter would not let the leftover temporary files through:
    // this one does the same (a name starting with a dot, as on Unix) except for them.
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .hidden(false)
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            entry.depth() == 0
                || !name.starts_with('.')
                || (entry.file_type().is_some_and(|t| t.is_file()) && is_leftover_temp(&name))
        })
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                report::error(format_args!("cannot walk {}: {e}", root.display()));
                outcome.failed = true;
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if is_leftover_temp(&entry.file_name().to_string_lossy()) {
            report::warning(format_args!(
                "{}: temporary file of an interrupted `seisho fix` or `fmt -w` (the file it was \
                 for is intact); not linted; delete it unless seisho is running",
                entry.path().display()
            ));
            continue;
        }
        let path = entry.into_path();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let config = resolver.for_dir(&dir)?;
        if config.selects(&path) {
            jobs.push(file_job(path, resolver)?);
        }
    }
    Ok(())
}
