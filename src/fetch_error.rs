//! Why a file could not be fetched: plain data, shared by the feed and the
//! rules file, so that neither depends on the other for it. Only
//! `feed::fetch` (browser builds) produces these.

/// A GET that gave no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all: offline, DNS, CORS.
    Network,
    /// No answer within the request timeout (`feed::refresh`).
    Timeout,
    /// The server answered with a non-success status.
    Http { status: u16 },
}
