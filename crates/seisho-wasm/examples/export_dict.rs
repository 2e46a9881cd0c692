//! Writes the IPADIC files that `loadDictionary` takes into a directory (what the CLI's
//! `seisho dict export DIR` is meant to do, with `seisho_ipadic::write_to_dir`):
//!
//!     cargo run -p seisho-wasm --features morphology --example export_dict -- DIR
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os().nth(1).ok_or("usage: export_dict DIR")?;
    seisho_ipadic::write_to_dir(&dir)?;
    Ok(())
}
