//! One poll: the feed and, when it needs one, the registry, read as they
//! arrive; the saved copy of the feed when the network fails and nothing is
//! shown yet.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use web_sys::AbortController;

use super::http::send;
use super::saved::saved_as_of;
use super::stream::{load_registry, read_feed, read_saved_feed};
use super::Source;
use crate::feed::placement::{join, place, Placement};
use crate::feed::refresh::{is_older, SavedCopy};
use crate::feed::{Inventory, LoadError, Registry};

pub(super) enum Polled {
    Unchanged,
    Loaded {
        inventory: Arc<Inventory>,
        placement: Placement,
        validator: Option<String>,
        saved_copy: Option<SavedCopy>,
    },
}

/// A poll's requests, sent.
pub(super) struct Requests {
    pub feed: js_sys::Promise,
    /// Sent with the feed when its address says it will be needed, with the
    /// controller that stops it.
    pub registry: Option<(js_sys::Promise, Option<AbortController>)>,
}

/// One poll's outcome, the registry it loaded if any (kept whatever the
/// outcome), and the seconds the feed's server asked to be left alone.
pub(super) async fn poll_once(
    source: &Source,
    requests: Requests,
    controller: Option<&AbortController>,
    validator: Option<String>,
    previous: Option<Arc<Inventory>>,
    registry: Option<Rc<Registry>>,
) -> (Result<Polled, LoadError>, Option<Rc<Registry>>, Option<u32>) {
    let retry_after = Cell::new(None);
    let (registry_request, registry_controller) = requests.registry.unzip();
    // Each is read as it arrives: the registry (the smaller, usually)
    // while the feed's last bytes are still on their way.
    let (feed, early_registry) = futures::future::join(
        async {
            let feed = read_feed(
                &source.feed,
                requests.feed,
                controller,
                validator,
                previous.as_ref(),
                &retry_after,
            )
            .await;
            if !matches!(feed, Ok(Some(_))) {
                // No new feed to place: the registry can wait for one (a saved
                // feed is placed with the saved registry: load_registry).
                if let Some(registry) = registry_controller.flatten() {
                    registry.abort();
                }
            }
            feed
        },
        async {
            match registry_request {
                Some(request) => Some(load_registry(&source.registry, request, controller).await),
                None => None,
            }
        },
    )
    .await;
    let retry_after = retry_after.get();
    let kept = early_registry
        .as_ref()
        .and_then(|loaded| loaded.as_ref().ok().cloned());
    let (mut inventory, new_validator, mut saved_copy) = match feed {
        Ok(Some((inventory, validator, failed))) => {
            (inventory, validator, failed.map(SavedCopy::Failed))
        }
        Ok(None) => return (Ok(Polled::Unchanged), kept, retry_after),
        // Nothing shown yet (a reload during an outage): the saved copy.
        Err(LoadError::Fetch(error)) if previous.is_none() => {
            match read_saved_feed(&source.feed).await {
                Some(saved) => (saved, None, Some(SavedCopy::Failed(error))),
                None => return (Err(LoadError::Fetch(error)), kept, retry_after),
            }
        }
        Err(error) => return (Err(error), kept, retry_after),
    };
    // Nothing shown yet (a reload), and the server sent data older than the
    // copy this device saved a moment ago (a lagging mirror): the copy.
    if previous.is_none() && saved_copy.is_none() {
        let saved_at = saved_as_of(&source.feed).await;
        if is_older(inventory.as_of, saved_at) {
            if let Some(saved) = read_saved_feed(&source.feed).await {
                let sent = inventory.as_of;
                inventory = saved;
                saved_copy = sent.map(SavedCopy::ServerSentOlder);
            }
        }
    }
    let mut loaded = kept.clone();
    let arrived = early_registry.as_ref().map(|r| r.as_deref());
    let placement = match place(&mut inventory, registry.as_deref(), arrived) {
        Some(placement) => placement,
        None => {
            let signal = controller.map(AbortController::signal);
            let request = send(&source.registry, signal.as_ref());
            let fetched = load_registry(&source.registry, request, controller).await;
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
    let polled = Polled::Loaded {
        inventory: Arc::new(inventory),
        placement,
        validator: new_validator,
        saved_copy,
    };
    (Ok(polled), loaded, retry_after)
}
