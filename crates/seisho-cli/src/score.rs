//! `seisho score`: the readability report, as a summary for a person or as JSON.

use std::io::{self, Write};

use anstyle::Style;
use seisho::score::{Difficulty, KanjiAmount, KanjiGrade, Report, Scorer};
use seisho::LineIndex;

use crate::args::{ScoreArgs, ScoreFormat};
use crate::io::Source;

const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Runs `seisho score`; returns whether some input could not be read (reported on standard
/// error, the others still scored).
pub fn run(args: &ScoreArgs) -> io::Result<bool> {
    let mut out = io::BufWriter::new(anstream::stdout().lock());
    if args.schema {
        let schema = schemars::schema_for!(Report);
        serde_json::to_writer_pretty(&mut out, &schema).map_err(crate::io::json_error)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(false);
    }
    #[cfg_attr(not(feature = "dictionary"), allow(unused_mut))]
    let mut scorer = Scorer::builder()
        .long_sentence(args.long_sentence)
        .analyzer(!args.no_dictionary);
    if let Some(path) = &args.user_dictionary {
        match crate::config::load_user_dictionary(path) {
            #[cfg(feature = "dictionary")]
            Ok(words) => {
                let analyzer = seisho::morphology::Analyzer::new().with_user_dictionary(words);
                scorer = scorer.with_analyzer(analyzer);
            }
            #[cfg(not(feature = "dictionary"))]
            Ok(never) => match never {},
            Err(message) => {
                crate::report::error(message);
                return Ok(true);
            }
        }
    }
    let scorer = scorer.build();
    let sources = Source::from_args(&args.files);
    if args.jsonl.jsonl {
        let syntax = crate::jsonl::syntax(args.input.syntax);
        let field = args.jsonl.output_field.as_deref().unwrap_or("score");
        let run = crate::jsonl::run(&sources, &args.jsonl, field, |text| {
            let report = match syntax {
                seisho::Syntax::Markdown => scorer.score_markdown(text),
                seisho::Syntax::Text => scorer.score(text),
            };
            serde_json::to_string(&report).unwrap_or_default()
        })?;
        return Ok(run.failed);
    }
    let mut failed = false;
    let mut reports = Vec::new();
    for source in &sources {
        let Some((name, input)) = args.input.read_or_report(source, &mut failed) else {
            continue;
        };
        let text = input.decoded.text;
        let report = match input.syntax {
            seisho::Syntax::Markdown => scorer.score_markdown(&text),
            seisho::Syntax::Text => scorer.score(&text),
        };
        match args.format {
            ScoreFormat::Human => {
                if sources.len() > 1 && !reports.is_empty() {
                    writeln!(out)?;
                }
                human(&mut out, &name, &text, &report, args.longest)?;
                reports.push(());
            }
            ScoreFormat::Json if sources.len() == 1 => {
                serde_json::to_writer_pretty(&mut out, &report).map_err(crate::io::json_error)?;
                writeln!(out)?;
            }
            ScoreFormat::Json => {
                reports.push(());
                let entry = serde_json::json!({ "path": name, "report": report });
                // One array, written element by element so that a large batch is not held.
                out.write_all(if reports.len() == 1 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut out, &entry).map_err(crate::io::json_error)?;
            }
        }
        out.flush()?;
    }
    if args.format == ScoreFormat::Json && sources.len() > 1 {
        out.write_all(if reports.is_empty() {
            b"[]\n"
        } else {
            b"\n]\n"
        })?;
    }
    out.flush()?;
    Ok(failed)
}

fn percent(ratio: f64) -> String {
    format!("{:.1}%", ratio * 100.0)
}

fn difficulty(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "easy",
        Difficulty::Medium => "medium",
        Difficulty::Hard => "hard",
    }
}

fn grade_name(grade: KanjiGrade) -> String {
    match grade.school_grade() {
        Some(n) => format!("grade {n}"),
        None => match grade {
            KanjiGrade::Secondary => "常用 (secondary school)".to_owned(),
            KanjiGrade::Jinmeiyo => "人名用 (names)".to_owned(),
            _ => "表外 (beyond the lists)".to_owned(),
        },
    }
}

