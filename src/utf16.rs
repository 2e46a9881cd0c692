//! Byte offsets of a text to UTF-16 offsets and back, for many offsets in one pass: what
//! JavaScript strings, the WebAssembly package and textlint's JSON index by.

/// Byte offsets collected with [`Utf16Map::add`], mapped to UTF-16 offsets by one pass over
/// the text in [`Utf16Map::build`], then looked up with [`Utf16Map::get`].
#[derive(Debug, Default)]
pub struct Utf16Map {
    /// (byte offset, UTF-16 offset), sorted by byte offset, no duplicates once built.
    pairs: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The map of `offsets` (byte offsets) of `text`: [`Utf16Map::add`] each, then
    /// [`Utf16Map::build`].
    pub fn of(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut map = Self::new();
        offsets.into_iter().for_each(|o| map.add(o));
        map.build(text);
        map
    }

    /// Asks for the UTF-16 offset of byte `offset`.
    pub fn add(&mut self, offset: usize) {
        self.pairs.push((offset, 0));
    }

    /// Computes the UTF-16 offsets of the byte offsets asked for. An offset inside a
    /// character counts as that character's start; one past the end as the end.
    pub fn build(&mut self, text: &str) {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut units = 0;
        let mut chars = text.char_indices().peekable();
        for (byte, utf16) in &mut self.pairs {
            while let Some(&(at, c)) = chars.peek() {
                if at + c.len_utf8() > *byte {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            *utf16 = units;
        }
    }

    /// The UTF-16 offset of byte `offset` (added before [`Utf16Map::build`]).
    pub fn get(&self, offset: usize) -> usize {
        match self.pairs.binary_search_by_key(&offset, |&(b, _)| b) {
            Ok(i) => self.pairs[i].1,
            // Not asked for: a bug of the caller, answered as well as possible.
            Err(i) => i.checked_sub(1).map_or(0, |i| self.pairs[i].1),
        }
    }
}

/// UTF-16 offsets of a text to byte offsets, for many offsets in one pass: `None` for an
/// offset past the end or between the two halves of a surrogate pair.
#[derive(Debug, Default)]
pub struct BytesMap {
    pairs: Vec<(usize, Option<usize>)>,
}

impl BytesMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for the byte offset of UTF-16 offset `utf16`.
    pub fn add(&mut self, utf16: usize) {
        self.pairs.push((utf16, None));
    }

    /// Computes the byte offsets of the UTF-16 offsets asked for.
    pub fn build(&mut self, text: &str) {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut units = 0;
        let mut chars = text.char_indices();
        let mut next = chars.next();
        for (utf16, byte) in &mut self.pairs {
            while let Some((_, c)) = next {
                if units + c.len_utf16() > *utf16 {
                    break;
                }
                units += c.len_utf16();
                next = chars.next();
            }
            *byte = if units == *utf16 {
                Some(next.map_or(text.len(), |(at, _)| at))
            } else {
                None
            };
        }
    }

    /// The byte offset of UTF-16 offset `utf16` (added before [`BytesMap::build`]).
    pub fn get(&self, utf16: usize) -> Option<usize> {
        self.pairs
            .binary_search_by_key(&utf16, |&(u, _)| u)
            .ok()
            .and_then(|i| self.pairs[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        let text = "aé😀ｶ\n";
        let offsets: Vec<usize> = (0..=text.len()).collect();
        let mut map = Utf16Map::new();
        offsets.iter().for_each(|&o| map.add(o));
        map.add(99);
        map.build(text);
        let expect = |o: usize| {
            let mut end = o.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text[..end].encode_utf16().count()
        };
        for &o in &offsets {
            assert_eq!(map.get(o), expect(o), "byte {o}");
        }
        assert_eq!(map.get(99), text.encode_utf16().count());

        let mut back = BytesMap::new();
        (0..10).for_each(|u| back.add(u));
        back.build(text);
        let got: Vec<Option<usize>> = (0..10).map(|u| back.get(u)).collect();
        // a=0, é=1, 😀=3 (2 units), ｶ=7, \n=10, end=11
        assert_eq!(
            got,
            [
                Some(0),
                Some(1),
                Some(3),
                None,
                Some(7),
                Some(10),
                Some(11),
                None,
                None,
                None
            ]
        );
    }
}
