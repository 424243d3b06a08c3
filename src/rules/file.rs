//! The rules file as written: its JSON shape, read by serde, and why a file is
//! refused. Strict, as a hand-edited file should be read: an unknown or
//! repeated field is refused, since a typo must not be silently ignored.
//! What the fields say (dates, weekdays, limits) is checked by
//! [`super::timeline`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_path_to_error::Segment;

use crate::feed::Product;

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

/// The schema alone, read first: a file of another schema is refused as
/// that, whatever else it holds.
#[derive(Deserialize)]
pub(super) struct Schema {
    pub schema: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RulesFile {
    #[serde(rename = "schema")]
    _schema: u32,
    #[serde(rename = "about")]
    _about: Option<String>,
    pub products: Products,
}

/// Each product's periods, in the file's order. A product named twice is
/// refused; an unknown one is kept by name, without its periods, so that it
/// is refused for its name whatever its periods look like.
pub(super) struct Products(pub Vec<(String, Vec<Object<RawPeriod>>)>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPeriod {
    pub from: String,
    pub until: Option<String>,
    pub parity: Object<RawParity>,
    pub limit: Option<Object<RawLimit>>,
    pub who: Option<Object<RawWho>>,
    pub note: Option<Object<super::Localized>>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A scheme and its days; which fields a scheme may have is checked with
/// the scheme, so a field given at all (even empty) is kept as given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawParity {
    pub scheme: String,
    #[serde(default, deserialize_with = "given")]
    pub odd: Option<Vec<String>>,
    #[serde(default, deserialize_with = "given")]
    pub even: Option<Vec<String>>,
    /// Weekday names or days of the month, by scheme: read with the scheme.
    #[serde(default, deserialize_with = "given")]
    pub anyone: Option<Vec<Box<RawValue>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLimit {
    pub items: u32,
    pub per_days: Option<u32>,
    pub per: Option<String>,
    #[serde(default)]
    pub rounds: Vec<Object<RawRound>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRound {
    pub from: Option<String>,
    pub until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWho {
    pub max_age: u32,
}

/// `T` from a JSON object only: serde's derived structs also take a list,
/// its items read as the fields in order, which the format does not have.
pub(super) struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }

        deserializer.deserialize_map(ObjectVisitor(PhantomData))
    }
}

/// A field that may be left out but, when given, is never null (`Option`
/// alone would read null as left out).
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(field: D) -> Result<Option<T>, D::Error> {
    T::deserialize(field).map(Some)
}

impl<'de> Deserialize<'de> for Products {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ProductsVisitor;

        impl<'de> Visitor<'de> for ProductsVisitor {
            type Value = Products;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Products, A::Error> {
                let mut products: Vec<(String, Vec<Object<RawPeriod>>)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if products.iter().any(|(seen, _)| *seen == name) {
                        // Worded as serde words a repeated field.
                        return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
                    }
                    let periods = match Product::from_param(&name) {
                        Some(_) => map.next_value()?,
                        None => map.next_value::<IgnoredAny>().map(|_| Vec::new())?,
                    };
                    products.push((name, periods));
                }
                Ok(Products(products))
            }
        }

        deserializer.deserialize_map(ProductsVisitor)
    }
}

/// Reads the file into `T`; a problem is reworded for whoever edits the
/// file and placed in its product and period.
pub(super) fn read<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, RulesError> {
    // Read as text, as every other JSON the app reads: serde_json's parser
    // is generic over its input, and a second (`from_slice`) copy of it
    // would be in the wasm for this file alone.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut off inside a character: read up to it, so that the file ends
        // where a value should be, as one cut off anywhere else.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            return Err(RulesError::Shape(format!(
                "the file is not UTF-8 text (byte {})",
                e.valid_up_to() + 1
            )))
        }
    };
    let mut json = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut json).map_err(refused)?;
    json.end().map_err(|e| RulesError::Shape(syntax(&e)))?;
    Ok(value)
}

