//! The words of the "Can I buy today?" panel.

use crate::config::Lang;
use crate::feed::Product;
use crate::fetch_error::FetchError;
use crate::rules::{
    Buyers, Check, IdProblem, Limit, NoBecause, Parity, Period, RulesProblem, Scheme, Span, Verdict,
};
use crate::time::Date;

use super::{pick, weekdays};

/// "Wed 2020-02-12" / "2020-02-12（週三）".
pub fn day(lang: Lang, date: Date) -> String {
    let weekday = weekdays(lang)[date.weekday() as usize];
    match lang {
        Lang::ZhTw => format!("{date}（週{weekday}）"),
        Lang::En => format!("{weekday} {date}"),
    }
}

pub fn eligibility_heading(lang: Lang, is_today: bool) -> &'static str {
    match is_today {
        true => pick(lang, "今天可以買嗎？", "Can I buy today?"),
        false => pick(lang, "這天可以買嗎？", "Can I buy on this day?"),
    }
}

fn digits_of(lang: Lang, parity: Parity) -> &'static str {
    match parity {
        Parity::Odd => pick(
            lang,
            "單號（1、3、5、7、9）",
            "an odd digit (1, 3, 5, 7, 9)",
        ),
        Parity::Even => pick(
            lang,
            "雙號（0、2、4、6、8）",
            "an even digit (0, 2, 4, 6, 8)",
        ),
    }
}

/// "Today, Tue 2020-02-11: IDs ending in an even digit (0, 2, 4, 6, 8)",
/// needing no input.
pub fn who_can_buy(lang: Lang, date: Date, is_today: bool, buyers: Option<Buyers>) -> String {
    let when = match (lang, is_today) {
        (Lang::ZhTw, true) => format!("今天 {}", day(lang, date)),
        (Lang::ZhTw, false) => day(lang, date),
        (Lang::En, true) => format!("Today, {}", day(lang, date)),
        (Lang::En, false) => format!("On {}", day(lang, date)),
    };
    let who = match (lang, buyers) {
        (Lang::ZhTw, Some(Buyers::Anyone)) => "不限身分證末碼，都可購買".to_owned(),
        (Lang::En, Some(Buyers::Anyone)) => "anyone may buy".to_owned(),
        (Lang::ZhTw, Some(Buyers::Only(p))) => {
            format!("身分證末碼為{}者可購買", digits_of(lang, p))
        }
        (Lang::En, Some(Buyers::Only(p))) => {
            format!("IDs ending in {} may buy", digits_of(lang, p))
        }
        (_, Some(Buyers::Nobody)) => pick(lang, "不開放購買", "no sales").to_owned(),
        (_, None) => pick(lang, "沒有實名制規定", "no rationing rule in force").to_owned(),
    };
    match lang {
        Lang::ZhTw => format!("{when}：{who}"),
        Lang::En => format!("{when}: {who}"),
    }
}

/// The header's one-line form: "Today (Tue): even IDs" / "今天（二）雙號可買".
pub fn who_can_buy_short(lang: Lang, date: Date, is_today: bool, buyers: Option<Buyers>) -> String {
    let weekday = weekdays(lang)[date.weekday() as usize];
    let when = match (lang, is_today) {
        (Lang::ZhTw, true) => format!("今天（{weekday}）"),
        (Lang::ZhTw, false) => format!("{}/{}（{weekday}）", date.month, date.day),
        (Lang::En, true) => format!("Today ({weekday}):"),
        (Lang::En, false) => format!("{weekday} {}/{}:", date.month, date.day),
    };
    let who = match buyers {
        Some(Buyers::Anyone) => pick(lang, "不限單雙號", "any ID"),
        Some(Buyers::Only(Parity::Odd)) => pick(lang, "單號可買", "odd IDs"),
        Some(Buyers::Only(Parity::Even)) => pick(lang, "雙號可買", "even IDs"),
        Some(Buyers::Nobody) => pick(lang, "不開放購買", "no sales"),
        None => pick(lang, "無實名制限制", "no rationing"),
    };
    match lang {
        Lang::ZhTw => format!("{when}{who}"),
        Lang::En => format!("{when} {who}"),
    }
}

