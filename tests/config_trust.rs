//! Which sources a link may name silently (`config::trust`). Each address is
//! given as the browser's URL parser resolves it against the page
//! (`new URL(value, location.href)`: href, origin, host, pathname), which is
//! what the app's glue hands the decision; the hostile ones are those an
//! attacker would put in a shared link.

use mask_map::config::trust::{
    blocked_source, ForeignSource, ResolvedUrl, SourceKind, TrustedSources,
};
use mask_map::config::PUBLIC_FEED;

fn url(href: &str, origin: &str, host: &str, path: &str) -> ResolvedUrl {
    ResolvedUrl {
        href: href.into(),
        origin: origin.into(),
        host: host.into(),
        path: path.into(),
    }
}

/// A deployment on maskmap.example whose default feed is kiang's public
/// points.json (index.html's meta) and which lists NHIA's origin.
fn deployment() -> TrustedSources {
    TrustedSources {
        page_origin: "https://maskmap.example".into(),
        defaults: vec![
            PUBLIC_FEED.into(),
            "https://maskmap.example/rules.json".into(),
        ],
        origins: vec!["https://data.nhi.gov.tw".into()],
    }
}

#[test]
fn the_page_its_defaults_and_listed_origins_are_trusted() {
    let trusted = deployment();
    let own = url(
        "https://maskmap.example/data/maskdata.csv",
        "https://maskmap.example",
        "maskmap.example",
        "/data/maskdata.csv",
    );
    let nhia = url(
        "https://data.nhi.gov.tw/resource/mask/maskdata.csv",
        "https://data.nhi.gov.tw",
        "data.nhi.gov.tw",
        "/resource/mask/maskdata.csv",
    );
    let default = url(
        PUBLIC_FEED,
        "https://raw.githubusercontent.com",
        "raw.githubusercontent.com",
        "/kiang/pharmacies/master/json/points.json",
    );
    for source in [own, nhia, default] {
        assert!(trusted.trusts(&source), "{source:?}");
    }
}

#[test]
fn hostile_addresses_are_judged_by_where_they_really_lead() {
    let trusted = deployment();
    let hostile = [
        // Userinfo that looks like NHIA's host; the host is evil.example.
        url(
            "https://data.nhi.gov.tw@evil.example/",
            "https://evil.example",
            "evil.example",
            "/",
        ),
        // Protocol-relative: another host on the page's scheme.
        url(
            "https://evil.example/x",
            "https://evil.example",
            "evil.example",
            "/x",
        ),
        // NHIA's host on another port, or over plain http.
        url(
            "https://data.nhi.gov.tw:8443/maskdata.csv",
            "https://data.nhi.gov.tw:8443",
            "data.nhi.gov.tw:8443",
            "/maskdata.csv",
        ),
        url(
            "http://data.nhi.gov.tw/maskdata.csv",
            "http://data.nhi.gov.tw",
            "data.nhi.gov.tw",
            "/maskdata.csv",
        ),
        // The page's host over http.
        url(
            "http://maskmap.example/rules.json",
            "http://maskmap.example",
            "maskmap.example",
            "/rules.json",
        ),
        // The default's host, someone else's file on it.
        url(
            "https://raw.githubusercontent.com/someone/fake/main/points.json",
            "https://raw.githubusercontent.com",
            "raw.githubusercontent.com",
            "/someone/fake/main/points.json",
        ),
        // The default's own path with a query: not the default address.
        url(
            &format!("{PUBLIC_FEED}?x=1"),
            "https://raw.githubusercontent.com",
            "raw.githubusercontent.com",
            "/kiang/pharmacies/master/json/points.json",
        ),
        // An opaque origin never matches, even a page's own opaque one.
        url("data:text/csv,x", "null", "", "text/csv,x"),
    ];
    for source in &hostile {
        assert!(!trusted.trusts(source), "{source:?}");
    }
    let opaque_page = TrustedSources {
        page_origin: "null".into(),
        ..TrustedSources::default()
    };
    assert!(!opaque_page.trusts(&hostile[7]));
}

#[test]
fn a_foreign_source_is_named_by_host_and_first_path_segment() {
    let someone = url(
        "https://raw.githubusercontent.com/someone/fake/main/points.json",
        "https://raw.githubusercontent.com",
        "raw.githubusercontent.com",
        "/someone/fake/main/points.json",
    );
    let notice = ForeignSource::new(SourceKind::Feed, &someone);
    assert_eq!(notice.host, "raw.githubusercontent.com");
    assert_eq!(notice.label, "raw.githubusercontent.com/someone/…");
    let local = url(
        "http://127.0.0.1:9000/feed",
        "http://127.0.0.1:9000",
        "127.0.0.1:9000",
        "/feed",
    );
    assert_eq!(
        ForeignSource::new(SourceKind::Rules, &local).label,
        "127.0.0.1:9000/feed"
    );
    let root = url(
        "https://evil.example/",
        "https://evil.example",
        "evil.example",
        "/",
    );
    assert_eq!(
        ForeignSource::new(SourceKind::Registry, &root).label,
        "evil.example"
    );
}

#[test]
fn a_blocked_request_is_traced_to_its_source() {
    let feed = url(
        "https://blocked.example/feed.csv",
        "https://blocked.example",
        "blocked.example",
        "/feed.csv",
    );
    let registry = url(
        "https://blocked.example/registry.json",
        "https://blocked.example",
        "blocked.example",
        "/registry.json",
    );
    let rules = url(
        "https://maskmap.example/rules.json",
        "https://maskmap.example",
        "maskmap.example",
        "/rules.json",
    );
    let sources = [
        (SourceKind::Feed, feed),
        (SourceKind::Registry, registry),
        (SourceKind::Rules, rules),
    ];
    assert_eq!(
        blocked_source("https://blocked.example/registry.json", &sources),
        Some(SourceKind::Registry)
    );
    // Reported by origin only: the first source on it.
    assert_eq!(
        blocked_source("https://blocked.example", &sources),
        Some(SourceKind::Feed)
    );
    assert_eq!(
        blocked_source("https://tile.example/1/2/3.png", &sources),
        None
    );
    assert_eq!(blocked_source("", &sources), None);
}
