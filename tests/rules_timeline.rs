//! The bundled `public/rules.json` against `../shared/rules-sources.md`, and
//! how a broken rules file is refused. Broken files are derived from the
//! bundled one by one edit each.

mod common;

use mask_map::feed::Product;
use mask_map::rules::{Limit, PeriodProblem, Rules, RulesError, Scheme, BUNDLED};
use mask_map::time::Date;

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The `from` dates of one table of the sources file ("## Masks …" or
/// "## Home rapid tests …"), read from its rows.
fn source_dates(section: &str) -> Vec<Date> {
    let text = common::rules_sources();
    let start = text.find(section).expect("section in the sources file");
    let table = &text[start..];
    let end = table[3..].find("\n## ").map_or(table.len(), |e| e + 3);
    table[..end]
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|line| Date::parse_iso(line.get(..10)?))
        .collect()
}

#[test]
fn the_bundled_rules_parse_and_cover_all_three_products() {
    let rules = Rules::bundled();
    for product in Product::ALL {
        assert!(!rules.timeline(product).is_empty(), "{product:?}");
    }
}

#[test]
fn every_mask_date_in_the_sources_starts_a_period() {
    let rules = Rules::bundled();
    let dates = source_dates("## Masks");
    assert_eq!(dates.len(), 8, "{dates:?}");
    for d in dates {
        for product in [Product::Adult, Product::Child] {
            let starts: Vec<Date> = rules.timeline(product).iter().map(|p| p.from).collect();
            // 2020-02-20 changed only children's masks.
            if product == Product::Adult && d == date("2020-02-20") {
                assert!(!starts.contains(&d));
                continue;
            }
            assert!(starts.contains(&d), "{product:?} has no period from {d}");
        }
    }
}

#[test]
fn every_rapid_test_date_in_the_sources_starts_a_period_or_ends_the_scheme() {
    let rules = Rules::bundled();
    let dates = source_dates("## Home rapid tests");
    let timeline = rules.timeline(Product::RapidTest);
    let (withdrawn, changes) = dates.split_last().unwrap();
    for d in changes {
        assert!(timeline.iter().any(|p| p.from == *d), "no period from {d}");
    }
    assert_eq!(
        timeline
            .last()
            .unwrap()
            .until
            .map(|u| u.days_since_epoch() + 1),
        Some(withdrawn.days_since_epoch()),
        "the last period should end the day before {withdrawn}"
    );
}

#[test]
fn each_period_is_in_force_from_its_first_to_its_last_day_and_not_beyond() {
    let rules = Rules::bundled();
    for product in Product::ALL {
        let timeline = rules.timeline(product);
        for (i, period) in timeline.iter().enumerate() {
            let day_before = Date::from_days_since_epoch(period.from.days_since_epoch() - 1);
            assert_eq!(rules.period_on(product, period.from), Some(period));
            assert_ne!(rules.period_on(product, day_before), Some(period));
            match period.until {
                Some(until) => {
                    let day_after = Date::from_days_since_epoch(until.days_since_epoch() + 1);
                    assert_eq!(rules.period_on(product, until), Some(period));
                    assert_ne!(rules.period_on(product, day_after), Some(period));
                    // No gaps inside a timeline: the next period starts the day after.
                    if let Some(next) = timeline.get(i + 1) {
                        assert_eq!(next.from, day_after, "{product:?} gap after {until}");
                    }
                }
                None => assert_eq!(i, timeline.len() - 1, "only the last period is open-ended"),
            }
            assert!(
                !period.sources.is_empty(),
                "{product:?} {}: no source",
                period.from
            );
        }
    }
}

