//! The words of the eligibility result box (`src/i18n/verdict.rs`) under
//! the bundled rules (public/rules.json, sourced in ../shared/rules-sources.md).

use mask_map::config::Lang;
use mask_map::feed::Product;
use mask_map::i18n::{explain, verdict_invalid, who_can_buy_short, Explained};
use mask_map::rules::{Given, IdProblem, Parity, Rules};
use mask_map::time::Date;

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
