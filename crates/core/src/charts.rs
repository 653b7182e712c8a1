//! What each chart shows, before any drawing: the ranking of the provinces,
//! a province's trend across periods (honest about the 2025 merger), its
//! pillar profile against the average, the Steering Committee's task
//! tracker, progress towards targets, and what changed between meetings.
//! The components only draw what these return.

use crate::choropleth::{map_data, periods_of, unit_name};
use crate::data::{
    Indicator, Meeting, NationalFigure, Period, ProgressData, Source, Text, UnitLevel,
};

/// The unweighted mean of the published values; `None` if there are none.
/// (The average of the provinces, each counting once: not a national
/// figure, and labelled so.)
pub fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// A province as the province page shows it: which set of units it
/// belongs to and how the 2025 merger touched it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitInfo {
    pub code: String,
    pub name: Text,
    /// The [`crate::data::UnitSet::id`] the unit was found in.
    pub set: String,
    /// The set's name ("34 provinces from 1 July 2025").
    pub set_name: Text,
    /// The unit belongs to the newest set of its level (not a former unit).
    pub current: bool,
    /// The older units it was formed from, or the newer one it is now part
    /// of, with codes, so each can be linked.
    pub formed_from: Vec<(String, Text)>,
    pub now_part_of: Option<(String, Text)>,
}

/// The unit sets of provinces, newest first (by `valid_from`; a set with
/// no date counts as oldest).
fn province_sets(data: &ProgressData) -> Vec<&crate::data::UnitSet> {
    let mut sets: Vec<_> = data
        .unit_sets
        .iter()
        .filter(|s| s.level == UnitLevel::Province)
        .collect();
    sets.sort_by(|a, b| b.valid_from.cmp(&a.valid_from));
    sets
}

/// Unit `code` in the newest province set that has it, with its place in
/// the merger; `None` if no province set has it.
pub fn find_province(data: &ProgressData, code: &str) -> Option<UnitInfo> {
    let sets = province_sets(data);
    let (k, set, unit) = sets
        .iter()
        .enumerate()
        .find_map(|(k, s)| Some((k, *s, s.units.iter().find(|u| u.code == code)?)))?;
    let name_in = |set_id: &str, code: &str| unit_name(data, set_id, code);
    let mut formed_from = Vec::new();
    let mut now_part_of = None;
    for m in &data.unit_mappings {
        if m.to == set.id {
            formed_from.extend(
                m.pairs
                    .iter()
                    .filter(|(_, new)| new.as_str() == code)
                    .filter_map(|(old, _)| Some((old.clone(), name_in(&m.from, old)?))),
            );
        }
        if m.from == set.id {
            if let Some(new) = m.pairs.get(code) {
                now_part_of = name_in(&m.to, new).map(|n| (new.clone(), n));
            }
        }
    }
    Some(UnitInfo {
        code: unit.code.clone(),
        name: unit.name.clone(),
        set: set.id.clone(),
        set_name: set.name.clone(),
        current: k == 0,
        formed_from,
        now_part_of,
    })
}

/// A unit a reader can pick: its code and name.
pub type UnitChoice = (String, Text);

/// The provinces a reader can pick: those of the newest province set, in
/// listed order, then the former ones (for links made before the merger).
pub fn province_choices(data: &ProgressData) -> (Vec<UnitChoice>, Vec<UnitChoice>) {
    let sets = province_sets(data);
    let list = |k: usize| -> Vec<UnitChoice> {
        sets.get(k)
            .map(|s| {
                s.units
                    .iter()
                    .map(|u| (u.code.clone(), u.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    (list(0), list(1))
}

/// The sources of `items`, in order, each once.
pub fn distinct_sources<'a>(items: impl IntoIterator<Item = Option<&'a Source>>) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    for s in items.into_iter().flatten() {
        if !out.iter().any(|x| x.id == s.id) {
            out.push(s.clone());
        }
    }
    out
}

/// A unit's standing on one indicator, in the latest period that covers it.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub indicator: Indicator,
    pub period: Period,
    pub value: Option<f64>,
    pub rank: Option<usize>,
    pub of: usize,
    pub average: Option<f64>,
}

/// Unit `code`'s value and rank on every indicator, each in its latest
/// period whose unit set has the unit.
pub fn standings(data: &ProgressData, code: &str) -> Vec<Standing> {
    data.indicators
        .iter()
        .filter_map(|i| {
            periods_of(data, &i.id).into_iter().rev().find_map(|p| {
                let m = map_data(data, &i.id, &p.id)?;
                let row = m.row(code)?;
                Some(Standing {
                    indicator: i.clone(),
                    period: p.clone(),
                    value: row.value,
                    rank: row.rank,
                    of: m.rows.iter().filter(|r| r.value.is_some()).count(),
                    average: mean(m.rows.iter().map(|r| r.value)),
                })
            })
        })
        .collect()
}

/// A figure of the latest meeting and, where the same measure was reported
/// before, its previous value.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub latest: NationalFigure,
    pub previous: Option<(NationalFigure, Meeting)>,
}

/// What the latest meeting reported, against the meeting before it.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingChanges {
    pub latest: Meeting,
    pub previous: Option<Meeting>,
    /// Every figure reported at the latest meeting.
    pub figures: Vec<Change>,
    /// Measures reported at several meetings: each value, oldest first.
    pub tracked: Vec<Vec<(NationalFigure, Meeting)>>,
}

