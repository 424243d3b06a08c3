//! Leptos components, one per panel. They read state and render text; they
//! neither parse nor compute.

mod alerts;
mod answer;
mod count_news;
mod day_history;
mod details;
pub mod device_storage;
mod directions;
mod eligibility;
mod embed;
mod favourites;
mod feed_status;
mod filters;
mod idle;
mod link_problems;
mod list;
mod location;
mod nearest;
mod policy;
mod sheet;
mod source_notice;

pub use alerts::{give_alerts, AlertBanner};
pub use answer::AnswerCard;
pub use count_news::CountNews;
pub use day_history::keep_day_history;
pub use details::PharmacyDetails;
pub use directions::Directions;
pub use eligibility::{BuyTodaySummary, CheckedDay, EligibilityPanel, RulesView};
pub use embed::EmbedDialog;
pub use favourites::{change_watchlist, Favourites};
pub use feed_status::{FeedDetails, FeedStatus};
pub use filters::FilterBar;
pub use idle::reset_when_idle;
pub use link_problems::LinkProblems;
pub use list::PharmacyList;
pub use location::LocationControls;
pub use nearest::{NearestPanel, NEAREST_SHOWN};
pub use policy::report_blocked_requests;
pub use sheet::Sheet;
pub use source_notice::{check_sources, SourceNotice};

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::Inventory;
use crate::timers::in_background;

/// `source`'s value a task after each change, once the tasks of normal
/// priority are done: the panels that read the copy update in a task of
/// their own, not in the one that brought the change (all in one task is
/// longer than a frame the user would notice), and after the map has drawn
/// it (so they do not delay the map's first clusters).
/// The copy starts as `source` is now; the effect's first run only
/// subscribes (a change before it, which no caller makes, would wait for the
/// next one). Only the newest change is applied.
pub fn a_task_later<T: Clone + Send + Sync + 'static>(source: RwSignal<T>) -> ReadSignal<T> {
    let copy = RwSignal::new(source.get_untracked());
    let newest = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    Effect::new(move |previous_run: Option<()>| {
        let value = source.get();
        if previous_run.is_some() {
            let this = newest.get().wrapping_add(1);
            newest.set(this);
            let newest = newest.clone();
            crate::timers::in_background(move || {
                if newest.get() == this {
                    copy.set(value);
                }
            });
        }
    });
    copy.read_only()
}

/// Runs `take` in the background once for each new inventory of `feed`.
pub fn each_new_inventory(
    feed: ReadSignal<crate::state::FeedView>,
    take: impl Fn(Arc<Inventory>) + 'static,
) {
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
