//! The chain under test: its genesis, accounts' nonces, events, and set-up transactions that
//! must each land and succeed.

use crate::{
    rpc::Rpc,
    signer::{Key, Signed},
    Error,
};
use govchain_runtime::{
    configs::CouncilCollective, AccountId, Nonce, Runtime, RuntimeCall, RuntimeEvent,
};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

/// An event with the phase it was emitted in.
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, H256>;

/// How long set-up transactions may take to land.
const SET_UP_TIMEOUT: Duration = Duration::from_secs(180);

/// The chain the tool talks to.
pub struct Chain {
    pub rpc: Rpc,
    pub genesis: H256,
}

/// The next nonce of each account the tool signs for, read from the chain on first use.
#[derive(Default)]
pub struct Nonces(HashMap<AccountId, Nonce>);

impl Chain {
    pub async fn new(rpc: Rpc) -> Result<Self, Error> {
        let genesis = rpc.block_hash(0).await?;
        Ok(Self { rpc, genesis })
    }

    /// The nonce `account` has in the best block's state.
    pub async fn nonce(&self, account: &AccountId) -> Result<Nonce, Error> {
        let info: Option<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<u128>>> =
            self.rpc
                .storage(
                    &frame_system::Account::<Runtime>::hashed_key_for(account),
                    None,
                )
                .await?;
        Ok(info.map(|info| info.nonce).unwrap_or_default())
    }

    /// `call` signed by `key` with its next nonce.
    pub async fn sign(
        &self,
        key: &Key,
        call: RuntimeCall,
        nonces: &mut Nonces,
    ) -> Result<Signed, Error> {
        self.sign_with_tip(key, call, 0, nonces).await
    }

    /// As [`Chain::sign`], with `tip` (a transaction with a tip pays its fee).
    pub async fn sign_with_tip(
        &self,
        key: &Key,
        call: RuntimeCall,
        tip: govchain_runtime::Balance,
        nonces: &mut Nonces,
    ) -> Result<Signed, Error> {
        let nonce = match nonces.0.get(&key.account) {
            Some(nonce) => *nonce,
            None => self.nonce(&key.account).await?,
        };
        nonces
            .0
            .insert(key.account.clone(), nonce.saturating_add(1));
        Ok(crate::signer::sign_with_tip(
            key,
            call,
            nonce,
            tip,
            self.genesis,
        ))
    }

    /// The events of block `hash`.
    pub async fn events(&self, hash: H256) -> Result<Vec<EventRecord>, Error> {
        Ok(self
            .rpc
            // `frame_system::Events` is private to the pallet; its key is not.
            .storage(
                &frame_support::storage::storage_prefix(b"System", b"Events"),
                Some(hash),
            )
            .await?
            .unwrap_or_default())
    }

    /// Submits `transactions` and waits until each is in a block and succeeded (a council
    /// motion executed without error); `what` names the step in errors.
    pub async fn submit_and_wait(
        &self,
        what: &str,
        transactions: Vec<Signed>,
    ) -> Result<(), Error> {
        let mut waiting: HashMap<[u8; 32], usize> = HashMap::new();
        for (n, transaction) in transactions.iter().enumerate() {
            self.rpc
                .submit(n, &transaction.hex)
                .await
                .map_err(|error| format!("{what}: transaction {n} refused: {error}"))?;
            waiting.insert(transaction.hash, n);
        }
        let deadline = Instant::now() + SET_UP_TIMEOUT;
        let mut next = self.rpc.best_number().await?;
        while !waiting.is_empty() {
            if Instant::now() > deadline {
                return Err(format!(
                    "{what}: {} transactions did not land in time",
                    waiting.len()
                )
                .into());
            }
            let best = self.rpc.best_number().await?;
            if best < next {
                tokio::time::sleep(Duration::from_millis(300)).await;
                continue;
            }
            let hash = self.rpc.block_hash(next).await?;
            let extrinsics = self.rpc.block_extrinsics(hash).await?;
            let ours: Vec<(u32, usize)> = extrinsics
                .iter()
                .enumerate()
                .filter_map(|(index, bytes)| {
                    waiting
                        .remove(&blake2_256(bytes))
                        .map(|n| (index as u32, n))
                })
                .collect();
            if !ours.is_empty() {
                let events = self.events(hash).await?;
                for (index, n) in ours {
                    if let Some(problem) = failure(&events, index) {
                        return Err(format!(
                            "{what}: transaction {n} in block {next} failed: {problem}"
                        )
                        .into());
                    }
                }
            }
            next = next.saturating_add(1);
        }
        Ok(())
    }
}

/// Why extrinsic `index` of a block with `events` failed, if it did.
fn failure(events: &[EventRecord], index: u32) -> Option<String> {
    events
        .iter()
        .filter(|record| record.phase == frame_system::Phase::ApplyExtrinsic(index))
        .find_map(|record| match &record.event {
            RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
                dispatch_error, ..
            }) => Some(format!("{dispatch_error:?}")),
            RuntimeEvent::Council(
                pallet_collective::Event::<Runtime, CouncilCollective>::Executed {
                    result: Err(error),
                    ..
                },
            ) => Some(format!("the council's motion: {error:?}")),
            _ => None,
        })
}
