//! The words of the "Can I buy today?" panel around its result box
//! ([`super::verdict`] words the result itself).

use super::{pick, weekdays};
use crate::config::Lang;
use crate::fetch_error::FetchError;
use crate::rules::{Buyers, IdProblem, Parity, RulesProblem};
use crate::time::Date;

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
