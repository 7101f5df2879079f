use crate::*;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

/// The election and voter the tests' ballots are bound to.
const CONTEXT: &[u8] = b"election 1, citizen 1";

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(7)
}

struct Election {
    trustees: Vec<Trustee>,
    keys: Vec<[u8; 32]>,
    key: ElectionKey,
}

fn election(rng: &mut ChaCha20Rng) -> Election {
    let trustees = generate_trustees(3, 2, rng).unwrap();
    let keys = trustees.iter().map(Trustee::key_share).collect();
    let key = trustees[0].election_key();
    Election {
        trustees,
        keys,
        key,
    }
}

impl Election {
    fn trustee_keys(&self) -> TrusteeKeys<'_> {
        TrusteeKeys {
            threshold: 2,
            keys: &self.keys,
        }
    }
}

#[test]
fn a_ballot_verifies_under_its_key_and_yields_one_ciphertext_per_option() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 4, 2, CONTEXT, &mut rng).unwrap();
    assert!(ballot.len() <= MAX_BALLOT_LEN as usize);
    let ciphertexts = verify_ballot(&election.key, 4, CONTEXT, &ballot).unwrap();
    assert_eq!(ciphertexts.len(), 4);
    // Nothing in the stored form repeats between options: each is freshly randomised.
    assert_ne!(ciphertexts[0], ciphertexts[1]);
}

#[test]
fn a_stored_ballot_gives_back_its_ciphertexts_and_a_receipt_of_its_own() {
    let mut rng = rng();
    let election = election(&mut rng);
    let first = encrypt_ballot(&election.key, 3, 0, CONTEXT, &mut rng).unwrap();
    let second = encrypt_ballot(&election.key, 3, 0, CONTEXT, &mut rng).unwrap();
    assert_eq!(
        ballot_ciphertexts(3, &first).unwrap(),
        verify_ballot(&election.key, 3, CONTEXT, &first).unwrap()
    );
    assert_eq!(ballot_ciphertexts(3, &[1, 2]), Err(BallotError::Malformed));
    // The same choice encrypted twice gives two ballots, two receipts.
    assert_ne!(receipt(&first), receipt(&second));
    assert_eq!(receipt(&first), receipt(&first.clone()));
}

#[test]
fn the_trustees_share_one_key_and_their_key_shares_give_it_back() {
    let mut rng = rng();
    let election = election(&mut rng);
    for trustee in &election.trustees {
        assert_eq!(trustee.election_key(), election.key);
    }
    assert_eq!(
        election.trustee_keys().election_key().unwrap(),
        election.key
    );
}

#[test]
fn a_ballot_for_another_number_of_options_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 4, 0, CONTEXT, &mut rng).unwrap();
    assert_eq!(
        verify_ballot(&election.key, 3, CONTEXT, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        verify_ballot(&election.key, 1, CONTEXT, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        verify_ballot(&election.key, MAX_OPTIONS + 1, CONTEXT, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt_ballot(&election.key, 4, 4, CONTEXT, &mut rng),
        Err(BallotError::WrongOptionCount)
    );
}

#[test]
fn a_ballot_for_another_key_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let other = self::election(&mut rng);
    let ballot = encrypt_ballot(&other.key, 4, 1, CONTEXT, &mut rng).unwrap();
    assert_eq!(
        verify_ballot(&election.key, 4, CONTEXT, &ballot),
        Err(BallotError::InvalidProof)
    );
}

#[test]
fn a_ballot_with_any_byte_altered_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 3, 1, CONTEXT, &mut rng).unwrap();
    for position in 0..ballot.len() {
        let mut altered = ballot.clone();
        altered[position] ^= 0x01;
        let refused = verify_ballot(&election.key, 3, CONTEXT, &altered);
        assert!(
            matches!(
                refused,
                Err(BallotError::Malformed | BallotError::InvalidProof | BallotError::InvalidPoint)
            ),
            "byte {position}: {refused:?}"
        );
    }
    assert_eq!(
        verify_ballot(&election.key, 3, CONTEXT, &ballot[..ballot.len() - 1]),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        verify_ballot(&election.key, 3, CONTEXT, &[]),
        Err(BallotError::Malformed)
    );
}

