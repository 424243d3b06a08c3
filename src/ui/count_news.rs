//! What the details and the nearest list say of a count beyond the count:
//! whether the pharmacy's row lags the feed (then call before going), and
//! what the day's counts say (the pace, the sell-out estimate, a stall).
//! Both carry the same hooks (`data-updated`, `data-lagging`, `data-trend`,
//! `data-rate-per-hour`, `data-sellout`, `data-stalled`).

use leptos::prelude::*;

use crate::config::Lang;
use crate::feed::{Inventory, Pharmacy, Product};
use crate::history::reading::{Reading, Trend};
use crate::history::DayHistory;
use crate::i18n;
use crate::time::TaipeiDateTime;

#[derive(Clone, Copy)]
pub struct CountNews {
    /// The row's own time, else the feed's.
    pub updated: Option<TaipeiDateTime>,
    /// The row's time, when it lags the feed.
    pub lagging_since: Option<TaipeiDateTime>,
    pub reading: Reading,
}

impl CountNews {
    pub fn of(
        history: &DayHistory,
        inventory: &Inventory,
        pharmacy: &Pharmacy,
        product: Option<Product>,
    ) -> CountNews {
        CountNews {
            updated: pharmacy.updated.or(inventory.as_of),
            lagging_since: pharmacy.lagging_since(inventory.as_of),
            reading: product.map_or(Reading::UNKNOWN, |product| {
                history.reading(&pharmacy.code, product, pharmacy.opening.as_ref())
            }),
        }
    }

    /// The hooks' values, in the order the module's doc names them.
    pub fn hooks(self) -> [Option<String>; 6] {
        let r = self.reading;
        [
            self.updated.map(TaipeiDateTime::to_iso),
            Some(self.lagging_since.is_some().to_string()),
            Some(r.trend.as_str().to_owned()),
            r.rate_per_hour.map(|n| n.to_string()),
            r.sellout.map(i18n::clock),
            Some(r.stalled_minutes.is_some().to_string()),
        ]
    }

    /// The lines of the details: a lagging row's warning (with the phone),
    /// the pace and its estimate, a stall.
    pub fn lines(self, lang: Lang, phone: &str) -> impl IntoView {
        let r = self.reading;
        let lagging = self.lagging_since.map(|at| {
            view! { <p class="count-news count-news--warning">{i18n::lagging(lang, at)} " · " {phone.to_owned()}</p> }
        });
        let pace = match (r.trend, r.rate_per_hour) {
            (Trend::Falling, Some(rate)) => Some(i18n::selling(lang, rate)),
            (Trend::Rising, _) => Some(i18n::restocked(lang).to_owned()),
            _ => None,
        };
        view! {
            {lagging}
            {pace.map(|text| view! { <p class="count-news">{text}</p> })}
            {r.sellout.map(|at| view! { <p class="count-news">{i18n::sellout(lang, at)}</p> })}
            {r.stalled_minutes.map(|m| view! { <p class="count-news count-news--warning">{i18n::stalled(lang, m)}</p> })}
        }
    }

    /// The short phrase of the nearest list: the pace and the estimate, or
    /// the lagging row's warning.
    pub fn phrase(self, lang: Lang) -> Option<String> {
        let r = self.reading;
        if let Some(at) = self.lagging_since {
            return Some(i18n::lagging(lang, at));
        }
        match (r.trend, r.rate_per_hour) {
            (Trend::Falling, Some(rate)) => Some(i18n::pace_phrase(lang, rate, r.sellout)),
            (Trend::Rising, _) => Some(i18n::restocked(lang).to_owned()),
            _ => r.stalled_minutes.map(|m| i18n::stalled_phrase(lang, m)),
        }
    }
}
