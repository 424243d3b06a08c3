//! "Can I buy today?": a one-line summary of who may buy (no input needed)
//! that opens the panel with `eligibility-input` and `eligibility-result`.
//!
//! Privacy: the typed ID lives in a signal of this panel only. It is never
//! put in the URL, logged or stored, and it is dropped when the panel
//! closes; "remember" stores `odd`/`even` alone ([`super::device_storage`]).
//! In kiosk mode the device is shared, so nothing is remembered at all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::config::Mode;
use crate::feed::Product;
use crate::i18n;
use crate::rules::Given;
use crate::rules::{read_id, Rules, RulesProblem};
use crate::state::AppState;
use crate::time::Date;
use crate::ui::device_storage;

/// The rules in use, and why a requested file was not (when it wasn't).
#[derive(Clone, Debug)]
pub struct RulesView {
    pub rules: Arc<Rules>,
    pub problem: Option<(String, RulesProblem)>,
}

/// The day the panel checks, and today's date in Taipei.
#[derive(Clone, Copy)]
pub struct CheckedDay {
    /// `None`: today (the `date` parameter or the picker set another day).
    pub chosen: RwSignal<Option<Date>>,
    pub today: Signal<Date>,
}

impl CheckedDay {
    pub fn day(self) -> Date {
        self.chosen.get().unwrap_or_else(|| self.today.get())
    }

    pub fn is_today(self) -> bool {
        self.day() == self.today.get()
    }
}

/// The header line: who may buy on the day checked; opens the panel.
#[component]
pub fn BuyTodaySummary(
    rules: RwSignal<RulesView>,
    product: Signal<Product>,
    day: CheckedDay,
    open: RwSignal<bool>,
) -> impl IntoView {
    let lang = AppState::get().lang;
    let summary = move || {
        let date = day.day();
        let buyers = rules.with(|r| r.rules.check(product.get(), date, None, None).buyers);
        i18n::who_can_buy_short(lang, date, day.is_today(), buyers)
    };
    view! {
        <button
            class="buy-today"
            data-testid="buy-today"
            aria-controls="eligibility"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span class="buy-today__who">{summary}</span>
            <span class="buy-today__cta">{move || i18n::check_my_id(lang)}</span>
        </button>
    }
}

#[component]
pub fn EligibilityPanel(
    rules: RwSignal<RulesView>,
    product: Signal<Product>,
    day: CheckedDay,
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <Panel rules product day open />
        </Show>
    }
}

