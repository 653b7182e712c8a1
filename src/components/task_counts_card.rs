use super::SourceLink;
use leptos::prelude::*;
use tien_do_core::data::{Meeting, Source, TaskCounts};
use tien_do_core::figures::tasks::{card_head, count_text, CardHead, LedgerName};
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg};

/// The task counts reported at one meeting: assigned, completed, in
/// progress, overdue, each with its share, and the source, under the name
/// of the ledger they belong to. A count that was not published says so.
#[component]
pub fn TaskCountsCard(
    /// The counts to show.
    counts: TaskCounts,
    /// The ledger (body and programme) they belong to, if the data says.
    #[prop(default = None)]
    ledger: Option<LedgerName>,
    /// The meeting they were reported at, if known.
    meeting: Option<Meeting>,
    /// Their source, if known.
    source: Option<Source>,
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        let l = lang.get();
        let c = &counts;
        let figure = |label: Msg, value: Option<u64>, class: &'static str| {
            let (number, share) = count_text(c, label, value, l);
            view! {
                <div class=format!("figure {class}") class:missing=value.is_none()>
                    <dt>{label.text(l)}</dt>
                    <dd>
                        <span class="figure-value">{number}</span>
                        {share.map(|s| view! { <span class="figure-share">{s}</span> })}
                    </dd>
                </div>
            }
        };
        let reported = meeting.as_ref().map(|m| {
            view! {
                <p class="reported-at">
                    {Msg::ReportedAt.text(l)} " " {m.name.get(l).to_string()} " ("
                    <time datetime=m.date.clone()>{format_date(&m.date, l)}</time> ")"
                </p>
            }
        });
        let cite = source.as_ref().map(|s| {
            view! {
                <p class="cite">{Msg::Source.text(l)} ": " <SourceLink source=s.clone() lang=l /></p>
            }
        });
        let CardHead {
            id,
            heading,
            programme,
        } = card_head(c, ledger.as_ref(), l);
        let programme = programme.map(|p| view! { <p class="programme">{p}</p> });
        view! {
            <section class="card task-counts" aria-labelledby=id.clone()>
                <h2 id=id.clone()>{heading}</h2>
                {programme}
                <p class="scope">{c.scope.get(l).to_string()} " · " {Msg::AsOf.text(l)} " "
                    <time datetime=c.as_of.clone()>{format_date(&c.as_of, l)}</time>
                </p>
                <dl class="figures">
                    {figure(Msg::TasksAssigned, c.assigned, "assigned")}
                    {figure(Msg::TasksCompleted, c.completed, "completed")}
                    {figure(Msg::TasksInProgress, c.in_progress, "in-progress")}
                    {figure(Msg::TasksOverdue, c.overdue, "overdue")}
                </dl>
                {reported}
                {cite}
            </section>
        }
    }
}