#[test]
fn limits_and_schemes_follow_the_sources_table() {
    let rules = Rules::bundled();
    let limit = |product, day: &str| rules.period_on(product, date(day)).unwrap().limit.clone();
    let per_days = |items, days| Some(Limit::PerDays { items, days });
    let per_round = |items| {
        Some(Limit::PerRound {
            items,
            rounds: vec![],
        })
    };
    let cases = [
        (Product::Adult, "2020-02-06", per_days(2, 7)),
        (Product::Adult, "2020-03-04", per_days(2, 7)),
        (Product::Adult, "2020-03-05", per_days(3, 7)),
        (Product::Adult, "2020-04-08", per_days(3, 7)),
        (Product::Adult, "2020-04-09", per_days(9, 14)),
        (Product::Adult, "2020-12-30", per_days(9, 14)),
        (Product::Adult, "2020-12-31", per_days(10, 14)),
        (Product::Adult, "2022-04-30", per_days(10, 14)),
        // The source gives no limit for the wind-down, nor children's for 1.0.
        (Product::Adult, "2022-05-01", None),
        (Product::Child, "2020-02-19", None),
        (Product::Child, "2020-02-20", per_days(4, 7)),
        (Product::Child, "2020-03-05", per_days(5, 7)),
        (Product::Child, "2020-04-09", per_days(10, 14)),
        (Product::Child, "2020-12-31", per_days(10, 14)),
        (Product::RapidTest, "2022-04-28", per_round(1)),
        (Product::RapidTest, "2022-08-14", per_round(1)),
        (Product::RapidTest, "2022-08-15", per_round(2)),
        (Product::RapidTest, "2022-09-30", per_round(2)),
        (Product::RapidTest, "2022-10-01", per_round(6)),
        (Product::RapidTest, "2023-04-30", per_round(6)),
    ];
    for (product, day, expected) in cases {
        assert_eq!(limit(product, day), expected, "{product:?} on {day}");
    }
    let parity_ends = [
        (Product::Adult, "2020-04-08"),
        (Product::Child, "2020-04-08"),
        (Product::RapidTest, "2022-06-12"),
    ];
    for (product, last_parity_day) in parity_ends {
        for period in rules.timeline(product) {
            let by_weekday = matches!(period.scheme, Scheme::Weekday { .. });
            assert_eq!(
                by_weekday,
                period.from <= date(last_parity_day),
                "{product:?} {}",
                period.from
            );
        }
    }
    // Children's masks: cards of children aged 12 or under, while the source says so.
    assert_eq!(
        rules
            .period_on(Product::Child, date("2020-03-01"))
            .unwrap()
            .max_age,
        Some(12)
    );
    assert_eq!(
        rules
            .period_on(Product::Adult, date("2020-03-01"))
            .unwrap()
            .max_age,
        None
    );
}

#[test]
fn uncertain_facts_say_so_in_the_note() {
    let rules = Rules::bundled();
    for (product, day) in [
        (Product::Adult, "2020-04-22"),
        (Product::Adult, "2022-05-01"),
        (Product::Child, "2020-02-06"),
        (Product::RapidTest, "2022-10-01"),
    ] {
        let note = rules
            .period_on(product, date(day))
            .unwrap()
            .note
            .clone()
            .unwrap();
        assert!(
            note.en.contains("uncertain"),
            "{product:?} {day}: {}",
            note.en
        );
        assert!(
            note.zh_tw.contains("不確定"),
            "{product:?} {day}: {}",
            note.zh_tw
        );
    }
}

/// The bundled file with one text replaced (which must be present).
fn edited(from: &str, to: &str, nth: usize) -> Result<Rules, RulesError> {
    let at = BUNDLED
        .match_indices(from)
        .nth(nth)
        .expect("text to edit")
        .0;
    let text = format!("{}{}{}", &BUNDLED[..at], to, &BUNDLED[at + from.len()..]);
    Rules::parse(text.as_bytes())
}

