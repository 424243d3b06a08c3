//! Keeps the day's counts: each inventory the page takes in is recorded in
//! the [`DayHistory`], in a task of its own behind the map and the panels.
//! It lives as long as the page, so a kiosk's idle reset keeps it (public
//! data, not the visitor's).

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::Inventory;
use crate::history::DayHistory;
use crate::state::FeedView;
use crate::timers::{in_background, taipei_now};

pub fn keep_day_history(feed: ReadSignal<FeedView>, history: RwSignal<DayHistory>) {
    Effect::new(move |recorded: Option<Option<Arc<Inventory>>>| {
        let inventory = feed.with(|f| f.inventory.clone());
        let known = recorded.flatten();
        if let Some(new) = inventory
            .clone()
            .filter(|i| !known.as_ref().is_some_and(|k| Arc::ptr_eq(k, i)))
        {
            in_background(move || {
                // Feed time: the newest row's; the device's for a feed without.
                let at = new.as_of.unwrap_or_else(taipei_now);
                history.update(|h| {
                    h.record(&new, at);
                });
                // The refresh benchmark's window reaches past this.
                crate::timers::mark("recorded");
            });
        }
        inventory.or(known)
    });
}