/// The summary for a person.
fn human(
    out: &mut impl Write,
    name: &str,
    text: &str,
    report: &Report,
    longest: usize,
) -> io::Result<()> {
    writeln!(out, "{HEADING}{name}{HEADING:#}")?;
    let s = &report.sentence_length;
    if s.count == 0 {
        writeln!(out, "  no sentences to score")?;
        return Ok(());
    }
    let paragraphs = if report.paragraphs == 1 {
        "1 paragraph".to_owned()
    } else {
        format!("{} paragraphs", report.paragraphs)
    };
    writeln!(
        out,
        "  sentences          {} in {paragraphs}, {} characters",
        s.count, report.characters
    )?;
    let c = &s.characters;
    writeln!(
        out,
        "  sentence length    mean {:.1} characters (median {:.0}, 90th percentile {:.0}, max {}); {} over {}; Morioka: {}",
        c.mean, c.median, c.p90, c.max, s.long, s.long_threshold, difficulty(s.morioka)
    )?;
    if let Some(w) = &s.words {
        writeln!(
            out,
            "  words per sentence mean {:.1} (median {:.0}, 90th percentile {:.0}, max {})",
            w.mean, w.median, w.p90, w.max
        )?;
    }
    let sc = &report.scripts;
    writeln!(
        out,
        "  kanji ratio        {} of letters (Morioka: {}; Yasumoto: {})",
        percent(sc.kanji_ratio),
        difficulty(sc.kanji_ratio_morioka),
        match sc.kanji_ratio_yasumoto {
            KanjiAmount::Few => "few",
            KanjiAmount::Average => "average",
            KanjiAmount::Many => "many",
        }
    )?;
    writeln!(
        out,
        "  scripts            kanji {} · hiragana {} · katakana {} · Latin {} · digits {} · punctuation {} · symbols {}",
        percent(sc.kanji.ratio),
        percent(sc.hiragana.ratio),
        percent(sc.katakana.ratio),
        percent(sc.latin.ratio),
        percent(sc.digits.ratio),
        percent(sc.punctuation.ratio),
        percent(sc.symbols.ratio)
    )?;
    writeln!(
        out,
        "  読点 (commas)      {:.2} per sentence (max {})",
        report.toten.per_sentence, report.toten.max
    )?;
    let index = LineIndex::new(text);
    if let Some(run) = &report.longest_kanji_run {
        let at = index.line_col(text, run.range.start);
        writeln!(
            out,
            "  longest kanji run  {} ({} kanji, line {})",
            run.text.replace(['\n', '\r'], ""),
            run.length,
            at.line
        )?;
    }
    let g = &report.kanji_grades;
    if g.total > 0 {
        let bands: Vec<String> = g
            .bands
            .iter()
            .filter(|b| b.count > 0)
            .map(|b| format!("{} {}", b.grade.label(), percent(b.share)))
            .collect();
        writeln!(
            out,
            "  kanji grades       {} {DIM}({} kanji){DIM:#}",
            bands.join(" · "),
            g.total
        )?;
        if let Some(grade) = g.grade_for_95_percent {
            writeln!(
                out,
                "                     95% of the kanji are known by {}",
                grade_name(grade)
            )?;
        }
    }
    match &report.jreadability {
        Some(j) => writeln!(
            out,
            "  jReadability       {:.2} {} ({}) {DIM}words/sentence {:.1}, 漢語 {:.1}%, 和語 {:.1}%, verbs {:.1}%, particles {:.1}%{DIM:#}",
            j.score,
            j.level.label(),
            j.level.id(),
            j.mean_sentence_words,
            j.kango_percent,
            j.wago_percent,
            j.verb_percent,
            j.particle_percent
        )?,
        None if !report.analyzed => writeln!(
            out,
            "  jReadability       {DIM}needs the dictionary (left out by --no-dictionary){DIM:#}"
        )?,
        None => {}
    }
    if let Some(t) = &report.tateishi {
        writeln!(
            out,
            "  Tateishi RS′       {:.1} {DIM}(higher is easier; about 50 is newspaper prose){DIM:#}",
            t.score
        )?;
    }
    if longest > 0 {
        let mut order: Vec<usize> = (0..report.sentences.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(report.sentences[i].characters));
        order.truncate(longest);
        writeln!(out, "  longest sentences")?;
        for i in order {
            let sentence = &report.sentences[i];
            let at = index.line_col(text, sentence.range.start);
            writeln!(
                out,
                "    {}:{}  {} characters  {}",
                at.line,
                at.column,
                sentence.characters,
                excerpt(&text[sentence.range.clone()], 40)
            )?;
        }
    }
    Ok(())
}

/// The first `chars` characters of `text` on one line, with … when cut.
fn excerpt(text: &str, chars: usize) -> String {
    let flat: String = text
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t', '\r', '\u{3000}']))
        .collect();
    match flat.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}
