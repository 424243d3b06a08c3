//! The words of the filter bar.

use super::pick;
use crate::config::Lang;

pub fn filters(lang: Lang) -> &'static str {
    pick(lang, "篩選", "Filters")
}

pub fn only_in_stock(lang: Lang) -> &'static str {
    pick(lang, "只看有貨", "Only with stock")
}

pub fn only_open_now(lang: Lang) -> &'static str {
    pick(lang, "只看營業中", "Only open now")
}

pub fn all_counties(lang: Lang) -> &'static str {
    pick(lang, "全部縣市", "All counties")
}

pub fn all_towns(lang: Lang) -> &'static str {
    pick(lang, "全部鄉鎮市區", "All towns")
}

pub fn product_label(lang: Lang) -> &'static str {
    pick(lang, "品項", "Product")
}
