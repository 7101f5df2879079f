//! `govchain-node trustee --election N --secret FILE [--suri …] [--url ws://…]`: a trustee's own
//! tool for an encrypted election. It follows the chain through a node and, each in its time,
//! makes the trustee's moves, signed with the trustee's key:
//!
//! 1. the key ceremony: commit, publish, deal the others' shares (encrypted to them), and
//!    complain about a share that does not open to what its dealer's polynomial promised;
//! 2. after voting: post its decryption shares of the encrypted sums, with their proofs;
//! 3. once `threshold` trustees have posted: work out the counts (off chain: a discrete
//!    logarithm bounded by the ballots counted) and publish them for the chain to check.
//!
//! It stops when the election is closed, failed or cancelled. Its private state is derived from
//! the secret in `FILE` (32 random bytes, made with mode 0600 on first use) and the election's
//! number, so a trustee that restarts picks up where it left off; the secret never leaves the
//! machine, and what is posted is checked by the chain.
//!
//! It trusts the node it reads for the chain's state (run it against the institution's own
//! node); a node that lied could only make it post too early or not at all.

use crate::chain_client::{self, best_block, runtime_call, storage, submit};
use codec::Encode;
use govchain_ballot::dkg::TrusteeSetup;
use govchain_runtime::{Runtime, RuntimeCall};
use jsonrpsee::ws_client::WsClient;
use pallet_e_voting::{
    trustee as side, CeremonyRound, Election, ElectionId, ElectionStatus, KeyCeremony,
    TrusteePosition,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use sp_core::{Pair, H256};
use sp_runtime::BoundedVec;
use std::{path::PathBuf, time::Duration};

/// `trustee`'s arguments.
#[derive(Debug, Clone, clap::Parser)]
pub struct TrusteeCmd {
    /// The encrypted election this trustee serves.
    #[arg(long)]
    pub election: ElectionId,

    /// The file holding the trustee's secret (made, mode 0600, if it does not exist). Keep it
    /// until the election is closed: the trustee's share of the key derives from it.
    #[arg(long)]
    pub secret: PathBuf,

    /// The trustee's signing key (a secret URI: mnemonic, seed or `//Dev` path), as the
    /// election names its account; if not given, the `GOVCHAIN_TRUSTEE_SURI` environment
    /// variable (which other users of the machine cannot read in the process list).
    #[arg(long)]
    pub suri: Option<String>,

    /// The node to follow and submit through: its WebSocket RPC address.
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    pub url: String,

    /// How often to look at the chain, in milliseconds.
    #[arg(long, default_value_t = 1_000)]
    pub poll_ms: u64,
}

/// What the tool did last, so that it waits for the chain to show it before trying again.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    Commit,
    Publish,
    Share,
    Complain(TrusteePosition),
    Decrypt,
    Tally,
}

/// A step is tried again if the chain does not show it this many blocks after submission.
const RETRY_AFTER_BLOCKS: u32 = 6;

impl TrusteeCmd {
    /// Serves the election until it ends; `Err` if the node cannot be used or this account is
    /// not one of its trustees.
    pub fn run(&self) -> sc_cli::Result<()> {
        let runtime = chain_client::runtime()?;
        let outcome = runtime.block_on(self.serve())?;
        println!("election {}: {outcome}", self.election);
        Ok(())
    }

