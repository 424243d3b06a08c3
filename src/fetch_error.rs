//! Why a file could not be fetched: plain data, shared by the feed and the
//! rules file, so that neither depends on the other for it. Only
//! `feed::fetch` (browser builds) produces these.

/// A GET that gave no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all while the device is online: DNS, CORS, a dropped
    /// connection, a body that broke off.
    Network,
    /// No answer because the device is offline (`navigator.onLine` false, or
    /// the service worker said so). Only this one may be called "offline".
    Offline,
    /// No answer within a deadline (`feed::refresh`).
    Timeout,
    /// The server answered with a non-success status.
    Http { status: u16 },
    /// The page's Content-Security-Policy refused the request.
    Blocked,
}
