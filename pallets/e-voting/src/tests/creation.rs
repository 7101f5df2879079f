//! An election commission creates an election: 2 to `MaxOptions` options with valid, distinct
//! codes; all citizens or up to `MaxRegions` distinct regions (kept sorted); voting not before
//! the current block and not empty; no commit–reveal ballot (retired); closing at most
//! `MaxScheduleLength` blocks ahead, in a block with room for it.

use super::*;
use crate::{
    BallotMode, BallotOption, Election, ElectionSpec, Elections, Eligibility, NextElectionId,
    Tallies, Tally,
};
use codec::{Decode, Encode};
use frame_support::BoundedVec;
use govchain_primitives::identity::RegionCode;

/// `COMMISSIONER` creates an election of `spec`.
fn create_election(spec: ElectionSpec<Test>) -> DispatchResult {
    without_post_info(Voting::create_election(
        RuntimeOrigin::signed(COMMISSIONER),
        spec,
    ))
}

/// `public_spec` with `options`.
fn with_options(options: Vec<BallotOption>) -> ElectionSpec<Test> {
    ElectionSpec {
        options: bounded(options),
        ..public_spec()
    }
}

/// `public_spec` with options of `codes`.
fn with_codes(codes: &[&str]) -> ElectionSpec<Test> {
    with_options(
        codes
            .iter()
            .zip(1..)
            .map(|(code, number)| option(code, number))
            .collect(),
    )
}

/// `public_spec` limited to `regions`.
fn with_regions(regions: Option<Vec<RegionCode>>) -> ElectionSpec<Test> {
    ElectionSpec {
        regions: regions.map(bounded),
        ..public_spec()
    }
}

/// The encoding of a spec as a client writes it, with lists of any length.
fn encoded_spec(codes: &[&str], regions: Option<Vec<RegionCode>>) -> Vec<u8> {
    let options: Vec<BallotOption> = codes
        .iter()
        .zip(1..)
        .map(|(code, number)| option(code, number))
        .collect();
    let spec = public_spec();
    (
        spec.question_hash,
        options,
        regions,
        spec.voting_starts,
        spec.voting_ends,
        spec.mode,
        Vec::<u64>::new(),
    )
        .encode()
}

/// Whether `encoded` decodes as an election spec (and so as the call's argument).
fn decodes(encoded: Vec<u8>) -> bool {
    ElectionSpec::<Test>::decode(&mut &encoded[..]).is_ok()
}

/// Checks that `spec` is refused with `error`.
#[track_caller]
fn assert_spec_refused(spec: ElectionSpec<Test>, error: Error<Test>) {
    assert_noop!(create_election(spec), error);
}

mod valid_elections {
    use super::*;

    #[test]
    fn a_commissioner_creates_a_public_poll() {
        build_and_execute(|| {
            assert_ok!(create_election(public_spec()));

            assert_eq!(
                Elections::<Test>::get(0),
                Some(Election {
                    commission: COMMISSION_ID,
                    question_hash: H256::repeat_byte(0xaa),
                    options: BoundedVec::truncate_from(vec![
                        option("YES", 1),
                        option("NO", 2),
                        option("ABSTAIN", 3)
                    ]),
                    eligibility: Eligibility::AllCitizens,
                    voting_starts: 2,
                    voting_ends: 10,
                    mode: BallotMode::Public,
                    status: ElectionStatus::Running,
                })
            );
            assert_eq!(
                Tallies::<Test>::get(0),
                Some(Tally {
                    votes: BoundedVec::truncate_from(vec![0, 0, 0]),
                    ballots: 0
                })
            );
            assert_eq!(crate::ClosingAt::<Test>::get(10).into_inner(), vec![0]);
            assert_eq!(NextElectionId::<Test>::get(), 1);
            System::assert_last_event(
                Event::ElectionCreated {
                    election: 0,
                    commission: COMMISSION_ID,
                    mode: BallotMode::Public,
                    voting_starts: 2,
                    voting_ends: 10,
                }
                .into(),
            );
        });
    }

    #[test]
    fn commit_reveal_ballots_are_retired() {
        build_and_execute(|| {
            // Their choices become public at the reveal: secret elections are encrypted.
            assert_spec_refused(secret_spec(), Error::CommitRevealRetired);
            assert_spec_refused(
                spec(2, 10, BallotMode::Secret { reveal_ends: 10 }),
                Error::CommitRevealRetired,
            );
        });
    }

