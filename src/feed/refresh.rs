//! When to ask the feed server again: a polite schedule for a server that
//! 80+ apps polled at once in 2020. Pure; `fetch/poller.rs` carries it out.

/// Default seconds between polls (the live NHIA feeds updated every 30 s).
pub const DEFAULT_INTERVAL_SECONDS: u32 = 60;
/// Failures back off exponentially up to this.
pub const MAX_BACKOFF_SECONDS: u32 = 15 * 60;
/// A request still unanswered after this is given up as a timeout.
pub const REQUEST_TIMEOUT_SECONDS: u32 = 20;
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
}
