//! Languages and the interface's own words.
//!
//! Every string a citizen reads in the shell is a [`Msg`] variant, so a
//! missing translation is a compile error rather than a blank label. Words
//! that come with the data (indicator names, sources) are carried by
//! [`crate::data::Text`] instead.

/// A language of the interface. Vietnamese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a code as found in a URL or in storage; case and a region
    /// suffix (`en-GB`, `vi_VN`) are ignored. Unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }
}

/// The interface's own words, each in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    AppTitle,
    AppTagline,
    SkipToContent,
    MainNav,
    NavOverview,
    NavMap,
    NavProvince,
    NavTasks,
    NavEmbed,
    LanguageSwitch,
    Loading,
    Retry,
    ErrorTitle,
    ErrorDataUrl,
    Coming,
    ComingMap,
    ComingProvince,
    ComingTasks,
    ComingEmbed,
    Source,
    Sources,
    AsOf,
    DataFile,
    TasksHeading,
    TasksAssigned,
    TasksCompleted,
    TasksInProgress,
    TasksOverdue,
    ReportedAt,
    NationalFigures,
    NotPublished,
    ProvinceCode,
}

impl Msg {
    /// Every message, for tests that check each one is translated.
    pub const ALL: [Msg; 32] = [
        Msg::AppTitle,
        Msg::AppTagline,
        Msg::SkipToContent,
        Msg::MainNav,
        Msg::NavOverview,
        Msg::NavMap,
        Msg::NavProvince,
        Msg::NavTasks,
        Msg::NavEmbed,
        Msg::LanguageSwitch,
        Msg::Loading,
        Msg::Retry,
        Msg::ErrorTitle,
        Msg::ErrorDataUrl,
        Msg::Coming,
        Msg::ComingMap,
        Msg::ComingProvince,
        Msg::ComingTasks,
        Msg::ComingEmbed,
        Msg::Source,
        Msg::Sources,
        Msg::AsOf,
        Msg::DataFile,
        Msg::TasksHeading,
        Msg::TasksAssigned,
        Msg::TasksCompleted,
        Msg::TasksInProgress,
        Msg::TasksOverdue,
        Msg::ReportedAt,
        Msg::NationalFigures,
        Msg::NotPublished,
        Msg::ProvinceCode,
    ];

    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Msg::AppTitle => ("Tiến độ chuyển đổi số", "Digital transformation progress"),
            Msg::AppTagline => (
                "Khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
                "Science, technology, innovation, digital transformation and Project 06",
            ),
            Msg::SkipToContent => ("Chuyển đến nội dung", "Skip to content"),
            Msg::MainNav => ("Điều hướng chính", "Main navigation"),
            Msg::NavOverview => ("Tổng quan", "Overview"),
            Msg::NavMap => ("Bản đồ", "Map"),
            Msg::NavProvince => ("Tỉnh, thành phố", "Provinces"),
            Msg::NavTasks => ("Nhiệm vụ", "Tasks"),
            Msg::NavEmbed => ("Nhúng", "Embed"),
            Msg::LanguageSwitch => ("Ngôn ngữ", "Language"),
            Msg::Loading => ("Đang tải dữ liệu…", "Loading data…"),
            Msg::Retry => ("Thử lại", "Try again"),
            Msg::ErrorTitle => ("Không tải được dữ liệu", "The data could not be loaded"),
            Msg::ErrorDataUrl => ("Địa chỉ dữ liệu", "Data address"),
            Msg::Coming => ("Sắp ra mắt", "Coming soon"),
            Msg::ComingMap => (
                "Bản đồ các tỉnh, thành phố theo từng chỉ số đang được xây dựng.",
                "A map of the provinces for each indicator is being built.",
            ),
            Msg::ComingProvince => (
                "Trang riêng của từng tỉnh, thành phố đang được xây dựng.",
                "A page for each province is being built.",
            ),
            Msg::ComingTasks => (
                "Biểu đồ theo dõi nhiệm vụ qua các phiên họp đang được xây dựng.",
                "A tracker of tasks across the meetings is being built.",
            ),
            Msg::ComingEmbed => (
                "Mã nhúng biểu đồ và bản đồ cho báo chí đang được xây dựng.",
                "Embeddable charts and maps for newsrooms are being built.",
            ),
            Msg::Source => ("Nguồn", "Source"),
            Msg::Sources => ("Nguồn dữ liệu", "Data sources"),
            Msg::AsOf => ("Số liệu tính đến", "Data as of"),
            Msg::DataFile => ("Tệp dữ liệu", "Data file"),
            Msg::TasksHeading => (
                "Nhiệm vụ theo Chương trình hành động thực hiện Nghị quyết 57-NQ/TW",
                "Tasks under the Action Programme for Resolution 57-NQ/TW",
            ),
            Msg::TasksAssigned => ("Nhiệm vụ được giao", "Tasks assigned"),
            Msg::TasksCompleted => ("Đã hoàn thành", "Completed"),
            Msg::TasksInProgress => ("Đang thực hiện", "In progress"),
            Msg::TasksOverdue => ("Quá hạn", "Overdue"),
            Msg::ReportedAt => ("Báo cáo tại", "Reported at"),
            Msg::NationalFigures => ("Số liệu toàn quốc", "National figures"),
            Msg::NotPublished => ("Chưa công bố", "Not published"),
            Msg::ProvinceCode => ("Mã tỉnh", "Province code"),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn lang_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn lang_from_code_ignores_case_and_region() {
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("vi_VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_code(" en "), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn vietnamese_is_the_default() {
        assert_eq!(Lang::default(), Lang::Vi);
    }

    /// Guards against a message left untranslated (same text in both
    /// languages) or empty.
    #[test]
    fn every_message_is_translated() {
        let all: HashSet<Msg> = Msg::ALL.into_iter().collect();
        assert_eq!(all.len(), Msg::ALL.len(), "Msg::ALL lists a message twice");
        for msg in Msg::ALL {
            let vi = msg.text(Lang::Vi);
            let en = msg.text(Lang::En);
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{msg:?} is empty"
            );
            assert_ne!(vi, en, "{msg:?} is not translated");
        }
    }
}
