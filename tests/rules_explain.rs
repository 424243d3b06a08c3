//! The eligibility result box as data (`src/rules/explain.rs`): which
//! verdict, why, and what next, under the bundled rules (public/rules.json,
//! sourced in ../shared/rules-sources.md). The words are tested in
//! tests/i18n_eligibility.rs.

use mask_map::feed::Product;
use mask_map::rules::{explain, Check, Given, IdProblem, Parity, Reason, Rules, Shown};
use mask_map::time::Date;

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn check<'r>(rules: &'r Rules, day: &str, given: Given, bought: Option<&str>) -> Check<'r> {
    rules.check(Product::Adult, date(day), given.parity(), bought.map(date))
}

#[test]
fn a_refusal_gives_the_parity_rule_and_the_next_day() {
    let rules = Rules::bundled();
    // Tuesday 2020-02-11: even IDs only.
    let c = check(&rules, "2020-02-11", Given::Digit(3), None);
    let e = explain(&c, Given::Digit(3));
    assert_eq!(e.shown, Shown::No);
    assert_eq!(e.shown.as_attribute(), Some("no"));
    assert_eq!(e.next_day(), Some(date("2020-02-12")));
    let period = c.period.expect("a period is in force on 2020-02-11");
    assert_eq!(e.period, Some(period));
    assert_eq!(
        e.reason,
        Some(Reason::Parity {
            digit: Some(3),
            parity: Parity::Odd,
            scheme: &period.scheme,
        })
    );
    assert!(e.parity_known);
}

#[test]
fn a_remembered_parity_is_a_reason_without_a_digit() {
    let rules = Rules::bundled();
    let given = Given::Remembered(Parity::Odd);
    let e = explain(&check(&rules, "2020-02-10", given, None), given);
    assert_eq!((e.shown, e.next), (Shown::Yes, None));
    assert!(matches!(
        e.reason,
        Some(Reason::Parity {
            digit: None,
            parity: Parity::Odd,
            ..
        })
    ));
}

#[test]
fn no_verdict_until_an_id_is_given_and_invalid_whatever_the_day() {
    let rules = Rules::bundled();
    let waiting = explain(
        &check(&rules, "2020-02-11", Given::Nothing, None),
        Given::Nothing,
    );
    assert_eq!((waiting.shown, waiting.reason), (Shown::NeedsId, None));
    assert_eq!(waiting.shown.as_attribute(), None);
    assert!(!waiting.parity_known);
    // Sunday 2020-02-16: anyone may buy, so no ID is needed and none is cited.
    let sunday = explain(
        &check(&rules, "2020-02-16", Given::Nothing, None),
        Given::Nothing,
    );
    assert_eq!((sunday.shown, sunday.reason), (Shown::Yes, None));
    let wrong = Given::Invalid(IdProblem::CheckDigit);
    for day in ["2020-02-11", "2020-02-16", "2020-01-20"] {
        let e = explain(&check(&rules, day, wrong, None), wrong);
        assert_eq!(e.shown, Shown::Invalid, "{day}");
        assert_eq!(e.reason, Some(Reason::Id(IdProblem::CheckDigit)), "{day}");
        assert_eq!(e.next, None, "{day}");
    }
}

#[test]
fn a_quota_refusal_leaves_the_reason_to_the_purchase_line() {
    let rules = Rules::bundled();
    // Bought Sunday 2/16; Thursday 2/20 is an even day but the 7-day window
    // has not passed.
    let c = check(&rules, "2020-02-20", Given::Digit(4), Some("2020-02-16"));
    let e = explain(&c, Given::Digit(4));
    assert_eq!((e.shown, e.reason), (Shown::No, None));
    assert_eq!(e.next_day(), Some(date("2020-02-23")));
    let purchase = e.purchase.expect("a purchase line");
    assert_eq!(purchase.bought, date("2020-02-16"));
    assert_eq!(purchase.first_day, Some(date("2020-02-23")));
}

#[test]
fn a_day_without_rules_names_the_nearest_period() {
    let rules = Rules::bundled();
    let e = explain(
        &check(&rules, "2020-01-20", Given::Digit(3), None),
        Given::Digit(3),
    );
    assert_eq!(e.shown, Shown::NoRule);
    assert_eq!(e.shown.as_attribute(), Some("no-rule"));
    match e.reason {
        Some(Reason::NoRule {
            before: None,
            after: Some(after),
        }) => assert_eq!(after.from, date("2020-02-06")),
        other => panic!("expected the next period, got {other:?}"),
    }
    assert_eq!(e.period, None);
}
