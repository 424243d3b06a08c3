//! mask-map: find rationed goods at pharmacies during a shortage.
//!
//! The pure core (`config`, `feed`, `number`, `rules`, `spatial`,
//! `time`, `i18n`, `links`) has
//! no browser types and is tested with plain `cargo test`. The browser glue
//! (`app`, `map`, `ui`) is compiled for wasm32 only.

pub mod config;
pub mod feed;
pub mod i18n;
pub mod links;
pub mod number;
pub mod qr;
pub mod rules;
pub mod sorting;
pub mod spatial;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod map;
#[cfg(target_arch = "wasm32")]
pub mod timers;
#[cfg(target_arch = "wasm32")]
pub mod ui;
