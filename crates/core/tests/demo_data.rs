//! Guards the demo dataset shipped with the site: it must parse with the
//! app's own parser and hold the figures of the source it cites.

use tien_do_core::parse_progress;
use tien_do_core::validate::validate;

#[test]
fn shipped_demo_data_parses_and_cites_its_sources() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/progress.json"
    );
    let text = std::fs::read_to_string(path).expect("public/data/progress.json is readable");
    let data = parse_progress(&text).expect("demo data parses");
    let problems = validate(&data);
    assert!(
        problems.is_empty(),
        "the demo data must validate cleanly: {problems:#?}"
    );

    // The latest counts of each ledger, never one ledger's for another's:
    // the Government's Action Programme at its 4th meeting (23/09/2025),
    // the Central Steering Committee's 2025 review (25/12/2025).
    let latest: Vec<_> = data
        .latest_counts_by_ledger()
        .iter()
        .map(|c| {
            (
                c.ledger.as_deref().unwrap_or_default(),
                c.as_of.as_str(),
                c.assigned,
                c.completed,
            )
        })
        .collect();
    assert_eq!(
        latest,
        [
            ("gov-ap57-2025", "2025-09-23", Some(679), Some(270)),
            ("central-nq57", "2025-12-25", Some(1298), Some(1227)),
        ]
    );
    // The data's date is its newest figure's: the 1st meeting of 2026.
    assert_eq!(data.as_of, "2026-02-25");
    assert_eq!(data.newest_figure_date(), "2026-02-25");
    assert_eq!(
        data.national_figures
            .iter()
            .filter(|f| f.meeting == "2026-1" && f.headline)
            .count(),
        6
    );
    // Every source of a figure links to the document it was read from.
    for f in &data.national_figures {
        let s = data.source(&f.source).expect("listed source");
        assert!(
            s.link().is_some() || s.id == "tb-408-2025",
            "{} has no link",
            s.id
        );
    }
    for c in &data.task_counts {
        let source = data
            .source(&c.source)
            .expect("every task count names a listed source");
        assert!(source
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://")));
        assert!(
            data.meeting(&c.meeting).is_some(),
            "meeting {} is listed",
            c.meeting
        );
    }
}
