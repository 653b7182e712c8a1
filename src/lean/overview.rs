//! The overview, the site's first view, without a framework (its own
//! build, `tien-do-overview`): the tasks done per ledger, the newest
//! meeting's figures and what changed since, the headline indicator's map
//! and its units ranked, and every figure by meeting. The same elements,
//! classes and texts as the site's pages; its links to other pages load
//! the site's build.

use super::dom::{el, El};
use super::map_figure::{MapFigure, Place};
use super::map_ranking::ranked;
use super::parts::{cite, Host};
use super::site_page::{as_of, time, SiteShell};
use crate::browser;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::charts::{figure_text, meeting_changes};
use tien_do_core::choropleth::chosen_view;
use tien_do_core::data::{Meeting, NationalFigure, TaskCounts};
use tien_do_core::figures::tasks::{card_head, count_text, ledger_name, CardHead, LedgerName};
use tien_do_core::format::{format_date, staleness_line};
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// Builds the overview in `<body>` and loads its data.
pub fn start() {
    SiteShell::start(Page::Overview, draw);
}

/// The overview from the loaded data, in the shell's language.
fn draw(shell: &Rc<SiteShell>, data: &Arc<ProgressData>) -> El {
    let l = shell.lang();
    let state = shell.state().clone();
    let newest = data.newest_figure_date();
    let stale = staleness_line(newest, &browser::today(), l);
    let article = el("article")
        .class("page overview")
        .child(el("h1").text(data.title.get(l)))
        .child(as_of(newest, "as-of-line", l))
        .child_opt(stale.map(|s| el("p").class("stale-data").attr("role", "note").text(&s)))
        .child(el("p").class("lede").text(Msg::NationalFigures.text(l)))
        .child_opt((!data.task_counts.is_empty()).then(|| {
            let (cards, apart) = latest_counts_cards(data, l);
            el("section")
                .class("tasks-done")
                .child(el("h2").text(Msg::TasksDone.text(l)))
                .child(cards)
                .child_opt(apart)
        }));
    let article = latest_figures(data, l)
        .into_iter()
        .fold(article, |a, section| a.child(section))
        .child(
            el("p").class("next").child(
                shell
                    .link_to(|s| s.with_page(Page::Tasks), false)
                    .text(Msg::NavTasks.text(l))
                    .text(" →"),
            ),
        );
    // The headline map, and once it is shown (or there is none) its units
    // ranked, then every meeting's figures (collapsed, hundreds of
    // elements), so that they do not hold it back.
    let chosen = chosen_view(data, state.indicator.as_deref(), state.period.as_deref());
    let to_map = move |s: &UrlState| {
        let mut next = s.with_page(Page::Map);
        if let Some((i, p)) = chosen.clone() {
            next.indicator = Some(i);
            next.period = Some(p);
        }
        next
    };
    let heading = el("h2");
    let map_article = el("article")
        .class("map-page headline-map")
        .child(&heading)
        .child(
            el("p").class("next").child(
                shell
                    .link_to(to_map, false)
                    .text(Msg::SeeOnMap.text(l))
                    .text(" →"),
            ),
        );
    let article = article.child(&map_article);
    let figure = MapFigure::new(Rc::clone(shell));
    {
        let figure = Rc::clone(&figure);
        shell.on_back(move |next| figure.went_back(next));
    }
    {
        let figure = Rc::clone(&figure);
        shell.on_teardown(move || figure.dispose());
    }
    let (me, d, page, below) = (
        Rc::clone(shell),
        Arc::clone(data),
        article.0.clone(),
        map_article.0.clone(),
    );
    figure.on_settled(move |map| {
        if let Some(r) = map.and_then(|m| ranked(&me, &d, &m)) {
            let _ = below.append_child(&r.0);
        }
        let _ = page.append_child(&all_figures(&d, me.lang()).0);
    });
    figure.show(
        Arc::clone(data),
        Place {
            article: map_article,
            heading,
        },
    );
    article
}

