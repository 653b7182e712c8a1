use leptos::prelude::*;
use tien_do_core::validate::{problem_counts, Problem};
use tien_do_core::{Lang, Msg};

/// Most problems listed; the count covers all.
const MAX_LISTED: usize = 50;

/// A notice that the loaded data has problems, with the list for its
/// publisher. The page still shows what it can. Draws nothing when there
/// are none.
#[component]
pub fn DataProblemsNotice(
    /// The problems the validator found in the loaded data.
    problems: Signal<Vec<Problem>>,
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        problems.with(|all| {
            if all.is_empty() {
                return None;
            }
            let l = lang.get();
            let (errors, counts) = problem_counts(all, l);
            let (class, headline) = if errors > 0 {
                ("data-problems has-errors", Msg::DataProblems)
            } else {
                ("data-problems", Msg::DataWarnings)
            };
            let items = all
                .iter()
                .take(MAX_LISTED)
                .map(|p| view! { <li><code>{p.path.clone()}</code> " " {p.message.clone()}</li> })
                .collect_view();
            let more = (all.len() > MAX_LISTED).then(|| format!("… +{}", all.len() - MAX_LISTED));
            Some(view! {
                <aside class=class role="status">
                    <p>{headline.text(l)} " (" {counts} ")"</p>
                    <details>
                        <summary>{Msg::ProblemList.text(l)}</summary>
                        <ul lang="en">{items}</ul>
                        {more}
                    </details>
                </aside>
            })
        })
    }
}
