//! Directions to a pharmacy: links in the app and an embed; on a kiosk, a QR
//! code of the Google Maps link to scan with a phone (a link followed on a
//! kiosk would strand it on another site).

use leptos::prelude::*;

use crate::config::Mode;
use crate::i18n;
use crate::qr::qr_path;
use crate::state::AppState;

#[component]
pub fn Directions(links: [(&'static str, String); 3]) -> impl IntoView {
    let AppState { mode, lang, .. } = AppState::get();
    if mode == Mode::Kiosk {
        let [(_, google), ..] = links;
        let qr = qr_path(&google);
        return view! {
            <figure class="qr" data-testid="directions-qr" data-url=google.clone()>
                {qr.map(|qr| {
                    let view_box = format!("0 0 {0} {0}", qr.size);
                    view! {
                        <svg class="qr__code" viewBox=view_box role="img" aria-label=i18n::scan_for_directions(lang)>
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d=qr.path fill="#000" />
                        </svg>
                    }
                })}
                <figcaption>{i18n::scan_for_directions(lang)}</figcaption>
            </figure>
        }
        .into_any();
    }
    view! {
        <p class="details__directions">
            {i18n::directions(lang)} ": "
            {links
                .into_iter()
                .map(|(name, href)| view! { <a href=href target="_blank" rel="noopener noreferrer">{name}</a> " " })
                .collect_view()}
        </p>
    }
    .into_any()
}
