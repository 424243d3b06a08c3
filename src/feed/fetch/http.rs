//! HTTP primitives: a GET sent at once, its status and validators, its body
//! read chunk by chunk, the deadlines that turn a stalled request into a
//! timeout, and what a failure is called (offline, blocked, network).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal, RequestCache};

use super::window;
use crate::feed::refresh::{
    retry_after_seconds, saved_copy_reason, REQUEST_TIMEOUT_SECONDS, STALL_TIMEOUT_SECONDS,
};
use crate::fetch_error::FetchError;
use crate::timers::{clear_timeout, set_timeout};

/// One GET of a small file (the rules file), with the same revalidation and
/// deadlines as the feed.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(AbortController::signal);
    let request = send(url, signal.as_ref());
    let (bytes, _) = whole_body(url, request, controller.as_ref(), &Cell::default()).await?;
    Ok(bytes)
}

/// Tells the service worker that the page could read its answer for `url`
/// (public/sw.js): only then does the copy it saved beside it become the
/// fallback, so a truncated body or an error page never does. `as_of`: the
/// time of a feed's data (Unix seconds), kept with the copy
/// ([`super::saved::saved_as_of`]).
pub fn confirm_read(url: &str, as_of: Option<i64>) {
    let get = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let Some(worker) = get(&window().navigator(), "serviceWorker")
        .and_then(|container| get(&container, "controller"))
    else {
        return;
    };
    let Some(post) =
        get(&worker, "postMessage").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"kind".into(), &"read-ok".into());
    let _ = js_sys::Reflect::set(&message, &"url".into(), &absolute(url).into());
    if let Some(as_of) = as_of {
        let _ = js_sys::Reflect::set(&message, &"asOf".into(), &(as_of as f64).into());
    }
    let _ = post.call1(&worker, &message);
}

/// Whether the page's Content-Security-Policy refused a request for `url`:
/// public/boot.js records each refused address in `window.__maskMapBlocked`
/// (a Set) as its `securitypolicyviolation` event arrives. The event comes
/// in a task of its own: ask after the request's failure and a task.
pub fn was_blocked(url: &str) -> bool {
    let url = absolute(url);
    let Some(blocked) = js_sys::Reflect::get(&window(), &"__maskMapBlocked".into())
        .ok()
        .and_then(|set| set.dyn_into::<js_sys::Set>().ok())
    else {
        return false;
    };
    let mut found = false;
    blocked.for_each(&mut |entry, _, _| {
        // A report may name only the origin (after a redirect).
        if let Some(entry) = entry.as_string() {
            found |= url == entry || url.starts_with(&format!("{}/", entry.trim_end_matches('/')));
        }
    });
    found
}

/// `url` resolved against the page's address, as the browser requests it.
fn absolute(url: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map_or_else(|_| url.to_owned(), |parsed| parsed.href())
}

/// The whole body of the answer to a GET [`send`] sent for `url`, within the
/// [`Deadline`] of `controller`, and whether it is the service worker's
/// saved copy.
pub(super) async fn whole_body(
    url: &str,
    request: js_sys::Promise,
    controller: Option<&AbortController>,
    retry_after: &Cell<Option<u32>>,
) -> Result<(Vec<u8>, bool), FetchError> {
    let deadline = Deadline::start(controller);
    let read = async {
        match receive(request, &deadline, retry_after).await? {
            Got::Body {
                response,
                saved_copy,
                ..
            } => {
                let mut body = Body::of(&response);
                let mut bytes = Vec::new();
                while let Some(chunk) = body.next(&deadline).await? {
                    bytes.extend_from_slice(&chunk);
                }
                Ok((bytes, saved_copy.is_some()))
            }
            Got::NotModified => Err(FetchError::Http { status: 304 }),
        }
    };
    let result = read.await;
    deadline.judge(url, result).await
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
        /// Marked by the service worker (`x-mask-map-saved-copy`): the
        /// network failed this way and this is the last good answer saved.
        saved_copy: Option<FetchError>,
    },
}