#[test]
fn an_earlier_format_ballot_choosing_two_options_or_none_is_refused_where_stored_and_never_cast() {
    use elastic_elgamal::{
        app::{ChoiceParams, EncryptedChoice},
        group::Ristretto,
        PublicKey,
    };
    let mut rng = rng();
    let election = election(&mut rng);
    let params = ChoiceParams::single(
        PublicKey::<Ristretto>::from_bytes(&election.key.0).unwrap(),
        3,
    );
    for choices in [[true, true, false], [false, false, false]] {
        let ballot = EncryptedChoice::new(&params, &choices, &mut rng);
        let bytes = postcard::to_allocvec(&ballot).unwrap();
        assert_eq!(
            verify_stored_ballot(&election.key, 3, CONTEXT, &bytes),
            Err(BallotError::InvalidProof)
        );
        assert_eq!(
            verify_ballot(&election.key, 3, CONTEXT, &bytes),
            Err(BallotError::Malformed)
        );
    }
}

#[test]
fn a_key_that_is_not_a_point_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 2, 0, CONTEXT, &mut rng).unwrap();
    for key in [[0xff; 32], [0; 32]] {
        assert_eq!(
            verify_ballot(&ElectionKey(key), 2, CONTEXT, &ballot),
            Err(BallotError::InvalidPoint)
        );
    }
}

#[test]
fn sums_add_and_subtract_and_refuse_points_off_the_curve() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = verify_ballot(
        &election.key,
        2,
        CONTEXT,
        &encrypt_ballot(&election.key, 2, 1, CONTEXT, &mut rng).unwrap(),
    )
    .unwrap();
    let mut sums = vec![Ciphertext::ZERO; 2];
    accumulate(&mut sums, &ballot, false).unwrap();
    assert_eq!(sums, ballot);
    accumulate(&mut sums, &ballot, true).unwrap();
    assert_eq!(sums, vec![Ciphertext::ZERO; 2]);

    let bad = Ciphertext([0xff; 64]);
    assert_eq!(
        accumulate(&mut sums, &[ballot[0], bad], false),
        Err(BallotError::InvalidPoint)
    );
    // Nothing was added: the first option's sum is untouched too.
    assert_eq!(sums, vec![Ciphertext::ZERO; 2]);
    assert_eq!(
        accumulate(&mut sums, &ballot[..1], false),
        Err(BallotError::WrongOptionCount)
    );
}

/// 50 voters, five of whom vote again: the sums of the last ballots decrypt, with two of the
/// three trustees, to the counts kept in clear.
#[test]
fn two_of_three_trustees_decrypt_the_sums_to_the_plaintext_count() {
    let mut rng = rng();
    let election = election(&mut rng);
    let options = 4;
    let mut sums = vec![Ciphertext::ZERO; options];
    let mut last: Vec<Vec<Ciphertext>> = Vec::new();
    let mut counts = vec![0_u64; options];
    let mut choices = Vec::new();
    for voter in 0..50_u32 {
        let choice = (voter * 7 + 3) % options as u32;
        let ballot = verify_ballot(
            &election.key,
            options as u32,
            CONTEXT,
            &encrypt_ballot(&election.key, options as u32, choice, CONTEXT, &mut rng).unwrap(),
        )
        .unwrap();
        accumulate(&mut sums, &ballot, false).unwrap();
        last.push(ballot);
        choices.push(choice);
    }
    for voter in 0..5_usize {
        let choice = (choices[voter] + 1) % options as u32;
        let ballot = verify_ballot(
            &election.key,
            options as u32,
            CONTEXT,
            &encrypt_ballot(&election.key, options as u32, choice, CONTEXT, &mut rng).unwrap(),
        )
        .unwrap();
        accumulate(&mut sums, &last[voter], true).unwrap();
        accumulate(&mut sums, &ballot, false).unwrap();
        last[voter] = ballot;
        choices[voter] = choice;
    }
    for choice in &choices {
        counts[*choice as usize] += 1;
    }

    let keys = election.trustee_keys();
    // Trustee 1 stays away.
    let shares_0 = election.trustees[0]
        .decryption_shares(&sums, &mut rng)
        .unwrap();
    let shares_2 = election.trustees[2]
        .decryption_shares(&sums, &mut rng)
        .unwrap();
    verify_decryption_shares(&keys, 0, &sums, &shares_0).unwrap();
    verify_decryption_shares(&keys, 2, &sums, &shares_2).unwrap();
    let shares = [(0, &shares_0[..]), (2, &shares_2[..])];
    check_tally(&keys, &sums, &shares, &counts).unwrap();
    assert_eq!(decrypt_counts(&keys, &sums, &shares, 50).unwrap(), counts);

    let mut wrong = counts.clone();
    wrong[0] += 1;
    wrong[1] -= 1;
    assert_eq!(
        check_tally(&keys, &sums, &shares, &wrong),
        Err(BallotError::CountMismatch)
    );
    assert_eq!(
        check_tally(&keys, &sums, &shares[..1], &counts),
        Err(BallotError::NotEnoughShares)
    );
    // The same trustee twice is one trustee.
    assert_eq!(
        check_tally(&keys, &sums, &[shares[0], shares[0]], &counts),
        Err(BallotError::NotEnoughShares)
    );
    assert_eq!(
        check_tally(&keys, &sums, &shares, &counts[..3]),
        Err(BallotError::WrongOptionCount)
    );
}

