//! Reading publishers' files: any size, any encoding, never a panic. Text
//! must be UTF-8 (a byte order mark is allowed); anything else is named, with
//! where it goes wrong and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file could not be read as text.
#[derive(Debug, PartialEq, Eq)]
pub enum InputError {
    /// The file could not be opened or read.
    Io { path: PathBuf, reason: String },
    /// UTF-16 text (Excel's "Unicode text").
    Utf16 { path: PathBuf },
    /// Bytes that are not UTF-8, at this line and byte offset.
    NotUtf8 {
        path: PathBuf,
        line: usize,
        byte: usize,
    },
    /// Larger than the tool reads.
    TooLarge { path: PathBuf, bytes: u64 },
}

/// The largest file read: far above any real dataset (the commune-scale
/// benchmark file is 6 MB), well below the memory of an ordinary machine.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, reason } => {
                write!(f, "{}: cannot be read: {reason}", path.display())
            }
            InputError::Utf16 { path } => write!(
                f,
                "{}: the file is UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")",
                path.display()
            ),
            InputError::TooLarge { path, bytes } => write!(
                f,
                "{}: the file is {} MB; this tool reads files up to {} MB",
                path.display(),
                bytes / 1_000_000,
                MAX_BYTES / 1_000_000
            ),
            InputError::NotUtf8 { path, line, byte } => write!(
                f,
                "{}:{line}: not UTF-8 text (byte {byte}); save the file as UTF-8 (in Excel: \"CSV UTF-8\")",
                path.display()
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads `path` as UTF-8 text, without its byte order mark.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let io = |e: std::io::Error| InputError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            bytes: size,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(path, bytes)
}

/// Decodes file bytes as UTF-8 text, without a byte order mark.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    let start = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            text.drain(..start);
            Ok(text)
        }
        Err(e) => {
            let byte = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count();
            Err(InputError::NotUtf8 {
                path: path.to_path_buf(),
                line,
                byte,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("x.csv")
    }

    #[test]
    fn utf8_with_or_without_bom() {
        assert_eq!(decode(p(), "Hà Nội".into()).unwrap(), "Hà Nội");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Hà Nội".as_bytes());
        assert_eq!(decode(p(), bom).unwrap(), "Hà Nội");
    }

    #[test]
    fn latin1_is_named_with_its_line() {
        // "a,b\nH\xe0 N\xf4i" is Windows-1252, not UTF-8.
        let err = decode(p(), b"a,b\nH\xe0 N\xf4i\n".to_vec()).unwrap_err();
        assert_eq!(
            err,
            InputError::NotUtf8 {
                path: p().into(),
                line: 2,
                byte: 5
            }
        );
        assert!(err.to_string().starts_with("x.csv:2: not UTF-8"));
    }

    #[test]
    fn utf16_is_named() {
        let err = decode(p(), vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(err.to_string().contains("UTF-16"));
    }

    /// Guards memory: a file over the limit is refused before it is read.
    #[test]
    fn oversized_file_is_refused_before_reading() {
        let path = std::env::temp_dir().join(format!("tien-do-huge-{}.json", std::process::id()));
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap(); // sparse: nothing is written
        let err = read_text(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(err, InputError::TooLarge { .. }), "{err}");
        assert!(
            err.to_string().contains("reads files up to 536 MB"),
            "{err}"
        );
    }

    #[test]
    fn missing_file_is_named() {
        let err = read_text(Path::new("/no/such/file.json")).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("/no/such/file.json: cannot be read"));
    }
}
