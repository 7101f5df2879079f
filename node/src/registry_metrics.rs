//! The registries' health as Prometheus gauges (`govchain_*`, on the node's `--prometheus-port`
//! beside the `substrate_*` metrics), read at every finalized block: what the runtime APIs say
//! of the reserve's coverage and of each election's phase, and the registers' counters from the
//! pallets' own storage items. `ops/monitoring/` alerts and graphs on them.
//!
//! The reading runs on a blocking task of its own, one finalized block at a time: when blocks
//! finalize faster than it reads (a node catching up), it skips to the newest.

use std::{collections::BTreeMap, sync::Arc};

use codec::Decode;
use frame_support::storage::StoragePrefixedMap;
use futures::{FutureExt, StreamExt};
use govchain_runtime::{opaque::Block, BlockNumber, Runtime};
use pallet_cbdc_reserve_runtime_api::CbdcApi as _;
use pallet_e_voting::{ElectionId, Phase};
use pallet_e_voting_runtime_api::EVotingApi as _;
use sc_client_api::{BlockchainEvents, StorageProvider};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};
use substrate_prometheus_endpoint::{
    register, Counter, Gauge, GaugeVec, Opts, PrometheusError, Registry, F64, U64,
};

use crate::service::FullClient;

/// At most this many running elections are asked about per block (settled ones are remembered):
/// the node's work per block stays bounded whatever the chain holds.
const MAX_ELECTIONS_READ: usize = 10_000;

/// The gauges, registered once.
struct Gauges {
    block: Gauge<U64>,
    active_citizens: Gauge<U64>,
    diplomas: Gauge<U64>,
    parcels: Gauge<U64>,
    pending_actions: Gauge<U64>,
    total_supply: Gauge<F64>,
    reserve_value: Gauge<F64>,
    coverage_ratio: Gauge<F64>,
    coverage_deficit: Gauge<F64>,
    unattested_assets: Gauge<U64>,
    elections: GaugeVec<U64>,
    elections_open: Gauge<U64>,
    errors: Counter<U64>,
}

fn gauge<P: substrate_prometheus_endpoint::prometheus::core::Atomic + 'static>(
    registry: &Registry,
    name: &str,
    help: &str,
) -> Result<Gauge<P>, PrometheusError> {
    register(Gauge::new(name, help)?, registry)
}

impl Gauges {
    fn register(registry: &Registry) -> Result<Self, PrometheusError> {
        Ok(Self {
            block: gauge(
                registry,
                "govchain_registry_metrics_block",
                "The finalized block the govchain_* registry metrics were read at",
            )?,
            active_citizens: gauge(
                registry,
                "govchain_registry_active_citizens",
                "Active citizens in the identity registry",
            )?,
            diplomas: gauge(registry, "govchain_registry_diplomas", "Diplomas recorded")?,
            parcels: gauge(
                registry,
                "govchain_registry_parcels",
                "Land parcels registered (parcel ids handed out)",
            )?,
            pending_actions: gauge(
                registry,
                "govchain_registry_pending_actions",
                "Dual-control actions waiting for their approvals, all institutions",
            )?,
            total_supply: gauge(
                registry,
                "govchain_cbdc_total_supply",
                "Digital currency in circulation, in its smallest unit",
            )?,
            reserve_value: gauge(
                registry,
                "govchain_cbdc_reserve_value",
                "The auditor-attested value of the reserve, in the currency's smallest unit",
            )?,
            coverage_ratio: gauge(
                registry,
                "govchain_cbdc_coverage_ratio",
                "Supply divided by the attested reserve value (NaN without reserve)",
            )?,
            coverage_deficit: gauge(
                registry,
                "govchain_cbdc_coverage_deficit",
                "How far supply exceeds the coverage limit (0 when covered), smallest unit",
            )?,
            unattested_assets: gauge(
                registry,
                "govchain_cbdc_unattested_assets",
                "Reserve assets whose latest valuation no auditor has attested",
            )?,
            elections: register(
                GaugeVec::new(
                    Opts::new("govchain_elections", "Elections by phase"),
                    &["phase"],
                )?,
                registry,
            )?,
            elections_open: gauge(
                registry,
                "govchain_elections_open",
                "Elections taking ballots now",
            )?,
            errors: register(
                Counter::new(
                    "govchain_registry_metrics_errors_total",
                    "Finalized blocks whose registry metrics could not all be read (the node's \
                     log says why)",
                )?,
                registry,
            )?,
        })
    }
}

/// The phase's label: its name in lower case.
fn phase_label(phase: &Phase) -> String {
    format!("{phase:?}").to_lowercase()
}

/// A storage value of type `T` at `hash` (its default when absent); `Err` if the state cannot be
/// read or the value does not decode.
fn value<T: Decode + Default>(
    client: &FullClient,
    hash: <Block as BlockT>::Hash,
    key: Vec<u8>,
    what: &str,
) -> Result<T, String> {
    match client.storage(hash, &StorageKey(key)) {
        Ok(Some(data)) => {
            T::decode(&mut &data.0[..]).map_err(|error| format!("{what}: undecodable: {error}"))
        }
        Ok(None) => Ok(T::default()),
        Err(error) => Err(format!("{what}: {error}")),
    }
}

/// Elections whose phase can no longer change (closed, cancelled, failed): read once, then
/// counted from here, so each block's work is bounded by the elections still running.
#[derive(Default)]
struct Settled(BTreeMap<ElectionId, String>);

fn is_settled(phase: &Phase) -> bool {
    matches!(phase, Phase::Closed | Phase::Cancelled | Phase::Failed)
}

