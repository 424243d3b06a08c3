//! The only things the app keeps on the device, in `localStorage`: the
//! parity the user chose to remember (`odd`/`even`, never the ID), the day
//! of their last purchase per product, and their favourites with the
//! products they alert on; in `sessionStorage`, a kiosk's own language.
//! Failures (private mode, storage full or disabled) just mean nothing is
//! remembered.

use crate::config::Lang;
use crate::feed::Product;
use crate::rules::Parity;
use crate::time::Date;
use crate::watchlist::Watchlist;

const PARITY_KEY: &str = "mask-map.parity";

fn last_purchase_key(product: Product) -> String {
    format!("mask-map.last-purchase.{}", product.as_param())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn save(key: &str, value: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

pub fn remembered_parity() -> Option<Parity> {
    load(PARITY_KEY).and_then(|s| Parity::from_stored(&s))
}

/// Stores `odd`/`even`, or forgets it.
pub fn remember_parity(parity: Option<Parity>) {
    save(PARITY_KEY, parity.map(Parity::as_str));
}

pub fn last_purchase(product: Product) -> Option<Date> {
    load(&last_purchase_key(product)).and_then(|s| Date::parse_iso(&s))
}

pub fn set_last_purchase(product: Product, day: Option<Date>) {
    save(
        &last_purchase_key(product),
        day.map(|d| d.to_string()).as_deref(),
    );
}

const WATCHLIST_KEY: &str = "mask-map.favourites";

pub fn watchlist() -> Watchlist {
    Watchlist::from_text(&watchlist_text())
}

/// The favourites as last stored, by this tab or another.
pub fn watchlist_text() -> String {
    load(WATCHLIST_KEY).unwrap_or_default()
}

pub fn save_watchlist(list: &Watchlist) {
    save(WATCHLIST_KEY, Some(&list.to_text()));
}

const KIOSK_HOME_KEY: &str = "mask-map.kiosk-home";

/// The language a kiosk's link set, which a visitor's switch must not
/// outlive: the first seen for this page (its query without `lang`) in this
/// tab. Holds no one's data.
pub fn kiosk_home_lang(page: &str, current: Lang) -> Lang {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    let Some(session) = session else {
        return current;
    };
    let stored = session.get_item(KIOSK_HOME_KEY).ok().flatten();
    if let Some((stored_page, tag)) = stored.as_deref().and_then(|s| s.rsplit_once('\n')) {
        if stored_page == page {
            return Lang::from_tag(tag).unwrap_or(current);
        }
    }
    let _ = session.set_item(KIOSK_HOME_KEY, &format!("{page}\n{}", current.tag()));
    current
}
