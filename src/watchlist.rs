//! Favourites and their stock alerts: the pharmacies a person follows on
//! this device, and which poll should tell them one has stock again. Pure:
//! the page stores the text [`Watchlist::to_text`] writes and hands each
//! inventory it takes in to [`Watchlist::observe`].

use crate::feed::{Inventory, Product};
use crate::time::TaipeiDateTime;

/// At most one alert per pharmacy and product in this many seconds.
pub const ALERT_GAP_SECONDS: i64 = 3600;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Watchlist {
    /// Institution codes, in the order they were starred.
    favourites: Vec<String>,
    alerts: Vec<Alert>,
}

#[derive(Debug, Clone, PartialEq)]
struct Alert {
    code: String,
    product: Product,
    seen: Seen,
    last_fired: Option<i64>,
}

/// What the last poll said of an alert's product there.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen {
    /// Not polled since the page loaded: the next poll only sets the start,
    /// so opening the app does not alert on stock that was already there.
    NotYet,
    Stock,
    /// None, or unknown (no count, or the pharmacy left out of the feed).
    NoStock,
}

impl Seen {
    fn of(count: Option<u32>) -> Seen {
        if count.is_some_and(|n| n > 0) {
            Seen::Stock
        } else {
            Seen::NoStock
        }
    }
}

/// An alert to give: this pharmacy has this product again.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    pub code: String,
    pub product: Product,
    pub count: u32,
}

impl Watchlist {
    /// Reads what [`Watchlist::to_text`] wrote: a line per favourite, its
    /// code then the products it alerts on, tab-separated. Anything else (an
    /// older format, a hand-edited value) is skipped.
    pub fn from_text(text: &str) -> Watchlist {
        let mut list = Watchlist::default();
        for line in text.lines() {
            let mut fields = line.split('\t');
            let code = fields.next().unwrap_or_default().trim();
            if code.is_empty() || list.is_favourite(code) {
                continue;
            }
            list.favourites.push(code.to_owned());
            for product in fields.filter_map(Product::from_param) {
                if !list.is_alerting(code, product) {
                    list.alerts.push(Alert::new(code, product, Seen::NotYet));
                }
            }
        }
        list
    }

    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for code in &self.favourites {
            text.push_str(code);
            for alert in self.alerts.iter().filter(|a| a.code == *code) {
                text.push('\t');
                text.push_str(alert.product.as_param());
            }
            text.push('\n');
        }
        text
    }

    /// Takes the list as another tab of the app stored it (`text`, from
    /// [`Watchlist::to_text`]): its favourites and alerts, each alert still
    /// armed keeping what the polls here saw of it. Whether anything changed.
    pub fn sync(&mut self, text: &str) -> bool {
        let mut stored = Watchlist::from_text(text);
        let same_alerts = stored.alerts.len() == self.alerts.len()
            && stored
                .alerts
                .iter()
                .all(|a| self.is_alerting(&a.code, a.product));
        if stored.favourites == self.favourites && same_alerts {
            return false;
        }
        for alert in &mut stored.alerts {
            if let Some(kept) = self
                .alerts
                .iter()
                .find(|k| k.code == alert.code && k.product == alert.product)
            {
                alert.clone_from(kept);
            }
        }
        *self = stored;
        true
    }

    pub fn favourites(&self) -> &[String] {
        &self.favourites
    }

    pub fn is_favourite(&self, code: &str) -> bool {
        self.favourites.iter().any(|c| c == code)
    }

    /// Stars or unstars `code`; unstarring drops its alerts too.
    pub fn toggle_favourite(&mut self, code: &str) {
        if self.is_favourite(code) {
            self.favourites.retain(|c| c != code);
            self.alerts.retain(|a| a.code != code);
        } else {
            self.favourites.push(code.to_owned());
        }
    }

    /// Whether any alert is armed (then the page polls on while hidden).
    pub fn any_alert(&self) -> bool {
        !self.alerts.is_empty()
    }

    pub fn is_alerting(&self, code: &str, product: Product) -> bool {
        self.alerts
            .iter()
            .any(|a| a.code == code && a.product == product)
    }

    /// Arms or disarms the alert for `product` at a favourite `code` (a
    /// pharmacy not starred is starred first). `count` is its count now:
    /// arming while it has stock alerts only once the stock has gone and
    /// come back.
    pub fn toggle_alert(&mut self, code: &str, product: Product, count: Option<u32>) {
        if self.is_alerting(code, product) {
            self.alerts
                .retain(|a| !(a.code == code && a.product == product));
            return;
        }
        if !self.is_favourite(code) {
            self.favourites.push(code.to_owned());
        }
        self.alerts.push(Alert::new(code, product, Seen::of(count)));
    }

    /// Takes in a poll's counts at `now`: the alerts whose product went
    /// from none or unknown to some, at most one per pharmacy and product
    /// per [`ALERT_GAP_SECONDS`].
    pub fn observe(&mut self, inventory: &Inventory, now: TaipeiDateTime) -> Vec<Fired> {
        let now = now.unix_seconds();
        let mut fired = Vec::new();
        for alert in &mut self.alerts {
            let count = inventory
                .pharmacy(&alert.code)
                .and_then(|p| p.stock.get(alert.product));
            let seen = Seen::of(count);
            let rested = alert
                .last_fired
                .is_none_or(|at| now - at >= ALERT_GAP_SECONDS);
            if (alert.seen, seen) == (Seen::NoStock, Seen::Stock) && rested {
                alert.last_fired = Some(now);
                fired.push(Fired {
                    code: alert.code.clone(),
                    product: alert.product,
                    count: count.unwrap_or_default(),
                });
            }
            alert.seen = seen;
        }
        fired
    }
}

impl Alert {
    fn new(code: &str, product: Product, seen: Seen) -> Alert {
        Alert {
            code: code.to_owned(),
            product,
            seen,
            last_fired: None,
        }
    }
}