/// The latest meeting with figures, its figures (each with the previous
/// value of the same measure, if one was reported), the meeting before it,
/// and every measure reported more than once.
pub fn meeting_changes(data: &ProgressData) -> Option<MeetingChanges> {
    let meetings = data.meetings_with_figures();
    let latest = (*meetings.last()?).clone();
    let previous = meetings.iter().rev().nth(1).map(|m| (*m).clone());
    let meeting_of = |f: &NationalFigure| data.meetings.iter().find(|m| m.id == f.meeting);
    let history = |measure: &str| -> Vec<(NationalFigure, Meeting)> {
        let mut h: Vec<(NationalFigure, Meeting)> = data
            .national_figures
            .iter()
            .filter(|f| f.measure.as_deref() == Some(measure))
            .filter_map(|f| Some((f.clone(), meeting_of(f)?.clone())))
            .collect();
        h.sort_by(|a, b| a.1.date.cmp(&b.1.date));
        h
    };
    let figures = data
        .national_figures
        .iter()
        .filter(|f| f.meeting == latest.id)
        .map(|f| Change {
            latest: f.clone(),
            previous: f.measure.as_deref().and_then(|m| {
                history(m)
                    .into_iter()
                    .rfind(|(_, mt)| mt.date < latest.date)
            }),
        })
        .collect();
    let mut measures: Vec<&str> = data
        .national_figures
        .iter()
        .filter_map(|f| f.measure.as_deref())
        .collect();
    measures.sort_unstable();
    measures.dedup();
    let tracked = measures
        .into_iter()
        .map(history)
        .filter(|h| h.len() > 1)
        .collect();
    Some(MeetingChanges {
        latest,
        previous,
        figures,
        tracked,
    })
}

/// The decimals axis labels for `ticks` on `indicator`'s scale need: as
/// many as the ticks need and no more than the indicator's own (0,25 and
/// 0,50 rather than 0,2500).
pub fn tick_decimals(indicator: &Indicator, ticks: &[f64]) -> u8 {
    let f = indicator.format;
    let scale = if f.percent { 100.0 } else { 1.0 };
    ticks
        .iter()
        .map(|t| crate::format::decimals_needed(t * scale, f.decimals))
        .max()
        .unwrap_or(0)
}

/// Axis labels for `ticks`, all with the same [`tick_decimals`].
pub fn tick_labels(indicator: &Indicator, ticks: &[f64], lang: crate::Lang) -> Vec<String> {
    let k = tick_decimals(indicator, ticks);
    ticks
        .iter()
        .map(|t| crate::format::format_number(*t, k, indicator.format.percent, lang))
        .collect()
}

/// A national figure's value as published, with its total or target and
/// its unit, in the language's notation: "58 / 75 dịch vụ", "50,4%".
pub fn figure_text(f: &NationalFigure, lang: crate::Lang) -> String {
    use crate::format::{decimals_needed, format_number};
    let n = |v: f64| format_number(v, decimals_needed(v, 4), false, lang);
    let unit = f.unit.get(lang);
    let sep = if unit == "%" || unit.is_empty() {
        ""
    } else {
        " "
    };
    match f.of_total {
        Some(t) => format!("{} / {}{sep}{unit}", n(f.value), n(t)),
        None => format!("{}{sep}{unit}", n(f.value)),
    }
}

