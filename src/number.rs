//! Decimal numbers in and out: coordinates, distances and link parameters.
//!
//! Why not `str::parse::<f64>` and `format!("{:.1}")`: core's float reading
//! and writing carry tables and algorithms for every possible double (about
//! 25 KB of the wasm, measured for issue 8's size budget), and what this app
//! reads and writes is short decimals. Up to 15 significant digits with a
//! small exponent (every number in the real feeds has at most 10), reading is
//! exact, the same double as `str::parse` (Clinger's fast path); beyond that
//! it is within a few units in the last place. tests/number.rs compares both
//! with core's on the real data and on random decimals.

/// 10^0 … 10^22: every one exact in a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (either side of the point
/// may be empty, not both); anything else, "inf" and "NaN" included, is `None`.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut at = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    // The digits as an integer (the first 19; later ones only scale it).
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut any_digit = false;
    let mut after_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                any_digit = true;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                    exponent -= i64::from(after_point);
                } else {
                    exponent += i64::from(!after_point);
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        at += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let sign = match bytes.get(at) {
            Some(b'-') => -1,
            Some(b'+') => 1,
            _ => 0,
        };
        at += usize::from(sign != 0);
        let digits = bytes.get(at..).unwrap_or_default();
        let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        // Capped, so that it cannot overflow: an exponent this large gives 0
        // or infinity for any number a feed or a link would carry.
        let written = digits[..len]
            .iter()
            .fold(0i64, |n, &d| (n * 10 + i64::from(d - b'0')).min(1_000_000));
        exponent += if sign < 0 { -written } else { written };
        at += len;
    }
    if at != bytes.len() {
        return None;
    }
    let value = scale(mantissa, exponent);
    Some(if negative { -value } else { value })
}

fn scale(mantissa: u64, exponent: i64) -> f64 {
    let m = mantissa as f64;
    if mantissa == 0 {
        return 0.0;
    }
    match usize::try_from(exponent.unsigned_abs()) {
        // Both exact, so the one division or product rounds once: exact.
        Ok(e) if mantissa < 1 << 53 && e < POW10.len() => {
            if exponent < 0 {
                m / POW10[e]
            } else {
                m * POW10[e]
            }
        }
        _ => {
            // Rare (no real feed has one): scaled in steps of 10^22.
            let mut value = m;
            let mut left = exponent.clamp(-400, 400);
            while left != 0 {
                let step = left.clamp(-22, 22);
                let p = POW10[step.unsigned_abs() as usize];
                value = if step < 0 { value / p } else { value * p };
                left -= step;
            }
            value
        }
    }
}

/// `x` with `decimals` (at most 9) digits after the point, as
/// `format!("{x:.N}")` writes it (a tie may round the other way), for
/// |x| below 1.8e10: any distance in metres or coordinate.
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x < 0.0 {
            "-inf"
        } else {
            "inf"
        }
        .to_owned();
    }
    let decimals = decimals.min(9);
    let scaled = (x.abs() * POW10[decimals]).round();
    // As core writes it: -0.04 at one decimal is "-0.0".
    let sign = if x.is_sign_negative() { "-" } else { "" };
    // Saturates at 1.8e19 units of the last decimal.
    let scaled = scaled as u64;
    let unit = 10u64.pow(decimals as u32);
    let (whole, part) = (scaled / unit, scaled % unit);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0decimals$}")
    }
}

/// [`fixed`] without trailing zeros (nor a trailing point): 121.5 for
/// 121.5 at 7 decimals.
pub fn trimmed(x: f64, decimals: usize) -> String {
    let mut text = fixed(x, decimals);
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    text
}
