//! `invisible-character`: whether an invisible character is removed, suggested for removal or
//! kept where it stands.

use super::Sink;
use crate::rule::{Rule, Safety};
use crate::text::class::{is_emoji_like, uses_joiners};
use crate::text::utf8::{visible_after, visible_before};

/// Reports the invisible character `c` at `i` for removal, unless it is kept.
pub(crate) fn invisible(text: &str, i: usize, c: char, sink: &mut Sink<'_>) {
    if let Some(safety) = invisible_safety(text, i, c) {
        sink.push(i..i + c.len_utf8(), "", Rule::InvisibleCharacter, safety);
    }
}

/// Whether the invisible character `c` at `i` is removed (safe), suggested for removal
/// (unsafe) or kept (`None`).
pub(crate) fn invisible_safety(text: &str, i: usize, c: char) -> Option<Safety> {
    Some(match c {
        // Bidirectional controls can be meant in right-to-left text.
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Safety::Unsafe
        }
        // Joiners are part of emoji sequences (👨‍👩‍👧) and of scripts that join letters.
        '\u{200C}' | '\u{200D}' => {
            let joins = |c: Option<char>| c.is_some_and(|c| is_emoji_like(c) || uses_joiners(c));
            if joins(visible_before(text, i)) || joins(visible_after(text, i + c.len_utf8())) {
                return None;
            }
            Safety::Unsafe
        }
        _ => Safety::Safe,
    })
}
