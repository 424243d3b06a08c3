//! The NHIA CSVs read as RFC 4180: quoted fields holding commas, doubled
//! quotes and line breaks, CRLF, a byte-order mark; in one pass, in slices of
//! rows, and as the bytes arrive in pieces of any size. The NHIA never quoted
//! a field in the files we have, so each case is a real snapshot from
//! ../shared/data with one field rewritten the way a spreadsheet would write
//! it, and the expected inventory is the original snapshot's.

mod common;

use common::read_shared;
use mask_map::feed::{self, Inventory, RowProblem};

const MASKS_LF: &str = "maskdata-2020-03-08.csv";
const MASKS_CRLF: &str = "maskdata-2020-03-03.csv";
const RAPID_TEST: &str = "rapidtest-2022-04-28.csv";

/// A field's text with a comma, a quote and a line break (`newline`) in it:
/// what a user wrote, and the same as RFC 4180 writes it.
fn awkward_text(before: &str, after: &str, newline: &str) -> (String, String) {
    let text = format!("{before}, \"{after}\"{newline}{after}");
    let written = format!("\"{}\"", text.replace('"', "\"\""));
    (text, written)
}

/// `text` with field `column` of data row `row` (1-based, header excluded)
/// replaced by `written`, as it would appear in the file.
fn rewrite_field(text: &str, row: usize, column: usize, written: &str) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .map(|(index, line)| {
            if index != row {
                return line.to_owned();
            }
            let ending = &line[line.trim_end_matches(['\r', '\n']).len()..];
            let mut fields: Vec<&str> = line.trim_end_matches(['\r', '\n']).split(',').collect();
            fields[column] = written;
            format!("{}{ending}", fields.join(","))
        })
        .collect()
}

fn snapshot(name: &str) -> String {
    String::from_utf8(read_shared(name)).unwrap()
}

fn parse(text: &str) -> Inventory {
    feed::parse(text.as_bytes()).unwrap()
}

/// The same inventory whichever way the bytes arrive: whole, in slices of
/// rows, and pushed in pieces of `piece` bytes.
fn assert_every_reading_agrees(text: &str, pieces: impl IntoIterator<Item = usize>) {
    let whole = feed::parse(text.as_bytes());
    for rows in [1, 7, 200] {
        let mut sliced = feed::SlicedParse::new(text);
        while !sliced.step(rows) {}
        assert_eq!(sliced.finish(), whole, "in slices of {rows} rows");
    }
    for piece in pieces {
        assert_eq!(
            streamed(text.as_bytes().chunks(piece)),
            whole,
            "pieces of {piece}"
        );
    }
}

fn streamed<'a>(chunks: impl IntoIterator<Item = &'a [u8]>) -> Result<Inventory, feed::FeedError> {
    let mut parse = feed::StreamingParse::new();
    for chunk in chunks {
        parse.push(chunk);
        while parse.step(2) {}
    }
    parse.finish()
}

#[test]
fn a_quoted_name_with_a_comma_a_quote_and_a_line_break_reads_exactly() {
    for (name, newline) in [(MASKS_LF, "\n"), (MASKS_CRLF, "\r\n")] {
        let original = snapshot(name);
        let mut expected = parse(&original);
        // Row 1's name (column 1), in both files 衛生福利部花蓮醫院豐濱原住民分院.
        let (text, written) = awkward_text("衛生福利部花蓮醫院", "豐濱原住民分院", newline);
        let rewritten = rewrite_field(&original, 1, 1, &written);
        assert!(rewritten.contains(&format!("\"\"豐濱原住民分院\"\"{newline}")));

        let inventory = parse(&rewritten);
        assert_eq!(inventory.pharmacies[0].name, text, "{name}");
        expected.pharmacies[0].name = text;
        assert_eq!(
            inventory, expected,
            "{name}: every other pharmacy as before"
        );
    }
}

#[test]
fn a_quoted_free_text_note_reads_exactly() {
    // Fstdata.csv's last column, 備註, is the free text pharmacies write.
    let original = snapshot(RAPID_TEST);
    let mut expected = parse(&original);
    let (text, written) = awkward_text("週一至週五 09:00-12:00", "售完為止", "\r\n");
    let rewritten = rewrite_field(&original, 2, 9, &written);

    let inventory = parse(&rewritten);
    assert_eq!(inventory.pharmacies[1].notes, [text.as_str()]);
    expected.pharmacies[1].notes = vec![text];
    assert_eq!(inventory, expected);
}

#[test]
fn a_comma_left_unquoted_in_the_note_keeps_the_row() {
    // Free text at the end of the line: commas a pharmacy typed there
    // without quoting still belong to the note.
    let original = snapshot(RAPID_TEST);
    let mut expected = parse(&original);
    let rewritten = rewrite_field(&original, 3, 9, "週一至週五, 09:00-12:00,售完為止");
    let inventory = parse(&rewritten);
    expected.pharmacies[2].notes = vec!["週一至週五, 09:00-12:00,售完為止".to_owned()];
    assert_eq!(inventory, expected);
}

#[test]
fn crlf_and_a_byte_order_mark_read_like_lf_without_one() {
    // 2020-03-08 is LF with a BOM (SOURCES.md); every combination reads the same.
    let original = snapshot(MASKS_LF);
    assert!(original.starts_with('\u{feff}') && !original.contains('\r'));
    let expected = parse(&original);
    let bare = original.trim_start_matches('\u{feff}');
    let crlf = bare.replace('\n', "\r\n");
    for (case, text) in [
        ("LF, no BOM", bare.to_owned()),
        ("CRLF, no BOM", crlf.clone()),
        ("CRLF, BOM", format!("\u{feff}{crlf}")),
    ] {
        let inventory = parse(&text);
        assert_eq!(inventory, expected, "{case}");
        assert_eq!(inventory.pharmacies[0].code, "0145080011", "{case}");
    }
}