#[test]
fn a_decryption_share_with_a_wrong_proof_or_from_another_trustee_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let keys = election.trustee_keys();
    let ballot = verify_ballot(
        &election.key,
        2,
        CONTEXT,
        &encrypt_ballot(&election.key, 2, 0, CONTEXT, &mut rng).unwrap(),
    )
    .unwrap();
    let shares = election.trustees[1]
        .decryption_shares(&ballot, &mut rng)
        .unwrap();
    // Claimed as trustee 0's: its key share does not match the proof.
    assert_eq!(
        verify_decryption_shares(&keys, 0, &ballot, &shares),
        Err(BallotError::InvalidShare)
    );
    assert_eq!(
        verify_decryption_shares(&keys, 3, &ballot, &shares),
        Err(BallotError::InvalidTrustees)
    );
    let mut altered = shares.clone();
    altered[1].proof[5] ^= 1;
    assert!(matches!(
        verify_decryption_shares(&keys, 1, &ballot, &altered),
        Err(BallotError::InvalidShare | BallotError::Malformed)
    ));
    let mut altered = shares.clone();
    altered[0].element = [0xff; 32];
    assert_eq!(
        verify_decryption_shares(&keys, 1, &ballot, &altered),
        Err(BallotError::InvalidPoint)
    );
    assert_eq!(
        verify_decryption_shares(&keys, 1, &ballot, &shares[..1]),
        Err(BallotError::WrongOptionCount)
    );
    verify_decryption_shares(&keys, 1, &ballot, &shares).unwrap();
}

#[test]
fn trustee_keys_out_of_range_or_inconsistent_are_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let two = TrusteeKeys {
        threshold: 2,
        keys: &election.keys[..2],
    };
    assert_eq!(two.election_key(), Err(BallotError::InvalidTrustees));
    for threshold in [0, 4] {
        let keys = TrusteeKeys {
            threshold,
            keys: &election.keys,
        };
        assert_eq!(keys.election_key(), Err(BallotError::InvalidTrustees));
    }
    let other = self::election(&mut rng);
    let mixed = [election.keys[0], election.keys[1], other.keys[2]];
    let keys = TrusteeKeys {
        threshold: 2,
        keys: &mixed,
    };
    assert_eq!(keys.election_key(), Err(BallotError::InvalidTrustees));
    assert!(matches!(
        generate_trustees(2, 2, &mut rng),
        Err(BallotError::InvalidTrustees)
    ));
    assert!(matches!(
        generate_trustees(16, 2, &mut rng),
        Err(BallotError::InvalidTrustees)
    ));
}

mod dkg {
    use crate::dkg::*;
    use crate::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    const CONTEXT: &[u8] = b"election 7";

    struct Round {
        setups: Vec<TrusteeSetup>,
        commits: Vec<CommitRound>,
        published: Vec<PublishRound>,
    }

    fn rounds(rng: &mut ChaCha20Rng) -> Round {
        let setups: Vec<_> = (0..3)
            .map(|position| TrusteeSetup::new(position, 3, 2, rng).unwrap())
            .collect();
        let commits = setups
            .iter()
            .map(|setup| setup.commit_round(CONTEXT).unwrap())
            .collect();
        let published = setups
            .iter()
            .map(|setup| setup.publish_round().unwrap())
            .collect();
        Round {
            setups,
            commits,
            published,
        }
    }

    impl Round {
        fn verify(&self, dealer: usize) -> Result<Vec<[u8; 32]>, BallotError> {
            let published = &self.published[dealer];
            verify_contribution(
                CONTEXT,
                3,
                2,
                &self.commits[dealer].commitment,
                &published.polynomial,
                &published.proof,
                &published.opening,
            )
        }
    }

