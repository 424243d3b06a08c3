//! Rationing rules: the timeline of periods per product, ID validation and
//! the verdict for a date (issue 6). Pure Rust, no browser types; dates come
//! from [`crate::time`], which already fixes "today" to Taipei.
