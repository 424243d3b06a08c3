//! The rules file (`public/rules.json`, or the `rules` parameter): a timeline
//! of periods per product, read and checked into plain structs. Every problem
//! names the product, the period and the field, so whoever edits the file can
//! find it.

use serde::Deserialize;

use super::file::{
    self, describe, Object, PeriodProblem, RawLimit, RawParity, RawPeriod, RulesError,
};
use crate::feed::Product;
use crate::time::Date;

/// The rules shipped with the app; the fallback for a broken rules file.
pub const BUNDLED: &str = include_str!("../../public/rules.json");

/// All periods, per product, sorted by start and never overlapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// Indexed by `Product as usize`.
    timelines: [Vec<Period>; Product::ALL.len()],
}

/// One stretch of time with one set of rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub from: Date,
    /// Last day in force (inclusive); `None`: no known end.
    pub until: Option<Date>,
    pub scheme: Scheme,
    /// `None`: the source does not state the limit.
    pub limit: Option<Limit>,
    /// Whose card may buy this product.
    pub max_age: Option<u8>,
    pub note: Option<Localized>,
    /// URLs, or citations where the source gave no full address.
    pub sources: Vec<String>,
}

/// Which IDs may buy on which days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheme {
    /// Anyone, any day.
    None,
    /// By weekday (0 = Monday … 6 = Sunday).
    Weekday {
        odd: Vec<u8>,
        even: Vec<u8>,
        anyone: Vec<u8>,
    },
    /// Odd IDs on odd days of the month, even IDs on even days; `anyone` lists
    /// days of the month open to all (e.g. the 31st).
    CalendarDay { anyone: Vec<u8> },
}

/// How much one card may buy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// N items per D days: bought on day X, next from X + D.
    PerDays { items: u32, days: u32 },
    /// N items per round; `rounds` is empty when the round dates are unknown.
    PerRound { items: u32, rounds: Vec<Round> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub from: Date,
    pub until: Date,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(rename = "zh-TW")]
    pub zh_tw: String,
    pub en: String,
}

impl Rules {
    /// Reads and checks a rules file.
    pub fn parse(bytes: &[u8]) -> Result<Rules, RulesError> {
        match file::read::<Object<file::Schema>>(bytes)?.0.schema {
            1 => {}
            n => return Err(RulesError::UnsupportedSchema(n)),
        }
        let products = file::read::<Object<file::RulesFile>>(bytes)?.0.products.0;
        if products.is_empty() {
            return Err(RulesError::NoProducts);
        }
        let mut timelines: [Vec<Period>; Product::ALL.len()] = Default::default();
        for (name, raw_periods) in products {
            let Some(product) = Product::from_param(&name) else {
                return Err(RulesError::UnknownProduct(name));
            };
            let mut periods: Vec<Period> = Vec::with_capacity(raw_periods.len());
            for (i, raw) in raw_periods.into_iter().enumerate() {
                let at = |problem| RulesError::Period {
                    product: name.clone(),
                    index: i + 1,
                    problem,
                };
                let period = Period::check(raw.0).map_err(at)?;
                if let Some(previous) = periods.last() {
                    if previous.until.is_none_or(|end| period.from <= end) {
                        return Err(at(PeriodProblem::Overlaps));
                    }
                }
                periods.push(period);
            }
            timelines[product as usize] = periods;
        }
        Ok(Rules { timelines })
    }

    /// The rules shipped with the app.
    pub fn bundled() -> Rules {
        // Display, not Debug: Debug's string escaping would add its Unicode
        // tables to the wasm for a message that never shows.
        Rules::parse(BUNDLED.as_bytes())
            .unwrap_or_else(|e| panic!("the bundled rules.json is checked by tests: {e}"))
    }

    /// A product's periods, oldest first (empty when the file has none).
    pub fn timeline(&self, product: Product) -> &[Period] {
        &self.timelines[product as usize]
    }

    /// The period in force on `date`.
    pub fn period_on(&self, product: Product, date: Date) -> Option<&Period> {
        self.timeline(product).iter().find(|p| p.covers(date))
    }
}

