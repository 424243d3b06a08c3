//! When to ask the feed server again: a polite schedule for a server that
//! 80+ apps polled at once in 2020, the deadlines of one request, and which
//! answers are applied. Pure; `fetch/poller.rs` carries it out.

use crate::fetch_error::FetchError;
use crate::time::TaipeiDateTime;

/// Default seconds between polls (the live NHIA feeds updated every 30 s).
pub const DEFAULT_INTERVAL_SECONDS: u32 = 60;
/// Failures back off exponentially up to this.
pub const MAX_BACKOFF_SECONDS: u32 = 15 * 60;
/// A request still unfinished (its body included) after this is given up as
/// a timeout.
pub const REQUEST_TIMEOUT_SECONDS: u32 = 20;
/// A request whose headers have not arrived after this, or whose body has
/// sent no byte for this long, is given up as a timeout: a hung server is
/// noticed in half the time of the whole deadline (public/sw.js uses the
/// same figures).
pub const STALL_TIMEOUT_SECONDS: u32 = 10;
/// A server's `Retry-After` is obeyed up to this: a typo of a year must not
/// stop the map for good.
pub const MAX_RETRY_AFTER_SECONDS: u32 = 60 * 60;
/// ± this share of the delay is random, so clients don't poll in lockstep.
const JITTER: f64 = 0.1;

/// Milliseconds to wait before the next poll, after `failures` failures in a
/// row (0 after a success). `random01` is a uniform random number in [0, 1).
pub fn next_delay_ms(interval_seconds: u32, failures: u32, random01: f64) -> u32 {
    let interval = f64::from(interval_seconds.max(1));
    let cap = f64::from(MAX_BACKOFF_SECONDS).max(interval);
    let backoff = (interval * 2f64.powi(failures.min(20) as i32)).min(cap);
    let jitter = 1.0 - JITTER + 2.0 * JITTER * random01.clamp(0.0, 1.0);
    (backoff * jitter * 1000.0).round() as u32
}

/// The seconds a `Retry-After` header asks for (RFC 9110: a count of
/// seconds, or an HTTP date), at most [`MAX_RETRY_AFTER_SECONDS`]. A date is
/// read by `date_ms` (the browser's `Date.parse`) and counted from `now_ms`;
/// one in the past asks for no wait. `None` for a value that is neither.
pub fn retry_after_seconds(
    value: &str,
    now_ms: f64,
    date_ms: impl Fn(&str) -> Option<f64>,
) -> Option<u32> {
    let value = value.trim();
    let seconds = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u32 is far beyond the cap anyway.
        u32::from_str_radix(value, 10).unwrap_or(u32::MAX)
    } else {
        let at = date_ms(value).filter(|ms| ms.is_finite())?;
        ((at - now_ms) / 1000.0)
            .ceil()
            .clamp(0.0, f64::from(u32::MAX)) as u32
    };
    Some(seconds.min(MAX_RETRY_AFTER_SECONDS))
}

/// The next poll's delay: the schedule's, unless the server asked for a
/// longer wait.
pub fn delay_with_retry_after(delay_ms: u32, retry_after_seconds: Option<u32>) -> u32 {
    let asked = retry_after_seconds.map_or(0, |s| s.saturating_mul(1000));
    delay_ms.max(asked)
}

/// Why the service worker answered with its saved copy, from its header
/// `x-mask-map-saved-copy` (public/sw.js): `offline`, `network`, `timeout`
/// or the failed answer's status. An unknown value is still a saved copy.
pub fn saved_copy_reason(header: &str) -> FetchError {
    match header.trim() {
        "offline" => FetchError::Offline,
        "timeout" => FetchError::Timeout,
        status => match u16::from_str_radix(status, 10) {
            Ok(status) => FetchError::Http { status },
            Err(_) => FetchError::Network,
        },
    }
}

/// Whether data of `arrived` is older than the data of `shown`, and so must
/// not replace it (a lagging mirror or CDN node): time only goes forward.
/// Data without a time can't be judged, and is not refused.
pub fn is_older(arrived: Option<TaipeiDateTime>, shown: Option<TaipeiDateTime>) -> bool {
    matches!((arrived, shown), (Some(arrived), Some(shown)) if arrived < shown)
}

/// Why the data shown is this device's saved copy rather than the
/// network's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedCopy {
    /// The network's answer failed this way.
    Failed(FetchError),
    /// The network's answer was data of this time, older than the copy
    /// saved here (a lagging mirror met on a reload): time only goes forward.
    ServerSentOlder(TaipeiDateTime),
}

