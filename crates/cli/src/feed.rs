//! `feed.xml` and `feed.en.xml`: what changed, as Atom 1.0 feeds
//! (RFC 4287), so that readers can follow new releases in a feed reader.
//!
//! One entry per meeting that has national figures or task counts, newest
//! first; its content lists each figure (value as the app writes it, scope,
//! note, source) and each block of task counts (one ledger at a time, never
//! added up), in HTML.
//!
//! Escaping: every text from the data goes through [`esc`], which drops the
//! characters XML 1.0 forbids and escapes `&<>"'`. The HTML content is built
//! the same way, then the whole HTML is escaped once more as the text of
//! `<content type="html">`, so a reader unescapes it once to get the HTML
//! and the data's own `<`, `&`… are still text in it.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use tien_do_core::charts::figure_text;
use tien_do_core::data::{Meeting, NationalFigure, TaskCounts};
use tien_do_core::format::{format_date, format_int, parse_iso_date};
use tien_do_core::notes::html_escape;
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// The feed's file name beside `index.html`: `feed.xml` in Vietnamese,
/// `feed.en.xml` in English (as the pages' footers link it).
pub fn feed_file(lang: Lang) -> &'static str {
    lang.feed_file()
}

/// Both feeds, as (file name, Atom document). `site` is the site's public
/// address, ending in `/`.
pub fn feeds(data: &ProgressData, site: &str) -> Vec<(&'static str, String)> {
    Lang::ALL
        .iter()
        .map(|&lang| (feed_file(lang), atom_feed(data, site, lang)))
        .collect()
}

/// A meeting with what was reported at it.
struct Entry<'a> {
    meeting: &'a Meeting,
    figures: Vec<&'a NationalFigure>,
    counts: Vec<&'a TaskCounts>,
}

/// The meetings that have national figures or task counts, newest first
/// (by their date; the data's order among meetings of one day). A meeting
/// whose date is not `YYYY-MM-DD` cannot be dated in the feed and is left
/// out (the validator reports it), as is a second meeting of the same id.
fn entries(data: &ProgressData) -> Vec<Entry<'_>> {
    let mut seen = HashSet::new();
    let mut out: Vec<Entry> = data
        .meetings
        .iter()
        .filter(|m| parse_iso_date(&m.date).is_some() && seen.insert(m.id.as_str()))
        .map(|meeting| Entry {
            meeting,
            figures: (data.national_figures.iter())
                .filter(|f| f.meeting == meeting.id)
                .collect(),
            counts: (data.task_counts.iter())
                .filter(|t| t.meeting == meeting.id)
                .collect(),
        })
        .filter(|e| !e.figures.is_empty() || !e.counts.is_empty())
        .collect();
    out.sort_by(|a, b| b.meeting.date.cmp(&a.meeting.date));
    out
}

/// The Atom feed of `data` in `lang`. `site` ends in `/`.
pub fn atom_feed(data: &ProgressData, site: &str, lang: Lang) -> String {
    let self_url = format!("{site}{}", feed_file(lang));
    let page = |page: Page| {
        let state = UrlState {
            page,
            lang: Some(lang),
            ..UrlState::default()
        };
        format!("{site}{}", state.to_query())
    };
    let entries = entries(data);
    let updated = entries
        .first()
        .map(|e| e.meeting.date.as_str())
        .or(parse_iso_date(&data.as_of).map(|_| data.as_of.as_str()))
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), timestamp);
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{id}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author><name>{author}</name><uri>{site_x}</uri></author>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{id}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n",
        lang = lang.code(),
        id = esc(&self_url),
        title = esc(data.title.get(lang)),
        author = esc(Msg::AppTitle.text(lang)),
        site_x = esc(site),
        home = esc(&page(Page::Overview)),
    );
    for e in &entries {
        let m = e.meeting;
        let body = m.body.as_deref().and_then(|id| data.body(id));
        // Figures are on the overview; a meeting with only task counts
        // links to the task tracker.
        let (main, related) = match (e.figures.is_empty(), e.counts.is_empty()) {
            (false, false) => (Page::Overview, Some(Page::Tasks)),
            (false, true) => (Page::Overview, None),
            _ => (Page::Tasks, None),
        };
        let _ = write!(
            x,
            "  <entry>\n    <id>{id}#meeting-{frag}</id>\n    <title>{title}</title>\n    \
             <updated>{updated}</updated>\n    \
             <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n",
            id = esc(&self_url),
            frag = esc(&fragment(&m.id)),
            title = esc(&entry_title(m, lang)),
            updated = timestamp(&m.date),
            link = esc(&page(main)),
        );
        if let Some(p) = related {
            let _ = writeln!(
                x,
                "    <link rel=\"related\" type=\"text/html\" href=\"{}\"/>",
                esc(&page(p))
            );
        }
        if let Some(b) = body {
            let _ = writeln!(
                x,
                "    <category term=\"{}\" label=\"{}\"/>",
                esc(&b.id),
                esc(b.name.get(lang))
            );
        }
        let _ = write!(
            x,
            "    <content type=\"html\">{}</content>\n  </entry>\n",
            esc(&content(data, e, lang))
        );
    }
    x.push_str("</feed>\n");
    x
}

