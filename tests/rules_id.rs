//! ID input: the check-digit examples of `../shared/rules-sources.md` (read
//! from the file, not copied), each mutated digit by digit, and the forms
//! people really type.

mod common;

use mask_map::rules::{read_id, IdKind, IdProblem, IdReading, Parity};

/// Every token after "Example valid:" / "Examples valid:" in the sources file.
fn valid_examples() -> Vec<String> {
    let text = common::rules_sources();
    let examples: Vec<String> = text
        .lines()
        .filter_map(|line| line.split_once("valid:").map(|(_, rest)| rest))
        .flat_map(|rest| rest.split([',', '.', ' ']))
        .map(str::trim)
        .filter(|t| t.len() == 10 && t.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_owned)
        .collect();
    assert!(
        examples.len() >= 6,
        "the sources file should list the check-digit examples, found {examples:?}"
    );
    examples
}

#[test]
fn every_example_in_the_sources_file_is_valid_and_gives_its_last_digit() {
    for id in valid_examples() {
        let last = id.chars().last().unwrap().to_digit(10).unwrap() as u8;
        let reading = read_id(&id)
            .unwrap()
            .unwrap_or_else(|p| panic!("{id}: {p:?}"));
        assert_eq!(reading.last_digit(), last, "{id}");
        assert_eq!(reading.parity(), Parity::of_digit(last), "{id}");
    }
}

#[test]
fn the_kind_of_each_example_follows_its_second_character() {
    let kinds: Vec<(String, IdKind)> = valid_examples()
        .into_iter()
        .map(|id| {
            let Some(Ok(IdReading::Whole { kind, .. })) = read_id(&id) else {
                panic!("{id} should read as a whole ID");
            };
            (id, kind)
        })
        .collect();
    for (id, kind) in &kinds {
        let expected = match id.as_bytes()[1] {
            b'1' | b'2' => IdKind::National,
            b'8' | b'9' => IdKind::NewResident,
            _ => IdKind::OldResident,
        };
        assert_eq!(*kind, expected, "{id}");
    }
    for kind in [IdKind::National, IdKind::OldResident, IdKind::NewResident] {
        assert!(
            kinds.iter().any(|(_, k)| *k == kind),
            "no example of {kind:?}"
        );
    }
}

#[test]
fn changing_any_one_digit_of_an_example_is_caught_by_the_check_digit() {
    // +1 (mod 10) at a position of weight w changes the sum by w or 9w, never
    // a multiple of 10 for w in 1..=9: every such typo must be caught.
    for id in valid_examples() {
        for (i, c) in id.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
            let bumped = char::from_digit((c.to_digit(10).unwrap() + 1) % 10, 10).unwrap();
            let mut typo = id.clone();
            typo.replace_range(i..=i, &bumped.to_string());
            let expected = if i == 1 && !matches!(bumped, '1' | '2' | '8' | '9') {
                IdProblem::SecondNotValid
            } else {
                IdProblem::CheckDigit
            };
            assert_eq!(read_id(&typo), Some(Err(expected)), "{typo} (from {id})");
        }
    }
}

#[test]
// Unicode's lower case as the reference (clippy.toml keeps it out of the app).
#[allow(clippy::disallowed_methods)]
fn lower_case_spaces_and_full_width_characters_are_read_like_the_plain_id() {
    for id in valid_examples() {
        let plain = read_id(&id);
        let spaced: String = id.to_lowercase().chars().flat_map(|c| [c, ' ']).collect();
        let full_width: String = id
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect();
        assert_eq!(read_id(&format!("  {spaced}\t")), plain, "{spaced:?}");
        assert_eq!(read_id(&full_width), plain, "{full_width:?}");
        assert_eq!(read_id(&format!("{}\u{3000}{}", &id[..4], &id[4..])), plain);
    }
}

#[test]
fn a_last_digit_alone_is_enough_and_zero_is_even() {
    for d in 0..=9u8 {
        let reading = read_id(&d.to_string()).unwrap().unwrap();
        assert_eq!(reading, IdReading::LastDigit(d));
        assert_eq!(reading.parity() == Parity::Even, d % 2 == 0, "{d}");
    }
    assert_eq!(read_id(" 0 ").unwrap().unwrap().parity(), Parity::Even);
    assert_eq!(read_id("７").unwrap().unwrap(), IdReading::LastDigit(7));
}

#[test]
fn what_looks_wrong_is_named() {
    let example = valid_examples().remove(0);
    let cases = [
        ("", None),
        ("   ", None),
        ("x", Some(IdProblem::NotADigit)),
        ("23", Some(IdProblem::Length(2))),
        (&example[..9], Some(IdProblem::Length(9))),
        ("1123456789", Some(IdProblem::FirstNotLetter)),
        ("A323456789", Some(IdProblem::SecondNotValid)),
        ("AE00000009", Some(IdProblem::SecondNotValid)),
        ("A12345678X", Some(IdProblem::NotDigits)),
        ("A12345678９9", Some(IdProblem::Length(11))),
    ];
    for (input, expected) in cases {
        assert_eq!(
            read_id(input).map(|r| r.err().unwrap()),
            expected,
            "{input:?}"
        );
    }
}