pub fn check_my_id(lang: Lang) -> &'static str {
    pick(lang, "我能買嗎？", "Can I buy?")
}

pub fn digit_pad_label(lang: Lang) -> &'static str {
    pick(lang, "身分證最後一碼", "Last digit of your ID")
}

pub fn id_label(lang: Lang) -> &'static str {
    pick(
        lang,
        "身分證或居留證號碼末碼（或完整號碼）",
        "Last digit of your ID (or the whole ID or resident certificate number)",
    )
}

pub fn id_privacy(lang: Lang) -> &'static str {
    pick(
        lang,
        "只在這台裝置上檢查：號碼不會傳送、不會儲存。",
        "Checked on this device only: the number is never sent or saved.",
    )
}

pub fn remember_parity(lang: Lang) -> &'static str {
    pick(
        lang,
        "在這台裝置記住單雙號（只存「單」或「雙」）",
        "Remember my odd/even on this device (stores only that)",
    )
}

pub fn remembered(lang: Lang, parity: Parity) -> String {
    match (lang, parity) {
        (Lang::ZhTw, Parity::Odd) => "已記住：單號".into(),
        (Lang::ZhTw, Parity::Even) => "已記住：雙號".into(),
        (Lang::En, Parity::Odd) => "Remembered: odd".into(),
        (Lang::En, Parity::Even) => "Remembered: even".into(),
    }
}

/// What looks wrong with a typed ID.
pub fn id_problem(lang: Lang, problem: IdProblem) -> String {
    match (lang, problem) {
        (Lang::ZhTw, IdProblem::Length(n)) => {
            format!("身分證號碼是 10 碼，這裡有 {n} 碼；也可以只輸入最後一碼。")
        }
        (Lang::En, IdProblem::Length(n)) => format!(
            "An ID has 10 characters and this has {n}. You can also type just the last digit."
        ),
        (_, IdProblem::NotADigit) => pick(
            lang,
            "請輸入身分證最後一碼的數字（0–9）。",
            "Type the last digit of your ID (0–9).",
        )
        .into(),
        (_, IdProblem::FirstNotLetter) => pick(
            lang,
            "完整號碼的第一碼應該是英文字母。",
            "A whole ID starts with a letter.",
        )
        .into(),
        (_, IdProblem::SecondNotValid) => pick(
            lang,
            "第二碼應為 1 或 2（身分證）、8 或 9（新式居留證）或 A–D（舊式居留證）。",
            "The second character should be 1 or 2 (national ID), 8 or 9 (new resident certificate) or A–D (old one).",
        )
        .into(),
        (_, IdProblem::NotDigits) => pick(
            lang,
            "第三碼之後應該都是數字。",
            "From the third character on, an ID has only digits.",
        )
        .into(),
        (_, IdProblem::CheckDigit) => pick(
            lang,
            "檢查碼不符：可能有一個數字打錯了。",
            "The check digit doesn't match: a digit is probably mistyped.",
        )
        .into(),
    }
}

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

pub fn limit_label(lang: Lang) -> &'static str {
    pick(lang, "購買上限：", "Limit: ")
}

pub fn date_checked(lang: Lang) -> &'static str {
    pick(lang, "查詢日期", "Day checked")
}

pub fn today(lang: Lang) -> &'static str {
    pick(lang, "今天", "Today")
}

pub fn last_purchase(lang: Lang) -> &'static str {
    pick(
        lang,
        "我上次購買的日期（只存在這台裝置）",
        "My last purchase (kept on this device only)",
    )
}

pub fn clear(lang: Lang) -> &'static str {
    pick(lang, "清除", "Clear")
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

pub fn rules_source(lang: Lang) -> &'static str {
    pick(lang, "規定來源", "Source of the rule")
}

