//! Whether what came back is text at all, so that a compressed file, an
//! image or random bytes are called that, not "a CSV without the NHIA
//! columns" (a line of random bytes often holds a comma).

/// How much of the first line is looked at.
const HEAD_CHARS: usize = 1024;

/// Broken UTF-8 sequences (read as U+FFFD) allowed in the first line: more
/// is not UTF-8 text.
const MAX_BROKEN: usize = 4;

/// Whether `text` (decoded as [`super::decode`] does, broken sequences as
/// U+FFFD) starts like text: its first line (a CSV's header, a JSON's
/// start) has no control characters but tabs and form feeds, and at most a
/// few broken sequences. Only the first line, so that the whole read and the
/// streamed one (which decides once that line is in) agree, and a byte
/// broken in a later row costs that row only.
pub(super) fn looks_like_text(text: &str) -> bool {
    let first_line = text.split('\n').next().unwrap_or_default();
    let mut broken = 0;
    for c in first_line.chars().take(HEAD_CHARS) {
        match c {
            '\t' | '\n' | '\r' | '\u{c}' => {}
            '\u{fffd}' => {
                broken += 1;
                if broken > MAX_BROKEN {
                    return false;
                }
            }
            c if c.is_control() => return false,
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_text_and_control_characters_are_not() {
        assert!(looks_like_text(
            "醫事機構代碼,醫事機構名稱\r\n0145080011,中美藥局\r\n"
        ));
        assert!(looks_like_text("{\"type\":\"FeatureCollection\"}"));
        assert!(looks_like_text("a stray \u{fffd} in a name"));
        assert!(!looks_like_text("\u{1f}\u{fffd}\u{8}\u{0}"));
        assert!(!looks_like_text("PK\u{3}\u{4}"));
        assert!(!looks_like_text(&"\u{fffd},".repeat(5)));
    }
}
