//! Messages on standard error, styled like clap's.

use std::fmt::Display;
use std::io::Write;

use anstyle::{AnsiColor, Style};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default().bold();

/// Prints `error: {message}`.
pub fn error(message: impl Display) {
    emit(ERROR, "error", message);
}

/// Prints `warning: {message}`.
pub fn warning(message: impl Display) {
    emit(WARNING, "warning", message);
}

/// Prints `note: {message}`.
pub fn note(message: impl Display) {
    emit(NOTE, "note", message);
}

fn emit(style: Style, label: &'static str, message: impl Display) {
    // Nothing sensible is left to do if standard error is gone.
    let _ = writeln!(
        anstream::stderr().lock(),
        "{style}{}:{style:#} {message}",
        crate::i18n::label(label)
    );
}