/// serde_json's words for a text that is not JSON, less its jargon.
fn syntax(error: &serde_json::Error) -> String {
    error
        .to_string()
        .replacen(
            "EOF while parsing a value",
            "the text ends where a value should be",
            1,
        )
        .replacen("EOF while parsing", "the text ends inside", 1)
        .replacen("expected value", "expected a value", 1)
}

fn refused(error: serde_path_to_error::Error<serde_json::Error>) -> RulesError {
    let inner = error.inner();
    if !inner.is_data() {
        return RulesError::Shape(syntax(inner));
    }
    // The message without serde_json's " at line L column C": the field's
    // name says where.
    let message = inner.to_string();
    let position = format!(" at line {} column {}", inner.line(), inner.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    // The names along the path; list positions are left out, except the
    // period's, which the message gives as "period N".
    let mut keys: Vec<&str> = Vec::new();
    let mut period = None;
    for segment in error.path().iter() {
        match segment {
            Segment::Map { key } => keys.push(key),
            Segment::Seq { index } if period.is_none() && matches!(keys[..], ["products", _]) => {
                period = Some((keys[1].to_owned(), index + 1));
                keys.clear();
            }
            _ => {}
        }
    }
    match period {
        Some((product, index)) => RulesError::Period {
            product,
            index,
            problem: PeriodProblem::Shape(reword(message, &keys, "the period")),
        },
        None => RulesError::Shape(reword(message, &keys, "the file")),
    }
}

/// serde's message about the field at `path` (in an object called `whole`
/// where the path is empty) as "… should be …, not …", "… is missing", ….
fn reword(message: &str, path: &[&str], whole: &str) -> String {
    let named = |path: &[&str]| match path {
        [] => whole.to_owned(),
        path => path.join("."),
    };
    // serde quotes names in backticks: "missing field `scheme`".
    let quoted = |rest: &str| rest.split('`').nth(1).unwrap_or(rest).to_owned();
    let field = |rest: &str| match path {
        [] => quoted(rest),
        path => format!("{}.{}", path.join("."), quoted(rest)),
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        format!("{} is missing", field(rest))
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        format!("{} is given twice", field(rest))
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        // The path ends with the unknown field itself.
        let object = named(&path[..path.len().saturating_sub(1)]);
        format!("unknown field \"{}\" in {object}", quoted(rest))
    } else if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        format!(
            "{} should be {}, not {}",
            named(path),
            plain_expected(expected),
            plain_found(found)
        )
    } else if path.is_empty() {
        message.to_owned()
    } else {
        format!("{}: {message}", named(path))
    }
}

/// What serde says was expected, in the file editor's words.
fn plain_expected(expected: &str) -> &str {
    match expected {
        "u8" | "u16" | "u32" | "u64" => "a whole number",
        "a string" | "a borrowed string" => "text",
        "a sequence" => "a list",
        "a map" => "an object",
        other => other,
    }
}

/// What serde_json says it found (`string "7"`, `integer `1``, `null`), in
/// the file editor's words.
fn plain_found(found: &str) -> String {
    let number = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "));
    if let Some(number) = number {
        format!("the number {}", number.trim_matches('`'))
    } else if let Some(text) = found.strip_prefix("string ") {
        format!("the string {text}")
    } else if let Some(truth) = found.strip_prefix("boolean ") {
        truth.trim_matches('`').to_owned()
    } else {
        match found {
            "sequence" => "a list",
            "map" => "an object",
            other => other,
        }
        .to_owned()
    }
}

/// A value as the file wrote it, for messages: `the string "x"`, `the number 3`, ….
pub(super) fn describe(value: &RawValue) -> String {
    let written = value.get();
    match written.as_bytes().first() {
        Some(b'"') => format!("the string {written}"),
        Some(b'-' | b'0'..=b'9') => format!("the number {written}"),
        Some(b'[') => "a list".to_owned(),
        Some(b'{') => "an object".to_owned(),
        _ => written.to_owned(),
    }
}
