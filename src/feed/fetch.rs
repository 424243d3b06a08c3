//! The only code that touches the network: one GET of a feed, parsed.
//! Polling, timeouts and retries belong here too (issue 3).

use gloo_net::http::Request;

use super::{parse, Inventory, LoadError};

/// Fetches `url` and reads it as a feed of any supported format.
pub async fn load(url: &str) -> Result<Inventory, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
        });
    }
    let bytes = response.binary().await.map_err(|_| LoadError::Network)?;
    parse(&bytes).map_err(LoadError::Feed)
}