/// The latest counts of each ledger, one card each, with the line that
/// says the ledgers are never added or compared when there are several
/// (as the site's `latest_counts_cards`).
fn latest_counts_cards(data: &ProgressData, l: Lang) -> (El, Option<El>) {
    let latest = data.latest_counts_by_ledger();
    let apart = latest.len() > 1;
    let mut cards = el("div").class("ledger-cards");
    for counts in latest {
        let ledger = counts
            .ledger
            .as_deref()
            .and_then(|id| ledger_name(data, id));
        cards = cards.child(task_counts_card(data, counts, ledger, l));
    }
    let apart = apart.then(|| {
        el("p")
            .class("ledgers-apart")
            .text(Msg::LedgersApart.text(l))
    });
    (cards, apart)
}

/// The task counts reported at one meeting, under the name of their
/// ledger (as the site's `TaskCountsCard`): assigned, completed, in
/// progress, overdue, each with its share, and the source.
fn task_counts_card(
    data: &ProgressData,
    c: &TaskCounts,
    ledger: Option<LedgerName>,
    l: Lang,
) -> El {
    let figure = |label: Msg, value: Option<u64>, class: &str| {
        let (number, share) = count_text(c, label, value, l);
        let class = if value.is_none() {
            format!("figure {class} missing")
        } else {
            format!("figure {class}")
        };
        el("div")
            .class(&class)
            .child(el("dt").text(label.text(l)))
            .child(
                el("dd")
                    .child(el("span").class("figure-value").text(&number))
                    .child_opt(share.map(|s| el("span").class("figure-share").text(&s))),
            )
    };
    let CardHead {
        id,
        heading,
        programme,
    } = card_head(c, ledger.as_ref(), l);
    let programme = programme.map(|p| el("p").class("programme").text(&p));
    let reported = data.meeting(&c.meeting).map(|m| {
        el("p")
            .class("reported-at")
            .text(Msg::ReportedAt.text(l))
            .text(" ")
            .text(m.name.get(l))
            .text(" (")
            .child(time(&m.date, l))
            .text(")")
    });
    let cite = data.source(&c.source).map(|s| cite(s, l));
    el("section")
        .class("card task-counts")
        .attr("aria-labelledby", &id)
        .child(el("h2").attr("id", &id).text(&heading))
        .child_opt(programme)
        .child(
            el("p")
                .class("scope")
                .text(c.scope.get(l))
                .text(" · ")
                .text(Msg::AsOf.text(l))
                .text(" ")
                .child(time(&c.as_of, l)),
        )
        .child(
            el("dl")
                .class("figures")
                .child(figure(Msg::TasksAssigned, c.assigned, "assigned"))
                .child(figure(Msg::TasksCompleted, c.completed, "completed"))
                .child(figure(Msg::TasksInProgress, c.in_progress, "in-progress"))
                .child(figure(Msg::TasksOverdue, c.overdue, "overdue")),
        )
        .child_opt(reported)
        .child_opt(cite)
}

/// One national figure as a card: label, value, caveat, scope, meeting
/// and day, source; and the previous value of the same measure, if one
/// was reported.
fn figure_card(
    data: &ProgressData,
    f: &NationalFigure,
    previous: Option<&(NationalFigure, Meeting)>,
    l: Lang,
) -> El {
    let meeting = data
        .meeting(&f.meeting)
        .map(|m| format!("{} · {}", m.name.get(l), format_date(&f.as_of, l)));
    let source = data.source(&f.source).map(|s| cite(s, l));
    let scope = f.scope.as_ref().map(|s| format!("{} · ", s.get(l)));
    let before = previous.map(|(p, m)| {
        el("p")
            .class("figure-previous")
            .text(Msg::Previously.text(l))
            .text(": ")
            .child(el("strong").text(&figure_text(p, l)))
            .text(&format!(
                " ({}, {})",
                m.name.get(l),
                format_date(&p.as_of, l)
            ))
    });
    // A caveat the source gave with the figure, beside it.
    let caveat = f
        .note
        .as_ref()
        .map(|n| n.get(l).trim().to_string())
        .filter(|n| !n.is_empty())
        .map(|n| {
            el("p")
                .class("figure-note")
                .text(Msg::Caveat.text(l))
                .text(": ")
                .text(&n)
        });
    el("li")
        .class(if f.headline {
            "national-figure headline"
        } else {
            "national-figure"
        })
        .child(el("p").class("figure-label").text(f.label.get(l)))
        .child(el("p").class("figure-value").text(&figure_text(f, l)))
        .child_opt(caveat)
        .child_opt(before)
        .child(
            el("p")
                .class("figure-meta")
                .text(&scope.unwrap_or_default())
                .text(&meeting.unwrap_or_default()),
        )
        .child_opt(source)
}