/// The rules file could not be used; the built-in rules apply.
pub fn rules_problem(lang: Lang, url: &str, problem: &RulesProblem) -> String {
    let detail = match (lang, problem) {
        (Lang::ZhTw, RulesProblem::Load(FetchError::Http { status })) => {
            format!("伺服器回應 {status}。")
        }
        (Lang::En, RulesProblem::Load(FetchError::Http { status })) => {
            format!("the server said {status}.")
        }
        (_, RulesProblem::Load(FetchError::Timeout)) => {
            pick(lang, "太久沒有回應。", "no answer in time.").into()
        }
        (_, RulesProblem::Load(_)) => pick(lang, "無法連線。", "it couldn't be reached.").into(),
        (Lang::ZhTw, RulesProblem::Invalid(error)) => format!("內容有誤（{error}）。"),
        (Lang::En, RulesProblem::Invalid(error)) => format!("it has a mistake ({error})."),
    };
    match lang {
        Lang::ZhTw => format!("無法使用規則檔 {url}：{detail} 改用內建規則。"),
        Lang::En => {
            format!("The rules file {url} can't be used: {detail} The built-in rules apply.")
        }
    }
}

/// Everything the result box says, worked out from a [`Check`], so the
/// component only lays it out (and tests can read it without a browser).
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

/// What the user gave: a digit (typed or part of a whole ID), a remembered
/// parity, or something unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    Nothing,
    Digit(u8),
    Remembered(Parity),
    Invalid(IdProblem),
}

impl Given {
    pub fn parity(self) -> Option<Parity> {
        match self {
            Given::Digit(d) => Some(Parity::of_digit(d)),
            Given::Remembered(p) => Some(p),
            Given::Nothing | Given::Invalid(_) => None,
        }
    }
}

