#!/usr/bin/env python3
"""Turns the reference facts in ../shared/data (each read from a named public
source) into the CSV files of the demo dataset in data/demo/, in the form
`tien-do-data build` reads. Run once when the facts change; the CSVs are
committed. Nothing is estimated here: rows are copied, names are matched to
official codes, labels are translated, and the caveats that the shared
indicator texts carry in parentheses are moved to the figures' notes. The
figures of two committees are kept apart: each meeting names its body, each
task count its ledger.

usage: python3 scripts/import-shared-data.py [SHARED_DATA_DIR]
"""
import csv, os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "data", "demo")


def key(name):
    """Name -> match key: no diacritics, lower case, no 'TP.' prefix."""
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    s = re.sub(r"^(tp\.?|thanh pho|tinh)\s+", "", s.strip())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def table(name):
    with open(os.path.join(ROOT, "data", "reference", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


P2025 = {key(r["name_vi"]): r["code"] for r in table("provinces_2025.csv")}
P2008 = {key(r["name_vi"]): r["code"] for r in table("provinces_2008_2025.csv")}
P2008["hue"] = P2008["thua thien hue"]  # the 2024 list already says "Huế"


def code(name, unit_set):
    codes = P2025 if unit_set == "34" else P2008
    k = key(name)
    if k not in codes:
        sys.exit(f"no {unit_set}-unit code for {name!r}")
    return codes[k]


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def shared(name):
    with open(os.path.join(SHARED, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


os.makedirs(OUT, exist_ok=True)

# Sources -------------------------------------------------------------------
# A figure's source is the document it was read from (an official page where
# one exists); a legal basis is not a source: Decisions 922/QĐ-BTTTT and
# 405/QĐ-BKHCN stay in the indicators' legal_basis texts, and Resolution
# 202/2025/QH15 in the title of the map that shows its result.
MIC = ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications")
MOST = ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology")
DTI_PUBLISHED = {r["assessment_year"] + "-" + r["unit_set"]: r["published"] for r in shared("dti_provincial_overall_2022_2024.csv")}


def full_date(s):
    return s if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) else ""


sources = [
    ("dti-2022", *MIC, "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2022", "Provincial Digital Transformation Index (DTI) 2022 ranking", "https://dti.gov.vn/xep-hang-2022", full_date(DTI_PUBLISHED["2022-63"])),
    # The shared file gives only "2025-02 (announced ~Feb 2025)" for the 2023
    # ranking, no day, so the published date stays empty.
    ("dti-2023", *MIC, "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023", "Provincial Digital Transformation Index (DTI) 2023 ranking", "https://dti.gov.vn/xep-hang-2023-all", full_date(DTI_PUBLISHED["2023-63"])),
    ("dti-2024-63", *MOST, "Xếp hạng DTI năm 2024 của 63 tỉnh, thành phố (trước sắp xếp)", "DTI 2024 ranking of the 63 provinces (before the merger)", "https://dti.gov.vn/xep-hang-2024-63-tinh", full_date(DTI_PUBLISHED["2024-63"])),
    ("dti-2024", *MOST, "Xếp hạng DTI năm 2024 của 34 tỉnh, thành phố", "DTI 2024 ranking of the 34 provinces", "https://dti.gov.vn/xep-hang-2024", full_date(DTI_PUBLISHED["2024-34"])),
    ("bando-units-2025", "Nhà xuất bản Tài nguyên – Môi trường và Bản đồ Việt Nam", "Vietnam Natural Resources, Environment and Cartography Publishing House",
     "Bản đồ tra cứu đơn vị hành chính Việt Nam: các đơn vị hành chính sau sắp xếp theo Nghị quyết 202/2025/QH15", "Vietnam Administrative Units Reference Map: the administrative units after the merger under Resolution 202/2025/QH15",
     "https://sapnhap.bando.com.vn/", ""),
    ("gso-units-2008", "Tổng cục Thống kê", "General Statistics Office", "Danh mục đơn vị hành chính Việt Nam (63 tỉnh, thành phố, 2008–2025)", "List of administrative units of Vietnam (63 provinces, 2008–2025)", "https://danhmuchanhchinh.gso.gov.vn/", ""),
]
# One source per article. Publication dates: from the article's own id where
# it encodes one (Thanh Niên 185YYMMDD…, Dân trí YYYYMMDD…, CafeF 188YYMMDD…)
# or as printed on the stored page; empty where neither says.
URL_SOURCES = {
    "https://www.vietnamplus.vn/tong-ra-soat-tai-khoan-ngan-hang-sim-dien-thoai-de-phong-ngua-toi-pham-lua-dao-post1039076.vnp":
        ("bcd-2025-2-vietnamplus", "Báo điện tử VietnamPlus (TTXVN)", "VietnamPlus (Vietnam News Agency)", "Bài tường thuật phiên họp thứ hai của Ban Chỉ đạo của Chính phủ (17/5/2025)", "Report on the Government Steering Committee's 2nd meeting (17 May 2025)", "2025-05-17"),
    "https://mst.gov.vn/hoan-thien-the-che-thu-hut-nhan-tai-ve-khcn-phat-trien-ha-tang-so-la-uu-tien-trong-6-thang-cuoi-nam-2025-197250720181702563.htm":
        ("most-2025-07-20", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "Hoàn thiện thể chế, thu hút nhân tài về KH&CN, phát triển hạ tầng số là ưu tiên trong 6 tháng cuối năm 2025", "Institutions, science and technology talent and digital infrastructure: priorities for the second half of 2025", "2025-07-20"),
    "https://gialai.gov.vn/tin-tuc/hoat-dong-cua-lanh-dao/phien-hop-lan-thu-tu-cua-ban-chi-dao-cua-chinh-phu-ve-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-chuyen-doi-so-va-de.html":
        ("bcd-2025-4-gialai", "Cổng Thông tin điện tử tỉnh Gia Lai", "Gia Lai Provincial Portal", "Phiên họp lần thứ tư của Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06", "The 4th meeting of the Government Steering Committee on science and technology development, innovation, digital transformation and Project 06", ""),
    "https://bvhttdl.gov.vn/thu-tuong-yeu-cau-khan-truong-xay-dung-va-ban-hanh-chien-luoc-chuyen-doi-so-va-chien-luoc-du-lieu-20251115154224249.htm":
        ("bcd-2025-5-bvhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", "Thủ tướng yêu cầu khẩn trương xây dựng và ban hành Chiến lược chuyển đổi số và Chiến lược dữ liệu", "The Prime Minister asks for the digital transformation and data strategies to be drafted and issued urgently", "2025-11-15"),
    # The page shows 05/12/2025 (the date of the Communist Party of Vietnam
    # Online Newspaper article it translates).
    "https://www.vietnam.vn/en/tiep-tuc-tap-trung-hoan-thanh-cac-nhiem-vu-nam-2025-cua-nghi-quyet-57-nq-tw":
        ("bcdtw-2025-12-05-vietnamvn", "Vietnam.vn (theo Báo điện tử Đảng Cộng sản Việt Nam)", "Vietnam.vn (from the Communist Party of Vietnam Online Newspaper)", "Tiếp tục tập trung hoàn thành các nhiệm vụ năm 2025 của Nghị quyết 57-NQ/TW", "Continue to focus on completing the 2025 tasks of Resolution 57-NQ/TW", "2025-12-05"),
    "https://thanhnien.vn/bo-cong-an-bo-quoc-phong-chu-tri-bao-dam-an-ninh-mang-185251218225859539.htm":
        ("bcd-2025-review-thanhnien", "Báo Thanh Niên", "Thanh Niên newspaper", "Bộ Công an, Bộ Quốc phòng chủ trì bảo đảm an ninh mạng (hội nghị tổng kết năm 2025 của Ban Chỉ đạo của Chính phủ)", "The Ministries of Public Security and of National Defence to lead on cybersecurity (the Government Steering Committee's 2025 review conference)", "2025-12-18"),
    "https://dantri.com.vn/thoi-su/nhung-con-so-an-tuong-tu-viec-tinh-gon-bo-may-sap-xep-lai-giang-son-20251218182224802.htm":
        ("bcd-2025-review-dantri", "Báo Dân trí", "Dân trí newspaper", "Những con số ấn tượng từ việc tinh gọn bộ máy, sắp xếp lại giang sơn", "Striking figures from streamlining the state apparatus and reorganising the country's administrative units", "2025-12-18"),
    "https://huengaynay.vn/chinh-tri-xa-hoi/mot-so-ket-qua-dat-duoc-trong-thuc-hien-nghi-quyet-57-161401.html":
        ("bcdtw-2025-review-huengaynay", "Báo Huế (huengaynay.vn)", "Huế newspaper (huengaynay.vn)", "Một số kết quả đạt được trong thực hiện Nghị quyết 57", "Some results of the implementation of Resolution 57", ""),
    "https://www.sggp.org.vn/phuong-cham-cua-nam-2026-la-hanh-dong-dot-pha-lan-toa-ket-qua-post830545.html":
        ("bcdtw-2025-review-sggp", "Báo Sài Gòn Giải Phóng", "Sài Gòn Giải Phóng newspaper", "Phương châm của năm 2026 là hành động, đột phá, lan tỏa kết quả", "The watchword for 2026: action, breakthroughs and spreading the results", ""),
    "https://tienphong.vn/da-co-94-trieu-ho-so-dinh-danh-tren-vneid-post1823072.tpo":
        ("bcd-2026-1-tienphong", "Báo Tiền Phong", "Tiền Phong newspaper", "Đã có 94 triệu hồ sơ định danh trên VNeID", "94 million identity records on VNeID", ""),
    "https://cafef.vn/chi-dao-moi-nhat-cua-thu-tuong-lien-quan-den-giay-to-tren-vneid-188260226010303465.chn":
        ("bcd-2026-1-cafef", "CafeF", "CafeF", "Chỉ đạo mới nhất của Thủ tướng liên quan đến giấy tờ trên VNeID", "The Prime Minister's latest instructions on papers on VNeID", "2026-02-26"),
    "https://thanhnien.vn/hoan-tat-cac-co-so-du-lieu-nganh-trong-nam-2026-18526022522432814.htm":
        ("bcd-2026-1-thanhnien", "Báo Thanh Niên", "Thanh Niên newspaper", "Hoàn tất các cơ sở dữ liệu ngành trong năm 2026", "Sector databases to be completed in 2026", "2026-02-25"),
    "https://vneconomy.vn/thuc-day-internet-ve-tinh-quy-dao-thap-huong-toi-thuong-mai-tu-nam-2026.htm":
        ("bcd-2026-1-vneconomy", "Tạp chí điện tử VnEconomy", "VnEconomy", "Thúc đẩy Internet vệ tinh quỹ đạo thấp hướng tới thương mại từ năm 2026", "Low-orbit satellite Internet pushed towards commercial service from 2026", ""),
    # The address says March 2026 (…/202603/…), not the day.
    "https://baovinhlong.com.vn/khoa-hoc-cong-nghe/202603/chu-dong-kien-tao-va-phuc-vu-nhan-dan-0903f58":
        ("bcd-2026-1-baovinhlong", "Báo Vĩnh Long", "Vĩnh Long newspaper", "Chủ động kiến tạo và phục vụ Nhân dân", "Proactively enabling and serving the people", ""),
    "https://cafef.vn/vneid-dat-hon-500-trieu-luot-truy-cap-du-lieu-dan-cu-phat-huy-hieu-qua-188260304130914905.chn":
        ("bcd-2026-1-cafef-vneid", "CafeF", "CafeF", "VNeID đạt hơn 500 triệu lượt truy cập, dữ liệu dân cư phát huy hiệu quả", "VNeID passes 500 million accesses as population data is put to use", "2026-03-04"),
    "https://huengaynay.vn/kinh-te/thu-tuong-pham-minh-chinh-2026-la-nam-but-pha-kinh-te-so-163181.html":
        ("bcd-2026-1-huengaynay", "Báo Huế (huengaynay.vn)", "Huế newspaper (huengaynay.vn)", "Thủ tướng Phạm Minh Chính: 2026 là năm bứt phá kinh tế số", "Prime Minister Phạm Minh Chính: 2026 is the year of a breakthrough in the digital economy", ""),
}
# No address was recorded for the notice; the figures were read from the press.
NOTICE_408 = ("tb-408-2025", "Văn phòng Chính phủ (qua báo chí)", "Government Office (as reported in the press)", "Thông báo 408/TB-VPCP ngày 08/08/2025 kết luận phiên họp thứ ba của Ban Chỉ đạo của Chính phủ", "Notice 408/TB-VPCP of 8 August 2025: conclusions of the Government Steering Committee's 3rd meeting", "", "2025-08-08")
for url, (sid, pvi, pen, tvi, ten, pub) in URL_SOURCES.items():
    sources.append((sid, pvi, pen, tvi, ten, url, pub))
sources.append(NOTICE_408)
assert len({s[0] for s in sources}) == len(sources), "duplicate source id"
write("sources.csv", ["id", "publisher_vi", "publisher_en", "title_vi", "title_en", "url", "published"], sources)

# Bodies, meetings, ledgers ------------------------------------------------------
write("bodies.csv", ["id", "name_vi", "name_en", "short_name_vi", "short_name_en"], [
    ("gov-sc", "Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
     "the Government Steering Committee on science, technology, innovation, digital transformation and Project 06",
     "Ban Chỉ đạo của Chính phủ", "Government Steering Committee"),
    ("central-sc", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
     "the Central Steering Committee on science, technology, innovation and digital transformation (Resolution 57-NQ/TW)",
     "Ban Chỉ đạo Trung ương", "Central Steering Committee"),
])
# The shared files' event strings -> (id, date, name_vi, name_en, body).
# From 2026 the meetings are numbered per year.
MEETINGS = {
    "2nd meeting (2025-05-17)": ("2025-2", "2025-05-17", "Phiên họp thứ hai của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's 2nd meeting", "gov-sc"),
    "Mid-year conference (July 2025)": ("2025-h1", "2025-07-20", "Hội nghị sơ kết 6 tháng đầu năm 2025 của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's mid-year review conference", "gov-sc"),
    # Held in late July 2025; the day is not published, so the date is that
    # of the notice of its conclusions.
    "3rd meeting (late July 2025; Notice 408/TB-VPCP of 2025-08-08)": ("2025-3", "2025-08-08", "Phiên họp thứ ba của Ban Chỉ đạo của Chính phủ (cuối tháng 7/2025; kết luận tại Thông báo 408/TB-VPCP ngày 08/08/2025)", "the Government Steering Committee's 3rd meeting (late July 2025; conclusions in Notice 408/TB-VPCP of 8 August 2025)", "gov-sc"),
    "4th meeting (2025-09-24)": ("2025-4", "2025-09-24", "Phiên họp thứ tư của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's 4th meeting", "gov-sc"),
    "5th meeting (2025-11-15)": ("2025-5", "2025-11-15", "Phiên họp thứ năm của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's 5th meeting", "gov-sc"),
    "Central Steering Committee meeting on 2025 tasks (2025-12-05)": ("2025-c1", "2025-12-05", "Cuộc họp rà soát nhiệm vụ năm 2025 của Ban Chỉ đạo Trung ương", "the Central Steering Committee's meeting on the 2025 tasks", "central-sc"),
    "Government Steering Committee year-end review conference (2025-12-18)": ("2025-review", "2025-12-18", "Hội nghị tổng kết năm 2025 của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's 2025 review conference", "gov-sc"),
    "Central Steering Committee 2025 review (2025-12-25)": ("2025-c-review", "2025-12-25", "Hội nghị tổng kết năm 2025 của Ban Chỉ đạo Trung ương", "the Central Steering Committee's 2025 review", "central-sc"),
    "Government Steering Committee 1st meeting of 2026 (2026-02-25)": ("2026-1", "2026-02-25", "Phiên họp thứ nhất năm 2026 của Ban Chỉ đạo của Chính phủ", "the Government Steering Committee's 1st meeting of 2026", "gov-sc"),
}
write("meetings.csv", ["id", "date", "name_vi", "name_en", "body"], sorted(MEETINGS.values(), key=lambda m: m[1]))
BODY = {m[0]: m[4] for m in MEETINGS.values()}
# The two task ledgers count on different bases: never add or join them.
write("ledgers.csv", ["id", "body", "programme_vi", "programme_en"], [
    ("gov-ap57-2025", "gov-sc",
     "Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW, năm 2025: 56 cơ quan (22 bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và 34 tỉnh, thành phố)",
     "The Government's Action Programme for Resolution 57-NQ/TW, 2025: 56 agencies (22 ministries and government agencies, and 34 provinces and cities)"),
    ("central-nq57", "central-sc",
     "Nhiệm vụ Ban Chỉ đạo Trung ương giao các bộ, ngành, địa phương, đơn vị thực hiện Nghị quyết 57-NQ/TW (tính theo cách tính riêng của Ban Chỉ đạo Trung ương)",
     "Tasks assigned by the Central Steering Committee to ministries, sectors, localities and units under Resolution 57-NQ/TW (counted on its own base)"),
])

# National figures ------------------------------------------------------------
UNITS = {
    "percent": ("%", "%"), "services": ("dịch vụ", "services"), "certificates": ("chứng thư số", "certificates"),
    "tasks": ("nhiệm vụ", "tasks"), "localities": ("địa phương", "localities"), "agencies": ("bộ, ngành", "ministries and agencies"),
    "trillion VND": ("nghìn tỷ đồng", "trillion VND"), "billion USD": ("tỷ USD", "billion USD"), "laws": ("dự án luật", "draft laws"),
    "stations": ("trạm", "stations"), "businesses": ("doanh nghiệp, hộ kinh doanh", "businesses and business households"),
    "invoices": ("hóa đơn", "invoices"), "courses": ("khóa học", "courses"), "people": ("người", "people"),
    "databases": ("cơ sở dữ liệu", "databases"), "procedures": ("thủ tục", "procedures"), "systems": ("hệ thống", "systems"),
    "provinces": ("tỉnh, thành phố", "provinces"), "applications": ("hồ sơ", "applications"), "transactions": ("giao dịch", "transactions"),
    "documents": ("văn bản", "documents"),
    "records": ("bản ghi", "records"), "accounts": ("tài khoản", "accounts"), "ministries and sectors": ("bộ, ngành", "ministries and sectors"),
    "enterprises": ("doanh nghiệp", "enterprises"), "lookups": ("lượt tra cứu, xác thực", "lookups and authentications"),
    "dossiers": ("hồ sơ", "dossiers"), "facilities": ("cơ sở nhà, đất", "house and land facilities"), "initiatives": ("sáng kiến", "initiatives"),
    "proposals": ("đề xuất", "proposals"), "titles": ("văn bằng", "titles"), "decrees": ("nghị định", "decrees"),
    "resolutions": ("nghị quyết", "resolutions"), "centres": ("trung tâm", "centres"), "laboratories": ("phòng thí nghiệm", "laboratories"),
    "accesses": ("lượt truy cập", "accesses"), "utilities": ("tiện ích", "utilities"), "conferences": ("hội nghị, diễn đàn", "conferences and forums"),
    "rank": ("hạng", "rank"), "regulations": ("quy định", "regulations"), "conditions": ("điều kiện kinh doanh", "business conditions"),
    "days": ("ngày", "days"), "trillion VND per year": ("nghìn tỷ đồng/năm", "trillion VND per year"), "circulars": ("thông tư", "circulars"),
    "teams": ("đoàn", "teams"),
}
# Where a row's unit word means something else than in UNITS (keyed by label).
UNIT_OVERRIDES = {
    "Laws passed by the National Assembly in 2025 (institution-building under Resolution 57)": ("luật", "laws"),
    "Patent applications received": ("đơn", "applications"),
    "VNeID electronic identity records": ("hồ sơ", "records"),
}
LABELS_VI = {
    "Online public services as share of all administrative procedures (April 2025)": "Tỷ lệ dịch vụ công trực tuyến trên tổng số thủ tục hành chính (tháng 4/2025)",
    "Online public services on the National Public Service Portal": "Dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia",
    "Digital signature certificates issued (more than)": "Chứng thư chữ ký số đã cấp (hơn)",
    "Essential online public services deployed (Project 06)": "Dịch vụ công trực tuyến thiết yếu đã triển khai (Đề án 06)",
    "Project 06 tasks behind schedule": "Nhiệm vụ Đề án 06 chậm tiến độ",
    "Localities that have not issued data-based direction indicators": "Địa phương chưa ban hành bộ chỉ tiêu chỉ đạo, điều hành dựa trên dữ liệu",
    "Ministries and branches that have not issued data-based direction indicators": "Bộ, ngành chưa ban hành bộ chỉ tiêu chỉ đạo, điều hành dựa trên dữ liệu",
    "E-commerce revenue Q1 2025": "Doanh thu thương mại điện tử quý I/2025",
    "Digital technology product exports Jan-Apr 2025": "Xuất khẩu sản phẩm công nghệ số 4 tháng đầu năm 2025",
    "Draft laws submitted to the National Assembly": "Dự án luật trình Quốc hội",
    "5G stations installed": "Trạm 5G đã lắp đặt",
    "Dossiers processed fully online as share of all dossiers (H1 2025)": "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình trên tổng số hồ sơ (6 tháng đầu năm 2025)",
    "Digital product export value": "Giá trị xuất khẩu sản phẩm số",
    "Businesses and business households registered for e-invoices": "Doanh nghiệp, hộ kinh doanh đăng ký sử dụng hóa đơn điện tử",
    "E-invoices registered": "Hóa đơn điện tử đã đăng ký",
    "Tax revenue from e-commerce and the digital economy": "Thu ngân sách từ thương mại điện tử và kinh tế số",
    "Digital Popular Education courses opened": "Khóa học \"Bình dân học vụ số\" đã mở",
    "Digital Popular Education participants (more than)": "Người tham gia \"Bình dân học vụ số\" (hơn)",
    "National and specialised databases to deploy": "Cơ sở dữ liệu quốc gia, chuyên ngành cần triển khai",
    "Overdue tasks": "Nhiệm vụ quá hạn",
    "Public services online (administrative procedure reform)": "Dịch vụ công trực tuyến (cải cách thủ tục hành chính)",
    "Project 06 overdue tasks to complete": "Nhiệm vụ quá hạn của Đề án 06 cần hoàn thành",
    "Project 06 tasks to deploy in H2 2025": "Nhiệm vụ Đề án 06 triển khai 6 tháng cuối năm 2025",
    "Action Programme (Resolution 57-NQ/TW) tasks assigned in 2025": "Nhiệm vụ giao năm 2025 theo Chương trình hành động thực hiện Nghị quyết 57-NQ/TW",
    "Action Programme tasks completed": "Nhiệm vụ của Chương trình hành động đã hoàn thành",
    "Action Programme tasks in progress": "Nhiệm vụ của Chương trình hành động đang thực hiện",
    "Action Programme tasks overdue or behind schedule": "Nhiệm vụ của Chương trình hành động quá hạn hoặc chậm tiến độ",
    "Tasks assigned 2025-07-20 to 2025-09-23": "Nhiệm vụ giao từ 20/7/2025 đến 23/9/2025",
    "Tasks assigned 2025-07-20 to 2025-09-23 and completed": "Nhiệm vụ giao từ 20/7/2025 đến 23/9/2025 đã hoàn thành",
    "Plan 02-KH/BCĐTW tasks assigned": "Nhiệm vụ giao theo Kế hoạch 02-KH/BCĐTW",
    "Plan 02-KH/BCĐTW tasks completed": "Nhiệm vụ theo Kế hoạch 02-KH/BCĐTW đã hoàn thành",
    "Population-management procedures and citizen documents simplified (Project 06)": "Thủ tục hành chính, giấy tờ công dân liên quan quản lý dân cư đã cắt giảm, đơn giản hóa (Đề án 06)",
    "Criminal-record procedures simplified (Project 06)": "Thủ tục liên quan phiếu lý lịch tư pháp đã cắt giảm, đơn giản hóa (Đề án 06)",
    "Administrative procedures decentralised": "Thủ tục hành chính đã phân cấp",
    "Digitisation of procedure records and results (ministries and agencies)": "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (bộ, ngành)",
    "Digitisation of procedure records and results (localities)": "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (địa phương)",
    "Information systems and databases connected to the National Public Service Portal": "Hệ thống thông tin, cơ sở dữ liệu kết nối với Cổng Dịch vụ công quốc gia",
    "Administrative procedures provided as online public services on the Portal": "Thủ tục hành chính cung cấp dịch vụ công trực tuyến trên Cổng",
    "Essential public services provided (Project 06)": "Dịch vụ công thiết yếu đã cung cấp (Đề án 06)",
    "Provinces implementing Smart City Monitoring and Operating Centres (IOC)": "Tỉnh, thành phố triển khai Trung tâm giám sát, điều hành đô thị thông minh (IOC)",
    "Online applications received 2025-07-01 to 2025-09-10 (more than)": "Hồ sơ trực tuyến tiếp nhận từ 01/7/2025 đến 10/9/2025 (hơn)",
    "Online applications processed on time": "Tỷ lệ hồ sơ trực tuyến giải quyết đúng hạn",
    "Online payment transactions 2025-07-01 to 2025-09-10 (more than)": "Giao dịch thanh toán trực tuyến từ 01/7/2025 đến 10/9/2025 (hơn)",
    "Value of online payments 2025-07-01 to 2025-09-10": "Giá trị thanh toán trực tuyến từ 01/7/2025 đến 10/9/2025",
    "Draft laws before the 10th session of the National Assembly": "Dự án luật trình Kỳ họp thứ 10 của Quốc hội",
    "Legal documents to amend and supplement": "Văn bản quy phạm pháp luật cần sửa đổi, bổ sung",
    # 2025-2026 additions, keyed by the label (the indicator text without
    # its caveat, see CAVEATS_VI).
    # Central Steering Committee, 5 December 2025
    "Resolution 57 tasks assigned by the Central Steering Committee to ministries, sectors, localities and units (cumulative)": "Nhiệm vụ thực hiện Nghị quyết 57 Ban Chỉ đạo Trung ương đã giao các bộ, ngành, địa phương, đơn vị (lũy kế)",
    "Resolution 57 tasks completed": "Nhiệm vụ thực hiện Nghị quyết 57 đã hoàn thành",
    "Resolution 57 tasks completed (share)": "Tỷ lệ nhiệm vụ thực hiện Nghị quyết 57 đã hoàn thành",
    "Resolution 57 tasks not yet due (on time)": "Nhiệm vụ thực hiện Nghị quyết 57 còn trong hạn (đúng tiến độ)",
    "Resolution 57 tasks overdue": "Nhiệm vụ thực hiện Nghị quyết 57 quá hạn",
    "Resolution 57 regular (recurring) tasks": "Nhiệm vụ thường xuyên thực hiện Nghị quyết 57",
    "Remaining 2025 tasks cited by Deputy Head Nguyen Duy Ngoc": "Nhiệm vụ năm 2025 còn lại, theo Phó Trưởng Ban Chỉ đạo Nguyễn Duy Ngọc",
    # Government Steering Committee, 2025 review, 18 December 2025
    "Global Innovation Index rank 2025 as stated in the conference report": "Xếp hạng Chỉ số Đổi mới sáng tạo toàn cầu (GII) năm 2025 theo báo cáo tại hội nghị",
    "5G population coverage (nearly)": "Tỷ lệ dân số được phủ sóng 5G (gần)",
    "Internet speed world ranking 2025 (top-20 group; up 50 places since 2020)": "Xếp hạng tốc độ Internet thế giới năm 2025 (nhóm 20 nước dẫn đầu; tăng 50 bậc so với năm 2020)",
    "UN E-Government Development Index rank (2024 survey)": "Xếp hạng Chỉ số phát triển Chính phủ điện tử của Liên hợp quốc (khảo sát năm 2024)",
    "Digital technology enterprises 2025 (about)": "Doanh nghiệp công nghệ số năm 2025 (khoảng)",
    "Digital technology product exports 2025 (estimate)": "Xuất khẩu sản phẩm công nghệ số năm 2025 (ước tính)",
    "E-commerce market size 2025 (estimate)": "Quy mô thị trường thương mại điện tử năm 2025 (ước tính)",
    "Land records cleaned against the national population database (cumulative)": "Dữ liệu đất đai đã được làm sạch, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (lũy kế)",
    "Civil status records cleaned against the national population database (cumulative)": "Dữ liệu hộ tịch đã được làm sạch, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (lũy kế)",
    "Insurance records cleaned against the national population database (more than; cumulative)": "Dữ liệu bảo hiểm đã được làm sạch, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (hơn; lũy kế)",
    "Driving licence records cleaned against the national population database (cumulative)": "Dữ liệu giấy phép lái xe đã được làm sạch, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (lũy kế)",
    "Laws, ordinances and resolutions submitted by the Government and passed since the start of the 2021-2026 term": "Luật, pháp lệnh, nghị quyết do Chính phủ trình đã được thông qua từ đầu nhiệm kỳ 2021–2026",
    "Laws and resolutions submitted by the Government and passed by the National Assembly in 2025 (78 laws and 21 resolutions)": "Luật, nghị quyết do Chính phủ trình được Quốc hội thông qua năm 2025 (78 luật và 21 nghị quyết)",
    "Decrees issued by the Government in the 2021-2026 term (more than)": "Nghị định Chính phủ ban hành trong nhiệm kỳ 2021–2026 (hơn)",
    "Business regulations cut or simplified (in 275 legal documents)": "Quy định kinh doanh đã cắt giảm, đơn giản hóa (tại 275 văn bản quy phạm pháp luật)",
    "Business regulations cut or simplified (share)": "Tỷ lệ quy định kinh doanh đã cắt giảm, đơn giản hóa",
    "Business conditions in conditional investment and business lines cut": "Điều kiện kinh doanh trong các ngành, nghề đầu tư kinh doanh có điều kiện đã cắt giảm",
    "Administrative procedure processing time expected to be cut": "Thời gian giải quyết thủ tục hành chính dự kiến cắt giảm",
    "Compliance cost cut (about)": "Chi phí tuân thủ đã cắt giảm (khoảng)",
    "Compliance cost cut (share)": "Tỷ lệ chi phí tuân thủ đã cắt giảm",
    # Central Steering Committee, 2025 review, 25 December 2025
    "Resolution 57 tasks completed in 2025": "Nhiệm vụ thực hiện Nghị quyết 57 đã hoàn thành trong năm 2025",
    "Resolution 57 tasks completed in 2025 (share)": "Tỷ lệ nhiệm vụ thực hiện Nghị quyết 57 đã hoàn thành trong năm 2025",
    "Resolution 57 tasks not completed in 2025": "Nhiệm vụ thực hiện Nghị quyết 57 chưa hoàn thành trong năm 2025",
    "Laws passed by the National Assembly in 2025 (institution-building under Resolution 57)": "Luật được Quốc hội thông qua năm 2025 (hoàn thiện thể chế theo Nghị quyết 57)",
    "Decrees issued by the Government (institution-building under Resolution 57)": "Nghị định Chính phủ đã ban hành (hoàn thiện thể chế theo Nghị quyết 57)",
    "Circulars issued by ministries and sectors (institution-building under Resolution 57)": "Thông tư các bộ, ngành đã ban hành (hoàn thiện thể chế theo Nghị quyết 57)",
    "Politburo/Secretariat inspection and supervision teams on key 2025 topics (including Resolution 57 implementation)": "Đoàn kiểm tra, giám sát của Bộ Chính trị, Ban Bí thư về các chuyên đề trọng tâm năm 2025 (trong đó có việc thực hiện Nghị quyết 57)",
    # Government Steering Committee, 1st meeting of 2026, 25 February 2026
    "VNeID electronic identity records": "Hồ sơ định danh điện tử trên VNeID",
    "VNeID activated accounts": "Tài khoản VNeID đã kích hoạt",
    "Ministries and sectors connected to the national population database": "Bộ, ngành đã kết nối với Cơ sở dữ liệu quốc gia về dân cư",
    "State-owned enterprises connected to the national population database (Vietnam Electricity)": "Doanh nghiệp nhà nước đã kết nối với Cơ sở dữ liệu quốc gia về dân cư (Tập đoàn Điện lực Việt Nam)",
    "Telecom enterprises connected to the national population database": "Doanh nghiệp viễn thông đã kết nối với Cơ sở dữ liệu quốc gia về dân cư",
    "Localities connected to the national population database": "Địa phương đã kết nối với Cơ sở dữ liệu quốc gia về dân cư",
    "Lookups and authentications received by the national population database (cumulative)": "Lượt tra cứu, xác thực thông tin qua Cơ sở dữ liệu quốc gia về dân cư (lũy kế)",
    "Administrative procedures cut or simplified": "Thủ tục hành chính đã cắt giảm, đơn giản hóa",
    "Administrative procedures cut or simplified (share)": "Tỷ lệ thủ tục hành chính đã cắt giảm, đơn giản hóa",
    "Business conditions cut or simplified": "Điều kiện kinh doanh đã cắt giảm, đơn giản hóa",
    "Business conditions cut or simplified (share)": "Tỷ lệ điều kiện kinh doanh đã cắt giảm, đơn giản hóa",
    "Compliance cost saved by cutting procedures and business conditions (about)": "Chi phí tuân thủ tiết kiệm được nhờ cắt giảm thủ tục hành chính và điều kiện kinh doanh (khoảng)",
    "Compliance cost saved (share of compliance cost)": "Tỷ lệ chi phí tuân thủ tiết kiệm được (trên tổng chi phí tuân thủ)",
    "Administrative procedures related to citizen papers simplified (Project 06)": "Thủ tục hành chính liên quan đến giấy tờ công dân đã cắt giảm, đơn giản hóa (Đề án 06)",
    "Administrative procedures related to citizen papers simplified (share)": "Tỷ lệ thủ tục hành chính liên quan đến giấy tờ công dân đã cắt giảm, đơn giản hóa",
    "Administrative dossiers received 2025-07-01 to 2026-01-07": "Hồ sơ thủ tục hành chính tiếp nhận từ 01/7/2025 đến 07/01/2026",
    "Online dossiers received 2025-07-01 to 2026-01-07": "Hồ sơ trực tuyến tiếp nhận từ 01/7/2025 đến 07/01/2026",
    "Dossiers processed on time 2025-07-01 to 2026-01-07": "Tỷ lệ hồ sơ giải quyết đúng hạn từ 01/7/2025 đến 07/01/2026",
    "Surplus house and land facilities handled (100% of localities)": "Cơ sở nhà, đất dôi dư đã được xử lý (100% địa phương)",
    "Breakthrough initiatives received by the National Initiative Portal": "Sáng kiến đột phá gửi về Cổng Sáng kiến quốc gia",
    "Strategic technology proposals received by the National Initiative Portal": "Đề xuất về công nghệ chiến lược gửi về Cổng Sáng kiến quốc gia",
    "Patent applications received": "Đơn đăng ký sáng chế đã tiếp nhận",
    "Patent protection titles granted": "Văn bằng bảo hộ sáng chế đã cấp",
    "Decrees issued by the Government and PM in the first two months of 2026": "Nghị định do Chính phủ, Thủ tướng Chính phủ ban hành trong 2 tháng đầu năm 2026",
    "Government resolutions issued in the same period": "Nghị quyết của Chính phủ ban hành trong cùng thời gian",
    "National research centres planned": "Trung tâm nghiên cứu quốc gia dự kiến xây dựng",
    "National key laboratories planned": "Phòng thí nghiệm trọng điểm quốc gia dự kiến xây dựng",
    "5G population coverage": "Tỷ lệ dân số được phủ sóng 5G",
    "VNeID accesses (more than; cumulative)": "Lượt truy cập VNeID (hơn; lũy kế)",
    "VNeID utilities provided": "Tiện ích cung cấp trên VNeID",
    "Key domestic and international conferences and forums attended or directed by Government leaders (Dec 2025 to Feb 2026)": "Hội nghị, diễn đàn quan trọng trong nước và quốc tế do lãnh đạo Chính phủ dự hoặc chỉ đạo (tháng 12/2025 đến tháng 2/2026)",
}
# Parts of an indicator's parenthesis that flag an ambiguity or a caveat: they
# leave the label for the note. Plain qualifiers ("more than", "about",
# "estimate", "share", "cumulative", ...) stay in the label.
CAVEATS_VI = {
    "scope of this count not defined in source": "Nguồn không xác định phạm vi của số liệu này.",
    "other 2025 reports give 44 of 139": "Các báo cáo khác trong năm 2025 nêu hạng 44/139.",
    "note: the Feb 2026 report uses 2371 as the base total": "Báo cáo tháng 2/2026 lấy 2.371 làm tổng số gốc.",
    "note: the Dec 2025 report gave 2371 cut of 6974": "Báo cáo tháng 12/2025 nêu đã cắt giảm 2.371/6.974 điều kiện.",
    "scope as reported": "Phạm vi theo nguồn công bố.",
    "period not stated": "Nguồn không nêu khoảng thời gian.",
    "reported with the National Initiative Portal": "Được báo cáo cùng số liệu của Cổng Sáng kiến quốc gia.",
    "receiving body and period not stated": "Nguồn không nêu cơ quan tiếp nhận và khoảng thời gian.",
    "as reported by the Ministry of Science and Technology for this meeting": "Theo báo cáo của Bộ Khoa học và Công nghệ tại phiên họp này.",
    "other Jan 2026 reports say over 90%": "Một số báo cáo khác trong tháng 1/2026 nêu trên 90%.",
    "another report of the meeting says Dec 2025 plus Jan-Feb 2026": "Một bài tường thuật khác về phiên họp nêu khoảng thời gian là tháng 12/2025 và tháng 1–2/2026.",
}


def split_caveats(indicator):
    """Indicator text -> (label_en, note_vi, note_en). The shared files write
    ';' for ',' outside parentheses (their CSV has no quoting); it is put back."""
    notes = []

    def paren(m):
        parts = m.group(1).split("; ")
        keep = [p for p in parts if p not in CAVEATS_VI]
        notes.extend(p for p in parts if p in CAVEATS_VI)
        return f" ({'; '.join(keep)})" if keep else ""
    label = re.sub(r"\s*\(([^()]*)\)", paren, indicator).strip()
    label = re.sub(r"; (?![^()]*\))", ", ", label)
    note_en = [re.sub(r"^note: ", "", n) for n in notes]
    note_en = " ".join(n[0].upper() + n[1:] + "." for n in note_en)
    return label, " ".join(CAVEATS_VI[n] for n in notes), note_en


SCOPES = {
    "national": ("Toàn quốc", "National"),
    "56 agencies (22 ministries and agencies + 34 provinces)": ("56 cơ quan (22 bộ, ngành và 34 tỉnh, thành phố)", "56 agencies (22 ministries and agencies, and 34 provinces)"),
    "56 agencies": ("56 cơ quan", "56 agencies"),
    "national (296 legal documents)": ("Toàn quốc (296 văn bản quy phạm pháp luật)", "National (296 legal documents)"),
    "national (101 legal documents)": ("Toàn quốc (101 văn bản quy phạm pháp luật)", "National (101 legal documents)"),
    "ministries and agencies": ("Các bộ, ngành", "Ministries and agencies"),
    "34 localities": ("34 địa phương", "34 localities"),
    "34 provinces": ("34 tỉnh, thành phố", "34 provinces"),
}
# Figures of different meetings of the same committee that measure the same
# thing (same wording or the same base total, same scope), so that the app
# can show the change. Only pairs we are sure of; everything else stands
# alone. Not shared: business conditions cut (2371 of 6974 in Dec 2025,
# 1973 of 2371 in Feb 2026: different bases), compliance costs (different
# bases), and the Central Steering Committee's task counts of 5 and 25 Dec
# 2025 (1287 cumulative tasks against 1298 tasks of 2025); those stay linked
# only through their ledger in task_counts.csv.
MEASURES = {
    "2025-2-essential-online-public-services-deployed-project-06": "project06-essential-public-services",
    "2025-4-essential-public-services-provided-project-06": "project06-essential-public-services",
    "2025-h1-dossiers-processed-fully-online-as-share-of-all-dossiers-h1-2025": "dossiers-fully-online-share",
    "2025-3-public-services-online-administrative-procedure-reform": "dossiers-fully-online-share",
    "2025-review-5g-population-coverage-nearly": "5g-population-coverage",
    "2026-1-5g-population-coverage": "5g-population-coverage",
    # Both of 1084 procedures related to citizen papers (Project 06).
    "2025-4-population-management-procedures-and-citizen-documents-simplified-project-06": "project06-citizen-paper-procedures-simplified",
    "2026-1-administrative-procedures-related-to-citizen-papers-simplified-project-06": "project06-citizen-paper-procedures-simplified",
    # Online dossiers received by the 34 localities since 1 July 2025, counted to two dates.
    "2025-4-online-applications-received-2025-07-01-to-2025-09-10-more-than": "online-dossiers-received-since-2025-07-01",
    "2026-1-online-dossiers-received-2025-07-01-to-2026-01-07": "online-dossiers-received-since-2025-07-01",
}
ADDITIONS = "national_steering_committee_2025_2026_additions.csv"
figures, seen, urls, added = [], set(), set(), 0
for name in ("national_steering_committee_2025.csv", ADDITIONS):
    for r in shared(name):
        meeting = MEETINGS[r["event"]][0]
        if r["source"] in URL_SOURCES:
            src = URL_SOURCES[r["source"]][0]
            urls.add(r["source"])
        else:
            assert name != ADDITIONS and "408" in r["source"], r["source"]
            src = NOTICE_408[0]
        if name == ADDITIONS:
            label, nvi, nen = split_caveats(r["indicator"])
            added += 1
        else:  # the 2025 rows stay as they were
            label, nvi, nen = r["indicator"], "", ""
        fid = f"{meeting}-{re.sub(r'[^a-z0-9]+', '-', key(label)).strip('-')}"
        assert fid not in seen, fid
        seen.add(fid)
        of_total = r["of_total"].split(" ")[0]
        uvi, uen = UNIT_OVERRIDES.get(label) or UNITS[r["unit"]]
        svi, sen = SCOPES[r["scope"]]
        lvi, len_ = LABELS_VI[label], label
        if r["unit"] == "rank":
            # A rank among N countries is not progress towards N: the
            # number of countries goes into the label, and the figure has
            # no total (so no bar of "progress towards a target").
            if of_total:
                lvi, len_ = f"{lvi} (trên {of_total} quốc gia, nền kinh tế)", f"{len_} (out of {of_total} countries and economies)"
            of_total, uvi, uen = "", "(thứ hạng)", "(rank)"
        figures.append((fid, meeting, r["as_of"], lvi, len_, r["value"], of_total, uvi, uen, svi, sen, src, MEASURES.get(fid, ""), nvi, nen))
assert added == 65, f"{added} of the 65 addition rows mapped"
assert urls == set(URL_SOURCES), f"sources without a figure: {set(URL_SOURCES) - urls}"
measure_meetings = {}
for f in figures:
    if f[12]:
        measure_meetings.setdefault(f[12], []).append(f[1])
assert set(measure_meetings) == set(MEASURES.values()) and all(m in seen for m in MEASURES), "a measured figure is missing"
for m, ms in measure_meetings.items():
    assert len(ms) == len(set(ms)) >= 2, f"measure {m} needs figures of different meetings: {ms}"
    assert len({BODY[x] for x in ms}) == 1, f"measure {m} is shared between committees: {ms}"
# The figures the overview leads with for the newest meeting: what a citizen
# asks first (identity, online services, procedures, coverage). The rest of
# the meeting's figures stay one click away.
HEADLINES = {
    "2026-1-vneid-electronic-identity-records",
    "2026-1-vneid-activated-accounts",
    "2026-1-administrative-procedures-cut-or-simplified",
    "2026-1-online-dossiers-received-2025-07-01-to-2026-01-07",
    "2026-1-dossiers-processed-on-time-2025-07-01-to-2026-01-07",
    "2026-1-5g-population-coverage",
}
assert HEADLINES <= seen, f"headline figures missing: {HEADLINES - seen}"
figures = [f + ("yes" if f[0] in HEADLINES else "",) for f in figures]
write("national_figures.csv", ["id", "meeting", "as_of", "label_vi", "label_en", "value", "of_total", "unit_vi", "unit_en", "scope_vi", "scope_en", "source", "measure", "note_vi", "note_en", "headline"], figures)

# Task counts -------------------------------------------------------------------
# Copied from the national figures above, never typed in again. The ledgers
# count on different bases; the app must not add or join them.
FIG = {(f[1], f[4]): f for f in figures}


def fig(meeting, label):
    return FIG[(meeting, label)]


def count(meeting, label):
    return int(fig(meeting, label)[5])


c1 = "2025-c1"
c1_assigned, c1_regular = fig(c1, "Resolution 57 tasks assigned by the Central Steering Committee to ministries, sectors, localities and units (cumulative)"), fig(c1, "Resolution 57 regular (recurring) tasks")
cr = "2025-c-review"
cr_done, cr_open = fig(cr, "Resolution 57 tasks completed in 2025"), fig(cr, "Resolution 57 tasks not completed in 2025")
assert int(cr_done[6]) - int(cr_done[5]) == int(cr_open[5]), "1298 - 1227 should be the 71 not completed"
task_counts = [
    ("2025-4", "2025-09-23",
     "Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW, năm 2025: 56 cơ quan (22 bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và 34 tỉnh, thành phố)",
     "Government Action Programme for Resolution 57-NQ/TW, 2025: 56 agencies (22 ministries and government agencies, and 34 provinces and cities)",
     count("2025-4", "Action Programme (Resolution 57-NQ/TW) tasks assigned in 2025"), count("2025-4", "Action Programme tasks completed"),
     count("2025-4", "Action Programme tasks in progress"), count("2025-4", "Action Programme tasks overdue or behind schedule"),
     fig("2025-4", "Action Programme tasks completed")[11], "gov-ap57-2025"),
    (c1, c1_assigned[2],
     f"Số nhiệm vụ lũy kế Ban Chỉ đạo Trung ương đã giao các bộ, ngành, địa phương, đơn vị; \"đang thực hiện\" là các nhiệm vụ còn trong hạn; {c1_regular[5]} nhiệm vụ thường xuyên không thuộc ba nhóm hoàn thành, đang thực hiện, quá hạn",
     f"The Central Steering Committee's cumulative count of tasks assigned to ministries, sectors, localities and units; \"in progress\" are the tasks not yet due (on time); {c1_regular[5]} of the tasks are regular (recurring) tasks, not in the three states",
     int(c1_assigned[5]), count(c1, "Resolution 57 tasks completed"), count(c1, "Resolution 57 tasks not yet due (on time)"), count(c1, "Resolution 57 tasks overdue"),
     c1_assigned[11], "central-nq57"),
    (cr, cr_done[2],
     f"Nhiệm vụ năm 2025 của Ban Chỉ đạo Trung ương; {cr_open[5]} nhiệm vụ chưa hoàn thành, nguồn không tách thành đang thực hiện và quá hạn",
     f"Tasks of 2025 (Central Steering Committee); {cr_open[5]} not completed, not split into in progress and overdue in the source",
     int(cr_done[6]), int(cr_done[5]), "", "", cr_done[11], "central-nq57"),
]
assert all(BODY[t[0]] == {"gov-ap57-2025": "gov-sc", "central-nq57": "central-sc"}[t[9]] for t in task_counts), "a ledger of the other committee"
write("task_counts.csv", ["meeting", "as_of", "scope_vi", "scope_en", "assigned", "completed", "in_progress", "overdue", "source", "ledger"], task_counts)

# Unit sets, mapping, indicators, periods ----------------------------------------
write("unit_sets.csv", ["id", "name_vi", "name_en", "level", "valid_from", "valid_to", "units", "source"], [
    ("vn-province-2008", "63 tỉnh, thành phố (01/8/2008 – 30/6/2025)", "63 provinces (1 Aug 2008 – 30 Jun 2025)", "province", "2008-08-01", "2025-06-30", "builtin:vn-province-2008", "gso-units-2008"),
    ("vn-province-2025", "34 tỉnh, thành phố (từ 01/7/2025)", "34 provinces (from 1 Jul 2025)", "province", "2025-07-01", "", "builtin:vn-province-2025", "bando-units-2025"),
])
write("unit_mappings.csv", ["from", "to", "pairs", "source"], [("vn-province-2008", "vn-province-2025", "builtin:merger-2025", "bando-units-2025")])
PILLARS = [
    ("digital_awareness", "Chỉ số Nhận thức số", "Digital awareness"),
    ("digital_institutions", "Chỉ số Thể chế số", "Digital institutions"),
    ("digital_infrastructure", "Chỉ số Hạ tầng số", "Digital infrastructure"),
    ("digital_human_resources", "Chỉ số Nhân lực số", "Digital human resources"),
    ("cybersecurity", "Chỉ số An toàn thông tin mạng", "Cybersecurity"),
    ("digital_government_activities", "Chỉ số Hoạt động chính quyền số", "Digital government activities"),
    ("digital_economy_activities", "Chỉ số Hoạt động kinh tế số", "Digital economy activities"),
    ("digital_society_activities", "Chỉ số Hoạt động xã hội số", "Digital society activities"),
]
IND_HEAD = ["id", "framework", "name_vi", "name_en", "description_vi", "description_en", "unit_vi", "unit_en", "decimals", "percent", "higher_is_better", "min", "max", "target", "legal_basis_vi", "legal_basis_en", "source"]
indicators = [("dti", "dti", "Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Provincial Digital Transformation Index (DTI)",
               "Điểm tổng hợp từ 0 đến 1. Năm 2022, 2023 đánh giá theo Quyết định 922/QĐ-BTTTT; năm 2024 theo Quyết định 405/QĐ-BKHCN với bộ chỉ số mới, nên so sánh giữa các năm chỉ mang tính tham khảo.",
               "Overall score from 0 to 1. 2022 and 2023 were assessed under Decision 922/QĐ-BTTTT; 2024 under Decision 405/QĐ-BKHCN with a new set of indices, so comparisons across years are indicative only.",
               "điểm", "score", 4, "no", "yes", 0, 1, "",
               "Quyết định 922/QĐ-BTTTT (2022, 2023); Quyết định 405/QĐ-BKHCN (2024)", "Decision 922/QĐ-BTTTT (2022, 2023); Decision 405/QĐ-BKHCN (2024)", "dti-2024")]
for pid, vi, en in PILLARS:
    indicators.append((f"dti.{pid}", "dti", vi, en, "Chỉ số chính của DTI 2024, từ 0 đến 1.", "A main index of DTI 2024, from 0 to 1.",
                       "điểm", "score", 4, "no", "yes", 0, 1, "", "Quyết định 405/QĐ-BKHCN", "Decision 405/QĐ-BKHCN", "dti-2024"))
write("indicators.csv", IND_HEAD, indicators)
write("periods.csv", ["id", "label_vi", "label_en", "unit_set"], [
    ("2022", "Năm 2022", "2022", "vn-province-2008"),
    ("2023", "Năm 2023", "2023", "vn-province-2008"),
    ("2024-63", "Năm 2024 (63 tỉnh, thành phố trước sắp xếp)", "2024 (63 provinces before the merger)", "vn-province-2008"),
    ("2024", "Năm 2024 (34 tỉnh, thành phố)", "2024 (34 provinces)", "vn-province-2025"),
])

# Observations ------------------------------------------------------------------
obs = []
PERIOD = {("2022", "63"): ("2022", "dti-2022"), ("2023", "63"): ("2023", "dti-2023"), ("2024", "63"): ("2024-63", "dti-2024-63")}
for r in shared("dti_provincial_overall_2022_2024.csv"):
    if r["unit_set"] == "34":
        continue  # taken with its pillars from dti_2024_provincial_34.csv below
    period, src = PERIOD[(r["assessment_year"], r["unit_set"])]
    obs.append(("dti", period, code(r["province_name_as_in_scrape"], "63"), r["pdti_score"], "", "", src))
overall34 = {code(r["province_name_as_in_scrape"], "34"): r["pdti_score"] for r in shared("dti_provincial_overall_2022_2024.csv") if r["unit_set"] == "34"}
note_vi = "Trung bình cộng điểm của các tỉnh, thành phố trước sắp xếp, theo Bộ Khoa học và Công nghệ."
note_en = "The mean of the pre-merger provinces' scores, as stated by the Ministry of Science and Technology."
for r in shared("dti_2024_provincial_34.csv"):
    c = code(r["province_vi"], "34")
    assert overall34[c] == r["pdti_score"], (c, overall34[c], r["pdti_score"])
    obs.append(("dti", "2024", c, r["pdti_score"], note_vi, note_en, "dti-2024"))
    for pid, _, _ in PILLARS:
        obs.append((f"dti.{pid}", "2024", c, r[pid], "", "", "dti-2024"))
obs.sort(key=lambda o: (o[0] != "dti", o[0], o[1], o[2]))
write("observations.csv", ["indicator", "period", "unit", "value", "note_vi", "note_en", "source"], obs)

# The newest figure's date, not the day of the import.
as_of = max([f[2] for f in figures] + [t[1] for t in task_counts])
write("dataset.csv", ["key", "value"], [
    ("title_vi", "Tiến độ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, 2025–2026"),
    ("title_en", "Progress on science, technology, innovation and digital transformation, 2025–2026"),
    ("as_of", as_of),
])
print(f"wrote {OUT}: {len(sources)} sources, {len(MEETINGS)} meetings, {len(figures)} national figures "
      f"({added} added), {len(task_counts)} task counts, {len(measure_meetings)} measures, {len(obs)} observations; as of {as_of}")
