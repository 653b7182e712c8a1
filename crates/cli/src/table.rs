//! CSV tables as agencies keep them: UTF-8 with or without a byte order
//! mark, comma- or semicolon-separated (Excel in a Vietnamese locale writes
//! `;` and a decimal comma), a header row naming the columns. Every error
//! names the file, the line and the column.

use crate::input::read_text;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use tien_do_core::data::Text;

/// A problem in an input file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    pub path: PathBuf,
    /// 1-based line, where the problem is on one line.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// A CSV file read whole.
pub struct Table {
    pub path: PathBuf,
    columns: HashMap<String, usize>,
    rows: Vec<(usize, Vec<String>)>,
    decimal_comma: bool,
}

impl Table {
    /// Reads a table that must exist.
    pub fn read(path: &Path) -> Result<Table, BuildError> {
        let fail = |line, message: String| BuildError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let text = read_text(path).map_err(|e| fail(None, e.to_string()))?;
        let header = text.lines().next().unwrap_or("");
        let semicolon = header.contains(';') && !header.contains(',');
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if semicolon { b';' } else { b',' })
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| fail(Some(1), format!("the header row cannot be read: {e}")))?;
        let mut columns = HashMap::new();
        for (i, name) in headers.iter().enumerate() {
            let name = name.trim().to_string();
            if columns.insert(name.clone(), i).is_some() {
                return Err(fail(Some(1), format!("the column {name:?} appears twice")));
            }
        }
        // The csv crate's own line count skips blank lines; count from the
        // byte offset instead, so line numbers match what an editor shows.
        // A record's offset may point at blank lines before it: skip them.
        // Records come in order, so the count goes on from the last one
        // (counting from the start each time is quadratic: seconds for the
        // 3,321 rows of the commune template).
        let counted = std::cell::Cell::new((0usize, 1usize));
        let line_at = |byte: u64| {
            let bytes = text.as_bytes();
            let mut end = (byte as usize).min(bytes.len());
            while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
                end += 1;
            }
            let (from, line) = match counted.get() {
                (from, line) if from <= end => (from, line),
                _ => (0, 1),
            };
            let line = line + bytes[from..end].iter().filter(|&&b| b == b'\n').count();
            counted.set((end, line));
            line
        };
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| line_at(p.byte()));
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("{len} fields where the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                fail(line, message)
            })?;
            let line = record.position().map_or(0, |p| line_at(p.byte()));
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            rows.push((line, record.iter().map(|f| f.trim().to_string()).collect()));
        }
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            rows,
            decimal_comma: semicolon,
        })
    }

    /// Reads a table if its file exists.
    pub fn read_optional(path: &Path) -> Result<Option<Table>, BuildError> {
        if path.exists() {
            Table::read(path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Fails unless every column in `names` is in the header.
    pub fn require(&self, names: &[&str]) -> Result<(), BuildError> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !self.columns.contains_key(*n))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(BuildError {
                path: self.path.clone(),
                line: Some(1),
                message: format!("missing column(s): {}", missing.join(", ")),
            })
        }
    }

    /// The data rows, with their line numbers.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, fields)| Row {
            table: self,
            line: *line,
            fields,
        })
    }
}

/// One data row of a [`Table`].
pub struct Row<'a> {
    table: &'a Table,
    pub line: usize,
    fields: &'a [String],
}

