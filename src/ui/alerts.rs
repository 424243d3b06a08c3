//! Stock alerts on favourites: each inventory the app takes in is checked
//! against them ([`Watchlist::observe`]). An alert is a notification shown
//! through the service worker (Android refuses notifications from a page),
//! or the in-page `alert-banner` where notifications are denied, not
//! available or fail. There is no server: only an open page (a background
//! tab too, while the browser runs its polls) can alert.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use crate::config::Mode;
use crate::i18n;
use crate::state::AppState;
use crate::timers::taipei_now;
use crate::ui::{device_storage, each_new_inventory};

/// Checks each new inventory for the app's alerts (a kiosk and an embed have
/// none).
pub fn give_alerts(state: AppState) {
    if state.mode != Mode::App {
        return;
    }
    each_new_inventory(state.feed_later, move |inventory| {
        // As another tab may have left them (a favourite removed there
        // alerts no more here); what a poll saw is no news for the panels.
        let stored = device_storage::watchlist_text();
        let (changed, fired) = state
            .watchlist
            .try_update_untracked(|w| (w.sync(&stored), w.observe(&inventory, taipei_now())))
            .unwrap_or_default();
        if changed {
            state.watchlist.notify();
        }
        for alert in fired {
            let name = inventory
                .pharmacy(&alert.code)
                .map_or(alert.code.as_str(), |p| p.name.as_str());
            let text = i18n::alert_text(state.lang, name, alert.product, alert.count);
            let tag = format!("{}.{}", alert.code, alert.product.as_param());
            notify(state, text, tag);
        }
    });
}

fn notifications_exist() -> bool {
    let window = window();
    js_sys::Reflect::has(&window, &"Notification".into()).unwrap_or(false)
        && js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false)
}

/// Asks for permission to notify, only on the tap that arms an alert: a
/// refusal (or no notifications at all) leaves the in-page banner.
pub fn ask_to_notify() {
    if notifications_exist() && Notification::permission() == NotificationPermission::Default {
        let _ = Notification::request_permission();
    }
}

fn notify(state: AppState, text: String, tag: String) {
    let banner = state.alert_banner;
    if !notifications_exist() || Notification::permission() != NotificationPermission::Granted {
        banner.update(|b| b.push(text));
        return;
    }
    let title = i18n::app_name(state.lang);
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(window().navigator().service_worker().get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok());
        let options = NotificationOptions::new();
        options.set_body(&text);
        options.set_tag(&tag);
        // An alert an hour later replaces the first one: it must sound again.
        options.set_renotify(true);
        let shown = match registration.map(|r| r.show_notification_with_options(title, &options)) {
            Some(Ok(promise)) => JsFuture::from(promise).await.is_ok(),
            _ => false,
        };
        if !shown {
            banner.update(|b| b.push(text));
        }
    });
}

/// The alerts given in the page, until dismissed.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let AppState {
        alert_banner, lang, ..
    } = AppState::get();
    move || {
        let texts = alert_banner.get();
        (!texts.is_empty()).then(|| {
            view! {
                <div class="alert-banner" data-testid="alert-banner" role="alert">
                    <ul>{texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <button on:click=move |_| alert_banner.set(Vec::new()) aria-label=i18n::close(lang)>"×"</button>
                </div>
            }
        })
    }
}
