//! The only code that touches the network: polls a feed politely and hands
//! each outcome to a callback; fetches small files (the rules) once.
//!
//! - Requests use `cache: no-cache`, so the browser revalidates with the
//!   server's own validators (`If-None-Match` / `If-Modified-Since`); an
//!   unchanged feed costs the server a 304 and us no parse. Setting those
//!   headers by hand would force a CORS preflight that most open-data servers
//!   don't answer.
//! - Failures back off exponentially ([`super::refresh`]); polls pause while
//!   the page is hidden and run at once when it is shown again.
//! - A request is aborted when the next one starts, when it times out, and
//!   when the [`Poller`] is dropped.
//! - A poll's requests are sent the moment it starts: the first one as the
//!   app starts, before its interface is built, so that on a slow network
//!   the interface is built while the feed downloads (on a repeat visit,
//!   `public/boot.js` asks for the feed even sooner). NHIA's mask CSV needs
//!   the registry too; both are then asked for at once and read as each
//!   arrives.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use gloo_net::http::{Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal, RequestCache};

use super::refresh::{next_delay_ms, REQUEST_TIMEOUT_SECONDS};
use super::{
    registry_needed_for, FeedError, FeedFormat, Inventory, JoinStats, LoadError, Registry,
    RegistryParse, StreamingParse,
};
use crate::timers::{clear_timeout, set_timeout};

/// Where the feed comes from and how often to ask.
#[derive(Clone, Debug)]
pub struct Source {
    pub feed: String,
    /// Locations for feeds without coordinates.
    pub registry: String,
    /// Seconds between polls; 0 = load once.
    pub interval_seconds: u32,
}

/// How the pharmacies were placed on the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// The feed has its own coordinates.
    OwnCoordinates,
    Joined(JoinStats),
    /// The registry could not be loaded; retried on the next poll.
    RegistryFailed(LoadError),
}

/// What one poll found.
#[derive(Clone, Debug)]
pub enum Outcome {
    Loaded {
        inventory: Arc<Inventory>,
        placement: Placement,
        /// The network failed and this is the copy the service worker saved.
        saved_copy: bool,
    },
    /// The server said nothing changed (304, or the same validator).
    Unchanged,
    Failed(LoadError),
}

/// Polls until dropped.
pub struct Poller {
    state: Rc<RefCell<State>>,
}

struct State {
    source: Source,
    on_outcome: Box<dyn Fn(Outcome)>,
    failures: u32,
    /// The validator (ETag, else Last-Modified) of the last feed parsed.
    validator: Option<String>,
    previous: Option<Arc<Inventory>>,
    registry: Option<Rc<Registry>>,
    timer: Option<JsValue>,
    request: Option<AbortController>,
    /// Bumped per request, so a superseded answer is ignored.
    generation: u64,
    /// A poll came due while the page was hidden.
    paused: bool,
    on_timer: Option<Closure<dyn FnMut()>>,
    on_visibility: Option<Closure<dyn FnMut()>>,
}

