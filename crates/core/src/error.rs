//! Why the published data could not be shown, in words a citizen can read.

use crate::i18n::Lang;
use std::fmt;

/// Everything that can go wrong between the data URL and a parsed dataset.
///
/// Each variant has a message in both languages ([`LoadError::message`]); the
/// technical detail, where there is one, is kept apart
/// ([`LoadError::detail`]) for publishers who open it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered 404 or 410.
    NotFound { url: String },
    /// The server answered with another error status.
    Http { url: String, status: u16 },
    /// No answer: offline, refused, blocked by the browser (CORS), or DNS.
    Network { url: String },
    /// No answer within the time limit.
    Timeout { url: String, seconds: u32 },
    /// The server sent a web page where JSON was expected (often a
    /// misconfigured server answering every path with its home page).
    NotJson { url: String },
    /// The file is not valid JSON, or does not have the expected shape.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The file declares a `schema_version` this app does not read, or none.
    UnsupportedSchema {
        found: Option<String>,
        supported: u32,
    },
    /// The map's boundary file at `url` is not JSON, not TopoJSON, or has a
    /// shape the map cannot draw; `detail` says which, and where
    /// ([`crate::boundaries::BoundaryError::load_error`]).
    Boundaries { url: String, detail: String },
}

impl LoadError {
    /// The message for a citizen, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::NotFound { .. }, Lang::Vi) => {
                "Không tìm thấy tệp dữ liệu (lỗi 404). Có thể tệp đã được chuyển đi hoặc địa chỉ bị sai.".into()
            }
            (LoadError::NotFound { .. }, Lang::En) => {
                "The data file was not found (error 404). It may have moved, or the address is wrong.".into()
            }
            (LoadError::Http { status, .. }, Lang::Vi) => {
                format!("Máy chủ trả về lỗi {status} khi tải dữ liệu. Vui lòng thử lại sau.")
            }
            (LoadError::Http { status, .. }, Lang::En) => {
                format!("The server answered with error {status} while loading the data. Please try again later.")
            }
            (LoadError::Network { .. }, Lang::Vi) => {
                "Không kết nối được tới máy chủ dữ liệu. Vui lòng kiểm tra kết nối mạng rồi thử lại.".into()
            }
            (LoadError::Network { .. }, Lang::En) => {
                "The data server could not be reached. Please check your connection and try again.".into()
            }
            (LoadError::Timeout { seconds, .. }, Lang::Vi) => {
                format!("Máy chủ dữ liệu không phản hồi sau {seconds} giây. Mạng có thể đang chậm; vui lòng thử lại.")
            }
            (LoadError::Timeout { seconds, .. }, Lang::En) => {
                format!("The data server did not answer within {seconds} seconds. The network may be slow; please try again.")
            }
            (LoadError::NotJson { .. }, Lang::Vi) => {
                "Máy chủ trả về một trang web thay vì tệp dữ liệu JSON. Địa chỉ dữ liệu có thể bị sai.".into()
            }
            (LoadError::NotJson { .. }, Lang::En) => {
                "The server sent a web page instead of the JSON data file. The data address may be wrong.".into()
            }
            (LoadError::Malformed { line, column, .. }, Lang::Vi) => format!(
                "Tệp dữ liệu bị lỗi định dạng (dòng {line}, cột {column}) nên không đọc được."
            ),
            (LoadError::Malformed { line, column, .. }, Lang::En) => format!(
                "The data file is damaged or badly formatted (line {line}, column {column}) and cannot be read."
            ),
            (LoadError::UnsupportedSchema { found, supported }, Lang::Vi) => match found {
                Some(v) => format!(
                    "Tệp dữ liệu dùng phiên bản định dạng {v}, trong khi trang này đọc phiên bản {supported}. Cần cập nhật trang hoặc tệp dữ liệu."
                ),
                None => format!(
                    "Tệp dữ liệu không ghi phiên bản định dạng (schema_version); trang này đọc phiên bản {supported}."
                ),
            },
            (LoadError::Boundaries { .. }, Lang::Vi) => {
                "Không vẽ được bản đồ: tệp ranh giới của bản đồ (TopoJSON) bị lỗi hoặc không đúng định dạng. Số liệu vẫn đúng; chi tiết kỹ thuật dành cho đơn vị công bố.".into()
            }
            (LoadError::Boundaries { .. }, Lang::En) => {
                "The map cannot be drawn: its boundary file (TopoJSON) is damaged or not in the expected format. The figures are not affected; the technical detail is for the publisher.".into()
            }
            (LoadError::UnsupportedSchema { found, supported }, Lang::En) => match found {
                Some(v) => format!(
                    "The data file uses format version {v}, but this page reads version {supported}. The page or the data file needs updating."
                ),
                None => format!(
                    "The data file does not state its format version (schema_version); this page reads version {supported}."
                ),
            },
        }
    }

    /// Technical detail for publishers, where there is more to say.
    pub fn detail(&self) -> Option<&str> {
        match self {
            LoadError::Malformed { detail, .. } | LoadError::Boundaries { detail, .. } => {
                Some(detail)
            }
            _ => None,
        }
    }

    /// Whether trying again may help (network trouble), as opposed to a
    /// file that will stay broken until its publisher fixes it.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::Timeout { .. } => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// The error for an HTTP status that is not a success.
