//! Input and output: reading and decoding inputs ([`input`]), encoding fixed text back the
//! way it was read ([`encode`]), and writing files atomically ([`atomic`]).

mod atomic;
mod encode;
mod input;

pub use atomic::{is_leftover_temp, write_atomic, write_new};
pub use input::{Decoded, Input, Source};

/// An error of `serde_json` writing to a stream, as the I/O error it is (so that a closed pipe
/// is still recognized as one).
pub fn json_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(e),
    }
}

/// `text` in Shift_JIS, for the tests of reading and writing legacy encodings (every
/// character of `text` must have a Shift_JIS form).
#[cfg(test)]
fn sjis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}