    async fn serve(&self) -> Result<String, String> {
        let pair = chain_client::signer(
            self.suri.as_deref(),
            "GOVCHAIN_TRUSTEE_SURI",
            "the trustee's key",
        )?;
        let account: govchain_runtime::AccountId = pair.public().into();
        let secret = load_or_make_secret(&self.secret)?;
        let (client, genesis) = chain_client::connect(&self.url, 64 * 1024 * 1024).await?;
        let seed: [u8; 32] = sp_io::hashing::blake2_256(
            &(b"govchain-trustee", secret, genesis, self.election).encode(),
        );
        let mut last: Option<(Step, u32)> = None;
        loop {
            let (at, best) = best_block(&client).await?;
            let election: Election<Runtime> = storage(
                &client,
                at,
                pallet_e_voting::Elections::<Runtime>::hashed_key_for(self.election),
            )
            .await?
            .ok_or_else(|| format!("there is no election {}", self.election))?;
            let ceremony: KeyCeremony<Runtime> = storage(
                &client,
                at,
                pallet_e_voting::KeyCeremonies::<Runtime>::hashed_key_for(self.election),
            )
            .await?
            .ok_or_else(|| format!("election {} is not an encrypted one", self.election))?;
            let position = ceremony
                .position_of(&account)
                .ok_or_else(|| format!("{account} is not a trustee of this election"))?;
            let setup = TrusteeSetup::new(
                u32::from(position),
                ceremony.trustees.len() as u32,
                u32::from(ceremony.threshold),
                &mut ChaCha20Rng::from_seed(seed),
            )
            .map_err(|error| format!("the ceremony's parameters: {error:?}"))?;

            let next = match election.status {
                ElectionStatus::Closed(_) => return Ok("closed, its counts published".into()),
                ElectionStatus::Failed { reason, .. } => return Ok(format!("failed: {reason:?}")),
                ElectionStatus::Cancelled { .. } => return Ok("cancelled".into()),
                ElectionStatus::Tallying(_) => {
                    self.tally_step(&client, at, &ceremony, position, setup)
                        .await?
                }
                ElectionStatus::Running => {
                    // A transaction sent now lands in the next block: act for that block's round.
                    match ceremony.round(best.saturating_add(1), election.voting_starts) {
                        Some(round) => {
                            self.ceremony_step(&client, at, &ceremony, position, &setup, round)
                                .await?
                        }
                        None => None,
                    }
                }
            };
            if let Some((step, call)) = next {
                let due = match last {
                    Some((done, block)) if done == step => {
                        best >= block.saturating_add(RETRY_AFTER_BLOCKS)
                    }
                    _ => true,
                };
                if due {
                    submit(&client, &pair, genesis, call).await?;
                    println!(
                        "election {}: {step:?} submitted at block {best}",
                        self.election
                    );
                    last = Some((step, best));
                }
            }
            tokio::time::sleep(Duration::from_millis(self.poll_ms)).await;
        }
    }

    /// The ceremony move due in `round`, if this trustee has not made it yet.
    async fn ceremony_step(
        &self,
        client: &WsClient,
        at: H256,
        ceremony: &KeyCeremony<Runtime>,
        position: TrusteePosition,
        setup: &TrusteeSetup,
        round: CeremonyRound,
    ) -> Result<Option<(Step, RuntimeCall)>, String> {
        use pallet_e_voting::Call;
        let Some(me) = ceremony.trustees.get(usize::from(position)) else {
            return Ok(None);
        };
        let election = self.election;
        let failed = |error| format!("{round:?}: {error:?}");
        Ok(match round {
            CeremonyRound::Commit if me.committed.is_none() => {
                let context =
                    pallet_e_voting::Pallet::<Runtime>::ceremony_context(election, position, None);
                let message = setup.commit_round(&context).map_err(failed)?;
                Some((
                    Step::Commit,
                    RuntimeCall::Voting(Call::commit_key_part {
                        election,
                        commitment: message.commitment,
                        transport_key: message.transport_key,
                    }),
                ))
            }
            CeremonyRound::Publish if me.committed.is_some() && me.contribution.is_none() => {
                let message = setup.publish_round().map_err(failed)?;
                Some((
                    Step::Publish,
                    RuntimeCall::Voting(Call::publish_key_part {
                        election,
                        polynomial: BoundedVec::truncate_from(message.polynomial),
                        proof: BoundedVec::truncate_from(message.proof),
                        opening: message.opening,
                    }),
                ))
            }
            CeremonyRound::Share if me.contribution.is_some() && !me.shares_posted => {
                let shares =
                    side::deal_shares(election, ceremony, position, setup, &mut rand_core::OsRng)
                        .map_err(failed)?;
                Some((
                    Step::Share,
                    RuntimeCall::Voting(Call::post_key_shares {
                        election,
                        shares: BoundedVec::truncate_from(shares),
                    }),
                ))
            }
            CeremonyRound::Complain if me.contribution.is_some() => {
                let dealt = dealt_shares(client, at, election, ceremony).await?;
                let mut complaint = None;
                for dealer in side::faulty_dealers(election, ceremony, position, setup, &dealt) {
                    if me.complaints.contains(&dealer) {
                        continue;
                    }
                    let disclosure = side::disclosure(
                        election,
                        ceremony,
                        position,
                        setup,
                        dealer,
                        &dealt,
                        &mut rand_core::OsRng,
                    )
                    .map_err(failed)?;
                    complaint = Some((
                        Step::Complain(dealer),
                        RuntimeCall::Voting(Call::complain {
                            election,
                            dealer,
                            disclosure,
                        }),
                    ));
                    break;
                }
                complaint
            }
            _ => None,
        })
    }