pub fn explain(lang: Lang, product: Product, check: &Check, given: Given) -> Explained {
    let digit = match given {
        Given::Digit(d) => Some(d),
        _ => None,
    };
    let scheme_reason = |period: &Period| {
        given
            .parity()
            .map(|p| parity_reason(lang, digit, p, &period.scheme))
    };
    let (verdict, headline, reason, next) = match (given, check.verdict) {
        (Given::Invalid(problem), _) => (
            Some("invalid"),
            verdict_invalid(lang),
            Some(id_problem(lang, problem)),
            None,
        ),
        (_, Verdict::Yes) => (
            Some("yes"),
            verdict_yes(lang),
            check.period.and_then(scheme_reason),
            None,
        ),
        (_, Verdict::NeedsId) => (None, verdict_needs_id(lang), None, None),
        (_, Verdict::NoRule { before, after }) => (
            Some("no-rule"),
            verdict_no_rule(lang),
            Some(no_rule_reason(lang, before, after)),
            None,
        ),
        (_, Verdict::No { next, because }) => {
            let reason = match because {
                NoBecause::Parity => check.period.and_then(scheme_reason),
                NoBecause::Nobody => Some(nobody_today(lang).to_owned()),
                // The purchase line explains the window.
                NoBecause::Quota => None,
            };
            (Some("no"), verdict_no(lang), reason, Some(next))
        }
    };
    let purchase = check.next_purchase.map(|n| {
        next_purchase(
            lang,
            n.bought,
            n.window_opens,
            n.first_day,
            given.parity().is_some(),
        )
    });
    Explained {
        verdict,
        next: next.flatten(),
        headline,
        reason,
        next_line: next.map(|n| next_allowed(lang, n)),
        limit: check.period.map(|p| limit(lang, product, p)),
        purchase,
        note: check
            .period
            .and_then(|p| p.note.as_ref())
            .map(|n| match lang {
                Lang::ZhTw => n.zh_tw.clone(),
                Lang::En => n.en.clone(),
            }),
        sources: check.period.map(|p| p.sources.clone()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// The panel's words under the bundled rules (public/rules.json).
    fn explained(lang: Lang, day: &str, given: Given, bought: Option<&str>) -> Explained {
        let rules = Rules::bundled();
        let check = rules.check(Product::Adult, date(day), given.parity(), bought.map(date));
        explain(lang, Product::Adult, &check, given)
    }

    #[test]
    fn a_refusal_names_the_rule_the_next_day_and_the_limit() {
        let e = explained(Lang::En, "2020-02-11", Given::Digit(3), None);
        assert_eq!((e.verdict, e.next), (Some("no"), Some(date("2020-02-12"))));
        assert_eq!(
            e.reason.as_deref(),
            Some("ID ending 3 buys on Mon, Wed, Fri; Sun: anyone.")
        );
        assert_eq!(
            e.next_line.as_deref(),
            Some("Next allowed day: Wed 2020-02-12")
        );
        assert_eq!(e.limit.as_deref(), Some("2 adult masks per 7 days"));
        assert!(e.sources[0].starts_with("https://www.cna.com.tw/"));
        let zh = explained(Lang::ZhTw, "2020-02-11", Given::Digit(3), None);
        assert_eq!(
            zh.reason.as_deref(),
            Some("末碼為 3 者於週一、週三、週五購買；週日不限。")
        );
        assert_eq!(
            zh.next_line.as_deref(),
            Some("下次可購買：2020-02-12（週三）")
        );
        assert_eq!(zh.limit.as_deref(), Some("成人口罩每 7 天 2 片"));
    }

    #[test]
    fn a_remembered_parity_answers_without_a_digit() {
        let e = explained(Lang::En, "2020-02-10", Given::Remembered(Parity::Odd), None);
        assert_eq!(e.verdict, Some("yes"));
        assert_eq!(
            e.reason.as_deref(),
            Some("An odd ID buys on Mon, Wed, Fri; Sun: anyone.")
        );
    }

    #[test]
    fn no_verdict_until_an_id_is_given_and_invalid_when_it_is_wrong() {
        let waiting = explained(Lang::En, "2020-02-11", Given::Nothing, None);
        assert_eq!((waiting.verdict, waiting.reason), (None, None));
        let wrong = explained(
            Lang::En,
            "2020-02-11",
            Given::Invalid(IdProblem::CheckDigit),
            None,
        );
        assert_eq!((wrong.verdict, wrong.next), (Some("invalid"), None));
        assert_eq!(wrong.headline, verdict_invalid(Lang::En));
        // Sunday needs no ID at all.
        assert_eq!(
            explained(Lang::En, "2020-02-16", Given::Nothing, None).verdict,
            Some("yes")
        );
    }

    #[test]
    fn the_quota_window_is_told_in_the_purchase_line() {
        let e = explained(Lang::En, "2020-02-20", Given::Digit(4), Some("2020-02-16"));
        assert_eq!((e.verdict, e.next), (Some("no"), Some(date("2020-02-23"))));
        assert_eq!(
            e.purchase.as_deref(),
            Some("Bought on 2020-02-16 → next purchase from Sun 2020-02-23.")
        );
        // Bought Monday 2/17 with an even ID: the window opens Monday 2/24,
        // an odd day, so the first day is Tuesday 2/25.
        let e = explained(Lang::En, "2020-02-20", Given::Digit(4), Some("2020-02-17"));
        assert_eq!(e.next, Some(date("2020-02-25")));
        assert_eq!(
            e.purchase.as_deref(),
            Some("Bought on 2020-02-17 → the limit allows more from 2020-02-24; with your ID's days, the first is Tue 2020-02-25.")
        );
    }

    #[test]
    fn a_day_without_rules_points_at_the_nearest_period() {
        let e = explained(Lang::En, "2020-01-20", Given::Digit(3), None);
        assert_eq!(e.verdict, Some("no-rule"));
        assert_eq!(
            e.reason.as_deref(),
            Some("The next starts 2020-02-06, until 2020-03-04.")
        );
        assert_eq!((e.limit, e.note), (None, None));
    }

    #[test]
    fn the_header_summary_is_short() {
        let rules = Rules::bundled();
        let buyers = |day| rules.check(Product::Adult, date(day), None, None).buyers;
        let short = |lang, day, today| who_can_buy_short(lang, date(day), today, buyers(day));
        assert_eq!(short(Lang::En, "2020-02-11", true), "Today (Tue): even IDs");
        assert_eq!(short(Lang::En, "2020-02-16", false), "Sun 2/16: any ID");
        assert_eq!(short(Lang::ZhTw, "2020-02-10", true), "今天（一）單號可買");
        assert_eq!(
            short(Lang::ZhTw, "2019-12-01", false),
            "12/1（日）無實名制限制"
        );
    }
}
