//! The top-level component: reads the URL into a [`Config`], loads the feed,
//! provides the shared [`AppState`] as context, and lays out the header,
//! notices and map.

use std::sync::Arc;

use leptos::prelude::*;

use crate::config::{
    full_app_query, query_with_date, query_with_filters, query_with_lang, query_without_lang,
};
use crate::config::{Config, Mode, KIOSK_IDLE_SECONDS, PUBLIC_FEED};
use crate::feed::fetch::{confirm_read, get_bytes, Outcome, Poller, Source};
use crate::feed::refresh::{SavedCopy, DEFAULT_INTERVAL_SECONDS};
use crate::feed::Product;
use crate::history::DayHistory;
use crate::i18n;
use crate::map::PharmacyMap;
use crate::rules::{Rules, RulesProblem};
use crate::state::{AppState, FeedView, LoadState};
use crate::time::Date;
use crate::timers::{taipei_now, Timer};
use crate::ui::device_storage::{self, kiosk_home_lang};
use crate::ui::Sheet;
use crate::ui::{check_sources, report_blocked_requests, SourceNotice};
use crate::ui::{give_alerts, AlertBanner, AnswerCard, Favourites};
use crate::ui::{
    reset_when_idle, BuyTodaySummary, CheckedDay, EligibilityPanel, EmbedDialog, FeedDetails,
    FeedStatus, FilterBar, LinkProblems, NearestPanel, PharmacyDetails, PharmacyList, RulesView,
    NEAREST_SHOWN,
};
use crate::watchlist::Watchlist;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::timers::mark("start");
    leptos::mount::mount_to_body(App);
}

/// Offline-ready from the second load on (`public/sw.js`). Where service
/// workers are unavailable (an old browser, a sandboxed frame) the app
/// simply works online only. Called once the feed has answered, in the
/// background (after the first map is drawn): on a first visit the worker's
/// install (the page and every file it names, fetched again to be saved)
/// would otherwise share a slow link with the feed and a phone's cores with
/// the first map, and on a repeat visit its update check would.
fn register_service_worker() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registering = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}

