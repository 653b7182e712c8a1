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

    let counts = data
        .latest_task_counts()
        .expect("demo data has task counts");
    // 4th meeting of the Steering Committee, counts as of 23/09/2025.
    assert_eq!(counts.as_of, "2025-09-23");
    assert_eq!(counts.assigned, Some(679));
    assert_eq!(counts.completed, Some(270));
    assert_eq!(counts.in_progress, Some(382));
    assert_eq!(counts.overdue, Some(27));
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
