//! Every string of the two-language table (`src/i18n/`) exists in both
//! languages: each `pick(lang, zh, en)` has two non-empty texts, the Chinese
//! one written in Chinese (not a copy of the English). The compiler already
//! refuses a call with a text missing; this catches an empty or copied one.

use std::fs;
use std::path::Path;

/// The string literals of each `pick(lang, "…", "…")` call in `source`.
fn picks(source: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("pick(") {
        rest = &rest[at + 5..];
        if rest.starts_with("lang: Lang") {
            continue; // the definition itself
        }
        let literals: Vec<String> = literals(rest).into_iter().take(2).collect();
        if let [zh, en] = literals.as_slice() {
            found.push((zh.clone(), en.clone()));
        }
    }
    found
}

/// String literals from the start of `s` up to the call's closing `)`.
fn literals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    let mut depth = 1;
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            '"' => {
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            text.push(chars.next().unwrap_or('\\'));
                        }
                        '"' => break,
                        c => text.push(c),
                    }
                }
                out.push(text);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_string_is_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    let mut all = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = fs::read_to_string(&path).unwrap();
        all.extend(picks(&source).into_iter().map(|p| (path.clone(), p)));
    }
    assert!(
        all.len() > 60,
        "only {} strings found: is the table still in src/i18n?",
        all.len()
    );
    // Han characters, or CJK and full-width punctuation (a list's "、").
    let cjk = |s: &str| {
        s.chars().any(|c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        })
    };
    for (path, (zh, en)) in &all {
        let file = path.file_name().unwrap().to_string_lossy();
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{file}: {zh:?} / {en:?}"
        );
        assert_ne!(zh, en, "{file}: the Chinese is a copy of the English");
        assert!(cjk(zh), "{file}: {zh:?} is not written in Chinese");
        assert!(!cjk(en), "{file}: {en:?} has Chinese in the English");
    }
}