/// What to do with a poll's data, given the time of the data shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Show it.
    Apply,
    /// Older than what is shown (a lagging mirror): keep what is shown,
    /// and say so. Its time.
    RefuseOlder(TaipeiDateTime),
    /// The device's saved copy, older than what is shown: all it means is
    /// that the network failed this way.
    NetworkFailed(FetchError),
}

/// Time only goes forward: data of `arrived` replaces data of `shown` only
/// if it is not older ([`is_older`]). `saved_copy`: why the data is the
/// device's saved copy, if it is.
pub fn judge_arrival(
    arrived: Option<TaipeiDateTime>,
    shown: Option<TaipeiDateTime>,
    saved_copy: Option<SavedCopy>,
) -> Arrival {
    match (arrived, saved_copy) {
        (Some(_), Some(SavedCopy::Failed(error))) if is_older(arrived, shown) => {
            Arrival::NetworkFailed(error)
        }
        (Some(_), Some(SavedCopy::ServerSentOlder(as_of))) if is_older(arrived, shown) => {
            Arrival::RefuseOlder(as_of)
        }
        (Some(as_of), None) if is_older(arrived, shown) => Arrival::RefuseOlder(as_of),
        _ => Arrival::Apply,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_on_the_interval_with_ten_percent_jitter() {
        assert_eq!(next_delay_ms(60, 0, 0.5), 60_000);
        assert_eq!(next_delay_ms(60, 0, 0.0), 54_000);
        assert_eq!(next_delay_ms(60, 0, 1.0), 66_000);
    }

    #[test]
    fn failures_back_off_exponentially_up_to_fifteen_minutes() {
        let delays: Vec<u32> = (0..8).map(|f| next_delay_ms(60, f, 0.5) / 1000).collect();
        assert_eq!(delays, [60, 120, 240, 480, 900, 900, 900, 900]);
        assert_eq!(next_delay_ms(60, u32::MAX, 0.5), 900_000);
        // An interval longer than the cap is never shortened by failing.
        assert_eq!(next_delay_ms(3600, 3, 0.5), 3_600_000);
    }

    fn no_date(_: &str) -> Option<f64> {
        None
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(retry_after_seconds("120", 0.0, no_date), Some(120));
        assert_eq!(retry_after_seconds(" 0 ", 0.0, no_date), Some(0));
        // Capped at an hour, however large.
        assert_eq!(retry_after_seconds("86400", 0.0, no_date), Some(3600));
        assert_eq!(
            retry_after_seconds("99999999999999999999", 0.0, no_date),
            Some(3600)
        );
    }

    #[test]
    fn retry_after_as_a_date_counts_from_now() {
        // The RFC's example date, as Date.parse reads it.
        let date = "Wed, 21 Oct 2015 07:28:00 GMT";
        let at = 1_445_412_480_000.0;
        let parse = |s: &str| (s == date).then_some(at);
        assert_eq!(retry_after_seconds(date, at - 90_000.0, parse), Some(90));
        // Part of a second still waits that second.
        assert_eq!(retry_after_seconds(date, at - 89_500.0, parse), Some(90));
        // A date passed asks for no wait; a day away is capped.
        assert_eq!(retry_after_seconds(date, at + 5_000.0, parse), Some(0));
        assert_eq!(
            retry_after_seconds(date, at - 86_400_000.0, parse),
            Some(3600)
        );
    }

    #[test]
    fn retry_after_that_is_neither_is_ignored() {
        assert_eq!(retry_after_seconds("", 0.0, no_date), None);
        assert_eq!(retry_after_seconds("-5", 0.0, no_date), None);
        assert_eq!(retry_after_seconds("soon", 0.0, no_date), None);
        assert_eq!(retry_after_seconds("soon", 0.0, |_| Some(f64::NAN)), None);
    }

    #[test]
    fn the_server_may_only_lengthen_the_wait() {
        assert_eq!(delay_with_retry_after(60_000, Some(120)), 120_000);
        assert_eq!(delay_with_retry_after(60_000, Some(5)), 60_000);
        assert_eq!(delay_with_retry_after(60_000, None), 60_000);
    }

    #[test]
    fn saved_copy_reasons_from_the_worker() {
        assert_eq!(saved_copy_reason("offline"), FetchError::Offline);
        assert_eq!(saved_copy_reason("timeout"), FetchError::Timeout);
        assert_eq!(saved_copy_reason("network"), FetchError::Network);
        assert_eq!(saved_copy_reason("503"), FetchError::Http { status: 503 });
        assert_eq!(saved_copy_reason("1"), FetchError::Http { status: 1 });
        assert_eq!(saved_copy_reason("??"), FetchError::Network);
    }
}
