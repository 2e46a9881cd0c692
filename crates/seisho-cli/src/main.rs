//! The `seisho` command; [`seisho_cli::run`] does the work.

fn main() -> std::process::ExitCode {
    seisho_cli::run()
}