#[component]
fn Panel(
    rules: RwSignal<RulesView>,
    product: Signal<Product>,
    day: CheckedDay,
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let AppState { mode, lang, .. } = state;
    // Only in this signal, only while the panel is open (or until a kiosk resets).
    let typed = RwSignal::new(String::new());
    state.on_next_visit(move || typed.set(String::new()));
    // A kiosk is shared: nothing about one visitor is kept for the next.
    let personal = mode != Mode::Kiosk;
    // Shared with the one-answer card, which states the rule for it (always
    // `None` on a kiosk).
    let remembered = state.parity;
    let remember = RwSignal::new(remembered.get_untracked().is_some());
    let given = Memo::new(move |_| match typed.with(|t| read_id(t)) {
        Some(Ok(reading)) => Given::Digit(reading.last_digit()),
        Some(Err(problem)) => Given::Invalid(problem),
        None => remembered.get().map_or(Given::Nothing, Given::Remembered),
    });
    // Keep the remembered parity in step with what was typed, when asked to.
    Effect::new(move |_| {
        if let (true, Given::Digit(_)) = (remember.get(), given.get()) {
            let parity = given.get_untracked().parity();
            if remembered.get_untracked() != parity {
                device_storage::remember_parity(parity);
                remembered.set(parity);
            }
        }
    });
    let on_remember = move |checked: bool| {
        remember.set(checked);
        let parity = checked.then(|| given.get_untracked().parity()).flatten();
        device_storage::remember_parity(parity);
        remembered.set(parity);
    };
    let bought = RwSignal::new(None::<Date>);
    Effect::new(move |_| {
        let product = product.get();
        bought.set(
            personal
                .then(|| device_storage::last_purchase(product))
                .flatten(),
        );
    });
    let set_bought = move |value: Option<Date>| {
        device_storage::set_last_purchase(product.get_untracked(), value);
        bought.set(value);
    };

    let explained = move || {
        let date = day.day();
        rules.with(|r| {
            let check = r
                .rules
                .check(product.get(), date, given.get().parity(), bought.get());
            i18n::explain(lang, product.get(), &check, given.get())
        })
    };
    let rules_problem = move || {
        rules.with(|r| {
            r.problem
                .as_ref()
                .map(|(url, problem)| i18n::rules_problem(lang, url, problem))
        })
    };
    view! {
        <section
            id="eligibility"
            class="eligibility"
            data-testid="eligibility"
            aria-labelledby="eligibility-heading"
            on:keydown=move |e| {
                if e.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <header class="eligibility__header">
                <h2 id="eligibility-heading">{move || i18n::eligibility_heading(lang, day.is_today())}</h2>
                <button class="details__close" on:click=move |_| open.set(false) aria-label=i18n::close(lang)>
                    "×"
                </button>
            </header>
            {move || rules_problem().map(|text| view! { <p class="eligibility__problem" role="alert" data-testid="rules-problem">{text}</p> })}
            <p class="eligibility__who" data-testid="who-can-buy">
                {move || i18n::product(lang, product.get())}
                " · "
                {move || {
                    let date = day.day();
                    let buyers = rules.with(|r| r.rules.check(product.get(), date, None, None).buyers);
                    i18n::who_can_buy(lang, date, day.is_today(), buyers)
                }}
            </p>
            <label class="eligibility__field">
                <span>{i18n::id_label(lang)}</span>
                <input
                    type="text"
                    data-testid="eligibility-input"
                    class="eligibility__input"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="20"
                    // A kiosk has no keyboard: its pad below types, and
                    // touching the field must not summon an on-screen one.
                    readonly=!personal
                    inputmode=if personal { "text" } else { "none" }
                    prop:value=move || typed.get()
                    on:input=move |e| typed.set(event_target_value(&e))
                />
            </label>
            {(!personal).then(|| view! {
                <div class="digit-pad" role="group" aria-label=i18n::digit_pad_label(lang)>
                    {[1, 2, 3, 4, 5, 6, 7, 8, 9, 0]
                        .into_iter()
                        .map(|d: u8| view! {
                            <button class="digit-pad__key" data-digit=d on:click=move |_| typed.set(d.to_string())>
                                {d}
                            </button>
                        })
                        .collect_view()}
                    <button class="digit-pad__key digit-pad__clear" on:click=move |_| typed.set(String::new())>
                        {i18n::clear(lang)}
                    </button>
                </div>
            })}
            <p class="eligibility__hint">{i18n::id_privacy(lang)}</p>
            {personal.then(|| view! {
            <label class="filters__check eligibility__remember">
                <input
                    type="checkbox"
                    data-testid="remember-parity"
                    prop:checked=move || remember.get()
                    on:change=move |e| on_remember(event_target_checked(&e))
                />
                {i18n::remember_parity(lang)}
                {move || remembered.get().map(|p| view! { <span class="eligibility__remembered">" · "{i18n::remembered(lang, p)}</span> })}
            </label>
            })}
            {move || {
                let e = explained();
                let sources = e
                    .sources
                    .iter()
                    .map(|s| {
                        let source = s.clone();
                        // Links would strand a kiosk: there, sources are text.
                        let link = source.starts_with("https://") || source.starts_with("http://");
                        if link && personal {
                            let href = source.clone();
                            view! { <li><a href=href target="_blank" rel="noopener noreferrer">{source}</a></li> }.into_any()
                        } else {
                            view! { <li>{source}</li> }.into_any()
                        }
                    })
                    .collect_view();
                let has_sources = !e.sources.is_empty();
                view! {
                    <div
                        class="eligibility__result"
                        data-testid="eligibility-result"
                        data-verdict=e.verdict
                        data-next=e.next.map(|d| d.to_string())
                        aria-live="polite"
                    >
                        <p class="eligibility__verdict">{e.headline}</p>
                        {e.reason.map(|r| view! { <p class="eligibility__reason">{r}</p> })}
                        {e.next_line.map(|n| view! { <p class="eligibility__next">{n}</p> })}
                        {e.purchase.map(|p| view! { <p class="eligibility__purchase" data-testid="next-purchase">{p}</p> })}
                        {e.limit.map(|l| view! { <p class="eligibility__limit">{i18n::limit_label(lang)}{l}</p> })}
                    </div>
                    {e.note.map(|n| view! { <p class="eligibility__note">{n}</p> })}
                    {has_sources.then(|| view! {
                        <div class="eligibility__sources">
                            <span>{i18n::rules_source(lang)}</span>
                            <ul>{sources}</ul>
                        </div>
                    })}
                }
            }}
            <div class="eligibility__dates">
                <label class="eligibility__field">
                    <span>{i18n::date_checked(lang)}</span>
                    <input
                        type="date"
                        data-testid="eligibility-date"
                        prop:value=move || day.day().to_string()
                        on:change=move |e| {
                            let picked = Date::parse_iso(&event_target_value(&e));
                            day.chosen.set(picked.filter(|d| *d != day.today.get_untracked()));
                        }
                    />
                </label>
                <button
                    class="eligibility__button"
                    prop:disabled=move || day.chosen.get().is_none()
                    on:click=move |_| day.chosen.set(None)
                >
                    {i18n::today(lang)}
                </button>
                {personal.then(|| view! {
                <label class="eligibility__field">
                    <span>{i18n::last_purchase(lang)}</span>
                    <input
                        type="date"
                        data-testid="last-purchase"
                        prop:value=move || bought.get().map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |e| set_bought(Date::parse_iso(&event_target_value(&e)))
                    />
                </label>
                <button
                    class="eligibility__button"
                    data-testid="clear-purchase"
                    prop:disabled=move || bought.get().is_none()
                    on:click=move |_| set_bought(None)
                >
                    {i18n::clear(lang)}
                </button>
                })}
            </div>
        </section>
    }
}
