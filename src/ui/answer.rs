//! The one-answer card (`answer`) at the top of the sheet: today's rule for
//! the remembered parity (or for everyone), then the nearest pharmacy open
//! now with stock and a fresh count, how far, its count, pace and freshness
//! and the way there; or why there is none and what to do.
//!
//! The card is one fixed set of elements whose texts change (a part with
//! nothing to say is `hidden`): one view type, not one per case, keeps it
//! small in the wasm.

use leptos::prelude::*;

use crate::feed::Product;
use crate::i18n;
use crate::links;
use crate::rules::{NoBecause, Verdict};
use crate::spatial::answer::Pick;
use crate::state::{AppState, SharedIndex};
use crate::timers::taipei_now;
use crate::ui::{CheckedDay, CountNews, RulesView};

/// What the card says.
#[derive(Default)]
struct Card {
    rule: String,
    /// Why no pharmacy is named, and what to do.
    why: String,
    /// The pharmacy named: its code and name.
    code: Option<String>,
    name: String,
    /// "540 m, about 7 min on foot".
    place: String,
    /// "122 left · selling 36/h … · Updated 08:40".
    count: String,
    directions: String,
}

#[component]
pub fn AnswerCard(
    rules: RwSignal<RulesView>,
    product: Signal<Product>,
    day: CheckedDay,
) -> impl IntoView {
    let AppState {
        lang,
        mode,
        parity,
        here,
        filters,
        stock_index,
        history,
        selected,
        ..
    } = AppState::get();
    let card = move || {
        let today = day.today.get();
        let parity = parity.get();
        let (buyers, verdict) = rules.with(|r| {
            let check = r.rules.check(product.get(), today, parity, None);
            (check.buyers, check.verdict)
        });
        let mut card = Card {
            rule: i18n::who_can_buy_short(lang, today, true, buyers),
            ..Card::default()
        };
        if let Verdict::No {
            next,
            because: NoBecause::Parity | NoBecause::Nobody,
        } = verdict
        {
            card.why = i18n::not_your_day(lang, parity, next);
            return card;
        }
        let Some(from) = here.get() else {
            card.why = i18n::choose_a_location(lang).to_owned();
            return card;
        };
        // No data yet (or none at all): the header's status says why.
        let Some(SharedIndex(index)) = stock_index.get() else {
            return card;
        };
        let filters = filters.get();
        let inventory = index.inventory();
        let product = inventory.product_to_show(filters.product);
        let (n, lagging) = match index.one_answer(product, &filters, from, taipei_now()) {
            Pick::Go(n) => (n, false),
            Pick::OnlyLagging(n) => (n, true),
            Pick::ClosedNow => {
                card.why = i18n::closed_now(lang).to_owned();
                return card;
            }
            Pick::NoStockInReach => {
                card.why = i18n::no_stock_in_reach(lang).to_owned();
                return card;
            }
        };
        let p = &inventory.pharmacies[n.index];
        let news = history.with(|h| CountNews::of(h, inventory, p, product));
        if lagging {
            card.why = i18n::only_lagging(lang).to_owned();
        }
        card.code = Some(p.code.clone());
        card.name = p.name.clone();
        card.place = i18n::distance_and_walk(lang, n.metres);
        card.count = i18n::answer_count(
            lang,
            product.and_then(|pr| p.stock.get(pr)).unwrap_or_default(),
            news.phrase(lang),
            news.updated.filter(|_| !lagging),
            lagging.then_some(p.phone.as_str()),
        );
        let [(_, directions), ..] = links::directions(p.location, &p.address);
        card.directions = directions;
        card
    };
    // A kiosk's directions are the details' QR code: no link leads away.
    let no_link = mode == crate::config::Mode::Kiosk;
    move || {
        let c = card();
        let code = c.code.clone();
        let (no_why, no_name, no_count) = (c.why.is_empty(), c.name.is_empty(), c.count.is_empty());
        view! {
            <section class="answer" data-testid="answer" data-id=c.code aria-label=i18n::answer_label(lang)>
                <p class="answer__rule">{c.rule}</p>
                <p class="answer__why" hidden=no_why>{c.why}</p>
                <p class="answer__place" hidden=no_name>
                    <button class="answer__name" on:click=move |_| selected.set(code.clone())>{c.name}</button>
                    " " {c.place}
                </p>
                <p class="answer__count" hidden=no_count>
                    {c.count} " "
                    <a class="answer__directions" href=(!no_link).then_some(c.directions) hidden=no_link target="_blank" rel="noopener noreferrer">
                        {i18n::directions(lang)}
                    </a>
                </p>
            </section>
        }
    }
}
