//! The benches' input: the file named by `SEISHO_CORPUS`, else the sample kept in the
//! repository.

const SAMPLE: &str = include_str!("../data/sample.txt");

/// The bench input and where it came from.
pub fn input() -> (String, String) {
    match std::env::var_os("SEISHO_CORPUS") {
        Some(path) => {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("SEISHO_CORPUS={}: {e}", path.to_string_lossy());
            });
            (text, path.to_string_lossy().into_owned())
        }
        None => (SAMPLE.to_owned(), "benches/data/sample.txt".to_owned()),
    }
}
