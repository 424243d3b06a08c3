//! The top-level component: reads the URL into a [`Config`], loads the feed,
//! and lays out the header, notices and map.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::config::{Config, Mode, PUBLIC_FEED};
use crate::feed::fetch;
use crate::i18n;
use crate::map::PharmacyMap;
use crate::ui::{FeedStatus, FeedView, LinkProblems, LoadState};

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The page's own default feed (`<meta name="mask-map:default-feed">`), which
/// the serve command points at the bundled real snapshot; else the public feed.
fn default_feed_url() -> String {
    document()
        .query_selector("meta[name='mask-map:default-feed']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.trim().is_empty())
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
    let feed_url = config.feed.clone().unwrap_or_else(default_feed_url);
    let load = Callback::new(move |()| {
        let url = feed_url.clone();
        feed.update(|f| f.load = LoadState::Loading);
        spawn_local(async move {
            match fetch::load(&url).await {
                Ok(inventory) => feed.set(FeedView {
                    inventory: Some(Arc::new(inventory)),
                    load: LoadState::Loaded,
                }),
                // Keep the last good inventory on screen.
                Err(error) => feed.update(|f| f.load = LoadState::Failed(error)),
            }
        });
    });
    load.run(());

    let inventory = Signal::derive(move || feed.with(|f| f.inventory.clone()));
    let mode_class = match config.mode {
        Mode::App => "app",
        Mode::Kiosk => "app app--kiosk",
        Mode::Embed => "app app--embed",
    };
    view! {
        <div class=mode_class>
            <header class="app-header">
                <h1 class="app-header__title">
                    {i18n::app_name(lang)}
                    <span class="app-header__tagline">{i18n::tagline(lang)}</span>
                </h1>
                <FeedStatus feed lang on_retry=load />
            </header>
            <main class="app-main">
                <LinkProblems problems=config.problems.clone() lang />
                <PharmacyMap config=config.clone() inventory />
            </main>
        </div>
    }
}