impl Poller {
    /// Starts polling at once.
    pub fn start(source: Source, on_outcome: impl Fn(Outcome) + 'static) -> Poller {
        let state = Rc::new(RefCell::new(State {
            source,
            on_outcome: Box::new(on_outcome),
            failures: 0,
            validator: None,
            previous: None,
            registry: None,
            timer: None,
            request: None,
            generation: 0,
            paused: false,
            on_timer: None,
            on_visibility: None,
        }));
        let weak = Rc::downgrade(&state);
        let on_timer = Closure::<dyn FnMut()>::new({
            let weak = weak.clone();
            move || poll(&weak)
        });
        let on_visibility = Closure::<dyn FnMut()>::new(move || {
            let due = weak.upgrade().is_some_and(|s| s.borrow().paused);
            if due && !document().hidden() {
                poll(&weak);
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        {
            let mut s = state.borrow_mut();
            s.on_timer = Some(on_timer);
            s.on_visibility = Some(on_visibility);
        }
        poll(&Rc::downgrade(&state));
        Poller { state }
    }

    /// Polls now (the Retry button), whatever the schedule.
    pub fn refresh_now(&self) {
        poll(&Rc::downgrade(&self.state));
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        let mut s = self.state.borrow_mut();
        s.cancel();
        if let Some(listener) = s.on_visibility.take() {
            let _ = document().remove_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        s.on_timer = None;
    }
}

impl State {
    fn cancel(&mut self) {
        if let Some(handle) = self.timer.take() {
            clear_timeout(&handle);
        }
        if let Some(request) = self.request.take() {
            request.abort();
        }
    }

    fn schedule(&mut self) {
        if self.source.interval_seconds == 0 && self.failures == 0 {
            return;
        }
        let interval = self.source.interval_seconds.max(1);
        let delay = next_delay_ms(interval, self.failures, js_sys::Math::random());
        if let Some(callback) = &self.on_timer {
            self.timer = Some(set_timeout(callback.as_ref().unchecked_ref(), delay));
        }
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Starts one poll, unless the page is hidden (then it waits to be shown).
fn poll(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let early = take_early(&state.borrow().source.feed);
    let (generation, controller, source, validator, previous, registry) = {
        let mut s = state.borrow_mut();
        s.cancel();
        if document().hidden() {
            s.paused = true;
            // Its answer would be old by the time the page is shown.
            if let Some((_, early)) = early {
                early.abort();
            }
            return;
        }
        s.paused = false;
        s.generation += 1;
        let controller = AbortController::new().ok();
        s.request = controller.clone();
        (
            s.generation,
            controller,
            s.source.clone(),
            s.validator.clone(),
            s.previous.clone(),
            s.registry.clone(),
        )
    };
    // On the wire now, not when the future below first runs (after the
    // current task: on the first poll, after the whole interface is built).
    let signal = controller.as_ref().map(AbortController::signal);
    let feed = match early {
        Some((response, early)) => {
            abort_with(signal.as_ref(), early);
            response
        }
        None => send(&source.feed, signal.as_ref()),
    };
    // Its own controller, so that a feed that fails or has not changed stops it.
    let registry_request =
        (registry.is_none() && registry_needed_for(&source.feed, &source.registry)).then(|| {
            let own = AbortController::new().ok();
            let request = send(
                &source.registry,
                own.as_ref().map(AbortController::signal).as_ref(),
            );
            if let Some(own) = &own {
                abort_with(signal.as_ref(), own.clone());
            }
            (request, own)
        });
    let requests = Requests {
        feed,
        registry: registry_request,
    };
    let weak = weak.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let (result, loaded_registry) = poll_once(
            &source,
            requests,
            controller.as_ref(),
            validator,
            previous,
            registry,
        )
        .await;
        let Some(state) = weak.upgrade() else { return };
        let outcome = {
            let mut s = state.borrow_mut();
            // A registry that loaded is kept, whatever became of the feed.
            if loaded_registry.is_some() {
                s.registry = loaded_registry;
            }
            if s.generation != generation {
                return; // superseded by a newer poll
            }
            s.request = None;
            let outcome = match result {
                Ok(Polled::Unchanged) => Outcome::Unchanged,
                Ok(Polled::Loaded {
                    inventory,
                    placement,
                    validator,
                    saved_copy,
                }) => {
                    s.validator = validator;
                    s.previous = Some(inventory.clone());
                    Outcome::Loaded {
                        inventory,
                        placement,
                        saved_copy,
                    }
                }
                Err(error) => Outcome::Failed(error),
            };
            s.failures = if matches!(outcome, Outcome::Failed(_)) {
                s.failures.saturating_add(1)
            } else {
                0
            };
            s.schedule();
            outcome
        };
        // Outside the borrow: the callback may call `refresh_now`.
        (state.borrow().on_outcome)(outcome);
    });
}

enum Polled {
    Unchanged,
    Loaded {
        inventory: Arc<Inventory>,
        placement: Placement,
        validator: Option<String>,
        saved_copy: bool,
    },
}

/// A poll's requests, sent.
struct Requests {
    feed: js_sys::Promise,
    /// Sent with the feed when its address says it will be needed, with the
    /// controller that stops it.
    registry: Option<(js_sys::Promise, Option<AbortController>)>,
}

/// One poll's outcome, and the registry it loaded if any (kept whatever the
/// outcome).
async fn poll_once(
    source: &Source,
    requests: Requests,
    controller: Option<&AbortController>,
    validator: Option<String>,
    previous: Option<Arc<Inventory>>,
    registry: Option<Rc<Registry>>,
) -> (Result<Polled, LoadError>, Option<Rc<Registry>>) {
    let (registry_request, registry_controller) = requests.registry.unzip();
    // Each is read as it arrives: the registry (the smaller, usually)
    // while the feed's last bytes are still on their way.
    let (feed, early_registry) = futures::future::join(
        async {
            let feed = read_feed(requests.feed, controller, validator, previous.as_ref()).await;
            if !matches!(feed, Ok(Some(_))) {
                // No new feed to place: the registry can wait for one.
                if let Some(registry) = registry_controller.flatten() {
                    registry.abort();
                }
            }
            feed
        },
        async {
            match registry_request {
                Some(request) => Some(load_registry(request, controller).await),
                None => None,
            }
        },
    )
    .await;
    let kept = early_registry
        .as_ref()
        .and_then(|loaded| loaded.as_ref().ok().cloned());
    let feed = match feed {
        Ok(Some(feed)) => feed,
        Ok(None) => return (Ok(Polled::Unchanged), kept),
        Err(error) => return (Err(error), kept),
    };
    let (mut inventory, new_validator, saved_copy) = feed;
    let needs_registry =
        inventory.format == FeedFormat::NhiaMaskCsv || inventory.located().next().is_none();
    let mut loaded = kept.clone();
    let placement = if !needs_registry {
        Placement::OwnCoordinates
    } else {
        let known = match (registry, early_registry) {
            (Some(known), _) => Ok(known),
            (None, Some(early)) => early,
            (None, None) => {
                let signal = controller.map(AbortController::signal);
                let fetched =
                    load_registry(send(&source.registry, signal.as_ref()), controller).await;
                if let Ok(fetched) = &fetched {
                    loaded = Some(fetched.clone());
                }
                fetched
            }
        };
        match known {
            Ok(registry) => {
                let joined = inventory.join(&registry);
                crate::timers::mark("joined");
                Placement::Joined(joined)
            }
            Err(error) => Placement::RegistryFailed(error),
        }
    };
    // Drawn in a task of its own.
    crate::timers::next_task().await;
    (
        Ok(Polled::Loaded {
            inventory: Arc::new(inventory),
            placement,
            validator: new_validator,
            saved_copy,
        }),
        loaded,
    )
}

/// The feed's answer, parsed as it arrives (with the sold-out pharmacies
/// `previous` knew, where the feed leaves them out); `None` if it has not
/// changed.
async fn read_feed(
    request: js_sys::Promise,
    controller: Option<&AbortController>,
    validator: Option<String>,
    previous: Option<&Arc<Inventory>>,
) -> Result<Option<(Inventory, Option<String>, bool)>, LoadError> {
    let deadline = Deadline::start(controller);
    let read = async {
        let (response, new_validator, saved_copy) = match receive(request).await? {
            Got::NotModified => return Ok(None),
            Got::Body {
                response,
                validator: v,
                saved_copy: false,
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

/// [`crate::feed::parse`] of the response's body, read line by line while it
/// downloads (a CSV; other formats whole at the end), in slices of at most
/// [`PARSE_SLICE_MS`] with a task boundary between them. The outer error is
/// the network's, the inner one the feed's.
async fn parse_as_it_arrives(
    response: &Response,
) -> Result<Result<Inventory, FeedError>, LoadError> {
    let mut parse = StreamingParse::new();
    match response.body() {
        Some(body) => {
            let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
            loop {
                let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
                    .await
                    .map_err(|_| LoadError::Network)?;
                let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
                if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
                    break;
                }
                let Some(bytes) =
                    field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                else {
                    let _ = reader.cancel();
                    return Err(LoadError::Network);
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

async fn load_registry(
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

/// One GET of a small file (the rules file), with the same revalidation as
/// the feed.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    whole_body(send(url, None), None).await
}

/// The whole body of the answer to a GET [`send`] sent, within the
/// [`Deadline`] of `controller`.
async fn whole_body(
    request: js_sys::Promise,
    controller: Option<&AbortController>,
) -> Result<Vec<u8>, LoadError> {
    let deadline = Deadline::start(controller);
    let read = async {
        match receive(request).await? {
            Got::Body { response, .. } => body_bytes(&response).await,
            Got::NotModified => Err(LoadError::Http { status: 304 }),
        }
    };
    deadline.judge(read.await)
}

/// The feed `public/boot.js` already asked for on a repeat visit, when the
/// service worker serves the app from the device and the feed need not wait
/// for it, with the controller that stops it; taken once.
fn take_early(url: &str) -> Option<(js_sys::Promise, AbortController)> {
    let early = js_sys::Reflect::get(&window(), &"__maskMapEarly".into()).ok()?;
    let early = early.dyn_into::<js_sys::Object>().ok()?;
    let request = js_sys::Reflect::get(&early, &url.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &url.into());
    let field = |name: &str| js_sys::Reflect::get(&request, &name.into()).ok();
    let response = field("response")?.dyn_into::<js_sys::Promise>().ok()?;
    let controller = field("controller")?.dyn_into::<AbortController>().ok()?;
    Some((response, controller))
}

/// `other` is aborted when `signal` is (a timeout, a newer poll, the app
/// going): for requests sent with a controller of their own.
fn abort_with(signal: Option<&AbortSignal>, other: AbortController) {
    if let Some(signal) = signal {
        let on_abort = Closure::once_into_js(move || other.abort());
        let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
    }
}

/// Sends a GET at once (gloo's `send` would wait for its future's first
/// poll); its answer is read by [`receive`].
fn send(url: &str, signal: Option<&AbortSignal>) -> js_sys::Promise {
    match Request::get(url)
        .cache(RequestCache::NoCache)
        .abort_signal(signal)
        .build()
    {
        Ok(request) => window().fetch_with_request(&request.into()),
        Err(_) => js_sys::Promise::reject(&JsValue::from_str("unusable address")),
    }
}

enum Got {
    NotModified,
    Body {
        /// Its body still to be read.
        response: Response,
        validator: Option<String>,
        /// Marked by the service worker (`x-mask-map-offline`): the network
        /// failed and this is the last good answer it saved.
        saved_copy: bool,
    },
}

/// The answer to a GET [`send`] sent: its status and headers.
async fn receive(request: js_sys::Promise) -> Result<Got, LoadError> {
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        .map(Response::from)
        .ok_or(LoadError::Network)?;
    if response.status() == 304 {
        return Ok(Got::NotModified);
    }
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
        });
    }
    let headers = response.headers();
    let validator = headers.get("etag").or_else(|| headers.get("last-modified"));
    let saved_copy = headers.get("x-mask-map-offline").is_some();
    Ok(Got::Body {
        response,
        validator,
        saved_copy,
    })
}

/// A response's whole body.
async fn body_bytes(response: &Response) -> Result<Vec<u8>, LoadError> {
    response.binary().await.map_err(|_| LoadError::Network)
}

/// A request (its body included) still unfinished after
/// [`REQUEST_TIMEOUT_SECONDS`] is aborted through its controller, and its
/// network error reported as a timeout.
struct Deadline {
    passed: Rc<Cell<bool>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: Option<&AbortController>) -> Deadline {
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

    fn judge<T>(&self, result: Result<T, LoadError>) -> Result<T, LoadError> {
        match result {
            Err(LoadError::Network) if self.passed.get() => Err(LoadError::Timeout),
            other => other,
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
    }
}