/// The answer to a GET [`send`] sent: its status and headers, which stop
/// the deadline's wait for headers. A `Retry-After` it carries (an error's,
/// or the worker's saved copy's) goes to `retry_after`.
pub(super) async fn receive(
    request: js_sys::Promise,
    deadline: &Deadline,
    retry_after: &Cell<Option<u32>>,
) -> Result<Got, FetchError> {
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        .map(Response::from)
        .ok_or(FetchError::Network)?;
    deadline.progressed();
    let headers = response.headers();
    retry_after.set(headers.get("retry-after").and_then(|value| {
        retry_after_seconds(&value, js_sys::Date::now(), |date| {
            Some(js_sys::Date::parse(date)).filter(|ms| !ms.is_nan())
        })
    }));
    if response.status() == 304 {
        return Ok(Got::NotModified);
    }
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
        });
    }
    let validator = headers.get("etag").or_else(|| headers.get("last-modified"));
    let saved_copy = headers
        .get("x-mask-map-saved-copy")
        .map(|reason| saved_copy_reason(&reason));
    Ok(Got::Body {
        response,
        validator,
        saved_copy,
    })
}

/// A response's body, read as it arrives.
pub(super) struct Body {
    reader: Option<web_sys::ReadableStreamDefaultReader>,
}

impl Body {
    pub(super) fn of(response: &Response) -> Body {
        Body {
            reader: response
                .body()
                .and_then(|body| body.get_reader().dyn_into().ok()),
        }
    }

    /// The next chunk, `None` at the end; each one stops the deadline's
    /// wait for a byte.
    pub(super) async fn next(
        &mut self,
        deadline: &Deadline,
    ) -> Result<Option<Vec<u8>>, FetchError> {
        let Some(reader) = &self.reader else {
            return Ok(None);
        };
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            self.reader = None;
            return Ok(None);
        }
        deadline.progressed();
        match field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
            Some(bytes) => Ok(Some(bytes.to_vec())),
            None => {
                let _ = reader.cancel();
                Err(FetchError::Network)
            }
        }
    }
}

/// A request's deadlines ([`crate::feed::refresh`]): its headers within
/// [`STALL_TIMEOUT_SECONDS`], then no byte missing for as long, and all of
/// it within [`REQUEST_TIMEOUT_SECONDS`]. A deadline passed aborts it
/// through its controller, and its network error is reported as a timeout.
pub(super) struct Deadline {
    passed: Rc<Cell<bool>>,
    total: JsValue,
    stall: RefCell<JsValue>,
    on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    pub(super) fn start(controller: Option<&AbortController>) -> Deadline {
        let passed = Rc::new(Cell::new(false));
        let on_timeout = Closure::<dyn FnMut()>::new({
            let passed = passed.clone();
            let controller = controller.cloned();
            move || {
                passed.set(true);
                if let Some(c) = &controller {
                    c.abort();
                }
            }
        });
        let callback: &js_sys::Function = on_timeout.as_ref().unchecked_ref();
        let total = set_timeout(callback, REQUEST_TIMEOUT_SECONDS * 1000);
        let stall = RefCell::new(set_timeout(callback, STALL_TIMEOUT_SECONDS * 1000));
        Deadline {
            passed,
            total,
            stall,
            on_timeout,
        }
    }

    /// Headers or a byte arrived: the wait for the next starts again.
    pub(super) fn progressed(&self) {
        let callback: &js_sys::Function = self.on_timeout.as_ref().unchecked_ref();
        let next = set_timeout(callback, STALL_TIMEOUT_SECONDS * 1000);
        clear_timeout(&self.stall.replace(next));
    }

    /// What a failure of the request for `url` is called: a timeout if a
    /// deadline passed, else blocked by the policy, offline only when the
    /// device is, else a network error.
    pub(super) async fn judge<T>(
        &self,
        url: &str,
        result: Result<T, FetchError>,
    ) -> Result<T, FetchError> {
        self.stop();
        match result {
            Err(FetchError::Network) if self.passed.get() => Err(FetchError::Timeout),
            Err(FetchError::Network) => Err(network_failure(url).await),
            other => other,
        }
    }

    fn stop(&self) {
        clear_timeout(&self.total);
        clear_timeout(&self.stall.borrow());
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A request that got no answer: refused by the policy, the device offline,
/// or else the network.
async fn network_failure(url: &str) -> FetchError {
    if !window().navigator().on_line() {
        return FetchError::Offline;
    }
    // The policy's report is an event in a later task: after a timer's.
    let later = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
    if was_blocked(url) {
        FetchError::Blocked
    } else {
        FetchError::Network
    }
}