/// What a key does to a chart's tooltip among its `n` parts, `active`
/// the one shown: the arrow keys step (from either end when none is
/// shown), Home and End go to the ends, Escape hides it (`Some(None)`).
/// `None`: the key is not the chart's (nor is any key with no parts).
pub fn chart_key(key: &str, active: Option<usize>, n: usize) -> Option<Option<usize>> {
    if n == 0 {
        return None;
    }
    Some(match (key, active) {
        ("ArrowRight" | "ArrowDown", None) => Some(0),
        ("ArrowLeft" | "ArrowUp", None) => Some(n - 1),
        ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(n - 1)),
        ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
        ("Home", _) => Some(0),
        ("End", _) => Some(n - 1),
        ("Escape", _) => None,
        _ => return None,
    })
}

/// Where a tooltip goes for a point at (`x`, `y`) in a box `width` wide
/// (CSS pixels), as inline CSS: on the side with more room, and no wider
/// than half the box, so it never runs off a phone's screen. Placed by a
/// transform from the box's corner (`left:0;top:0` in the style sheet),
/// and its width limit depends on the box alone: a pointer moving within
/// one unit changes the transform and nothing else, which the compositor
/// does without laying out the page again.
pub fn tooltip_css(x: f64, y: f64, width: f64) -> String {
    const GAP: f64 = 12.0;
    const EDGE: f64 = 4.0;
    // Half the box less the gap and the edge: the least room either side
    // has (the pointer on the right half has at least half the box to its
    // left, and the reverse).
    let room = (width / 2.0 - GAP - EDGE).max(96.0);
    let at = if x > width / 2.0 {
        // Its right edge at the gap before the point.
        format!("calc({:.0}px - 100%)", (x - GAP).max(0.0))
    } else {
        format!("{:.0}px", x + GAP)
    };
    format!("transform:translate({at},{y:.0}px);max-width:min(16rem,{room:.0}px)")
}

