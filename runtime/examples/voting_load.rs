//! How many votes per second does the runtime take, next to the plain token transfer every
//! Substrate chain has? Applies signed extrinsics (signature check, nonce, weight, fee-free
//! quota included) natively against the real runtime, side by side in one run: per round,
//! `--voters` (default 1,000) `balances.transfer_keep_alive` transactions, as many public-poll
//! `vote`s, secret-ballot `commit_vote`s and, once voting closed, `reveal_vote`s, each kind in
//! a block of its own. Prints each kind per second and its ratio to token transfers.
//!
//!     scripts/bench-votes.sh [voters] [rounds]
//!
//! Every voter is a verified citizen (with tokens to transfer); each round runs in a fresh
//! quota period with a fresh poll and ballot, so all votes go fee-free. Rounds alternate which
//! workload goes first; the figure reported is the median round. Signing happens before the
//! clock starts.

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
use govchain_primitives::identity::{CitizenId, IdentityProvider, KycTier, Role};
use govchain_runtime::{
    configs::{CouncilCollective, QuotaPeriod},
    AccountId, Balances, Identity, RuntimeCall, RuntimeOrigin, System, Voting, UNIT,
};
use pallet_e_voting::{BallotMode, BallotOption, ElectionId, ElectionSpec};
use sp_core::{sr25519, Pair, H256};
use std::time::Duration;

/// A citizen: its key, account and identity.
struct Voter {
    pair: sr25519::Pair,
    account: AccountId,
    citizen: CitizenId,
}

/// The officer of institution 0, both civil registry and election commission.
fn commissioner() -> RuntimeOrigin {
    let council: RuntimeOrigin =
        pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 1).into();
    let (admin, officer) = (AccountId::from([1; 32]), AccountId::from([101; 32]));
    assert_ok!(Identity::register_institution(
        council,
        pallet_identity_registry::InstitutionKind::Agency,
        BoundedVec::truncate_from(b"CEC".to_vec()),
        H256::repeat_byte(1),
        admin.clone(),
        BoundedVec::truncate_from(vec![Role::CivilRegistry, Role::ElectionCommission]),
    ));
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(admin),
        0,
        officer.clone(),
        300 * govchain_runtime::DAYS
    ));
    RuntimeOrigin::signed(officer)
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
            let citizen = Identity::citizen_of(&account).expect("registered");
            Voter {
                pair,
                account,
                citizen,
            }
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
) -> BoundedVec<BallotOption, <govchain_runtime::Runtime as pallet_e_voting::Config>::MaxOptions> {
    ["YES", "NO", "ABSTAIN"]
        .iter()
        .map(|code| BallotOption {
            code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
            text_hash: H256::repeat_byte(3),
        })
        .collect::<Vec<_>>()
        .try_into()
        .expect("within MaxOptions")
}

/// A public poll and a secret ballot, both voting in the next three blocks; the ballot
/// reveals in the two after.
fn create_elections(officer: &RuntimeOrigin) -> (ElectionId, ElectionId) {
    let now = System::block_number();
    let poll = pallet_e_voting::NextElectionId::<govchain_runtime::Runtime>::get();
    for mode in [
        BallotMode::Public,
        BallotMode::Secret {
            reveal_ends: now + 6,
        },
    ] {
        assert_ok!(Voting::create_election(
            officer.clone(),
            ElectionSpec {
                question_hash: H256::repeat_byte(2),
                options: options(),
                regions: None,
                voting_starts: now,
                voting_ends: now + 4,
                mode,
                trustees: Default::default(),
            }
        ));
    }
    (poll, poll + 1)
}

fn salt(voter: &Voter) -> H256 {
    H256::from_low_u64_be(voter.citizen ^ 0x5eed)
}

/// The per-second rates of one round: tokens, public votes, commits, reveals.
fn measure_round(voters: &[Voter], officer: &RuntimeOrigin, tokens_first: bool) -> [Duration; 4] {
    // A fresh quota period, so every voter transacts fee-free.
    let start = System::block_number() + QuotaPeriod::get();
    System::set_block_number(start - 1);
    next_block();
    let (poll, ballot) = create_elections(officer);
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
    let commit = round(voters, |n, voter| {
        RuntimeCall::Voting(pallet_e_voting::Call::commit_vote {
            election: ballot,
            commitment: Voting::commitment(ballot, (n % 3) as u8, salt(voter), voter.citizen),
        })
    });
    // Voting closed (block start + 4): reveal.
    while System::block_number() < start + 3 {
        next_block();
    }
    let reveal = round(voters, |n, voter| {
        RuntimeCall::Voting(pallet_e_voting::Call::reveal_vote {
            election: ballot,
            option: (n % 3) as u8,
            salt: salt(voter),
        })
    });
    let counted = pallet_e_voting::Tallies::<govchain_runtime::Runtime>::get(ballot)
        .expect("the ballot has a tally");
    assert_eq!(
        counted.counted(),
        voters.len() as u64,
        "every ballot was counted"
    );
    [token, vote, commit, reveal]
}

/// How many of each vote fit in one block by the runtime's benchmarked weights: the chain's
/// throughput limit, whatever the machine.
fn print_block_capacity() {
    use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
    let weights = govchain_runtime::configs::RuntimeBlockWeights::get();
    let normal = weights.get(DispatchClass::Normal);
    let room = normal
        .max_total
        .unwrap_or(weights.max_block)
        .saturating_sub(weights.base_block);
    let calls = [
        (
            "vote",
            RuntimeCall::Voting(pallet_e_voting::Call::vote {
                election: 0,
                option: 0,
            }),
        ),
        (
            "commit_vote",
            RuntimeCall::Voting(pallet_e_voting::Call::commit_vote {
                election: 0,
                commitment: H256::zero(),
            }),
        ),
        (
            "reveal_vote",
            RuntimeCall::Voting(pallet_e_voting::Call::reveal_vote {
                election: 0,
                option: 0,
                salt: H256::zero(),
            }),
        ),
    ];
    let seconds_per_block = govchain_primitives::MILLI_SECS_PER_BLOCK as f64 / 1_000.0;
    for (name, call) in calls {
        let each = call
            .get_dispatch_info()
            .total_weight()
            .saturating_add(normal.base_extrinsic);
        let per_block = room.ref_time() / each.ref_time();
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
        let officer = commissioner();
        let voters_list = set_up(&officer, voters);
        let per_second = |duration: Duration| f64::from(voters) / duration.as_secs_f64();
        let mut rates: [Vec<f64>; 4] = Default::default();
        for index in 0..rounds {
            let durations = measure_round(&voters_list, &officer, index % 2 == 0);
            for (rate, duration) in rates.iter_mut().zip(durations) {
                rate.push(per_second(duration));
            }
        }
        let [token, vote, commit, reveal] = rates.map(median);
        println!("median of {rounds} rounds of {voters} voters, native, signed extrinsics applied");
        println!("balances.transfer_keep_alive: {token:>10.0} /s");
        println!(
            "voting.vote (public poll):    {vote:>10.0} /s   ratio {:.2}",
            vote / token
        );
        println!(
            "voting.commit_vote (secret):  {commit:>10.0} /s   ratio {:.2}",
            commit / token
        );
        println!(
            "voting.reveal_vote (secret):  {reveal:>10.0} /s   ratio {:.2}",
            reveal / token
        );
        print_block_capacity();
    });
}
