//! `seisho lint` and `seisho fix`: find the inputs and their configurations, lint (and fix)
//! them in parallel, and report in the order of the command line.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use encoding_rs::Encoding;
use rayon::prelude::*;
use seisho::lint::{Diagnostic, Fix, FixEdit, Linter, Severity};

use crate::args::{FixArgs, InputArgs, LintArgs, LintFormat};
use crate::config::{Config, ConfigErrors, Resolver};
use crate::i18n;
use crate::io::{is_leftover_temp, write_atomic, Decoded, Input, Source};
use crate::output::{self, FileResult, FixMode, LintOutput, Summary};
use crate::report;
use crate::says::Says;

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
    check_max_warnings(args.max_warnings, warnings.into_inner(), &mut outcome);
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
            unsafe_fixes: args.fixes.unsafe_fixes,
        }),
    )
}

/// `seisho lint`, or `seisho fix` with `fix`.
fn run(args: &LintArgs, fix: Option<FixMode>) -> io::Result<Outcome> {
    if args.schema {
        return print_schema();
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
    let (mut out, styled) = report_stream(report_to_stderr, err_styled);
    let options = Options {
        input: &args.input,
        quiet: args.quiet,
        fix,
        styled,
        format: args.format,
    };
    let mut collected = Collected::default();
    if args.format == LintFormat::Checkstyle {
        out.write_all(output::CHECKSTYLE_HEAD.as_bytes())?;
    }
    process_in_order(&jobs, &options, |done| {
        emit(&mut out, &done)?;
        collected.add(done, args.format, &mut outcome);
        Ok(())
    })?;
    check_max_warnings(args.max_warnings, collected.summary.warnings, &mut outcome);
    finish(&mut out, collected, &options)?;
    out.flush()?;
    Ok(outcome)
}

/// `--schema`: prints the JSON Schema of `--format json`.
fn print_schema() -> io::Result<Outcome> {
    let mut out = anstream::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &output::schema()).map_err(crate::io::json_error)?;
    writeln!(out)?;
    out.flush()?;
    Ok(Outcome::default())
}

/// Where the report goes, and whether it is styled: standard output, or standard error when
/// `to_stderr` (`seisho fix -`, whose fixed text takes standard output). Buffered, and flushed
/// after each file: standard output is line-buffered, and the JSON and Checkstyle reports of a
/// file with a million findings have millions of lines, one write(2) each.
fn report_stream(to_stderr: bool, err_styled: bool) -> (Box<dyn Write>, bool) {
    if to_stderr {
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
    }
}

/// A progress bar over `jobs` inputs, for many of them on a terminal.
fn progress_bar(jobs: usize) -> Option<indicatif::ProgressBar> {
    (jobs >= PROGRESS_FROM && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(jobs as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} files {wide_bar} {elapsed}",
        ) {
            bar.set_style(style);
        }
        bar
    })
}

