//! How many votes per second does the runtime take, next to the plain token transfer every
//! Substrate chain has? Applies signed extrinsics (signature check, nonce, weight, fee-free
//! quota included) natively against the real runtime, side by side in one run: per round,
//! `--voters` (default 1,000) `balances.transfer_keep_alive` transactions, as many public-poll
//! `vote`s and as many `cast_encrypted_ballot`s of a 4-option encrypted election (each ballot's
//! proof checked, the encrypted sums updated), each kind in a block of its own. Prints each kind
//! per second and its ratio to token transfers. Native execution: the node runs the same code
//! compiled to wasm, slower (see `docs/performance.md`).
//!
//!     scripts/bench-votes.sh [voters] [rounds]
//!
//! Every voter is a verified citizen (with tokens to transfer); each round runs in a fresh
//! quota period with a fresh poll and encrypted election (three trustees of three institutions
//! make its key on chain first), so all votes go fee-free. Rounds alternate which of transfers
//! and votes goes first; the figure reported is the median round. Signing and encrypting happen
//! before the clock starts.

// A measuring tool, not runtime code: it may panic on a broken set-up.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

mod common;

use common::{apply_all, development_storage, median, next_block, sign};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Role};
use govchain_runtime::{
    configs::{CouncilCollective, QuotaPeriod},
    AccountId, Balances, Identity, RuntimeCall, RuntimeOrigin, System, Voting, UNIT,
};
use pallet_e_voting::{
    testing::{encrypted_ballot, Trustees},
    BallotMode, BallotOption, ElectionId, ElectionSpec,
};
use sp_core::{sr25519, Pair, H256};
use std::time::Duration;

/// A citizen: its key and account.
struct Voter {
    pair: sr25519::Pair,
    account: AccountId,
}

/// Registers an institution with `roles` and appoints its officer, account `[100 + n; 32]`.
fn officer_of(n: u8, code: &[u8], roles: Vec<Role>) -> AccountId {
    let council: RuntimeOrigin =
        pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 1).into();
    let (admin, officer) = (AccountId::from([n; 32]), AccountId::from([100 + n; 32]));
    let institution =
        pallet_identity_registry::NextInstitutionId::<govchain_runtime::Runtime>::get();
    assert_ok!(Identity::register_institution(
        council,
        pallet_identity_registry::InstitutionKind::Agency,
        BoundedVec::truncate_from(code.to_vec()),
        H256::repeat_byte(n),
        admin.clone(),
        BoundedVec::truncate_from(roles),
    ));
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(admin),
        institution,
        officer.clone(),
        300 * govchain_runtime::DAYS
    ));
    officer
}

/// The officer of the first institution, both civil registry and election commission, and the
/// trustees of the encrypted elections: that officer, a judge and an auditor.
fn government() -> (RuntimeOrigin, Vec<AccountId>) {
    let commissioner = officer_of(
        1,
        b"CEC",
        vec![Role::CivilRegistry, Role::ElectionCommission],
    );
    let judge = officer_of(2, b"COURT", vec![Role::Court]);
    let auditor = officer_of(3, b"AUDIT", vec![Role::Auditor]);
    (
        RuntimeOrigin::signed(commissioner.clone()),
        vec![commissioner, judge, auditor],
    )
}

fn set_up(officer: &RuntimeOrigin, count: u32) -> Vec<Voter> {
    (0..count)
        .map(|n| {
            let pair = sr25519::Pair::from_string(&format!("//voter/{n}"), None)
                .expect("a valid derivation");
            let account = AccountId::from(pair.public());
            assert_ok!(Identity::register_citizen(
                officer.clone(),
                account.clone(),
                H256::from_low_u64_be(u64::from(n) + 1),
                Some(n % 50),
                KycTier::Standard,
            ));
            assert_ok!(Balances::force_set_balance(
                RuntimeOrigin::root(),
                account.clone().into(),
                1_000 * UNIT
            ));
            assert!(Identity::citizen_of(&account).is_some(), "registered");
            Voter { pair, account }
        })
        .collect()
}

/// Every voter sends `call` in one new block.
fn round(voters: &[Voter], call: impl Fn(usize, &Voter) -> RuntimeCall) -> Duration {
    next_block();
    let extrinsics = voters
        .iter()
        .enumerate()
        .map(|(n, voter)| {
            sign(
                &voter.pair,
                call(n, voter),
                System::account_nonce(&voter.account),
            )
        })
        .collect();
    apply_all(extrinsics)
}

fn options(
    codes: &[&str],
) -> BoundedVec<BallotOption, <govchain_runtime::Runtime as pallet_e_voting::Config>::MaxOptions> {
    codes
        .iter()
        .map(|code| BallotOption {
            code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
            text_hash: H256::repeat_byte(3),
        })
        .collect::<Vec<_>>()
        .try_into()
        .expect("within MaxOptions")
}

/// The encrypted ballots' options.
const CANDIDATES: [&str; 4] = ["ANNA", "BORIS", "CHEN", "DARIA"];

/// A public poll voting from now for 20 blocks, and a 4-option encrypted election whose
/// trustees make its key in the next 8 blocks, then voting for 12 blocks.
fn create_elections(officer: &RuntimeOrigin, trustees: &[AccountId]) -> (ElectionId, ElectionId) {
    let now = System::block_number();
    let poll = pallet_e_voting::NextElectionId::<govchain_runtime::Runtime>::get();
    for (codes, voting_starts, mode, trustees) in [
        (
            &["YES", "NO", "ABSTAIN"][..],
            now,
            BallotMode::Public,
            vec![],
        ),
        (
            &CANDIDATES[..],
            now + 8,
            BallotMode::Encrypted {
                threshold: 2,
                tally_ends: now + 30,
            },
            trustees.to_vec(),
        ),
    ] {
        assert_ok!(Voting::create_election(
            officer.clone(),
            ElectionSpec {
                question_hash: H256::repeat_byte(2),
                options: options(codes),
                regions: None,
                voting_starts,
                voting_ends: now + 20,
                mode,
                trustees: BoundedVec::truncate_from(trustees),
            }
        ));
    }
    (poll, poll + 1)
}

