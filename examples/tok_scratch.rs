fn main() {
    let a = seisho::morphology::Analyzer::new();
    for arg in std::env::args().skip(1) {
        let toks: Vec<String> = a
            .analyze(&arg)
            .iter()
            .map(|t| format!("{}{}", t.surface(), if t.is_unknown() { "?" } else { "" }))
            .collect();
        println!(
            "{arg}: {} known={}",
            toks.join(" | "),
            a.is_known_word(&arg)
        );
    }
}