#[test]
fn a_quote_never_closed_is_a_row_problem_not_lost_rows() {
    let original = snapshot(MASKS_LF);
    let expected = parse(&original);
    let rows = expected.pharmacies.len() + expected.skipped();

    // In the last row's last field: that row is skipped, and said so.
    let cut = original.trim_end().rfind(',').unwrap() + 1;
    let last_open = format!("{}\"{}", &original[..cut], &original[cut..]);
    let inventory = parse(&last_open);
    let issue = inventory.issues.last().unwrap();
    assert_eq!(
        (issue.row, &issue.problem, issue.skipped),
        (rows, &RowProblem::UnclosedQuote, true)
    );
    assert_eq!(
        inventory.pharmacies[..],
        expected.pharmacies[..expected.pharmacies.len() - 1]
    );

    // In row 10's name: the rest of the file is inside that quote, so the
    // row that opened it is named, not just counted as short.
    let mid_open = rewrite_field(&original, 10, 1, "\"藥局");
    let inventory = parse(&mid_open);
    assert_eq!(inventory.pharmacies[..], expected.pharmacies[..9]);
    let issue = inventory.issues.last().unwrap();
    assert_eq!(
        (issue.row, &issue.problem, issue.skipped),
        (10, &RowProblem::UnclosedQuote, true)
    );
    assert_every_reading_agrees(&mid_open, [1, 3, 4096]);
}

#[test]
fn a_row_with_too_few_fields_is_still_named_as_such() {
    let original = snapshot(MASKS_LF);
    let expected = parse(&original);
    // Row 3 cut short after a quoted two-line name: that row only is skipped.
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    let code = lines[3].split(',').next().unwrap().to_owned();
    lines[3] = format!("{code},\"兩行\n的名稱\"");
    let inventory = parse(&lines.join("\n"));
    let issue = &inventory.issues[0];
    assert_eq!(
        (issue.row, &issue.problem, issue.skipped),
        (3, &RowProblem::Malformed, true)
    );
    assert_eq!(inventory.pharmacies.len(), expected.pharmacies.len() - 1);
    assert_eq!(inventory.pharmacies[2], expected.pharmacies[3]);
}

/// Every piece size from one byte up, and every cut into two pieces, on the
/// first rows of a real snapshot with quoted line breaks in two of them.
#[test]
fn any_cut_of_quoted_rows_gives_the_one_pass_inventory() {
    for (name, newline) in [(MASKS_LF, "\n"), (MASKS_CRLF, "\r\n")] {
        let head: String = snapshot(name).split_inclusive('\n').take(12).collect();
        let (_, first) = awkward_text("衛生福利部花蓮醫院", "豐濱原住民分院", newline);
        let (_, other) = awkward_text("連江縣南竿鄉", "復興村２１７號", newline);
        let text = rewrite_field(&rewrite_field(&head, 1, 1, &first), 2, 2, &other);
        let whole = feed::parse(text.as_bytes());
        assert_eq!(whole.as_ref().map(|i| i.pharmacies.len()), Ok(11), "{name}");

        assert_every_reading_agrees(&text, 1..=text.len());
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(streamed([a, b]), whole, "{name} cut at {cut}");
        }
        // Three pieces, the middle one around the quoted line break.
        let at = text.find(&format!("\"\"{newline}")).unwrap() + 2;
        for start in at.saturating_sub(8)..=at + 2 {
            for end in start..=at + 8 {
                let pieces = [&bytes[..start], &bytes[start..end], &bytes[end..]];
                assert_eq!(streamed(pieces), whole, "{name} cut at {start} and {end}");
            }
        }
    }
}

/// The whole rewritten snapshots, in the pieces the network might use.
#[test]
fn whole_quoted_snapshots_read_the_same_in_pieces() {
    let (_, written) = awkward_text("週一至週五 09:00-12:00", "售完為止", "\r\n");
    let rapid = rewrite_field(&snapshot(RAPID_TEST), 2, 9, &written);
    let (_, written) = awkward_text("衛生福利部花蓮醫院", "豐濱原住民分院", "\n");
    let masks = rewrite_field(&snapshot(MASKS_LF), 1, 1, &written);
    for text in [rapid, masks] {
        assert_every_reading_agrees(&text, [1, 2, 3, 5, 1_000, 16_384]);
    }
}

#[test]
fn broken_utf8_split_by_a_quote_reads_the_same_streamed_or_whole() {
    // The first character of the real rapid-test snapshot's first note, cut
    // after its first byte by a quote, with a quote opening the field, as a
    // mangled upload might be. Whole, the file's text is decoded before the
    // CSV is read, so the broken bytes become U+FFFD; streamed, csv-core must
    // not drop the quotes and join the bytes back into the character.
    let text = snapshot(RAPID_TEST);
    let row_end = text.match_indices('\n').nth(1).unwrap().0;
    let note = text[..row_end].rfind(',').unwrap() + 1;
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(note + 1, b'"');
    bytes.insert(note, b'"');
    let whole = feed::parse(&bytes).unwrap();
    assert!(whole.pharmacies[0].notes[0].starts_with('\u{fffd}'));
    for piece in [1, 2, 3, 1000] {
        assert_eq!(
            streamed(bytes.chunks(piece)).as_ref(),
            Ok(&whole),
            "pieces of {piece}"
        );
    }
}
