//! The command line of the example.

use std::fmt::Display;
use std::str::FromStr;

/// Usage, printed after a command-line error.
pub const USAGE: &str = "usage: cargo run --release --example typo_eval -- PATH [--seed N] \
                         [--trials N] [--examples N] [--misses N] [--dump FILE]";

/// What the command line asks for.
pub struct Options {
    /// The input file.
    pub path: String,
    /// `--seed`: the seed of the draws.
    pub seed: u64,
    /// `--trials`: the most trials of each class.
    pub trials: usize,
    /// `--examples`: how many examples of each kind the report shows.
    pub examples: usize,
    /// `--misses`: how many misses of each class and mode (default: `examples`).
    pub misses: Option<usize>,
    /// `--dump`: where to write the tab-separated lines.
    pub dump: Option<String>,
}

/// Parses the command line: the input path and the options of the module documentation.
pub fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        path: String::new(),
        seed: 1,
        trials: 2000,
        examples: 10,
        misses: None,
        dump: None,
    };
    let mut path = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => o.seed = number(&mut args, "--seed")?,
            "--trials" => o.trials = number(&mut args, "--trials")?,
            "--examples" => o.examples = number(&mut args, "--examples")?,
            "--misses" => o.misses = Some(number(&mut args, "--misses")?),
            "--dump" => o.dump = Some(value(&mut args, "--dump")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    o.path = path.ok_or("no input file")?;
    Ok(o)
}

/// The value of option `name`: the next argument.
fn value(args: &mut impl Iterator<Item = String>, name: &str) -> Result<String, String> {
    args.next().ok_or(format!("{name} needs a value"))
}

/// The value of option `name`, a number.
fn number<T>(args: &mut impl Iterator<Item = String>, name: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    value(args, name)?
        .parse()
        .map_err(|e| format!("{name}: {e}"))
}