impl Row<'_> {
    /// An error on this row.
    pub fn error(&self, message: String) -> BuildError {
        BuildError {
            path: self.table.path.clone(),
            line: Some(self.line),
            message,
        }
    }

    fn fail(&self, column: &str, message: String) -> BuildError {
        self.error(format!("column {column:?}: {message}"))
    }

    /// The field, or `None` when the column is absent or the field empty.
    pub fn opt(&self, column: &str) -> Option<&str> {
        let i = *self.table.columns.get(column)?;
        self.fields
            .get(i)
            .map(String::as_str)
            .filter(|f| !f.is_empty())
    }

    /// The field, which must not be empty.
    pub fn req(&self, column: &str) -> Result<&str, BuildError> {
        self.opt(column)
            .ok_or_else(|| self.fail(column, "is empty".into()))
    }

    /// A number, or `None` for an empty field (not published). Accepts a
    /// decimal comma in semicolon-separated files.
    pub fn num(&self, column: &str) -> Result<Option<f64>, BuildError> {
        let Some(raw) = self.opt(column) else {
            return Ok(None);
        };
        let text: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let text = if self.table.decimal_comma {
            text.replace(',', ".")
        } else {
            text
        };
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && !text.eq_ignore_ascii_case("nan") => Ok(Some(v)),
            Ok(_) => Err(self.fail(column, format!("{raw:?} is not a finite number"))),
            Err(_) if raw.contains(',') && !self.table.decimal_comma => Err(self.fail(
                column,
                format!(
                    "{raw:?} is not a number: use a dot for decimals and no thousands separator"
                ),
            )),
            Err(_) => Err(self.fail(column, format!("{raw:?} is not a number"))),
        }
    }

    /// A whole number of at least zero, or `None` for an empty field.
    pub fn count(&self, column: &str) -> Result<Option<u64>, BuildError> {
        let Some(raw) = self.opt(column) else {
            return Ok(None);
        };
        raw.parse::<u64>()
            .map(Some)
            .map_err(|_| self.fail(column, format!("{raw:?} is not a whole number")))
    }

    /// Yes or no (`true`/`false`, `yes`/`no`, `1`/`0`, `có`/`không`).
    pub fn flag(&self, column: &str) -> Result<bool, BuildError> {
        match self.req(column)?.to_lowercase().as_str() {
            "true" | "yes" | "1" | "có" => Ok(true),
            "false" | "no" | "0" | "không" => Ok(false),
            other => Err(self.fail(column, format!("{other:?} is not yes or no"))),
        }
    }

    /// A text from the columns `{base}_vi` and `{base}_en`; at least one
    /// must be filled.
    pub fn text(&self, base: &str) -> Result<Text, BuildError> {
        let text = self.opt_text(base);
        text.ok_or_else(|| {
            self.fail(
                &format!("{base}_vi"),
                format!("{base}_vi and {base}_en are both empty"),
            )
        })
    }

    /// Like [`Row::text`], but `None` when both are empty.
    pub fn opt_text(&self, base: &str) -> Option<Text> {
        let vi = self.opt(&format!("{base}_vi")).unwrap_or("").to_string();
        let en = self.opt(&format!("{base}_en")).unwrap_or("").to_string();
        (!vi.is_empty() || !en.is_empty()).then_some(Text { vi, en })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, content: &[u8]) -> Table {
        let dir = std::env::temp_dir().join(format!("tien-do-table-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        Table::read(&path).unwrap()
    }

    #[test]
    fn comma_file_with_bom_and_diacritics() {
        let t = table(
            "a.csv",
            "\u{feff}code,name_vi,value\n01,Hà Nội,0.8241\n\n04,Cao Bằng,\n".as_bytes(),
        );
        let rows: Vec<Row> = t.rows().collect();
        assert_eq!(rows.len(), 2, "blank lines are skipped");
        assert_eq!(rows[0].req("name_vi").unwrap(), "Hà Nội");
        assert_eq!(rows[0].num("value").unwrap(), Some(0.8241));
        assert_eq!(
            rows[1].num("value").unwrap(),
            None,
            "empty is not published"
        );
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn semicolon_file_with_decimal_comma() {
        let t = table("b.csv", "code;value\n01;0,8241\n".as_bytes());
        assert_eq!(t.rows().next().unwrap().num("value").unwrap(), Some(0.8241));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let t = table(
            "c.csv",
            b"code,value,flag\n01,abc,yes\n02,1e400,maybe\n03,\"1,5\",no\n",
        );
        let rows: Vec<Row> = t.rows().collect();
        let e = rows[0].num("value").unwrap_err().to_string();
        assert!(
            e.ends_with("c.csv:2: column \"value\": \"abc\" is not a number"),
            "{e}"
        );
        let e = rows[1].num("value").unwrap_err().to_string();
        assert!(
            e.contains(":3: column \"value\": \"1e400\" is not a finite number"),
            "{e}"
        );
        assert!(rows[1]
            .flag("flag")
            .unwrap_err()
            .to_string()
            .contains("not yes or no"));
        let e = rows[2].num("value").unwrap_err().to_string();
        assert!(e.contains("use a dot for decimals"), "{e}");
        assert!(t
            .require(&["code", "unit"])
            .unwrap_err()
            .to_string()
            .contains("missing column(s): unit"));
    }

    #[test]
    fn ragged_rows_are_named() {
        let dir = std::env::temp_dir().join(format!("tien-do-table-{}-ragged", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.csv");
        std::fs::write(&path, "a,b\n1,2\n3\n").unwrap();
        let e = Table::read(&path).err().unwrap().to_string();
        assert!(
            e.contains("d.csv:3: 1 fields where the header has 2"),
            "{e}"
        );
    }

    #[test]
    fn nan_and_infinity_strings_are_refused() {
        let t = table("e.csv", b"v\nNaN\ninf\n-Infinity\n");
        for row in t.rows() {
            assert!(row.num("v").is_err(), "line {}", row.line);
        }
    }
}
