use crate::*;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

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
    let ballot = encrypt_ballot(&election.key, 4, 2, &mut rng).unwrap();
    assert!(ballot.len() <= MAX_BALLOT_LEN as usize);
    let ciphertexts = verify_ballot(&election.key, 4, &ballot).unwrap();
    assert_eq!(ciphertexts.len(), 4);
    // Nothing in the stored form repeats between options: each is freshly randomised.
    assert_ne!(ciphertexts[0], ciphertexts[1]);
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
    let ballot = encrypt_ballot(&election.key, 4, 0, &mut rng).unwrap();
    assert_eq!(
        verify_ballot(&election.key, 3, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        verify_ballot(&election.key, 1, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        verify_ballot(&election.key, MAX_OPTIONS + 1, &ballot),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt_ballot(&election.key, 4, 4, &mut rng),
        Err(BallotError::WrongOptionCount)
    );
}

#[test]
fn a_ballot_for_another_key_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let other = self::election(&mut rng);
    let ballot = encrypt_ballot(&other.key, 4, 1, &mut rng).unwrap();
    assert_eq!(
        verify_ballot(&election.key, 4, &ballot),
        Err(BallotError::InvalidProof)
    );
}

#[test]
fn a_ballot_with_any_byte_altered_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 3, 1, &mut rng).unwrap();
    for position in 0..ballot.len() {
        let mut altered = ballot.clone();
        altered[position] ^= 0x01;
        let refused = verify_ballot(&election.key, 3, &altered);
        assert!(
            matches!(
                refused,
                Err(BallotError::Malformed
                    | BallotError::InvalidProof
                    | BallotError::WrongOptionCount)
            ),
            "byte {position}: {refused:?}"
        );
    }
    assert_eq!(
        verify_ballot(&election.key, 3, &ballot[..ballot.len() - 1]),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        verify_ballot(&election.key, 3, &[]),
        Err(BallotError::Malformed)
    );
}

#[test]
fn a_ballot_choosing_two_options_or_none_is_refused() {
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
            verify_ballot(&election.key, 3, &bytes),
            Err(BallotError::InvalidProof)
        );
    }
}

#[test]
fn a_key_that_is_not_a_point_is_refused() {
    let mut rng = rng();
    let election = election(&mut rng);
    let ballot = encrypt_ballot(&election.key, 2, 0, &mut rng).unwrap();
    for key in [[0xff; 32], [0; 32]] {
        assert_eq!(
            verify_ballot(&ElectionKey(key), 2, &ballot),
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
        &encrypt_ballot(&election.key, 2, 1, &mut rng).unwrap(),
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
            &encrypt_ballot(&election.key, options as u32, choice, &mut rng).unwrap(),
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
            &encrypt_ballot(&election.key, options as u32, choice, &mut rng).unwrap(),
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
        &encrypt_ballot(&election.key, 2, 0, &mut rng).unwrap(),
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
