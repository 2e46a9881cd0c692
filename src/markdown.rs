//! The prose of a Markdown document: what a reader reads, with code, markup, URLs and front
//! matter left out, cut into blocks (paragraphs, headings, list items, table cells).

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::sentence::{sentences_in_blocks, Sentences};
pub use crate::syntax::BlockKind;

/// The prose of a Markdown document.
///
/// [`Prose::text`] is the document with everything that is not prose (code blocks and
/// inline code, HTML, link destinations, bare URLs, front matter, list and heading markers)
/// replaced by spaces, byte for byte, and its line breaks kept: every offset in it is the
/// same offset in the document, so positions found in the prose point at the document's lines
/// and columns. [`Prose::blocks`] are its blocks, in order; a sentence never crosses from one
/// into the next.
///
/// ```
/// let doc = "---\ntitle: 例\n---\n# 使い方\n\n`seisho` を実行する。詳しくは\n<https://example.com> を見る。\n\n```sh\ncargo run\n```\n";
/// let prose = seisho::markdown::prose(doc);
/// let sentences: Vec<&str> = prose.sentences().map(|s| s.text().trim()).collect();
/// assert_eq!(sentences, ["使い方", "を実行する。", "詳しくは\n                      を見る。"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prose {
    text: String,
    blocks: Vec<Range<usize>>,
    kinds: Vec<BlockKind>,
    code: Vec<Range<usize>>,
}

impl Prose {
    /// The document with what is not prose blanked out (same length, same line breaks).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte ranges of the blocks, in order.
    pub fn blocks(&self) -> &[Range<usize>] {
        &self.blocks
    }

    /// What each block is, in the order of [`Prose::blocks`].
    pub fn kinds(&self) -> &[BlockKind] {
        &self.kinds
    }

    /// The inline code spans inside the blocks (backticks included), in order: blank in
    /// [`Prose::text`], but words of their sentences all the same.
    pub fn code_spans(&self) -> &[Range<usize>] {
        &self.code
    }

    /// The sentences of the prose; each block is a paragraph.
    pub fn sentences(&self) -> Sentences<'_> {
        sentences_in_blocks(&self.text, &self.blocks)
    }

    /// The prose with each inline code span filled with a placeholder word (`X`, as many as
    /// the span has bytes) instead of blanks, so that the words around it read as they do
    /// with the code: `` `foo`は`bar`は `` has two は with a word before each. Same offsets.
    pub(crate) fn with_code_placeholders(&self) -> Option<String> {
        if self.code.is_empty() {
            return None;
        }
        let mut text = self.text.clone().into_bytes();
        for span in &self.code {
            text[span.clone()].fill(b'X');
        }
        Some(String::from_utf8(text).expect("ASCII replaced ASCII spaces"))
    }
}

/// The extensions seisho reads Markdown with.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH
}

/// Reads `markdown` (CommonMark with tables, footnotes, strikethrough, task lists and YAML or
/// TOML front matter) and returns its prose.
pub fn prose(markdown: &str) -> Prose {
    let options = options();
    // Everything starts blank; prose is copied in. Line breaks stay, so that lines and the
    // splitter's blank-line paragraphs keep their meaning.
    let mut text: Vec<u8> = markdown
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut nesting = Nesting::default();
    let mut last_block_id = usize::MAX;
    // Inside an autolink (<https://…>): its text is the URL.
    let mut autolink = 0usize;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(ref tag) => {
                if let Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } = tag
                {
                    autolink += 1;
                }
                nesting.step(tag.to_end(), true);
            }
            Event::End(tag) => {
                if tag == TagEnd::Link {
                    autolink = autolink.saturating_sub(1);
                }
                nesting.step(tag, false);
            }
            Event::Text(_) | Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_)
                if nesting.hidden == 0 && autolink == 0 =>
            {
                if !matches!(event, Event::Text(_)) {
                    // Inline code and math stay blank, but are part of their block.
                    code.push(range.clone());
                } else {
                    // The source of the text (not the decoded string), so that offsets match.
                    let source = &markdown[range.clone()];
                    text[range.clone()].copy_from_slice(source.as_bytes());
                    blank_urls(source, &mut text[range.clone()]);
                }
                if nesting.block_id == last_block_id {
                    if let Some(block) = blocks.last_mut() {
                        block.end = range.end;
                    }
                } else {
                    blocks.push(range.clone());
                    kinds.push(nesting.kind());
                    last_block_id = nesting.block_id;
                }
            }
            Event::SoftBreak | Event::HardBreak if nesting.block_id == last_block_id => {
                // The break belongs to the block (a hard-wrapped paragraph goes on).
            }
            _ => {}
        }
    }
    blank_shortcodes(markdown, &mut text);
    blank_display_math(markdown, &mut text);
    blank_container_fences(markdown, &mut text);
    let text = String::from_utf8(text).expect("prose bytes are copied whole characters or spaces");
    Prose {
        text,
        blocks,
        kinds,
        code,
    }
}

