//! Reading a body as it arrives: the feed parsed while it downloads, the
//! registry in slices, with task boundaries so the page keeps drawing.

use std::rc::Rc;
use std::sync::Arc;

use gloo_net::http::Response;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use super::http::{body_bytes, receive, whole_body, Deadline, Got};
use crate::feed::{FeedError, Inventory, LoadError, Registry, RegistryParse, StreamingParse};
use crate::fetch_error::FetchError;

/// The feed's answer, parsed as it arrives (with the sold-out pharmacies
/// `previous` knew, where the feed leaves them out); `None` if it has not
/// changed.
pub(super) async fn read_feed(
    request: js_sys::Promise,
    controller: Option<&AbortController>,
    validator: Option<String>,
    previous: Option<&Arc<Inventory>>,
) -> Result<Option<(Inventory, Option<String>, Option<FetchError>)>, LoadError> {
    let deadline = Deadline::start(controller);
    let read = async {
        let (response, new_validator, saved_copy) = match receive(request).await? {
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
        let parsed = parse_as_it_arrives(&response).await?;
        Ok(Some((parsed, new_validator, saved_copy)))
    };
    let Some((parsed, new_validator, saved_copy)) = deadline.judge(read.await)? else {
        return Ok(None);
    };
    let mut inventory = parsed.map_err(LoadError::Feed)?;
    crate::timers::mark("feed-parsed");
    crate::timers::next_task().await;
    if let Some(previous) = previous {
        inventory.keep_sold_out_from(previous);
    }
    Ok(Some((inventory, new_validator, saved_copy)))
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
) -> Result<Result<Inventory, FeedError>, FetchError> {
    let mut parse = StreamingParse::new();
    match response.body() {
        Some(body) => {
            let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
            loop {
                let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
                    .await
                    .map_err(|_| FetchError::Network)?;
                let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
                if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
                    break;
                }
                let Some(bytes) =
                    field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                else {
                    let _ = reader.cancel();
                    return Err(FetchError::Network);
                };
                parse.push(&bytes.to_vec());
                in_slices(|| parse.step(PARSE_ROWS_PER_LOOK)).await;
            }
        }
        None => parse.push(&body_bytes(response).await?),
    }
    crate::timers::mark("feed-received");
    Ok(parse.finish())
}

pub(super) async fn load_registry(
    request: js_sys::Promise,
    controller: Option<&AbortController>,
) -> Result<Rc<Registry>, LoadError> {
    let bytes = whole_body(request, controller).await?;
    crate::timers::mark("registry-received");
    // In slices, as the feed: it may arrive while the map is being drawn.
    let mut parse = RegistryParse::new(&bytes);
    in_slices(|| parse.step(PARSE_ROWS_PER_LOOK)).await;
    parse.finish().map(Rc::new).map_err(LoadError::Feed)
}
