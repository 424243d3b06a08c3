//! Leptos components, one per panel. They read state and render text; they
//! neither parse nor compute.

mod feed_status;
mod link_problems;

pub use feed_status::{FeedDetails, FeedStatus, FeedView, LoadState};
pub use link_problems::LinkProblems;
