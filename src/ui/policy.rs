//! Requests the page's Content-Security-Policy refused, reported as such
//! rather than as a connection problem: each in `link-problems` under the
//! parameter it served (a blocked `tiles=` leaves the base map blank, which
//! must not be silent), and as `blocked` in the status. Listens in Rust, so
//! it does not depend on `public/boot.js`; what boot.js recorded before the
//! app ran (`window.__maskMapBlocked`, a Set of URLs) is read at the start.

use std::rc::Rc;

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::config::trust::{blocked_source, ResolvedUrl, SourceKind};
use crate::config::{ParamProblem, ProblemKind};
use crate::state::AppState;

/// What the page loads from where: its data sources (resolved), the values
/// to name in the notice, and the tile template, if any.
pub struct Watched {
    pub sources: Vec<(SourceKind, ResolvedUrl)>,
    /// Each source's address as the notice repeats it.
    pub values: Vec<(SourceKind, String)>,
    pub tiles: Option<String>,
}

/// Starts reporting refused requests into `state`.
pub fn report_blocked_requests(state: AppState, watched: Watched) {
    let watched = Rc::new(watched);
    let report = {
        let watched = watched.clone();
        move |url: String, directive: String| {
            let param = param_of(&watched, &url, &directive);
            state.blocked.update(|b| {
                if !b.contains(&param) {
                    b.push(param);
                }
            });
            let value = match param {
                "tiles" => watched.tiles.clone(),
                _ => watched
                    .values
                    .iter()
                    .find(|(kind, _)| kind.param() == param)
                    .map(|(_, value)| value.clone()),
            };
            if let Some(value) = value {
                let problem = ParamProblem::new(param, &value, ProblemKind::Blocked);
                if !state.link_problems.with_untracked(|p| p.contains(&problem)) {
                    state.link_problems.update(|p| {
                        p.push_new(problem);
                    });
                }
            }
        }
    };
    let early = Reflect::get(&window(), &JsValue::from_str("__maskMapBlocked"));
    if let Some(set) = early.ok().and_then(|v| v.dyn_into::<js_sys::Set>().ok()) {
        set.for_each(&mut |url, _, _| report(url.as_string().unwrap_or_default(), String::new()));
    }
    let handle = window_event_listener_untyped("securitypolicyviolation", move |event| {
        let field = |name: &str| {
            Reflect::get(&event, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        report(field("blockedURI"), field("effectiveDirective"));
    });
    on_cleanup(move || handle.remove());
}

/// Which parameter a refused request served: the map's only images from
/// elsewhere are its tiles; a fetch is matched to the feed, registry or rules.
fn param_of(watched: &Watched, url: &str, directive: &str) -> &'static str {
    if directive.starts_with("img-src") && watched.tiles.is_some() {
        return "tiles";
    }
    if let Some(kind) = blocked_source(url, &watched.sources) {
        return kind.param();
    }
    let tile_origin = watched
        .tiles
        .as_deref()
        .and_then(|t| web_sys::Url::new(t).ok())
        .map(|u| u.origin());
    match tile_origin {
        Some(origin) if !url.is_empty() && url.starts_with(&origin) => "tiles",
        _ => "other",
    }
}
