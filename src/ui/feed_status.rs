//! The `feed-status` hook: what was loaded, how old it is, or what went wrong.

use leptos::prelude::*;

use crate::config::Lang;
use crate::feed::placement::Placement;
use crate::feed::{self, Inventory};
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

fn message(view: &FeedView, lang: Lang) -> String {
    let loaded = |inv: &Inventory| {
        let now = now_unix_seconds();
        i18n::feed_loaded(
            lang,
            inv.pharmacies.len(),
            inv.as_of,
            now,
            feed::is_stale(inv.as_of, now),
        )
    };
    match (&view.load, &view.inventory) {
        (LoadState::Loading, None) => i18n::feed_loading(lang).to_owned(),
        (LoadState::Loading, Some(inv)) => loaded(inv),
        (LoadState::Failed(error), None) => {
            format!("{} {}", i18n::load_error(lang, error), i18n::retrying(lang))
        }
        (LoadState::Failed(error), Some(_)) => {
            format!(
                "{} {} {}",
                i18n::load_error(lang, error),
                i18n::showing_last_good(lang),
                i18n::retrying(lang)
            )
        }
        (LoadState::Loaded, Some(inv)) if view.saved_copy.is_some() => {
            format!("{} {}", i18n::offline_saved_copy(lang), loaded(inv))
        }
        (LoadState::Loaded, Some(inv)) => loaded(inv),
        (LoadState::Loaded, None) => String::new(),
    }
}

#[component]
pub fn FeedStatus(on_retry: Callback<()>) -> impl IntoView {
    let AppState { feed, lang, .. } = AppState::get();
    let failed = move || feed.with(|f| matches!(f.load, LoadState::Failed(_)));
    view! {
        <div
            class="feed-status"
            data-testid="feed-status"
            role="status"
            aria-live="polite"
            data-state=move || feed.with(state_name)
            data-count=move || feed.with(|f| f.inventory.as_ref().map_or(0, |inv| inv.pharmacies.len()))
            data-as-of=move || {
                feed.with(|f| f.inventory.as_ref().and_then(|inv| inv.as_of).map(TaipeiDateTime::to_iso))
            }
        >
            <span class="feed-status__text">{move || feed.with(|f| message(f, lang))}</span>
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
            if inv.issues.is_empty() && unplaced == 0 {
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