#[test]
fn a_broken_rules_file_is_refused_with_the_problem_named() {
    let period = |product: &str, index, problem| RulesError::Period {
        product: product.to_owned(),
        index,
        problem,
    };
    let cases = [
        (
            edited("\"2020-03-05\"", "\"2020-3-5\"", 0),
            period(
                "adult",
                2,
                PeriodProblem::BadDate {
                    field: "from",
                    value: "2020-3-5".into(),
                },
            ),
        ),
        (
            edited("\"until\": \"2020-03-04\"", "\"until\": \"2020-03-05\"", 0),
            period("adult", 2, PeriodProblem::Overlaps),
        ),
        (
            edited("\"until\": \"2020-02-19\"", "\"until\": \"2020-01-19\"", 0),
            period("child", 1, PeriodProblem::EndsBeforeStart),
        ),
        (
            edited("\"wed\"", "\"wednesday\"", 0),
            period(
                "adult",
                1,
                PeriodProblem::UnknownWeekday("wednesday".into()),
            ),
        ),
        (
            edited("\"items\": 1,", "\"items\": 0,", 0),
            period("rapidtest", 1, PeriodProblem::ZeroLimit),
        ),
        (
            edited(
                "\"per\": \"round\"",
                "\"per_days\": 7, \"per\": \"round\"",
                0,
            ),
            period("rapidtest", 1, PeriodProblem::LimitKind),
        ),
        (
            edited("\"rapidtest\"", "\"vaccine\"", 0),
            RulesError::UnknownProduct("vaccine".into()),
        ),
        (
            edited("\"schema\": 1", "\"schema\": 2", 0),
            RulesError::UnsupportedSchema(2),
        ),
    ];
    for (result, expected) in cases {
        assert_eq!(result, Err(expected));
    }
    // Shape problems name the field, within its period.
    for (from, to, says) in [
        (
            "\"scheme\": \"none\"",
            "\"scheme\": \"sometimes\"",
            "adult, period 4: parity.scheme should be \"none\", \"weekday\" or \"calendar-day\", not \"sometimes\"",
        ),
        (
            "\"per_days\": 7",
            "\"per_days\": \"7\"",
            "adult, period 1: limit.per_days should be a whole number, not the string \"7\"",
        ),
        (
            "\"source",
            "\"sauce",
            "adult, period 1: unknown field \"sauces\" in the period",
        ),
        (
            "\"parity\": { \"scheme\": \"none\" }",
            "\"parity\": { \"scheme\": \"none\", \"odd\": [\"mon\"] }",
            "adult, period 4: parity.odd does not belong to this scheme",
        ),
        (
            "[\"mon\", \"wed\", \"fri\"]",
            "null",
            "adult, period 1: parity.odd should be a list, not null",
        ),
        (
            "\"from\": \"2020-02-06\"",
            "\"from\": \"2020-02-06\", \"from\": \"2020-02-07\"",
            "adult, period 1: from is given twice",
        ),
        (
            "\"parity\": { \"scheme\": \"none\" }",
            "\"parity\": {}",
            "adult, period 4: parity.scheme is missing",
        ),
        (
            "\"parity\": { \"scheme\": \"none\" }",
            "\"parity\": [\"none\"]",
            "adult, period 4: parity should be an object, not a list",
        ),
        (
            "\"parity\": { \"scheme\": \"none\" }",
            "\"parity\": { \"scheme\": \"none\", \"even\": [] }",
            "adult, period 4: parity.even does not belong to this scheme",
        ),
        (
            "\"max_age\": 12",
            "\"max_age\": 300",
            "child, period 1: who.max_age should be a whole number up to 255",
        ),
        (
            "\"per\": \"round\"",
            "\"per\": \"round\", \"rounds\": [{ \"from\": 1, \"until\": \"2022-05-31\" }]",
            "rapidtest, period 1: limit.rounds.from should be text, not the number 1",
        ),
    ] {
        let error = edited(from, to, 0).expect_err(to);
        assert!(
            matches!(error, RulesError::Period { problem: PeriodProblem::Shape(_), .. }),
            "{error:?}"
        );
        assert_eq!(error.to_string(), says);
    }
    assert_eq!(
        edited(
            "\"parity\": { \"scheme\": \"none\" }",
            "\"parity\": { \"scheme\": \"calendar-day\", \"anyone\": [31, 300] }",
            0
        ),
        Err(period("adult", 4, PeriodProblem::BadDayOfMonth(300)))
    );
    assert!(matches!(
        Rules::parse(br#"{"schema": 1, "products": {"adult": [], "adult": []}}"#),
        Err(RulesError::Shape(m)) if m == "products.adult is given twice"
    ));
    // Not JSON at all: the reader's message, with where.
    assert_eq!(
        Rules::parse(b"{\"schema\": 1,\n \"products\": }"),
        Err(RulesError::Shape(
            "expected a value at line 2 column 14".into()
        ))
    );
    let truncated = Rules::parse(&BUNDLED.as_bytes()[..BUNDLED.len() / 2]);
    assert!(matches!(truncated, Err(RulesError::Shape(m)) if m.starts_with("the text ends")));
    // Cut off inside a character, the same.
    let chinese = BUNDLED.find('成').unwrap();
    let truncated = Rules::parse(&BUNDLED.as_bytes()[..chinese + 1]);
    assert!(matches!(truncated, Err(RulesError::Shape(m)) if m.starts_with("the text ends")));
    assert_eq!(
        Rules::parse(b"{\"schema\": 1, \"about\": \"\xff\"}"),
        Err(RulesError::Shape(
            "the file is not UTF-8 text (byte 25)".into()
        ))
    );
    assert!(matches!(
        Rules::parse(b"<html>404</html>"),
        Err(RulesError::Shape(_))
    ));
    assert_eq!(
        Rules::parse(br#"{"schema":1,"products":{}}"#),
        Err(RulesError::NoProducts)
    );
    assert_eq!(
        Rules::parse(br#"[1, {"adult": []}]"#),
        Err(RulesError::Shape(
            "the file should be an object, not a list".into()
        ))
    );
}

#[test]
fn problems_read_as_product_period_and_field() {
    let error = edited("\"2020-03-05\"", "\"2020-3-5\"", 0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "adult, period 2: from \"2020-3-5\" is not a YYYY-MM-DD date"
    );
}

/// A rules file nested far deeper than any real one is refused with a
/// message, not a stack overflow.
#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let depth = 100_000;
    let deep = "[".repeat(depth) + &"]".repeat(depth);
    for products in [
        format!(r#"{{"adult": {deep}}}"#),
        format!(r#"{{"vaccine": {deep}}}"#),
    ] {
        let text = format!(r#"{{"schema": 1, "products": {products}}}"#);
        assert!(Rules::parse(text.as_bytes()).is_err());
    }
}
