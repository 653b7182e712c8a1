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

    /// The Atom feed of the meetings' figures in the language, beside the
    /// site's page.
    pub fn feed_file(self) -> &'static str {
        match self {
            Lang::Vi => "feed.xml",
            Lang::En => "feed.en.xml",
        }
    }
}

/// Declares [`Msg`], its list of variants and its texts from one table, so
/// a message cannot be added without both translations or be left out of
/// [`Msg::ALL`].
macro_rules! messages {
    ($($name:ident => ($vi:expr, $en:expr $(,)?)),+ $(,)?) => {
        /// The interface's own words, each in both languages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($name),+
        }

        impl Msg {
            /// Every message, for tests that check each one is translated.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),+];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                let (vi, en) = match self {
                    $(Msg::$name => ($vi, $en)),+
                };
                match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                }
            }
        }
    };
}

messages! {
    AppTitle => ("Tiến độ chuyển đổi số", "Digital transformation progress"),
    AppTagline => (
        "Khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
        "Science, technology, innovation, digital transformation and Project 06",
    ),
    SkipToContent => ("Chuyển đến nội dung", "Skip to content"),
    MainNav => ("Điều hướng chính", "Main navigation"),
    NavOverview => ("Tổng quan", "Overview"),
    NavMap => ("Bản đồ", "Map"),
    NavProvince => ("Tỉnh, thành phố", "Provinces"),
    NavTasks => ("Nhiệm vụ", "Tasks"),
    NavEmbed => ("Nhúng", "Embed"),
    LanguageSwitch => ("Ngôn ngữ", "Language"),
    Loading => ("Đang tải dữ liệu…", "Loading data…"),
    Retry => ("Thử lại", "Try again"),
    TechnicalDetail => ("Chi tiết kỹ thuật", "Technical detail"),
    ErrorTitle => ("Không tải được dữ liệu", "The data could not be loaded"),
    ErrorDataUrl => ("Địa chỉ dữ liệu", "Data address"),
    Source => ("Nguồn", "Source"),
    Sources => ("Nguồn dữ liệu", "Data sources"),
    AsOf => ("Số liệu tính đến", "Data as of"),
    DataFile => ("Tệp dữ liệu", "Data file"),
    TasksHeading => (
        "Nhiệm vụ theo Chương trình hành động thực hiện Nghị quyết 57-NQ/TW",
        "Tasks under the Action Programme for Resolution 57-NQ/TW",
    ),
    TasksAssigned => ("Nhiệm vụ được giao", "Tasks assigned"),
    TasksCompleted => ("Đã hoàn thành", "Completed"),
    TasksInProgress => ("Đang thực hiện", "In progress"),
    TasksOverdue => ("Quá hạn", "Overdue"),
    ReportedAt => ("Báo cáo tại", "Reported at"),
    NationalFigures => ("Số liệu toàn quốc", "National figures"),
    NotPublished => ("Chưa công bố", "Not published"),
    ProvinceCode => ("Mã tỉnh", "Province code"),
    DataProblems => (
        "Tệp dữ liệu có lỗi; phần bị ảnh hưởng có thể không hiển thị đúng.",
        "The data file has problems; the parts affected may not show correctly.",
    ),
    DataWarnings => (
        "Tệp dữ liệu có điểm cần kiểm tra lại.",
        "Some points in the data file need checking.",
    ),
    ProblemList => ("Chi tiết cho đơn vị công bố", "Details for the publisher"),
    MapIndicator => ("Chỉ số", "Indicator"),
    MapPeriod => ("Kỳ", "Period"),
    Rank => ("Hạng", "Rank"),
    Legend => ("Chú giải", "Legend"),
    Highest => ("Cao nhất", "Highest"),
    Lowest => ("Thấp nhất", "Lowest"),
    Median => ("Trung vị", "Median"),
    UnitList => ("Danh sách tỉnh, thành phố", "List of provinces"),
    Unit => ("Tỉnh, thành phố", "Province"),
    CommuneList => ("Danh sách xã, phường", "List of communes"),
    Commune => ("Xã, phường", "Commune"),
    BoundariesPublished => ("Ranh giới: tệp do đơn vị công bố cung cấp", "Boundaries: file supplied by the publisher"),
    Value => ("Giá trị", "Value"),
    HoangSa => ("Quần đảo Hoàng Sa (Đà Nẵng)", "Hoàng Sa archipelago (Đà Nẵng)"),
    TruongSa => ("Quần đảo Trường Sa (Khánh Hòa)", "Trường Sa archipelago (Khánh Hòa)"),
    InsetHoangSa => ("Quần đảo Hoàng Sa", "Hoàng Sa archipelago"),
    InsetTruongSa => ("Quần đảo Trường Sa", "Trường Sa archipelago"),
    BoundariesCredit => (
        "Ranh giới: Natural Earth (phạm vi công cộng)",
        "Boundaries: Natural Earth (public domain)",
    ),
    BoundariesCreditOfficial => (
        "Ranh giới: Bản đồ đơn vị hành chính Việt Nam (sapnhap.bando.com.vn), qua vietnamese-provinces-database (MIT)",
        "Boundaries: Vietnam Administrative Units Reference Map (sapnhap.bando.com.vn), via vietnamese-provinces-database (MIT)",
    ),
    MapKeyboardHint => (
        "Bản đồ: phím mũi tên để chuyển giữa các tỉnh, Enter để mở; + và − để phóng to, thu nhỏ, Shift + mũi tên để di chuyển, 0 để xem toàn quốc",
        "Map: arrow keys move between provinces, Enter opens one; + and − zoom, Shift + arrows pan, 0 shows the whole country",
    ),
    ZoomIn => ("Phóng to", "Zoom in"),
    ZoomOut => ("Thu nhỏ", "Zoom out"),
    ZoomReset => ("Xem toàn quốc", "Whole country"),
    ZoomHint => (
        "Giữ Ctrl (⌘ trên Mac) và cuộn để phóng to bản đồ, hoặc dùng nút +",
        "Hold Ctrl (⌘ on a Mac) and scroll to zoom the map, or use the + button",
    ),
    TapAgain => ("Chạm lần nữa để mở", "Tap again to open"),
    ShowFormer => (
        "Hiện ranh giới 63 tỉnh, thành phố trước sắp xếp",
        "Show the borders of the 63 provinces before the merger",
    ),
    FormerFailed => (
        "Không tải được ranh giới trước sắp xếp; bản đồ vẫn dùng được.",
        "The borders before the merger could not be loaded; the map still works.",
    ),
    ShowTable => ("Xem bảng số liệu", "Show the numbers as a table"),
    RankingChart => ("Biểu đồ xếp hạng", "Ranking chart"),
    AverageOfUnits => ("Trung bình các tỉnh", "Average of provinces"),
    AverageOfCommunes => ("Trung bình các xã, phường", "Average of communes"),
    Trend => ("Diễn biến qua các kỳ", "Trend across periods"),
    TrendChart => ("Biểu đồ diễn biến", "Trend chart"),
    FormerProvinces => (
        "Các tỉnh cũ hợp thành (trước 1/7/2025)",
        "The former provinces it was formed from (before 1 July 2025)",
    ),
    FormerProvince => ("tỉnh cũ", "former province"),
    MergerMark => ("Sắp xếp 1/7/2025", "Merger, 1 July 2025"),
    MergerNote => (
        "Từ 1/7/2025, 34 tỉnh, thành phố thay cho 63. Số liệu trên hai bộ ranh giới không được nối thành một đường: đường nét đứt là các tỉnh cũ hợp thành tỉnh này.",
        "From 1 July 2025, 34 provinces replaced the 63. Values on the two sets of boundaries are never joined into one line: the dashed lines are the former provinces this one was formed from.",
    ),
    NotPublishedDash => (
        "–: chưa công bố, hoặc đơn vị chưa (hay không còn) tồn tại trong kỳ đó.",
        "–: not published, or the unit did not exist in that period.",
    ),
    PillarProfile => ("Các chỉ số thành phần", "Pillar profile"),
    PillarChart => ("Biểu đồ chỉ số thành phần", "Pillar chart"),
    Pillar => ("Chỉ số thành phần", "Pillar"),
    NoPillars => (
        "Chưa có số liệu các chỉ số thành phần được công bố cho đơn vị này.",
        "No pillar values were published for this unit.",
    ),
    OtherState => ("Khác, hoặc chưa tách theo trạng thái", "Other, or not split by state"),
    TaskChart => ("Biểu đồ nhiệm vụ", "Task chart"),
    Meeting => ("Phiên họp", "Meeting"),
    TasksWord => ("nhiệm vụ", "tasks"),
    TargetChart => ("Biểu đồ tiến độ so với mục tiêu", "Progress chart"),
    Figure => ("Chỉ tiêu", "Figure"),
    Share => ("Tỷ lệ", "Share"),
    LatestFigures => ("Số liệu mới nhất", "Latest figures"),
    WhatChanged => ("Thay đổi so với phiên họp trước", "What changed since the previous meeting"),
    NoRepeatedFigures => (
        "Phiên họp gần nhất không báo cáo lại chỉ tiêu nào đã công bố ở phiên trước. Các chỉ tiêu được báo cáo ở nhiều phiên:",
        "The latest meeting reported no figure that an earlier meeting had also reported. Figures reported at several meetings:",
    ),
    Previously => ("trước đó", "previously"),
    NoChangeData => (
        "Chưa có chỉ tiêu nào được báo cáo ở hai phiên họp, nên chưa so sánh được.",
        "No figure has been reported at two meetings yet, so nothing can be compared.",
    ),
    AllFigures => ("Tất cả số liệu, theo phiên họp", "Every figure, by meeting"),
    SeeOnMap => ("Xem trên bản đồ", "See it on the map"),
    SeeRanking => ("Xếp hạng các tỉnh", "Ranking of the provinces"),
    ChooseProvince => ("Chọn tỉnh, thành phố", "Choose a province"),
    UnknownProvince => (
        "Không có tỉnh, thành phố nào có mã này trong dữ liệu:",
        "No province in the data has this code:",
    ),
    Standings => ("Thứ hạng và điểm số", "Rank and score"),
    Formation => ("Hình thành", "How it was formed"),
    CopyLink => ("Sao chép liên kết", "Copy link"),
    LinkToView => ("Liên kết đến trang này", "Link to this view"),
    LinkCopied => ("Đã sao chép liên kết", "Link copied"),
    CopyFailed => ("Không sao chép được; hãy chép địa chỉ trên thanh địa chỉ.", "Could not copy; copy the address from the address bar."),
    TasksPageTitle => ("Nhiệm vụ và mục tiêu", "Tasks and targets"),
    TrackerTitle => ("Nhiệm vụ tại các phiên họp", "Tasks at each meeting"),
    TargetsTitle => ("Tiến độ so với mục tiêu", "Progress towards targets"),
    ByAgency => ("Theo cơ quan", "By agency"),
    NoAgencyData => (
        "Chưa có số liệu nhiệm vụ theo từng bộ, ngành, địa phương được công bố.",
        "No task counts per ministry or province have been published.",
    ),
    NoTaskData => ("Chưa có số liệu nhiệm vụ được công bố.", "No task counts have been published."),
    NavData => ("Dữ liệu", "Data"),
    DataLede => (
        "Mọi số liệu theo tỉnh, thành phố: lọc, sắp xếp và tìm kiếm.",
        "Every value by province: filter, sort and search.",
    ),
    Search => ("Tìm tỉnh, thành phố", "Find a province"),
    SearchHint => (
        "Gõ không dấu cũng được; tên cũ (Bình Dương) và tên viết tắt (TP.HCM) đều tìm được.",
        "Diacritics are optional; former names (Binh Duong) and short names (HCMC) work too.",
    ),
    AllIndicators => ("Tất cả chỉ số", "All indicators"),
    AllPeriods => ("Tất cả các kỳ", "All periods"),
    RowsShown => ("Số dòng", "Rows"),
    NoRows => ("Không có dòng nào khớp với lựa chọn.", "No rows match."),
    ShowMore => ("Xem thêm", "Show more"),
    MoreUnits => ("đơn vị khác", "more"),
    SortBy => ("Sắp xếp theo", "Sort by"),
    Merger => ("Sắp xếp đơn vị hành chính", "Merger of provinces"),
    MergedFrom => ("Hợp nhất từ", "Merged from"),
    NotMerged => ("Giữ nguyên khi sắp xếp", "Unchanged by the merger"),
    NowPartOf => ("Nay thuộc", "Now part of"),
    NoMap => (
        "Chưa có ranh giới để vẽ bản đồ cho tập đơn vị này; số liệu có trong bảng bên dưới.",
        "There are no boundaries to draw this set of units; the figures are in the table below.",
    ),
    PublishedFor => ("Có số liệu", "Published for"),
    NoValues => ("Chưa có số liệu được công bố cho chỉ số và kỳ này.", "No figures were published for this indicator and period."),
    MapFigure => ("Bản đồ chỉ số", "Indicator map"),
    Download => ("Tải xuống", "Download"),
    DownloadPng => ("Ảnh PNG (độ nét gấp đôi)", "Image, PNG (2x)"),
    DownloadSvg => ("Ảnh vector SVG", "Vector image, SVG"),
    DownloadCsvShown => ("Số liệu đang hiển thị (CSV)", "Data shown (CSV)"),
    DownloadCsvFull => ("Toàn bộ chuỗi số liệu (CSV)", "Full series (CSV)"),
    DownloadFailed => ("Không tạo được tệp tải xuống.", "The download could not be made."),
    Embed => ("Nhúng", "Embed"),
    EmbedTitle => ("Nhúng hình này vào trang của bạn", "Embed this figure in your page"),
    EmbedHelp => (
        "Dán mã vào trang của bạn. Mã tự co giãn giữ khung vừa với nội dung; khi không có JavaScript, người đọc thấy ảnh tĩnh và đường dẫn tới trang đầy đủ.",
        "Paste the code into your page. The responsive code keeps the frame as tall as its content; without JavaScript, readers see a static image and a link to the full view.",
    ),
    EmbedResponsive => ("Mã tự co giãn (khuyên dùng)", "Responsive code (recommended)"),
    EmbedIframe => ("Mã iframe cố định", "Plain iframe code"),
    EmbedData => ("Số liệu", "Data"),
    EmbedLatest => ("Luôn là số liệu mới nhất", "Always the latest data"),
    EmbedPinned => ("Bản số liệu này", "This data release"),
    EmbedPinnedMissing => (
        "Trang này chưa lưu bản số liệu này; hình nhúng sẽ báo lỗi cho tới khi bên công bố lưu tệp",
        "This site has not kept this release yet; the embed will show an error until the publisher keeps the file",
    ),
    Theme => ("Giao diện", "Theme"),
    ThemeAuto => ("Theo thiết bị người đọc", "Follow the reader's system"),
    ThemeLight => ("Sáng", "Light"),
    ThemeDark => ("Tối", "Dark"),
    CopyCode => ("Sao chép mã", "Copy code"),
    CodeCopied => ("Đã sao chép mã.", "Code copied."),
    Close => ("Đóng", "Close"),
    OpenFullView => ("Xem đầy đủ trên trang", "Open the full view"),
    Indicator => ("Chỉ số", "Indicator"),
    Period => ("Kỳ", "Period"),
    UnitCode => ("Mã đơn vị", "Unit code"),
    Note => ("Ghi chú", "Note"),
    SourceUrl => ("Địa chỉ nguồn", "Source URL"),
    Date => ("Ngày", "Date"),
    Total => ("Tổng", "Total"),
    Target => ("Mục tiêu", "Target"),
    Retrieved => ("Tải từ", "Downloaded from"),
    Ledger => ("Sổ theo dõi nhiệm vụ", "Task ledger"),
    TasksDone => ("Nhiệm vụ đã hoàn thành", "Tasks completed"),
    LedgersApart => (
        "Hai ban chỉ đạo theo dõi nhiệm vụ trên hai cơ sở khác nhau: các con số không cộng gộp hay so sánh với nhau, và mỗi ban được vẽ theo thang riêng.",
        "The two committees count tasks on different bases: their numbers are never added or compared, and each is drawn on its own scale.",
    ),
    MoreFiguresOfMeeting => ("Mọi số liệu của phiên họp này", "Every figure of this meeting"),
    StaleBefore => ("Số liệu mới nhất được công bố là của ngày", "The newest published figures are from"),
    StaleAfter => (
        "; tệp dữ liệu này chưa có số liệu nào mới hơn.",
        "; nothing newer has been published in this file.",
    ),
    Caveat => ("Lưu ý của nguồn", "Caveat in the source"),
    Scope => ("Phạm vi", "Scope"),
    Body => ("Cơ quan", "Body"),
    FeedLink => ("Theo dõi cập nhật (Atom)", "Follow updates (Atom feed)"),
    SavedCopy => (
        "Không kết nối được máy chủ: trang đang hiện bản lưu trên máy này. Số liệu tính đến",
        "The server could not be reached: this is the copy saved on this device. Data as of",
    ),
    MapErrorTitle => ("Không vẽ được bản đồ", "The map could not be drawn"),
    BoundaryFileUrl => ("Địa chỉ tệp ranh giới", "Boundary file address"),
    KindWard => ("Phường", "Ward"),
    KindCommune => ("Xã", "Commune"),
    KindSpecialZone => ("Đặc khu", "Special zone"),
    MapLevel => ("Đơn vị trên bản đồ", "Units on the map"),
    LevelProvinces => ("34 tỉnh, thành phố", "34 provinces"),
    LevelCommunes => ("3.321 xã, phường, đặc khu", "3,321 communes"),
    CommuneNoValues => (
        "Chưa có số liệu cấp xã được công bố cho chỉ tiêu này: bản đồ chỉ vẽ ranh giới các xã, phường, đặc khu, với ranh giới tỉnh, thành phố.",
        "No commune values have been published for this indicator: the map draws the communes' boundaries alone, with the provinces' borders.",
    ),
    CommuneWholeCountry => ("Cả nước", "Whole country"),
    FindCommune => ("Tìm xã, phường của bạn", "Find your commune"),
    FindCommuneHint => (
        "Gõ tên, có dấu hay không dấu, có thể kèm tỉnh: ví dụ \"phuong ba dinh\", \"Ba Đình\", \"ba dinh ha noi\"",
        "Type a name, with or without diacritics, with its province if you like: e.g. \"phuong ba dinh\", \"Ba Đình\", \"ba dinh ha noi\"",
    ),
    FindNoMatch => ("Không tìm thấy đơn vị nào", "No unit found"),
    FindLoading => ("Đang tải danh sách xã, phường…", "Loading the list of communes…"),
    CommuneMapOf => ("Các xã, phường", "Communes"),
    NotOnMap => (
        "Có số liệu cho các mã không có trên bản đồ ranh giới (không vẽ được)",
        "Values were published for codes the boundary map does not have (they cannot be drawn)",
    ),
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
        let all: HashSet<Msg> = Msg::ALL.iter().copied().collect();
        assert_eq!(all.len(), Msg::ALL.len(), "Msg::ALL lists a message twice");
        for &msg in Msg::ALL {
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
