//! The unit codes of a [`super::Series`], shared between series.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// The unit codes of a series, in order (`units[i]` has `values[i]`).
///
/// The series of one unit set list the same codes, so a file read shares
/// one list between them ([`crate::json::Reader::read_shared_strings`]): at
/// commune scale, 3,321 strings instead of one per value (425,088 in the
/// SYNTHETIC commune dataset). Cloning a list is a count; changing one
/// (through `DerefMut` or [`UnitCodes::push`]) copies it first, so no other
/// series sees the change. Written and read as a JSON array of strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitCodes(Arc<[String]>);

/// In the published schema, as it was before the lists were shared: an
/// array of strings, in place.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for UnitCodes {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UnitCodes".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(generator)
    }
}

impl UnitCodes {
    /// Adds a code at the end (copying a shared list first).
    pub fn push(&mut self, code: String) {
        let mut codes = self.0.to_vec();
        codes.push(code);
        self.0 = codes.into();
    }

    /// Takes the code at `at` out (copying a shared list first).
    pub fn remove(&mut self, at: usize) -> String {
        let mut codes = self.0.to_vec();
        let code = codes.remove(at);
        self.0 = codes.into();
        code
    }

    /// Whether both are the same list in memory (not just equal), as the
    /// reader shares them.
    pub fn shares(&self, other: &UnitCodes) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for UnitCodes {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl DerefMut for UnitCodes {
    fn deref_mut(&mut self) -> &mut [String] {
        Arc::make_mut(&mut self.0)
    }
}

impl From<Arc<[String]>> for UnitCodes {
    fn from(codes: Arc<[String]>) -> Self {
        UnitCodes(codes)
    }
}

impl From<Vec<String>> for UnitCodes {
    fn from(codes: Vec<String>) -> Self {
        UnitCodes(codes.into())
    }
}

impl From<&[String]> for UnitCodes {
    fn from(codes: &[String]) -> Self {
        UnitCodes(codes.into())
    }
}

impl<const N: usize> From<[&str; N]> for UnitCodes {
    fn from(codes: [&str; N]) -> Self {
        codes.iter().map(|c| c.to_string()).collect()
    }
}

impl FromIterator<String> for UnitCodes {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        UnitCodes(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a UnitCodes {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl PartialEq<Vec<String>> for UnitCodes {
    fn eq(&self, other: &Vec<String>) -> bool {
        *self.0 == **other
    }
}

impl Serialize for UnitCodes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for UnitCodes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<String>::deserialize(d).map(Into::into)
    }
}

impl crate::json::FromJson for UnitCodes {
    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::Error> {
        r.read_shared_strings().map(UnitCodes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_a_shared_list_copies_it_first() {
        let a: UnitCodes = ["01", "48"].into();
        let mut b = a.clone();
        assert!(b.shares(&a));
        b[1] = "49".into();
        b.push("56".into());
        assert_eq!(&*a, ["01", "48"]);
        assert_eq!(&*b, ["01", "49", "56"]);
        assert!(!b.shares(&a));
    }

    /// Guards the memory of commune-scale files: the series of one unit set
    /// hold one list of codes, not one each.
    #[test]
    fn series_of_one_unit_set_share_one_list_of_codes() {
        let d = crate::test_support::demo();
        let mut pairs = 0;
        for (i, a) in d.series.iter().enumerate() {
            for b in &d.series[i + 1..] {
                assert_eq!(a.units.shares(&b.units), a.units == b.units);
                pairs += usize::from(a.units == b.units);
            }
        }
        assert!(pairs > 10, "the demo has series of the same units: {pairs}");
    }

    /// Guards the reader's memory of lists: an equal list is shared after
    /// three others, not after four; unequal lists never are.
    #[test]
    fn the_reader_remembers_the_last_four_lists() {
        let read = |text: &str| crate::json::from_str::<Vec<UnitCodes>>(text).unwrap();
        let l = read(r#"[["a"],["b"],["c"],["d"],["a"],["e"],["b"],["a","b"],["a"]]"#);
        assert!(l[4].shares(&l[0]));
        // Four others (c, d, a, e) were read since "b".
        assert!(!l[6].shares(&l[1]));
        assert_eq!(l[6], l[1]);
        assert!(!l[7].shares(&l[0]) && !l[8].shares(&l[7]));
        assert!(l[8].shares(&l[4]));
    }

    /// Guards the skip of a list written again byte for byte: it is the
    /// list read before; a longer list that begins as it did, one written
    /// with other spaces or escapes, and a malformed one are read, as
    /// before the skip.
    #[test]
    fn a_list_written_again_byte_for_byte_is_the_list_read_before() {
        let read = |text: &str| crate::json::from_str::<Vec<UnitCodes>>(text);
        let l =
            read(r#"[["01","48"],["01","48"],["01","48","56"],[ "01" , "48" ],["0\u0031","48"]]"#)
                .unwrap();
        assert!(l[1].shares(&l[0]));
        assert_eq!(&*l[2], ["01", "48", "56"]);
        assert!(!l[2].shares(&l[0]));
        assert!(
            l[3].shares(&l[0]),
            "equal, written otherwise: shared as read"
        );
        assert!(l[4].shares(&l[0]), "an escape reads as the same code");
        // What follows a skipped list is read where it ends.
        let l = read(r#"[["01","48"],["01","48"],["02"]]"#).unwrap();
        assert_eq!(&*l[2], ["02"]);
        assert!(read(r#"[["01","48"],["01","48"]x]"#).is_err());
        assert!(read(r#"[["01","48"],["01","48"]"#).is_err());
    }

    #[test]
    fn written_and_read_as_an_array_of_strings() {
        let a: UnitCodes = ["01", "48"].into();
        let text = serde_json::to_string(&a).unwrap();
        assert_eq!(text, r#"["01","48"]"#);
        assert_eq!(serde_json::from_str::<UnitCodes>(&text).unwrap(), a);
        assert_eq!(crate::json::from_str::<UnitCodes>(&text).unwrap(), a);
    }
}
