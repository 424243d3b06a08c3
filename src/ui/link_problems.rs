//! Tells the user which URL parameters could not be used, so a broken kiosk
//! or embed link is visible rather than silently ignored.

use leptos::prelude::*;

use crate::config::ParamProblem;
use crate::i18n;
use crate::state::AppState;

#[component]
pub fn LinkProblems(problems: Vec<ParamProblem>) -> impl IntoView {
    let lang = AppState::get().lang;
    let open = RwSignal::new(!problems.is_empty());
    let lines: Vec<String> = problems
        .iter()
        .map(|p| i18n::param_problem(lang, p))
        .collect();
    view! {
        <Show when=move || open.get()>
            <section class="notice" data-testid="link-problems" role="alert">
                <p>{i18n::link_problems_heading(lang)}</p>
                <ul>{lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                <button class="notice__close" on:click=move |_| open.set(false)>
                    {i18n::dismiss(lang)}
                </button>
            </section>
        </Show>
    }
}