/// The page's own default (`<meta name="mask-map:default-NAME">`), which the
/// serve command points at the bundled real data; else the public feed (whose
/// full kiang points.json also serves as a registry).
fn page_default(name: &str) -> String {
    document()
        .query_selector(&format!("meta[name='mask-map:default-{name}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        // Trimmed as public/boot.js trims it: the same address, one request.
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| PUBLIC_FEED.to_owned())
}

#[component]
fn App() -> impl IntoView {
    let config = Arc::new(Config::from_query(
        &window().location().search().unwrap_or_default(),
    ));
    let lang = config.lang;
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document().set_title(i18n::app_name(lang));

    let feed = RwSignal::new(FeedView::default());
    // The link's sources, judged: a foreign one is named on screen, and a
    // kiosk refuses it (one more link problem) for the default.
    let mut problems = config.problems.clone();
    let sources = check_sources(
        &config,
        page_default("feed"),
        page_default("registry"),
        &mut problems,
    );
    let source = Source {
        feed: sources.feed.clone(),
        registry: sources.registry.clone(),
        interval_seconds: config.refresh.unwrap_or(DEFAULT_INTERVAL_SECONDS),
    };
    let worker_unregistered = std::cell::Cell::new(true);
    let poller = StoredValue::new_local(Some(Poller::start(source, move |outcome| {
        if worker_unregistered.replace(false) {
            crate::timers::in_background(register_service_worker);
        }
        feed.update(|f| match outcome {
            Outcome::Loaded {
                inventory,
                placement,
                saved_copy,
            } => {
                *f = FeedView {
                    inventory: Some(inventory),
                    placement: Some(placement),
                    load: LoadState::Loaded,
                    saved_copy,
                    refused_older: match saved_copy {
                        Some(SavedCopy::ServerSentOlder(as_of)) => Some(as_of),
                        _ => None,
                    },
                };
            }
            Outcome::Unchanged => {
                f.load = LoadState::Loaded;
                f.saved_copy = None;
            }
            Outcome::Older { as_of } => {
                f.load = LoadState::Loaded;
                f.refused_older = Some(as_of);
            }
            // Keep the last good inventory on screen.
            Outcome::Failed(error) => f.load = LoadState::Failed(error),
        })
    })));
    on_cleanup(move || poller.update_value(|p| drop(p.take())));
    let retry = Callback::new(move |()| {
        feed.update(|f| f.load = LoadState::Loading);
        poller.with_value(|p| p.as_ref().map(Poller::refresh_now));
    });

    // Filters and the day checked start from the link and are written back
    // to it, so the address always reproduces the view.
    let filters = RwSignal::new(config.filters());
    let day = CheckedDay {
        chosen: RwSignal::new(config.date),
        today: today_in_taipei(),
    };
    let initial_query = window().location().search().unwrap_or_default();
    let page_query = Memo::new(move |_| {
        let query = filters.with(|f| query_with_filters(&initial_query, f));
        query_with_date(&query, day.chosen.get())
    });
    Effect::new(move |_| {
        let query = page_query.get();
        let url = if query.is_empty() {
            window().location().pathname().unwrap_or_default()
        } else {
            format!("?{query}")
        };
        let _ = window()
            .history()
            .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    });
    // The reference location: the link's at=, then the device or a pick.
    let here = RwSignal::new(config.at);
    let picking = RwSignal::new(false);
    let selected = RwSignal::new(None::<String>);
    let list_open = RwSignal::new(false);
    let map_covered = covered_after_a_frame(list_open);
    // A kiosk left alone goes back to how its link set it up.
    let visit = RwSignal::new(0_u32);
    let rules_problem = RwSignal::new(false);
    // A kiosk is shared: it reads and keeps nothing of a visitor's (not even
    // the remembered parity). Favourites and alerts are the app's alone: not
    // a kiosk's, nor an embed's (a glimpse inside someone else's page).
    let personal = config.mode != Mode::Kiosk;
    let watching = config.mode == Mode::App;
    let state = AppState {
        lang,
        mode: config.mode,
        levels: config.levels,
        feed,
        feed_later: crate::ui::a_task_later(feed),
        filters,
        here,
        picking,
        selected,
        map_view: RwSignal::new(None),
        visit,
        link_problems: RwSignal::new(problems),
        rules_problem,
        blocked: RwSignal::new(Vec::new()),
        history: RwSignal::new(DayHistory::new()),
        stock_index: crate::state::stock_index(feed),
        parity: RwSignal::new(personal.then(device_storage::remembered_parity).flatten()),
        watchlist: RwSignal::new(if watching {
            device_storage::watchlist()
        } else {
            Default::default()
        }),
        alert_banner: RwSignal::new(Vec::new()),
    };
    provide_context(state);
    crate::ui::keep_day_history(state.feed_later, state.history);
    give_alerts(state);
    // An armed alert needs the polls of a background tab.
    let watchlist = state.watchlist;
    Effect::new(move |_| {
        let on = watchlist.with(Watchlist::any_alert);
        poller.with_value(|p| p.as_ref().map(|p| p.poll_while_hidden(on)));
    });
    report_blocked_requests(state, sources.watched);
    let product = Signal::derive(move || {
        let requested = filters.with(|f| f.product);
        feed.with(|f| {
            f.inventory
                .as_ref()
                .and_then(|i| i.product_to_show(requested))
        })
        .or(requested)
        .unwrap_or(Product::Adult)
    });
    let rules = load_rules(sources.rules.clone());
    Effect::new(move |_| rules_problem.set(rules.with(|r| r.problem.is_some())));
    // A shared link that names a day is about that day's check.
    let eligibility_open = RwSignal::new(config.date.is_some());
    // On a phone the panels share a bottom sheet: the eligibility panel needs
    // it full; closing it goes back to the peek.
    let sheet_full = RwSignal::new(eligibility_open.get_untracked());
    Effect::new(move |previous: Option<bool>| {
        let open = eligibility_open.get();
        if previous.is_some_and(|p| p != open) {
            sheet_full.set(open);
        }
        open
    });
    if config.mode == Mode::Kiosk {
        let config = config.clone();
        let page = query_without_lang(&window().location().search().unwrap_or_default());
        let home_lang = kiosk_home_lang(&page, lang);
        reset_when_idle(config.idle.unwrap_or(KIOSK_IDLE_SECONDS), move || {
            if lang != home_lang {
                // A visitor switched the language: reload in the kiosk's own.
                let home = format!("?{}", query_with_lang(&page, home_lang));
                let _ = window().location().replace(&home);
                return;
            }
            filters.set(config.filters());
            day.chosen.set(config.date);
            here.set(config.at);
            picking.set(false);
            selected.set(None);
            list_open.set(false);
            eligibility_open.set(config.date.is_some());
            visit.update(|v| *v += 1);
        });
    }
    let embed_open = RwSignal::new(false);
    let (other_lang, other_lang_name) = i18n::other_language(lang);
    let other_lang_href = move || format!("?{}", query_with_lang(&page_query.get(), other_lang));
    let mode_class = match config.mode {
        Mode::App => "app",
        Mode::Kiosk => "app app--kiosk",
        Mode::Embed => "app app--embed",
    };
    let nearest_count = config.nearest.map_or(NEAREST_SHOWN, usize::from);
    view! {
        <div class=mode_class>
            <header class="app-header">
                <h1 class="app-header__title">
                    {i18n::app_name(lang)}
                    <span class="app-header__tagline">{i18n::tagline(lang)}</span>
                </h1>
                <a class="lang-switch" data-testid="lang-switch" href=other_lang_href hreflang=other_lang.tag() lang=other_lang.tag()>
                    {other_lang_name}
                </a>
                <FeedStatus on_retry=retry feed_host=sources.feed_host.clone() />
                <SourceNotice sources=sources.foreign.clone() />
                {(config.mode == Mode::Embed).then(|| view! {
                    <a
                        class="open-full"
                        data-testid="open-full"
                        href=move || format!("?{}", full_app_query(&page_query.get()))
                        target="_blank"
                        rel="noopener"
                    >
                        {i18n::open_full_map(lang)}
                    </a>
                })}
                <button
                    class="filters__toggle list__toggle"
                    aria-expanded=move || list_open.get().to_string()
                    on:click=move |_| list_open.update(|o| *o = !*o)
                >
                    {i18n::list_button(lang)}
                </button>
                <FilterBar />
                <BuyTodaySummary rules product day open=eligibility_open />
            </header>
            // While the list covers them, the map and the sheet are not drawn:
            // a scroll frame then lays out and composites the list alone.
            <main class="app-main" class:app-main--list=move || map_covered.get()>
                <LinkProblems />
                <PharmacyMap config=config.clone() />
                <AlertBanner />
                <Sheet full=sheet_full>
                    <AnswerCard rules product day />
                    <Favourites />
                    <EligibilityPanel rules product day open=eligibility_open />
                    <NearestPanel count=nearest_count />
                </Sheet>
                <PharmacyList open=list_open />
                <PharmacyDetails />
            </main>
            <footer class="app-footer">
                <FeedDetails />
                {(config.mode == Mode::App).then(|| view! {
                    <button class="app-footer__embed" data-testid="embed-button" on:click=move |_| embed_open.set(true)>
                        {i18n::embed_button(lang)}
                    </button>
                })}
            </footer>
            <EmbedDialog page_query open=embed_open />
        </div>
    }
}

/// Whether the list covers the map: from the frame after the one that shows
/// the list (that frame is the list's own, its first layout the longest), and
/// no longer as soon as the list closes.
fn covered_after_a_frame(list_open: RwSignal<bool>) -> Signal<bool> {
    let covered = RwSignal::new(false);
    Effect::new(move |_| {
        if !list_open.get() {
            covered.set(false);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            crate::timers::after_next_frame().await;
            covered.set(list_open.get_untracked());
        });
    });
    covered.into()
}

