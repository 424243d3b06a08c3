//! One pharmacy's details: a card beside the map on a wide screen, a bottom
//! sheet on a phone. Every feed string is rendered as text by Leptos.

use leptos::prelude::*;

use crate::config::{Lang, Mode};
use crate::feed::OpeningPeriods;
use crate::history::chart::{chart, Chart, HEIGHT, WIDTH};
use crate::i18n;
use crate::links;
use crate::state::AppState;
use crate::time::TaipeiDateTime;
use crate::timers::taipei_now;
use crate::ui::{change_watchlist, CountNews, Directions};

#[component]
pub fn PharmacyDetails() -> impl IntoView {
    let AppState {
        feed_later: feed,
        selected,
        levels,
        mode,
        lang,
        filters,
        history,
        watchlist,
        ..
    } = AppState::get();
    let pharmacy = move || {
        let code = selected.get()?;
        let product = filters.with(|f| f.product);
        feed.with(|f| {
            let inventory = f.inventory.as_ref()?;
            let pharmacy = inventory.pharmacy(&code)?.clone();
            let product = inventory.product_to_show(product);
            let (news, chart) = history.with(|h| {
                let chart =
                    product.and_then(|pr| chart(&h.counts(&pharmacy.code, pr), h.last_poll()?));
                (CountNews::of(h, inventory, &pharmacy, product), chart)
            });
            Some((pharmacy, inventory.products(), news, chart))
        })
    };
    move || {
        pharmacy().map(|(p, products, news, chart)| {
            let [updated_at, lagging, trend, rate, sellout, stalled] = news.hooks();
            let now = taipei_now();
            let open = p.opening.map(|o| o.open_at(now));
            let stock_rows = products
                .into_iter()
                .map(|product| {
                    let count = p.stock.get(product);
                    let level = p.stock_level(Some(product), levels);
                    view! {
                        <tr data-product=product.as_param()>
                            <th scope="row">{i18n::product(lang, product)}</th>
                            <td class=format!("stock stock--{}", level.as_str())>
                                {i18n::count_and_level(lang, count, level)}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let tel = links::tel_href(&p.phone);
            let updated = news.updated.map(TaipeiDateTime::to_display);
            let directions = links::directions(p.location, &p.address);
            let notes = p.notes.clone();
            let code = p.code.clone();
            let starred = Signal::derive(move || watchlist.with(|w| w.is_favourite(&code)));
            let star = p.code.clone();
            view! {
                <aside
                    class="details"
                    data-testid="details"
                    data-id=p.code.clone()
                    data-updated=updated_at
                    data-lagging=lagging
                    data-trend=trend
                    data-rate-per-hour=rate
                    data-sellout=sellout
                    data-stalled=stalled
                    aria-labelledby="details-name"
                >
                    <button class="details__close" on:click=move |_| selected.set(None) aria-label=i18n::close(lang)>
                        "×"
                    </button>
                    <h2 id="details-name" class="details__name">{p.name.clone()}</h2>
                    // Favourites are the app's: not a kiosk's, nor an embed's.
                    {(mode == Mode::App).then(|| view! {
                        <button
                            class="details__favourite"
                            data-testid="favourite-toggle"
                            aria-pressed=move || starred.get().to_string()
                            on:click=move |_| change_watchlist(watchlist, |w| w.toggle_favourite(&star))
                        >
                            {i18n::favourite(lang)}
                        </button>
                    })}
                    <p class="details__address">{p.address.clone()}</p>
                    {match (tel, mode) {
                        (Some(href), Mode::App | Mode::Embed) => view! { <p><a class="details__phone" href=href>{p.phone.clone()}</a></p> }.into_any(),
                        // A kiosk can't call: the number is for reading.
                        _ => view! { <p class="details__phone">{p.phone.clone()}</p> }.into_any(),
                    }}
                    <table class="details__stock">
                        <tbody>{stock_rows}</tbody>
                    </table>
                    {news.lines(lang, &p.phone)}
                    {chart.map(|c| count_chart(c, lang))}
                    <p class="details__open" data-open=open.map(|o| o.to_string())>{i18n::open_now(lang, open)}</p>
                    {p.opening.map(|o| week_grid(o, now, lang))}
                    {updated.map(|t| view! { <p class="details__updated">{i18n::updated(lang)} " " {t}</p> })}
                    <ul class="details__notes">
                        {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <Directions links=directions />
                </aside>
            }
        })
    }
}

/// Today's counts as a small line chart, its span and top beside it.
fn count_chart(chart: Chart, lang: Lang) -> impl IntoView {
    let (from, until) = (
        i18n::clock_of_day(chart.from),
        i18n::clock_of_day(chart.until),
    );
    let label = i18n::chart_label(lang, chart.most, &from, &until);
    view! {
        <figure class="chart" data-testid="count-chart">
            // Named once, by the caption.
            <svg class="chart__line" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" aria-hidden="true">
                <path d=chart.path fill="none" vector-effect="non-scaling-stroke" />
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

/// Opening periods as a small week grid, today's column marked.
fn week_grid(opening: OpeningPeriods, now: TaipeiDateTime, lang: Lang) -> impl IntoView {
    let today = usize::from(now.date.weekday());
    let days = i18n::weekdays(lang);
    view! {
        <table class="details__week">
            <thead>
                <tr>
                    <th></th>
                    {days
                        .iter()
                        .enumerate()
                        .map(|(d, name)| view! { <th class:today=d == today scope="col">{*name}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {i18n::periods(lang)
                    .iter()
                    .enumerate()
                    .map(|(period, name)| {
                        view! {
                            <tr>
                                <th scope="row">{*name}</th>
                                {(0..7)
                                    .map(|d| {
                                        let open = opening.open[d][period];
                                        view! {
                                            <td class:open=open class:today=d == today>
                                                {if open { "✓" } else { "—" }}
                                            </td>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