/// Reads every gauge at the finalized block `hash` (number `number`). The block gauge moves
/// only when every read succeeded, so a node whose reads fail shows stale metrics (the
/// GovchainRegistryMetricsStale alert) rather than zeros.
fn read(
    client: &FullClient,
    gauges: &Gauges,
    settled: &mut Settled,
    hash: <Block as BlockT>::Hash,
    number: BlockNumber,
) -> Result<(), String> {
    gauges.active_citizens.set(value::<u64>(
        client,
        hash,
        pallet_identity_registry::ActiveCitizens::<Runtime>::hashed_key().to_vec(),
        "ActiveCitizens",
    )?);
    gauges.diplomas.set(value::<u64>(
        client,
        hash,
        pallet_diplomas::DiplomaCount::<Runtime>::hashed_key().to_vec(),
        "DiplomaCount",
    )?);
    gauges.parcels.set(value::<pallet_land_titles::ParcelId>(
        client,
        hash,
        pallet_land_titles::NextParcelId::<Runtime>::hashed_key().to_vec(),
        "NextParcelId",
    )?);
    let pending_prefix = StorageKey(
        pallet_identity_registry::PendingActionCount::<Runtime>::final_prefix().to_vec(),
    );
    let mut pending = 0u64;
    for (_, data) in client
        .storage_pairs(hash, Some(&pending_prefix), None)
        .map_err(|error| format!("PendingActionCount: {error}"))?
    {
        let count = u32::decode(&mut &data.0[..])
            .map_err(|error| format!("PendingActionCount: undecodable: {error}"))?;
        pending = pending.saturating_add(u64::from(count));
    }
    gauges.pending_actions.set(pending);

    let api = client.runtime_api();
    let reserve = api
        .reserve(hash)
        .map_err(|error| format!("CbdcApi_reserve: {error}"))?;
    // Gauges are floating point: amounts above 2^53 lose their last digits, not their size.
    gauges.total_supply.set(reserve.total_supply as f64);
    gauges.reserve_value.set(reserve.reserve_value as f64);
    gauges.coverage_deficit.set(reserve.coverage_deficit as f64);
    gauges
        .unattested_assets
        .set(u64::from(reserve.unattested_assets));
    // NaN without reserve (the API's `None`): no ratio, rather than a misleading number.
    gauges.coverage_ratio.set(
        reserve
            .coverage_ppm
            .map_or(f64::NAN, |ppm| ppm as f64 / 1_000_000.0),
    );

    // Elections: their ids from the pallet's map (Twox64Concat: the id follows its 8-byte
    // hash), the phase of those still running from the runtime API, as a wallet sees it.
    let prefix = StorageKey(pallet_e_voting::Elections::<Runtime>::final_prefix().to_vec());
    let mut by_phase: BTreeMap<String, u64> = BTreeMap::new();
    let mut open = 0u64;
    let keys = client
        .storage_keys(hash, Some(&prefix), None)
        .map_err(|error| format!("Elections: {error}"))?;
    let mut asked = 0usize;
    for key in keys {
        let mut tail = key
            .0
            .get(prefix.0.len().saturating_add(8)..)
            .ok_or("Elections: a key without its id")?;
        let id = ElectionId::decode(&mut tail)
            .map_err(|error| format!("Elections: undecodable id: {error}"))?;
        let label = match settled.0.get(&id) {
            Some(label) => label.clone(),
            None => {
                asked = asked.saturating_add(1);
                if asked > MAX_ELECTIONS_READ {
                    return Err(format!(
                        "more than {MAX_ELECTIONS_READ} running elections: not all read"
                    ));
                }
                let election = api
                    .election(hash, id)
                    .map_err(|error| format!("EVotingApi_election: {error}"))?
                    .ok_or_else(|| format!("EVotingApi_election: no election {id}"))?;
                if matches!(election.phase, Phase::Voting) {
                    open = open.saturating_add(1);
                }
                let label = phase_label(&election.phase);
                if is_settled(&election.phase) {
                    settled.0.insert(id, label.clone());
                }
                label
            }
        };
        let count = by_phase.entry(label).or_default();
        *count = count.saturating_add(1);
    }
    // Every phase is exported, zero included, so a graph or an alert never sees a gap.
    for phase in [
        Phase::Scheduled,
        Phase::Voting,
        Phase::Revealing,
        Phase::Closing,
        Phase::Closed,
        Phase::Cancelled,
        Phase::Tallying,
        Phase::Failed,
    ] {
        let label = phase_label(&phase);
        let count = by_phase.get(&label).copied().unwrap_or_default();
        gauges.elections.with_label_values(&[&label]).set(count);
    }
    gauges.elections_open.set(open);
    gauges.block.set(u64::from(number));
    Ok(())
}

/// Registers the gauges and returns the task that keeps them current; `None` without a
/// Prometheus registry (`--no-prometheus`).
pub fn task(
    client: Arc<FullClient>,
    registry: Option<&Registry>,
) -> Result<Option<impl std::future::Future<Output = ()>>, PrometheusError> {
    let Some(registry) = registry else {
        return Ok(None);
    };
    let gauges = Gauges::register(registry)?;
    Ok(Some(async move {
        let mut settled = Settled::default();
        let mut read_at = |hash, number| {
            if let Err(error) = read(&client, &gauges, &mut settled, hash, number) {
                gauges.errors.inc();
                log::warn!(target: "govchain", "registry metrics at #{number}: {error}");
            }
        };
        let mut finalized = client.finality_notification_stream();
        // The chain as it is at start-up, before any new block is finalized.
        let info = client.info();
        read_at(info.finalized_hash, info.finalized_number);
        while let Some(mut notification) = finalized.next().await {
            // Only the newest of the notifications already waiting is read.
            while let Some(Some(newer)) = finalized.next().now_or_never() {
                notification = newer;
            }
            let number = *notification.header.number();
            read_at(notification.hash, number);
        }
    }))
}
