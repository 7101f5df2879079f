//! The pallet tells the identity register whether a citizen holds a ballot in an election that
//! is still open (`BallotRegister`): from the first ballot until the last such election closes,
//! so that a registration in error keeps its national-ID hash meanwhile.

use super::*;
use crate::BallotHeldUntil;
use govchain_primitives::voting::BallotRegister;

/// Whether Alice holds an open ballot.
fn alice_holds_one() -> bool {
    Voting::holds_open_ballot(citizen(ALICE))
}

#[test]
fn a_voter_holds_an_open_ballot_until_the_poll_closes() {
    build_and_execute(|| {
        let poll = open_public_poll();
        assert!(!alice_holds_one());

        assert_ok!(vote(ALICE, poll, 0));

        assert!(alice_holds_one());
        assert_eq!(
            BallotHeldUntil::<Test>::get(citizen(ALICE)),
            Some(VOTING_ENDS)
        );
        run_to_block(VOTING_ENDS - 1);
        assert!(alice_holds_one());
        run_to_block(VOTING_ENDS);
        assert!(!alice_holds_one());
        assert!(!Voting::holds_open_ballot(citizen(BOB)));
    });
}

#[test]
fn a_sealed_ballot_is_held_until_the_reveal_ends() {
    build_and_execute(|| {
        let ballot = open_secret_ballot();

        assert_ok!(seal(ALICE, ballot, 1));

        run_to_block(REVEAL_ENDS - 1);
        assert!(alice_holds_one());
        run_to_block(REVEAL_ENDS);
        assert!(!alice_holds_one());
    });
}

#[test]
fn the_latest_closing_election_counts_whatever_the_order_of_voting() {
    build_and_execute(|| {
        let ballot = open_secret_ballot();
        let poll = create(public_spec());
        assert_ok!(seal(ALICE, ballot, 1));

        assert_ok!(vote(ALICE, poll, 0));

        assert_eq!(
            BallotHeldUntil::<Test>::get(citizen(ALICE)),
            Some(REVEAL_ENDS)
        );
    });
}
