//! What the user typed into `eligibility-input`: a last digit, or a whole
//! national ID or resident certificate number, checked with its check digit.
//!
//! Only the parity of the last digit leaves this module; the caller never
//! needs to keep the number (and the app does not).

/// Odd or even last digit (0 is even).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Parity {
    Odd,
    Even,
}

impl Parity {
    pub fn of_digit(digit: u8) -> Parity {
        if digit % 2 == 1 {
            Parity::Odd
        } else {
            Parity::Even
        }
    }

    /// The word stored by "remember my parity".
    pub fn as_str(self) -> &'static str {
        match self {
            Parity::Odd => "odd",
            Parity::Even => "even",
        }
    }

    pub fn from_stored(s: &str) -> Option<Parity> {
        match s {
            "odd" => Some(Parity::Odd),
            "even" => Some(Parity::Even),
            _ => None,
        }
    }
}

/// Which kind of whole number was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A letter, 1 or 2, eight digits.
    National,
    /// Resident certificate until 2020: two letters, eight digits.
    OldResident,
    /// Resident certificate from 2021: a letter, 8 or 9, eight digits.
    NewResident,
}

/// A readable input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdReading {
    LastDigit(u8),
    Whole { kind: IdKind, last_digit: u8 },
}

impl IdReading {
    pub fn last_digit(self) -> u8 {
        match self {
            IdReading::LastDigit(d) | IdReading::Whole { last_digit: d, .. } => d,
        }
    }

    pub fn parity(self) -> Parity {
        Parity::of_digit(self.last_digit())
    }
}

/// What looks wrong, in the order a person would check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Neither one character nor ten (the count, after spaces are dropped).
    Length(usize),
    /// One character, but not a digit.
    NotADigit,
    /// A whole number must start with a letter.
    FirstNotLetter,
    /// The second character must be 1, 2, 8, 9 or A–D.
    SecondNotValid,
    /// Characters 3–10 must be digits.
    NotDigits,
    /// Well formed, but the check digit does not match: a typo somewhere.
    CheckDigit,
}

/// Letter values from the ID specification (A=10 … Z=33, with I, O, W … out
/// of alphabetical order because they were added later).
const LETTER_VALUES: [u8; 26] = [
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30,
    31, 33,
];

/// Spaces dropped, full-width forms folded (phone keyboards in Chinese
/// input mode type them), upper-cased.
fn normalise(input: &str) -> Vec<char> {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn letter_value(c: char) -> Option<u32> {
    c.is_ascii_uppercase()
        .then(|| u32::from(LETTER_VALUES[(c as u8 - b'A') as usize]))
}

/// Reads the input; `None` when there is nothing to read.
pub fn read_id(input: &str) -> Option<Result<IdReading, IdProblem>> {
    let chars = normalise(input);
    match chars.len() {
        0 => None,
        1 => Some(
            chars[0]
                .to_digit(10)
                .map(|d| IdReading::LastDigit(d as u8))
                .ok_or(IdProblem::NotADigit),
        ),
        10 => Some(read_whole(&chars)),
        n => Some(Err(IdProblem::Length(n))),
    }
}

fn read_whole(chars: &[char]) -> Result<IdReading, IdProblem> {
    let first = letter_value(chars[0]).ok_or(IdProblem::FirstNotLetter)?;
    let (kind, second) = match chars[1] {
        '1' | '2' => (IdKind::National, chars[1].to_digit(10)),
        '8' | '9' => (IdKind::NewResident, chars[1].to_digit(10)),
        'A'..='D' => (IdKind::OldResident, letter_value(chars[1]).map(|v| v % 10)),
        _ => return Err(IdProblem::SecondNotValid),
    };
    let second = second.ok_or(IdProblem::SecondNotValid)?;
    let rest: Vec<u32> = chars[2..]
        .iter()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()
        .ok_or(IdProblem::NotDigits)?;
    // tens·1 + units·9 + second·8 + d3·7 … d9·1 + check·1.
    let body: u32 = rest[..7]
        .iter()
        .zip((1..=7).rev())
        .map(|(d, w)| d * w)
        .sum();
    let check = rest[7];
    let sum = first / 10 + (first % 10) * 9 + second * 8 + body + check;
    if sum % 10 != 0 {
        return Err(IdProblem::CheckDigit);
    }
    Ok(IdReading::Whole {
        kind,
        last_digit: check as u8,
    })
}
