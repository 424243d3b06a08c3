//! The rules file (`public/rules.json`, or the `rules` parameter): a timeline
//! of periods per product, read and checked into plain structs. Every problem
//! names the product, the period and the field, so whoever edits the file can
//! find it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::feed::Product;
use crate::time::Date;

/// The rules shipped with the app; the fallback for a broken rules file.
pub const BUNDLED: &str = include_str!("../../public/rules.json");

/// All periods, per product, sorted by start and never overlapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    timelines: BTreeMap<Product, Vec<Period>>,
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
pub struct Localized {
    #[serde(rename = "zh-TW")]
    pub zh_tw: String,
    pub en: String,
}

/// Why a rules file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesError {
    /// Not JSON, or not the expected shape (serde's message has line and column).
    Shape(String),
    UnsupportedSchema(u32),
    UnknownProduct(String),
    NoProducts,
    /// A problem in one period; `index` counts from 1, as people do.
    Period {
        product: String,
        index: usize,
        problem: PeriodProblem,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodProblem {
    BadDate {
        field: &'static str,
        value: String,
    },
    EndsBeforeStart,
    /// Starts on or before the end of the period before it.
    Overlaps,
    UnknownWeekday(String),
    BadDayOfMonth(u8),
    ZeroLimit,
    /// Neither `per_days` nor `per: "round"` (or both).
    LimitKind,
    BadRound,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RulesError::Shape(message) => write!(f, "{message}"),
            RulesError::UnsupportedSchema(n) => {
                write!(f, "schema {n} is not supported (expected 1)")
            }
            RulesError::UnknownProduct(name) => write!(
                f,
                "unknown product {name:?} (expected adult, child or rapidtest)"
            ),
            RulesError::NoProducts => write!(f, "no products"),
            RulesError::Period {
                product,
                index,
                problem,
            } => write!(f, "{product}, period {index}: {problem}"),
        }
    }
}

impl fmt::Display for PeriodProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodProblem::BadDate { field, value } => {
                write!(f, "{field} {value:?} is not a YYYY-MM-DD date")
            }
            PeriodProblem::EndsBeforeStart => write!(f, "until is before from"),
            PeriodProblem::Overlaps => write!(f, "starts before the previous period ends"),
            PeriodProblem::UnknownWeekday(day) => {
                write!(f, "unknown weekday {day:?} (expected mon … sun)")
            }
            PeriodProblem::BadDayOfMonth(day) => write!(f, "day of month {day} is not 1-31"),
            PeriodProblem::ZeroLimit => write!(f, "a limit needs items and days above 0"),
            PeriodProblem::LimitKind => {
                write!(f, "a limit needs either per_days or \"per\": \"round\"")
            }
            PeriodProblem::BadRound => write!(f, "a round needs from <= until as YYYY-MM-DD"),
        }
    }
}

// The file's shape, as serde sees it; checked into the types above.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: u32,
    #[serde(default)]
    #[allow(dead_code)] // for people reading the file
    about: Option<String>,
    products: BTreeMap<String, Vec<RawPeriod>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    from: String,
    until: Option<String>,
    parity: RawScheme,
    limit: Option<RawLimit>,
    #[serde(default)]
    who: Option<RawWho>,
    #[serde(default)]
    note: Option<Localized>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(tag = "scheme", rename_all = "kebab-case", deny_unknown_fields)]
enum RawScheme {
    None,
    Weekday {
        #[serde(default)]
        odd: Vec<String>,
        #[serde(default)]
        even: Vec<String>,
        #[serde(default)]
        anyone: Vec<String>,
    },
    CalendarDay {
        #[serde(default)]
        anyone: Vec<u8>,
    },
}

