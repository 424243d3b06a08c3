//! Keeps the day's counts: each inventory the page takes in is recorded in
//! the [`DayHistory`], in a task of its own behind the map and the panels.
//! It lives as long as the page, so a kiosk's idle reset keeps it (public
//! data, not the visitor's).

use leptos::prelude::*;

use crate::history::DayHistory;
use crate::state::FeedView;
use crate::timers::taipei_now;
use crate::ui::each_new_inventory;

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