/// One step of a measure's history: its value, meeting and day.
fn step(value: &str, meeting: &str, day: &str, l: Lang) -> El {
    el("li")
        .child(el("strong").text(value))
        .text(&format!(" · {meeting} · {}", format_date(day, l)))
}

/// The newest meeting's figures (the publisher's headline figures first,
/// the rest one click away) and what changed since the meeting before;
/// none without figures.
fn latest_figures(d: &ProgressData, l: Lang) -> Vec<El> {
    let Some(c) = meeting_changes(d) else {
        return Vec::new();
    };
    let marked = c.figures.iter().any(|x| x.latest.headline);
    let (lead, rest): (Vec<_>, Vec<_>) =
        c.figures.iter().partition(|x| !marked || x.latest.headline);
    let grid = |list: &[&tien_do_core::charts::Change]| {
        list.iter().fold(el("ul").class("figure-grid"), |ul, x| {
            ul.child(figure_card(d, &x.latest, x.previous.as_ref(), l))
        })
    };
    let more = (!rest.is_empty()).then(|| {
        el("details")
            .class("more-figures")
            .child(el("summary").text(&format!(
                "{} ({})",
                Msg::MoreFiguresOfMeeting.text(l),
                rest.len() + lead.len()
            )))
            .child(grid(&rest))
    });
    let latest = el("section")
        .class("latest-figures")
        .child(
            el("h2")
                .text(Msg::LatestFigures.text(l))
                .text(": ")
                .text(c.latest.name.get(l))
                .text(&format!(" ({})", format_date(&c.latest.date, l))),
        )
        .child(grid(&lead))
        .child_opt(more);
    let changed = el("section")
        .class("what-changed")
        .child(el("h2").text(Msg::WhatChanged.text(l)));
    let compared = c.figures.iter().any(|x| x.previous.is_some());
    let changed = if compared {
        // Figures of the latest meeting reported before: each change.
        let mut ul = el("ul").class("tracked");
        for x in &c.figures {
            let Some((p, m)) = &x.previous else {
                continue;
            };
            let history = el("ol")
                .class("history")
                .child(step(&figure_text(p, l), m.name.get(l), &p.as_of, l))
                .child(step(
                    &figure_text(&x.latest, l),
                    c.latest.name.get(l),
                    &x.latest.as_of,
                    l,
                ));
            ul = ul.child(
                el("li")
                    .child(el("p").class("figure-label").text(x.latest.label.get(l)))
                    .child(history),
            );
        }
        changed.child(ul)
    } else if c.tracked.is_empty() {
        changed.child(el("p").text(Msg::NoChangeData.text(l)))
    } else {
        // Nothing at the latest meeting repeats an earlier figure: the
        // figures reported at several meetings instead.
        let mut ul = el("ul").class("tracked");
        for h in &c.tracked {
            let history = h.iter().fold(el("ol").class("history"), |ol, (f, m)| {
                ol.child(step(&figure_text(f, l), m.name.get(l), &f.as_of, l))
            });
            let label = h.last().map(|(f, _)| f.label.get(l)).unwrap_or_default();
            ul = ul.child(
                el("li")
                    .child(el("p").class("figure-label").text(label))
                    .child(history),
            );
        }
        changed
            .child(el("p").text(Msg::NoRepeatedFigures.text(l)))
            .child(ul)
    };
    vec![latest, changed]
}

/// Every meeting's figures, newest meeting first, each collapsed.
fn all_figures(d: &ProgressData, l: Lang) -> El {
    let mut section = el("section")
        .class("all-figures")
        .child(el("h2").text(Msg::AllFigures.text(l)));
    let mut meetings = d.meetings_with_figures();
    meetings.sort_by(|a, b| b.date.cmp(&a.date));
    for m in meetings {
        let cards = d
            .national_figures
            .iter()
            .filter(|f| f.meeting == m.id)
            .fold(el("ul").class("figure-grid"), |ul, f| {
                ul.child(figure_card(d, f, None, l))
            });
        section = section.child(
            el("details")
                .class("meeting-figures")
                .child(el("summary").text(&format!(
                    "{} ({})",
                    m.name.get(l),
                    format_date(&m.date, l)
                )))
                .child(cards),
        );
    }
    section
}
