//! Numbers and dates as each language writes them: `1.234.567` and
//! `23/09/2025` in Vietnamese, `1,234,567` and `23 Sep 2025` in English.

use crate::i18n::Lang;

/// A whole number with the language's thousands separator.
pub fn format_int(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A share as a percentage with one decimal, in the language's notation
/// (`39,8%` or `39.8%`). `part` over `whole`; `None` when `whole` is zero.
pub fn format_share(part: u64, whole: u64, lang: Lang) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let tenths = (part as u128 * 1000 + whole as u128 / 2) / whole as u128;
    let (int, frac) = (tenths / 10, tenths % 10);
    let dec = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    Some(format!("{int}{dec}{frac}%"))
}

/// A value with `decimals` digits in the language's notation
/// (`0,8241` / `0.8241`, `1.234,5` / `1,234.5`); with `percent`, the value
/// is a share and is written times 100 with `%`.
pub fn format_number(value: f64, decimals: u8, percent: bool, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let v = if percent { value * 100.0 } else { value };
    let text = format!("{:.*}", decimals as usize, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let int: u64 = int.parse().unwrap_or(u64::MAX);
    let (dec, sign) = (
        match lang {
            Lang::Vi => ',',
            Lang::En => '.',
        },
        if v < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            "−"
        } else {
            ""
        },
    );
    let mut out = format!("{sign}{}", format_int(int, lang));
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    if percent {
        out.push('%');
    }
    out
}

/// The fewest decimals, up to `max`, that write `value` as it is:
/// 58 needs 0, 39.51 needs 2, 0.25 needs 2.
pub fn decimals_needed(value: f64, max: u8) -> u8 {
    (0..max)
        .find(|&k| {
            let s = 10f64.powi(i32::from(k));
            ((value * s).round() - value * s).abs() < 1e-6
        })
        .unwrap_or(max)
}

/// An ISO date (`YYYY-MM-DD`) as the language writes it. Anything else is
/// returned unchanged, so a publisher's odd date is still shown, not lost.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let Some((y, m, d)) = parse_iso_date(iso) else {
        return iso.to_string();
    };
    match lang {
        Lang::Vi => format!("{d:02}/{m:02}/{y:04}"),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{d} {} {y:04}", MONTHS[(m - 1) as usize])
        }
    }
}

/// Reads `YYYY-MM-DD`, checking the day against the month (leap years too).
pub fn parse_iso_date(iso: &str) -> Option<(u32, u32, u32)> {
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(&iso[0..4])?, num(&iso[5..7])?, num(&iso[8..10])?);
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Whether a figure of the day `newest` is more than six calendar months
/// older than `today` (both `YYYY-MM-DD`): figures of 25 Feb 2026 are old
/// from 26 Aug 2026 on. A date that cannot be read is never called old.
pub fn older_than_six_months(newest: &str, today: &str) -> bool {
    let (Some((y, m, d)), Some(now)) = (parse_iso_date(newest), parse_iso_date(today)) else {
        return false;
    };
    let (y6, m6) = if m > 6 { (y + 1, m - 6) } else { (y, m + 6) };
    now > (y6, m6, d)
}

