//! "My pharmacies": the favourites, right under the one-answer card, each
//! with its stock, freshness and pace, its alert switch and a one-tap
//! remove. Only in the app (never on a kiosk, nor in an embed); they are
//! kept in this device's storage alone ([`super::device_storage`]).

use leptos::prelude::*;

use crate::feed::{Product, StockLevel};
use crate::i18n;
use crate::state::AppState;
use crate::ui::alerts::ask_to_notify;
use crate::ui::{device_storage, CountNews};
use crate::watchlist::Watchlist;

/// Changes the favourites as stored (another tab may have changed them)
/// and keeps the change on the device.
pub fn change_watchlist(watchlist: RwSignal<Watchlist>, change: impl FnOnce(&mut Watchlist)) {
    let stored = device_storage::watchlist_text();
    watchlist.update(|w| {
        w.sync(&stored);
        change(w);
    });
    watchlist.with_untracked(device_storage::save_watchlist);
}

#[component]
pub fn Favourites() -> impl IntoView {
    let AppState {
        feed_later: feed,
        watchlist,
        history,
        selected,
        filters,
        levels,
        lang,
        ..
    } = AppState::get();
    move || {
        let codes = watchlist.with(|w| w.favourites().to_vec());
        if codes.is_empty() {
            return None;
        }
        let items = feed.with(|f| {
            let inventory = f.inventory.as_ref()?;
            let product = inventory.product_to_show(filters.with(|f| f.product));
            let items = codes
                .into_iter()
                .map(|code| {
                    let found = inventory.pharmacy(&code);
                    let name = found.map_or_else(|| code.clone(), |p| p.name.clone());
                    let count = found.zip(product).and_then(|(p, pr)| p.stock.get(pr));
                    let level = found.map_or(StockLevel::Unknown, |p| p.stock_level(product, levels));
                    let news = found.map(|p| history.with(|h| CountNews::of(h, inventory, p, product)));
                    let stock = i18n::favourite_stock(lang, count, level, news.and_then(|n| n.updated));
                    let pace = news.and_then(|n| n.phrase(lang)).unwrap_or_default();
                    let no_pace = pace.is_empty();
                    // No product in the feed, nothing to alert on.
                    let alert_product = product.unwrap_or(Product::Adult);
                    let armed = watchlist.with(|w| w.is_alerting(&code, alert_product));
                    let (select, alert, unstar) = (code.clone(), code.clone(), code.clone());
                    // Each row's switches are described by its pharmacy's name:
                    // "Remove" alone would not say which.
                    let name_id = format!("favourite-{code}");
                    view! {
                        <li class="favourite" data-id=code>
                            <button class="favourite__name" id=name_id.clone() on:click=move |_| selected.set(Some(select.clone()))>{name}</button>
                            <span class=format!("favourite__stock stock--{}", level.as_str())>{stock}</span>
                            <span class="favourite__pace" hidden=no_pace>{pace}</span>
                            <button
                                class="favourite__alert"
                                data-testid="alert-toggle"
                                aria-describedby=name_id.clone()
                                hidden=product.is_none()
                                aria-pressed=armed.to_string()
                                on:click=move |_| {
                                    if !armed {
                                        ask_to_notify();
                                    }
                                    change_watchlist(watchlist, |w| w.toggle_alert(&alert, alert_product, count));
                                }
                            >
                                {i18n::alert_toggle(lang, alert_product)}
                            </button>
                            <button class="favourite__remove" aria-describedby=name_id on:click=move |_| change_watchlist(watchlist, |w| w.toggle_favourite(&unstar))>
                                {i18n::remove_favourite(lang)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            Some(items)
        })?;
        Some(view! {
            <section class="favourites" data-testid="favourites" aria-labelledby="favourites-heading">
                <h2 id="favourites-heading" class="favourites__heading">{i18n::favourites_heading(lang)}</h2>
                <ul class="favourites__list">{items}</ul>
                <p class="favourites__note">{i18n::alerts_need_the_app_open(lang)}</p>
            </section>
        })
    }
}
