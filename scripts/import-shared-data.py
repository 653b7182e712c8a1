#!/usr/bin/env python3
"""Turns the reference facts in ../shared/data (each read from a named public
source) into the CSV files of the demo dataset in data/demo/, in the form
`tien-do-data build` reads. Run once when the facts change; the CSVs are
committed. Nothing is estimated here: rows are copied, names are matched to
official codes, and labels are translated.

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
MIC = ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications")
MOST = ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology")
sources = [
    ("dti-2022", *MIC, "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2022", "Provincial Digital Transformation Index (DTI) 2022 ranking", "https://dti.gov.vn/xep-hang-2022", "2023-07-12"),
    # Announced about February 2025; the exact day was not recorded.
    ("dti-2023", *MIC, "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023", "Provincial Digital Transformation Index (DTI) 2023 ranking", "https://dti.gov.vn/xep-hang-2023-all", ""),
    ("dti-2024-63", *MOST, "Xếp hạng DTI năm 2024 của 63 tỉnh, thành phố (trước sắp xếp)", "DTI 2024 ranking of the 63 provinces (before the merger)", "https://dti.gov.vn/xep-hang-2024-63-tinh", "2025-10-21"),
    ("dti-2024", *MOST, "Xếp hạng DTI năm 2024 của 34 tỉnh, thành phố", "DTI 2024 ranking of the 34 provinces", "https://dti.gov.vn/xep-hang-2024", "2025-10-21"),
    ("qd-922-2022", *MIC, "Quyết định 922/QĐ-BTTTT ngày 20/5/2022 phê duyệt Đề án Xác định Bộ chỉ số đánh giá chuyển đổi số", "Decision 922/QĐ-BTTTT of 20 May 2022 on the digital transformation assessment indices", "http://eballsviet.com/bo-chi-so-danh-gia-chuyen-doi-so-cap-tinh-59970", "2022-05-20"),
    ("qd-405-2025", *MOST, "Quyết định 405/QĐ-BKHCN ngày 03/4/2025 về Bộ chỉ số đánh giá chuyển đổi số", "Decision 405/QĐ-BKHCN of 3 April 2025 on the digital transformation indices", "https://dti.gov.vn/xep-hang-2024", "2025-04-03"),
    ("nq-202-2025", "Quốc hội", "National Assembly", "Nghị quyết 202/2025/QH15 ngày 12/6/2025 về sắp xếp đơn vị hành chính cấp tỉnh", "Resolution 202/2025/QH15 of 12 June 2025 on the reorganisation of provincial units", "", "2025-06-12"),
    ("gso-units-2008", "Tổng cục Thống kê", "General Statistics Office", "Danh mục đơn vị hành chính Việt Nam (63 tỉnh, thành phố, 2008–2025)", "List of administrative units of Vietnam (63 provinces, 2008–2025)", "", ""),
]
URL_SOURCES = {
    "https://www.vietnamplus.vn/tong-ra-soat-tai-khoan-ngan-hang-sim-dien-thoai-de-phong-ngua-toi-pham-lua-dao-post1039076.vnp":
        ("bcd-2025-2-vietnamplus", "Báo điện tử VietnamPlus (TTXVN)", "VietnamPlus (Vietnam News Agency)", "Bài tường thuật phiên họp thứ hai của Ban Chỉ đạo (17/5/2025)", "Report on the Steering Committee's 2nd meeting (17 May 2025)", "2025-05-17"),
    "https://mst.gov.vn/hoan-thien-the-che-thu-hut-nhan-tai-ve-khcn-phat-trien-ha-tang-so-la-uu-tien-trong-6-thang-cuoi-nam-2025-197250720181702563.htm":
        ("most-2025-07-20", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "Hoàn thiện thể chế, thu hút nhân tài về KH&CN, phát triển hạ tầng số là ưu tiên trong 6 tháng cuối năm 2025", "Institutions, science and technology talent and digital infrastructure: priorities for the second half of 2025", "2025-07-20"),
    "https://gialai.gov.vn/tin-tuc/hoat-dong-cua-lanh-dao/phien-hop-lan-thu-tu-cua-ban-chi-dao-cua-chinh-phu-ve-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-chuyen-doi-so-va-de.html":
        ("bcd-2025-4-gialai", "Cổng Thông tin điện tử tỉnh Gia Lai", "Gia Lai Provincial Portal", "Phiên họp lần thứ tư của Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06", "The 4th meeting of the Government Steering Committee on science and technology development, innovation, digital transformation and Project 06", ""),
    "https://bvhttdl.gov.vn/thu-tuong-yeu-cau-khan-truong-xay-dung-va-ban-hanh-chien-luoc-chuyen-doi-so-va-chien-luoc-du-lieu-20251115154224249.htm":
        ("bcd-2025-5-bvhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", "Thủ tướng yêu cầu khẩn trương xây dựng và ban hành Chiến lược chuyển đổi số và Chiến lược dữ liệu", "The Prime Minister asks for the digital transformation and data strategies to be drafted and issued urgently", "2025-11-15"),
}
NOTICE_408 = ("tb-408-2025", "Văn phòng Chính phủ (qua báo chí)", "Government Office (as reported in the press)", "Thông báo 408/TB-VPCP ngày 08/08/2025 kết luận phiên họp thứ ba của Ban Chỉ đạo", "Notice 408/TB-VPCP of 8 August 2025: conclusions of the Steering Committee's 3rd meeting", "", "2025-08-08")
for url, (sid, pvi, pen, tvi, ten, pub) in URL_SOURCES.items():
    sources.append((sid, pvi, pen, tvi, ten, url, pub))
sources.append(NOTICE_408)
write("sources.csv", ["id", "publisher_vi", "publisher_en", "title_vi", "title_en", "url", "published"], sources)

# Meetings --------------------------------------------------------------------
MEETINGS = {
    "2nd meeting (2025-05-17)": ("2025-2", "2025-05-17", "Phiên họp thứ hai của Ban Chỉ đạo", "the Steering Committee's 2nd meeting"),
    "Mid-year conference (July 2025)": ("2025-h1", "2025-07-20", "Hội nghị sơ kết 6 tháng đầu năm 2025", "the mid-year review conference"),
    # Held in late July 2025; the day is not published, so the date is that
    # of the notice of its conclusions.
    "3rd meeting (late July 2025; Notice 408/TB-VPCP of 2025-08-08)": ("2025-3", "2025-08-08", "Phiên họp thứ ba của Ban Chỉ đạo (cuối tháng 7/2025; kết luận tại Thông báo 408/TB-VPCP ngày 08/08/2025)", "the Steering Committee's 3rd meeting (late July 2025; conclusions in Notice 408/TB-VPCP of 8 August 2025)"),
    "4th meeting (2025-09-24)": ("2025-4", "2025-09-24", "Phiên họp thứ tư của Ban Chỉ đạo", "the Steering Committee's 4th meeting"),
    "5th meeting (2025-11-15)": ("2025-5", "2025-11-15", "Phiên họp thứ năm của Ban Chỉ đạo", "the Steering Committee's 5th meeting"),
}
write("meetings.csv", ["id", "date", "name_vi", "name_en"], [v for v in MEETINGS.values()])

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
}
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
# Figures of different meetings that measure the same thing (same wording in
# the source, same scope), so that the app can show the change. Only pairs we
# are sure of; everything else stands alone.
MEASURES = {
    "2025-2-essential-online-public-services-deployed-project-06": "project06-essential-public-services",
    "2025-4-essential-public-services-provided-project-06": "project06-essential-public-services",
    "2025-h1-dossiers-processed-fully-online-as-share-of-all-dossiers-h1-2025": "dossiers-fully-online-share",
    "2025-3-public-services-online-administrative-procedure-reform": "dossiers-fully-online-share",
}
figures, seen = [], set()
for r in shared("national_steering_committee_2025.csv"):
    meeting = MEETINGS[r["event"]][0]
    src = URL_SOURCES[r["source"]][0] if r["source"] in URL_SOURCES else NOTICE_408[0]
    base = re.sub(r"[^a-z0-9]+", "-", key(r["indicator"])).strip("-")
    fid = f"{meeting}-{base}"
    assert fid not in seen, fid
    seen.add(fid)
    of_total = r["of_total"].split(" ")[0]
    uvi, uen = UNITS[r["unit"]]
    svi, sen = SCOPES[r["scope"]]
    figures.append((fid, meeting, r["as_of"], LABELS_VI[r["indicator"]], r["indicator"], r["value"], of_total, uvi, uen, svi, sen, src, MEASURES.get(fid, "")))
assert all(m in seen for m in MEASURES), "a measured figure is missing"
write("national_figures.csv", ["id", "meeting", "as_of", "label_vi", "label_en", "value", "of_total", "unit_vi", "unit_en", "scope_vi", "scope_en", "source", "measure"], figures)

# Task counts (4th meeting) -------------------------------------------------------
write("task_counts.csv", ["meeting", "as_of", "scope_vi", "scope_en", "assigned", "completed", "in_progress", "overdue", "source"], [(
    "2025-4", "2025-09-23",
    "Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW, năm 2025: 56 cơ quan (22 bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và 34 tỉnh, thành phố)",
    "Government Action Programme for Resolution 57-NQ/TW, 2025: 56 agencies (22 ministries and government agencies, and 34 provinces and cities)",
    679, 270, 382, 27, "bcd-2025-4-gialai")])

# Unit sets, mapping, indicators, periods ----------------------------------------
write("unit_sets.csv", ["id", "name_vi", "name_en", "level", "valid_from", "valid_to", "units", "source"], [
    ("vn-province-2008", "63 tỉnh, thành phố (01/8/2008 – 30/6/2025)", "63 provinces (1 Aug 2008 – 30 Jun 2025)", "province", "2008-08-01", "2025-06-30", "builtin:vn-province-2008", "gso-units-2008"),
    ("vn-province-2025", "34 tỉnh, thành phố (từ 01/7/2025)", "34 provinces (from 1 Jul 2025)", "province", "2025-07-01", "", "builtin:vn-province-2025", "nq-202-2025"),
])
write("unit_mappings.csv", ["from", "to", "pairs", "source"], [("vn-province-2008", "vn-province-2025", "builtin:merger-2025", "nq-202-2025")])
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
               "Quyết định 922/QĐ-BTTTT (2022, 2023); Quyết định 405/QĐ-BKHCN (2024)", "Decision 922/QĐ-BTTTT (2022, 2023); Decision 405/QĐ-BKHCN (2024)", "qd-405-2025")]
for pid, vi, en in PILLARS:
    indicators.append((f"dti.{pid}", "dti", vi, en, "Chỉ số chính của DTI 2024, từ 0 đến 1.", "A main index of DTI 2024, from 0 to 1.",
                       "điểm", "score", 4, "no", "yes", 0, 1, "", "Quyết định 405/QĐ-BKHCN", "Decision 405/QĐ-BKHCN", "qd-405-2025"))
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

write("dataset.csv", ["key", "value"], [
    ("title_vi", "Tiến độ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025"),
    ("title_en", "Progress on science, technology, innovation and digital transformation, 2025"),
    ("as_of", "2025-11-15"),
])
print(f"wrote {OUT}: {len(sources)} sources, {len(figures)} national figures, {len(obs)} observations")
