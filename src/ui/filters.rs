//! The filter bar: product, only with stock, only open now, county, town.
//! Choices come from the loaded feed (only products it counts, only counties
//! and towns it has).

use leptos::prelude::*;

use crate::feed::Product;
use crate::i18n;
use crate::state::AppState;

#[component]
pub fn FilterBar() -> impl IntoView {
    let AppState {
        feed_later: feed,
        filters,
        lang,
        ..
    } = AppState::get();
    let products = move || {
        feed.with(|f| {
            f.inventory
                .as_ref()
                .map(|i| i.products())
                .unwrap_or_default()
        })
    };
    let shown_product = move || {
        let requested = filters.with(|f| f.product);
        feed.with(|f| {
            f.inventory
                .as_ref()
                .and_then(|i| i.product_to_show(requested))
        })
    };
    let counties = move || {
        feed.with(|f| {
            f.inventory
                .as_ref()
                .map(|i| i.counties())
                .unwrap_or_default()
        })
    };
    let towns = move || {
        let county = filters.with(|f| f.county.clone());
        feed.with(|f| match (&f.inventory, county) {
            (Some(inventory), Some(county)) => inventory.towns_in(&county),
            _ => Vec::new(),
        })
    };
    // On a phone the bar folds behind one button, so the map keeps the screen.
    let open = RwSignal::new(false);
    let active = move || {
        filters.with(|f| {
            usize::from(f.only_in_stock)
                + usize::from(f.only_open_now)
                + usize::from(f.county.is_some())
        })
    };
    view! {
        <button
            class="filters__toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="filters"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {i18n::filters(lang)}
            {move || (active() > 0).then(|| format!(" ({})", active()))}
        </button>
        <form
            id="filters"
            class="filters"
            class:filters--open=move || open.get()
            data-testid="filters"
            on:submit=|e| e.prevent_default()
        >
            <label class="filters__field">
                <span class="filters__label">{i18n::product_label(lang)}</span>
                <select
                    name="product"
                    on:change=move |e| {
                        let value = event_target_value(&e);
                        filters.update(|f| f.product = Product::from_param(&value));
                    }
                >
                    {move || {
                        products()
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.as_param() selected=move || shown_product() == Some(p)>
                                        {i18n::product(lang, p)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="filters__check">
                <input
                    type="checkbox"
                    name="instock"
                    prop:checked=move || filters.with(|f| f.only_in_stock)
                    on:change=move |e| filters.update(|f| f.only_in_stock = event_target_checked(&e))
                />
                {i18n::only_in_stock(lang)}
            </label>
            <label class="filters__check">
                <input
                    type="checkbox"
                    name="opennow"
                    prop:checked=move || filters.with(|f| f.only_open_now)
                    on:change=move |e| filters.update(|f| f.only_open_now = event_target_checked(&e))
                />
                {i18n::only_open_now(lang)}
            </label>
            <select
                name="county"
                aria-label=i18n::all_counties(lang)
                on:change=move |e| {
                    let value = event_target_value(&e);
                    filters.update(|f| {
                        f.county = (!value.is_empty()).then_some(value);
                        f.town = None;
                    });
                }
            >
                <option value="">{i18n::all_counties(lang)}</option>
                {move || {
                    counties()
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c selected=move || filters.with(|f| f.county.as_deref() == Some(c))>
                                    {c}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <select
                name="town"
                aria-label=i18n::all_towns(lang)
                prop:disabled=move || filters.with(|f| f.county.is_none())
                on:change=move |e| {
                    let value = event_target_value(&e);
                    filters.update(|f| f.town = (!value.is_empty()).then_some(value));
                }
            >
                <option value="">{i18n::all_towns(lang)}</option>
                {move || {
                    towns()
                        .into_iter()
                        .map(|t| {
                            let (value, selected) = (t.clone(), t.clone());
                            view! {
                                <option value=value selected=move || filters.with(|f| f.town.as_ref() == Some(&selected))>
                                    {t}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </form>
    }
}
