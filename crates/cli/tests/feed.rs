//! The Atom feeds `tien-do-data embeds` writes (`feed.xml`, `feed.en.xml`),
//! read back with a real Atom parser: the demo data through the build's own
//! code path, task counts of several ledgers, and a hostile dataset.

mod common;

use atom_syndication::{Entry, Feed};
use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use tien_do_core::charts::figure_text;
use tien_do_core::data::{Body, Ledger, TaskCounts, Text};
use tien_do_core::notes::html_escape;
use tien_do_core::{parse_progress, Lang, Msg, ProgressData};
use tien_do_data::feed::{atom_feed, entry_title, feed_file, xml_chars};

const SITE: &str = "https://example.gov.vn/tien-do/";

use common::root;

fn demo() -> ProgressData {
    parse_progress(&fs::read_to_string(root().join("public/data/progress.json")).unwrap()).unwrap()
}

/// A built site's folder as `embeds` expects it: the Trunk template as
/// index.html, the demo data and the shipped boundaries.
fn dist(name: &str) -> PathBuf {
    common::built_site(&format!("feed-{name}"))
}

/// Parses a feed, after checking what the lenient parser lets pass: no
/// character XML 1.0 forbids, and every `&` starts a predefined entity or
/// a character reference (so nothing was left unescaped).
fn parse(xml: &str) -> Feed {
    assert_eq!(xml_chars(xml), xml, "a character XML 1.0 forbids");
    for (i, _) in xml.match_indices('&') {
        let rest = &xml[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "a bare & at {}",
            &rest[..rest.len().min(20)]
        );
    }
    let feed: Feed = xml.parse().expect("a valid Atom document");
    assert!(!feed.id.is_empty() && !feed.authors.is_empty(), "required");
    for e in &feed.entries {
        assert!(!e.id.is_empty() && !e.title.value.is_empty(), "required");
    }
    feed
}

fn link<'a>(links: &'a [atom_syndication::Link], rel: &str) -> &'a str {
    &links.iter().find(|l| l.rel == rel).expect(rel).href
}

fn content(e: &Entry) -> &str {
    let c = e.content.as_ref().expect("content");
    assert_eq!(c.content_type.as_deref(), Some("html"));
    c.value.as_deref().unwrap_or_default()
}

/// The meetings that should have entries, newest first: those with
/// national figures or task counts.
fn meetings_reported(data: &ProgressData) -> Vec<&tien_do_core::data::Meeting> {
    let mut ms: Vec<_> = (data.meetings.iter())
        .filter(|m| {
            data.national_figures.iter().any(|f| f.meeting == m.id)
                || data.task_counts.iter().any(|t| t.meeting == m.id)
        })
        .collect();
    ms.sort_by(|a, b| b.date.cmp(&a.date));
    ms
}

/// Checks a feed of `data` in `lang` against the data itself (its texts
/// without the characters XML forbids).
fn check_feed(feed: &Feed, data: &ProgressData, lang: Lang) {
    let h = |text: &str| html_escape(&xml_chars(text));
    let self_url = format!("{SITE}{}", feed_file(lang));
    assert_eq!(feed.id, self_url);
    assert_eq!(link(&feed.links, "self"), self_url);
    assert!(link(&feed.links, "alternate").starts_with(SITE));
    assert_eq!(feed.title.value, xml_chars(data.title.get(lang)));
    assert_eq!(feed.lang.as_deref(), Some(lang.code()));
    let expected = meetings_reported(data);
    assert_eq!(feed.entries.len(), expected.len(), "one entry per meeting");
    assert_eq!(
        feed.updated.to_rfc3339(),
        format!("{}T00:00:00+07:00", expected[0].date),
        "the newest entry's date"
    );
    let mut ids = HashSet::new();
    for (e, m) in feed.entries.iter().zip(&expected) {
        assert!(e.id.starts_with("https://"), "absolute: {}", e.id);
        assert!(ids.insert(e.id.clone()), "unique: {}", e.id);
        assert_eq!(
            e.title.value,
            xml_chars(&entry_title(m, lang)),
            "newest first"
        );
        assert_eq!(e.updated.to_rfc3339(), format!("{}T00:00:00+07:00", m.date));
        assert!(link(&e.links, "alternate").starts_with(SITE));
        let html = content(e);
        for f in data.national_figures.iter().filter(|f| f.meeting == m.id) {
            for text in [f.label.get(lang), &figure_text(f, lang)] {
                assert!(html.contains(&h(text)), "{text} in {html}");
            }
            let source = data.source(&f.source).unwrap();
            assert!(html.contains(&h(source.publisher.get(lang))));
            assert!(html.contains(&h(source.title.get(lang))));
            if let Some(url) = source.link() {
                assert!(html.contains(&format!("<a href=\"{}\">", h(url))));
            }
            if let Some(note) = &f.note {
                assert!(html.contains(&h(note.get(lang))));
            }
        }
        for t in data.task_counts.iter().filter(|t| t.meeting == m.id) {
            assert!(html.contains(&h(t.scope.get(lang))));
            if let Some(l) = t.ledger.as_deref().and_then(|id| data.ledger(id)) {
                assert!(html.contains(&h(l.programme.get(lang))));
            }
        }
        if let Some(body) = m.body.as_deref().and_then(|id| data.body(id)) {
            assert!(html.contains(&h(body.name.get(lang))));
            let label = e.categories[0].label.as_deref();
            assert_eq!(label, Some(&*xml_chars(body.name.get(lang))));
        }
    }
}

