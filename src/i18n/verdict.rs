//! The words of the eligibility result box, from the plain
//! [`Explanation`] that [`crate::rules::explain`] works out.

use super::eligibility::{day, id_problem};
use super::{pick, weekdays};
use crate::config::Lang;
use crate::feed::Product;
use crate::rules::explain::Explanation;
use crate::rules::{Check, Given, Limit, Parity, Period, Reason, Scheme, Shown, Span};
use crate::time::Date;

pub fn verdict_yes(lang: Lang) -> &'static str {
    pick(lang, "可以購買", "Yes, you can buy")
}

pub fn verdict_no(lang: Lang) -> &'static str {
    pick(lang, "這天不能購買", "Not on this day")
}

pub fn verdict_no_rule(lang: Lang) -> &'static str {
    pick(lang, "這天沒有實名制規定", "No rationing on this day")
}

pub fn verdict_needs_id(lang: Lang) -> &'static str {
    pick(
        lang,
        "輸入身分證末碼，看看這天能不能買",
        "Type your ID's last digit to check",
    )
}

pub fn verdict_invalid(lang: Lang) -> &'static str {
    pick(lang, "號碼看起來不對", "That number doesn't look right")
}

fn weekday_list(lang: Lang, days: &[u8]) -> String {
    let names = weekdays(lang);
    // Monday first, each once.
    let list: Vec<String> = (0..7u8)
        .filter(|d| days.contains(d))
        .map(|d| match lang {
            Lang::ZhTw => format!("週{}", names[d as usize]),
            Lang::En => names[d as usize].to_owned(),
        })
        .collect();
    list.join(pick(lang, "、", ", "))
}

/// "ID ending 3 buys on Mon, Wed, Fri; Sun: anyone."
pub fn parity_reason(lang: Lang, digit: Option<u8>, parity: Parity, scheme: &Scheme) -> String {
    let whose = match (lang, digit) {
        (Lang::ZhTw, Some(d)) => format!("末碼為 {d} 者"),
        (Lang::ZhTw, None) => match parity {
            Parity::Odd => "單號".to_owned(),
            Parity::Even => "雙號".to_owned(),
        },
        (Lang::En, Some(d)) => format!("ID ending {d}"),
        (Lang::En, None) => format!("An {} ID", parity.as_str()),
    };
    match scheme {
        Scheme::None => match lang {
            Lang::ZhTw => "不分單雙號，每天都可購買。".into(),
            Lang::En => "No odd/even rule: any day.".into(),
        },
        Scheme::Weekday { odd, even, anyone } => {
            let own = if parity == Parity::Odd { odd } else { even };
            let all = if anyone.is_empty() {
                String::new()
            } else {
                match lang {
                    Lang::ZhTw => format!("；{}不限", weekday_list(lang, anyone)),
                    Lang::En => format!("; {}: anyone", weekday_list(lang, anyone)),
                }
            };
            match lang {
                Lang::ZhTw => format!("{whose}於{}購買{all}。", weekday_list(lang, own)),
                Lang::En => format!("{whose} buys on {}{all}.", weekday_list(lang, own)),
            }
        }
        Scheme::CalendarDay { anyone } => {
            let days: Vec<String> = anyone.iter().map(u8::to_string).collect();
            let (zh, en) = match parity {
                Parity::Odd => ("單日", "odd"),
                Parity::Even => ("雙日", "even"),
            };
            match (lang, days.is_empty()) {
                (Lang::ZhTw, true) => format!("{whose}於每月{zh}購買。"),
                (Lang::ZhTw, false) => {
                    format!("{whose}於每月{zh}購買；{} 日不限。", days.join("、"))
                }
                (Lang::En, true) => format!("{whose} buys on {en} days of the month."),
                (Lang::En, false) => format!(
                    "{whose} buys on {en} days of the month; day {}: anyone.",
                    days.join(", ")
                ),
            }
        }
    }
}

/// "Next allowed day: Wed 2020-02-12", or that none is left.
pub fn next_allowed(lang: Lang, next: Option<Date>) -> String {
    match (lang, next) {
        (Lang::ZhTw, Some(d)) => format!("下次可購買：{}", day(lang, d)),
        (Lang::En, Some(d)) => format!("Next allowed day: {}", day(lang, d)),
        (_, None) => pick(
            lang,
            "依現有規定，之後沒有可購買的日子。",
            "No allowed day is left under these rules.",
        )
        .into(),
    }
}

pub fn nobody_today(lang: Lang) -> &'static str {
    pick(lang, "這天不開放購買。", "Nobody may buy on this day.")
}

/// Where the nearest rationing periods are, for a day without one.
pub fn no_rule_reason(lang: Lang, before: Option<Span>, after: Option<Span>) -> String {
    let span = |s: Span| match (lang, s.until) {
        (Lang::ZhTw, Some(u)) => format!("{} 至 {u}", s.from),
        (Lang::ZhTw, None) => format!("{} 起", s.from),
        (Lang::En, Some(u)) => format!("{} to {u}", s.from),
        (Lang::En, None) => format!("from {}", s.from),
    };
    let mut parts = Vec::new();
    if let Some(b) = before {
        parts.push(match lang {
            Lang::ZhTw => format!("上一段實名制：{}", span(b)),
            Lang::En => format!("The last rationing ran {}", span(b)),
        });
    }
    if let Some(a) = after {
        parts.push(match lang {
            Lang::ZhTw => format!("下一段實名制：{}", span(a)),
            Lang::En => format!("The next starts {}", span(a).replace(" to ", ", until ")),
        });
    }
    if parts.is_empty() {
        return pick(
            lang,
            "這項商品沒有實名制規定。",
            "No rationing rules for this product.",
        )
        .into();
    }
    parts.join(pick(lang, "；", ". ")) + pick(lang, "。", ".")
}

