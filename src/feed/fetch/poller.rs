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
use super::http::{abort_with, confirm_read, send};
use super::once::{poll_once, Polled, Requests};
use crate::feed::placement::{ask_with_feed, Placement};
use crate::feed::refresh::{
    delay_with_retry_after, judge_arrival, next_delay_ms, Arrival, SavedCopy,
};
use crate::feed::{Inventory, LoadError, Registry};
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
        saved_copy: Option<SavedCopy>,
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
    /// Seconds the server asked to be left alone after the last poll.
    retry_after: Option<u32>,
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
    /// Poll on while the page is hidden: an alert is armed (a background
    /// tab can only alert if it still polls).
    while_hidden: bool,
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
            retry_after: None,
            validator: None,
            previous: None,
            registry: None,
            timer: None,
            request: None,
            generation: 0,
            paused: false,
            while_hidden: false,
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

    /// Whether to poll on while the page is hidden (by default it waits to
    /// be shown); a poll that waited is made at once.
    pub fn poll_while_hidden(&self, on: bool) {
        let waiting = {
            let mut s = self.state.borrow_mut();
            s.while_hidden = on;
            on && s.paused
        };
        if waiting {
            self.refresh_now();
        }
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
        let delay = delay_with_retry_after(
            next_delay_ms(interval, self.failures, js_sys::Math::random()),
            self.retry_after,
        );
        if let Some(callback) = &self.on_timer {
            self.timer = Some(set_timeout(callback.as_ref().unchecked_ref(), delay));
        }
    }
}

/// Starts one poll, unless the page is hidden (then it waits to be shown,
/// unless asked to poll on).
fn poll(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let early = take_early(&state.borrow().source.feed);
    let (generation, controller, source, validator, previous, registry) = {
        let mut s = state.borrow_mut();
        s.cancel();
        if document().hidden() && !s.while_hidden {
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
        let (result, loaded_registry, retry_after) = poll_once(
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
                    let shown = s.previous.as_ref().and_then(|p| p.as_of);
                    match judge_arrival(inventory.as_of, shown, saved_copy) {
                        Arrival::RefuseOlder(as_of) => Outcome::Older { as_of },
                        Arrival::NetworkFailed(error) => Outcome::Failed(LoadError::Fetch(error)),
                        Arrival::Apply => {
                            if saved_copy.is_none() {
                                // Shown: the worker's copy of it becomes the fallback.
                                let as_of = inventory.as_of.map(TaipeiDateTime::unix_seconds);
                                confirm_read(&s.source.feed, as_of);
                            }
                            s.validator = validator;
                            s.previous = Some(inventory.clone());
                            Outcome::Loaded {
                                inventory,
                                placement,
                                saved_copy,
                            }
                        }
                    }
                }
                Err(error) => Outcome::Failed(error),
            };
            // A saved copy shown is still the network failing: back off.
            let failed = matches!(
                outcome,
                Outcome::Failed(_)
                    | Outcome::Loaded {
                        saved_copy: Some(SavedCopy::Failed(_)),
                        ..
                    }
            );
            s.failures = if failed {
                s.failures.saturating_add(1)
            } else {
                0
            };
            s.retry_after = retry_after.filter(|_| failed);
            s.schedule();
            outcome
        };
        // Outside the borrow: the callback may call `refresh_now`.
        (state.borrow().on_outcome)(outcome);
    });
}
