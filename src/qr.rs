//! QR codes as one SVG path, for a kiosk's directions: a visitor scans the
//! link with their own phone instead of the kiosk following it.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white border on each side, as the QR specification asks.
pub const QUIET_ZONE: u32 = 4;

/// A code ready to draw: `<svg viewBox="0 0 size size"><path d=path/></svg>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    /// Width and height in modules, quiet zone included.
    pub size: u32,
    /// One unit square per dark module, offset by the quiet zone.
    pub path: String,
}

/// The code for `text` at error-correction level M (survives a scuffed or
/// glare-struck screen); `None` if the text is too long for any QR version.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width, i / width);
            path.push_str(&format!(
                "M{} {}h1v1h-1z",
                x as u32 + QUIET_ZONE,
                y as u32 + QUIET_ZONE
            ));
        }
    }
    Some(QrPath {
        size: width as u32 + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules a path draws, as (x, y) without the quiet zone.
    fn modules(path: &str) -> Vec<(u32, u32)> {
        path.split('M')
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut xy = s.trim_end_matches("h1v1h-1z").split(' ');
                let x = u32::from_str_radix(xy.next().unwrap(), 10).unwrap();
                let y = u32::from_str_radix(xy.next().unwrap(), 10).unwrap();
                (x - QUIET_ZONE, y - QUIET_ZONE)
            })
            .collect()
    }

    #[test]
    fn a_directions_link_has_three_finder_patterns_and_a_clear_border() {
        // Directions by address, the longest kind of link the app makes.
        let [(_, url), ..] = crate::links::directions(None, "臺北市中正區忠孝西路1段6號");
        let qr = qr_path(&url).unwrap();
        let width = qr.size - 2 * QUIET_ZONE;
        // Versions run from 21 to 177 modules, in steps of 4.
        assert!(
            (21..=177).contains(&width) && (width - 21) % 4 == 0,
            "{width}"
        );
        let dark = modules(&qr.path);
        assert!(dark.iter().all(|&(x, y)| x < width && y < width));
        // A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 core.
        let finder = |ox: u32, oy: u32| {
            (0..7).all(|dy| {
                (0..7).all(|dx| {
                    let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                    let core = (2..=4).contains(&dx) && (2..=4).contains(&dy);
                    dark.contains(&(ox + dx, oy + dy)) == (ring || core)
                })
            })
        };
        assert!(finder(0, 0) && finder(width - 7, 0) && finder(0, width - 7));
        assert!(!finder(width - 7, width - 7), "only three corners have one");
    }

    #[test]
    fn longer_text_needs_a_bigger_code_and_too_long_text_none() {
        let short = qr_path("https://maps.google.com/").unwrap();
        let long = qr_path(&format!("https://maps.google.com/?q={}", "臺".repeat(60))).unwrap();
        assert!(long.size > short.size);
        assert_eq!(qr_path(&"x".repeat(5000)), None);
    }
}