/// Nice round ticks covering `min..=max` (about `count` of them), for axes.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max < min || count == 0 {
        return Vec::new();
    }
    if max == min {
        return vec![min];
    }
    let raw = (max - min) / count as f64;
    // A whole power of ten: `powi`, a few multiplications (exact to
    // 10^22, as `powf`), not libm's `pow` (2 KB of wasm).
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    // Rounded to the step's decimals, so 3 x 0.2 reads 0.6.
    let scale = 10f64.powi((1.0 - step.log10().floor()).max(0.0) as i32);
    let first = (min / step).ceil() as i64;
    (first..)
        .map(|k| ((k as f64 * step) * scale).round() / scale)
        .take_while(|v| *v <= max + step * 1e-9)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the charts' keys (the site's canvas and the embeds'): steps
    /// stop at the ends, Home and End jump, Escape hides, other keys and
    /// an empty chart are left alone.
    #[test]
    fn chart_keys_step_between_parts() {
        assert_eq!(chart_key("ArrowRight", None, 3), Some(Some(0)));
        assert_eq!(chart_key("ArrowUp", None, 3), Some(Some(2)));
        assert_eq!(chart_key("ArrowDown", Some(1), 3), Some(Some(2)));
        assert_eq!(chart_key("ArrowDown", Some(2), 3), Some(Some(2)));
        assert_eq!(chart_key("ArrowLeft", Some(0), 3), Some(Some(0)));
        assert_eq!(chart_key("Home", Some(2), 3), Some(Some(0)));
        assert_eq!(chart_key("End", None, 3), Some(Some(2)));
        assert_eq!(chart_key("Escape", Some(1), 3), Some(None));
        assert_eq!(chart_key("a", Some(1), 3), None);
        assert_eq!(chart_key("ArrowDown", None, 0), None);
    }
    use crate::figures::pillars::{latest_pillar_profile, pillar_profile};
    use crate::figures::ranking::{ranking, RankBar, RankRow};
    use crate::figures::targets::targets;
    use crate::figures::tasks::{agency_tasks, ledger_groups, task_tracker, MeetingTasks};
    use crate::figures::trend::trend;

    use crate::test_support::{demo, series_mut};

    /// Guards the average: unpublished values are left out, not zeros.
    #[test]
    fn mean_skips_missing_values() {
        assert_eq!(mean([Some(1.0), None, Some(3.0)]), Some(2.0));
        assert_eq!(mean([None, None]), None);
        assert_eq!(mean([Some(f64::NAN), Some(4.0)]), Some(4.0));
    }

    /// Guards the ranking chart: best first, ties kept, the selected unit
    /// marked, the missing ones named apart, the average unweighted.
    #[test]
    fn ranking_orders_marks_and_averages() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        let i79 = s.units.iter().position(|u| u == "79").unwrap();
        let i01 = s.units.iter().position(|u| u == "01").unwrap();
        let i04 = s.units.iter().position(|u| u == "04").unwrap();
        s.values[i79] = s.values[i01]; // a tie at the top
        s.values[i04] = None; // Cao Bằng not published
        let m = map_data(&d, "dti", "2024").unwrap();
        let r = ranking(&m, Some("79"));
        assert_eq!(r.bars.len(), 33);
        assert_eq!((r.bars[0].code.as_str(), r.bars[0].rank), ("01", 1));
        assert_eq!((r.bars[1].code.as_str(), r.bars[1].rank), ("79", 1));
        assert_eq!(r.bars[2].rank, 3, "the rank after a tie skips");
        assert!(r.bars[1].selected && !r.bars[0].selected);
        assert_eq!(r.not_published.len(), 1);
        assert_eq!(r.not_published[0].vi, "Cao Bằng");
        let expected = r.bars.iter().map(|b| b.value).sum::<f64>() / 33.0;
        assert!((r.average.unwrap() - expected).abs() < 1e-12);
        assert!(r.bars.windows(2).all(|w| w[0].value >= w[1].value));
    }

    /// Guards long rankings (3,321 communes): the best and the worst drawn,
    /// the selected unit kept in its place, gaps counting what is left out.
    #[test]
    fn long_rankings_are_condensed_around_the_ends_and_the_selection() {
        let bar = |i: usize, selected: bool| RankBar {
            code: format!("{i:05}"),
            name: Text {
                vi: i.to_string(),
                en: i.to_string(),
            },
            value: 1.0 - i as f64 / 4000.0,
            rank: i + 1,
            selected,
        };
        let d = demo();
        let m = map_data(&d, "dti", "2024").unwrap();
        let mut r = ranking(&m, None);
        assert_eq!(r.condensed(40).len(), 34, "34 fit");
        r.bars = (0..3321).map(|i| bar(i, false)).collect();
        let rows = r.condensed(30);
        let bars = rows.iter().filter(|x| matches!(x, RankRow::Bar(_))).count();
        assert_eq!(bars, 30);
        assert_eq!(rows[15], RankRow::Gap(3291));
        assert_eq!(rows[0], RankRow::Bar(0));
        assert_eq!(rows.last(), Some(&RankRow::Bar(3320)));
        r.bars[1000].selected = true;
        let rows = r.condensed(30);
        assert!(rows.contains(&RankRow::Bar(1000)));
        let gaps: usize = rows
            .iter()
            .map(|x| if let RankRow::Gap(k) = x { *k } else { 0 })
            .sum();
        assert_eq!(gaps + 30, 3321, "every bar drawn or counted in a gap");
        r.bars[1000].selected = false;
        r.bars[3319].selected = true;
        assert_eq!(
            r.condensed(30).len(),
            31,
            "a selection at the end adds nothing"
        );
    }

    /// Guards the trend's honesty: the 34-unit value and the old provinces'
    /// values are separate lines, and the merger is marked between the
    /// periods of the two unit sets.
    #[test]
    fn trend_keeps_old_and_new_units_apart() {
        let d = demo();
        let t = trend(&d, "dti", "79").unwrap();
        let ids: Vec<&str> = t.periods.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["2022", "2023", "2024-63", "2024"]);
        assert_eq!(t.boundary_change, Some(3));
        let own = &t.lines[0];
        assert!(!own.former);
        assert_eq!(own.values[..3], [None, None, None]);
        assert!(own.values[3].is_some());
        let former: Vec<&str> = t.lines[1..].iter().map(|l| l.code.as_str()).collect();
        assert_eq!(
            former.len(),
            3,
            "Hồ Chí Minh, Bình Dương, Bà Rịa - Vũng Tàu: {former:?}"
        );
        assert!(former.contains(&"74"));
        assert!(t.lines[1..]
            .iter()
            .all(|l| l.former && l.values[3].is_none()));
        assert!(t.lines[1..]
            .iter()
            .all(|l| l.values[..3].iter().all(Option::is_some)));
        assert!(t.average.iter().all(Option::is_some));
        assert!(!t.sources.is_empty());
        assert_eq!(t.set_sizes, [63, 63, 63, 34]);
        assert!(trend(&d, "dti", "99").is_none(), "unknown unit");
        // A former province: its own line over the periods of the 63.
        let bd = trend(&d, "dti", "74").unwrap();
        assert_eq!(bd.lines.len(), 1);
        assert_eq!(bd.lines[0].name.vi, "Bình Dương");
        assert!(bd.lines[0].values[..3].iter().all(Option::is_some));
        assert_eq!(bd.lines[0].values[3], None);
        assert!(trend(&d, "nothing", "79").is_none());
    }

    /// Guards the province page's lookup: a current province with what it
    /// was formed from, a former one with what it is now part of, and an
    /// unknown code.
    #[test]
    fn find_province_knows_both_sides_of_the_merger() {
        let d = demo();
        let hcm = find_province(&d, "79").unwrap();
        assert!(hcm.current);
        assert_eq!(hcm.set, "vn-province-2025");
        let from: Vec<&str> = hcm.formed_from.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(from.len(), 3, "{from:?}");
        assert!(from.contains(&"74") && from.contains(&"77") && from.contains(&"79"));
        assert_eq!(hcm.now_part_of, None);
        let bd = find_province(&d, "74").unwrap();
        assert!(!bd.current);
        assert_eq!(bd.name.vi, "Bình Dương");
        assert_eq!(bd.now_part_of.as_ref().map(|p| p.0.as_str()), Some("79"));
        assert!(bd.formed_from.is_empty());
        assert!(find_province(&d, "99").is_none());
        let (now, before) = province_choices(&d);
        assert_eq!((now.len(), before.len()), (34, 63));
    }

    /// Guards the profile's period: the latest with pillar values.
    #[test]
    fn latest_pillar_profile_is_2024() {
        let d = demo();
        let (p, pillars) = latest_pillar_profile(&d, "dti", "01").unwrap();
        assert_eq!(p.id, "2024");
        assert_eq!(pillars.len(), 8);
        assert!(
            latest_pillar_profile(&d, "dti", "74").is_none(),
            "no pillars for the 63"
        );
    }

    /// Guards the pillar profile: the 8 DTI pillars, each with the average.
    #[test]
    fn pillar_profile_has_the_eight_pillars() {
        let d = demo();
        let p = pillar_profile(&d, "dti", "2024", "01");
        assert_eq!(p.len(), 8);
        assert!(p.iter().all(|x| x.value.is_some() && x.average.is_some()));
        assert!(p.iter().all(|x| x.of == 34));
        assert!(
            pillar_profile(&d, "dti", "2023", "01").is_empty(),
            "no pillars before 2024"
        );
    }

    /// Guards a province's standings: each indicator in its latest period
    /// that has the unit.
    #[test]
    fn standings_use_the_latest_period_with_the_unit() {
        let d = demo();
        let s = standings(&d, "79");
        assert_eq!(s.len(), 9);
        assert!(s.iter().all(|x| x.period.id == "2024"));
        let old = standings(&d, "74");
        assert_eq!(
            old.len(),
            1,
            "Bình Dương: only the overall DTI, 63-unit periods"
        );
        assert_eq!(old[0].period.id, "2024-63");
    }

    /// Guards the task tracker: one series per ledger (the Government's
    /// Action Programme first, then the Central Steering Committee's own
    /// base), each oldest first, never joined; and the remainder of the
    /// tasks assigned that no published part covers.
    #[test]
    fn task_tracker_keeps_each_ledger_a_series_of_its_own() {
        let d = demo();
        let t = task_tracker(&d);
        let row = |m: &MeetingTasks| (m.assigned, m.completed, m.in_progress, m.overdue, m.other);
        assert_eq!(
            t.iter().map(row).collect::<Vec<_>>(),
            [
                (Some(679), Some(270), Some(382), Some(27), None),
                (Some(1287), Some(601), Some(404), Some(104), Some(178)),
                (Some(1298), Some(1227), None, None, Some(71)),
            ]
        );
        let groups = ledger_groups(&t);
        let ids: Vec<_> = groups
            .iter()
            .map(|(l, rows)| (l.map(|l| l.id.as_str()), rows.len()))
            .collect();
        assert_eq!(ids, [(Some("gov-ap57-2025"), 1), (Some("central-nq57"), 2)]);
        assert!(groups[1]
            .0
            .unwrap()
            .heading(crate::Lang::En)
            .starts_with("Central Steering Committee: Tasks assigned"));
        assert!(agency_tasks(&d).is_empty());
        // No part published: no remainder either (a bar of "other" alone
        // would say nothing).
        let mut d2 = d.clone();
        d2.task_counts[0].completed = None;
        d2.task_counts[0].in_progress = None;
        d2.task_counts[0].overdue = None;
        assert_eq!(task_tracker(&d2)[0].other, None);
        // Counts without a ledger come last, as a series of their own.
        d2.task_counts[0].ledger = None;
        let t2 = task_tracker(&d2);
        assert_eq!(t2.last().unwrap().assigned, Some(679));
        assert_eq!(
            ledger_groups(&t2)[1].0,
            None,
            "the Central series, then the unnamed one"
        );
    }

    /// Guards the target bars: the latest figure of each measure, shares
    /// of the total, latest meeting first.
    #[test]
    fn targets_show_the_latest_of_each_measure() {
        let d = demo();
        let t = targets(&d);
        let ids: Vec<&str> = t.iter().map(|b| b.figure.id.as_str()).collect();
        assert!(ids.contains(&"2025-4-essential-public-services-provided-project-06"));
        assert!(
            !ids.contains(&"2025-2-essential-online-public-services-deployed-project-06"),
            "superseded by the 4th meeting's"
        );
        let ioc = t
            .iter()
            .find(|b| b.figure.id.contains("smart-city"))
            .unwrap();
        assert!((ioc.share - 30.0 / 34.0).abs() < 1e-12);
        assert!(t.iter().all(|b| (0.0..=1.0).contains(&b.share)));
        let dates: Vec<String> = t
            .iter()
            .map(|b| b.meeting.as_ref().unwrap().date.clone())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    }

    /// Guards "what changed": the latest meeting's figures, each with the
    /// previous value of its measure, and measures reported at several
    /// meetings with each value.
    #[test]
    fn meeting_changes_pair_the_same_measure() {
        let d = demo();
        let c = meeting_changes(&d).unwrap();
        assert_eq!(c.latest.id, "2026-1");
        assert_eq!(
            c.previous.as_ref().map(|m| m.id.as_str()),
            Some("2025-c-review")
        );
        assert_eq!(
            c.figures.len(),
            d.national_figures
                .iter()
                .filter(|f| f.meeting == "2026-1")
                .count()
        );
        // 5G coverage: 59 % at the 2025 review, 61.2 % at the 1st meeting
        // of 2026, both the Government committee's.
        let five_g = c
            .figures
            .iter()
            .find(|f| f.latest.measure.as_deref() == Some("5g-population-coverage"))
            .unwrap();
        assert_eq!(five_g.latest.value, 61.2);
        let (before, at) = five_g.previous.as_ref().unwrap();
        assert_eq!((before.value, at.id.as_str()), (59.0, "2025-review"));
        assert!(
            five_g.latest.note.is_some(),
            "the source's caveat comes along"
        );
        let services = c
            .tracked
            .iter()
            .find(|h| h[0].0.measure.as_deref() == Some("project06-essential-public-services"))
            .unwrap();
        let values: Vec<(f64, Option<f64>)> = services
            .iter()
            .map(|(f, _)| (f.value, f.of_total))
            .collect();
        assert_eq!(values, [(58.0, Some(76.0)), (58.0, Some(75.0))]);
        // Every tracked measure is one body's.
        for h in &c.tracked {
            let bodies: std::collections::BTreeSet<_> =
                h.iter().map(|(_, m)| m.body.clone()).collect();
            assert_eq!(bodies.len(), 1, "{:?}", h[0].0.measure);
        }
    }

    /// Guards figures written as published: decimals kept, none added,
    /// thousands separated, "%" without a space.
    #[test]
    fn figure_text_writes_figures_as_published() {
        let d = demo();
        let f = |id: &str| {
            d.national_figures
                .iter()
                .find(|f| f.id.contains(id))
                .unwrap()
        };
        let ioc = f("smart-city");
        assert_eq!(figure_text(ioc, crate::Lang::En), "30 / 34 provinces");
        let online = f("2025-3-public-services-online");
        assert_eq!(figure_text(online, crate::Lang::Vi), "39,51 / 80%");
        let share = f("2025-2-online-public-services-as-share");
        assert_eq!(figure_text(share, crate::Lang::En), "50.4%");
        let certs = f("digital-signature-certificates");
        assert_eq!(
            figure_text(certs, crate::Lang::Vi),
            "17.000.000 chứng thư số"
        );
    }

    /// Guards tooltips on phones: placed on the roomier side and never
    /// wider than the room left to the edge (half the box, less the gap
    /// and the edge), and moved by the transform alone: the same width
    /// limit wherever the pointer is.
    #[test]
    fn tooltips_stay_inside_their_box() {
        assert_eq!(
            tooltip_css(180.0, 93.0, 375.0),
            "transform:translate(192px,93px);max-width:min(16rem,172px)"
        );
        // On the right half, its right edge 12 px before the point.
        assert_eq!(
            tooltip_css(300.0, 10.0, 375.0),
            "transform:translate(calc(288px - 100%),10px);max-width:min(16rem,172px)"
        );
        assert!(
            tooltip_css(370.0, 0.0, 375.0).starts_with("transform:translate(calc(358px - 100%)")
        );
        // Wherever the pointer is, a tooltip as wide as its limit, placed
        // where the style says, stays 4 px inside the box; the limit is
        // the same.
        for x in [0.0, 50.0, 187.0, 188.0, 300.0, 375.0] {
            let css = tooltip_css(x, 0.0, 375.0);
            let px = |s: &str| s.trim_end_matches("px").parse::<f64>().expect("px");
            let (at, limit) = css
                .strip_prefix("transform:translate(")
                .and_then(|r| r.split_once(",0px);max-width:min(16rem,"))
                .unwrap_or_else(|| panic!("{css}"));
            let limit = px(limit.trim_end_matches(')'));
            let (left, right) = match at.strip_prefix("calc(") {
                Some(r) => {
                    let edge = px(r.trim_end_matches(" - 100%)"));
                    (edge - limit, edge)
                }
                None => (px(at), px(at) + limit),
            };
            assert!(
                left >= 4.0 && right <= 371.0,
                "{x}: {left}..{right} ({css})"
            );
            assert_eq!(limit, 172.0, "{css}");
        }
    }

    /// Guards tidy axes: the same decimals on every tick, as few as needed.
    #[test]
    fn tick_labels_use_the_fewest_decimals() {
        let d = demo();
        let dti = d.indicators.iter().find(|i| i.id == "dti").unwrap();
        let t = ticks(0.0, 1.0, 4);
        assert_eq!(
            tick_labels(dti, &t, crate::Lang::Vi),
            ["0,00", "0,25", "0,50", "0,75", "1,00"]
        );
        assert_eq!(
            tick_labels(dti, &[0.6, 0.8], crate::Lang::En),
            ["0.6", "0.8"]
        );
        let mut pct = dti.clone();
        pct.format.percent = true;
        pct.format.decimals = 1;
        assert_eq!(
            tick_labels(&pct, &[0.0, 0.5], crate::Lang::En),
            ["0%", "50%"]
        );
    }

    /// Guards the ticks' power of ten, a few multiplications instead of
    /// libm's `pow`: the same double at every magnitude an axis meets.
    #[test]
    fn the_ticks_power_of_ten_is_pow_s() {
        for e in -22..=22 {
            assert_eq!(10f64.powi(e), 10f64.powf(f64::from(e)), "10^{e}");
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 1.0, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(0.0, 679.0, 4), [0.0, 200.0, 400.0, 600.0]);
        assert_eq!(ticks(0.5, 0.83, 4), [0.5, 0.6, 0.7, 0.8]);
        assert_eq!(ticks(3.0, 3.0, 4), [3.0]);
        assert!(ticks(1.0, 0.0, 4).is_empty());
        assert!(ticks(f64::NAN, 1.0, 4).is_empty());
    }
}