/// The sentence that says the data is old, when its newest figure (of
/// `newest`) is more than six months older than `today`: "The newest
/// published figures are from 25 Feb 2026; nothing newer has been
/// published in this file."
pub fn staleness_line(newest: &str, today: &str, lang: Lang) -> Option<String> {
    use crate::Msg;
    older_than_six_months(newest, today).then(|| {
        format!(
            "{} {}{}",
            Msg::StaleBefore.text(lang),
            format_date(newest, lang),
            Msg::StaleAfter.text(lang)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the staleness line: six calendar months to the day, on a
    /// clock the test sets (not the machine's), in both languages.
    #[test]
    fn data_older_than_six_months_is_said_to_be_old() {
        let newest = "2026-02-25";
        assert!(!older_than_six_months(newest, "2026-02-25"));
        assert!(!older_than_six_months(newest, "2026-08-25"));
        assert!(older_than_six_months(newest, "2026-08-26"));
        assert!(older_than_six_months(newest, "2026-11-30"));
        assert!(
            older_than_six_months("2025-09-23", "2026-03-24"),
            "across a year"
        );
        assert!(!older_than_six_months("2025-09-23", "2026-03-23"));
        assert!(
            !older_than_six_months("late 2025", "2030-01-01"),
            "unreadable"
        );
        assert_eq!(staleness_line(newest, "2026-03-01", Lang::En), None);
        assert_eq!(
            staleness_line(newest, "2026-11-30", Lang::En).as_deref(),
            Some("The newest published figures are from 25 Feb 2026; nothing newer has been published in this file.")
        );
        assert_eq!(
            staleness_line(newest, "2026-11-30", Lang::Vi).as_deref(),
            Some("Số liệu mới nhất được công bố là của ngày 25/02/2026; tệp dữ liệu này chưa có số liệu nào mới hơn.")
        );
    }

    /// Guards published figures written as published and tidy axes.
    #[test]
    fn decimals_needed_are_the_fewest_exact() {
        assert_eq!(decimals_needed(58.0, 4), 0);
        assert_eq!(decimals_needed(39.51, 4), 2);
        assert_eq!(decimals_needed(0.25, 4), 2);
        assert_eq!(decimals_needed(1.0 / 3.0, 4), 4);
        assert_eq!(decimals_needed(0.5, 0), 0);
        assert_eq!(decimals_needed(f64::NAN, 3), 3);
    }

    #[test]
    fn thousands_separators_follow_the_language() {
        assert_eq!(format_int(0, Lang::Vi), "0");
        assert_eq!(format_int(679, Lang::Vi), "679");
        assert_eq!(format_int(1000, Lang::Vi), "1.000");
        assert_eq!(format_int(1000, Lang::En), "1,000");
        assert_eq!(format_int(2_100_000_000, Lang::Vi), "2.100.000.000");
        assert_eq!(format_int(17_000_000, Lang::En), "17,000,000");
        assert_eq!(format_int(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
    }

    #[test]
    fn shares_round_to_one_decimal() {
        assert_eq!(format_share(270, 679, Lang::Vi).as_deref(), Some("39,8%"));
        assert_eq!(format_share(270, 679, Lang::En).as_deref(), Some("39.8%"));
        assert_eq!(format_share(27, 679, Lang::En).as_deref(), Some("4.0%"));
        assert_eq!(format_share(1, 1, Lang::En).as_deref(), Some("100.0%"));
        assert_eq!(format_share(1, 0, Lang::En), None);
        assert_eq!(
            format_share(u64::MAX, u64::MAX, Lang::En).as_deref(),
            Some("100.0%")
        );
    }

    #[test]
    fn numbers_follow_the_language_and_the_indicator() {
        assert_eq!(format_number(0.8241, 4, false, Lang::Vi), "0,8241");
        assert_eq!(format_number(0.8241, 4, false, Lang::En), "0.8241");
        assert_eq!(format_number(1234.5, 1, false, Lang::Vi), "1.234,5");
        assert_eq!(format_number(1234.5, 1, false, Lang::En), "1,234.5");
        assert_eq!(format_number(0.3951, 1, true, Lang::Vi), "39,5%");
        assert_eq!(format_number(3525.0, 0, false, Lang::Vi), "3.525");
        assert_eq!(format_number(-2.5, 1, false, Lang::En), "−2.5");
        assert_eq!(
            format_number(-0.001, 1, false, Lang::En),
            "0.0",
            "no minus on a rounded zero"
        );
        assert_eq!(format_number(f64::NAN, 2, false, Lang::En), "–");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(format_date("2025-09-23", Lang::Vi), "23/09/2025");
        assert_eq!(format_date("2025-09-23", Lang::En), "23 Sep 2025");
        assert_eq!(format_date("2024-02-29", Lang::En), "29 Feb 2024");
    }

    #[test]
    fn odd_dates_are_shown_as_given() {
        for odd in [
            "2025-02-29",
            "2025-13-01",
            "2025-9-23",
            "late 2025",
            "",
            "２０２５-01-01",
        ] {
            assert_eq!(format_date(odd, Lang::Vi), odd);
        }
        assert_eq!(parse_iso_date("1900-02-29"), None);
        assert_eq!(parse_iso_date("2000-02-29"), Some((2000, 2, 29)));
    }
}
