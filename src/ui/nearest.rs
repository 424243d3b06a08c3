//! The `nearest` hook: the pharmacies with stock nearest to the reference
//! location, with distance, walking time, stock, open now and directions.

use leptos::prelude::*;

use crate::config::Mode;
use crate::i18n;
use crate::links;
use crate::state::{AppState, SharedIndex};
use crate::timers::taipei_now;
use crate::ui::{CountNews, LocationControls};

/// How many nearest pharmacies the panel lists unless `nearest=` says.
pub const NEAREST_SHOWN: usize = 5;

#[component]
pub fn NearestPanel(
    /// How many to list.
    count: usize,
) -> impl IntoView {
    let AppState {
        filters,
        here,
        selected,
        levels,
        mode,
        lang,
        history,
        stock_index,
        ..
    } = AppState::get();
    let answer = move || {
        let from = here.get()?;
        let filters = filters.get();
        let SharedIndex(index) = stock_index.get()?;
        let inventory = index.inventory().clone();
        let product = inventory.product_to_show(filters.product);
        let now = taipei_now();
        let found = index.nearest_stock(product, &filters, from, count, now);
        Some((inventory, product, found, now))
    };
    let list = move || {
        answer().map(|(inventory, product, found, now)| {
            let items = found
                .items
                .iter()
                .map(|n| {
                    let p = &inventory.pharmacies[n.index];
                    let count = product.and_then(|pr| p.stock.get(pr));
                    let level = p.stock_level(product, levels);
                    let open = p.opening.map(|o| o.open_at(now));
                    let code = p.code.clone();
                    let [(_, directions), ..] = links::directions(p.location, &p.address);
                    let news = history.with(|h| CountNews::of(h, &inventory, p, product));
                    let [updated, lagging, trend, rate, sellout, stalled] = news.hooks();
                    view! {
                        <li
                            class="nearest-item"
                            data-testid="nearest-item"
                            data-id=p.code.clone()
                            data-distance-m=(n.metres.round() as u64).to_string()
                            data-updated=updated
                            data-lagging=lagging
                            data-trend=trend
                            data-rate-per-hour=rate
                            data-sellout=sellout
                            data-stalled=stalled
                        >
                            <button class="nearest-item__name" on:click=move |_| selected.set(Some(code.clone()))>
                                {p.name.clone()}
                            </button>
                            <span class="nearest-item__distance">
                                {i18n::distance(lang, n.metres)} " · " {i18n::walking(lang, n.metres)}
                            </span>
                            <span class=format!("nearest-item__stock stock--{}", level.as_str())>
                                {i18n::count_and_level(lang, count, level)}
                            </span>
                            <span class="nearest-item__open">{i18n::open_now(lang, open)}</span>
                            {news.phrase(lang).map(|text| view! { <span class="nearest-item__pace">{text}</span> })}
                            // On a kiosk, directions are a QR code in the details.
                            {(mode != Mode::Kiosk).then(|| view! {
                                <a class="nearest-item__directions" href=directions target="_blank" rel="noopener noreferrer">
                                    {i18n::directions(lang)}
                                </a>
                            })}
                        </li>
                    }
                })
                .collect_view();
            let note = if found.items.is_empty() {
                Some(i18n::none_with_stock(lang))
            } else {
                found.none_within_reach.then(|| i18n::none_within_reach(lang))
            };
            view! {
                {note.map(|n| view! { <p class="nearest__note">{n}</p> })}
                <ol class="nearest__list">{items}</ol>
            }
        })
    };
    view! {
        <section class="nearest" data-testid="nearest" aria-labelledby="nearest-heading">
            <h2 id="nearest-heading" class="nearest__heading">{i18n::nearest_heading(lang)}</h2>
            <Show when=move || here.with(Option::is_none)>
                <p class="nearest__note">{i18n::choose_a_location(lang)}</p>
            </Show>
            {list}
            <LocationControls />
        </section>
    }
}
