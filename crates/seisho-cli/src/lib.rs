//! `seisho`: normalize Japanese text from the command line.
//!
//! The library behind the `seisho` binary, so that the fuzz crate can reach the
//! configuration parser ([`config::parse`]); it is not a stable API.
//!
//! - `seisho fmt [FILE|-]...` prints the normalized text; `--diff` shows the changes,
//!   `--check` exits with 1 when something would change, `-w` writes files back.
//! - `seisho score [FILE|-]...` reports how hard a text is to read.
//! - `seisho lint [PATH|-]...` reports problems (rustc-like snippets, JSON, GitHub Actions
//!   commands or Checkstyle XML), configured by `seisho.toml`; `seisho fix` applies the fixes.
//! - `seisho rules` lists the rules; `seisho explain RULE` prints one's documentation.
//! - `seisho lsp` is a Language Server over standard input and output, for editors.
//!
//! Exit codes: 0 success, 1 `--check` found changes or `lint`/`fix` found an error-severity
//! problem, 2 usage, configuration or I/O error.

pub mod config;

mod args;
mod diff;
mod fmt;
mod help;
mod i18n;
mod init;
mod io;
mod jsonl;
mod lint;
mod lsp;
mod output;
mod report;
mod rules;
mod says;
mod score;

use std::io::Write;
use std::process::ExitCode;

use args::Command;

/// Runs the command line `seisho` was started with and returns its exit code.
pub fn run() -> ExitCode {
    // The language is decided in `args::parse`, from `--lang` as read before clap (`--help`
    // and clap's errors speak it), so it is not decided again here.
    let cli = args::parse();
    cli.color.apply();
    debug_assert_eq!(
        i18n::flag(),
        cli.lang,
        "--lang read before clap as clap reads it"
    );
    let result = match &cli.command {
        Command::Fmt(args) => {
            if let Err(e) = args.validate() {
                help::exit(e);
            }
            fmt::run(args).map(|o| {
                if o.failed {
                    ExitCode::from(2)
                } else if o.changed && args.check {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            })
        }
        Command::Score(args) => {
            if let Err(e) = args.jsonl.validate("score") {
                help::exit(e);
            }
            score::run(args).map(|failed| {
                if failed {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                }
            })
        }
        Command::Dict(args::DictCommand::Export { dir }) => Ok(dict_export(dir)),
        Command::Lint(args) => {
            if let Err(e) = args.jsonl.validate("lint") {
                help::exit(e);
            }
            lint::lint(args).map(|o| ExitCode::from(o.exit_code()))
        }
        Command::Fix(args) => {
            if let Err(e) = args.validate() {
                help::exit(e);
            }
            lint::fix(args).map(|o| ExitCode::from(o.exit_code()))
        }
        Command::Lsp(args) => {
            let options = lsp::Options {
                config: args.config.clone(),
                no_dictionary: args.no_dictionary,
            };
            match lsp::run(&options) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                // The protocol's exit code when the server stops without `shutdown`.
                Err(e) => {
                    report::error(says::Says::ServerStopped { why: e.to_string() });
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Rules => with_stdout(|w| rules::list(w, i18n::lang())),
        Command::Init(args) => Ok(init::run(args)),
        Command::Prh(args::PrhCommand::Test { files }) => Ok(prh_test(files)),
        Command::Explain { rule } => with_stdout(|w| rules::explain(w, rule, i18n::lang())),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`seisho fmt --diff | head`): nothing left to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            report::error(says::Says::CannotWriteStdout {
                why: says::os_error(&e),
            });
            ExitCode::from(2)
        }
    }
}

/// `seisho prh test`: the specs of `files` that fail, and how many hold.
fn prh_test(files: &[std::path::PathBuf]) -> ExitCode {
    use says::Says;
    let dictionary = match config::prh::load(files, std::path::Path::new("")) {
        Ok(d) => d,
        Err(message) => {
            report::error(message);
            return ExitCode::from(2);
        }
    };
    let failures = dictionary.failing_specs();
    let mut out = anstream::stdout().lock();
    for f in &failures {
        let _ = writeln!(
            out,
            "{}",
            Says::PrhSpecFailed {
                file: f.file.display().to_string(),
                expected: f.expected.to_owned(),
                pattern: f.pattern.to_owned(),
                from: f.from.to_owned(),
                to: f.to.to_owned(),
                got: f.got.clone(),
            }
        );
    }
    let (specs, rules) = (dictionary.spec_count(), dictionary.len());
    let files = dictionary.files().len();
    let summary = if failures.is_empty() {
        Says::PrhSpecsHold {
            specs,
            rules,
            files,
        }
    } else {
        Says::PrhSpecsFail {
            failed: failures.len(),
            specs,
        }
    };
    let _ = writeln!(out, "{summary}");
    ExitCode::from(u8::from(!failures.is_empty()))
}

/// Runs `f` on a locked, styled standard output and flushes it.
fn with_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    f(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "dictionary")]
/// `seisho dict export DIR`: the embedded dictionary's files, as `seisho_ipadic::load_from_dir`
/// and the WebAssembly package's `loadDictionary` read them, with IPADIC's licence.
fn dict_export(dir: &std::path::Path) -> ExitCode {
    // IPADIC's licence asks every copy of the dictionary to carry it.
    const COPYING: &str = include_str!("../../seisho-ipadic/data/COPYING");
    let written = seisho_ipadic::write_to_dir(dir)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            std::fs::write(dir.join("COPYING"), COPYING)
                .map_err(|e| format!("{}: {e}", dir.join("COPYING").display()))
        });
    match written {
        Ok(()) => {
            let bytes: u64 = seisho_ipadic::FILE_NAMES
                .iter()
                .filter_map(|name| std::fs::metadata(dir.join(name)).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "wrote {} files and IPADIC's licence (COPYING; {:.1} MB) to {}",
                seisho_ipadic::FILE_NAMES.len(),
                bytes as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report::error(says::Says::CannotExportDictionary { why: e.to_string() });
            ExitCode::from(2)
        }
    }
}

/// `seisho dict export DIR` in a build without the dictionary (the fuzz crate's).
#[cfg(not(feature = "dictionary"))]
fn dict_export(_dir: &std::path::Path) -> ExitCode {
    report::error(says::Says::NoDictionaryBuilt {});
    ExitCode::from(2)
}
