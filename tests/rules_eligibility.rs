//! Verdicts under the bundled rules (`public/rules.json`, transcribed from
//! `../shared/rules-sources.md`): every boundary, weekday and parity, digit 0,
//! Sundays, the days parity was dropped, days before and after each scheme,
//! and the quota window. Expectations are the sources' own words, e.g.
//! "odd: Mon/Wed/Fri; even: Tue/Thu/Sat; Sunday: anyone".

mod common;

use mask_map::feed::Product;
use mask_map::rules::{Buyers, NoBecause, Parity, Rules, Span, Verdict, BUNDLED};
use mask_map::time::Date;

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn parity(digit: u8) -> Option<Parity> {
    Some(Parity::of_digit(digit))
}

/// The verdict for the last digit `digit` (`None`: no ID given).
fn verdict(rules: &Rules, product: Product, day: &str, digit: Option<u8>) -> Verdict {
    rules
        .check(product, date(day), digit.and_then(parity), None)
        .verdict
}

fn no(next: &str) -> Verdict {
    Verdict::No {
        next: Some(date(next)),
        because: NoBecause::Parity,
    }
}

#[test]
fn every_weekday_and_every_digit_under_the_2020_parity_rule() {
    let rules = Rules::bundled();
    // The week of 2020-02-10 (Mon) … 2020-02-16 (Sun).
    for offset in 0..7 {
        let day = Date::from_days_since_epoch(date("2020-02-10").days_since_epoch() + offset);
        let weekday = day.weekday();
        for digit in 0..=9u8 {
            let odd = digit % 2 == 1;
            let allowed = weekday == 6 || (odd == [0, 2, 4].contains(&weekday));
            for product in [Product::Adult, Product::Child] {
                let got = rules.check(product, day, parity(digit), None).verdict;
                if allowed {
                    assert_eq!(got, Verdict::Yes, "{product:?} {day} digit {digit}");
                } else {
                    let Verdict::No {
                        next: Some(next),
                        because: NoBecause::Parity,
                    } = got
                    else {
                        panic!("{product:?} {day} digit {digit}: {got:?}");
                    };
                    // The next allowed day is the very next day in that week.
                    assert_eq!(
                        next.days_since_epoch(),
                        day.days_since_epoch() + 1,
                        "{day} {digit}"
                    );
                }
            }
        }
    }
}

#[test]
fn table_of_days_and_digits() {
    let rules = Rules::bundled();
    use Product::{Adult, Child, RapidTest};
    let cases: &[(Product, &str, Option<u8>, Verdict)] = &[
        // First day, 2020-02-06, a Thursday: even digits, 0 included.
        (Adult, "2020-02-06", Some(3), no("2020-02-07")),
        (Adult, "2020-02-06", Some(4), Verdict::Yes),
        (Adult, "2020-02-06", Some(0), Verdict::Yes),
        (Adult, "2020-02-06", None, Verdict::NeedsId),
        // Saturday: an odd ID's next day is Sunday, open to anyone.
        (Adult, "2020-02-15", Some(1), no("2020-02-16")),
        (Adult, "2020-02-16", Some(1), Verdict::Yes),
        (Adult, "2020-02-16", Some(0), Verdict::Yes),
        (Adult, "2020-02-16", None, Verdict::Yes),
        // The e2e case: Tuesday 2020-02-11 in Taipei.
        (Adult, "2020-02-11", Some(3), no("2020-02-12")),
        (Adult, "2020-02-11", Some(4), Verdict::Yes),
        // Children's limit changed on 2020-02-20; the parity rule did not.
        (Child, "2020-02-19", Some(8), no("2020-02-20")),
        (Child, "2020-02-20", Some(8), Verdict::Yes),
        // 2020-03-12 (2.0) kept parity at pharmacies.
        (Adult, "2020-03-12", Some(5), no("2020-03-13")),
        // Last parity day Wednesday 2020-04-08; from Thursday 04-09, any day.
        (Adult, "2020-04-08", Some(2), no("2020-04-09")),
        (Adult, "2020-04-08", Some(7), Verdict::Yes),
        (Adult, "2020-04-09", Some(7), Verdict::Yes),
        (Child, "2020-04-09", Some(1), Verdict::Yes),
        (Adult, "2020-04-10", Some(2), Verdict::Yes),
        (Adult, "2020-04-10", None, Verdict::Yes),
        (Adult, "2020-12-31", Some(2), Verdict::Yes),
        (Adult, "2022-05-01", Some(2), Verdict::Yes),
        // Rapid tests from Thursday 2022-04-28, same parity rule.
        (RapidTest, "2022-04-28", Some(3), no("2022-04-29")),
        (RapidTest, "2022-04-28", Some(8), Verdict::Yes),
        (RapidTest, "2022-04-28", Some(0), Verdict::Yes),
        (RapidTest, "2022-05-01", Some(3), Verdict::Yes),
        (RapidTest, "2022-06-11", Some(3), no("2022-06-12")),
        (RapidTest, "2022-06-12", None, Verdict::Yes),
        // Parity dropped Monday 2022-06-13: an even ID may buy on a Monday.
        (RapidTest, "2022-06-13", Some(4), Verdict::Yes),
        (RapidTest, "2022-06-10", Some(4), no("2022-06-11")),
        (RapidTest, "2023-04-30", Some(1), Verdict::Yes),
    ];
    for (product, day, digit, expected) in cases {
        assert_eq!(
            verdict(&rules, *product, day, *digit),
            *expected,
            "{product:?} on {day}, digit {digit:?}"
        );
    }
}

