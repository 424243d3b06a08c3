//! Tells the user which URL parameters could not be used, so a broken kiosk
//! or embed link is visible rather than silently ignored; and what was
//! refused while running (a source the site's policy blocks). At most
//! [`crate::config::MAX_PROBLEMS_KEPT`] lines, then "and N more"; Dismiss
//! comes first and the list scrolls inside the notice, so a long list never
//! pushes it off a phone's screen.

use leptos::prelude::*;

use crate::i18n;
use crate::state::AppState;

#[component]
pub fn LinkProblems() -> impl IntoView {
    let AppState {
        lang,
        link_problems,
        ..
    } = AppState::get();
    // Dismissed at this many problems: a new one found later shows it again.
    let dismissed_at = RwSignal::new(0_usize);
    let open = move || link_problems.with(|p| p.total() > dismissed_at.get());
    let lines = move || {
        link_problems.with(|problems| {
            let mut lines: Vec<String> = problems
                .iter()
                .map(|p| i18n::param_problem(lang, p))
                .collect();
            if problems.more > 0 {
                lines.push(i18n::more_problems(lang, problems.more));
            }
            lines
        })
    };
    view! {
        <Show when=open>
            <section class="notice link-problems" data-testid="link-problems" role="alert">
                <div class="link-problems__head">
                    <p>{i18n::link_problems_heading(lang)}</p>
                    <button
                        class="notice__close"
                        on:click=move |_| dismissed_at.set(link_problems.with_untracked(|p| p.total()))
                    >
                        {i18n::dismiss(lang)}
                    </button>
                </div>
                <ul class="link-problems__list">
                    {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