/// The per-second rates of one round: tokens, public votes, encrypted ballots.
fn measure_round(
    voters: &[Voter],
    officer: &RuntimeOrigin,
    trustees: &[AccountId],
    tokens_first: bool,
) -> [Duration; 3] {
    // A fresh quota period, so every voter transacts fee-free.
    let start = System::block_number() + QuotaPeriod::get();
    System::set_block_number(start - 1);
    next_block();
    let (poll, encrypted) = create_elections(officer, trustees);
    let tokens = |voters: &[Voter]| {
        round(voters, |n, _| {
            RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
                dest: voters[(n + 1) % voters.len()].account.clone().into(),
                value: UNIT,
            })
        })
    };
    let votes = |voters: &[Voter]| {
        round(voters, |n, _| {
            RuntimeCall::Voting(pallet_e_voting::Call::vote {
                election: poll,
                option: (n % 3) as u8,
            })
        })
    };
    let (token, vote) = if tokens_first {
        let token = tokens(voters);
        (token, votes(voters))
    } else {
        let vote = votes(voters);
        (tokens(voters), vote)
    };
    // The trustees make the key; voting opens.
    let mut ceremony = Trustees::<govchain_runtime::Runtime>::of(encrypted, start.into());
    ceremony.run_ceremony();
    ceremony.start_voting();
    // As many blocks as the declared weight (for the most options an encrypted ballot has,
    // refunded to the actual after dispatch) needs within the fee-free share of a block.
    let share = pallet_identity_registry::FeeFreeBlockShare::<govchain_runtime::Runtime>::get();
    let per_block = share.mul_floor(block_capacity(&RuntimeCall::Voting(
        pallet_e_voting::Call::cast_encrypted_ballot {
            election: encrypted,
            ballot: Default::default(),
        },
    ))) as usize;
    let cast = voters
        .chunks(per_block.max(1))
        .enumerate()
        .map(|(chunk, voters)| {
            round(voters, |n, voter| {
                let n = chunk * per_block + n;
                RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
                    election: encrypted,
                    ballot: encrypted_ballot::<govchain_runtime::Runtime>(
                        encrypted,
                        &voter.account,
                        (n % CANDIDATES.len()) as u32,
                        n as u64,
                    ),
                })
            })
        })
        .sum();
    let tally = pallet_e_voting::Tallies::<govchain_runtime::Runtime>::get(encrypted)
        .expect("the election has a tally");
    assert_eq!(tally.ballots, voters.len() as u64, "every ballot was cast");
    [token, vote, cast]
}

/// How many `call`s fit in one block by their declared weight.
fn block_capacity(call: &RuntimeCall) -> u64 {
    use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
    let weights = govchain_runtime::configs::RuntimeBlockWeights::get();
    let normal = weights.get(DispatchClass::Normal);
    let room = normal
        .max_total
        .unwrap_or(weights.max_block)
        .saturating_sub(weights.base_block);
    let each = call
        .get_dispatch_info()
        .total_weight()
        .saturating_add(normal.base_extrinsic);
    room.ref_time() / each.ref_time()
}

/// How many of each vote fit in one block by the runtime's benchmarked weights: the chain's
/// throughput limit, whatever the machine.
fn print_block_capacity() {
    let calls = [
        (
            "vote",
            RuntimeCall::Voting(pallet_e_voting::Call::vote {
                election: 0,
                option: 0,
            }),
        ),
        (
            "cast_encrypted_ballot (declared for the most options)",
            RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
                election: 0,
                ballot: Default::default(),
            }),
        ),
    ];
    let seconds_per_block = govchain_primitives::MILLI_SECS_PER_BLOCK as f64 / 1_000.0;
    for (name, call) in calls {
        let per_block = block_capacity(&call);
        println!(
            "by weight: {per_block} {name} per block ({:.0}/s at {seconds_per_block} s blocks)",
            per_block as f64 / seconds_per_block
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let voters: u32 = args
        .next()
        .map_or(1_000, |n| n.parse().expect("a voter count"));
    let rounds: usize = args
        .next()
        .map_or(11, |n| n.parse().expect("a round count"));

    let mut ext = sp_io::TestExternalities::new(development_storage());
    ext.execute_with(|| {
        System::set_block_number(1);
        let (officer, trustees) = government();
        let voters_list = set_up(&officer, voters);
        let per_second = |duration: Duration| f64::from(voters) / duration.as_secs_f64();
        let mut rates: [Vec<f64>; 3] = Default::default();
        for index in 0..rounds {
            let durations = measure_round(&voters_list, &officer, &trustees, index % 2 == 0);
            for (rate, duration) in rates.iter_mut().zip(durations) {
                rate.push(per_second(duration));
            }
        }
        let [token, vote, cast] = rates.map(median);
        println!("median of {rounds} rounds of {voters} voters, native, signed extrinsics applied");
        println!("balances.transfer_keep_alive: {token:>10.0} /s");
        println!(
            "voting.vote (public poll):    {vote:>10.0} /s   ratio {:.2}",
            vote / token
        );
        println!(
            "voting.cast_encrypted_ballot (4 options): {cast:>10.0} /s   ratio {:.2}",
            cast / token
        );
        print_block_capacity();
    });
}