/// Processes `jobs` in parallel and hands what each produced to `take` in the order of `jobs`,
/// each as soon as those before it are taken. Many inputs on a terminal get a progress bar,
/// hidden while `take` runs so that what it prints is not drawn over.
fn process_in_order(
    jobs: &[Job],
    options: &Options,
    mut take: impl FnMut(Done) -> io::Result<()>,
) -> io::Result<()> {
    let progress = progress_bar(jobs.len());
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    let result = std::thread::scope(|scope| -> io::Result<()> {
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
            while let Some(done) = pending.get_mut(next).and_then(Option::take) {
                next += 1;
                match &progress {
                    Some(bar) => bar.suspend(|| take(done))?,
                    None => take(done)?,
                }
            }
        }
        Ok(())
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    result
}

/// What the inputs' results add up to, taken in order.
#[derive(Default)]
struct Collected {
    summary: Summary,
    /// `--format json`: the report of each input.
    reports: Vec<output::FileReport>,
    /// rdjson's diagnostics or SARIF's results.
    parts: Vec<serde_json::Value>,
}

impl Collected {
    /// Adds what one input produced; a failure or an error-severity diagnostic goes to
    /// `outcome`.
    fn add(&mut self, mut done: Done, format: LintFormat, outcome: &mut Outcome) {
        self.summary.add(&done.result);
        outcome.failed |= done.result.error.is_some();
        outcome.errors |= done
            .result
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        if format == LintFormat::Json {
            self.reports.push(output::FileReport::from(&done.result));
        }
        self.parts.append(&mut done.parts);
    }
}

/// `--max-warnings`: more than `max` warnings make the run fail as an error would.
fn check_max_warnings(max: Option<usize>, warnings: usize, outcome: &mut Outcome) {
    if let Some(max) = max.filter(|&max| warnings > max) {
        outcome.errors = true;
        report::error(Says::TooManyWarnings {
            warnings: i18n::count(i18n::lang(), warnings, i18n::Counted::Warning),
            max,
        });
    }
}

/// Writes what follows the inputs' reports: the human summary, or the document of the
/// whole run (JSON, the end of Checkstyle's, rdjson or SARIF).
fn finish(out: &mut dyn Write, collected: Collected, options: &Options) -> io::Result<()> {
    let diff = options.fix.is_some_and(|m| m.diff);
    let summary = collected.summary;
    match options.format {
        LintFormat::Human => {
            if diff && summary.files_fixed > 0 {
                out.write_all(b"\n")?;
            }
            if diff || summary.files > 0 {
                let text =
                    output::human_summary(&summary, options.fix, options.styled, i18n::lang());
                out.write_all(text.as_bytes())?;
            }
        }
        LintFormat::Json => {
            let doc = LintOutput {
                version: 1,
                files: collected.reports,
                summary,
            };
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(crate::io::json_error)?;
            writeln!(out)?;
        }
        LintFormat::Checkstyle => out.write_all(output::CHECKSTYLE_TAIL.as_bytes())?,
        LintFormat::Rdjson | LintFormat::Sarif | LintFormat::TextlintJson => {
            let doc = match options.format {
                LintFormat::Rdjson => output::rdjson(collected.parts),
                LintFormat::Sarif => output::sarif(collected.parts),
                _ => serde_json::Value::Array(collected.parts),
            };
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(crate::io::json_error)?;
            writeln!(out)?;
        }
        LintFormat::Github => {}
    }
    Ok(())
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

impl Done {
    /// Nothing done yet for the input of `result`.
    fn new(result: FileResult) -> Done {
        Done {
            result,
            rendered: String::new(),
            parts: Vec::new(),
            fixed_stdin: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The input could not be read, or its fixes not written: `message` says why.
    fn fail(&mut self, message: String) {
        self.errors.push(message.clone());
        self.result.error = Some(message);
    }

    /// Renders the result in the chosen format: the report of the input, or its part of the
    /// whole run's document.
    fn render(&mut self, options: &Options) {
        let result = &self.result;
        self.rendered = match options.format {
            LintFormat::Human => output::human(result, options.styled, i18n::lang()),
            LintFormat::Github => output::github(result),
            LintFormat::Checkstyle => output::checkstyle(result),
            LintFormat::Json
            | LintFormat::Rdjson
            | LintFormat::Sarif
            | LintFormat::TextlintJson => String::new(),
        };
        self.parts = match options.format {
            LintFormat::Rdjson => output::rdjson_diagnostics(result),
            LintFormat::Sarif => output::sarif_results(result),
            LintFormat::TextlintJson => vec![output::textlint_file(result)],
            _ => Vec::new(),
        };
    }
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
    let mut done = Done::new(FileResult {
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
    });
    let Input { bytes, decoded, .. } = match options.input.read(&job.source) {
        Ok(input) => input,
        Err(e) => {
            done.fail(e.message(&job.name, crate::i18n::lang()));
            return done;
        }
    };
    done.result.encoding = decoded.encoding.name();
    let linter = job.config.linter();
    match options.fix {
        None => {
            done.result.diagnostics = linter.lint(&decoded.text, done.result.syntax);
            done.result.text = decoded.text;
        }
        Some(mode) => fix_one(job, options, mode, &linter, bytes, &decoded, &mut done),
    }
    if decoded.encoding != encoding_rs::UTF_8 {
        not_fixable_in(&mut done.result.diagnostics, decoded.encoding);
    }
    if options.quiet {
        done.result
            .diagnostics
            .retain(|d| d.severity == Severity::Error);
    }
    if !options.fix.is_some_and(|m| m.diff) {
        done.render(options);
    }
    if done.result.encoding != "UTF-8" && options.format != LintFormat::Human {
        let note = format!("{}: read as {}", job.name, done.result.encoding);
        done.notes.push(note);
    }
    // The text was only needed to render.
    done.result.text = String::new();
    done
}

/// `seisho fix` on one input (read as `bytes`, decoded as `decoded`): applies the fixes its
/// encoding can write and writes them back (to the file, or to standard output), or renders
/// them as a diff; `done.result` gets the text and the diagnostics that remain.
fn fix_one(
    job: &Job,
    options: &Options,
    mode: FixMode,
    linter: &Linter,
    bytes: Vec<u8>,
    decoded: &Decoded,
    done: &mut Done,
) {
    let syntax = done.result.syntax;
    // Only the fixes the file's encoding can write back.
    let fixed = linter.fix_with(&decoded.text, syntax, mode.unsafe_fixes, |f| {
        unencodable(f, decoded.encoding).is_none()
    });
    warn_not_fixed(
        &job.name,
        &fixed.remaining,
        decoded.encoding,
        &mut done.warnings,
    );
    let mut text = fixed.text;
    let mut remaining = Some(fixed.remaining);
    if fixed.applied > 0 {
        match write_fixed(job, options, &bytes, decoded, &text, &fixed.edits, done) {
            Ok(()) => done.result.fixed = fixed.applied,
            Err(message) => {
                done.fail(message);
                // Nothing was written: what remains is what there was.
                text.clone_from(&decoded.text);
                remaining = None;
            }
        }
    } else if matches!(job.source, Source::Stdin) && !mode.diff {
        // Standard input is echoed, fixed or not.
        done.fixed_stdin = Some(bytes);
    }
    done.result.diagnostics = match remaining {
        Some(remaining) => remaining,
        None => linter.lint(&text, syntax),
    };
    done.result.text = text;
}

/// Writes the fixed `text` (the input's `bytes` changed by `edits`) back in the input's
/// encoding: atomically to its file, or to standard output; with `--diff`, renders the diff
/// instead. The error says why nothing was written.
fn write_fixed(
    job: &Job,
    options: &Options,
    bytes: &[u8],
    decoded: &Decoded,
    text: &str,
    edits: &[FixEdit],
    done: &mut Done,
) -> Result<(), String> {
    let name = &job.name;
    let encoded = decoded
        .encode(
            bytes,
            text,
            edits
                .iter()
                .map(|e| (e.range.clone(), e.replacement.as_str())),
        )
        .map_err(|why| {
            Says::CannotFix {
                name: name.clone(),
                why: why.to_string(),
            }
            .to_string()
        })?;
    if options.fix.is_some_and(|m| m.diff) {
        done.rendered = output::unified_diff(name, &decoded.text, text, options.styled);
        return Ok(());
    }
    match &job.source {
        Source::Stdin => done.fixed_stdin = Some(encoded),
        Source::File(path) => {
            write_atomic(path, bytes, &encoded).map_err(|e| e.message(name).to_string())?
        }
    }
    Ok(())
}

/// Warns of each diagnostic of `remaining` whose fix `encoding` cannot write (so it was not
/// applied).
fn warn_not_fixed(
    name: &str,
    remaining: &[Diagnostic],
    encoding: &'static Encoding,
    warnings: &mut Vec<String>,
) {
    for d in remaining {
        if let Some(c) = d.fix.as_ref().and_then(|f| unencodable(f, encoding)) {
            warnings.push(
                Says::NotFixedUnencodable {
                    at: format!("{name}:{}:{}", d.start.line, d.start.column),
                    rule: d.rule.clone(),
                    encoding: encoding.name(),
                    character: c,
                    code: format!("{:04X}", c as u32),
                }
                .to_string(),
            );
        }
    }
}

/// Takes from `diagnostics` the fixes that `encoding` (the file's, not UTF-8) cannot write,
/// saying so in their messages: they are not fixes `seisho fix` applies.
fn not_fixable_in(diagnostics: &mut [Diagnostic], encoding: &'static Encoding) {
    for d in diagnostics {
        if let Some(c) = d.fix.as_ref().and_then(|f| unencodable(f, encoding)) {
            d.fix = None;
            d.message.push_str(&format!(
                " (not fixable: {} cannot represent 「{c}」)",
                encoding.name()
            ));
        }
    }
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
    // The run speaks the language of the working directory's configuration (a broken one is
    // reported where a file uses it).
    if let Ok(config) = resolver.for_dir(Path::new(".")) {
        i18n::configured(config.lint.lang());
    }
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
                report::error(Says::NoFilesToCheck {
                    path: path.display().to_string(),
                });
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
                report::error(Says::CannotWalk {
                    path: root.display().to_string(),
                    why: e.to_string(),
                });
                outcome.failed = true;
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if is_leftover_temp(&entry.file_name().to_string_lossy()) {
            report::warning(Says::LeftoverTemp {
                path: entry.path().display().to_string(),
            });
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
