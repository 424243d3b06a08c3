//! mask-map: find rationed goods at pharmacies during a shortage.
//!
//! The pure core (`config`, `coords`, `feed`, `fetch_error`, `history`,
//! `i18n`, `links`, `map::appearance`, `qr`, `rules`, `spatial`, `time`,
//! `watchlist`) has no browser types and is tested with plain `cargo test`. The browser glue
//! (`app`, `state`, `timers`, `bench`, `map`, `ui`, `feed::fetch`) is compiled
//! for wasm32 only, and `bench` only with the `bench` feature (the
//! benchmarks' build, not the users'). `scripts/house-rules.mjs` checks that,
//! file sizes and import cycles.

pub mod config;
pub mod coords;
pub mod feed;
pub mod fetch_error;
pub mod history;
pub mod i18n;
pub mod links;
pub mod map;
pub mod qr;
pub mod rules;
pub mod spatial;
pub mod time;
pub mod watchlist;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod timers;
#[cfg(target_arch = "wasm32")]
pub mod ui;
