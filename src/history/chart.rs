//! Today's counts of one pharmacy's product as an SVG path, for the details'
//! small line chart. A count holds until a poll changes it, so the line is a
//! step line; a gap (the pharmacy left out of the feed) breaks it. Whole
//! numbers only: the app writes no floats (docs/decisions.md).

use std::fmt::Write;

/// The chart's drawing box (its `viewBox`), in user units.
pub const WIDTH: u32 = 300;
pub const HEIGHT: u32 = 60;

/// The line and what its axes span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The path's `d`, in the `WIDTH` × `HEIGHT` box (y grows downwards).
    pub path: String,
    /// Feed time of the first count and of the last poll, seconds since
    /// midnight: the x axis.
    pub from: u32,
    pub until: u32,
    /// The highest count: the y axis' top.
    pub most: u32,
}

/// The chart of `counts` (from [`super::DayHistory::counts`]: the times a
/// count changed and the new count, `None` for a gap) up to the day's last
/// poll `until`. `None` while there is no count or no time between them.
pub fn chart(counts: &[(u32, Option<u32>)], until: u32) -> Option<Chart> {
    let from = counts.first()?.0;
    if until <= from {
        return None;
    }
    let most = counts.iter().filter_map(|c| c.1).max()?.max(1);
    let x = |at: u32| u64::from(at - from) * u64::from(WIDTH) / u64::from(until - from);
    let y = |count: u32| u64::from(HEIGHT) - u64::from(count) * u64::from(HEIGHT) / u64::from(most);
    let mut path = String::new();
    let mut drawing = false;
    for &(at, count) in counts {
        // The count before this change held until now.
        let _ = match (drawing, count) {
            (true, Some(count)) => write!(path, "H{}V{}", x(at), y(count)),
            (true, None) => write!(path, "H{}", x(at)),
            (false, Some(count)) => write!(path, "M{} {}", x(at), y(count)),
            (false, None) => Ok(()),
        };
        drawing = count.is_some();
    }
    if drawing {
        let _ = write!(path, "H{WIDTH}");
    }
    Some(Chart {
        path,
        from,
        until,
        most,
    })
}
