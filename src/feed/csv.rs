//! The NHIA's open CSV feeds: `maskdata.csv` (masks, no coordinates) and
//! `Fstdata.csv` (rapid tests, longitude then latitude). RFC 4180 (quoted
//! fields may hold commas, doubled quotes and line breaks; CRLF or LF), UTF-8,
//! usually with a BOM (already stripped by the caller). Columns are found by
//! their header names, so a reordered file still reads.

use std::borrow::Cow;

use csv_core::ReadRecordResult;

use super::model::{FeedError, FeedFormat, Inventory, RowProblem};
use super::rows::{RawRow, Rows};
use crate::coords::parse_degrees;

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

/// A CSV feed read record by record with csv-core's push parser, as its
/// bytes arrive: the header first, then a row per record. Each call takes
/// the input where the last one stopped; a record may span any number of
/// calls (a quoted field may hold line breaks).
pub(super) struct CsvRecords {
    parser: csv_core::Reader,
    /// The record being read: its fields' bytes, unquoted, one after another…
    record: Vec<u8>,
    /// …and where each field ends in them.
    ends: Vec<usize>,
    written: usize,
    ended: usize,
    state: Part,
}

enum Part {
    Header,
    Rows(Box<CsvRows>),
    /// The header is not an NHIA feed's: the rest is not read.
    Refused(FeedError),
}

impl CsvRecords {
    pub(super) fn new() -> CsvRecords {
        CsvRecords {
            parser: csv_core::Reader::new(),
            record: vec![0; 1024],
            ends: vec![0; 16],
            written: 0,
            ended: 0,
            state: Part::Header,
        }
    }

    /// Reads at most `records` complete records from `input`, the bytes that
    /// follow the last call's: how many bytes it took, and whether it stopped
    /// at that limit (more may be waiting) rather than at the input's end.
    pub(super) fn read(&mut self, input: &[u8], records: usize) -> (usize, bool) {
        let mut taken = 0;
        let mut left = records;
        while left > 0 {
            // An empty input would tell csv-core the file has ended.
            if taken == input.len() {
                return (taken, false);
            }
            let (result, used) = self.parse(&input[taken..]);
            taken += used;
            if result == ReadRecordResult::Record {
                self.take_record(false);
                left -= 1;
            }
        }
        (taken, true)
    }

    /// The end of the file: its last record, if no line break followed it.
    pub(super) fn finish(mut self) -> Result<Inventory, FeedError> {
        let unclosed = self.end_line();
        loop {
            match self.parse(&[]).0 {
                ReadRecordResult::Record => self.take_record(unclosed),
                ReadRecordResult::InputEmpty | ReadRecordResult::End => break,
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
            }
        }
        match self.state {
            Part::Header => Err(FeedError::Empty),
            Part::Rows(reader) => reader.finish(),
            Part::Refused(error) => Err(error),
        }
    }

    /// Ends the last line, as the end of the file would, and says whether
    /// the file ended inside a quoted field: only there is a line break part
    /// of a field. csv-core has no other way to tell (and its `Reader`'s
    /// clone loses the parse tables, so a copy cannot be asked instead).
    fn end_line(&mut self) -> bool {
        loop {
            let written = self.written;
            match self.parse(b"\n") {
                (ReadRecordResult::Record, 1) => self.take_record(false),
                (ReadRecordResult::InputEmpty, 1) if self.written > written => return true,
                (_, 1) => {}
                // The buffers were full and have grown: again.
                (_, _) => continue,
            }
            return false;
        }
    }

    /// One call of csv-core, growing the record's buffers when it asks.
    fn parse(&mut self, input: &[u8]) -> (ReadRecordResult, usize) {
        let (result, used, written, ended) = self.parser.read_record(
            input,
            &mut self.record[self.written..],
            &mut self.ends[self.ended..],
        );
        self.written += written;
        self.ended += ended;
        match result {
            ReadRecordResult::OutputFull => self.record.resize(self.record.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
            _ => {}
        }
        (result, used)
    }

    /// The record just read: the header, or a row.
    fn take_record(&mut self, unclosed: bool) {
        // One check of the whole record is much cheaper than one per field;
        // only a record with broken UTF-8 is mended field by field.
        let text = std::str::from_utf8(&self.record[..self.written]).ok();
        let mut start = 0;
        let fields: Vec<Cow<'_, str>> = self.ends[..self.ended]
            .iter()
            .map(|&end| {
                let field = match text.and_then(|text| text.get(start..end)) {
                    Some(field) => Cow::Borrowed(field),
                    None => String::from_utf8_lossy(&self.record[start..end]),
                };
                start = end;
                field
            })
            .collect();
        match &mut self.state {
            Part::Header => {
                self.state = match CsvRows::start(&fields) {
                    Ok(reader) => Part::Rows(Box::new(reader)),
                    Err(error) => Part::Refused(error),
                }
            }
            Part::Rows(reader) => reader.record(&fields, unclosed),
            Part::Refused(_) => {}
        }
        self.written = 0;
        self.ended = 0;
    }
}

/// An NHIA CSV's rows, a record's fields at a time ([`CsvRecords`]).
struct CsvRows {
    rows: Rows,
    /// Rows read so far (the header and blank lines are no rows).
    count: usize,
    /// Fields in the header: the last one takes any that follow it.
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

impl CsvRows {
    /// Reads the header: which CSV this is and where its columns are.
    fn start(header: &[Cow<'_, str>]) -> Result<CsvRows, FeedError> {
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let wrong_header = || FeedError::WrongHeader {
            found: header.join(",").chars().take(80).collect(),
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
        Ok(CsvRows {
            rows: Rows::new(format),
            count: 0,
            width: header.len(),
            needed: columns.needed(),
            columns,
        })
    }

    /// Reads the next record after the header; `unclosed`: the file ended
    /// inside one of its quoted fields.
    fn record(&mut self, fields: &[Cow<'_, str>], unclosed: bool) {
        if unclosed {
            self.count += 1;
            return self.rows.skip(self.count, RowProblem::UnclosedQuote);
        }
        if let [only] = fields {
            if only.trim().is_empty() {
                return;
            }
        }
        self.count += 1;
        if fields.len() < self.needed {
            return self.rows.skip(self.count, RowProblem::Malformed);
        }
        // The last column (備註 in Fstdata.csv) is free text: a comma left
        // unquoted in it must not cost the row.
        let last = self.width.max(1) - 1;
        if fields.len() > last + 1 {
            let mut joined = fields[..last].to_vec();
            joined.push(Cow::Owned(fields[last..].join(",")));
            self.rows.add(self.count, self.columns.read(&joined));
        } else {
            self.rows.add(self.count, self.columns.read(fields));
        }
    }

    fn finish(self) -> Result<Inventory, FeedError> {
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
            match (parse_degrees(lat), parse_degrees(lng)) {
                (Some(lat), Some(lng)) => raw.lat_lng = Some((lat, lng)),
                _ => raw.coordinates_unreadable = !(lat.is_empty() && lng.is_empty()),
            }
        }
        raw
    }
}
