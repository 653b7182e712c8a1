//! A small pull reader of JSON text, for the published data files.
//!
//! It replaces serde_json's derived deserialisers, whose code is
//! monomorphised per struct and per `Vec<T>` (about 100 KB of the app's
//! WebAssembly). Here one tokenizer does the work: each type's reader is a
//! plain function, and the per-member and per-element callbacks are passed
//! as `&mut dyn FnMut`, so that they are not monomorphised again.
//!
//! serde_json stays the reference: the same text gives the same value, or
//! an error with the same message, line and column (the tests compare the
//! two). serde's quirks are kept where they change which files are read: a
//! struct may be written as an array of its fields in order, a unit enum as
//! `{"name": null}`, a duplicate map key keeps the last value, unknown
//! fields are skipped at any depth. Numbers are read exactly (`str::parse`),
//! where serde_json's default float parsing may be one unit in the last
//! place off for numbers of more than 15 digits.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// serde_json's limit of nested arrays and objects (`recursion limit
/// exceeded`), so that a hostile file cannot overflow the stack.
const MAX_DEPTH: u8 = 128;

/// An error's position is not known yet (see [`Error::fix`]).
const UNKNOWN: usize = usize::MAX;

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const RECURSION_LIMIT: &str = "recursion limit exceeded";

/// Why a text could not be read, and where. One pointer, as serde_json's,
/// so that a `Result` of the reader is returned in a register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<ErrorAt>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ErrorAt {
    msg: String,
    /// Whether the text is JSON of the wrong shape (serde_json's
    /// `Category::Data`), rather than not JSON.
    data: bool,
    /// The byte offset whose line and column are reported (serde_json's
    /// `position_of_index`), or [`UNKNOWN`].
    at: usize,
}

impl Error {
    #[cold]
    fn new(msg: String, at: usize) -> Self {
        Error(Box::new(ErrorAt {
            msg,
            data: false,
            at,
        }))
    }

    /// An error of the data's shape, whose position the reader fills in
    /// where serde_json would ([`Error::fix`]).
    #[cold]
    pub fn custom(msg: String) -> Self {
        let mut e = Error::new(msg, UNKNOWN);
        e.0.data = true;
        e
    }

    /// Whether the text is JSON, of another shape than the one read (a
    /// wrong type, a missing field…), as opposed to text that is not JSON.
    pub fn is_data(&self) -> bool {
        self.0.data
    }

    /// Gives the error the position `at` if it has none yet.
    fn fix(mut self, at: usize) -> Self {
        if self.0.at == UNKNOWN {
            self.0.at = at;
        }
        self
    }

    /// What went wrong, without the position.
    pub fn message(&self) -> &str {
        &self.0.msg
    }

    /// Line (from 1) and column in `text` as serde_json counts them: the
    /// column is the number of bytes from the start of the line to the
    /// reported offset (so the column of the last byte read, from 1, and 0
    /// at the start of a line). `(0, 0)` if the position is unknown.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        if self.0.at == UNKNOWN {
            return (0, 0);
        }
        let bytes = text.as_bytes();
        let before = bytes.get(..self.0.at).unwrap_or(bytes);
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before[..start].iter().filter(|&&b| b == b'\n').count();
        (line, before.len() - start)
    }

    /// The message and its position in `text`, as serde_json writes them
    /// ("expected value at line 3 column 7").
    pub fn detail(&self, text: &str) -> String {
        match self.line_column(text) {
            (0, _) => self.0.msg.clone(),
            (line, column) => format!("{} at line {line} column {column}", self.0.msg),
        }
    }
}

/// A number as JSON text gives it, before a type is chosen (serde_json's
/// `ParserNumber`): integers that fit 64 bits stay integers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::U64(u) => u as f64,
            Number::I64(i) => i as f64,
            Number::F64(f) => f,
        }
    }

    /// How serde writes it in an "invalid type" error.
    fn unexpected(self) -> String {
        match self {
            Number::U64(u) => format!("integer `{u}`"),
            Number::I64(i) => format!("integer `{i}`"),
            Number::F64(f) => format!("floating point `{}`", format_f64(f)),
        }
    }
}

/// Any JSON value (for the few places that keep one as it is written, such
/// as a `schema_version` this app does not read).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    /// Keys in order, a repeated key keeping its last value (as
    /// serde_json's `Map` without `preserve_order`).
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The value as compact JSON text, as `serde_json::Value::to_string`
    /// writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(Number::U64(u)) => out.push_str(&u.to_string()),
            Value::Number(Number::I64(i)) => out.push_str(&i.to_string()),
            Value::Number(Number::F64(f)) => out.push_str(&format_f64(*f)),
            Value::String(s) => write_json_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_json(out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_string(k, out);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// A string as serde_json writes it: `"` and `\` escaped, control
/// characters as `\n`-like short escapes or `\u00xx`.
fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A finite double as serde_json writes it (its `zmij` formatter): the
/// shortest digits that read back the same, in plain notation from 1e-5 to
/// below 1e16 (`100.0`, `0.00012`), else as `1.5e+20` or `1e-7`.
pub fn format_f64(f: f64) -> String {
    // `{:e}` gives the shortest round-trip digits: "-1.234e-7", "1e20".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let len = digits.len() as i32;
    let mut out = String::from(sign);
    if (-5..=15).contains(&exp) {
        if len - 1 <= exp {
            // 1234e7 -> 12340000000.0
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (exp - (len - 1)) as usize));
            out.push_str(".0");
        } else if exp >= 0 {
            // 1234e-2 -> 12.34
            let (int, frac) = digits.split_at(exp as usize + 1);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            // 1234e-6 -> 0.001234
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        // 1234e30 -> 1.234e+33
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if exp < 0 { "e-" } else { "e+" });
        out.push_str(&exp.unsigned_abs().to_string());
    }
    out
}

/// Powers of ten that a double holds exactly (for the fast path of
/// numbers: Clinger's, correctly rounded).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The fields of a struct, for [`Reader::read_struct`].
pub struct Fields {
    /// What serde's derive expects: `struct Text`.
    pub expecting: &'static str,
    /// The fields' JSON names, in the order they are declared.
    pub names: &'static [&'static str],
    /// Bit `i` set when `names[i]` must be present.
    pub required: u64,
}

/// Reads the types of the data files from a [`Reader`].
pub trait FromJson: Sized {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error>;
}

/// Where the array of numbers and `null`s whose first element may start
/// at `at` (after its `[`) ends (its `]`), if it is written as JSON
/// writes one, every number without an exponent and with at most 300
/// digits before its point (so within a double's range); `None` for
/// anything else (which the reader then reads, for its error).
fn number_array_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    let ws = |at: &mut usize| {
        while matches!(bytes.get(*at), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            *at += 1;
        }
    };
    let digits = |at: &mut usize| -> usize {
        let from = *at;
        while matches!(bytes.get(*at), Some(b'0'..=b'9')) {
            *at += 1;
        }
        *at - from
    };
    ws(&mut at);
    if bytes.get(at) == Some(&b']') {
        return Some(at);
    }
    loop {
        match *bytes.get(at)? {
            b'n' => {
                if bytes.get(at..at + 4)? != b"null" {
                    return None;
                }
                at += 4;
            }
            b => {
                if b == b'-' {
                    at += 1;
                }
                match *bytes.get(at)? {
                    b'0' => at += 1,
                    // At most 300 digits before the point: a longer
                    // number may be out of range, left to be read.
                    b'1'..=b'9' if digits(&mut at) <= 300 => {}
                    _ => return None,
                }
                if bytes.get(at) == Some(&b'.') {
                    at += 1;
                    if digits(&mut at) == 0 {
                        return None;
                    }
                }
            }
        }
        ws(&mut at);
        match *bytes.get(at)? {
            b',' => {
                at += 1;
                ws(&mut at);
            }
            b']' => return Some(at),
            _ => return None,
        }
    }
}

