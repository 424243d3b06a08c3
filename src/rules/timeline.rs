//! The rules file (`public/rules.json`, or the `rules` parameter): a timeline
//! of periods per product, read and checked into plain structs. Every problem
//! names the product, the period and the field, so whoever edits the file can
//! find it.

use std::borrow::Cow;
use std::fmt;

use crate::feed::Product;
use crate::json::{self, Value};
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub zh_tw: String,
    pub en: String,
}

/// Why a rules file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesError {
    /// Not JSON (the message has the line and column), or not the expected
    /// shape outside any period.
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
    BadDayOfMonth(u64),
    ZeroLimit,
    /// Neither `per_days` nor `per: "round"` (or both).
    LimitKind,
    BadRound,
    /// A field missing, of the wrong type or unknown (the message names it).
    Shape(String),
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
                "unknown product \"{name}\" (expected adult, child or rapidtest)"
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
                write!(f, "{field} \"{value}\" is not a YYYY-MM-DD date")
            }
            PeriodProblem::EndsBeforeStart => write!(f, "until is before from"),
            PeriodProblem::Overlaps => write!(f, "starts before the previous period ends"),
            PeriodProblem::UnknownWeekday(day) => {
                write!(f, "unknown weekday \"{day}\" (expected mon … sun)")
            }
            PeriodProblem::BadDayOfMonth(day) => write!(f, "day of month {day} is not 1-31"),
            PeriodProblem::ZeroLimit => write!(f, "a limit needs items and days above 0"),
            PeriodProblem::LimitKind => {
                write!(f, "a limit needs either per_days or \"per\": \"round\"")
            }
            PeriodProblem::BadRound => write!(f, "a round needs from <= until as YYYY-MM-DD"),
            PeriodProblem::Shape(message) => write!(f, "{message}"),
        }
    }
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Rules {
    /// Reads and checks a rules file.
    pub fn parse(bytes: &[u8]) -> Result<Rules, RulesError> {
        let root = json::parse_bytes(bytes).map_err(|e| RulesError::Shape(e.to_string()))?;
        let file = Fields::of(&root, "the file", "", &["schema", "about", "products"])
            .map_err(RulesError::Shape)?;
        match file.required_whole("schema").map_err(RulesError::Shape)? {
            1 => {}
            n => return Err(RulesError::UnsupportedSchema(n)),
        }
        file.text("about").map_err(RulesError::Shape)?;
        let products = file.present("products", file.get("products"));
        let products = products.map_err(RulesError::Shape)?;
        let products = products
            .as_object()
            .ok_or_else(|| RulesError::Shape(file.wrong("products", "an object", products)))?;
        if products.is_empty() {
            return Err(RulesError::NoProducts);
        }
        let mut timelines: [Vec<Period>; Product::ALL.len()] = Default::default();
        for (n, (name, raw_periods)) in products.iter().enumerate() {
            let product = Product::from_param(name)
                .ok_or_else(|| RulesError::UnknownProduct(name.to_string()))?;
            if repeats_an_earlier_key(products, n) {
                return Err(RulesError::Shape(format!("products.{name} is given twice")));
            }
            let raw_periods = raw_periods
                .as_array()
                .ok_or_else(|| RulesError::Shape(format!("{name} should be a list of periods")))?;
            let mut periods: Vec<Period> = Vec::with_capacity(raw_periods.len());
            for (i, raw) in raw_periods.iter().enumerate() {
                let at = |problem| RulesError::Period {
                    product: name.to_string(),
                    index: i + 1,
                    problem,
                };
                let period = read_period(raw).map_err(at)?;
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
}

fn parse_date(field: &'static str, value: &str) -> Result<Date, PeriodProblem> {
    Date::parse_iso(value).ok_or_else(|| PeriodProblem::BadDate {
        field,
        value: value.to_owned(),
    })
}

fn weekdays(names: &[&str]) -> Result<Vec<u8>, PeriodProblem> {
    names
        .iter()
        .map(|&name| {
            WEEKDAYS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(name.trim()))
                .map(|i| i as u8)
                .ok_or_else(|| PeriodProblem::UnknownWeekday(name.to_owned()))
        })
        .collect()
}

fn read_limit(limit: &Fields<'_, '_>) -> Result<Limit, PeriodProblem> {
    let shape = PeriodProblem::Shape;
    let items = limit.required_whole("items").map_err(shape)?;
    let per_days = limit.whole("per_days").map_err(shape)?;
    let per = limit.text("per").map_err(shape)?;
    let rounds = limit.list("rounds").map_err(shape)?;
    if items == 0 || per_days == Some(0) {
        return Err(PeriodProblem::ZeroLimit);
    }
    match (per_days, per) {
        (Some(days), None) if rounds.is_empty() => Ok(Limit::PerDays { items, days }),
        (None, Some("round")) => {
            let rounds = rounds
                .iter()
                .map(|r| {
                    let known = ["from", "until"];
                    let round = Fields::of(r, "a round", "limit.rounds.", &known).map_err(shape)?;
                    let day = |field| {
                        let text = round.text(field).map_err(shape)?;
                        text.and_then(Date::parse_iso)
                            .ok_or(PeriodProblem::BadRound)
                    };
                    let (from, until) = (day("from")?, day("until")?);
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

const PERIOD_FIELDS: &[&str] = &["from", "until", "parity", "limit", "who", "note", "sources"];

fn read_period(raw: &Value<'_>) -> Result<Period, PeriodProblem> {
    let shape = PeriodProblem::Shape;
    let period = Fields::of(raw, "the period", "", PERIOD_FIELDS).map_err(shape)?;
    let from = parse_date("from", period.required_text("from").map_err(shape)?)?;
    let until = period.text("until").map_err(shape)?;
    let until = until.map(|u| parse_date("until", u)).transpose()?;
    if until.is_some_and(|u| u < from) {
        return Err(PeriodProblem::EndsBeforeStart);
    }
    let parity = period.object("parity", "parity.", &["scheme", "odd", "even", "anyone"]);
    let parity = parity
        .and_then(|p| period.present("parity", p))
        .map_err(shape)?;
    let days = |field| parity.texts(field).map_err(shape);
    let scheme = match parity.required_text("scheme").map_err(shape)? {
        "none" => parity.only(&["scheme"]).map(|()| Scheme::None),
        "weekday" => Ok(Scheme::Weekday {
            odd: weekdays(&days("odd")?)?,
            even: weekdays(&days("even")?)?,
            anyone: weekdays(&days("anyone")?)?,
        }),
        "calendar-day" => {
            parity.only(&["scheme", "anyone"])?;
            let anyone = parity.list("anyone").map_err(shape)?;
            let anyone = anyone
                .iter()
                .map(|day| match day.as_u64() {
                    Some(d @ 1..=31) => Ok(d as u8),
                    Some(d) => Err(PeriodProblem::BadDayOfMonth(d)),
                    None => Err(shape(format!(
                        "parity.anyone should list days of the month, not {}",
                        day.describe()
                    ))),
                })
                .collect::<Result<Vec<u8>, _>>()?;
            Ok(Scheme::CalendarDay { anyone })
        }
        other => Err(shape(format!(
            "parity.scheme should be \"none\", \"weekday\" or \"calendar-day\", not \"{other}\""
        ))),
    }?;
    let limit = period.object("limit", "limit.", &["items", "per_days", "per", "rounds"]);
    let limit = limit.map_err(shape)?.map(|l| read_limit(&l)).transpose()?;
    let who = period.object("who", "who.", &["max_age"]).map_err(shape)?;
    let max_age =
        match who {
            Some(who) => {
                let age = who.required_whole("max_age").map_err(shape)?;
                Some(u8::try_from(age).map_err(|_| {
                    shape("who.max_age should be a whole number up to 255".to_owned())
                })?)
            }
            None => None,
        };
    let note = period
        .object("note", "note.", &["zh-TW", "en"])
        .map_err(shape)?;
    let note = match note {
        Some(note) => {
            let text = |field| note.required_text(field).map_err(shape);
            Some(Localized {
                zh_tw: text("zh-TW")?.to_owned(),
                en: text("en")?.to_owned(),
            })
        }
        None => None,
    };
    let sources = period.texts("sources").map_err(shape)?;
    Ok(Period {
        from,
        until,
        scheme,
        limit,
        max_age,
        note,
        sources: sources.into_iter().map(str::to_owned).collect(),
    })
}

/// Whether the `i`th member's key is one an earlier member has.
fn repeats_an_earlier_key(members: &[(Cow<'_, str>, Value<'_>)], i: usize) -> bool {
    members[..i]
        .iter()
        .any(|(earlier, _)| *earlier == members[i].0)
}

/// One object of the file, read field by field: a missing field or a null
/// reads as absent (a list must not be null), a field of the wrong type, one
/// the format does not have or one given twice (a typo must not be silently
/// ignored) as a message naming it.
struct Fields<'v, 'a> {
    value: &'v Value<'a>,
    /// Where it is, for messages: `limit.` for the period's limit.
    path: &'static str,
}

impl<'v, 'a> Fields<'v, 'a> {
    /// `what` names the object in messages; `path` prefixes its fields' names.
    fn of(
        value: &'v Value<'a>,
        what: &str,
        path: &'static str,
        known: &[&str],
    ) -> Result<Self, String> {
        let Some(members) = value.as_object() else {
            return Err(format!(
                "{what} should be an object, not {}",
                value.describe()
            ));
        };
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&&**key) {
                return Err(format!("unknown field \"{key}\" in {what}"));
            }
            if repeats_an_earlier_key(members, i) {
                return Err(format!("{path}{key} is given twice"));
            }
        }
        Ok(Fields { value, path })
    }

    /// Refuses the fields of another scheme.
    fn only(&self, known: &[&str]) -> Result<(), PeriodProblem> {
        let members = self.value.as_object().unwrap_or_default();
        match members.iter().find(|(k, _)| !known.contains(&&**k)) {
            Some((key, _)) => Err(PeriodProblem::Shape(format!(
                "{}{key} does not belong to this scheme",
                self.path
            ))),
            None => Ok(()),
        }
    }

    fn get(&self, field: &str) -> Option<&'v Value<'a>> {
        self.value.get(field).filter(|v| !v.is_null())
    }

    fn present<T>(&self, field: &str, value: Option<T>) -> Result<T, String> {
        value.ok_or_else(|| format!("{}{field} is missing", self.path))
    }

    fn wrong(&self, field: &str, expected: &str, found: &Value<'_>) -> String {
        format!(
            "{}{field} should be {expected}, not {}",
            self.path,
            found.describe()
        )
    }

    fn text(&self, field: &str) -> Result<Option<&'v str>, String> {
        self.get(field)
            .map(|v| v.as_str().ok_or_else(|| self.wrong(field, "text", v)))
            .transpose()
    }

    fn required_text(&self, field: &str) -> Result<&'v str, String> {
        self.text(field).and_then(|t| self.present(field, t))
    }

    fn whole(&self, field: &str) -> Result<Option<u32>, String> {
        self.get(field)
            .map(|v| {
                v.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| self.wrong(field, "a whole number", v))
            })
            .transpose()
    }

    fn required_whole(&self, field: &str) -> Result<u32, String> {
        self.whole(field).and_then(|n| self.present(field, n))
    }

    fn list(&self, field: &str) -> Result<&'v [Value<'a>], String> {
        match self.value.get(field) {
            None => Ok(&[]),
            Some(v) => v.as_array().ok_or_else(|| self.wrong(field, "a list", v)),
        }
    }

    fn texts(&self, field: &str) -> Result<Vec<&'v str>, String> {
        self.list(field)?
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| self.wrong(field, "a list of texts", v))
            })
            .collect()
    }

    /// A nested object, its fields' names prefixed with `path` in messages.
    fn object(
        &self,
        field: &'static str,
        path: &'static str,
        known: &[&str],
    ) -> Result<Option<Self>, String> {
        self.get(field)
            .map(|value| Fields::of(value, field, path, known))
            .transpose()
    }
}