/// `{"items": N, "per_days": D}` or `{"items": N, "per": "round", "rounds": […]}`.
/// A plain struct rather than an untagged enum, so serde names the bad field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimit {
    items: u32,
    per_days: Option<u32>,
    per: Option<RoundWord>,
    #[serde(default)]
    rounds: Vec<RawRound>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RoundWord {
    Round,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    from: String,
    until: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWho {
    max_age: u8,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Rules {
    /// Reads and checks a rules file.
    pub fn parse(bytes: &[u8]) -> Result<Rules, RulesError> {
        let raw: RawFile =
            serde_json::from_slice(bytes).map_err(|e| RulesError::Shape(e.to_string()))?;
        if raw.schema != 1 {
            return Err(RulesError::UnsupportedSchema(raw.schema));
        }
        if raw.products.is_empty() {
            return Err(RulesError::NoProducts);
        }
        let mut timelines = BTreeMap::new();
        for (name, raw_periods) in raw.products {
            let product = Product::from_param(&name)
                .ok_or_else(|| RulesError::UnknownProduct(name.clone()))?;
            let mut periods: Vec<Period> = Vec::with_capacity(raw_periods.len());
            for (i, raw) in raw_periods.into_iter().enumerate() {
                let at = |problem| RulesError::Period {
                    product: name.clone(),
                    index: i + 1,
                    problem,
                };
                let period = raw.check().map_err(at)?;
                if let Some(previous) = periods.last() {
                    if previous.until.is_none_or(|end| period.from <= end) {
                        return Err(at(PeriodProblem::Overlaps));
                    }
                }
                periods.push(period);
            }
            timelines.insert(product, periods);
        }
        Ok(Rules { timelines })
    }

    /// The rules shipped with the app.
    pub fn bundled() -> Rules {
        Rules::parse(BUNDLED.as_bytes()).expect("the bundled rules.json is checked by tests")
    }

    /// A product's periods, oldest first (empty when the file has none).
    pub fn timeline(&self, product: Product) -> &[Period] {
        self.timelines.get(&product).map_or(&[], Vec::as_slice)
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

impl RawLimit {
    fn check(self) -> Result<Limit, PeriodProblem> {
        if self.items == 0 || self.per_days == Some(0) {
            return Err(PeriodProblem::ZeroLimit);
        }
        match (self.per_days, self.per) {
            (Some(days), None) if self.rounds.is_empty() => Ok(Limit::PerDays {
                items: self.items,
                days,
            }),
            (None, Some(RoundWord::Round)) => {
                let rounds = self
                    .rounds
                    .iter()
                    .map(|r| {
                        let from = Date::parse_iso(&r.from).ok_or(PeriodProblem::BadRound)?;
                        let until = Date::parse_iso(&r.until).ok_or(PeriodProblem::BadRound)?;
                        (from <= until)
                            .then_some(Round { from, until })
                            .ok_or(PeriodProblem::BadRound)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Limit::PerRound {
                    items: self.items,
                    rounds,
                })
            }
            _ => Err(PeriodProblem::LimitKind),
        }
    }
}

impl RawPeriod {
    fn check(self) -> Result<Period, PeriodProblem> {
        let from = parse_date("from", &self.from)?;
        let until = self
            .until
            .as_deref()
            .map(|u| parse_date("until", u))
            .transpose()?;
        if until.is_some_and(|u| u < from) {
            return Err(PeriodProblem::EndsBeforeStart);
        }
        let scheme = match self.parity {
            RawScheme::None => Scheme::None,
            RawScheme::Weekday { odd, even, anyone } => Scheme::Weekday {
                odd: weekdays(&odd)?,
                even: weekdays(&even)?,
                anyone: weekdays(&anyone)?,
            },
            RawScheme::CalendarDay { anyone } => {
                if let Some(&bad) = anyone.iter().find(|d| !(1..=31).contains(*d)) {
                    return Err(PeriodProblem::BadDayOfMonth(bad));
                }
                Scheme::CalendarDay { anyone }
            }
        };
        let limit = self.limit.map(RawLimit::check).transpose()?;
        Ok(Period {
            from,
            until,
            scheme,
            limit,
            max_age: self.who.map(|w| w.max_age),
            note: self.note,
            sources: self.sources,
        })
    }
}
