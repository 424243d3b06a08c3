//! The only code that touches the network: polls a feed politely and hands
//! each outcome to a callback; fetches small files (the rules) once.
//!
//! - Requests use `cache: no-cache`, so the browser revalidates with the
//!   server's own validators (`If-None-Match` / `If-Modified-Since`); an
//!   unchanged feed costs the server a 304 and us no parse. Setting those
//!   headers by hand would force a CORS preflight that most open-data servers
//!   don't answer.
//! - Failures back off exponentially, and at least as long as a server's
//!   `Retry-After` asks ([`super::refresh`]); polls pause while the page is
//!   hidden and run at once when it is shown again.
//! - A request is aborted when the next one starts, when a deadline passes
//!   (headers, a byte, the whole: [`super::refresh`]), and when the
//!   [`Poller`] is dropped.
//! - Data older than what is shown is not applied; when the network fails
//!   and nothing is shown yet, the copy saved on this device is.
//! - A poll's requests are sent the moment it starts: the first one as the
//!   app starts, before its interface is built, so that on a slow network
//!   the interface is built while the feed downloads (on a repeat visit,
//!   `public/boot.js` asks for the feed even sooner: [`boot`]). NHIA's mask
//!   CSV needs the registry too; both are then asked for at once and read as
//!   each arrives; [`super::placement`] decides when and how it is used.
//!
//! [`poller`] is the state machine, [`once`] one poll, [`http`] the
//! requests and their deadlines, [`stream`] the reading of a body as it
//! arrives, [`saved`] the copy of the data saved on this device.

mod boot;
mod http;
mod once;
mod poller;
mod saved;
mod stream;

pub use http::{confirm_read, get_bytes, was_blocked};
pub use poller::{Outcome, Poller, Source};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}