    #[test]
    fn a_contribution_that_does_not_open_its_commitment_or_prove_its_polynomial_is_refused() {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        let round = rounds(&mut rng);
        assert_eq!(round.verify(0).unwrap().len(), 3);
        let (commitment, published) = (&round.commits[0].commitment, &round.published[0]);
        let verify = |context: &[u8], polynomial: &[[u8; 32]], proof: &[u8], opening| {
            verify_contribution(context, 3, 2, commitment, polynomial, proof, opening)
        };
        let mut opening = published.opening;
        opening[0] ^= 1;
        assert_eq!(
            verify(CONTEXT, &published.polynomial, &published.proof, &opening),
            Err(BallotError::CommitmentMismatch)
        );
        // Replayed in another election: the commitment names this one.
        assert_eq!(
            verify(
                b"election 8",
                &published.polynomial,
                &published.proof,
                &published.opening
            ),
            Err(BallotError::CommitmentMismatch)
        );
        // Another trustee's proof does not prove this polynomial.
        assert_eq!(
            verify(
                CONTEXT,
                &published.polynomial,
                &round.published[1].proof,
                &published.opening
            ),
            Err(BallotError::InvalidProof)
        );
        // The same constant term with another second coefficient.
        let mut polynomial = published.polynomial.clone();
        polynomial[1] = round.published[1].polynomial[1];
        assert_eq!(
            verify(CONTEXT, &polynomial, &published.proof, &published.opening),
            Err(BallotError::InvalidProof)
        );
        assert_eq!(
            verify(
                CONTEXT,
                &published.polynomial[..1],
                &published.proof,
                &published.opening
            ),
            Err(BallotError::InvalidTrustees)
        );
        assert_eq!(
            verify(CONTEXT, &[], &published.proof, &published.opening),
            Err(BallotError::InvalidTrustees)
        );
        assert_eq!(
            verify(
                CONTEXT,
                &published.polynomial,
                &[1, 2, 3],
                &published.opening
            ),
            Err(BallotError::Malformed)
        );
        polynomial = published.polynomial.clone();
        polynomial[1] = [0xff; 32];
        assert_eq!(
            verify(CONTEXT, &polynomial, &published.proof, &published.opening),
            Err(BallotError::InvalidPoint)
        );
        assert_eq!(
            verify_contribution(
                CONTEXT,
                16,
                2,
                commitment,
                &published.polynomial,
                &published.proof,
                &published.opening
            ),
            Err(BallotError::InvalidTrustees)
        );
    }

