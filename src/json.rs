//! A small JSON reader for the app's JSON inputs: the rules file, GeoJSON
//! feeds and registries. Strict RFC 8259 syntax, a nesting limit, and errors
//! that give the line and column.
//!
//! Why not serde_json: with the rules file's derives it was a tenth of the
//! gzipped wasm (34 KB of 323 KB, measured for issue 8's size budget), and
//! these files need only a tree to walk. Numbers are kept as written (a
//! count reads as the feed wrote it); strings without escapes are borrowed.
//! tests/json.rs checks it against serde_json on every real JSON file.

use std::borrow::Cow;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written (checked to be a JSON number).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in the file's order.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub problem: &'static str,
    /// Counted from 1; the column in characters.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.problem, self.line, self.column
        )
    }
}

/// Deeper nesting is refused, so that hostile input cannot exhaust the stack
/// (where serde_json refuses it too: tests/json.rs).
const MAX_DEPTH: usize = 127;

/// Reads one JSON value that fills the whole text (spaces around it aside).
pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(MAX_DEPTH)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters after the value"));
    }
    Ok(value)
}

/// [`parse`] for bytes, which must be UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value<'_>, JsonError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            // Valid up to the bad byte, so it can be counted in.
            let text = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(Reader {
                text,
                at: text.len(),
            }
            .error("not UTF-8 text"))
        }
    }
}

impl<'a> Value<'a> {
    /// An object's member (the last, if the key is repeated, as browsers'
    /// JSON.parse and serde_json read it).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        let members = self.as_object()?;
        members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => crate::number::parse(n),
            _ => None,
        }
    }

    /// A whole number written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// What the value is, for messages: `the string "7"`, `the number 1.5`, …
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".to_owned(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => format!("the number {n}"),
            Value::String(s) => format!("the string \"{s}\""),
            Value::Array(_) => "a list".to_owned(),
            Value::Object(_) => "an object".to_owned(),
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte.
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, problem: &'static str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError {
            problem,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips spaces, then takes `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        self.skip_space();
        let Some(first) = self.peek() else {
            return Err(self.error("the text ends where a value should be"));
        };
        if depth == 0 && matches!(first, b'[' | b'{') {
            return Err(self.error("nested too deeply"));
        }
        match first {
            b'{' => self.object(depth - 1),
            b'[' => self.array(depth - 1),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            _ => {
                for (word, value) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.text[self.at..].starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        self.at += 1; // [
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error(self.unless_at_end("expected `,` or `]`")));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        self.at += 1; // {
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error(self.unless_at_end("expected a quoted key")));
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.error(self.unless_at_end("expected `:`")));
            }
            members.push((key, self.value(depth)?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.error(self.unless_at_end("expected `,` or `}`")));
            }
        }
    }

    /// A truncated file says so, rather than what it expected next.
    fn unless_at_end(&self, problem: &'static str) -> &'static str {
        if self.at >= self.text.len() {
            "the text ends inside a list or object"
        } else {
            problem
        }
    }

    /// A string, its opening quote next; borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.at += 1; // "
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        // Where the text not yet copied into `owned` starts.
        let mut copied_to = start;
        loop {
            let Some(&byte) = bytes.get(self.at) else {
                return Err(self.error("the text ends inside a string"));
            };
            match byte {
                b'"' => {
                    let rest = &self.text[copied_to..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(rest),
                        Some(mut s) => {
                            s.push_str(rest);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    owned
                        .get_or_insert_with(String::new)
                        .push_str(&self.text[copied_to..self.at]);
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        None => return Err(self.error("the text ends inside a string")),
                        _ => return Err(self.error("unknown escape in a string")),
                    };
                    self.at += 1;
                    owned.get_or_insert_with(String::new).push(escaped);
                    copied_to = self.at;
                }
                0..=0x1f => return Err(self.error("control character in a string")),
                _ => self.at += 1,
            }
        }
    }

    /// `\uXXXX` (a surrogate pair as two), `u` next; leaves the last hex
    /// digit next.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            // The low half must follow as another escape.
            if !self.text[self.at + 1..].starts_with("\\u") {
                return Err(self.error("lone surrogate in a \\u escape"));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("lone surrogate in a \\u escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate in a \\u escape"))
    }

    /// The four hex digits after the `u` at `at`; leaves the last one next.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.at + 1..self.at + 5);
        match digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(d) => {
                self.at += 4;
                u32::from_str_radix(d, 16).map_err(|_| self.error("bad \\u escape"))
            }
            None => {
                self.at += 1;
                Err(self.error("bad \\u escape"))
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Value<'a>, JsonError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = self.at;
        at += usize::from(bytes[at] == b'-');
        let leading_zero = bytes.get(at) == Some(&b'0');
        let mut ok = digits(&mut at)
            && !(leading_zero && at - start > 1 + usize::from(bytes[start] == b'-'));
        if ok && bytes.get(at) == Some(&b'.') {
            at += 1;
            ok = digits(&mut at);
        }
        if ok && matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            ok = digits(&mut at);
        }
        self.at = at;
        if ok {
            Ok(Value::Number(&self.text[start..at]))
        } else {
            Err(self.error("invalid number"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_where() {
        let error = parse("{\n  \"a\": [1, 2,,]\n}").unwrap_err();
        assert_eq!(error.to_string(), "expected a value at line 2 column 14");
        assert_eq!(
            parse("[1, 2").unwrap_err().problem,
            "the text ends inside a list or object"
        );
        assert_eq!(
            parse("\"ab").unwrap_err().problem,
            "the text ends inside a string"
        );
        assert_eq!(parse("01").unwrap_err().problem, "invalid number");
        assert_eq!(
            parse("{} x").unwrap_err().problem,
            "trailing characters after the value"
        );
    }

    #[test]
    fn escapes_are_decoded_and_bad_ones_refused() {
        let read = |text: &str| parse(text).map(|v| v.as_str().map(str::to_owned));
        assert_eq!(read(r#""a\/b""#), Ok(Some("a/b".into())));
        assert_eq!(
            read(r#""\u81fa\u5317 \ud83d\ude37\n""#),
            Ok(Some("臺北 😷\n".into()))
        );
        assert!(matches!(
            parse(r#""plain""#),
            Ok(Value::String(Cow::Borrowed("plain")))
        ));
        for bad in [
            r#""\ud83d""#,
            r#""\ude37""#,
            r#""\ud83d\u0041""#,
            r#""\u12""#,
            r#""\x""#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hostile_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().problem, "nested too deeply");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
