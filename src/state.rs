//! The app's shared state: the signals the panels and the map read and
//! write, provided once by `app::App` as Leptos context ([`AppState::get`])
//! instead of passed through every component. It imports neither `ui` nor
//! `map`, so both can use it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::config::{Lang, Mode, ProblemList};
use crate::coords::LatLng;
use crate::feed::placement::Placement;
use crate::feed::refresh::SavedCopy;
use crate::feed::{Filters, Inventory, LoadError, StockThresholds};
use crate::history::DayHistory;
use crate::rules::Parity;
use crate::spatial::nearest::StockIndex;
use crate::time::TaipeiDateTime;
use crate::watchlist::Watchlist;

/// The feed as the page knows it: the last good inventory (kept through
/// failures, so nothing on screen is lost) and how the latest poll went.
#[derive(Clone, Debug, Default)]
pub struct FeedView {
    pub inventory: Option<Arc<Inventory>>,
    pub placement: Option<Placement>,
    pub load: LoadState,
    /// The inventory is the copy saved on this device, shown because the
    /// network's answer failed (`Offline` only when offline) or was older.
    pub saved_copy: Option<SavedCopy>,
    /// A poll answered with data older than the inventory shown (a lagging
    /// mirror), not applied: its time. Cleared by the next poll applied.
    pub refused_older: Option<TaipeiDateTime>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum LoadState {
    #[default]
    Loading,
    Loaded,
    Failed(LoadError),
}

/// The nearest-stock index of the inventory on screen, the same one as long
/// as that is: the one-answer card and the nearest list share it.
#[derive(Clone)]
pub struct SharedIndex(pub Arc<StockIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &SharedIndex) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Built when first asked, then kept until the next inventory: a poll that
/// brings nothing new, a new place or new filters reuse it.
pub fn stock_index(feed: RwSignal<FeedView>) -> Memo<Option<SharedIndex>> {
    Memo::new(move |kept: Option<&Option<SharedIndex>>| {
        let inventory = feed.with(|f| f.inventory.clone())?;
        match kept {
            Some(Some(kept)) if Arc::ptr_eq(kept.0.inventory(), &inventory) => Some(kept.clone()),
            _ => Some(SharedIndex(Arc::new(StockIndex::new(inventory)))),
        }
    })
}

/// What every part of the page shares. Copied into closures freely: the
/// signals are handles, the rest plain values from the link.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: Lang,
    pub mode: Mode,
    /// The link's stock thresholds (`levels=`), else each product's own.
    pub levels: Option<StockThresholds>,
    /// The feed as polled: the status, the nearest answer and the map (which
    /// draws in tasks of its own) take a new inventory at once.
    pub feed: RwSignal<FeedView>,
    /// The same a task later: the filters, the list, the details and the
    /// footer update in a task of their own, after the map.
    pub feed_later: ReadSignal<FeedView>,
    pub filters: RwSignal<Filters>,
    /// The reference location: the link's `at=`, then the device or a pick.
    pub here: RwSignal<Option<LatLng>>,
    /// Whether the next click on the map picks the reference location.
    pub picking: RwSignal<bool>,
    /// The selected pharmacy's code.
    pub selected: RwSignal<Option<String>>,
    /// The map's centre and zoom after its last move (for embed links).
    pub map_view: RwSignal<Option<(LatLng, u8)>>,
    /// Bumped when a kiosk resets to its link's view.
    pub visit: RwSignal<u32>,
    /// The link's problems, and those found while running (a source the
    /// policy blocked): the `link-problems` notice.
    pub link_problems: RwSignal<ProblemList>,
    /// The rules file asked for could not be used (the bundled rules apply).
    pub rules_problem: RwSignal<bool>,
    /// Requests the Content-Security-Policy refused, by the parameter they
    /// served (`feed`, `registry`, `rules`, `tiles`; `other` for the rest),
    /// each once.
    pub blocked: RwSignal<Vec<&'static str>>,
    /// The day's counts, learned from each poll while the page is open.
    pub history: RwSignal<DayHistory>,
    pub stock_index: Memo<Option<SharedIndex>>,
    /// The parity the user chose to remember (never on a kiosk).
    pub parity: RwSignal<Option<Parity>>,
    /// Favourites and their alerts, as this device keeps them: only in the
    /// app itself (a kiosk's or an embed's stays empty).
    pub watchlist: RwSignal<Watchlist>,
    /// Alerts given in the page, where notifications can't be: the
    /// `alert-banner`.
    pub alert_banner: RwSignal<Vec<String>>,
}

impl AppState {
    /// The state `app::App` provided.
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// A place clicked on the map: the reference location, if the user
    /// asked to pick one.
    pub fn pick(self, at: LatLng) {
        if self.picking.get_untracked() {
            self.here.set(Some(at));
            self.picking.set(false);
        }
    }

    /// Runs `reset` each time a kiosk resets (not at first).
    pub fn on_next_visit(self, reset: impl Fn() + 'static) {
        let visit = self.visit;
        Effect::new(move |previous: Option<u32>| {
            let now = visit.get();
            if previous.is_some_and(|p| p != now) {
                reset();
            }
            now
        });
    }
}