/// How deep the Markdown parser is inside the elements that decide what prose is and what
/// kind of block it is in, and a count of block-level starts and ends: each begins a new
/// block, and prose of one block is contiguous.
#[derive(Default)]
struct Nesting {
    heading: usize,
    item: usize,
    table: usize,
    quote: usize,
    /// Inside a code block, HTML block, front matter or image: no prose.
    hidden: usize,
    block_id: usize,
}

impl Nesting {
    /// Enters (`open`) or leaves the element that `tag` ends. Links and inline markup begin no
    /// block.
    fn step(&mut self, tag: TagEnd, open: bool) {
        let depth = match tag {
            TagEnd::Heading(_) => &mut self.heading,
            TagEnd::Item => &mut self.item,
            TagEnd::Table => &mut self.table,
            TagEnd::BlockQuote(_) => &mut self.quote,
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                &mut self.hidden
            }
            TagEnd::Link
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => return,
            _ => {
                self.block_id += 1;
                return;
            }
        };
        *depth = if open {
            *depth + 1
        } else {
            depth.saturating_sub(1)
        };
        self.block_id += 1;
    }

    /// The kind of block that prose here is in: a quote before a heading, a table and a list
    /// item.
    fn kind(&self) -> BlockKind {
        if self.quote > 0 {
            BlockKind::Quote
        } else if self.heading > 0 {
            BlockKind::Heading
        } else if self.table > 0 {
            BlockKind::TableCell
        } else if self.item > 0 {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        }
    }
}

/// Hugo's shortcodes whose content is code, not prose: `{{< highlight go >}}…{{< /highlight >}}`.
const CODE_SHORTCODES: &[&str] = &["code-toggle", "code", "highlight"];