    /// Dealer 1 sends trustee 0 the share meant for trustee 2: trustee 0 sees it, complains, and
    /// the complaint disqualifies dealer 1. A complaint about dealer 2's honest share is
    /// dismissed. The key of the qualified dealers 0 and 2 still works, 2 of 3.
    #[test]
    fn a_wrong_share_disqualifies_its_dealer_and_a_false_complaint_is_dismissed() {
        let mut rng = ChaCha20Rng::seed_from_u64(12);
        let round = rounds(&mut rng);
        let dealt: Vec<_> = (0..3).map(|dealer| round.verify(dealer).unwrap()).collect();
        let context =
            |from: u32, to: u32| [CONTEXT, &from.to_le_bytes(), &to.to_le_bytes()].concat();

        // Dealer 1 encrypts to trustee 0 the share of trustee 2.
        let transport_0 = round.commits[0].transport_key;
        let wrong = round.setups[1]
            .encrypted_share(&context(1, 0), 2, &transport_0, &mut rng)
            .unwrap();
        assert!(round.setups[0]
            .open_share(&context(1, 0), &wrong, &dealt[1][0])
            .unwrap()
            .is_none());
        let disclosure = round.setups[0]
            .disclose(&context(1, 0), &wrong, &mut rng)
            .unwrap();
        assert_eq!(
            judge_complaint(
                &context(1, 0),
                &transport_0,
                &wrong,
                &disclosure,
                &dealt[1][0]
            ),
            Ok(Verdict::DealerAtFault)
        );

        // Dealer 2's share to trustee 0 is right: complaining about it is dismissed.
        let honest = round.setups[2]
            .encrypted_share(&context(2, 0), 0, &transport_0, &mut rng)
            .unwrap();
        assert!(round.setups[0]
            .open_share(&context(2, 0), &honest, &dealt[2][0])
            .unwrap()
            .is_some());
        let disclosure = round.setups[0]
            .disclose(&context(2, 0), &honest, &mut rng)
            .unwrap();
        assert_eq!(
            judge_complaint(
                &context(2, 0),
                &transport_0,
                &honest,
                &disclosure,
                &dealt[2][0]
            ),
            Ok(Verdict::ShareValid)
        );
        // A disclosure proven for another pair of trustees, or a made-up key, decides nothing.
        assert_eq!(
            judge_complaint(
                &context(2, 1),
                &transport_0,
                &honest,
                &disclosure,
                &dealt[2][0]
            ),
            Err(BallotError::InvalidProof)
        );
        let forged = dkg::Disclosure {
            key: round.commits[1].transport_key,
            ..disclosure
        };
        assert_eq!(
            judge_complaint(&context(2, 0), &transport_0, &honest, &forged, &dealt[2][0]),
            Err(BallotError::InvalidProof)
        );

        // The qualified dealers are 0 and 2.
        let constants = [
            round.published[0].polynomial[0],
            round.published[2].polynomial[0],
        ];
        let (key, key_shares) =
            combine_contributions(2, &constants, &[dealt[0].clone(), dealt[2].clone()]).unwrap();
        let mut received = Vec::new();
        for to in 0..3_u32 {
            let mut shares = Vec::new();
            for from in [0_u32, 2] {
                let recipient = &round.setups[to as usize];
                shares.push(if from == to {
                    recipient.own_share()
                } else {
                    let encrypted = round.setups[from as usize]
                        .encrypted_share(
                            &context(from, to),
                            to,
                            &round.commits[to as usize].transport_key,
                            &mut rng,
                        )
                        .unwrap();
                    recipient
                        .open_share(
                            &context(from, to),
                            &encrypted,
                            &dealt[from as usize][to as usize],
                        )
                        .unwrap()
                        .unwrap()
                });
            }
            received.push(shares);
        }
        let trustees: Vec<_> = round
            .setups
            .into_iter()
            .zip(&received)
            .map(|(setup, shares)| setup.finish(shares, &key_shares).unwrap())
            .collect();
        for trustee in &trustees {
            assert_eq!(trustee.election_key(), key);
        }
        // A share missing (dealer 2's) leaves a secret that does not match the key share.
        let lone = TrusteeSetup::new(0, 3, 2, &mut rng).unwrap();
        assert!(lone.finish(&received[0][..1], &key_shares).is_err());

        let keys = TrusteeKeys {
            threshold: 2,
            keys: &key_shares,
        };
        let mut sums = vec![Ciphertext::ZERO; 3];
        for choice in [0, 2, 2, 1, 2] {
            let ballot = verify_ballot(
                &key,
                3,
                CONTEXT,
                &encrypt_ballot(&key, 3, choice, CONTEXT, &mut rng).unwrap(),
            )
            .unwrap();
            accumulate(&mut sums, &ballot, false).unwrap();
        }
        let shares_1 = trustees[1].decryption_shares(&sums, &mut rng).unwrap();
        let shares_2 = trustees[2].decryption_shares(&sums, &mut rng).unwrap();
        check_tally(&keys, &sums, &[(1, &shares_1), (2, &shares_2)], &[1, 1, 3]).unwrap();
    }

    #[test]
    fn contributions_of_different_sizes_do_not_combine() {
        let mut rng = ChaCha20Rng::seed_from_u64(13);
        let round = rounds(&mut rng);
        let dealt: Vec<_> = (0..3).map(|dealer| round.verify(dealer).unwrap()).collect();
        let constants: Vec<_> = round.published.iter().map(|p| p.polynomial[0]).collect();
        assert_eq!(
            combine_contributions(2, &constants[..2], &dealt),
            Err(BallotError::InvalidTrustees)
        );
        assert_eq!(
            combine_contributions(2, &[], &[]),
            Err(BallotError::InvalidTrustees)
        );
        let short = vec![dealt[0].clone(), dealt[1][..2].to_vec(), dealt[2].clone()];
        assert_eq!(
            combine_contributions(2, &constants, &short),
            Err(BallotError::InvalidTrustees)
        );
        // A constant term that is not the dealt shares' makes an inconsistent key set.
        let mut wrong = constants.clone();
        wrong[0] = constants[1];
        assert_eq!(
            combine_contributions(2, &wrong, &dealt),
            Err(BallotError::InvalidTrustees)
        );
        combine_contributions(2, &constants, &dealt).unwrap();
    }
}