#[test]
fn before_and_after_each_scheme() {
    let rules = Rules::bundled();
    let span = |from: &str, until: Option<&str>| Span {
        from: date(from),
        until: until.map(date),
    };
    // Before masks were rationed: no rule, and the first period is named.
    for product in [Product::Adult, Product::Child] {
        for digit in [None, Some(3), Some(4)] {
            let Verdict::NoRule { before, after } = verdict(&rules, product, "2020-02-05", digit)
            else {
                panic!("{product:?}: rationing before 2020-02-06?");
            };
            assert_eq!(before, None);
            assert_eq!(after.map(|s| s.from), Some(date("2020-02-06")));
        }
    }
    // Before and after rapid tests.
    assert_eq!(
        verdict(&rules, Product::RapidTest, "2022-04-27", Some(3)),
        Verdict::NoRule {
            before: None,
            after: Some(span("2022-04-28", Some("2022-06-12")))
        }
    );
    for day in ["2023-05-01", "2026-11-27"] {
        assert_eq!(
            verdict(&rules, Product::RapidTest, day, Some(3)),
            Verdict::NoRule {
                before: Some(span("2022-10-01", Some("2023-04-30"))),
                after: None
            },
            "{day}"
        );
    }
    // After the weekday scheme ended, no day is refused for parity.
    for (product, first_free) in [
        (Product::Adult, "2020-04-09"),
        (Product::RapidTest, "2022-06-13"),
    ] {
        for offset in 0..60 {
            let day = Date::from_days_since_epoch(date(first_free).days_since_epoch() + offset);
            for digit in 0..=9 {
                assert_eq!(
                    rules.check(product, day, parity(digit), None).verdict,
                    Verdict::Yes
                );
            }
        }
    }
    // An odd ID refused on the last parity Saturday of rapid tests gets Sunday.
    assert_eq!(
        verdict(&rules, Product::RapidTest, "2022-06-11", Some(9)),
        no("2022-06-12")
    );
}

#[test]
fn who_can_buy_without_any_id() {
    let rules = Rules::bundled();
    let buyers = |day| rules.check(Product::Adult, date(day), None, None).buyers;
    assert_eq!(buyers("2020-02-10"), Some(Buyers::Only(Parity::Odd)));
    assert_eq!(buyers("2020-02-11"), Some(Buyers::Only(Parity::Even)));
    assert_eq!(buyers("2020-02-16"), Some(Buyers::Anyone));
    assert_eq!(buyers("2020-04-09"), Some(Buyers::Anyone));
    assert_eq!(buyers("2020-02-05"), None);
}

#[test]
fn the_quota_window_and_the_parity_rule_together() {
    let rules = Rules::bundled();
    let check = |day: &str, digit: u8, bought: &str| {
        rules.check(Product::Adult, date(day), parity(digit), Some(date(bought)))
    };
    // "Bought on 2/16 → next purchase 2/23" (a Sunday: anyone).
    let c = check("2020-02-20", 3, "2020-02-16");
    let next = c.next_purchase.unwrap();
    assert_eq!(next.window_opens, Some(date("2020-02-23")));
    assert_eq!(next.first_day, Some(date("2020-02-23")));
    assert_eq!(
        c.verdict,
        Verdict::No {
            next: Some(date("2020-02-23")),
            because: NoBecause::Quota
        }
    );
    // Bought Saturday 2/15 with an even ID: window opens Saturday 2/22, an even day.
    assert_eq!(
        check("2020-02-18", 4, "2020-02-15")
            .next_purchase
            .unwrap()
            .first_day,
        Some(date("2020-02-22"))
    );
    // Odd ID that bought on Sunday 2/16 checks on 2/24 (Mon): the window is over and Monday is odd.
    assert_eq!(check("2020-02-24", 1, "2020-02-16").verdict, Verdict::Yes);
    // An even ID on 2/24 (Mon) after the window: refused only by parity.
    assert_eq!(
        check("2020-02-24", 2, "2020-02-16").verdict,
        no("2020-02-25")
    );
    // 14-day windows after 2020-04-09: bought 4/10 → 4/24.
    let c = check("2020-04-20", 5, "2020-04-10");
    assert_eq!(c.next_purchase.unwrap().first_day, Some(date("2020-04-24")));
    assert!(matches!(
        c.verdict,
        Verdict::No {
            because: NoBecause::Quota,
            ..
        }
    ));
    assert_eq!(check("2020-04-24", 5, "2020-04-10").verdict, Verdict::Yes);
    // The window of the day bought counts: bought 3/4 under 2 per 7 days.
    assert_eq!(
        check("2020-03-06", 1, "2020-03-04")
            .next_purchase
            .unwrap()
            .window_opens,
        Some(date("2020-03-11"))
    );
    // A purchase recorded after the day checked is ignored.
    let c = check("2020-02-20", 4, "2020-02-22");
    assert_eq!((c.next_purchase, c.verdict), (None, Verdict::Yes));
    // Rounds without dates: the window is unknown, and the verdict is parity's alone.
    let c = rules.check(
        Product::RapidTest,
        date("2022-05-03"),
        parity(2),
        Some(date("2022-04-28")),
    );
    assert_eq!(c.next_purchase.unwrap().window_opens, None);
    assert_eq!(c.verdict, Verdict::Yes);
}

