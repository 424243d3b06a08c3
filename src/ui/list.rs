//! The list of pharmacies matching the filters and a search: the accessible
//! alternative to the map. Sorted by distance when a location is known, else
//! by county, town and name.

use leptos::prelude::*;

use crate::coords::distance_m;
use crate::feed::Search;
use crate::i18n;
use crate::state::AppState;
use crate::timers::taipei_now;

/// Rows rendered at once; the count says how many more match.
const LIST_LIMIT: usize = 100;

#[component]
pub fn PharmacyList(open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::get();
    let AppState {
        feed_later: feed,
        filters,
        here,
        selected,
        levels,
        lang,
        ..
    } = state;
    let query = RwSignal::new(String::new());
    // A kiosk's reset clears the search.
    state.on_next_visit(move || query.set(String::new()));
    let rows = move || {
        let filters = filters.get();
        let search = Search::new(&query.get());
        let from = here.get();
        feed.with(|f| {
            let inventory = f.inventory.clone()?;
            let product = inventory.product_to_show(filters.product);
            let now = taipei_now();
            let mut matching: Vec<(usize, Option<f64>)> = inventory
                .pharmacies
                .iter()
                .enumerate()
                .filter(|(_, p)| filters.admits(p, product, now) && search.matches(p))
                .map(|(i, p)| (i, from.zip(p.location).map(|(a, b)| distance_m(a, b))))
                .collect();
            // Nearest first when there is a "here"; then by county, town, name.
            let key = |i: usize| {
                let p = &inventory.pharmacies[i];
                (
                    p.county.unwrap_or("~"),
                    p.town.as_deref().unwrap_or_default(),
                    p.name.as_str(),
                )
            };
            matching.sort_by(|a, b| {
                a.1.unwrap_or(f64::INFINITY)
                    .total_cmp(&b.1.unwrap_or(f64::INFINITY))
                    .then_with(|| key(a.0).cmp(&key(b.0)))
            });
            Some((inventory, product, matching))
        })
    };
    view! {
        <Show when=move || open.get()>
            <section class="list" data-testid="list" aria-labelledby="list-heading">
                <h2 id="list-heading" class="list__heading">{i18n::list_heading(lang)}</h2>
                <button class="details__close" on:click=move |_| open.set(false) aria-label=i18n::close(lang)>
                    "×"
                </button>
                <input
                    class="list__search"
                    data-testid="list-search"
                    type="search"
                    placeholder=i18n::search_placeholder(lang)
                    aria-label=i18n::search_placeholder(lang)
                    prop:value=move || query.get()
                    on:input=move |e| query.set(event_target_value(&e))
                />
                {move || {
                    rows()
                        .map(|(inventory, product, matching)| {
                            let total = matching.len();
                            let items = matching
                                .into_iter()
                                .take(LIST_LIMIT)
                                .map(|(i, metres)| {
                                    let p = &inventory.pharmacies[i];
                                    let count = product.and_then(|pr| p.stock.get(pr));
                                    let level = p.stock_level(product, levels);
                                    let code = p.code.clone();
                                    view! {
                                        <li class="list-item" data-testid="list-item" data-id=p.code.clone()>
                                            <button class="nearest-item__name" on:click=move |_| selected.set(Some(code.clone()))>
                                                {p.name.clone()}
                                            </button>
                                            <span class="list-item__address">{p.address.clone()}</span>
                                            <span class=format!("stock--{}", level.as_str())>
                                                {count.map_or_else(|| "—".to_owned(), |c| c.to_string())}
                                                " · "
                                                {i18n::stock_level(lang, level)}
                                            </span>
                                            {metres.map(|m| view! { <span>{i18n::distance(lang, m)}</span> })}
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <p class="list__count" data-testid="list-count" data-count=total>
                                    {i18n::list_count(lang, total, LIST_LIMIT)}
                                </p>
                                <ol class="list__items">{items}</ol>
                            }
                        })
                }}
            </section>
        </Show>
    }
}