mod verify_election {
    use crate::verify::*;
    use crate::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    /// The election the record is of.
    const ELECTION: u32 = 9;

    struct Chain {
        key: ElectionKey,
        keys: Vec<[u8; 32]>,
        ballots: Vec<(u64, Vec<u8>)>,
        sums: Vec<Ciphertext>,
        shares: Vec<(u32, Vec<DecryptionShare>)>,
        counts: Vec<u64>,
    }

    /// 20 voters, the first three of whom vote again, kept as the chain keeps them: the last
    /// ballot per voter, sums updated as ballots come and go; trustees 0 and 2 decrypt.
    fn chain() -> Chain {
        let mut rng = ChaCha20Rng::seed_from_u64(21);
        let trustees = generate_trustees(3, 2, &mut rng).unwrap();
        let key = trustees[0].election_key();
        let mut ballots: Vec<(u64, Vec<u8>)> = Vec::new();
        let mut choices = Vec::new();
        let mut sums = vec![Ciphertext::ZERO; 3];
        for voter in 0..20_u64 {
            let choice = (voter % 3) as u32;
            let context = ballot_context(ELECTION, voter);
            let ballot = encrypt_ballot(&key, 3, choice, &context, &mut rng).unwrap();
            accumulate(
                &mut sums,
                &verify_ballot(&key, 3, &context, &ballot).unwrap(),
                false,
            )
            .unwrap();
            ballots.push((voter, ballot));
            choices.push(choice);
        }
        for voter in 0..3_usize {
            let context = ballot_context(ELECTION, voter as u64);
            let ballot = encrypt_ballot(&key, 3, 2, &context, &mut rng).unwrap();
            let old = ballot_ciphertexts(3, &ballots[voter].1).unwrap();
            accumulate(&mut sums, &old, true).unwrap();
            accumulate(
                &mut sums,
                &verify_ballot(&key, 3, &context, &ballot).unwrap(),
                false,
            )
            .unwrap();
            ballots[voter].1 = ballot;
            choices[voter] = 2;
        }
        let mut counts = vec![0; 3];
        for choice in choices {
            counts[choice as usize] += 1;
        }
        let shares = [0_u32, 2]
            .iter()
            .map(|trustee| {
                (
                    *trustee,
                    trustees[*trustee as usize]
                        .decryption_shares(&sums, &mut rng)
                        .unwrap(),
                )
            })
            .collect();
        Chain {
            key,
            keys: trustees.iter().map(Trustee::key_share).collect(),
            ballots,
            sums,
            shares,
            counts,
        }
    }

    fn verify(chain: &Chain) -> Result<Verified, Inconsistency> {
        verify_counted(chain, chain.ballots.len() as u64)
    }

    /// The record before the tally (the sums were changed, the shares are of the old ones).
    fn verify_counted_without_counts(chain: &Chain) -> Result<Verified, Inconsistency> {
        let ballots: Vec<(u64, &[u8])> = chain
            .ballots
            .iter()
            .map(|(voter, ballot)| (*voter, &ballot[..]))
            .collect();
        verify_election(&ElectionRecord {
            election: ELECTION,
            key: chain.key,
            options: 3,
            trustees: TrusteeKeys {
                threshold: 2,
                keys: &chain.keys,
            },
            ballots: &ballots,
            counted: chain.ballots.len() as u64,
            sums: &chain.sums,
            shares: &[],
            counts: None,
        })
    }

    fn verify_counted(chain: &Chain, counted: u64) -> Result<Verified, Inconsistency> {
        let ballots: Vec<(u64, &[u8])> = chain
            .ballots
            .iter()
            .map(|(voter, ballot)| (*voter, &ballot[..]))
            .collect();
        let shares: Vec<(u32, &[DecryptionShare])> = chain
            .shares
            .iter()
            .map(|(trustee, shares)| (*trustee, &shares[..]))
            .collect();
        verify_election(&ElectionRecord {
            election: ELECTION,
            key: chain.key,
            options: 3,
            trustees: TrusteeKeys {
                threshold: 2,
                keys: &chain.keys,
            },
            ballots: &ballots,
            counted,
            sums: &chain.sums,
            shares: &shares,
            counts: Some(&chain.counts),
        })
    }

