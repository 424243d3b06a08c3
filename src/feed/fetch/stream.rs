//! Reading a body as it arrives: the feed parsed while it downloads, the
//! registry in slices, with task boundaries so the page keeps drawing.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use gloo_net::http::Response;
use web_sys::AbortController;

use super::http::{confirm_read, receive, whole_body, Body, Deadline, Got};
use super::saved::saved_answer;
use crate::feed::{FeedError, Inventory, LoadError, Registry, RegistryParse, StreamingParse};
use crate::fetch_error::FetchError;

/// A feed read: the inventory, its validator, and why it is the worker's
/// saved copy if it is one.
pub(super) type Read = (Inventory, Option<String>, Option<FetchError>);

/// The feed's answer, parsed as it arrives (with the sold-out pharmacies
/// `previous` knew, where the feed leaves them out); `None` if it has not
/// changed. A `Retry-After` it carries goes to `retry_after`.
pub(super) async fn read_feed(
    url: &str,
    request: js_sys::Promise,
    controller: Option<&AbortController>,
    validator: Option<String>,
    previous: Option<&Arc<Inventory>>,
    retry_after: &Cell<Option<u32>>,
) -> Result<Option<Read>, LoadError> {
    let deadline = Deadline::start(controller);
    let read = async {
        let (response, new_validator, saved_copy) =
            match receive(request, &deadline, retry_after).await? {
                Got::NotModified => return Ok(None),
                Got::Body {
                    response,
                    validator: v,
                    saved_copy: None,
                } if v.is_some() && v == validator => {
                    if let Some(body) = response.body() {
                        let _ = body.cancel();
                    }
                    return Ok(None);
                }
                Got::Body {
                    response,
                    validator,
                    saved_copy,
                } => (response, validator, saved_copy),
            };
        let parsed = parse_as_it_arrives(&response, &deadline).await?;
        Ok(Some((parsed, new_validator, saved_copy)))
    };
    let result = read.await;
    let Some((parsed, new_validator, saved_copy)) = deadline.judge(url, result).await? else {
        return Ok(None);
    };
    // Confirmed to the worker by the poller, once it is shown: an answer
    // older than the data on screen must not become the fallback.
    let mut inventory = parsed.map_err(LoadError::Feed)?;
    crate::timers::mark("feed-parsed");
    crate::timers::next_task().await;
    if let Some(previous) = previous {
        inventory.keep_sold_out_from(previous);
    }
    Ok(Some((inventory, new_validator, saved_copy)))
}

/// The copy of the feed at `url` saved on this device, read: the data to
/// show when the network failed, or sent older data than this.
pub(super) async fn read_saved_feed(url: &str) -> Option<Inventory> {
    let response = saved_answer(url).await?;
    let deadline = Deadline::start(None);
    parse_as_it_arrives(&response, &deadline).await.ok()?.ok()
}

/// The longest stretch of parsing in one task: a refresh of a large feed
/// must not hold the main thread (a frame is 16 ms; at 4x CPU slowdown this
/// is still well under the 50 ms that users notice).
const PARSE_SLICE_MS: f64 = 8.0;
/// Rows read between looks at the clock.
const PARSE_ROWS_PER_LOOK: usize = 200;

/// Calls `step` until it returns false, with a task boundary whenever
/// [`PARSE_SLICE_MS`] have passed.
async fn in_slices(mut step: impl FnMut() -> bool) {
    let mut started = js_sys::Date::now();
    while step() {
        if js_sys::Date::now() - started >= PARSE_SLICE_MS {
            crate::timers::next_task().await;
            started = js_sys::Date::now();
        }
    }
}

/// [`crate::feed::parse`] of the response's body, read record by record while it
/// downloads (a CSV; other formats whole at the end), in slices of at most
/// [`PARSE_SLICE_MS`] with a task boundary between them. The outer error is
/// the network's, the inner one the feed's.
async fn parse_as_it_arrives(
    response: &Response,
    deadline: &Deadline,
) -> Result<Result<Inventory, FeedError>, FetchError> {
    let mut parse = StreamingParse::new();
    let mut body = Body::of(response);
    let mut first = true;
    while let Some(chunk) = body.next(deadline).await? {
        if std::mem::take(&mut first) {
            crate::timers::mark("feed-first-bytes");
        }
        parse.push(&chunk);
        in_slices(|| parse.step(PARSE_ROWS_PER_LOOK)).await;
    }
    crate::timers::mark("feed-received");
    Ok(parse.finish())
}

/// The registry at `url`: the answer to `request`, or if the network failed,
/// the copy saved on this device.
pub(super) async fn load_registry(
    url: &str,
    request: js_sys::Promise,
    controller: Option<&AbortController>,
) -> Result<Rc<Registry>, LoadError> {
    let (bytes, saved) = match whole_body(url, request, controller, &Cell::default()).await {
        Ok(answer) => answer,
        Err(error) => match saved_registry(url).await {
            Some(bytes) => (bytes, true),
            None => return Err(LoadError::Fetch(error)),
        },
    };
    crate::timers::mark("registry-received");
    // In slices, as the feed: it may arrive while the map is being drawn.
    let mut parse = RegistryParse::new(&bytes);
    in_slices(|| parse.step(PARSE_ROWS_PER_LOOK)).await;
    let registry = parse.finish().map(Rc::new).map_err(LoadError::Feed)?;
    if !saved {
        confirm_read(url, None);
    }
    Ok(registry)
}

async fn saved_registry(url: &str) -> Option<Vec<u8>> {
    let response = saved_answer(url).await?;
    response.binary().await.ok()
}
