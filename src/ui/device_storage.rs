//! The only things the app keeps on the device, in `localStorage`: the
//! parity the user chose to remember (`odd`/`even`, never the ID) and the
//! day of their last purchase per product. Failures (private mode, storage
//! full or disabled) just mean nothing is remembered.

use crate::feed::Product;
use crate::rules::Parity;
use crate::time::Date;

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