/// Today's date in Taipei, re-read every minute so an unattended kiosk
/// turns the page at midnight.
fn today_in_taipei() -> Signal<Date> {
    let today = RwSignal::new(taipei_now().date);
    let ticker = Timer::every(60_000, move || {
        let now = taipei_now().date;
        if today.get_untracked() != now {
            today.set(now);
        }
    });
    let ticker = StoredValue::new_local(Some(ticker));
    on_cleanup(move || ticker.update_value(|t| drop(t.take())));
    today.into()
}

/// The bundled rules at once; then the deployment's `rules.json` (or the
/// `rules` parameter's file). A file that can't be loaded or read keeps the
/// bundled rules and says why.
fn load_rules(requested: Option<String>) -> RwSignal<RulesView> {
    let view = RwSignal::new(RulesView {
        rules: Arc::new(Rules::bundled()),
        problem: None,
    });
    let url = requested.unwrap_or_else(|| "rules.json".to_owned());
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match get_bytes(&url).await {
            Ok(bytes) => Rules::parse(&bytes).map_err(RulesProblem::Invalid),
            Err(error) => Err(RulesProblem::Load(error)),
        };
        view.set(match loaded {
            Ok(rules) => {
                // Only a file that reads becomes the worker's fallback.
                confirm_read(&url, None);
                RulesView {
                    rules: Arc::new(rules),
                    problem: None,
                }
            }
            Err(problem) => RulesView {
                rules: Arc::new(Rules::bundled()),
                problem: Some((url, problem)),
            },
        });
    });
    view
}