/// Guards the feeds as the build writes them: from the demo data, through
/// `write_embeds`, both languages parse and follow the data's meetings;
/// the embed pages keep the template's feed links and their policy.
#[test]
fn demo_feeds_follow_the_meetings() {
    let dist = dist("demo");
    let log = tien_do_data::embeds::write_embeds(&dist, SITE.trim_end_matches('/'), "").unwrap();
    assert!(log.lines().any(|l| l == "feed.xml") && log.lines().any(|l| l == "feed.en.xml"));
    let data = demo();
    for lang in Lang::ALL {
        let xml = fs::read_to_string(dist.join(feed_file(lang))).unwrap();
        check_feed(&parse(&xml), &data, lang);
    }
    let template = fs::read_to_string(root().join("index.html")).unwrap();
    let feed_links = [
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" hreflang=\"vi\"",
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.en.xml\" hreflang=\"en\"",
    ];
    // The links change nothing in the policy, which hashes inline scripts.
    let without: String = (template.lines())
        .filter(|l| !l.contains("application/atom+xml"))
        .collect::<Vec<_>>()
        .join("\n");
    let policy = |page: &str| tien_do_data::embeds::content_security_policy(page, "");
    assert_eq!(policy(&template), policy(&without));
    // The page as written: the template and the loader of the app's builds.
    let index = fs::read_to_string(dist.join("index.html")).unwrap();
    for figure in tien_do_core::figure::Figure::ALL {
        let page = fs::read_to_string(dist.join(figure.embed_file())).unwrap();
        for l in feed_links {
            assert!(page.contains(l), "{}: {l}", figure.slug());
        }
        let head = &page[..page.find("</head>").unwrap()];
        assert!(head.contains(&format!("content=\"{}\"", policy(&index))));
    }
    let _ = fs::remove_dir_all(&dist);
}

/// Guards "not published is not zero" and "one ledger, one block": a
/// missing count says so; two ledgers' counts at one meeting are two
/// blocks, each under its programme, never added up.
#[test]
fn task_counts_keep_their_ledgers_and_gaps() {
    let mut data = demo();
    let meeting = data.meetings.last().unwrap().clone();
    let text = |vi: &str, en: &str| Text {
        vi: vi.into(),
        en: en.into(),
    };
    data.bodies = vec![Body {
        id: "bcd-tw".into(),
        name: text("Ban Chỉ đạo Trung ương", "Central Steering Committee"),
        short_name: None,
    }];
    data.ledgers = ["a", "b"]
        .map(|id| Ledger {
            id: id.into(),
            body: "bcd-tw".into(),
            programme: text(&format!("Chương trình {id}"), &format!("Programme {id}")),
        })
        .to_vec();
    data.meetings.last_mut().unwrap().body = Some("bcd-tw".into());
    let counts = |ledger: &str, assigned, completed| TaskCounts {
        meeting: meeting.id.clone(),
        as_of: meeting.date.clone(),
        scope: text("Phạm vi thử", "Test scope"),
        assigned: Some(assigned),
        completed,
        in_progress: None,
        overdue: None,
        agency: None,
        source: data.sources[0].id.clone(),
        ledger: Some(ledger.into()),
    };
    data.task_counts = vec![counts("a", 1111, Some(7)), counts("b", 2222, None)];
    for lang in Lang::ALL {
        let feed = parse(&atom_feed(&data, SITE, lang));
        check_feed(&feed, &data, lang);
        let entry = (feed.entries.iter())
            .find(|e| e.title.value == entry_title(&meeting, lang))
            .unwrap();
        let html = content(entry);
        let (a, b) = (
            html.find(&format!("<h3>{}</h3>", data.ledgers[0].programme.get(lang))),
            html.find(&format!("<h3>{}</h3>", data.ledgers[1].programme.get(lang))),
        );
        let (a, b) = (a.expect("ledger a"), b.expect("ledger b"));
        let (block_a, block_b) = (&html[a..b], &html[b..]);
        let n = |n| tien_do_core::format::format_int(n, lang);
        assert!(block_a.contains(&n(1111)) && !block_a.contains(&n(2222)));
        assert!(block_b.contains(&n(2222)) && !block_b.contains(&n(1111)));
        assert!(!html.contains(&n(3333)), "never added up");
        let completed = Msg::TasksCompleted.text(lang);
        let missing = Msg::NotPublished.text(lang);
        assert!(block_a.contains(&format!("{completed}: 7<")));
        assert!(
            block_b.contains(&format!("{completed}: {missing}<")),
            "{block_b}"
        );
        assert!(!block_b.contains(&format!("{completed}: 0")));
        assert_eq!(
            missing.to_lowercase(),
            if lang == Lang::Vi {
                "chưa công bố"
            } else {
                "not published"
            }
        );
        assert_eq!(entry.categories[0].term, "bcd-tw");
    }
}

