//! Taipei calendar time (UTC+8, no daylight saving), whatever the device's zone.
//!
//! Feeds stamp their data in Taiwan local time without a zone, and "today" for
//! rationing means today in Taipei, so the app keeps one fixed offset and never
//! asks the browser for its zone.

use std::fmt;

/// Taipei's offset from UTC, in seconds. Taiwan has had no DST since 1979.
pub const TAIPEI_OFFSET_SECONDS: i64 = 8 * 3600;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A wall-clock time in Taipei, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaipeiDateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses an all-ASCII-digit field of exactly `len` characters.
fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        u32::from_str_radix(s, 10).ok()
    } else {
        None
    }
}

impl Date {
    /// A valid calendar date, or `None` (e.g. 2021-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly (the URL contract's `date`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        Self::parse_with_separator(s, '-')
    }

    fn parse_with_separator(s: &str, sep: char) -> Option<Date> {
        let mut parts = s.split(sep);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Date::new(
            digits(y, 4)? as i32,
            digits(m, 2)? as u8,
            digits(d, 2)? as u8,
        )
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`] (Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl Date {
    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u8 {
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TaipeiDateTime {
    /// Parses a feed timestamp, `YYYY/MM/DD HH:MM:SS` (NHIA, kiang) or with
    /// `-` between the date parts. The time is Taipei's wall clock.
    pub fn parse_feed(s: &str) -> Option<TaipeiDateTime> {
        let (date, time) = s.trim().split_once(' ')?;
        let date = Date::parse_with_separator(date, '/').or_else(|| Date::parse_iso(date))?;
        let mut hms = time.trim().split(':');
        let hour = digits(hms.next()?, 2)? as u8;
        let minute = digits(hms.next()?, 2)? as u8;
        let second = match hms.next() {
            Some(s) => digits(s, 2)? as u8,
            None => 0,
        };
        if hms.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(TaipeiDateTime {
            date,
            hour,
            minute,
            second,
        })
    }

    /// Seconds since the Unix epoch of this Taipei wall-clock time.
    pub fn unix_seconds(self) -> i64 {
        self.date.days_since_epoch() * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - TAIPEI_OFFSET_SECONDS
    }

    /// The Taipei wall-clock time at a Unix instant (e.g. `Date.now() / 1000`).
    pub fn from_unix_seconds(unix: i64) -> TaipeiDateTime {
        let local = unix + TAIPEI_OFFSET_SECONDS;
        let secs = local.rem_euclid(86_400);
        TaipeiDateTime {
            date: Date::from_days_since_epoch(local.div_euclid(86_400)),
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
            second: (secs % 60) as u8,
        }
    }

    /// ISO 8601 with the explicit offset, as the `data-as-of` hook requires.
    pub fn to_iso(self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}+08:00",
            self.date, self.hour, self.minute, self.second
        )
    }

    /// `YYYY-MM-DD HH:MM`, for people.
    pub fn to_display(self) -> String {
        format!("{} {:02}:{:02}", self.date, self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_iso_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse_iso("2020-02-29"), Date::new(2020, 2, 29));
        assert!(Date::parse_iso("2020-02-29").is_some());
        for bad in [
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-1-01",
            "20-01-01",
            "2020-01-01x",
            "",
            "２０２０-01-01",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn epoch_day_conversion_round_trips_and_matches_known_days() {
        // 1970-01-01 is day 0; 2020-02-06 (first day of the name-based rationing) is day 18298.
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2020, 2, 6).unwrap().days_since_epoch(), 18_298);
        for day in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days_since_epoch(day).days_since_epoch(), day);
        }
    }

    #[test]
    fn feed_timestamps_are_taipei_time() {
        // The kiang snapshot's stamp, 2021/02/28 18:23:26 in Taipei, is 10:23:26 UTC.
        let t = TaipeiDateTime::parse_feed("2021/02/28 18:23:26").unwrap();
        assert_eq!(t.to_iso(), "2021-02-28T18:23:26+08:00");
        assert_eq!(t.unix_seconds(), 1_614_507_806);
        assert_eq!(TaipeiDateTime::from_unix_seconds(t.unix_seconds()), t);
        assert_eq!(
            TaipeiDateTime::parse_feed("2021-02-28 18:23"),
            TaipeiDateTime::parse_feed("2021/02/28 18:23:00")
        );
        for bad in [
            "2021/02/28",
            "2021/02/28 24:00:00",
            "2021/02/30 10:00:00",
            "garbage",
            "2021/02/28 10:00:00:00",
        ] {
            assert_eq!(
                TaipeiDateTime::parse_feed(bad),
                None,
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn weekdays_of_known_days() {
        // 2020-02-06, the first day of name-based rationing, was a Thursday;
        // 2020-03-08 (a snapshot in ../shared/data) a Sunday.
        assert_eq!(Date::new(2020, 2, 6).unwrap().weekday(), 3);
        assert_eq!(Date::new(2020, 3, 8).unwrap().weekday(), 6);
        assert_eq!(Date::new(1970, 1, 5).unwrap().weekday(), 0);
    }

    #[test]
    fn a_utc_evening_is_already_tomorrow_in_taipei() {
        // 2020-02-05T16:00:00Z is 2020-02-06 00:00 in Taipei.
        let t = TaipeiDateTime::from_unix_seconds(
            Date::new(2020, 2, 5).unwrap().days_since_epoch() * 86_400 + 16 * 3600,
        );
        assert_eq!(t.date, Date::new(2020, 2, 6).unwrap());
        assert_eq!((t.hour, t.minute), (0, 0));
    }
}