    #[test]
    fn a_legacy_secret_ballot_closes_at_the_end_of_its_reveal_phase() {
        build_and_execute(|| {
            // As created before the retirement.
            let election = create(secret_spec());

            let mode = BallotMode::Secret { reveal_ends: 15 };
            assert_eq!(Elections::<Test>::get(election).unwrap().mode, mode);
            assert!(!crate::ClosingAt::<Test>::contains_key(10));
            assert_eq!(crate::ClosingAt::<Test>::get(15).into_inner(), vec![0]);
            assert_eq!(tally(0), (vec![0, 0, 0], 0));
        });
    }

    #[test]
    fn elections_are_numbered_in_order_of_creation_by_any_commission() {
        build_and_execute(|| {
            assert_eq!(create(public_spec()), 0);
            assert_ok!(Voting::create_election(
                RuntimeOrigin::signed(OTHER_COMMISSIONER),
                spec(2, 11, BallotMode::Public)
            ));

            assert_eq!(
                Elections::<Test>::get(1).unwrap().commission,
                OTHER_COMMISSION_ID
            );
            assert_eq!(NextElectionId::<Test>::get(), 2);
            assert_eq!(
                last_event(),
                Event::ElectionCreated {
                    election: 1,
                    commission: OTHER_COMMISSION_ID,
                    mode: BallotMode::Public,
                    voting_starts: 2,
                    voting_ends: 11,
                }
            );
        });
    }

    #[test]
    fn voting_may_start_in_the_current_block() {
        build_and_execute(|| {
            run_to_block(5);

            let election = create(spec(5, 6, BallotMode::Public));

            assert_eq!(
                Voting::election_info(election).unwrap().phase,
                crate::Phase::Voting
            );
            assert_ok!(vote(ALICE, election, 0));
        });
    }

    #[test]
    fn two_to_max_options_are_accepted() {
        build_and_execute(|| {
            assert_ok!(create_election(with_codes(&["YES", "NO"])));
            assert_ok!(create_election(with_codes(&["A", "B", "C", "D"])));

            assert_eq!(Elections::<Test>::get(0).unwrap().options.len(), 2);
            assert_eq!(Elections::<Test>::get(1).unwrap().options.len(), 4);
            assert_eq!(tally(1), (vec![0, 0, 0, 0], 0));
        });
    }

    #[test]
    fn codes_of_ascii_letters_digits_hyphens_and_underscores_are_accepted() {
        build_and_execute(|| {
            let longest = "ABCDEFGHIJ-_0123";
            assert_eq!(longest.len(), crate::MAX_OPTION_CODE_LEN as usize);

            assert_ok!(create_election(with_codes(&[
                "CAND-07", "a_b", "9", longest
            ])));

            let codes: Vec<Vec<u8>> = Elections::<Test>::get(0)
                .unwrap()
                .options
                .iter()
                .map(|option| option.code.to_vec())
                .collect();
            assert_eq!(
                codes,
                vec![
                    b"CAND-07".to_vec(),
                    b"a_b".to_vec(),
                    b"9".to_vec(),
                    longest.as_bytes().to_vec()
                ]
            );
        });
    }

    #[test]
    fn an_election_for_all_citizens_has_no_regions() {
        build_and_execute(|| {
            assert_ok!(create_election(with_regions(None)));

            assert_eq!(
                Elections::<Test>::get(0).unwrap().eligibility,
                Eligibility::AllCitizens
            );
            assert_eq!(Voting::election_info(0).unwrap().regions, None);
        });
    }

    #[test]
    fn regions_are_stored_sorted() {
        build_and_execute(|| {
            assert_ok!(create_election(with_regions(Some(vec![7, 2, 5]))));

            assert_eq!(
                Elections::<Test>::get(0).unwrap().eligibility,
                Eligibility::Regions(BoundedVec::truncate_from(vec![2, 5, 7]))
            );
            assert_eq!(
                Voting::election_info(0).unwrap().regions,
                Some(vec![2, 5, 7])
            );
        });
    }

    #[test]
    fn one_region_is_enough() {
        build_and_execute(|| {
            assert_ok!(create_election(with_regions(Some(vec![4]))));

            assert_eq!(Voting::election_info(0).unwrap().regions, Some(vec![4]));
        });
    }
}