/// Reads a whole text as one `T`, with nothing but whitespace after it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    let mut r = Reader::new(text);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

/// A place in the text a [`Reader`] can go back to.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    pos: usize,
    depth: u8,
}

/// A cursor over JSON text that reads one value at a time.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Levels of arrays and objects that may still be opened.
    depth: u8,
    /// The lists of strings read by [`Reader::read_shared_strings`], the
    /// latest last (at most [`SHARED_LISTS`]).
    shared: Vec<Arc<[String]>>,
    /// The text the latest of them was read from, `[` to `]`.
    last_text: &'a [u8],
}

/// How many distinct lists [`Reader::read_shared_strings`] remembers: a
/// file's periods alternate between a few unit sets (63 and 34 provinces,
/// the communes).
const SHARED_LISTS: usize = 4;

type Result<T, E = Error> = std::result::Result<T, E>;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: MAX_DEPTH,
            shared: Vec::new(),
            last_text: &[],
        }
    }

    /// An array of strings, as one list shared with an equal list read
    /// before from the same text (one of the last [`SHARED_LISTS`]
    /// distinct ones), so that the series of one unit set hold one list of
    /// codes between them. A list written byte for byte as the latest one
    /// was is that list, and is skipped without being read again (a file
    /// of 3,321 communes repeats its 3,321 codes in every series); another
    /// is read, its strings compared as read, before any is allocated.
    pub fn read_shared_strings(&mut self) -> Result<Arc<[String]>> {
        if let Some(list) = self.same_as_last() {
            return Ok(list);
        }
        let start = self.pos;
        let mut items: Vec<Cow<'a, str>> = Vec::new();
        self.read_seq(&mut |r| {
            items.push(r.read_str()?);
            Ok(())
        })?;
        self.last_text = self
            .text
            .as_bytes()
            .get(start..self.pos)
            .unwrap_or_default();
        let same = |list: &Arc<[String]>| {
            list.len() == items.len() && list.iter().zip(&items).all(|(a, b)| a == b)
        };
        if let Some(at) = self.shared.iter().rposition(same) {
            let list = self.shared.remove(at);
            self.shared.push(list.clone());
            return Ok(list);
        }
        let list: Arc<[String]> = items.into_iter().map(Cow::into_owned).collect();
        if self.shared.len() == SHARED_LISTS {
            self.shared.remove(0);
        }
        self.shared.push(list.clone());
        Ok(list)
    }

    /// The text of the array of numbers next (brackets included), skipped
    /// without reading its numbers, if it is one that reads without an
    /// error: `null`s and numbers as JSON writes them, without an
    /// exponent (a number with one, which may be out of range, and any
    /// other value are left to be read: `None`, and nothing read). For
    /// [`crate::data::Values`], read when first used.
    pub fn number_array_text(&mut self) -> Option<&'a str> {
        if self.ws()? != b'[' {
            return None;
        }
        let start = self.pos;
        let end = number_array_end(self.text.as_bytes(), start + 1)?;
        self.pos = end + 1;
        self.text.get(start..=end)
    }

    /// The pair of whole numbers next, `[x, y]`, read in one go; `None`,
    /// and nothing read, for any other value (which the caller then reads
    /// as it reads any). The quantized positions of a TopoJSON file's arcs
    /// are such pairs: 166,000 of them for the communes.
    pub fn int_pair(&mut self) -> Option<(f64, f64)> {
        let at = self.pos;
        let pair = self.ints_in_pair();
        if pair.is_none() {
            self.pos = at;
        }
        pair
    }

    fn ints_in_pair(&mut self) -> Option<(f64, f64)> {
        let int = |r: &mut Self, then: u8| -> Option<f64> {
            let n = match r.any_number("").ok()? {
                Number::U64(n) => n as f64,
                Number::I64(n) => n as f64,
                Number::F64(_) => return None,
            };
            (r.ws()? == then).then(|| r.pos += 1)?;
            Some(n)
        };
        (self.ws()? == b'[').then(|| self.pos += 1)?;
        Some((int(self, b',')?, int(self, b']')?))
    }

    /// The latest shared list, skipped, if the text next is written as it
    /// was.
    #[inline(never)]
    fn same_as_last(&mut self) -> Option<Arc<[String]>> {
        let len = self.last_text.len();
        let next = self.text.as_bytes().get(self.pos..self.pos + len)?;
        if len == 0 || self.depth < 2 || next != self.last_text {
            return None;
        }
        self.pos += len;
        self.shared.last().cloned()
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips whitespace; the next byte, not read.
    #[inline(always)]
    fn ws(&mut self) -> Option<u8> {
        match self.peek() {
            Some(b' ' | b'\n' | b'\t' | b'\r') => self.skip_ws(),
            next => next,
        }
    }

    #[inline(never)]
    fn skip_ws(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// An error at the last byte read (serde_json's `error`).
    #[cold]
    fn error(&self, msg: &str) -> Error {
        Error::new(msg.into(), self.pos.min(self.text.len()))
    }

    /// An error of the data's shape at the last byte read (where
    /// serde_json places one).
    #[cold]
    pub fn data_error(&self, msg: String) -> Error {
        Error::custom(msg).fix(self.pos.min(self.text.len()))
    }

    /// An error at the next byte, not read (serde_json's `peek_error`).
    #[cold]
    fn peek_error(&self, msg: &str) -> Error {
        Error::new(msg.into(), (self.pos + 1).min(self.text.len()))
    }

    /// Where the reader is, to read again from there ([`Reader::rewind`]):
    /// a fast reading of a common form that falls back to the general one.
    pub fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            depth: self.depth,
        }
    }

    /// Back to `mark`, as if nothing after it had been read.
    pub fn rewind(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.depth = mark.depth;
    }

    /// How many arrays the next value opens before its first element that
    /// is not an array (`[[[1` is 3, `1` is 0), without reading it; `None`
    /// where the first innermost array is empty (`[[]`) or the text ends.
    pub fn array_depth(&self) -> Option<usize> {
        let mut depth = 0;
        for &b in &self.text.as_bytes()[self.pos..] {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => {}
                b'[' => depth += 1,
                b']' => return None,
                _ => return Some(depth),
            }
        }
        None
    }

    /// Checks that only whitespace is left.
    pub fn end(&mut self) -> Result<()> {
        match self.ws() {
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Ok(()),
        }
    }

    /// One level deeper, at an opening bracket not yet read.
    fn enter(&mut self) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            return Err(self.peek_error(RECURSION_LIMIT));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_add(1).min(MAX_DEPTH);
    }

    /// The rest of `null`, `true` or `false`.
    fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for &expected in rest {
            match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) => {
                    self.pos += 1;
                    if b != expected {
                        return Err(self.error(EXPECTED_IDENT));
                    }
                }
            }
        }
        Ok(())
    }

    /// The error for a value of the wrong type, at the next byte: the value
    /// is read to name it ("invalid type: string \"x\", expected u64"), and
    /// the error is placed after it.
    #[cold]
    #[inline(never)]
    fn invalid_type(&mut self, expected: &str) -> Error {
        let unexpected = match self.peek() {
            Some(b'n') => {
                self.pos += 1;
                if let Err(e) = self.ident(b"ull") {
                    return e;
                }
                "null".to_string()
            }
            Some(b't') => {
                self.pos += 1;
                if let Err(e) = self.ident(b"rue") {
                    return e;
                }
                "boolean `true`".to_string()
            }
            Some(b'f') => {
                self.pos += 1;
                if let Err(e) = self.ident(b"alse") {
                    return e;
                }
                "boolean `false`".to_string()
            }
            Some(b'-') => {
                self.pos += 1;
                match self.number(false) {
                    Ok(n) => n.unexpected(),
                    Err(e) => return e,
                }
            }
            Some(b'0'..=b'9') => match self.number(true) {
                Ok(n) => n.unexpected(),
                Err(e) => return e,
            },
            Some(b'"') => {
                self.pos += 1;
                match self.string_body() {
                    Ok(s) => format!("string {}", crate::text::quoted(&s)),
                    Err(e) => return e,
                }
            }
            Some(b'[') => "sequence".to_string(),
            Some(b'{') => "map".to_string(),
            _ => return self.peek_error(EXPECTED_VALUE),
        };
        self.data_error(format!("invalid type: {unexpected}, expected {expected}"))
    }

    // Strings.

    /// A string whose opening quote has been read: borrowed from the text
    /// when it has no escapes.
    fn string_body(&mut self) -> Result<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let end = start + scan_string(bytes.get(start..).unwrap_or_default());
        self.pos = end;
        match bytes.get(end) {
            Some(b'"') => {
                self.pos += 1;
                Ok(Cow::Borrowed(self.text.get(start..end).unwrap_or_default()))
            }
            Some(b'\\') => {
                let mut out = String::with_capacity(end - start + 8);
                out.push_str(self.text.get(start..end).unwrap_or_default());
                self.escaped_string(out).map(Cow::Owned)
            }
            Some(_) => {
                self.pos += 1;
                Err(self.error(CONTROL_CHARACTER))
            }
            None => Err(self.error(EOF_STRING)),
        }
    }

    /// The rest of a string, from a backslash, into `out`.
    #[inline(never)]
    fn escaped_string(&mut self, mut out: String) -> Result<String> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    self.pos += 1;
                    return Err(self.error(CONTROL_CHARACTER));
                }
                None => return Err(self.error(EOF_STRING)),
            }
            let start = self.pos;
            let end = start + scan_string(bytes.get(start..).unwrap_or_default());
            out.push_str(self.text.get(start..end).unwrap_or_default());
            self.pos = end;
        }
    }

    /// An escape whose backslash has been read.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(c) = self.peek() else {
            return Err(self.error(EOF_STRING));
        };
        self.pos += 1;
        out.push(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error(INVALID_ESCAPE)),
        });
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, after the `\u`.
    fn unicode_escape(&mut self) -> Result<char> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(LONE_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            return Ok(char::from_u32(n.into()).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for next in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b) => {
                    self.pos += 1;
                    if b != next {
                        return Err(self.error(UNEXPECTED_END_OF_HEX_ESCAPE));
                    }
                }
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.error(LONE_SURROGATE));
        }
        let c = 0x1_0000 + ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00));
        Ok(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.text.as_bytes().get(self.pos..self.pos + 4) else {
            self.pos = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.pos += 4;
        let mut n = 0u16;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(INVALID_ESCAPE)),
            };
            n = n << 4 | u16::from(v);
        }
        Ok(n)
    }

    /// Skips a string whose opening quote has been read. As serde_json
    /// does for values it ignores, `\u` escapes are not checked for
    /// surrogates, and a control character is reported where it is.
    #[inline]
    fn skip_string(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        loop {
            self.pos += scan_string(bytes.get(self.pos..).unwrap_or_default());
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(c) => {
                            self.pos += 1;
                            match c {
                                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                                b'u' => {
                                    self.hex4()?;
                                }
                                _ => return Err(self.error(INVALID_ESCAPE)),
                            }
                        }
                    }
                }
                Some(_) => return Err(self.error(CONTROL_CHARACTER)),
                None => return Err(self.error(EOF_STRING)),
            }
        }
    }

    // Numbers.

    /// A number, its `-` (if `!positive`) already read.
    fn number(&mut self, positive: bool) -> Result<Number> {
        let start = if positive {
            self.pos
        } else {
            self.pos.saturating_sub(1)
        };
        // The digits, integer and fraction, while they fit 64 bits.
        let mut sig: u64 = 0;
        let mut fits = true;
        let mut scale: i32 = 0;
        let mut nonzero = false;
        let Some(first) = self.peek() else {
            return Err(self.error(EOF_VALUE));
        };
        self.pos += 1;
        match first {
            b'0' => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            b'1'..=b'9' => {
                sig = u64::from(first - b'0');
                nonzero = true;
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    self.pos += 1;
                    if fits {
                        match sig
                            .checked_mul(10)
                            .and_then(|s| s.checked_add(u64::from(d - b'0')))
                        {
                            Some(s) => sig = s,
                            None => fits = false,
                        }
                    }
                }
            }
            _ => return Err(self.error(INVALID_NUMBER)),
        }
        let integer_fits = fits;
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            float = true;
            let digits = self.pos;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.pos += 1;
                nonzero |= d != b'0';
                if fits {
                    match sig
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(u64::from(d - b'0')))
                    {
                        Some(s) => {
                            sig = s;
                            scale -= 1;
                        }
                        None => fits = false,
                    }
                }
            }
            if self.pos == digits {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        let mut exp: i32 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            float = true;
            let positive_exp = match self.peek() {
                Some(b'+') => {
                    self.pos += 1;
                    true
                }
                Some(b'-') => {
                    self.pos += 1;
                    false
                }
                _ => true,
            };
            match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(d) => {
                    self.pos += 1;
                    if !d.is_ascii_digit() {
                        return Err(self.error(INVALID_NUMBER));
                    }
                    exp = i32::from(d - b'0');
                }
            }
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.pos += 1;
                match exp
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i32::from(d - b'0')))
                {
                    Some(e) => exp = e,
                    None => {
                        // As serde_json: an error where the exponent
                        // overflows, or zero.
                        if nonzero && positive_exp {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.pos += 1;
                        }
                        return Ok(Number::F64(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            if !positive_exp {
                exp = -exp;
            }
        }
        if !float && integer_fits {
            return Ok(if positive {
                Number::U64(sig)
            } else {
                // As serde_json: -0 and what i64 cannot hold are doubles.
                let neg = (sig as i64).wrapping_neg();
                if neg >= 0 {
                    Number::F64(-(sig as f64))
                } else {
                    Number::I64(neg)
                }
            });
        }
        let e = scale.saturating_add(exp);
        let f = if fits && sig <= 1 << 53 && (-22..=22).contains(&e) {
            let m = sig as f64;
            let p = POW10[e.unsigned_abs() as usize];
            let f = if e < 0 { m / p } else { m * p };
            if positive {
                f
            } else {
                -f
            }
        } else {
            let text = self.text.get(start..self.pos).unwrap_or_default();
            text.parse::<f64>().unwrap_or(f64::INFINITY)
        };
        if f.is_finite() {
            Ok(Number::F64(f))
        } else {
            Err(self.error(OUT_OF_RANGE))
        }
    }

    /// A number where serde_json's `deserialize_number` reads one.
    fn any_number(&mut self, expected: &str) -> Result<Number> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'-') => {
                self.pos += 1;
                self.number(false)
            }
            Some(b'0'..=b'9') => self.number(true),
            Some(_) => Err(self.invalid_type(expected)),
        }
    }

    /// A double; integers are read as doubles.
    pub fn read_f64(&mut self) -> Result<f64> {
        Ok(self.any_number("f64")?.as_f64())
    }

    /// A whole number from 0 to `max`, for the type named `expected`
    /// ("u32"): negative, fractional and larger numbers are errors.
    pub fn read_uint(&mut self, max: u64, expected: &str) -> Result<u64> {
        let n = self.any_number(expected)?;
        let msg = match n {
            Number::U64(u) if u <= max => return Ok(u),
            Number::U64(u) => format!("invalid value: integer `{u}`, expected {expected}"),
            Number::I64(i) => format!("invalid value: integer `{i}`, expected {expected}"),
            Number::F64(_) => format!("invalid type: {}, expected {expected}", n.unexpected()),
        };
        Err(self.data_error(msg))
    }

    /// A whole number that fits 64 bits with its sign.
    pub fn read_i64(&mut self) -> Result<i64> {
        let n = self.any_number("i64")?;
        let msg = match n {
            Number::I64(i) => return Ok(i),
            Number::U64(u) => match i64::try_from(u) {
                Ok(i) => return Ok(i),
                Err(_) => format!("invalid value: integer `{u}`, expected i64"),
            },
            Number::F64(_) => format!("invalid type: {}, expected i64", n.unexpected()),
        };
        Err(self.data_error(msg))
    }

    /// `true` or `false`.
    pub fn read_bool(&mut self) -> Result<bool> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b't') => {
                self.pos += 1;
                self.ident(b"rue").map(|()| true)
            }
            Some(b'f') => {
                self.pos += 1;
                self.ident(b"alse").map(|()| false)
            }
            Some(_) => Err(self.invalid_type("a boolean")),
        }
    }

    /// A string.
    pub fn read_str(&mut self) -> Result<Cow<'a, str>> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'"') => {
                self.pos += 1;
                self.string_body()
            }
            Some(_) => Err(self.invalid_type("a string")),
        }
    }

    /// Reads `null` if that is what comes next (an `Option`'s `None`).
    pub fn read_null(&mut self) -> Result<bool> {
        if self.ws() == Some(b'n') {
            self.pos += 1;
            self.ident(b"ull")?;
            return Ok(true);
        }
        Ok(false)
    }

    // Arrays and objects.

    /// Whether another element follows, its comma read.
    fn has_next_element(&mut self, first: &mut bool) -> Result<bool> {
        match self.ws() {
            None => Err(self.peek_error(EOF_LIST)),
            Some(b']') => Ok(false),
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.pos += 1;
                match self.ws() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Ok(true),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END)),
        }
    }

    fn end_seq(&mut self) -> Result<()> {
        match self.ws() {
            Some(b']') => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => {
                self.pos += 1;
                match self.ws() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    _ => Err(self.peek_error(TRAILING_CHARACTERS)),
                }
            }
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_LIST)),
        }
    }

    fn end_map(&mut self) -> Result<()> {
        match self.ws() {
            Some(b'}') => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error(TRAILING_COMMA)),
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// After the elements of an array: its closing bracket, and the error
    /// of the elements placed where serde_json places it.
    fn finish_seq(&mut self, ret: Result<()>) -> Result<()> {
        leave_then(self, ret, Self::end_seq)
    }

    fn finish_map(&mut self, ret: Result<()>) -> Result<()> {
        leave_then(self, ret, Self::end_map)
    }

    /// The elements of an array whose `[` is next (already checked).
    fn elements(&mut self, each: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>) -> Result<()> {
        self.enter()?;
        self.pos += 1;
        let mut first = true;
        let mut ret = Ok(());
        loop {
            match self.has_next_element(&mut first) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    ret = Err(e);
                    break;
                }
            }
            if let Err(e) = each(self) {
                ret = Err(e);
                break;
            }
        }
        self.finish_seq(ret)
    }

    /// The members of an object whose `{` is next (already checked): for
    /// each, `member` is given the key and must read the colon
    /// ([`Reader::colon`]) and the value.
    fn members(
        &mut self,
        member: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        self.enter()?;
        self.pos += 1;
        let ret = self.members_inner(member);
        self.finish_map(ret)
    }

    fn members_inner(
        &mut self,
        member: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        let mut first = true;
        loop {
            match self.ws() {
                None => return Err(self.peek_error(EOF_OBJECT)),
                Some(b'}') => return Ok(()),
                Some(b) if first => {
                    first = false;
                    if b != b'"' {
                        return Err(self.peek_error(KEY_MUST_BE_A_STRING));
                    }
                }
                Some(b',') => {
                    self.pos += 1;
                    match self.ws() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END)),
            }
            self.pos += 1;
            let key = self.string_body()?;
            member(self, &key)?;
        }
    }

    /// The colon between a key and its value.
    pub fn colon(&mut self) -> Result<()> {
        match self.ws() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(EXPECTED_COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// An array, `each` reading each element.
    pub fn read_seq(&mut self, each: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>) -> Result<()> {
        self.read_array("a sequence", each)
    }

    /// An array, `each` reading each element; `expected` names what was
    /// expected where there is no array ("a position").
    pub fn read_array(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>,
    ) -> Result<()> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'[') => self.elements(each),
            Some(_) => Err(self.invalid_type(expected)),
        }
    }

    /// An object, `each` reading each member's value (its key given).
    pub fn read_map(
        &mut self,
        each: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        self.read_object("a map", each)
    }

    /// An object, `each` reading each member's value (its key given);
    /// `expected` names what was expected where there is no object.
    pub fn read_object(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'{') => self.members(&mut |r, key| {
                r.colon()?;
                each(r, key)
            }),
            Some(_) => Err(self.invalid_type(expected)),
        }
    }

    /// A struct as serde's derive reads it: an object whose members
    /// `fields` names are given to `field` by index (others skipped), or an
    /// array of the fields in order. A duplicate field, or a required one
    /// missing, is an error.
    pub fn read_struct(
        &mut self,
        fields: &Fields,
        field: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>,
    ) -> Result<()> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'{') => {
                let mut seen = 0u64;
                self.members(&mut |r, key| {
                    let Some(i) = fields.names.iter().position(|n| *n == key) else {
                        r.colon()?;
                        return r.skip_value();
                    };
                    if seen & 1 << i != 0 {
                        return Err(Error::custom(format!("duplicate field `{key}`")));
                    }
                    r.colon()?;
                    field(r, i)?;
                    seen |= 1 << i;
                    Ok(())
                })?;
                let missing = fields.required & !seen;
                if missing != 0 {
                    let name = fields.names.get(missing.trailing_zeros() as usize);
                    let msg = format!("missing field `{}`", name.unwrap_or(&""));
                    return Err(self.data_error(msg));
                }
                Ok(())
            }
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                let ret = self.fields_in_order(fields, field);
                self.finish_seq(ret)
            }
            Some(_) => Err(self.invalid_type(fields.expecting)),
        }
    }

    /// A struct written as an array of its fields.
    fn fields_in_order(
        &mut self,
        fields: &Fields,
        field: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>,
    ) -> Result<()> {
        let mut first = true;
        for i in 0..fields.names.len() {
            if self.has_next_element(&mut first)? {
                field(self, i)?;
            } else if fields.required & 1 << i != 0 {
                let n = fields.names.len();
                return Err(Error::custom(format!(
                    "invalid length {i}, expected {} with {n} element{}",
                    fields.expecting,
                    if n == 1 { "" } else { "s" }
                )));
            }
        }
        Ok(())
    }

    /// The index of a unit variant among `variants`, written as its name
    /// (or as serde also reads it, `{"name": null}`).
    pub fn read_variant(&mut self, variants: &[&str]) -> Result<usize> {
        match self.ws() {
            Some(b'"') => {
                self.pos += 1;
                let name = self.string_body()?;
                self.variant_index(&name, variants)
            }
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let ret = self.variant_in_object(variants);
                self.leave();
                let i = ret?;
                match self.ws() {
                    Some(b'}') => {
                        self.pos += 1;
                        Ok(i)
                    }
                    Some(_) => Err(self.error(EXPECTED_VALUE)),
                    None => Err(self.error(EOF_OBJECT)),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_VALUE)),
            None => Err(self.peek_error(EOF_VALUE)),
        }
    }

    fn variant_in_object(&mut self, variants: &[&str]) -> Result<usize> {
        match self.ws() {
            Some(b'"') => {}
            Some(b'}') => return Err(self.peek_error(EXPECTED_VALUE)),
            Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
            None => return Err(self.peek_error(EOF_OBJECT)),
        }
        self.pos += 1;
        let name = self.string_body()?;
        let i = self.variant_index(&name, variants)?;
        self.colon()?;
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'n') => {
                self.pos += 1;
                self.ident(b"ull").map(|()| i)
            }
            Some(_) => Err(self.invalid_type("unit")),
        }
    }

    fn variant_index(&self, name: &str, variants: &[&str]) -> Result<usize> {
        if let Some(i) = variants.iter().position(|v| *v == name) {
            return Ok(i);
        }
        let expected = match variants {
            [] => {
                return Err(
                    self.data_error(format!("unknown variant `{name}`, there are no variants"))
                )
            }
            [a] => format!("`{a}`"),
            [a, b] => format!("`{a}` or `{b}`"),
            _ => {
                let names: Vec<String> = variants.iter().map(|v| format!("`{v}`")).collect();
                format!("one of {}", names.join(", "))
            }
        };
        Err(self.data_error(format!("unknown variant `{name}`, expected {expected}")))
    }

    /// Any value, kept as it is written.
    pub fn read_value(&mut self) -> Result<Value> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'n') => {
                self.pos += 1;
                self.ident(b"ull").map(|()| Value::Null)
            }
            Some(b't') => {
                self.pos += 1;
                self.ident(b"rue").map(|()| Value::Bool(true))
            }
            Some(b'f') => {
                self.pos += 1;
                self.ident(b"alse").map(|()| Value::Bool(false))
            }
            Some(b'-') => {
                self.pos += 1;
                self.number(false).map(Value::Number)
            }
            Some(b'0'..=b'9') => self.number(true).map(Value::Number),
            Some(b'"') => {
                self.pos += 1;
                Ok(Value::String(self.string_body()?.into_owned()))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.elements(&mut |r| {
                    items.push(r.read_value()?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                let mut members = BTreeMap::new();
                self.members(&mut |r, key| {
                    r.colon()?;
                    members.insert(key.to_string(), r.read_value()?);
                    Ok(())
                })?;
                Ok(Value::Object(members))
            }
            Some(_) => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    /// Skips a value, at any depth (without recursion, as serde_json
    /// ignores unknown fields), checking that it is well-formed.
    pub fn skip_value(&mut self) -> Result<()> {
        // The open arrays and objects but the innermost (`enclosing`).
        let mut stack: Vec<u8> = Vec::new();
        let mut enclosing: Option<u8> = None;
        loop {
            let Some(peek) = self.ws() else {
                return Err(self.peek_error(EOF_VALUE));
            };
            let opened = match peek {
                b'n' => {
                    self.pos += 1;
                    self.ident(b"ull")?;
                    None
                }
                b't' => {
                    self.pos += 1;
                    self.ident(b"rue")?;
                    None
                }
                b'f' => {
                    self.pos += 1;
                    self.ident(b"alse")?;
                    None
                }
                b'-' => {
                    self.pos += 1;
                    self.skip_number()?;
                    None
                }
                b'0'..=b'9' => {
                    self.skip_number()?;
                    None
                }
                b'"' => {
                    self.pos += 1;
                    self.skip_string()?;
                    None
                }
                b'[' | b'{' => {
                    stack.extend(enclosing.take());
                    self.pos += 1;
                    Some(peek)
                }
                _ => return Err(self.peek_error(EXPECTED_VALUE)),
            };
            let (mut accept_comma, mut frame) = match opened {
                Some(frame) => (false, frame),
                None => match enclosing.take().or_else(|| stack.pop()) {
                    Some(frame) => (true, frame),
                    None => return Ok(()),
                },
            };
            loop {
                match self.ws() {
                    Some(b',') if accept_comma => {
                        self.pos += 1;
                        break;
                    }
                    Some(b']') if frame == b'[' => {}
                    Some(b'}') if frame == b'{' => {}
                    Some(_) if accept_comma => {
                        return Err(self.peek_error(if frame == b'[' {
                            EXPECTED_LIST_COMMA_OR_END
                        } else {
                            EXPECTED_OBJECT_COMMA_OR_END
                        }));
                    }
                    Some(_) => break,
                    None => {
                        return Err(self.peek_error(if frame == b'[' {
                            EOF_LIST
                        } else {
                            EOF_OBJECT
                        }));
                    }
                }
                self.pos += 1;
                frame = match stack.pop() {
                    Some(frame) => frame,
                    None => return Ok(()),
                };
                accept_comma = true;
            }
            if frame == b'{' {
                match self.ws() {
                    Some(b'"') => self.pos += 1,
                    Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                    None => return Err(self.peek_error(EOF_OBJECT)),
                }
                self.skip_string()?;
                self.colon()?;
            }
            enclosing = Some(frame);
        }
    }

    /// Skips a number (its `-` read), checking its form only.
    #[inline]
    fn skip_number(&mut self) -> Result<()> {
        let digits = |r: &mut Self| {
            let start = r.pos;
            while let Some(b'0'..=b'9') = r.peek() {
                r.pos += 1;
            }
            r.pos > start
        };
        // At the end of the text, serde_json reads a NUL here: "invalid
        // number", not "EOF".
        let first = self.peek();
        if first.is_some() {
            self.pos += 1;
        }
        match first {
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error(INVALID_NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.peek_error(INVALID_NUMBER));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            let first = self.peek();
            if first.is_some() {
                self.pos += 1;
            }
            if !first.is_some_and(|d| d.is_ascii_digit()) {
                return Err(self.error(INVALID_NUMBER));
            }
            digits(self);
        }
        Ok(())
    }
}

/// Leaves an array or object: reads its end with `end` (as serde_json
/// does, even after an error), then places an error without a position
/// where the reader stands.
fn leave_then<'a>(
    r: &mut Reader<'a>,
    ret: Result<()>,
    end: fn(&mut Reader<'a>) -> Result<()>,
) -> Result<()> {
    r.leave();
    let ended = end(r);
    match (ret, ended) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), _) | (_, Err(e)) => Err(e.fix(r.pos)),
    }
}