pub fn from_status(url: &str, status: u16) -> LoadError {
    let url = url.to_string();
    match status {
        404 | 410 => LoadError::NotFound { url },
        _ => LoadError::Http { url, status },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_variant() -> Vec<LoadError> {
        let url = "data/progress.json".to_string();
        vec![
            LoadError::NotFound { url: url.clone() },
            LoadError::Http {
                url: url.clone(),
                status: 503,
            },
            LoadError::Network { url: url.clone() },
            LoadError::Timeout {
                url: url.clone(),
                seconds: 20,
            },
            LoadError::NotJson { url },
            LoadError::Malformed {
                line: 3,
                column: 7,
                detail: "expected value".into(),
            },
            LoadError::UnsupportedSchema {
                found: Some("99".into()),
                supported: 1,
            },
            LoadError::UnsupportedSchema {
                found: None,
                supported: 1,
            },
            LoadError::Boundaries {
                url: "geo/x.topo.json".into(),
                detail: "not JSON: EOF while parsing an object at line 4 column 0".into(),
            },
        ]
    }

    /// Guards against an error shown blank, or in the wrong language.
    #[test]
    fn every_error_has_a_message_in_both_languages() {
        for e in every_variant() {
            let vi = e.message(Lang::Vi);
            let en = e.message(Lang::En);
            assert!(vi.len() > 20 && en.len() > 20, "{e:?}");
            assert_ne!(vi, en, "{e:?}");
            assert_eq!(e.to_string(), en);
        }
    }

    #[test]
    fn messages_carry_the_specifics() {
        let e = LoadError::Http {
            url: "x".into(),
            status: 503,
        };
        assert!(e.message(Lang::Vi).contains("503"));
        let e = LoadError::Malformed {
            line: 3,
            column: 7,
            detail: "d".into(),
        };
        assert!(e.message(Lang::En).contains("line 3, column 7"));
        assert!(e.message(Lang::Vi).contains("dòng 3, cột 7"));
        let e = LoadError::UnsupportedSchema {
            found: Some("99".into()),
            supported: 1,
        };
        assert!(e.message(Lang::En).contains("99"));
    }

    #[test]
    fn status_codes_map_to_errors() {
        assert!(matches!(from_status("u", 404), LoadError::NotFound { .. }));
        assert!(matches!(from_status("u", 410), LoadError::NotFound { .. }));
        assert_eq!(
            from_status("u", 500),
            LoadError::Http {
                url: "u".into(),
                status: 500
            }
        );
    }

    #[test]
    fn only_network_trouble_is_transient() {
        assert!(LoadError::Network { url: "u".into() }.is_transient());
        assert!(from_status("u", 503).is_transient());
        assert!(!from_status("u", 404).is_transient());
        assert!(!LoadError::Malformed {
            line: 1,
            column: 1,
            detail: String::new()
        }
        .is_transient());
    }
}
