//! The poller: a state machine that starts a poll on a timer, when the page
//! is shown again, or when asked, and hands each outcome to a callback.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::AbortController;

use super::boot::take_early;
use super::document;
use super::http::{abort_with, send};
use super::stream::{load_registry, read_feed};
use crate::feed::placement::{ask_with_feed, join, place, Placement};
use crate::feed::refresh::next_delay_ms;
use crate::feed::{Inventory, LoadError, Registry};
use crate::fetch_error::FetchError;
use crate::time::TaipeiDateTime;
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

/// What one poll found.
#[derive(Clone, Debug)]
pub enum Outcome {
    Loaded {
        inventory: Arc<Inventory>,
        placement: Placement,
        /// The network failed this way and this is the copy saved on this
        /// device (by the service worker).
        saved_copy: Option<FetchError>,
    },
    /// The server said nothing changed (304, or the same validator).
    Unchanged,
    /// The answer's data is older than the inventory shown (a lagging
    /// mirror or CDN node): not applied. Its time.
    Older {
        as_of: TaipeiDateTime,
    },
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
        ask_with_feed(&source.feed, &source.registry, registry.is_some()).then(|| {
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
        saved_copy: Option<FetchError>,
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
    let mut loaded = kept.clone();
    let arrived = early_registry.as_ref().map(|r| r.as_deref());
    let placement = match place(&mut inventory, registry.as_deref(), arrived) {
        Some(placement) => placement,
        None => {
            let signal = controller.map(AbortController::signal);
            let fetched = load_registry(send(&source.registry, signal.as_ref()), controller).await;
            if let Ok(fetched) = &fetched {
                loaded = Some(fetched.clone());
            }
            join(&mut inventory, fetched.as_deref())
        }
    };
    if matches!(placement, Placement::Joined(_)) {
        crate::timers::mark("joined");
    }
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