mod options {
    use super::*;

    #[test]
    fn fewer_than_two_options_are_refused() {
        build_and_execute(|| {
            assert_spec_refused(with_codes(&[]), Error::TooFewOptions);
            assert_spec_refused(with_codes(&["YES"]), Error::TooFewOptions);
        });
    }

    #[test]
    fn more_than_max_options_do_not_decode() {
        assert!(decodes(encoded_spec(&["A", "B", "C", "D"], None)));
        assert!(!decodes(encoded_spec(&["A", "B", "C", "D", "E"], None)));
    }

    #[test]
    fn an_empty_code_is_refused() {
        build_and_execute(|| {
            assert_spec_refused(with_codes(&["YES", ""]), Error::InvalidOptionCode);
        });
    }

    #[test]
    fn codes_with_other_characters_are_refused() {
        build_and_execute(|| {
            for bad in ["YES NO", "OUI!", "A.B", "A+B", "É", "\u{0}", "tab\t"] {
                assert_spec_refused(with_codes(&["YES", bad]), Error::InvalidOptionCode);
                assert_spec_refused(with_codes(&[bad, "NO"]), Error::InvalidOptionCode);
            }
        });
    }

    #[test]
    fn two_options_with_the_same_code_are_refused() {
        build_and_execute(|| {
            // The same code with a different text is a duplicate all the same.
            assert_spec_refused(
                with_codes(&["YES", "NO", "YES"]),
                Error::DuplicateOptionCode,
            );
            assert_spec_refused(
                with_options(vec![option("NO", 1), option("NO", 1)]),
                Error::DuplicateOptionCode,
            );
        });
    }

    #[test]
    fn codes_differing_only_in_case_are_the_same_option() {
        build_and_execute(|| {
            // A voter could not tell `YES` from `yes` on a ballot.
            assert_spec_refused(
                with_codes(&["YES", "NO", "yes"]),
                Error::DuplicateOptionCode,
            );
            assert_spec_refused(
                with_codes(&["Cand-1", "CAND-1"]),
                Error::DuplicateOptionCode,
            );
        });
    }
}

mod regions {
    use super::*;

    #[test]
    fn an_empty_list_of_regions_is_refused() {
        build_and_execute(|| {
            assert_spec_refused(with_regions(Some(vec![])), Error::NoRegions);
        });
    }

    #[test]
    fn a_region_listed_twice_is_refused() {
        build_and_execute(|| {
            assert_spec_refused(with_regions(Some(vec![1, 1])), Error::DuplicateRegion);
            assert_spec_refused(with_regions(Some(vec![3, 1, 3])), Error::DuplicateRegion);
        });
    }

    #[test]
    fn more_than_max_regions_do_not_decode() {
        build_and_execute(|| {
            assert_ok!(create_election(with_regions(Some(vec![1, 2, 3]))));
        });
        assert!(decodes(encoded_spec(&["YES", "NO"], Some(vec![1, 2, 3]))));
        assert!(!decodes(encoded_spec(
            &["YES", "NO"],
            Some(vec![1, 2, 3, 4])
        )));
    }
}

mod schedule {
    use super::*;

    #[test]
    fn voting_cannot_start_before_the_current_block() {
        build_and_execute(|| {
            assert_spec_refused(spec(0, 10, BallotMode::Public), Error::StartsInPast);
            run_to_block(5);
            assert_spec_refused(spec(4, 10, BallotMode::Public), Error::StartsInPast);
        });
    }

    #[test]
    fn voting_must_end_after_it_starts() {
        build_and_execute(|| {
            assert_spec_refused(spec(5, 5, BallotMode::Public), Error::EmptyVotingPeriod);
            assert_spec_refused(spec(5, 4, BallotMode::Public), Error::EmptyVotingPeriod);
        });
    }

    #[test]
    fn a_poll_closes_at_most_max_schedule_length_blocks_from_now() {
        build_and_execute(|| {
            // Block 1: the poll may close at block 1 001.
            assert_would_succeed(|| create_election(spec(2, 1_001, BallotMode::Public)));
            assert_spec_refused(spec(2, 1_002, BallotMode::Public), Error::ScheduleTooLong);

            // The limit moves with the chain.
            run_to_block(100);
            assert_ok!(create_election(spec(100, 1_100, BallotMode::Public)));
            assert_spec_refused(spec(100, 1_101, BallotMode::Public), Error::ScheduleTooLong);
        });
    }