    /// After voting: this trustee's decryption shares, or the counts once enough trustees
    /// posted theirs.
    async fn tally_step(
        &self,
        client: &WsClient,
        at: H256,
        ceremony: &KeyCeremony<Runtime>,
        position: TrusteePosition,
        setup: TrusteeSetup,
    ) -> Result<Option<(Step, RuntimeCall)>, String> {
        use pallet_e_voting::Call;
        let election = self.election;
        let Some(record) = runtime_call::<Option<pallet_e_voting::EncryptedRecord>>(
            client,
            at,
            "EVotingApi_encrypted_record",
            election.encode(),
        )
        .await?
        else {
            return Ok(None);
        };
        let posted = record
            .decryption_shares
            .iter()
            .any(|(trustee, _)| *trustee == position);
        if !posted {
            if ceremony
                .trustees
                .get(usize::from(position))
                .is_none_or(|me| me.contribution.is_none())
            {
                // It never took part in the ceremony: it holds no share of the key.
                return Ok(None);
            }
            let dealt = dealt_shares(client, at, election, ceremony).await?;
            let holder = side::key_holder(election, ceremony, position, setup, &dealt)
                .map_err(|error| format!("its share of the key: {error:?}"))?;
            let shares = holder
                .decryption_shares(&record.sums, &mut rand_core::OsRng)
                .map_err(|error| format!("decryption shares: {error:?}"))?;
            return Ok(Some((
                Step::Decrypt,
                RuntimeCall::Voting(Call::post_decryption_shares {
                    election,
                    shares: BoundedVec::truncate_from(shares),
                }),
            )));
        }
        if record.decryption_shares.len() < usize::from(record.threshold) {
            return Ok(None);
        }
        let counts = record
            .decrypt_counts()
            .map_err(|error| format!("the counts: {error:?}"))?;
        Ok(Some((
            Step::Tally,
            RuntimeCall::Voting(Call::publish_tally {
                election,
                counts: BoundedVec::truncate_from(counts),
            }),
        )))
    }
}

/// The secret in `path`, made (32 random bytes, hex, mode 0600) if the file does not exist.
fn load_or_make_secret(path: &PathBuf) -> Result<[u8; 32], String> {
    let shown = path.display();
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes = sp_core::bytes::from_hex(text.trim())
                .map_err(|error| format!("{shown}: not a hex secret: {error}"))?;
            bytes
                .try_into()
                .map_err(|_| format!("{shown}: the secret is not 32 bytes"))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let mut secret = [0u8; 32];
            rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut secret);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options
                .open(path)
                .map_err(|error| format!("{shown}: {error}"))?;
            std::io::Write::write_all(&mut file, sp_core::bytes::to_hex(&secret, false).as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|error| format!("{shown}: {error}"))?;
            Ok(secret)
        }
        Err(error) => Err(format!("{shown}: {error}")),
    }
}

/// The shares each trustee that published dealt, by dealer (as posted, encrypted).
async fn dealt_shares(
    client: &WsClient,
    at: H256,
    election: ElectionId,
    ceremony: &KeyCeremony<Runtime>,
) -> Result<side::Dealt, String> {
    let mut dealt = side::Dealt::new();
    for dealer in ceremony.published() {
        let shares: Option<Vec<govchain_ballot::dkg::EncryptedShare>> = storage(
            client,
            at,
            pallet_e_voting::DealtShares::<Runtime>::hashed_key_for(election, dealer),
        )
        .await?;
        if let Some(shares) = shares {
            dealt.insert(dealer, shares);
        }
    }
    Ok(dealt)
}