/// The length of the run of plain string bytes at the start of `bytes`:
/// up to a quote, a backslash or a control character.
/// Eight bytes at a time, as serde_json does (Mycroft's test for a zero
/// byte: the lowest flagged byte is always a true one).
#[inline]
fn scan_string(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut chunks = bytes.chunks_exact(8);
    let mut i = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let control = x.wrapping_sub(ONES * 0x20) & !x;
        let quote = has_zero(x ^ (ONES * u64::from(b'"')));
        let backslash = has_zero(x ^ (ONES * u64::from(b'\\')));
        let found = (control | quote | backslash) & HIGH;
        if found != 0 {
            return i + found.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    let rest = chunks.remainder();
    i + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(rest.len())
}

/// A field that [`Reader::read_struct`] has checked is present.
#[inline]
pub fn required<T>(value: Option<T>) -> Result<T> {
    value.ok_or_else(|| Error::custom("a required field was not read".into()))
}

impl FromJson for String {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_str().map(Cow::into_owned)
    }
}

impl FromJson for f64 {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_f64()
    }
}

impl FromJson for i64 {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_i64()
    }
}

impl FromJson for u64 {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_uint(u64::MAX, "u64")
    }
}

impl FromJson for u32 {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_uint(u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl FromJson for u8 {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_uint(u8::MAX.into(), "u8").map(|n| n as u8)
    }
}

impl FromJson for bool {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_bool()
    }
}

