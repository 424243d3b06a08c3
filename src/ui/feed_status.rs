//! The `feed-status` hook: what was loaded, how old it is, or what went wrong.

use leptos::prelude::*;

use crate::config::Lang;
use crate::feed::placement::Placement;
use crate::feed::refresh::SavedCopy;
use crate::feed::{self, Inventory, LoadError};
use crate::fetch_error::FetchError;
use crate::i18n;
use crate::state::{AppState, FeedView, LoadState};
use crate::time::TaipeiDateTime;
use crate::timers::now_unix_seconds;

/// The contract's `data-state`.
fn state_name(view: &FeedView) -> &'static str {
    match (&view.load, &view.inventory) {
        (LoadState::Loading, _) => "loading",
        (LoadState::Failed(_), _) => "error",
        (LoadState::Loaded, Some(_)) if view.saved_copy.is_some() => "stale",
        (LoadState::Loaded, Some(inv)) if feed::is_stale(inv.as_of, now_unix_seconds()) => "stale",
        (LoadState::Loaded, _) => "ok",
    }
}

/// The contract's `data-problem`: which parts of the data are missing or
/// were refused, in a fixed order; `None` when nothing is.
fn problem_tokens(view: &FeedView, rules_problem: bool, blocked: bool) -> Option<String> {
    let tokens = [
        (
            "feed",
            matches!(view.load, LoadState::Failed(_)) || view.saved_copy.is_some(),
        ),
        (
            "registry",
            matches!(view.placement, Some(Placement::RegistryFailed(_))),
        ),
        ("rules", rules_problem),
        ("older", view.refused_older.is_some()),
        ("blocked", blocked),
    ];
    let named: Vec<&str> = tokens
        .iter()
        .filter(|(_, on)| *on)
        .map(|(t, _)| *t)
        .collect();
    (!named.is_empty()).then(|| named.join(" "))
}

/// The status line. `blocked_host`: the feed's host when the site's policy
/// refused it (the fetch may only have seen a failed request).
fn message(view: &FeedView, lang: Lang, blocked_host: Option<&str>) -> String {
    let now = now_unix_seconds();
    // Where the pharmacies are: a sentence when the registry failed, else
    // the count on the map (and of those without a location).
    let placed = |inv: &Inventory| {
        let (count, located) = (inv.pharmacies.len(), inv.located().count());
        match view.placement {
            Some(Placement::RegistryFailed(_)) => {
                Ok(i18n::registry_failed_header(lang, count - located))
            }
            _ => Err(i18n::pharmacies_shown(lang, count, located)),
        }
    };
    let loaded = |inv: &Inventory| {
        let stale = feed::is_stale(inv.as_of, now);
        match placed(inv) {
            Ok(sentence) => format!(
                "{sentence} {}",
                i18n::data_time_sentence(lang, inv.as_of, now, stale)
            ),
            Err(shown) => format!("{shown} · {}", i18n::data_time(lang, inv.as_of, now, stale)),
        }
    };
    let failure = |error: &LoadError| match blocked_host {
        Some(host) => i18n::blocked_feed(lang, host),
        None => i18n::load_error(lang, error),
    };
    match (&view.load, &view.inventory) {
        (LoadState::Loading, None) => i18n::feed_loading(lang).to_owned(),
        (LoadState::Failed(error), None) => {
            format!("{} {}", failure(error), i18n::retrying(lang))
        }
        (LoadState::Failed(error), Some(_)) => {
            format!(
                "{} {} {}",
                failure(error),
                i18n::showing_last_good(lang),
                i18n::retrying(lang)
            )
        }
        (_, Some(inv)) => match view.saved_copy {
            Some(reason) => {
                let reason = match blocked_host {
                    Some(_) => SavedCopy::Failed(FetchError::Blocked),
                    None => reason,
                };
                // The saved data's own time is in the sentence before.
                let placed = placed(inv).unwrap_or_else(|shown| i18n::sentence(lang, &shown));
                format!(
                    "{} {} {placed}",
                    i18n::saved_copy_reason(lang, reason, blocked_host.unwrap_or_default()),
                    i18n::saved_copy_of(lang, inv.as_of),
                )
            }
            None => loaded(inv),
        },
        (LoadState::Loaded, None) => String::new(),
    }
}

