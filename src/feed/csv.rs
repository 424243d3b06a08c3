//! The NHIA's open CSV feeds: `maskdata.csv` (masks, no coordinates) and
//! `Fstdata.csv` (rapid tests, longitude then latitude). UTF-8, usually with a
//! BOM (already stripped by the caller), CRLF or LF, no quoting in practice.
//! Columns are found by their header names, so a reordered file still reads.

use std::borrow::Cow;

use super::model::{FeedError, FeedFormat, Inventory, RowProblem};
use super::rows::{RawRow, Rows};
use crate::number;

const CODE: &str = "醫事機構代碼";
const NAME: &str = "醫事機構名稱";
const ADDRESS: &str = "醫事機構地址";
const PHONE: &str = "醫事機構電話";
const ADULT: &str = "成人口罩剩餘數";
const CHILD: &str = "兒童口罩剩餘數";
const RAPID_TEST: &str = "快篩試劑截至目前結餘存貨數量";
const LONGITUDE: &str = "經度";
const LATITUDE: &str = "緯度";
const UPDATED: &str = "來源資料時間";
const NOTE: &str = "備註";

/// Whether `text` starts like a CSV at all: a header line with commas.
/// Which CSV, and whether we know it, is for [`parse`] to say.
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|header| header.contains(','))
}

/// A CSV feed read some lines at a time ([`super::SlicedParse`]).
pub(super) struct CsvParse<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    reader: CsvReader,
}

impl<'a> CsvParse<'a> {
    /// Reads the header: which CSV this is and where its columns are.
    pub(super) fn start(text: &'a str) -> Result<CsvParse<'a>, FeedError> {
        let mut lines = text.lines();
        let reader = CsvReader::start(lines.next().unwrap_or_default())?;
        Ok(CsvParse {
            lines: lines.enumerate(),
            reader,
        })
    }

    /// Reads up to `max_lines` more lines; true once the file is done.
    pub(super) fn step(&mut self, max_lines: usize) -> bool {
        for _ in 0..max_lines {
            let Some((index, line)) = self.lines.next() else {
                return true;
            };
            self.reader.line(index + 1, line);
        }
        false
    }

    pub(super) fn finish(self) -> Result<Inventory, FeedError> {
        self.reader.finish()
    }
}

/// A CSV feed read a line at a time, from whole text ([`CsvParse`]) or as
/// the bytes arrive ([`super::StreamingParse`]).
pub(super) struct CsvReader {
    rows: Rows,
    /// Fields in the header: the last one takes the rest of a line.
    width: usize,
    /// Fields a row needs to be read at all.
    needed: usize,
    columns: Columns,
}

/// Where each field is; `None` where the file has no such column.
struct Columns {
    code: usize,
    name: usize,
    address: Option<usize>,
    phone: Option<usize>,
    adult: Option<usize>,
    child: Option<usize>,
    rapid_test: Option<usize>,
    lng: Option<usize>,
    lat: Option<usize>,
    updated: Option<usize>,
    note: Option<usize>,
}

impl CsvReader {
    /// Reads the header: which CSV this is and where its columns are.
    pub(super) fn start(header_line: &str) -> Result<CsvReader, FeedError> {
        let header = split(header_line, usize::MAX);
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let wrong_header = || FeedError::WrongHeader {
            found: header_line.chars().take(80).collect(),
        };

        let format = match (column(ADULT), column(RAPID_TEST)) {
            (Some(_), _) => FeedFormat::NhiaMaskCsv,
            (None, Some(_)) => FeedFormat::NhiaRapidTestCsv,
            (None, None) => return Err(wrong_header()),
        };
        let (Some(code), Some(name)) = (column(CODE), column(NAME)) else {
            return Err(wrong_header());
        };
        let [address, phone, adult, child, rapid_test, lng, lat, updated, note] = [
            ADDRESS, PHONE, ADULT, CHILD, RAPID_TEST, LONGITUDE, LATITUDE, UPDATED, NOTE,
        ]
        .map(column);
        let columns = Columns {
            code,
            name,
            address,
            phone,
            adult,
            child,
            rapid_test,
            lng,
            lat,
            updated,
            note,
        };
        Ok(CsvReader {
            rows: Rows::new(format),
            width: header.len(),
            needed: columns.needed(),
            columns,
        })
    }

