//! Which data sources a link may name silently. A shared link can point
//! `feed`, `registry` or `rules` anywhere the page's policy allows, including
//! hosts that serve anyone's files; only the site's own sources are trusted,
//! and anything else is named on screen (and refused by a kiosk).
//!
//! The browser's URL parser (in the glue) resolves every address first, so
//! that `https://data.nhi.gov.tw@evil.example/` or `//evil.example/x` are
//! judged by the origin they really reach; the decision here is on its
//! results, exact strings only.

/// An address as the browser's URL parser resolved it against the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedUrl {
    /// The whole address, normalised (`URL.href`).
    pub href: String,
    /// `scheme://host[:port]`, or `null` for opaque ones (`URL.origin`).
    pub origin: String,
    /// The host with its port, if any (`URL.host`).
    pub host: String,
    /// `URL.pathname`.
    pub path: String,
}

/// What the page trusts: its own origin, the exact default addresses, and
/// the origins the static host lists in `<meta name="mask-map:trusted-origins">`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedSources {
    pub page_origin: String,
    /// Resolved `href`s of the default feed, registry and rules file.
    pub defaults: Vec<String>,
    /// Resolved origins from the meta tag.
    pub origins: Vec<String>,
}

impl TrustedSources {
    /// Whether `url` may be used without a word. An opaque origin (`null`)
    /// is never trusted, even if the page's own is one too.
    pub fn trusts(&self, url: &ResolvedUrl) -> bool {
        if url.origin == "null" || url.origin.is_empty() {
            return false;
        }
        url.origin == self.page_origin
            || self.origins.contains(&url.origin)
            || self.defaults.contains(&url.href)
    }
}

/// The origins listed in the trusted-origins meta, space-separated.
pub fn listed_origins(content: &str) -> impl Iterator<Item = &str> {
    content.split_whitespace()
}

/// Which of the link's sources a notice or a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Feed,
    Registry,
    Rules,
}

impl SourceKind {
    /// The URL parameter that names it.
    pub fn param(self) -> &'static str {
        match self {
            SourceKind::Feed => "feed",
            SourceKind::Registry => "registry",
            SourceKind::Rules => "rules",
        }
    }
}

/// A source the page does not trust, as the notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignSource {
    pub kind: SourceKind,
    /// `URL.host`: `raw.githubusercontent.com`, `127.0.0.1:8080`.
    pub host: String,
    /// The host and the path's first part: `raw.githubusercontent.com/someone/…`.
    pub label: String,
}

impl ForeignSource {
    pub fn new(kind: SourceKind, url: &ResolvedUrl) -> ForeignSource {
        ForeignSource {
            kind,
            host: url.host.clone(),
            label: short_label(url),
        }
    }
}

/// The host, then the path's first segment (on a shared host, the account),
/// then `…` if there is more: enough to see whose file it is.
fn short_label(url: &ResolvedUrl) -> String {
    let mut segments = url.path.split('/').filter(|s| !s.is_empty());
    match (segments.next(), segments.next()) {
        (None, _) => url.host.clone(),
        (Some(first), None) => format!("{}/{first}", url.host),
        (Some(first), Some(_)) => format!("{}/{first}/…", url.host),
    }
}

/// Which source a request the Content-Security-Policy refused belongs to:
/// `blocked` is the URL the browser reports, the whole address or (for some
/// cross-origin requests) only its origin. An exact address wins over an
/// origin, so two sources on one host are told apart when they can be.
pub fn blocked_source(blocked: &str, sources: &[(SourceKind, ResolvedUrl)]) -> Option<SourceKind> {
    let blocked = blocked.trim_end_matches('/');
    if blocked.is_empty() {
        return None;
    }
    let exact = sources
        .iter()
        .find(|(_, url)| url.href.trim_end_matches('/') == blocked);
    exact
        .or_else(|| sources.iter().find(|(_, url)| url.origin == blocked))
        .map(|(kind, _)| *kind)
}