/// Blanks the shortcodes of Hugo and other static site generators (`{{< name args >}}`,
/// `{{% name %}}`, `{{ macro(…) }}` on one line) in `text`, the prose of `markdown`, and the
/// content of those that hold code ([`CODE_SHORTCODES`]): they are markup, read as text by
/// Markdown. Line breaks stay.
fn blank_shortcodes(markdown: &str, text: &mut [u8]) {
    let mut blank = |range: Range<usize>| {
        for b in &mut text[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut from = 0;
    while let Some(at) = markdown[from..].find("{{").map(|at| from + at) {
        let rest = &markdown[at + 2..];
        // `{{< … >}}`, `{{% … %}}`, and the `{{ … }}` of MkDocs macros and Jinja templates
        // (`{{code_block('guide.py', […])}}`), on one line.
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let (close, closer_len) = match rest.as_bytes().first() {
            Some(b'<') => (rest[..line_end].find(">}}"), 3),
            Some(b'%') => (rest[..line_end].find("%}}"), 3),
            _ => (rest[..line_end].find("}}"), 2),
        };
        let Some(close) = close else {
            from = at + 2;
            continue;
        };
        let end = at + 2 + close + closer_len;
        let name = if closer_len == 3 {
            rest[1..close]
                .trim_start()
                .split(|c: char| c.is_whitespace() || c == '>' || c == '%')
                .next()
                .unwrap_or_default()
        } else {
            ""
        };
        let mut until = end;
        if CODE_SHORTCODES.contains(&name) {
            // Through its closing shortcode, if it has one.
            let closing = [format!("{{{{< /{name}"), format!("{{{{% /{name}")];
            if let Some(c) = closing
                .iter()
                .filter_map(|c| markdown[end..].find(c.as_str()))
                .min()
            {
                let c = end + c;
                until = markdown[c..]
                    .find("}}")
                    .map_or(markdown.len(), |e| c + e + 2);
            }
        }
        blank(at..until);
        from = until;
    }
}

/// Blanks the fences of containers (`:::message alert`, `:::details タイトル`, `:::`: Zenn,
/// VitePress, Docusaurus): markup, not a sentence. What they hold stays prose.
fn blank_container_fences(markdown: &str, text: &mut [u8]) {
    let mut at = 0;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(":::") && text[at..at + line.len()].contains(&b':') {
            // The marker and its name; a title after them (`:::details 詳しく`) is prose.
            let marker = trimmed
                .find(|c: char| c.is_whitespace())
                .unwrap_or(trimmed.len());
            let start = at + (line.len() - trimmed.len());
            let name_end = trimmed[marker..]
                .trim_start()
                .find(|c: char| c.is_whitespace())
                .map(|n| {
                    marker + (trimmed[marker..].len() - trimmed[marker..].trim_start().len()) + n
                });
            let end = match &trimmed[3..marker] {
                // `:::message alert`: a kind word of ASCII after the name is markup too.
                name if !name.is_empty() => name_end
                    .filter(|&e| trimmed[marker..e].trim().is_ascii())
                    .unwrap_or(marker),
                _ => marker,
            };
            for b in &mut text[start..start + end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        at += line.len();
    }
}

/// Blanks display math that Markdown did not read as one (`$$` on a line of its own, up to the
/// next such line): a line inside it that looks like a list item (`- 2 \times …`) cuts the
/// paragraph that would have held it.
fn blank_display_math(markdown: &str, text: &mut [u8]) {
    let fence = |line: &str| line.trim() == "$$";
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in markdown.split_inclusive('\n') {
        // Only a `$$` that is prose as the parser read it (not one in a code block).
        if fence(line) && text[at..at + line.len()].contains(&b'$') {
            match open.take() {
                Some(start) => {
                    for b in &mut text[start..at + line.len()] {
                        if *b != b'\n' {
                            *b = b' ';
                        }
                    }
                }
                None => open = Some(at),
            }
        }
        at += line.len();
    }
}

/// Blanks bare URLs (http://, https://, www.) in `bytes`, a copy of `source`: their letters
/// are not prose.
fn blank_urls(source: &str, bytes: &mut [u8]) {
    let mut from = 0;
    while let Some(found) = ["https://", "http://", "www."]
        .iter()
        .filter_map(|scheme| source[from..].find(scheme).map(|at| from + at))
        .min()
    {
        let end = source[found..]
            .find(|c: char| {
                c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"' | '`')
            })
            .map_or(source.len(), |len| found + len);
        // A sentence's last period or closing bracket is not part of the URL.
        let end = found
            + source[found..end]
                .trim_end_matches(['.', ',', ')', ';', ':', '!', '?'])
                .len();
        bytes[found..end].fill(b' ');
        from = end.max(found + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::prose;

    fn sentences(doc: &str) -> Vec<(String, usize)> {
        let prose = prose(doc);
        assert_eq!(prose.text().len(), doc.len());
        prose
            .sentences()
            .map(|s| {
                // Offsets are the document's.
                let original = &doc[s.range()];
                assert_eq!(original.lines().count(), s.text().lines().count());
                let flat: String = s.text().split_whitespace().collect::<Vec<_>>().join(" ");
                (flat, s.paragraph())
            })
            .collect()
    }

    #[test]
    fn prose_only() {
        let cases: &[(&str, &[(&str, usize)])] = &[
            ("", &[]),
            ("本文。\n", &[("本文。", 0)]),
            // Headings and list items are their own sentences.
            (
                "# 見出し\n本文です。続き\n- 項目一\n- 項目二\n  続く。\n",
                &[("見出し", 0), ("本文です。", 1), ("続き", 1), ("項目一", 2), ("項目二 続く。", 3)],
            ),
            // Code, inline code, HTML, URLs and link destinations are not prose.
            (
                "実行する `cargo run` コマンド。\n\n```\nコード。中身。\n```\n\n<div>HTML。</div>\n\n[リンク](https://example.com/a。b)を見る。https://example.com/x を見る。\n",
                &[("実行する コマンド。", 0), ("リンク を見る。", 1), ("を見る。", 1)],
            ),
            // Front matter is left out.
            ("---\ntitle: 題。\n---\n本文。\n", &[("本文。", 0)]),
            ("+++\ntitle = \"題。\"\n+++\n本文。\n", &[("本文。", 0)]),
            // Table cells are blocks of their own.
            (
                "| 名前 | 説明 |\n|---|---|\n| seisho | 清書する。 |\n",
                &[("名前", 0), ("説明", 1), ("seisho", 2), ("清書する。", 3)],
            ),
            // A hard-wrapped paragraph is one sentence; emphasis does not cut it.
            (
                "とても**長い**文が\n折り返されて続く。\n",
                &[("とても 長い 文が 折り返されて続く。", 0)],
            ),
            // A block quote's paragraphs are prose.
            ("> 引用です。\n", &[("引用です。", 0)]),
            // An image's alt text is not.
            ("![図の説明。](a.png)本文。\n", &[("本文。", 0)]),
            // Container fences and template macros are markup; a container's content is prose.
            (
                ":::message alert\n注意です。\n:::\n\n{{code_block('a.py',['x'])}}\n\n本文{{漢字}}です。\n\n:::details 詳しい説明\n中身。\n:::\n",
                &[("注意です。", 0), ("本文 です。", 1), ("詳しい説明 中身。", 2)],
            ),
            // Math is not prose, inline or displayed, even where a line in it reads as a list.
            (
                "前。\n\n$$\n\\begin{aligned}\nx &= 1\n- 2 \\times y\n\\end{aligned}\n$$\n\n後。\n",
                &[("前。", 0), ("後。", 1)],
            ),
            // Math is not prose, inline or displayed.
            (
                "質量 $m（x）$ は正。\n\n$$\n\\left( 式。\n$$\n\n次の文。\n",
                &[("質量 は正。", 0), ("次の文。", 1)],
            ),
            // Hugo shortcodes are markup, and the content of a code shortcode is code.
            (
                "{{< note >}}\n注意。\n{{< /note >}}\n\n{{< code-toggle file=hugo >}}\n[params]\ntitle = '題。'\n{{< /code-toggle >}}\n\n本文 {{% param x %}} です。\n",
                &[("注意。", 0), ("本文 です。", 1)],
            ),
        ];
        for (doc, expected) in cases {
            let got = sentences(doc);
            let expected: Vec<(String, usize)> =
                expected.iter().map(|(s, p)| (s.to_string(), *p)).collect();
            assert_eq!(got, expected, "{doc:?}");
        }
    }
}