impl FromJson for Value {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.read_value()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        if r.read_null()? {
            return Ok(None);
        }
        T::read(r).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut items = Vec::new();
        r.read_seq(&mut |r| {
            items.push(T::read(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut map = BTreeMap::new();
        r.read_map(&mut |r, key| {
            map.insert(key.to_string(), T::read(r)?);
            Ok(())
        })?;
        Ok(map)
    }
}

/// Implements [`FromJson`] for a struct as serde's derive reads it: each
/// field `req` (must be present) or `def` (its `Default` when absent), in
/// the order they are declared, optionally with its own reader function
/// and its JSON name where it is not the field's:
///
/// ```ignore
/// json_struct!(Text { vi: req(read_text), en: req(read_text) });
/// json_struct!(Source { id: req, publisher: req, url: def });
/// json_struct!(Geometry { kind = "type": def, arcs: def });
/// ```
macro_rules! json_struct {
    ($ty:ident {
        $($field:ident $(= $name:literal)? : $kind:ident $(($reader:path))?),* $(,)?
    }) => {
        impl $crate::json::FromJson for $ty {
            fn read(
                r: &mut $crate::json::Reader<'_>,
            ) -> Result<Self, $crate::json::Error> {
                #[allow(non_camel_case_types)]
                enum F { $($field),* }
                const FIELDS: $crate::json::Fields = $crate::json::Fields {
                    expecting: concat!("struct ", stringify!($ty)),
                    names: &[$(json_struct!(@name $field $($name)?)),*],
                    required: 0 $(| (json_struct!(@required $kind) << F::$field as u32))*,
                };
                $(let mut $field = None;)*
                r.read_struct(&FIELDS, &mut |r, i| {
                    $(if i == F::$field as usize {
                        $field = Some(json_struct!(@read r $($reader)?)?);
                    })*
                    Ok(())
                })?;
                Ok($ty { $($field: json_struct!(@take $kind $field)),* })
            }
        }

        #[cfg(test)]
        impl $ty {
            /// The fields' names in the order [`FromJson`] reads them.
            #[allow(dead_code)]
            pub(crate) const JSON_FIELDS: &'static [&'static str] =
                &[$(json_struct!(@name $field $($name)?)),*];
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $name:literal) => { $name };
    (@required req) => { 1u64 };
    (@required def) => { 0u64 };
    (@read $r:ident) => { $crate::json::FromJson::read($r) };
    (@read $r:ident $reader:path) => { $reader($r) };
    (@take req $field:ident) => { $crate::json::required($field)? };
    (@take def $field:ident) => { $field.unwrap_or_default() };
}
pub(crate) use json_struct;

/// Implements [`FromJson`] for an enum of unit variants, each read from
/// its name: `json_enum!(UnitLevel { Province = "province", Commune =
/// "commune" })`.
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn read(
                r: &mut $crate::json::Reader<'_>,
            ) -> Result<Self, $crate::json::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let i = r.read_variant(&[$($name),*])?;
                $crate::json::required(ALL.get(i).copied())
            }
        }
    };
}
pub(crate) use json_enum;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::{NumberFormat, TaskStatus, Text, UnitLevel, ValueRange};
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;

    /// Both readers' result for `text` as `T`: the value, or the error as
    /// serde_json writes it ("… at line L column C") and whether it is one
    /// of the data's shape (serde_json's `Category::Data`).
    #[allow(clippy::type_complexity)]
    fn both<T>(text: &str) -> (Result<T, (String, bool)>, Result<T, (String, bool)>)
    where
        T: FromJson + DeserializeOwned,
    {
        let ours = from_str::<T>(text).map_err(|e| (e.detail(text), e.is_data()));
        let serde = serde_json::from_str::<T>(text).map_err(|e| {
            let data = e.classify() == serde_json::error::Category::Data;
            (e.to_string(), data)
        });
        (ours, serde)
    }

    fn agree<T>(text: &str)
    where
        T: FromJson + DeserializeOwned + PartialEq + Debug,
    {
        let (ours, serde) = both::<T>(text);
        assert_eq!(ours, serde, "{text:?} as {}", std::any::type_name::<T>());
    }

    /// Texts that exercise every branch of the tokenizer: each as every
    /// type below must give what serde_json gives.
    const SNIPPETS: &[&str] = &[
        "",
        " ",
        "\n\n  ",
        "null",
        "nul",
        "nulx",
        "n",
        "true",
        "tru",
        "trux",
        "false",
        "fals",
        "0",
        "-0",
        "-",
        "-x",
        "01",
        "-01",
        "1",
        "42",
        "255",
        "256",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
        "-1",
        "-9223372036854775808",
        "-9223372036854775809",
        "-18446744073709551615",
        "1.5",
        "1.",
        "1.e5",
        "1.x",
        ".5",
        "1e",
        "1e+",
        "1e-",
        "1ex",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1.25e2",
        "0.1",
        "0.30000000000000004",
        "1e308",
        "1e309",
        "-1e309",
        "1.7976931348623157e308",
        "1e-400",
        "0e999999999999",
        "1e999999999999",
        "1e-999999999999",
        "-0.0",
        "0.0000000000000000000000000000001",
        "123456789012345678901234567890.5",
        "2.5e-3",
        "1e22",
        "1e23",
        "9007199254740993",
        "0.1e1",
        "1x",
        "1 2",
        "1,",
        "\"\"",
        "\"a\"",
        "\"a",
        "\"\\",
        "\"\\u",
        "\"\\u00",
        "\"\\u0041\"",
        "\"\\u00e9\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\uD83D\"",
        "\"\\uD83Dx\"",
        "\"\\uD83D\\x\"",
        "\"\\uD83D\\u0041\"",
        "\"\\uDE00\"",
        "\"\\uZZZZ\"",
        "\"\\x\"",
        "\"\\n\\t\\r\\b\\f\\/\\\\\\\"\"",
        "\"tab\tin\"",
        "\"new\nline\"",
        "\"Hà Nội\u{202e}gnp\"",
        "\"\\u202eX\"",
        "\"é\\u0041é\"",
        "[]",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[,1]",
        "[1,2,3]",
        "[null]",
        "[[]]",
        "[\"a\"]",
        "{}",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "{\"a\":1}",
        "{\"a\":1,\"a\":2}",
        "{\"b\":2,\"a\":[1,{\"c\":null}]}",
        "{\"a\":{\"b\":[1,2,{}]}}",
        "{\"vi\":\"x\",\"en\":\"y\"}",
        "{\"vi\":\"x\"}",
        "{\"vi\":\"x\",\"vi\":\"z\",\"en\":\"y\"}",
        "{\"vi\":\"x\",\"en\":\"y\",\"other\":[1,{\"deep\":[[[]]]}]}",
        "{\"vi\":\"x\",\"en\":\"y\",\"other\":[1,]}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":\"\\ud800\"}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":\"a\u{1}b\"}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":-}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":1.}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":1e}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":-",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":01}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":{\"k\" 1}}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":{1:1}}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":[1 2]}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":{\"k\":1 \"j\":2}}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":tru}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":\"\\q\"}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":[}",
        "{\"vi\":\"x\",\"en\":\"y\",\"o\":{\"a\":[1}}",
        "{\"vi\":\"x\",\"en\":\"y\"} x",
        "{\"vi\":\"x\",\"en\":\"y\"}  ",
        "[\"x\",\"y\"]",
        "[\"x\"]",
        "[\"x\",\"y\",\"z\"]",
        "[\"x\",\"y\",]",
        "[\"x\" \"y\"]",
        "{\"vi\":5,\"en\":\"y\"}",
        "{\"vi\":null,\"en\":\"y\"}",
        "{\"vi\":[],\"en\":\"y\"}",
        "{\"vi\":{},\"en\":\"y\"}",
        "{\"vi\":true,\"en\":\"y\"}",
        "{\"vi\":-1.5e3,\"en\":\"y\"}",
        "{\"decimals\":2}",
        "{\"decimals\":2,\"percent\":true}",
        "{\"decimals\":256}",
        "{\"decimals\":-1}",
        "{\"decimals\":1.0}",
        "{\"decimals\":\"2\"}",
        "{\"percent\":true}",
        "[2]",
        "[2,true]",
        "[2,true,1]",
        "{\"decimals\":2,\"percent\":null}",
        "{\"min\":0,\"max\":1.5}",
        "{\"min\":-0,\"max\":1e2}",
        "{\"min\":\"0\",\"max\":1}",
        "{\"min\":1e999,\"max\":1}",
        "[1,2]",
        "[1]",
        "\"completed\"",
        "\"in_progress\"",
        "\"overdue\"",
        "\"done\"",
        "\"Completed\"",
        "{\"completed\":null}",
        "{\"completed\":1}",
        "{\"completed\":null,\"x\":1}",
        "{\"done\":null}",
        "{}",
        "{\"completed\"}",
        "{\"completed\":nul}",
        "{5:null}",
        "\"province\"",
        "\"commune\"",
        "\"x\\u0041\"",
        "{\"province\":null}  ",
        "5",
        "[\"province\"]",
    ];

    /// Guards the tokenizer and every reader against serde_json: for every
    /// snippet and type, the same value or the same error text, line and
    /// column.
    #[test]
    fn snippets_read_as_serde_json_reads_them() {
        for text in SNIPPETS {
            agree::<String>(text);
            agree::<f64>(text);
            agree::<u64>(text);
            agree::<u32>(text);
            agree::<u8>(text);
            agree::<bool>(text);
            agree::<Option<u64>>(text);
            agree::<Option<String>>(text);
            agree::<Vec<u32>>(text);
            agree::<Vec<Option<f64>>>(text);
            agree::<BTreeMap<String, u8>>(text);
            agree::<BTreeMap<String, Vec<bool>>>(text);
            agree::<Text>(text);
            agree::<Option<Text>>(text);
            agree::<NumberFormat>(text);
            agree::<ValueRange>(text);
            agree::<TaskStatus>(text);
            agree::<UnitLevel>(text);
            agree::<Vec<TaskStatus>>(text);
            agree::<i64>(text);
            agree::<Vec<Vec<i64>>>(text);
            // Any JSON: compared through serde_json's writing of it.
            let ours = from_str::<Value>(text)
                .map(|v| v.to_json())
                .map_err(|e| e.detail(text));
            let serde = serde_json::from_str::<serde_json::Value>(text)
                .map(|v| v.to_string())
                .map_err(|e| e.to_string());
            assert_eq!(ours, serde, "{text:?} as any value");
        }
    }

    /// Guards against a stack overflow on hostile nesting: serde_json's
    /// limit of 128 levels where values are read, none where they are
    /// skipped (an unknown field), at the same place and with the same
    /// message.
    #[test]
    fn deep_nesting_is_limited_as_serde_json_limits_it() {
        for depth in [1, 126, 127, 128, 129, 1000, 100_000] {
            let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            for text in [&arrays, &objects] {
                if depth <= 1000 {
                    let ours = from_str::<Value>(text).map(|v| v.to_json());
                    let serde =
                        serde_json::from_str::<serde_json::Value>(text).map(|v| v.to_string());
                    assert_eq!(
                        ours.map_err(|e| e.detail(text)),
                        serde.map_err(|e| e.to_string()),
                        "{depth}"
                    );
                } else {
                    // Too deep for serde_json's Value to drop safely: the
                    // error alone.
                    let e = from_str::<Value>(text).unwrap_err();
                    let limit = from_str::<Value>(&text[..text.len() / 2]).unwrap_err();
                    assert_eq!(e.message(), "recursion limit exceeded");
                    assert_eq!(e.line_column(text), limit.line_column(text));
                }
                let skipped = format!("{{\"vi\":\"x\",\"en\":\"y\",\"deep\":{text}}}");
                agree::<Text>(&skipped);
                let cut = &skipped[..skipped.len() / 2];
                agree::<Text>(cut);
            }
        }
    }

    /// A small deterministic generator (an LCG), for the generated cases.
    pub(crate) struct Lcg(pub u64);

    impl Lcg {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }

        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Guards the numbers written in errors and in a wrong
    /// `schema_version`: doubles written as serde_json writes them.
    #[test]
    fn doubles_are_written_as_serde_json_writes_them() {
        let mut cases = vec![
            0.0,
            -0.0,
            1.0,
            -1.5,
            100.0,
            1e15,
            1e16,
            9.999e15,
            1.5e16,
            1e-5,
            1.5e-5,
            9.99e-6,
            1e-6,
            1e-7,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e300,
            0.1,
            1.0 / 3.0,
        ];
        let mut lcg = Lcg(7);
        while cases.len() < 5000 {
            let bits = (lcg.next() << 31) ^ lcg.next() ^ (lcg.next() << 62);
            let f = f64::from_bits(bits);
            if f.is_finite() {
                cases.push(f);
            }
            // Decimal-looking numbers too.
            cases.push(lcg.next() as f64 / 10f64.powi(lcg.below(30) as i32 - 10));
        }
        for f in cases {
            assert_eq!(
                format_f64(f),
                serde_json::Value::from(f).to_string(),
                "{f:e}"
            );
        }
    }

    /// Guards the numbers of the data: decimals as publishers write them
    /// read to the nearest double (as `str::parse` reads them), which is
    /// what serde_json reads too, except for some with a scale beyond 22
    /// places, where its default parsing is off in the last place; integers
    /// to the same integer; the same errors.
    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        let mut lcg = Lcg(11);
        let mut serde_inexact = 0;
        for _ in 0..20_000 {
            let digits = lcg.next() % 10u64.pow(lcg.below(16) as u32 + 1);
            let scale = lcg.below(20);
            let sign = if lcg.below(4) == 0 { "-" } else { "" };
            let text = if scale == 0 {
                format!("{sign}{digits}")
            } else {
                let s = format!("{digits:0>width$}", width = scale + 1);
                let (int, frac) = s.split_at(s.len() - scale);
                match lcg.below(3) {
                    0 => format!("{sign}{int}.{frac}"),
                    1 => format!("{sign}{int}.{frac}e{}", lcg.below(40) as i32 - 20),
                    _ => format!("{sign}{digits}E-{scale}"),
                }
            };
            let exact: f64 = text.parse().unwrap();
            assert_eq!(from_str::<f64>(&text), Ok(exact), "{text}");
            if serde_json::from_str::<f64>(&text).unwrap() != exact {
                // serde_json's error would write its own double.
                serde_inexact += 1;
                assert!(text.contains(['.', 'e', 'E']), "{text}");
                assert!(from_str::<u64>(&text).is_err(), "{text}");
                continue;
            }
            agree::<f64>(&text);
            agree::<u64>(&text);
            agree::<u8>(&text);
        }
        assert!(serde_inexact < 1000, "{serde_inexact}");
    }

    /// Guards the arrays of numbers taken unread (`number_array_text`, for
    /// the values read when first used): one is taken exactly when reading
    /// it as numbers succeeds and it has no exponent nor a number of more
    /// than 300 digits (one of 309 is out of range), so a value read later
    /// never fails; its text ends at its `]`; nothing else is read.
    #[test]
    fn number_arrays_are_taken_unread_exactly_when_they_read_without_an_error() {
        let mut lcg = Lcg(57);
        let (long_300, long_309) = (
            format!("1{}", "0".repeat(299)),
            format!("1{}", "0".repeat(308)),
        );
        let pieces = [
            "1",
            "-0",
            "0.5",
            "12.25",
            "-3",
            "null",
            "nul",
            "01",
            "1.",
            ".5",
            "-",
            "1e3",
            "2E-1",
            "true",
            "\"1\"",
            "[]",
            "{}",
            " ",
            "\n",
            ",",
            ",,",
            "1 2",
            "0.0001",
            "123456789012345678901234567890",
            long_300.as_str(),
            long_309.as_str(),
        ];
        let mut taken = 0;
        for _ in 0..20_000 {
            let n = lcg.below(5);
            let mut text = String::from("[");
            for k in 0..n {
                if k > 0 {
                    text.push_str(if lcg.below(12) == 0 { " " } else { ", " });
                }
                text.push_str(pieces[lcg.below(pieces.len())]);
            }
            text.push_str(if lcg.below(10) == 0 { "" } else { "]" });
            let whole = format!("{text} ,7");
            let mut r = Reader::new(&whole);
            let got = r.number_array_text();
            let read = from_str::<Vec<Option<f64>>>(&text);
            let left_to_read = text.contains(['e', 'E']) || text.contains(&long_309);
            match got {
                Some(t) => {
                    taken += 1;
                    assert_eq!(t, text, "{whole}");
                    assert_eq!(r.pos, text.len(), "{whole}");
                    assert!(read.is_ok() && !left_to_read, "{text}: {read:?}");
                }
                None => {
                    assert_eq!(r.pos, 0, "{whole}");
                    assert!(
                        read.is_err() || left_to_read,
                        "{text} reads, and was not taken"
                    );
                }
            }
        }
        assert!(taken > 2000 && taken < 18_000, "{taken}");
    }

    /// Guards the arcs' positions read in one go (`int_pair`): a pair of
    /// whole numbers reads as the same two numbers as read one by one; any
    /// other text (floats, -0, a third coordinate, a leading zero, broken
    /// text) is left, unread, to the general reading.
    #[test]
    fn int_pairs_read_as_numbers_read_one_by_one() {
        let mut lcg = Lcg(3);
        let pieces = [
            "0",
            "-0",
            "7",
            "-12",
            "123456789012345",
            "1234567890123456",
            "01",
            "1.5",
            "1e2",
            "-",
            "",
            "x",
            "99999",
        ];
        let mut taken = 0;
        for _ in 0..20_000 {
            let (a, b) = (
                pieces[lcg.below(pieces.len())],
                pieces[lcg.below(pieces.len())],
            );
            let third = if lcg.below(8) == 0 { ", 3" } else { "" };
            let sp = if lcg.below(4) == 0 { " " } else { "" };
            let text = format!("[{sp}{a}{sp},{sp}{b}{third}{sp}]");
            let whole = format!("{text},");
            let mut r = Reader::new(&whole);
            let read = from_str::<Vec<f64>>(&text);
            match r.int_pair() {
                Some((x, y)) => {
                    taken += 1;
                    assert_eq!(read, Ok(vec![x, y]), "{text}");
                    assert_eq!(r.pos, text.len(), "{text}");
                    assert!(!text.contains(['.', 'e']) && third.is_empty(), "{text}");
                }
                None => {
                    assert_eq!(r.pos, 0, "{text}");
                    // Whole numbers as the reader reads them: not -0 (a
                    // double), nor beyond 64 bits, nor broken.
                    let plain = |p: &str| {
                        [
                            "0",
                            "7",
                            "-12",
                            "123456789012345",
                            "1234567890123456",
                            "99999",
                        ]
                        .contains(&p)
                    };
                    assert!(
                        !(plain(a) && plain(b) && third.is_empty()),
                        "{text} is a pair of integers, and was not read"
                    );
                }
            }
        }
        assert!(taken > 3000, "{taken}");
    }

    /// Guards the positions of errors in text of several lines, with
    /// multi-byte characters before them (serde_json counts bytes).
    #[test]
    fn positions_count_lines_and_bytes_as_serde_json_does() {
        let text = "{\n  \"vi\": \"Hà Nội\",\r\n\t\"en\": \"x\",\n  \"vi\": 1\n}";
        agree::<Text>(text);
        let text = "{\n  \"vi\": \"Hà Nội\",\n  \"en\":\n";
        agree::<Text>(text);
        let text = "\n\n{\"decimals\": 1,\n\"percent\": \"no\"}";
        agree::<NumberFormat>(text);
    }
}
