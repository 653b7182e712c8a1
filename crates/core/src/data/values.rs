//! The values of a [`super::Series`], read when first used.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// The values of a series, in order (`values[i]` is `units[i]`'s; `None`:
/// not published).
///
/// A file read keeps each series' array of values as its text, checked to
/// read without an error ([`crate::json::Reader::number_array_text`]),
/// and reads it into numbers when the series is first used: a page shows
/// one or a few of a file's series first (the map: one indicator and
/// period), and reading the 425,088 numbers of a commune-scale file is
/// nearly all of its parse; the rest are read as they are wanted (all of
/// them once the page's first figure is shown, when the data is
/// checked). An array the check leaves out (a number with an exponent or
/// of more than 300 digits, anything else) is read at once, as before,
/// with its error. The text is kept beside the numbers once read (2.2 MB
/// for the commune data's 128 series). Values made
/// in code, or changed, are numbers at once. Written and read as a JSON
/// array.
#[derive(Default)]
pub struct Values {
    /// The values, once read.
    read: OnceLock<Vec<Option<f64>>>,
    /// The array's text, until read.
    text: Option<Box<str>>,
}

impl Values {
    /// Values to be read from `text`, an array of numbers that reads
    /// without an error ([`crate::json::Reader::number_array_text`]'s).
    fn from_text(text: &str) -> Values {
        Values {
            read: OnceLock::new(),
            text: Some(text.into()),
        }
    }

    /// The values, read now if they were not yet.
    fn get(&self) -> &Vec<Option<f64>> {
        self.read.get_or_init(|| {
            let text = self.text.as_deref().unwrap_or("[]");
            // Checked as it was taken: this reads (tested with the check).
            crate::json::from_str(text).unwrap_or_default()
        })
    }

    /// Whether the values have been read into numbers.
    #[cfg(test)]
    fn is_read(&self) -> bool {
        self.read.get().is_some()
    }
}

impl Deref for Values {
    type Target = Vec<Option<f64>>;
    fn deref(&self) -> &Vec<Option<f64>> {
        self.get()
    }
}

impl DerefMut for Values {
    fn deref_mut(&mut self) -> &mut Vec<Option<f64>> {
        self.get();
        self.text = None;
        self.read.get_mut().expect("read just now")
    }
}

impl Clone for Values {
    /// A copy of the numbers (read now if they were not yet).
    fn clone(&self) -> Self {
        self.get().clone().into()
    }
}

impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for Values {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl From<Vec<Option<f64>>> for Values {
    fn from(values: Vec<Option<f64>>) -> Self {
        Values {
            read: OnceLock::from(values),
            text: None,
        }
    }
}

impl FromIterator<Option<f64>> for Values {
    fn from_iter<I: IntoIterator<Item = Option<f64>>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = &'a Option<f64>;
    type IntoIter = std::slice::Iter<'a, Option<f64>>;
    fn into_iter(self) -> Self::IntoIter {
        self.get().iter()
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Option<f64>>::deserialize(d).map(Into::into)
    }
}

/// In the published schema: an array of numbers and `null`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Values {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Values".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Option<f64>>>::json_schema(generator)
    }
}

impl crate::json::FromJson for Values {
    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::Error> {
        match r.number_array_text() {
            Some(text) => Ok(Values::from_text(text)),
            // Anything else is read now, for its error where it has one.
            None => Vec::<Option<f64>>::read(r).map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the values read when first used: the same numbers as read
    /// at once, from every way the check takes an array of numbers
    /// written; a change makes them numbers, and a copy made before keeps
    /// its own.
    #[test]
    fn values_read_when_used_are_those_read_at_once() {
        for text in [
            "[]",
            "[ ]",
            "[1, 2.5, null, -300, 0.125, 0.001, -0]",
            "[\n  12,\n  null\n]",
            "[123456789012345678901234567890, 0.30000000000000004]",
        ] {
            let mut r = crate::json::Reader::new(text);
            let lazy = <Values as crate::json::FromJson>::read(&mut r).unwrap();
            assert!(!lazy.is_read(), "{text}");
            let now: Vec<Option<f64>> = crate::json::from_str(text).unwrap();
            assert_eq!(*lazy, now, "{text}");
            assert!(lazy.is_read());
        }
        // With an exponent: read at once.
        let mut r = crate::json::Reader::new("[1e3]");
        let now = <Values as crate::json::FromJson>::read(&mut r).unwrap();
        assert!(now.is_read());
        assert_eq!(*now, vec![Some(1000.0)]);
        let mut v = Values::from_text("[1, null]");
        let copy = v.clone();
        v.push(Some(3.0));
        assert_eq!(*v, vec![Some(1.0), None, Some(3.0)]);
        assert_eq!(*copy, vec![Some(1.0), None]);
        assert!(!Values::from(vec![Some(1.0)]).clone().is_empty());
    }
}