/// "2 adult masks per 7 days" / "成人口罩每 7 天 2 片".
pub fn limit(lang: Lang, product: Product, period: &Period) -> String {
    let (zh_name, zh_unit, en_name) = match product {
        Product::Adult => ("成人口罩", "片", "adult masks"),
        Product::Child => ("兒童口罩", "片", "children's masks"),
        Product::RapidTest => ("快篩試劑", "盒", "boxes of rapid tests"),
    };
    let amount = match (lang, &period.limit) {
        (Lang::ZhTw, Some(Limit::PerDays { items, days })) => {
            format!("{zh_name}每 {days} 天 {items} {zh_unit}")
        }
        (Lang::En, Some(Limit::PerDays { items, days })) => {
            format!("{items} {en_name} per {days} days")
        }
        (Lang::ZhTw, Some(Limit::PerRound { items, .. })) => {
            format!("{zh_name}每人每輪 {items} {zh_unit}")
        }
        (Lang::En, Some(Limit::PerRound { items, .. })) => {
            format!("{items} {en_name} per person per round")
        }
        (_, None) => pick(
            lang,
            "資料來源未載明購買上限",
            "The limit is not stated in our sources",
        )
        .into(),
    };
    match (lang, period.max_age) {
        (Lang::ZhTw, Some(age)) => format!("{amount}（限 {age} 歲以下兒童的健保卡）"),
        (Lang::En, Some(age)) => format!("{amount} (cards of children aged {age} or under)"),
        (_, None) => amount,
    }
}

/// "Bought on 2020-02-16 → next purchase from Sun 2020-02-23".
pub fn next_purchase(
    lang: Lang,
    bought: Date,
    window_opens: Option<Date>,
    first_day: Option<Date>,
    parity_known: bool,
) -> String {
    match (lang, window_opens, first_day) {
        (Lang::ZhTw, Some(w), Some(f)) if w == f || !parity_known => {
            format!("{bought} 購買 → {} 起可再購買。", day(lang, f))
        }
        (Lang::En, Some(w), Some(f)) if w == f || !parity_known => {
            format!("Bought on {bought} → next purchase from {}.", day(lang, f))
        }
        (Lang::ZhTw, Some(w), Some(f)) => format!(
            "{bought} 購買 → {w} 起額度恢復；依單雙號，最早 {} 可再購買。",
            day(lang, f)
        ),
        (Lang::En, Some(w), Some(f)) => format!(
            "Bought on {bought} → the limit allows more from {w}; with your ID's days, the first is {}.",
            day(lang, f)
        ),
        (Lang::ZhTw, Some(w), None) => format!("{bought} 購買 → {w} 起額度恢復，但之後依規定沒有可購買的日子。"),
        (Lang::En, Some(w), None) => format!(
            "Bought on {bought} → the limit allows more from {w}, but no allowed day is left under these rules."
        ),
        (Lang::ZhTw, None, _) => format!("{bought} 購買。規定未載明這段期間的購買週期，無法推算下次日期。"),
        (Lang::En, None, _) => format!(
            "Bought on {bought}. The rules don't give this period's purchase window, so the next date can't be counted."
        ),
    }
}

/// Everything the result box says, in words, so the component only lays it
/// out (and tests can read it without a browser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// `data-verdict`: `yes|no|no-rule|invalid`; `None` while an ID is needed.
    pub verdict: Option<&'static str>,
    /// `data-next`, when the verdict is `no` and a next day exists.
    pub next: Option<Date>,
    pub headline: &'static str,
    pub reason: Option<String>,
    pub next_line: Option<String>,
    pub limit: Option<String>,
    pub purchase: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// The result box's words for `check`, as [`crate::rules::explain()`] lays it out.
pub fn explain(lang: Lang, product: Product, check: &Check, given: Given) -> Explained {
    explained(lang, product, &crate::rules::explain(check, given))
}

/// The words of an [`Explanation`].
pub fn explained(lang: Lang, product: Product, e: &Explanation) -> Explained {
    Explained {
        verdict: e.shown.as_attribute(),
        next: e.next_day(),
        headline: headline(lang, e.shown),
        reason: e.reason.map(|r| reason(lang, r)),
        next_line: e.next.map(|n| next_allowed(lang, n)),
        limit: e.period.map(|p| limit(lang, product, p)),
        purchase: e
            .purchase
            .map(|n| next_purchase(lang, n.bought, n.window_opens, n.first_day, e.parity_known)),
        note: e.period.and_then(|p| p.note.as_ref()).map(|n| match lang {
            Lang::ZhTw => n.zh_tw.clone(),
            Lang::En => n.en.clone(),
        }),
        sources: e.period.map(|p| p.sources.clone()).unwrap_or_default(),
    }
}

pub fn headline(lang: Lang, shown: Shown) -> &'static str {
    match shown {
        Shown::Yes => verdict_yes(lang),
        Shown::No => verdict_no(lang),
        Shown::NoRule => verdict_no_rule(lang),
        Shown::Invalid => verdict_invalid(lang),
        Shown::NeedsId => verdict_needs_id(lang),
    }
}

pub fn reason(lang: Lang, reason: Reason) -> String {
    match reason {
        Reason::Id(problem) => id_problem(lang, problem),
        Reason::Parity {
            digit,
            parity,
            scheme,
        } => parity_reason(lang, digit, parity, scheme),
        Reason::NoRule { before, after } => no_rule_reason(lang, before, after),
        Reason::Nobody => nobody_today(lang).to_owned(),
    }
}
