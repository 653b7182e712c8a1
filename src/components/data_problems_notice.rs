use leptos::prelude::*;
use tien_do_core::validate::{notice, Notice, Problem};
use tien_do_core::{Lang, Msg};

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
        let l = lang.get();
        problems.with(|all| {
            let Notice {
                class,
                headline,
                counts,
                listed,
                more,
            } = notice(all, l)?;
            let items = listed
                .iter()
                .map(|p| view! { <li><code>{p.path.clone()}</code> " " {p.message.clone()}</li> })
                .collect_view();
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
