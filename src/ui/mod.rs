//! Leptos components, one per panel. They read state and render text; they
//! neither parse nor compute.

mod details;
pub mod device_storage;
mod directions;
mod eligibility;
mod embed;
mod feed_status;
mod filters;
mod idle;
mod link_problems;
mod list;
mod location;
mod nearest;
mod sheet;

pub use details::PharmacyDetails;
pub use directions::Directions;
pub use eligibility::{BuyTodaySummary, CheckedDay, EligibilityPanel, RulesView};
pub use embed::EmbedDialog;
pub use feed_status::{now_unix_seconds, taipei_now, FeedDetails, FeedStatus, FeedView, LoadState};
pub use filters::FilterBar;
pub use idle::{on_next_visit, reset_when_idle};
pub use link_problems::LinkProblems;
pub use list::PharmacyList;
pub use location::LocationControls;
pub use nearest::{NearestPanel, NEAREST_SHOWN};
pub use sheet::Sheet;
