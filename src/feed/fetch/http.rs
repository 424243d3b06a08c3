//! HTTP primitives: a GET sent at once, its status and validators, its
//! whole body, and the deadline that turns a stalled request into a timeout.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal, RequestCache};

use super::window;
use crate::feed::refresh::REQUEST_TIMEOUT_SECONDS;
use crate::fetch_error::FetchError;
use crate::timers::{clear_timeout, set_timeout};

/// One GET of a small file (the rules file), with the same revalidation as
/// the feed.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    whole_body(send(url, None), None).await
}

/// The whole body of the answer to a GET [`send`] sent, within the
/// [`Deadline`] of `controller`.
pub(super) async fn whole_body(
    request: js_sys::Promise,
    controller: Option<&AbortController>,
) -> Result<Vec<u8>, FetchError> {
    let deadline = Deadline::start(controller);
    let read = async {
        match receive(request).await? {
            Got::Body { response, .. } => body_bytes(&response).await,
            Got::NotModified => Err(FetchError::Http { status: 304 }),
        }
    };
    deadline.judge(read.await)
}

/// `other` is aborted when `signal` is (a timeout, a newer poll, the app
/// going): for requests sent with a controller of their own.
pub(super) fn abort_with(signal: Option<&AbortSignal>, other: AbortController) {
    if let Some(signal) = signal {
        let on_abort = Closure::once_into_js(move || other.abort());
        let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
    }
}

/// Sends a GET at once (gloo's `send` would wait for its future's first
/// poll); its answer is read by [`receive`].
pub(super) fn send(url: &str, signal: Option<&AbortSignal>) -> js_sys::Promise {
    match Request::get(url)
        .cache(RequestCache::NoCache)
        .abort_signal(signal)
        .build()
    {
        Ok(request) => window().fetch_with_request(&request.into()),
        Err(_) => js_sys::Promise::reject(&JsValue::from_str("unusable address")),
    }
}

pub(super) enum Got {
    NotModified,
    Body {
        /// Its body still to be read.
        response: Response,
        validator: Option<String>,
        /// Marked by the service worker (`x-mask-map-offline`): the network
        /// failed and this is the last good answer it saved.
        saved_copy: Option<FetchError>,
    },
}

/// The answer to a GET [`send`] sent: its status and headers.
pub(super) async fn receive(request: js_sys::Promise) -> Result<Got, FetchError> {
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        .map(Response::from)
        .ok_or(FetchError::Network)?;
    if response.status() == 304 {
        return Ok(Got::NotModified);
    }
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
        });
    }
    let headers = response.headers();
    let validator = headers.get("etag").or_else(|| headers.get("last-modified"));
    let saved_copy = headers
        .get("x-mask-map-offline")
        .map(|_| FetchError::Offline);
    Ok(Got::Body {
        response,
        validator,
        saved_copy,
    })
}

/// A response's whole body.
pub(super) async fn body_bytes(response: &Response) -> Result<Vec<u8>, FetchError> {
    response.binary().await.map_err(|_| FetchError::Network)
}

/// A request (its body included) still unfinished after
/// [`REQUEST_TIMEOUT_SECONDS`] is aborted through its controller, and its
/// network error reported as a timeout.
pub(super) struct Deadline {
    passed: Rc<Cell<bool>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    pub(super) fn start(controller: Option<&AbortController>) -> Deadline {
        let passed = Rc::new(Cell::new(false));
        let on_timeout = Closure::once({
            let passed = passed.clone();
            let controller = controller.cloned();
            move || {
                passed.set(true);
                if let Some(c) = controller {
                    c.abort();
                }
            }
        });
        let timer = set_timeout(
            on_timeout.as_ref().unchecked_ref(),
            REQUEST_TIMEOUT_SECONDS * 1000,
        );
        Deadline {
            passed,
            timer,
            _on_timeout: on_timeout,
        }
    }

    pub(super) fn judge<T>(&self, result: Result<T, FetchError>) -> Result<T, FetchError> {
        match result {
            Err(FetchError::Network) if self.passed.get() => Err(FetchError::Timeout),
            other => other,
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
    }
}