#[test]
fn rounds_with_dates_open_the_next_round() {
    // The bundled rapid-test timeline with round dates added to one period.
    let text = BUNDLED.replacen(
        "\"limit\": { \"items\": 6, \"per\": \"round\" }",
        "\"limit\": { \"items\": 6, \"per\": \"round\", \"rounds\": [{\"from\": \"2022-10-01\", \"until\": \"2022-10-31\"}, {\"from\": \"2022-11-01\", \"until\": \"2022-11-30\"}] }",
        1,
    );
    assert_ne!(text, BUNDLED);
    let rules = Rules::parse(text.as_bytes()).unwrap();
    let c = rules.check(
        Product::RapidTest,
        date("2022-10-20"),
        parity(1),
        Some(date("2022-10-05")),
    );
    assert_eq!(
        c.next_purchase.unwrap().window_opens,
        Some(date("2022-11-01"))
    );
    assert!(
        matches!(c.verdict, Verdict::No { next: Some(d), because: NoBecause::Quota } if d == date("2022-11-01"))
    );
}

#[test]
fn a_calendar_day_scheme_goes_by_the_day_of_the_month() {
    // The bundled 2.0 period (2020-03-12 … 04-08) switched to odd/even days
    // of the month, with the 31st open to all.
    let weekday = "\"parity\": { \"scheme\": \"weekday\", \"odd\": [\"mon\", \"wed\", \"fri\"], \"even\": [\"tue\", \"thu\", \"sat\"], \"anyone\": [\"sun\"] },\n        \"limit\": { \"items\": 3, \"per_days\": 7 },\n        \"note\"";
    let text = BUNDLED.replacen(
        weekday,
        "\"parity\": { \"scheme\": \"calendar-day\", \"anyone\": [31] },\n        \"limit\": { \"items\": 3, \"per_days\": 7 },\n        \"note\"",
        1,
    );
    assert_ne!(text, BUNDLED);
    let rules = Rules::parse(text.as_bytes()).unwrap();
    let v = |day, digit| verdict(&rules, Product::Adult, day, Some(digit));
    assert_eq!(v("2020-03-13", 7), Verdict::Yes);
    assert_eq!(v("2020-03-13", 0), no("2020-03-14"));
    assert_eq!(v("2020-03-14", 0), Verdict::Yes);
    assert_eq!(v("2020-03-30", 3), no("2020-03-31"));
    assert_eq!(v("2020-03-31", 2), Verdict::Yes);
    assert_eq!(v("2020-03-31", 3), Verdict::Yes);
    // April 1st is odd: an even ID goes to the 2nd.
    assert_eq!(v("2020-04-01", 6), no("2020-04-02"));
    // The period before still goes by weekday: Wednesday 03-11 is odd.
    assert_eq!(v("2020-03-11", 6), no("2020-03-12"));
}

#[test]
fn no_allowed_day_left_when_the_rules_end() {
    // Rapid-test rules cut after the parity period: a refused Saturday has no next day.
    let text = BUNDLED.replacen("\"until\": \"2022-06-12\"", "\"until\": \"2022-06-11\"", 1);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["products"]["rapidtest"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let rules = Rules::parse(value.to_string().as_bytes()).unwrap();
    assert_eq!(
        verdict(&rules, Product::RapidTest, "2022-06-11", Some(1)),
        Verdict::No {
            next: None,
            because: NoBecause::Parity
        }
    );
}