/// An entry's title: the meeting's name and date, as "name · date" (the
/// English name, written to go mid-sentence, gets a capital).
pub fn entry_title(m: &Meeting, lang: Lang) -> String {
    let name = m.name.get(lang).trim();
    let mut chars = name.chars();
    let name = match (lang, chars.next()) {
        (Lang::En, Some(first)) => first.to_uppercase().chain(chars).collect(),
        _ => name.to_string(),
    };
    format!("{name} · {}", format_date(&m.date, lang))
}

/// The entry's content, as HTML: the committee, the figures, the task
/// counts, each with its source.
fn content(data: &ProgressData, e: &Entry, lang: Lang) -> String {
    let mut h = String::new();
    if let Some(b) = e.meeting.body.as_deref().and_then(|id| data.body(id)) {
        let _ = writeln!(
            h,
            "<p>{}: {}</p>",
            Msg::Body.text(lang),
            esc(b.name.get(lang))
        );
    }
    if !e.figures.is_empty() {
        let _ = write!(h, "<h3>{}</h3>\n<ul>\n", Msg::NationalFigures.text(lang));
        for f in &e.figures {
            let _ = write!(
                h,
                "<li><strong>{}</strong>: {}",
                esc(f.label.get(lang)),
                esc(&figure_text(f, lang))
            );
            if f.as_of != e.meeting.date {
                let _ = write!(
                    h,
                    " ({} {})",
                    Msg::AsOf.text(lang),
                    esc(&format_date(&f.as_of, lang))
                );
            }
            if let Some(scope) = &f.scope {
                let _ = write!(h, "<br>{}: {}", Msg::Scope.text(lang), esc(scope.get(lang)));
            }
            if let Some(note) = &f.note {
                let _ = write!(h, "<br>{}: {}", Msg::Note.text(lang), esc(note.get(lang)));
            }
            let _ = writeln!(h, "<br>{}</li>", source(data, &f.source, lang));
        }
        h.push_str("</ul>\n");
    }
    for t in &e.counts {
        let ledger = t.ledger.as_deref().and_then(|id| data.ledger(id));
        let heading = ledger.map_or(Msg::NavTasks.text(lang), |l| l.programme.get(lang));
        let _ = write!(h, "<h3>{}", esc(heading));
        if let Some(agency) = &t.agency {
            let _ = write!(h, " · {}", esc(agency.name.get(lang)));
        }
        let _ = write!(
            h,
            "</h3>\n<p>{}: {} ({} {})</p>\n<ul>\n",
            Msg::Scope.text(lang),
            esc(t.scope.get(lang)),
            Msg::AsOf.text(lang),
            esc(&format_date(&t.as_of, lang))
        );
        for (msg, n) in [
            (Msg::TasksAssigned, t.assigned),
            (Msg::TasksCompleted, t.completed),
            (Msg::TasksInProgress, t.in_progress),
            (Msg::TasksOverdue, t.overdue),
        ] {
            let n = n.map_or_else(
                || Msg::NotPublished.text(lang).to_string(),
                |n| format_int(n, lang),
            );
            let _ = writeln!(h, "<li>{}: {n}</li>", msg.text(lang));
        }
        let _ = write!(h, "</ul>\n<p>{}</p>\n", source(data, &t.source, lang));
    }
    h
}

/// "Source: publisher, title (linked when http(s)), published date", as
/// HTML; the bare id when the source is not listed.
fn source(data: &ProgressData, id: &str, lang: Lang) -> String {
    let label = Msg::Source.text(lang);
    let Some(s) = data.source(id) else {
        return format!("{label}: {}", esc(id));
    };
    let title = esc(s.title.get(lang));
    let title = match s.link() {
        Some(url) => format!("<a href=\"{}\">{title}</a>", esc(url)),
        None => title,
    };
    let mut out = format!("{label}: {}, {title}", esc(s.publisher.get(lang)));
    if let Some(date) = &s.published {
        let _ = write!(out, ", {}", esc(&format_date(date, lang)));
    }
    out
}

/// A `YYYY-MM-DD` day as an RFC 3339 time: its start, in Vietnam's time.
fn timestamp(day: &str) -> String {
    format!("{day}T00:00:00+07:00")
}

/// A meeting id for a URL fragment: unreserved characters as they are,
/// every other byte percent-encoded, so any id gives a valid IRI.
fn fragment(id: &str) -> String {
    id.bytes().fold(String::new(), |mut out, b| {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
        out
    })
}

/// Text made safe for XML 1.0 and HTML, as element text or a quoted
/// attribute value: the characters XML 1.0 forbids (C0 controls but tab,
/// line feed and carriage return; U+FFFE, U+FFFF) dropped, and `&<>"'`
/// escaped.
pub fn esc(text: &str) -> String {
    html_escape(&xml_chars(text))
}

/// `text` without the characters XML 1.0 forbids.
pub fn xml_chars(text: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if text.contains(bad) {
        Cow::Owned(text.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}