    /// Reads the `row`th line after the header.
    pub(super) fn line(&mut self, row: usize, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        // The last column (備註 in Fstdata.csv) is free text that may hold commas.
        let fields = split(line, self.width);
        if fields.len() < self.needed {
            self.rows.skip(row, RowProblem::Malformed);
            return;
        }
        self.rows.add(row, self.columns.read(&fields));
    }

    pub(super) fn finish(self) -> Result<Inventory, FeedError> {
        self.rows.finish()
    }
}

impl Columns {
    /// Fields a row must have: every column but the note (free text at the
    /// end of the line, which may run over or be missing).
    fn needed(&self) -> usize {
        [
            Some(self.code),
            Some(self.name),
            self.address,
            self.phone,
            self.adult,
            self.child,
            self.rapid_test,
            self.lng,
            self.lat,
            self.updated,
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
            + 1
    }

    /// One row's fields, by column.
    fn read<'f>(&self, fields: &'f [Cow<'f, str>]) -> RawRow<'f> {
        let field = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|f| f.trim())
                .unwrap_or_default()
        };
        let count = |i: Option<usize>| i.map(|_| Cow::Borrowed(field(i)));
        let mut raw = RawRow {
            code: Some(Cow::Borrowed(field(Some(self.code)))),
            name: field(Some(self.name)),
            address: field(self.address),
            phone: field(self.phone),
            adult: count(self.adult),
            child: count(self.child),
            rapidtest: count(self.rapid_test),
            notes: self.note.map(|_| field(self.note)).into_iter().collect(),
            updated: self.updated.map(|_| field(self.updated)),
            ..RawRow::default()
        };
        if self.lat.is_some() && self.lng.is_some() {
            let (lat, lng) = (field(self.lat), field(self.lng));
            match (number::parse(lat), number::parse(lng)) {
                (Some(lat), Some(lng)) => raw.lat_lng = Some((lat, lng)),
                _ => raw.coordinates_unreadable = !(lat.is_empty() && lng.is_empty()),
            }
        }
        raw
    }
}

/// Splits one CSV line into at most `max` fields, honouring `"…"` quoting
/// (with `""` for a quote) should a publisher start quoting. The last field
/// takes the rest of the line.
fn split(line: &str, max: usize) -> Vec<Cow<'_, str>> {
    let mut fields = Vec::new();
    let mut rest = line;
    while fields.len() + 1 < max {
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                if c != '"' {
                    value.push(c);
                } else if quoted[i + 1..].starts_with('"') {
                    value.push('"');
                    chars.next();
                } else {
                    end = i + 1;
                    break;
                }
            }
            fields.push(Cow::Owned(value));
            rest = &quoted[end..];
            match comma(rest) {
                Some(comma) => rest = &rest[comma + 1..],
                None => return fields,
            }
        } else {
            match comma(rest) {
                Some(comma) => {
                    fields.push(Cow::Borrowed(&rest[..comma]));
                    rest = &rest[comma + 1..];
                }
                None => break,
            }
        }
    }
    fields.push(Cow::Borrowed(rest));
    fields
}

/// The first `,`: a plain byte scan beats a char searcher on fields this short.
fn comma(s: &str) -> Option<usize> {
    s.bytes().position(|b| b == b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(split("a,b,,c", usize::MAX), ["a", "b", "", "c"]);
        assert_eq!(
            split("a,\"b, \"\"B\"\"\",c", usize::MAX),
            ["a", "b, \"B\"", "c"]
        );
        assert_eq!(
            split("a,b,free, text, here", 3),
            ["a", "b", "free, text, here"]
        );
        assert_eq!(split("", usize::MAX), [""]);
        assert_eq!(split("\"unterminated", usize::MAX), ["unterminated"]);
    }
}
