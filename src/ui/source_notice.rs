//! The link's data sources: which are the site's own, and a persistent
//! notice (`source-notice`, with `data-host`) naming each that is not, so a
//! shared link cannot pass off someone's file as the official data. A kiosk
//! uses only trusted sources: an untrusted one is refused (a link problem)
//! and the default used.

use leptos::prelude::*;

use crate::config::trust::{
    listed_origins, ForeignSource, ResolvedUrl, SourceKind, TrustedSources,
};
use crate::config::{Config, Mode, ParamProblem, ProblemKind, ProblemList};
use crate::i18n;
use crate::state::AppState;
use crate::ui::policy::Watched;

/// The addresses to load, and what the page says about them.
pub struct Sources {
    pub feed: String,
    pub registry: String,
    /// `None`: the page's own `rules.json`.
    pub rules: Option<String>,
    pub foreign: Vec<ForeignSource>,
    /// The feed's host, for a message that names it.
    pub feed_host: String,
    pub watched: Watched,
}

/// Decides each source of `config`, with the page's defaults; a kiosk's
/// refusals go into `problems`.
pub fn check_sources(
    config: &Config,
    default_feed: String,
    default_registry: String,
    problems: &mut ProblemList,
) -> Sources {
    let trusted = trusted_sources(&[&default_feed, &default_registry, "rules.json"]);
    let mut foreign = Vec::new();
    let mut choose = |kind: SourceKind, asked: &Option<String>, default: Option<&String>| {
        let Some(value) = asked else {
            return default.cloned();
        };
        let resolved = resolve(value);
        if resolved.as_ref().is_some_and(|url| trusted.trusts(url)) {
            return Some(value.clone());
        }
        if config.mode == Mode::Kiosk {
            problems.push(ParamProblem::new(
                kind.param(),
                value,
                ProblemKind::Untrusted,
            ));
            return default.cloned();
        }
        let url = resolved.unwrap_or_else(|| unresolved(value));
        foreign.push(ForeignSource::new(kind, &url));
        Some(value.clone())
    };
    let feed = choose(SourceKind::Feed, &config.feed, Some(&default_feed)).unwrap_or_default();
    let registry = choose(
        SourceKind::Registry,
        &config.registry,
        Some(&default_registry),
    )
    .unwrap_or_default();
    let rules = choose(SourceKind::Rules, &config.rules, None);
    let values = [
        (SourceKind::Feed, feed.clone()),
        (SourceKind::Registry, registry.clone()),
        (
            SourceKind::Rules,
            rules.clone().unwrap_or_else(|| "rules.json".to_owned()),
        ),
    ];
    let sources = values
        .iter()
        .filter_map(|(kind, value)| Some((*kind, resolve(value)?)))
        .collect::<Vec<_>>();
    let feed_host = sources
        .first()
        .filter(|(kind, _)| *kind == SourceKind::Feed)
        .map(|(_, url)| url.host.clone())
        .unwrap_or_default();
    Sources {
        feed,
        registry,
        rules,
        foreign,
        feed_host,
        watched: Watched {
            sources,
            values: values.to_vec(),
            tiles: config.tiles.template().map(str::to_owned),
        },
    }
}

/// `value` as the browser's URL parser resolves it against the page.
fn resolve(value: &str) -> Option<ResolvedUrl> {
    let base = window().location().href().ok()?;
    let url = web_sys::Url::new_with_base(value, &base).ok()?;
    Some(ResolvedUrl {
        href: url.href(),
        origin: url.origin(),
        host: url.host(),
        path: url.pathname(),
    })
}

/// An address the parser refused: named as written, trusted by no one.
fn unresolved(value: &str) -> ResolvedUrl {
    ResolvedUrl {
        href: value.to_owned(),
        origin: "null".to_owned(),
        host: value.chars().take(40).collect(),
        path: String::new(),
    }
}

/// The page's origin, its default addresses, and the origins its static
/// host lists in `<meta name="mask-map:trusted-origins">`.
fn trusted_sources(defaults: &[&str]) -> TrustedSources {
    let listed = document()
        .query_selector("meta[name='mask-map:trusted-origins']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    TrustedSources {
        page_origin: window().location().origin().unwrap_or_default(),
        defaults: defaults
            .iter()
            .filter_map(|d| resolve(d))
            .map(|u| u.href)
            .collect(),
        origins: listed_origins(&listed)
            .filter_map(resolve)
            .map(|u| u.origin)
            .filter(|o| o != "null")
            .collect(),
    }
}

/// One line per source that is not the site's own; nothing when all are.
#[component]
pub fn SourceNotice(sources: Vec<ForeignSource>) -> impl IntoView {
    let lang = AppState::get().lang;
    (!sources.is_empty()).then(|| {
        view! {
            <div class="source-notices" role="note" aria-label=i18n::source_notice_label(lang)>
                {sources
                    .into_iter()
                    .map(|source| {
                        let text = i18n::foreign_source(lang, &source);
                        view! {
                            <p class="source-notice" data-testid="source-notice" data-host=source.host>
                                {text}
                            </p>
                        }
                    })
                    .collect_view()}
            </div>
        }
    })
}
