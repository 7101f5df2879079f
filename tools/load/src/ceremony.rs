//! The encrypted election of workload (g): the ministry creates it with three trustees (its own
//! officer, the audit chamber's and a university officer: three institutions), and the tool
//! makes each trustee's moves round by round as `govchain-node trustee` would, by the pallet's
//! own rules (`pallet_e_voting::trustee`), until voting starts with the election key.

use crate::{
    chain::{Chain, Nonces},
    signer::Key,
    Error,
};
use govchain_ballot::{dkg::TrusteeSetup, ElectionKey};
use govchain_runtime::{BlockNumber, Runtime, RuntimeCall};
use pallet_e_voting::{trustee as side, CeremonyRound, Election, ElectionId, KeyCeremony};
use sp_runtime::BoundedVec;
use std::time::{Duration, Instant};

/// Blocks each of the ceremony's four rounds lasts: room for a round's transactions to land.
pub const ROUND_BLOCKS: BlockNumber = 3;
/// How long the whole ceremony may take.
const CEREMONY_TIMEOUT: Duration = Duration::from_secs(300);

/// The encrypted election the ballots of workload (g) go to.
pub struct EncryptedElection {
    pub id: ElectionId,
    pub key: ElectionKey,
    pub options: u32,
}

async fn ceremony(chain: &Chain, election: ElectionId) -> Result<KeyCeremony<Runtime>, Error> {
    Ok(chain
        .rpc
        .storage(
            &pallet_e_voting::KeyCeremonies::<Runtime>::hashed_key_for(election),
            None,
        )
        .await?
        .ok_or("the encrypted election has no key ceremony")?)
}

/// Waits until a transaction sent now lands in `round` (the next block is in it).
async fn wait_for(
    chain: &Chain,
    ceremony: &KeyCeremony<Runtime>,
    voting_starts: BlockNumber,
    round: CeremonyRound,
    deadline: Instant,
) -> Result<(), Error> {
    loop {
        let next = chain.rpc.best_number().await?.saturating_add(1);
        if ceremony.round(next, voting_starts) == Some(round) {
            return Ok(());
        }
        if Instant::now() > deadline || next >= voting_starts {
            return Err(format!("the key ceremony's {round:?} round passed").into());
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// Runs the ceremony of `election` for `trustees` (in the election's order): commit, publish,
/// deal shares, each in its round; returns the key made when voting starts.
pub async fn run(
    chain: &Chain,
    election: ElectionId,
    trustees: &[&Key],
) -> Result<ElectionKey, Error> {
    let deadline = Instant::now() + CEREMONY_TIMEOUT;
    let record: Election<Runtime> = chain
        .rpc
        .storage(
            &pallet_e_voting::Elections::<Runtime>::hashed_key_for(election),
            None,
        )
        .await?
        .ok_or("the encrypted election is not on chain")?;
    let first = ceremony(chain, election).await?;
    let count = first.trustees.len() as u32;
    let mut rng = rand_core::OsRng;
    let setups = (0..count)
        .map(|position| {
            TrusteeSetup::new(position, count, u32::from(first.threshold), &mut rng)
                .map_err(|error| format!("a trustee: {error:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut nonces = Nonces::default();
    for round in [
        CeremonyRound::Commit,
        CeremonyRound::Publish,
        CeremonyRound::Share,
    ] {
        wait_for(chain, &first, record.voting_starts, round, deadline).await?;
        let now = ceremony(chain, election).await?;
        let mut step = Vec::new();
        for (position, (key, setup)) in trustees.iter().zip(&setups).enumerate() {
            let position = position as pallet_e_voting::TrusteePosition;
            let failed = |error| format!("{round:?} of trustee {position}: {error:?}");
            let call = match round {
                CeremonyRound::Commit => {
                    let context = pallet_e_voting::Pallet::<Runtime>::ceremony_context(
                        election, position, None,
                    );
                    let message = setup.commit_round(&context).map_err(failed)?;
                    pallet_e_voting::Call::commit_key_part {
                        election,
                        commitment: message.commitment,
                        transport_key: message.transport_key,
                    }
                }
                CeremonyRound::Publish => {
                    let message = setup.publish_round().map_err(failed)?;
                    pallet_e_voting::Call::publish_key_part {
                        election,
                        polynomial: BoundedVec::truncate_from(message.polynomial),
                        proof: BoundedVec::truncate_from(message.proof),
                        opening: message.opening,
                    }
                }
                _ => pallet_e_voting::Call::post_key_shares {
                    election,
                    shares: BoundedVec::truncate_from(
                        side::deal_shares(election, &now, position, setup, &mut rng)
                            .map_err(failed)?,
                    ),
                },
            };
            step.push(
                chain
                    .sign(key, RuntimeCall::Voting(call), &mut nonces)
                    .await?,
            );
        }
        chain
            .submit_and_wait(&format!("the key ceremony's {round:?} round"), step)
            .await?;
    }
    // The key is made as voting starts.
    loop {
        if chain.rpc.best_number().await? >= record.voting_starts {
            break;
        }
        if Instant::now() > deadline {
            return Err("voting of the encrypted election did not start in time".into());
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    ceremony(chain, election)
        .await?
        .key
        .ok_or_else(|| "the key ceremony made no key".into())
}
