//! prh's patterns are JavaScript regular expressions (with the flags prh gives them: `gmu`,
//! and `i` where the pattern asks): this turns one into the syntax of `fancy-regex` with the
//! same meaning where the two differ in what Japanese text meets. In JavaScript `\b`, `\w`
//! and `\d` are ASCII (`\bJava\b` matches in `Javaで`; Rust's Unicode `\b` would not), `.`
//! stops at every line terminator, `[^]` is any character; inside a class Rust reads `[`,
//! `&&`, `--` and `~~` as set operations, JavaScript as characters.

/// ASCII word characters, as JavaScript's `\w`.
const WORD: &str = "0-9A-Za-z_";

/// How JavaScript's `\b` is said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// For the regex crate: `(?-u:\b)`, its ASCII word boundary.
    Regex,
    /// For fancy-regex, which does not take `(?-u:…)`: lookaround.
    Fancy,
}

/// `source` (a JavaScript pattern, without its slashes) in Rust's syntax (`style` says for
/// which engine), or what it uses that has no equivalent.
pub(super) fn translate(source: &str, style: Style) -> Result<String, String> {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars().peekable();
    let mut in_class = false;
    // Right after `[` or `[^`: JavaScript's `[]` and `[^]`.
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_class_start = std::mem::take(&mut class_start);
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    return Err("a pattern cannot end with \\".to_owned());
                };
                match (e, in_class) {
                    ('b' | 'B', false) if style == Style::Regex => {
                        out.push_str("(?-u:\\");
                        out.push(e);
                        out.push(')');
                    }
                    ('b', false) => out.push_str(&boundary(true)),
                    ('B', false) => out.push_str(&boundary(false)),
                    ('d', false) => out.push_str("[0-9]"),
                    ('D', false) => out.push_str("[^0-9]"),
                    ('w', false) => out.push_str(&format!("[{WORD}]")),
                    ('W', false) => out.push_str(&format!("[^{WORD}]")),
                    ('d', true) => out.push_str("0-9"),
                    ('w', true) => out.push_str(WORD),
                    ('D' | 'W', true) => {
                        return Err(format!("\\{e} inside a character class is not supported"))
                    }
                    // A backspace inside a class.
                    ('b', true) => out.push_str("\\x08"),
                    // JavaScript escapes `/` (the pattern's delimiter); Rust needs no escape.
                    ('/', _) => out.push('/'),
                    ('-', false) => out.push('-'),
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                class_start = true;
                if chars.peek() == Some(&'^') {
                    chars.next();
                    if chars.peek() == Some(&']') {
                        // `[^]`: any character.
                        chars.next();
                        in_class = false;
                        out.push_str("[\\s\\S]");
                        continue;
                    }
                    out.push_str("[^");
                } else if chars.peek() == Some(&']') {
                    // `[]`: nothing.
                    chars.next();
                    in_class = false;
                    out.push_str("[^\\s\\S]");
                    continue;
                } else {
                    out.push('[');
                }
            }
            ']' if in_class && !at_class_start => {
                in_class = false;
                out.push(']');
            }
            // Characters in a class that Rust would read as nesting or set operations.
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            '-' if in_class && chars.peek() == Some(&'-') => out.push_str("\\-"),
            '.' if !in_class => out.push_str("[^\\n\\r\\u{2028}\\u{2029}]"),
            _ => out.push(c),
        }
    }
    if in_class {
        return Err("a character class is not closed".to_owned());
    }
    Ok(out)
}

/// JavaScript's `\b` (`at`) or `\B`: between an ASCII word character and anything else
/// (the start and the end of the text count as not a word character), or not.
fn boundary(at: bool) -> String {
    let w = format!("[{WORD}]");
    if at {
        format!("(?:(?<!{w})(?={w})|(?<={w})(?!{w}))")
    } else {
        format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
    }
}

#[cfg(test)]
mod tests {
    use super::{translate, Style};

    /// What the pattern finds in `text`, by fancy-regex and, when it takes the pattern, by
    /// the regex crate (the two must agree).
    fn finds(js: &str, text: &str) -> Vec<String> {
        let re = fancy_regex::Regex::new(&translate(js, Style::Fancy).unwrap()).unwrap();
        let fancy: Vec<String> = re
            .find_iter(text)
            .map(|m| m.unwrap().as_str().to_owned())
            .collect();
        if let Ok(re) = regex::Regex::new(&translate(js, Style::Regex).unwrap()) {
            let plain: Vec<String> = re.find_iter(text).map(|m| m.as_str().to_owned()).collect();
            assert_eq!(plain, fancy, "{js}: the two engines differ");
        }
        fancy
    }

    #[test]
    fn javascript_meanings() {
        let cases: &[(&str, &str, &[&str])] = &[
            // `\b` between ASCII and kana, as JavaScript has it.
            (r"\bJava\b", "Javaで書く JavaScript", &["Java"]),
            (r"\BScript", "JavaScript Script", &["Script"]),
            // `\d` and `\w` are ASCII: full-width digits and kana are not.
            (r"\d+", "１２3", &["3"]),
            (r"\w+", "かなabc_1", &["abc_1"]),
            (r"[\w-]+", "a-b　c", &["a-b", "c"]),
            // `.` stops at line ends; `[^]` does not.
            (r"a.b", "a\rb a-b", &["a-b"]),
            (r"a[^]b", "a\nb", &["a\nb"]),
            // Characters Rust would read as class syntax.
            (r"[[]", "[", &["["]),
            (r"[a&&b]", "&", &["&"]),
            (r"[~~]", "~", &["~"]),
            // Escaped slashes, lookaround, groups.
            (r"a\/b", "a/b", &["a/b"]),
            (
                r"(?<!ま)でで(?!(きる|す))",
                "でで までで でできる ででる",
                &["でで", "でで"],
            ),
            (r"\u3042", "あ", &["あ"]),
        ];
        for (js, text, want) in cases {
            assert_eq!(&finds(js, text), want, "{js} in {text:?}");
        }
    }

    #[test]
    fn what_cannot_be_said() {
        for style in [Style::Regex, Style::Fancy] {
            assert!(translate(r"[\W]", style).is_err());
            assert!(translate(r"[abc", style).is_err());
            assert!(translate("a\\", style).is_err());
        }
    }
}
