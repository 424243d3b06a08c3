//! How a feed's pharmacies get onto the map: with their own coordinates, or
//! joined by institution code to the location registry. Pure, so the poller
//! (`fetch/`) only does what these decide.

use super::{FeedFormat, Inventory, JoinStats, LoadError, Registry};

/// How the pharmacies were placed on the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// The feed has its own coordinates.
    OwnCoordinates,
    Joined(JoinStats),
    /// The registry could not be loaded; retried on the next poll.
    RegistryFailed(LoadError),
}

/// Whether to ask for the registry at the same time as the feed, before its
/// rows are seen: only when none is kept from an earlier poll and the feed's
/// address says it will be needed ([`registry_needed_for`]).
pub fn ask_with_feed(feed_url: &str, registry_url: &str, registry_kept: bool) -> bool {
    !registry_kept && registry_needed_for(feed_url, registry_url)
}

/// Whether a feed at `feed_url` will need the registry at `registry_url`,
/// guessed from its address so that both requests can go out together: NHIA
/// publishes its coordinate-less mask CSV as `maskdata.csv`. Any other feed
/// asks for the registry only once its rows turn out to have no coordinates.
fn registry_needed_for(feed_url: &str, registry_url: &str) -> bool {
    let feed = feed_url.to_ascii_lowercase();
    registry_url != feed_url
        && !registry_url.trim().is_empty()
        && feed.match_indices("maskdata").any(|(at, _)| {
            feed[at..]
                .split('/')
                .next()
                .is_some_and(|name| name.contains(".csv"))
        })
}

/// Whether `inventory` needs the registry: NHIA's mask CSV never carries
/// coordinates, and a feed of any format whose rows have none needs them.
pub fn needs_registry(inventory: &Inventory) -> bool {
    inventory.format == FeedFormat::NhiaMaskCsv || inventory.located().next().is_none()
}

/// Places `inventory` with what is at hand: its own coordinates when it
/// needs no registry, else the registry `kept` from an earlier poll, else
/// the one that `arrived` with the feed (or its failure). `None`: a
/// registry is needed and none was asked for; fetch it and [`join`].
pub fn place(
    inventory: &mut Inventory,
    kept: Option<&Registry>,
    arrived: Option<Result<&Registry, &LoadError>>,
) -> Option<Placement> {
    if !needs_registry(inventory) {
        return Some(Placement::OwnCoordinates);
    }
    let registry = kept.map(Ok).or(arrived)?;
    Some(join(inventory, registry))
}

/// Joins `inventory` to a registry that loaded, or says why it could not.
pub fn join(inventory: &mut Inventory, registry: Result<&Registry, &LoadError>) -> Placement {
    match registry {
        Ok(registry) => Placement::Joined(inventory.join(registry)),
        Err(error) => Placement::RegistryFailed(error.clone()),
    }
}
