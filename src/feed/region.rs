//! County (縣/市) and town (鄉/鎮/市/區) from a Taiwanese address, for feeds
//! that do not give them.

/// The 22 counties and special municipalities, written with 臺 as the
/// government writes them.
pub const COUNTIES: [&str; 22] = [
    "臺北市",
    "新北市",
    "桃園市",
    "臺中市",
    "臺南市",
    "高雄市",
    "基隆市",
    "新竹市",
    "嘉義市",
    "新竹縣",
    "苗栗縣",
    "彰化縣",
    "南投縣",
    "雲林縣",
    "嘉義縣",
    "屏東縣",
    "宜蘭縣",
    "花蓮縣",
    "臺東縣",
    "澎湖縣",
    "金門縣",
    "連江縣",
];

/// Counties merged into municipalities in 2010 and 2014; old addresses keep them.
const MERGED: [(&str, &str); 5] = [
    ("臺北縣", "新北市"),
    ("桃園縣", "桃園市"),
    ("臺中縣", "臺中市"),
    ("臺南縣", "臺南市"),
    ("高雄縣", "高雄市"),
];

/// The longest town name (e.g. 三地門鄉, 那瑪夏區) in characters.
const MAX_TOWN_CHARS: usize = 4;

/// 台 and 臺 are the same character to a reader; the registry writes 臺.
pub fn normalise_tai(s: &str) -> String {
    s.trim().replace('台', "臺")
}

/// `(county, town)` read from the start of `address`; either may be unknown.
/// A leading postal code is skipped. Allocates only the town it returns:
/// this runs once per row of every feed.
pub fn county_town(address: &str) -> (Option<&'static str>, Option<String>) {
    let rest = address.trim_start_matches(|c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || c.is_whitespace()
    });
    let Some((written, county)) = county_prefix(rest) else {
        return (None, None);
    };
    // Towns of a 市 are 區; towns of a 縣 are 鄉, 鎮 or 市. Knowing which keeps
    // 臺南市新市區 from being read as 新市.
    let town_ends: &[char] = if written.ends_with('市') {
        &['區']
    } else {
        &['鄉', '鎮', '市']
    };
    let after = &rest[written.len()..];
    let town = after
        .char_indices()
        .take(MAX_TOWN_CHARS)
        .skip(1)
        .find(|(_, c)| town_ends.contains(c))
        .map(|(at, c)| normalise_tai(&after[..at + c.len_utf8()]));
    (Some(county), town)
}

/// The county `s` starts with, as written there and as written today.
fn county_prefix(s: &str) -> Option<(&str, &'static str)> {
    let first = s.chars().next()?;
    // Every county name is three 3-byte characters.
    let written = s.get(..9)?;
    let tail = &written[first.len_utf8()..];
    let first = if first == '台' { '臺' } else { first };
    let matches = |name: &str| name.starts_with(first) && name.ends_with(tail) && name.len() == 9;
    let canonical = COUNTIES.into_iter().find(|c| matches(c)).or_else(|| {
        MERGED
            .iter()
            .find(|(old, _)| matches(old))
            .map(|(_, new)| *new)
    })?;
    Some((written, canonical))
}

/// A county name as written today, if `name` is one (old names mapped).
pub fn canonical_county(name: &str) -> Option<&'static str> {
    let name = name.trim();
    county_prefix(name)
        .filter(|(written, _)| written.len() == name.len())
        .map(|(_, canonical)| canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `county/town`, `?` for unknown.
    fn pair(address: &str) -> String {
        let (county, town) = county_town(address);
        format!(
            "{}/{}",
            county.unwrap_or("?"),
            town.as_deref().unwrap_or("?")
        )
    }

    #[test]
    fn reads_county_and_town_from_real_addresses() {
        // Addresses as they stand in the NHIA feeds.
        assert_eq!(pair("花蓮縣豐濱鄉豐濱村光豐路４１號"), "花蓮縣/豐濱鄉");
        assert_eq!(pair("新北市坪林區坪林街１０４號"), "新北市/坪林區");
        assert_eq!(pair("台中市西屯區台灣大道三段"), "臺中市/西屯區");
        assert_eq!(pair("嘉義市東區忠孝路"), "嘉義市/東區");
        assert_eq!(pair("臺南市新市區新和里民生路５７號"), "臺南市/新市區");
        assert_eq!(pair("彰化縣員林市中山路"), "彰化縣/員林市");
        assert_eq!(pair("屏東縣三地門鄉三地村"), "屏東縣/三地門鄉");
        assert_eq!(pair("100臺北市中正區"), "臺北市/中正區");
        assert_eq!(pair("臺北縣板橋市文化路"), "新北市/板橋市");
    }

    #[test]
    fn unknown_when_the_address_does_not_start_with_a_county() {
        assert_eq!(pair("中正區重慶南路"), "?/?");
        assert_eq!(pair(""), "?/?");
        assert_eq!(pair("花蓮縣"), "花蓮縣/?");
        assert_eq!(pair("花蓮縣光復路12號"), "花蓮縣/?");
        assert_eq!(pair("12"), "?/?");
        assert_eq!(canonical_county("台東縣"), Some("臺東縣"));
        assert_eq!(canonical_county("臺北縣"), Some("新北市"));
        assert_eq!(canonical_county("臺北市區"), None);
    }
}