/// Guards against markup and script from the data: titles, labels and
/// names with closing tags, entities, CDATA ends, quotes and a control
/// character, a `javascript:` source and an odd meeting id give a feed
/// that parses, whose texts are the data's own (escaped once, not twice),
/// and whose HTML has no script and no link but http(s).
#[test]
fn hostile_data_gives_a_safe_feed() {
    let evil = "A</title><script>alert(1)</script> &amp; ]]> \"q\" 'a' \u{1}Z";
    let t = serde_json::json!({"vi": evil, "en": evil});
    let json = serde_json::json!({
        "schema_version": 1,
        "title": t, "as_of": "2025-11-15",
        "sources": [{"id": "s", "publisher": t, "title": t,
                     "url": "javascript:alert(1)", "published": "2025-11-15"}],
        "bodies": [{"id": "b\"<>", "name": t}],
        "ledgers": [{"id": "l", "body": "b\"<>", "programme": t}],
        "meetings": [
            {"id": "m 1\"<&>#", "date": "2025-11-15", "name": t, "body": "b\"<>"},
            {"id": "m2", "date": "2025-10-01", "name": t}
        ],
        "national_figures": [{"id": "f", "meeting": "m 1\"<&>#", "as_of": "2025-11-14",
            "label": t, "value": 1.5, "unit": t, "scope": t, "note": t, "source": "s"}],
        "task_counts": [{"meeting": "m2", "as_of": "2025-10-01", "scope": t,
            "assigned": 3, "source": "s", "ledger": "l"}]
    });
    let data = parse_progress(&json.to_string()).unwrap();
    let clean = xml_chars(evil).into_owned();
    for lang in Lang::ALL {
        let xml = atom_feed(&data, SITE, lang);
        assert!(!xml.contains("<script") && !xml.contains("]]>"), "{xml}");
        let feed = parse(&xml);
        check_feed(&feed, &data, lang);
        assert_eq!(feed.title.value, clean, "the data's text, exactly");
        for (e, m) in feed.entries.iter().zip(&data.meetings) {
            let title = entry_title(m, lang);
            assert_eq!(e.title.value, xml_chars(&title), "{lang:?}");
            assert!(e
                .title
                .value
                .starts_with("A</title><script>alert(1)</script> &amp; ]]>"));
            let html = content(e);
            let lower = html.to_lowercase();
            assert!(!lower.contains("<script"), "{html}");
            assert!(!lower.contains("javascript:"), "{html}");
            let hrefs = lower.match_indices("href=\"");
            assert!(hrefs
                .map(|(i, _)| &lower[i + 6..])
                .all(|l| l.starts_with("http")));
            assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; ]]&gt; &quot;q&quot; &#39;a&#39; Z"), "{html}");
        }
        assert_eq!(feed.entries[0].categories[0].term, "b\"<>");
        assert!(feed.entries[0]
            .id
            .ends_with("#meeting-m%201%22%3C%26%3E%23"));
    }
}

/// Guards the default address: without `--site-url` the feeds are still
/// written, pointing at the local server, and the command warns.
#[test]
fn default_site_address_warns() {
    let dist = dist("default");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tien-do-data"))
        .args(["embeds", dist.to_str().unwrap()])
        .env_remove("TIEN_DO_SITE_URL")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("feeds"),
        "{stderr}"
    );
    let feed = parse(&fs::read_to_string(dist.join("feed.xml")).unwrap());
    assert_eq!(link(&feed.links, "self"), "http://127.0.0.1:8080/feed.xml");
    let _ = fs::remove_dir_all(&dist);
}