impl Period {
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|end| date <= end)
    }

    /// A period as the file gives it, checked for what its fields say.
    fn check(raw: RawPeriod) -> Result<Period, PeriodProblem> {
        let from = parse_date("from", &raw.from)?;
        let until = raw.until.map(|u| parse_date("until", &u)).transpose()?;
        if until.is_some_and(|u| u < from) {
            return Err(PeriodProblem::EndsBeforeStart);
        }
        let max_age = raw
            .who
            .map(|who| {
                u8::try_from(who.0.max_age)
                    .map_err(|_| shape("who.max_age should be a whole number up to 255".to_owned()))
            })
            .transpose()?;
        Ok(Period {
            from,
            until,
            scheme: Scheme::check(raw.parity.0)?,
            limit: raw.limit.map(|limit| Limit::check(limit.0)).transpose()?,
            max_age,
            note: raw.note.map(|note| note.0),
            sources: raw.sources,
        })
    }
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn shape(message: String) -> PeriodProblem {
    PeriodProblem::Shape(message)
}

fn parse_date(field: &'static str, value: &str) -> Result<Date, PeriodProblem> {
    Date::parse_iso(value).ok_or_else(|| PeriodProblem::BadDate {
        field,
        value: value.to_owned(),
    })
}

fn weekdays(names: &[String]) -> Result<Vec<u8>, PeriodProblem> {
    names
        .iter()
        .map(|name| {
            WEEKDAYS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(name.trim()))
                .map(|i| i as u8)
                .ok_or_else(|| PeriodProblem::UnknownWeekday(name.clone()))
        })
        .collect()
}

impl Scheme {
    fn check(parity: RawParity) -> Result<Scheme, PeriodProblem> {
        // The fields this scheme has no use for must not be given.
        let only = |allowed: &[&str]| {
            let given = [
                ("odd", parity.odd.is_some()),
                ("even", parity.even.is_some()),
                ("anyone", parity.anyone.is_some()),
            ];
            match given
                .iter()
                .find(|(f, given)| *given && !allowed.contains(f))
            {
                Some((field, _)) => Err(shape(format!(
                    "parity.{field} does not belong to this scheme"
                ))),
                None => Ok(()),
            }
        };
        let anyone = parity.anyone.as_deref().unwrap_or_default();
        match parity.scheme.as_str() {
            "none" => only(&[]).map(|()| Scheme::None),
            "weekday" => {
                let names = anyone
                    .iter()
                    .map(|day| {
                        serde_json::from_str::<String>(day.get()).map_err(|_| {
                            shape(format!(
                                "parity.anyone should be a list of texts, not {}",
                                describe(day)
                            ))
                        })
                    })
                    .collect::<Result<Vec<String>, _>>()?;
                Ok(Scheme::Weekday {
                    odd: weekdays(parity.odd.as_deref().unwrap_or_default())?,
                    even: weekdays(parity.even.as_deref().unwrap_or_default())?,
                    anyone: weekdays(&names)?,
                })
            }
            "calendar-day" => {
                only(&["anyone"])?;
                let anyone = anyone
                    .iter()
                    .map(|day| match u64::from_str_radix(day.get(), 10) {
                        Ok(d @ 1..=31) => Ok(d as u8),
                        Ok(d) => Err(PeriodProblem::BadDayOfMonth(d)),
                        Err(_) => Err(shape(format!(
                            "parity.anyone should list days of the month, not {}",
                            describe(day)
                        ))),
                    })
                    .collect::<Result<Vec<u8>, _>>()?;
                Ok(Scheme::CalendarDay { anyone })
            }
            other => Err(shape(format!(
                "parity.scheme should be \"none\", \"weekday\" or \"calendar-day\", not \"{other}\""
            ))),
        }
    }
}

impl Limit {
    fn check(limit: RawLimit) -> Result<Limit, PeriodProblem> {
        let RawLimit {
            items,
            per_days,
            per,
            rounds,
        } = limit;
        if items == 0 || per_days == Some(0) {
            return Err(PeriodProblem::ZeroLimit);
        }
        match (per_days, per.as_deref()) {
            (Some(days), None) if rounds.is_empty() => Ok(Limit::PerDays { items, days }),
            (None, Some("round")) => {
                let rounds = rounds
                    .into_iter()
                    .map(|round| {
                        let day = |d: Option<String>| {
                            d.as_deref()
                                .and_then(Date::parse_iso)
                                .ok_or(PeriodProblem::BadRound)
                        };
                        let (from, until) = (day(round.0.from)?, day(round.0.until)?);
                        (from <= until)
                            .then_some(Round { from, until })
                            .ok_or(PeriodProblem::BadRound)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Limit::PerRound { items, rounds })
            }
            (None, Some(other)) => Err(shape(format!(
                "limit.per should be \"round\", not \"{other}\""
            ))),
            _ => Err(PeriodProblem::LimitKind),
        }
    }
}
