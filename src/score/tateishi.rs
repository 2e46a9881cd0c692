//! Tateishi, Ono and Yamada's (1988) readability formula RS′, from character runs.
//!
//! 建石由佳・小野芳彦・山田尚勇 (1988)「日本文の読みやすさの評価式」, 文書処理とヒューマンインタフェース
//! 18-4. The paper's variables: ls the mean sentence length in characters; la, lh, lc, lk the
//! mean length of runs of alphabet, hiragana, kanji and katakana; cp 読点 per 句点. (The PyPI
//! package `tateishi-readability` 0.1.0 departs from the paper: its `ls` is the mean run
//! length and it counts digits as alphabet; seisho follows the paper.)

use super::{Runs, SentenceLength, Tateishi};

/// RS′ for a text with these runs, sentence lengths and 読点; `None` without a sentence.
pub(super) fn score(runs: &Runs, sentences: &SentenceLength, toten: usize) -> Option<Tateishi> {
    if sentences.count == 0 {
        return None;
    }
    let mean = |class: usize| {
        if runs.count[class] == 0 {
            0.0
        } else {
            runs.length[class] as f64 / runs.count[class] as f64
        }
    };
    let ls = sentences.characters.mean;
    let (la, lh, lc, lk) = (mean(0), mean(1), mean(2), mean(3));
    let cp = toten as f64 / sentences.count as f64;
    let score = -0.12 * ls - 1.37 * la + 7.4 * lh - 23.18 * lc - 5.4 * lk - 4.67 * cp + 115.79;
    Some(Tateishi {
        score,
        ls,
        la,
        lh,
        lc,
        lk,
        cp,
        runs: runs.count,
    })
}

#[cfg(test)]
mod tests {
    use crate::score::Scorer;

    fn tateishi(text: &str) -> crate::score::Tateishi {
        let scorer = Scorer::builder().analyzer(false).build();
        scorer.score(text).tateishi.expect("a sentence")
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Values computed by hand from the paper's definitions.
    #[test]
    fn by_hand() {
        // 今日の天気は、晴れです。
        // Runs: 今日(c2) の(h1) 天気(c2) は(h1) 晴(c1) れです(h3); 、 and 。 belong to none.
        // ls = 12 characters / 1 sentence; lh = (1+1+3)/3; lc = (2+2+1)/3; cp = 1/1.
        let t = tateishi("今日の天気は、晴れです。");
        assert_eq!(t.runs, [0, 3, 3, 0]);
        let (ls, lh, lc, cp) = (12.0, 5.0 / 3.0, 5.0 / 3.0, 1.0);
        assert!(close(t.ls, ls) && close(t.lh, lh) && close(t.lc, lc) && close(t.cp, cp));
        let expected = -0.12 * ls + 7.4 * lh - 23.18 * lc - 4.67 * cp + 115.79;
        assert!(close(t.score, expected), "{} vs {expected}", t.score);

        // Two sentences, katakana with ー, Latin letters, digits breaking runs:
        // 「サーバーに Linux を入れた。」 runs: サーバー(k4) に(h1) Linux(a5) を(h1) 入(c1) れた(h2)
        // 「2台目も。」 runs: 台目(c2) も(h1); 2 and 。 belong to none.
        // Characters (no spaces): 15 + 5 = 20, ls = 10.
        let t = tateishi("サーバーに Linux を入れた。2台目も。");
        assert_eq!(t.runs, [1, 4, 2, 1]);
        assert!(close(t.ls, 10.0));
        assert!(close(t.la, 5.0) && close(t.lk, 4.0));
        assert!(close(t.lh, 5.0 / 4.0) && close(t.lc, 1.5) && close(t.cp, 0.0));
        let expected = -0.12 * 10.0 - 1.37 * 5.0 + 7.4 * 1.25 - 23.18 * 1.5 - 5.4 * 4.0 + 115.79;
        assert!(close(t.score, expected));

        // ー after hiragana continues the hiragana run; a hard wrap does not cut a run.
        let t = tateishi("すごーいと\nですね");
        assert_eq!(t.runs, [0, 1, 0, 0]);
        assert!(close(t.lh, 8.0));
    }

    #[test]
    fn nothing_to_score() {
        let scorer = Scorer::builder().analyzer(false).build();
        assert!(scorer.score("").tateishi.is_none());
        assert!(scorer.score(" \n\n　").tateishi.is_none());
    }
}
