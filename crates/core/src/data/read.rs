//! The data types read by the crate's own JSON reader ([`crate::json`]),
//! with the same meaning as their serde derives (which stay, for the
//! publishers' tool and the tests): the same fields required or defaulted,
//! in the order they are declared, and the same enum names.

use super::*;
use crate::json::{json_enum, json_struct, Error, Reader};

/// A string of a [`Text`], without bidirectional controls.
fn text_string(r: &mut Reader<'_>) -> Result<String, Error> {
    r.read_str().map(|s| without_bidi(s.into_owned()))
}

json_struct!(Text {
    vi: req(text_string),
    en: req(text_string),
});

json_struct!(Source {
    id: req,
    publisher: req,
    title: req,
    url: def,
    published: def,
});

json_struct!(Body {
    id: req,
    name: req,
    short_name: def,
});

json_struct!(Ledger {
    id: req,
    body: req,
    programme: req,
});

json_struct!(Meeting {
    id: req,
    date: req,
    name: req,
    body: def,
});

json_struct!(TaskCounts {
    meeting: req,
    as_of: req,
    scope: req,
    assigned: def,
    completed: def,
    in_progress: def,
    overdue: def,
    agency: def,
    source: req,
    ledger: def,
});

json_struct!(Agency {
    name: req,
    unit: def,
});

json_enum!(TaskStatus {
    Completed = "completed",
    InProgress = "in_progress",
    Overdue = "overdue",
});

json_struct!(Task {
    id: req,
    title: req,
    owner: req,
    deadline: def,
    status: req,
    as_of: req,
    meeting: def,
    source: req,
});

json_enum!(UnitLevel {
    Province = "province",
    Commune = "commune",
});

json_struct!(Unit {
    code: req,
    name: req,
    parent: def,
});

json_struct!(UnitSet {
    id: req,
    name: req,
    level: req,
    valid_from: def,
    valid_to: def,
    units: req,
    source: req,
    boundaries: def,
    builtin: def,
});

json_struct!(UnitMapping {
    from: req,
    to: req,
    pairs: req,
    source: req,
});

json_enum!(Framework {
    Dti = "dti",
    Dvc766 = "dvc766",
    Project06 = "project06",
    CommuneCriteria = "commune_criteria",
    Other = "other",
});

json_struct!(NumberFormat {
    decimals: req,
    percent: def,
});

json_struct!(ValueRange { min: req, max: req });

json_struct!(Indicator {
    id: req,
    name: req,
    description: def,
    unit: req,
    format: req,
    higher_is_better: req,
    range: def,
    target: def,
    framework: req,
    legal_basis: def,
    source: req,
});

json_struct!(Period {
    id: req,
    label: req,
    unit_set: req,
});

json_struct!(Series {
    indicator: req,
    period: req,
    units: req,
    values: req,
    notes: def,
    source: req,
});

json_struct!(NationalFigure {
    id: req,
    meeting: req,
    as_of: req,
    label: req,
    value: req,
    of_total: def,
    unit: req,
    scope: def,
    source: req,
    measure: def,
    note: def,
    headline: def,
});

json_struct!(ProgressData {
    schema_version: req,
    title: req,
    as_of: req,
    sources: req,
    bodies: def,
    ledgers: def,
    meetings: def,
    task_counts: def,
    unit_sets: def,
    unit_mappings: def,
    indicators: def,
    periods: def,
    series: def,
    national_figures: def,
    tasks: def,
});