/// The feed's state in words and as the contract's attributes. `feed_host`
/// names the feed when the site's policy refuses it.
#[component]
pub fn FeedStatus(on_retry: Callback<()>, feed_host: String) -> impl IntoView {
    let AppState {
        feed,
        lang,
        rules_problem,
        blocked,
        ..
    } = AppState::get();
    let failed = move || feed.with(|f| matches!(f.load, LoadState::Failed(_)));
    let feed_blocked = move || blocked.with(|b| b.contains(&"feed"));
    let text = move || {
        let host = feed_blocked().then_some(feed_host.as_str());
        feed.with(|f| message(f, lang, host))
    };
    view! {
        <div
            class="feed-status"
            data-testid="feed-status"
            role="status"
            aria-live="polite"
            data-state=move || feed.with(state_name)
            data-count=move || feed.with(|f| f.inventory.as_ref().map_or(0, |inv| inv.pharmacies.len()))
            data-located=move || feed.with(|f| f.inventory.as_ref().map_or(0, |inv| inv.located().count()))
            data-problem=move || {
                let blocked = blocked.with(|b| !b.is_empty());
                feed.with(|f| problem_tokens(f, rules_problem.get(), blocked))
            }
            data-saved-copy=move || feed.with(|f| f.saved_copy.is_some().then(|| "true".to_owned()))
            data-as-of=move || {
                feed.with(|f| f.inventory.as_ref().and_then(|inv| inv.as_of).map(TaipeiDateTime::to_iso))
            }
        >
            <span class="feed-status__text">{text}</span>
            <Show when=failed>
                <button class="feed-status__retry" on:click=move |_| on_retry.run(())>
                    {i18n::retry(lang)}
                </button>
            </Show>
        </div>
    }
}

/// How many row issues the detail lists; the summary counts them all.
const ISSUES_SHOWN: usize = 5;

/// The standing note that stock is approximate, and what the feed's rows
/// and locations lacked.
#[component]
pub fn FeedDetails() -> impl IntoView {
    let AppState {
        feed_later: feed,
        lang,
        ..
    } = AppState::get();
    let detail = move || {
        feed.with(|f| {
            let inv = f.inventory.as_ref()?;
            let skipped = inv.skipped();
            let unplaced = inv.pharmacies.len() - inv.located().count();
            let mut lines: Vec<String> = inv
                .issues
                .iter()
                .take(ISSUES_SHOWN)
                .map(|i| i18n::row_issue(lang, i))
                .collect();
            if let Some(Placement::RegistryFailed(_)) = f.placement {
                lines.push(i18n::registry_failed(lang).to_owned());
            }
            if inv.issues.is_empty() && unplaced == 0 && f.refused_older.is_none() {
                return None;
            }
            let mut parts = Vec::new();
            if !inv.issues.is_empty() {
                parts.push(i18n::rows_summary(
                    lang,
                    skipped,
                    inv.issues.len() - skipped,
                ));
            }
            if unplaced > 0 {
                parts.push(i18n::unplaced(lang, unplaced));
            }
            if let Some(older) = f.refused_older {
                parts.push(i18n::older_refused(lang, older));
            }
            let summary = parts.join(" · ");
            Some((summary, lines, skipped))
        })
    };
    view! {
        <p class="app-footer__note">{i18n::stock_is_approximate(lang)}</p>
            {move || {
                detail()
                    .map(|(summary, lines, skipped)| {
                        view! {
                            <details class="feed-details" data-testid="feed-details" data-skipped=skipped>
                                <summary>{summary}</summary>
                                <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                            </details>
                        }
                    })
            }}
    }
}