    #[test]
    fn at_most_max_closing_per_block_elections_close_in_one_block() {
        build_and_execute(|| {
            // Two polls closing at block 10.
            create(public_spec());
            create(spec(3, 10, BallotMode::Public));

            assert_spec_refused(public_spec(), Error::ClosingBlockFull);
            // Another block has room.
            assert_ok!(create_election(spec(2, 11, BallotMode::Public)));
            assert_eq!(crate::ClosingAt::<Test>::get(10).into_inner(), vec![0, 1]);
            assert_eq!(crate::ClosingAt::<Test>::get(11).into_inner(), vec![2]);
        });
    }

    #[test]
    fn ids_running_out_stop_creation() {
        build_and_execute(|| {
            NextElectionId::<Test>::put(u32::MAX);

            assert_spec_refused(public_spec(), Error::Overflow);
        });
    }
}

#[test]
fn only_a_serving_commissioner_creates_elections() {
    build_and_execute(|| {
        assert_only_serving_commissioners(|origin| {
            without_post_info(Voting::create_election(origin, public_spec()))
        });
    });
}

/// A creation refused by a check it makes before changing anything (including its origin) is
/// charged the benchmark of that refusal, not its declared weight; a creation is charged as
/// declared.
#[test]
fn a_refused_creation_is_charged_the_refusal() {
    use crate::weights::WeightInfo;

    build_and_execute(|| {
        let spec = public_spec();
        let (options, regions) = (spec.options_len(), spec.regions_len());
        let refused = <() as WeightInfo>::create_election_refused(options, regions);
        let declared = <() as WeightInfo>::create_election(options, regions);
        assert!(refused.all_lte(declared) && refused.ref_time() < declared.ref_time());

        let charged = |who: u64, spec: ElectionSpec<Test>| {
            Voting::create_election(RuntimeOrigin::signed(who), spec)
                .map_err(|refusal| (refusal.error, refusal.post_info.actual_weight))
                .map(|info| info.actual_weight)
        };
        assert_eq!(
            charged(CLERK, spec.clone()),
            Err((IdentityError::RoleNotHeld.into(), Some(refused)))
        );
        assert_eq!(
            charged(
                COMMISSIONER,
                ElectionSpec {
                    voting_ends: spec.voting_starts,
                    ..spec.clone()
                }
            ),
            Err((Error::<Test>::EmptyVotingPeriod.into(), Some(refused)))
        );
        assert_eq!(charged(COMMISSIONER, spec), Ok(None));
    });
}

/// Storage written before encrypted elections (storage version 1) reads unchanged: the stored
/// enums only gained variants at new indices, so no value needs migrating.
mod stored_values {
    use super::*;

    #[test]
    fn stored_values_of_before_encryption_decode_unchanged() {
        // The encodings a version-1 chain wrote.
        let commitment = [0x5a; 32];
        let sealed: Vec<u8> = [vec![1], commitment.to_vec()].concat();
        for (bytes, ballot) in [
            (vec![0, 2], Ballot::Public(2)),
            (sealed, Ballot::Sealed(H256(commitment))),
            (vec![2, 1], Ballot::Revealed(1)),
        ] {
            assert_eq!(Ballot::decode(&mut &bytes[..]), Ok(ballot));
            assert_eq!(ballot.encode(), bytes);
        }
        let secret: Vec<u8> = [vec![1], 15u64.to_le_bytes().to_vec()].concat();
        for (bytes, mode) in [
            (vec![0], BallotMode::Public),
            (secret, BallotMode::Secret { reveal_ends: 15 }),
        ] {
            assert_eq!(BallotMode::<u64>::decode(&mut &bytes[..]), Ok(mode));
            assert_eq!(mode.encode(), bytes);
        }
        assert_eq!(
            ElectionStatus::<u64>::decode(&mut &[0u8][..]),
            Ok(ElectionStatus::Running)
        );
        // The new variants take new indices.
        assert_eq!(Ballot::Encrypted(H256::zero()).encode()[0], 3);
        assert_eq!(
            BallotMode::<u64>::Encrypted {
                threshold: 2,
                tally_ends: 30
            }
            .encode()[0],
            2
        );
    }
}