    #[test]
    fn an_honest_record_verifies_from_ballots_to_counts() {
        let chain = chain();
        assert_eq!(chain.counts, vec![6, 6, 8]);
        assert_eq!(
            verify(&chain),
            Ok(Verified {
                ballots: 20,
                counts_checked: true
            })
        );
    }

    #[test]
    fn a_ballot_whose_proof_bytes_were_altered_is_named() {
        let mut chain = chain();
        let last = chain.ballots[7].1.len() - 1;
        chain.ballots[7].1[last] ^= 0x40;
        assert!(matches!(
            verify(&chain),
            Err(Inconsistency::Ballot { voter: 7, .. })
        ));
    }

    #[test]
    fn a_ballot_missing_from_the_record_is_named_by_the_count() {
        let chain = chain();
        assert_eq!(
            verify_counted(&chain, 21),
            Err(Inconsistency::BallotCount {
                counted: 21,
                stored: 20
            })
        );
        assert_eq!(
            Inconsistency::BallotCount {
                counted: 21,
                stored: 20
            }
            .to_string(),
            "the chain counted 21 ballots but stores 20"
        );
    }

    #[test]
    fn a_ballot_copied_to_another_voter_is_named() {
        let mut copied = chain();
        // A current ballot's proof is bound to its voter: the copy does not hold.
        copied.ballots[12].1 = copied.ballots[4].1.clone();
        assert_eq!(
            verify(&copied),
            Err(Inconsistency::Ballot {
                voter: 12,
                error: BallotError::InvalidProof
            })
        );
        // A ballot of the earlier format, bound to no voter, stored for two.
        let mut chain = chain();
        let mut rng = ChaCha20Rng::seed_from_u64(5);
        let earlier = encrypt_earlier_format_ballot(&chain.key, 3, 0, &mut rng).unwrap();
        let old = [4, 12].map(|voter| ballot_ciphertexts(3, &chain.ballots[voter].1).unwrap());
        for (voter, old) in [4, 12].into_iter().zip(old) {
            accumulate(&mut chain.sums, &old, true).unwrap();
            accumulate(
                &mut chain.sums,
                &ballot_ciphertexts(3, &earlier).unwrap(),
                false,
            )
            .unwrap();
            chain.ballots[voter].1 = earlier.clone();
        }
        assert_eq!(
            verify_counted_without_counts(&chain),
            Err(Inconsistency::CopiedBallot { first: 4, copy: 12 })
        );
    }

    #[test]
    fn ballots_of_the_earlier_format_still_verify_where_stored() {
        let mut chain = chain();
        let mut rng = ChaCha20Rng::seed_from_u64(6);
        let old = ballot_ciphertexts(3, &chain.ballots[7].1).unwrap();
        let earlier = encrypt_earlier_format_ballot(&chain.key, 3, 1, &mut rng).unwrap();
        assert!(earlier.len() < batchable::ballot_len(3));
        accumulate(&mut chain.sums, &old, true).unwrap();
        accumulate(
            &mut chain.sums,
            &ballot_ciphertexts(3, &earlier).unwrap(),
            false,
        )
        .unwrap();
        chain.ballots[7].1 = earlier;
        assert_eq!(
            verify_counted_without_counts(&chain),
            Ok(Verified {
                ballots: 20,
                counts_checked: false
            })
        );
    }

    #[test]
    fn sums_that_are_not_the_stored_ballots_are_named() {
        let mut chain = chain();
        let removed = ballot_ciphertexts(3, &chain.ballots[5].1).unwrap();
        chain.ballots.remove(5);
        assert_eq!(verify(&chain), Err(Inconsistency::Sum { option: 0 }));
        accumulate(&mut chain.sums, &removed, true).unwrap();
        assert!(matches!(
            verify(&chain),
            Err(Inconsistency::Share { .. } | Inconsistency::Tally(_))
        ));
        chain.sums.pop();
        assert_eq!(verify(&chain), Err(Inconsistency::SumCount));
    }

    #[test]
    fn a_bad_share_or_a_wrong_count_is_named() {
        let mut chain = chain();
        chain.shares[1].1[0].proof[3] ^= 1;
        assert!(matches!(
            verify(&chain),
            Err(Inconsistency::Share { trustee: 2, .. })
        ));
        let mut chain = self::chain();
        chain.counts[0] += 1;
        assert_eq!(
            verify(&chain),
            Err(Inconsistency::Tally(BallotError::CountMismatch))
        );
    }
}
