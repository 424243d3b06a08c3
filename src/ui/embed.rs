//! "Embed this map": the `<iframe>` snippet for the view and filters on
//! screen, for a news site to paste.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::embed_query;
use crate::i18n;
use crate::links::iframe_snippet;
use crate::state::AppState;

#[component]
pub fn EmbedDialog(
    /// The page's query as the address bar has it (filters, language …).
    page_query: Memo<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let AppState { map_view, lang, .. } = AppState::get();
    let snippet = move || {
        let location = window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let view = map_view.get();
        let query = embed_query(&page_query.get(), view.map(|v| v.0), view.map(|v| v.1));
        iframe_snippet(&format!("{base}?{query}"), i18n::app_name(lang))
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = snippet();
        // navigator.clipboard.writeText, where the page may use it.
        let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
        let write = clipboard.as_ref().and_then(|c| {
            let f = js_sys::Reflect::get(c, &"writeText".into()).ok()?;
            f.dyn_ref::<js_sys::Function>()?.call1(c, &text.into()).ok()
        });
        copied.set(write.is_some());
    };
    view! {
        <Show when=move || open.get()>
            <section
                class="embed"
                data-testid="embed"
                role="dialog"
                aria-labelledby="embed-heading"
                on:keydown=move |e| {
                    if e.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <header class="eligibility__header">
                    <h2 id="embed-heading">{i18n::embed_heading(lang)}</h2>
                    <button class="details__close" on:click=move |_| open.set(false) aria-label=i18n::close(lang)>
                        "×"
                    </button>
                </header>
                <p>{i18n::embed_explained(lang)}</p>
                <textarea
                    class="embed__snippet"
                    data-testid="embed-snippet"
                    readonly
                    rows="5"
                    aria-label=i18n::embed_heading(lang)
                    prop:value=snippet
                    on:focus=|e| {
                        if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            area.select();
                        }
                    }
                ></textarea>
                <button class="eligibility__button" on:click=copy>{i18n::copy(lang)}</button>
                {move || copied.get().then(|| view! { <span class="embed__copied" role="status">{i18n::copied(lang)}</span> })}
            </section>
        </Show>
    }
}
