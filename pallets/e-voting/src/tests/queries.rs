//! What the runtime API answers: an election with its phase at the current block, its count as
//! far as it may be known, and whether a citizen voted, never how.

use super::*;
use crate::{BallotMode, Canceller, Closure, ElectionInfo, Phase, TallyInfo, VoterStatus};
use sp_runtime::Permill;

mod election_info {
    use super::*;

    #[test]
    fn an_election_is_described_with_its_phase() {
        build_and_execute(|| {
            let election = create(crate::ElectionSpec {
                regions: Some(bounded(vec![2, 1])),
                ..secret_spec()
            });

            assert_eq!(
                Voting::election_info(election),
                Some(ElectionInfo {
                    commission: COMMISSION_ID,
                    question_hash: H256::repeat_byte(0xaa),
                    options: vec![option("YES", 1), option("NO", 2), option("ABSTAIN", 3)],
                    regions: Some(vec![1, 2]),
                    voting_starts: 2,
                    voting_ends: 10,
                    mode: BallotMode::Secret { reveal_ends: 15 },
                    status: ElectionStatus::Running,
                    phase: Phase::Scheduled,
                })
            );
        });
    }

    #[test]
    fn a_secret_ballot_goes_through_every_phase() {
        build_and_execute(|| {
            let election = create(secret_spec());
            let phase = || Voting::election_info(election).unwrap().phase;

            assert_eq!(phase(), Phase::Scheduled);
            for (block, expected) in [
                (VOTING_STARTS - 1, Phase::Scheduled),
                (VOTING_STARTS, Phase::Voting),
                (VOTING_ENDS - 1, Phase::Voting),
                (VOTING_ENDS, Phase::Revealing),
                (REVEAL_ENDS - 1, Phase::Revealing),
                (REVEAL_ENDS, Phase::Closed),
                (REVEAL_ENDS + 10, Phase::Closed),
            ] {
                run_to_block(block);
                assert_eq!(phase(), expected, "at block {block}");
            }
        });
    }

    #[test]
    fn a_poll_has_no_reveal_phase() {
        build_and_execute(|| {
            let poll = create(public_spec());
            let phase = || Voting::election_info(poll).unwrap().phase;

            run_to_block(VOTING_ENDS - 1);
            assert_eq!(phase(), Phase::Voting);
            run_to_block(VOTING_ENDS);
            assert_eq!(phase(), Phase::Closed);
        });
    }

    #[test]
    fn a_cancelled_election_shows_who_cancelled_it_and_when() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            run_to_block(4);
            assert_ok!(Voting::cancel_by_council(council(), election, reason(9)));

            let info = Voting::election_info(election).unwrap();

            assert_eq!(info.phase, Phase::Cancelled);
            assert_eq!(
                info.status,
                ElectionStatus::Cancelled {
                    by: Canceller::Council { reason: reason(9) },
                    at: 4
                }
            );
        });
    }

    #[test]
    fn an_unknown_election_is_not_described() {
        build_and_execute(|| {
            assert_eq!(Voting::election_info(0), None);
            create(public_spec());
            assert_eq!(Voting::election_info(1), None);
        });
    }
}

mod tally_info {
    use super::*;

    #[test]
    fn a_poll_s_count_is_public_as_votes_are_cast() {
        build_and_execute(|| {
            let poll = create(public_spec());
            assert_eq!(
                Voting::tally_info(poll),
                Some(TallyInfo {
                    ballots: 0,
                    votes: Some(vec![0, 0, 0]),
                    closure: None
                })
            );
            run_to_block(VOTING_STARTS);
            assert_ok!(vote(ALICE, poll, 2));
            assert_ok!(vote(BOB, poll, 2));

            assert_eq!(
                Voting::tally_info(poll),
                Some(TallyInfo {
                    ballots: 2,
                    votes: Some(vec![0, 0, 2]),
                    closure: None
                })
            );
        });
    }

    #[test]
    fn a_secret_ballot_s_count_is_hidden_until_voting_ends_then_final_at_closing() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 1));
            assert_ok!(seal(BOB, election, 0));

            assert_eq!(
                Voting::tally_info(election),
                Some(TallyInfo {
                    ballots: 2,
                    votes: None,
                    closure: None
                })
            );

            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 1));
            assert_eq!(
                Voting::tally_info(election),
                Some(TallyInfo {
                    ballots: 2,
                    votes: Some(vec![0, 1, 0]),
                    closure: None
                })
            );

            run_to_block(REVEAL_ENDS);
            assert_eq!(
                Voting::tally_info(election),
                Some(TallyInfo {
                    ballots: 2,
                    votes: Some(vec![0, 1, 0]),
                    closure: Some(Closure {
                        closed_at: 15,
                        eligible: 4,
                        spoiled: 1,
                        turnout: Permill::from_percent(50),
                    }),
                })
            );
        });
    }

    #[test]
    fn an_unknown_election_has_no_count() {
        build_and_execute(|| {
            assert_eq!(Voting::tally_info(0), None);
        });
    }
}

mod voter_status {
    use super::*;

    #[test]
    fn a_poll_tells_who_voted() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 1));

            assert_eq!(
                Voting::voter_status(poll, ALICE_ID),
                Some(VoterStatus::Voted)
            );
            assert_eq!(
                Voting::voter_status(poll, BOB_ID),
                Some(VoterStatus::NotVoted)
            );
            // Even an id nobody holds.
            assert_eq!(Voting::voter_status(poll, 77), Some(VoterStatus::NotVoted));
        });
    }

    #[test]
    fn a_secret_ballot_tells_who_sealed_and_who_revealed() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::NotVoted)
            );
            assert_ok!(seal(ALICE, election, 2));
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::Sealed)
            );

            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 2));
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::Voted)
            );

            run_to_block(REVEAL_ENDS);
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::Voted)
            );
            assert_eq!(
                Voting::voter_status(election, BOB_ID),
                Some(VoterStatus::NotVoted)
            );
        });
    }

    #[test]
    fn an_unknown_election_has_no_voters() {
        build_and_execute(|| {
            assert_eq!(Voting::voter_status(0, ALICE_ID), None);
        });
    }
}
