//! Work done once per inventory the page takes in, in a task of its own
//! behind the map and the panels: keeping the day's counts (which live as
//! long as the page, so a kiosk's idle reset keeps them: public data, not
//! the visitor's) and, in the app, checking the favourites' alerts.

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::Inventory;
use crate::history::DayHistory;
use crate::state::FeedView;
use crate::timers::{in_background, taipei_now};

/// Runs `take` in the background once for each new inventory of `feed`.
pub fn each_new_inventory(feed: ReadSignal<FeedView>, take: impl Fn(Arc<Inventory>) + 'static) {
    let take = std::rc::Rc::new(take);
    Effect::new(move |taken: Option<Option<Arc<Inventory>>>| {
        let inventory = feed.with(|f| f.inventory.clone());
        let known = taken.flatten();
        if let Some(new) = inventory
            .clone()
            .filter(|i| !known.as_ref().is_some_and(|k| Arc::ptr_eq(k, i)))
        {
            let take = take.clone();
            in_background(move || take(new));
        }
        inventory.or(known)
    });
}

pub fn keep_day_history(feed: ReadSignal<FeedView>, history: RwSignal<DayHistory>) {
    each_new_inventory(feed, move |new| {
        // Feed time: the newest row's; the device's for a feed without.
        let at = new.as_of.unwrap_or_else(taipei_now);
        history.update(|h| {
            h.record(&new, at);
        });
        // The refresh benchmark's window reaches past this.
        crate::timers::mark("recorded");
    });
}
