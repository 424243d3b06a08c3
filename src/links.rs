//! Links out of the app for a pharmacy: directions in three map apps and a
//! `tel:` href. Pure; the values are URL-encoded here, so feed text can
//! never change a link's scheme or host.

use crate::coords::{degrees_text, LatLng};

/// Directions to `to` (or, without coordinates, to the address) in Google
/// Maps, Apple Maps and OpenStreetMap, as (name, URL).
pub fn directions(to: Option<LatLng>, address: &str) -> [(&'static str, String); 3] {
    let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    match to {
        Some(at) => {
            // As the feed wrote them (7 decimals: 1 cm).
            let (lat, lng) = (degrees_text(at.lat), degrees_text(at.lng));
            [
                ("Google Maps", format!("https://www.google.com/maps/dir/?api=1&destination={lat},{lng}")),
                ("Apple Maps", format!("https://maps.apple.com/?daddr={lat},{lng}")),
                ("OpenStreetMap", format!("https://www.openstreetmap.org/directions?to={lat}%2C{lng}#map=18/{lat}/{lng}")),
            ]
        }
        None => {
            let address = encode(address);
            [
                (
                    "Google Maps",
                    format!("https://www.google.com/maps/dir/?api=1&destination={address}"),
                ),
                (
                    "Apple Maps",
                    format!("https://maps.apple.com/?daddr={address}"),
                ),
                (
                    "OpenStreetMap",
                    format!("https://www.openstreetmap.org/search?query={address}"),
                ),
            ]
        }
    }
}

/// A `tel:` href from a phone as feeds write it (`(03)8358141`, `02-2345 6789`):
/// digits only, with a leading `+` kept. `None` if no digits remain.
pub fn tel_href(phone: &str) -> Option<String> {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| format!("tel:{}{digits}", if plus { "+" } else { "" }))
}

/// The `<iframe>` a news site pastes to embed the map at `src`.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"600\" height=\"450\" style=\"border:0\" loading=\"lazy\" allow=\"geolocation\"></iframe>",
        escape_attribute(src),
        escape_attribute(title)
    )
}

fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iframe_snippet_escapes_its_attributes() {
        let snippet = iframe_snippet(
            "https://example.org/?mode=embed&county=%E8%87%BA%E5%8C%97%E5%B8%82\"><script>",
            "Mask Map",
        );
        assert!(snippet.starts_with("<iframe src=\"https://example.org/?mode=embed&amp;county="));
        assert!(snippet.contains("&quot;&gt;&lt;script&gt;\""));
        assert!(!snippet.contains("<script>"));
        assert!(snippet.ends_with("></iframe>"));
    }

    #[test]
    fn phone_numbers_as_feeds_write_them_become_tel_links() {
        // Formats seen in the NHIA maskdata.csv (SOURCES.md).
        assert_eq!(tel_href("(03)8358141").as_deref(), Some("tel:038358141"));
        assert_eq!(tel_href("8358141").as_deref(), Some("tel:8358141"));
        assert_eq!(
            tel_href("+886 2 2345 6789").as_deref(),
            Some("tel:+886223456789")
        );
        assert_eq!(tel_href("javascript:alert(1)"), Some("tel:1".into()));
        assert_eq!(tel_href("無"), None);
    }

    #[test]
    fn directions_go_to_the_point_or_else_the_encoded_address() {
        let [google, apple, osm] = directions(LatLng::new(23.975465, 121.604473), "");
        assert_eq!(
            google.1,
            "https://www.google.com/maps/dir/?api=1&destination=23.975465,121.604473"
        );
        assert_eq!(
            apple.1,
            "https://maps.apple.com/?daddr=23.975465,121.604473"
        );
        assert!(osm
            .1
            .starts_with("https://www.openstreetmap.org/directions?to=23.975465%2C121.604473"));
        let [google, ..] = directions(None, "花蓮縣花蓮市中正路４４３號&x=<y>");
        assert!(google
            .1
            .starts_with("https://www.google.com/maps/dir/?api=1&destination=%E8%8A%B1"));
        assert!(!google.1.contains('<') && !google.1.contains("&x="));
    }
}
