//! The three ways to load the dictionary give the same dictionary: the same tokens, with the
//! same details, on real sentences.

use std::borrow::Cow;

use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use seisho_ipadic::{Dictionary, DictionaryParts, FILE_NAMES};

const SENTENCES: &[&str] = &[
    "東京都に住んでいます。",
    "すもももももももものうち",
    "データベースへアクセスし、ファイルを開く。",
    "関西国際空港限定トートバッグを買いました。",
    "seishoは日本語の文章を清書します。Rustで書かれています。",
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。",
];

/// A token as (surface, byte start, byte end, details).
type Token = (String, usize, usize, Vec<String>);

/// The tokens of each sentence, through lindera's own segmenter.
fn tokenize(dictionary: &Dictionary) -> Vec<Vec<Token>> {
    let segmenter = Segmenter::new(Mode::Normal, dictionary.as_lindera().clone(), None);
    SENTENCES
        .iter()
        .map(|sentence| {
            let tokens = segmenter
                .segment(Cow::Borrowed(sentence))
                .unwrap_or_else(|e| panic!("segmenting {sentence:?}: {e}"));
            tokens
                .into_iter()
                .map(|mut token| {
                    let details = token.details().into_iter().map(str::to_owned).collect();
                    (
                        token.surface.to_string(),
                        token.byte_start,
                        token.byte_end,
                        details,
                    )
                })
                .collect()
        })
        .collect()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

#[test]
fn embedded_dictionary_segments_real_sentences() {
    let tokens = tokenize(seisho_ipadic::embedded());
    let first: Vec<(&str, &str, &str)> = tokens[0]
        .iter()
        .map(|(surface, _, _, details)| {
            (surface.as_str(), details[0].as_str(), details[7].as_str())
        })
        .collect();
    assert_eq!(
        first,
        [
            ("東京", "名詞", "トウキョウ"),
            ("都", "名詞", "ト"),
            ("に", "助詞", "ニ"),
            ("住ん", "動詞", "スン"),
            ("で", "助詞", "デ"),
            ("い", "動詞", "イ"),
            ("ます", "助動詞", "マス"),
            ("。", "記号", "。"),
        ]
    );
    // The converted source is UTF-8 throughout: every field of every token reads back.
    assert!(tokens
        .iter()
        .flatten()
        .all(|(_, _, _, details)| details.iter().all(|field| !field.contains('\u{FFFD}'))));
}

#[test]
fn embedded_is_loaded_once() {
    assert!(std::ptr::eq(
        seisho_ipadic::embedded(),
        seisho_ipadic::embedded()
    ));
    assert!(seisho_ipadic::embedded().word_count() > 390_000);
}

#[test]
fn directory_and_embedded_give_the_same_tokens() {
    let dir = temp_dir();
    seisho_ipadic::write_to_dir(dir.path()).expect("write the dictionary");
    for name in FILE_NAMES {
        assert!(dir.path().join(name).is_file(), "{name} written");
    }
    let from_dir = seisho_ipadic::load_from_dir(dir.path()).expect("load from the directory");
    assert_eq!(
        from_dir.word_count(),
        seisho_ipadic::embedded().word_count()
    );
    assert_eq!(tokenize(&from_dir), tokenize(seisho_ipadic::embedded()));
}

#[test]
fn bytes_in_memory_and_embedded_give_the_same_tokens() {
    let dir = temp_dir();
    seisho_ipadic::write_to_dir(dir.path()).expect("write the dictionary");
    let mut parts = DictionaryParts::new();
    for name in FILE_NAMES {
        let bytes = std::fs::read(dir.path().join(name)).expect("read a dictionary file");
        parts.insert(name, bytes).expect("a dictionary file name");
    }
    assert_eq!(parts.missing().count(), 0);
    let from_bytes = seisho_ipadic::load_from_parts(parts).expect("load from bytes");
    assert_eq!(tokenize(&from_bytes), tokenize(seisho_ipadic::embedded()));

    // A fresh load of the embedded parts is the same dictionary too.
    let again = seisho_ipadic::load_embedded().expect("load the embedded dictionary");
    assert_eq!(tokenize(&again), tokenize(seisho_ipadic::embedded()));
}

#[test]
fn written_files_are_the_embedded_files() {
    let dir = temp_dir();
    seisho_ipadic::write_to_dir(dir.path()).expect("write the dictionary");
    for (name, bytes) in DictionaryParts::embedded().iter() {
        let written = std::fs::read(dir.path().join(name)).expect("read a dictionary file");
        assert!(written == bytes, "{name} differs from the embedded file");
    }
}

#[test]
fn incomplete_or_misnamed_parts_are_errors() {
    let mut parts = DictionaryParts::new();
    let err = parts.insert("matrix.def", Vec::new()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "\"matrix.def\" is not a dictionary file name"
    );

    for (name, bytes) in DictionaryParts::embedded().iter() {
        if name != "dict.words" {
            parts
                .insert(name, bytes.to_vec())
                .expect("a dictionary file name");
        }
    }
    assert_eq!(parts.missing().collect::<Vec<_>>(), ["dict.words"]);
    let err = seisho_ipadic::load_from_parts(parts.clone()).unwrap_err();
    assert_eq!(err.to_string(), "dictionary file dict.words is missing");

    // A corrupt file is an error, not a panic.
    parts.insert("dict.words", Vec::new()).unwrap();
    parts.insert("dict.trie", vec![1, 2, 3]).unwrap();
    let err = seisho_ipadic::load_from_parts(parts).unwrap_err();
    assert_eq!(err.to_string(), "invalid dictionary: dict.trie");
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn a_missing_directory_is_an_error() {
    let dir = temp_dir();
    let err = seisho_ipadic::load_from_dir(dir.path().join("nowhere")).unwrap_err();
    assert!(err.to_string().starts_with("invalid dictionary: "), "{err}");
}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Dictionary>();
    check::<DictionaryParts>();
    // The error carries an io::Error as its source, which std does not make unwind safe.
    fn check_error<T: Send + Sync + std::error::Error + 'static>() {}
    check_error::<seisho_ipadic::Error>();
}

#[test]
fn unidic_katakana_words_are_found_by_their_whole_surface() {
    let dictionary = seisho_ipadic::embedded();
    let cases: &[(&str, bool)] = &[
        // UniDic's, not IPADIC's.
        ("アセット", true),
        ("キャプチャ", true),
        ("ブログ", true),
        ("ディストリビューション", true),
        // The first and last lines of the list.
        ("アアシェリ", true),
        ("ヴーヴ", true),
        // IPADIC has these: they are not in the list.
        ("パッケージ", false),
        ("コンピュータ", false),
        // Old spellings and native words in katakana are left out: they are what the kana
        // typo rules look for (セツト for セット, キヤン for 缶).
        ("セツト", false),
        ("キヤン", false),
        // Typos, parts, more than a word, nothing.
        ("アセツト", false),
        ("キヤプチャ", false),
        ("アセッ", false),
        ("アセットア", false),
        ("", false),
        ("ア", false),
        ("東京", false),
    ];
    for &(word, expected) in cases {
        assert_eq!(
            dictionary.is_unidic_katakana_word(word),
            expected,
            "{word:?}"
        );
    }
}
