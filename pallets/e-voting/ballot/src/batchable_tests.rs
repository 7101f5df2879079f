use super::*;
use crate::group::test_support::{context, key_pair};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(13)
}

/// Whether `ciphertext` decrypts to `count·G` under `secret`.
fn decrypts_to(secret: &Scalar, ciphertext: &Ciphertext, count: u64) -> bool {
    let (random, blinded) = ciphertext.0.split_at(32);
    point(blinded).unwrap() - secret * point(random).unwrap()
        == RistrettoPoint::mul_base(&Scalar::from(count))
}

#[test]
fn every_choice_of_every_size_verifies_alone_and_in_a_batch_and_sums_to_the_counts() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    for options in 2..=MAX_OPTIONS {
        let mut counts = vec![0u64; options as usize];
        let mut sums = vec![Ciphertext::ZERO; options as usize];
        let mut ballots = Vec::new();
        for voter in 0..options + 3 {
            let choice = (voter * 5 + 1) % options;
            counts[choice as usize] += 1;
            let ballot = encrypt(&key, options, choice, &context(voter), &mut rng).unwrap();
            assert_eq!(ballot.len(), ballot_len(options));
            assert!(ballot.len() <= MAX_BALLOT_LEN as usize);
            let ciphertexts = verify(&key, options, &context(voter), &ballot).unwrap();
            assert_eq!(ciphertexts, ballot_ciphertexts(options, &ballot).unwrap());
            crate::accumulate(&mut sums, &ciphertexts, false).unwrap();
            ballots.push((context(voter), ballot));
        }
        let batch: Vec<(&[u8], &[u8])> = ballots
            .iter()
            .map(|(context, ballot)| (&context[..], &ballot[..]))
            .collect();
        assert_eq!(
            verify_batch(&key, options, &batch).unwrap().len(),
            batch.len()
        );
        for (sum, count) in sums.iter().zip(&counts) {
            assert!(decrypts_to(&secret, sum, *count));
            assert!(!decrypts_to(&secret, sum, count + 1));
        }
    }
}

#[test]
fn a_ballot_is_bound_to_its_voter_and_its_key() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    let (_, other_key) = key_pair(&mut rng);
    let ballot = encrypt(&key, 4, 1, &context(1), &mut rng).unwrap();
    assert_eq!(
        verify(&key, 4, &context(2), &ballot),
        Err(BallotError::InvalidProof)
    );
    assert_eq!(
        verify(&other_key, 4, &context(1), &ballot),
        Err(BallotError::InvalidProof)
    );
    assert_eq!(
        verify(&key, 3, &context(1), &ballot),
        Err(BallotError::WrongOptionCount)
    );
}

#[test]
fn every_altered_bit_of_a_ballot_is_refused() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    let ballot = encrypt(&key, 3, 2, &context(1), &mut rng).unwrap();
    for byte in 0..ballot.len() {
        for bit in [0u8, 4, 7] {
            let mut altered = ballot.clone();
            altered[byte] ^= 1 << bit;
            let error = verify(&key, 3, &context(1), &altered).unwrap_err();
            assert!(
                matches!(
                    error,
                    BallotError::InvalidProof | BallotError::InvalidPoint | BallotError::Malformed
                ),
                "byte {byte} bit {bit}: {error:?}"
            );
        }
    }
}

#[test]
fn a_ballot_with_two_votes_or_none_cannot_be_proved() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    let first = encrypt(&key, 3, 0, &context(1), &mut rng).unwrap();
    let second = encrypt(&key, 3, 1, &context(1), &mut rng).unwrap();
    // Option 1 of the second ballot (a vote) put in the first: two votes, first's proofs.
    let mut two = first.clone();
    two[64..128].copy_from_slice(&second[64..128]);
    assert_eq!(
        verify(&key, 3, &context(1), &two),
        Err(BallotError::InvalidProof)
    );
    // Option 0 of the second ballot (no vote) put in the first: no vote at all.
    let mut none = first.clone();
    none[..64].copy_from_slice(&second[..64]);
    assert_eq!(
        verify(&key, 3, &context(1), &none),
        Err(BallotError::InvalidProof)
    );
    // Option 0 doubled: it encrypts 2, which no proof of 0-or-1 covers.
    let doubled = Ciphertext(crate::array(&first))
        .add(&Ciphertext(crate::array(&first)))
        .unwrap();
    assert!(decrypts_to(&secret, &doubled, 2));
    let mut double = first.clone();
    double[..64].copy_from_slice(&doubled.0);
    assert_eq!(
        verify(&key, 3, &context(1), &double),
        Err(BallotError::InvalidProof)
    );
}

#[test]
fn a_batch_with_one_bad_ballot_fails_and_names_it() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    let mut ballots: Vec<(Vec<u8>, Vec<u8>)> = (0..6u32)
        .map(|voter| {
            (
                context(voter),
                encrypt(&key, 4, voter % 4, &context(voter), &mut rng).unwrap(),
            )
        })
        .collect();
    // Voter 4's ballot under voter 3's context.
    ballots[4].0 = context(3);
    let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
    assert_eq!(
        verify_batch(&key, 4, &batch),
        Err((4, BallotError::InvalidProof))
    );
    // A response changed in ballot 2 (the transcript's challenge is unchanged).
    ballots[4].0 = context(4);
    let response = ballot_len(4) - 1 - 31;
    ballots[2].1[response] ^= 1;
    let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
    assert_eq!(
        verify_batch(&key, 4, &batch),
        Err((2, BallotError::InvalidProof))
    );
    // A malformed ballot is named as such.
    ballots[2].1[response] ^= 1;
    ballots[5].1.pop();
    let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
    assert_eq!(
        verify_batch(&key, 4, &batch),
        Err((5, BallotError::Malformed))
    );
    assert_eq!(verify_batch(&key, 4, &[]), Ok(Vec::new()));
}

#[test]
fn each_ballot_of_a_batch_is_judged_on_its_own_and_the_good_ones_add_up() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    let mut ballots: Vec<(Vec<u8>, Vec<u8>)> = (0..8u32)
        .map(|voter| {
            (
                context(voter),
                encrypt(&key, 4, voter % 4, &context(voter), &mut rng).unwrap(),
            )
        })
        .collect();
    let checked = |ballots: &[(Vec<u8>, Vec<u8>)]| {
        let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
        verify_each(&key, 4, &batch).unwrap()
    };
    assert!(checked(&ballots).iter().all(Result::is_ok));
    // Three bad ballots of three kinds: each is named, the other five hold.
    ballots[1].0 = context(2);
    let response = ballot_len(4) - 1 - 31;
    ballots[4].1[response] ^= 1;
    ballots[6].1.pop();
    let results = checked(&ballots);
    let errors: Vec<_> = results.iter().map(|result| result.as_ref().err()).collect();
    assert_eq!(
        errors,
        [
            None,
            Some(&BallotError::InvalidProof),
            None,
            None,
            Some(&BallotError::InvalidProof),
            None,
            Some(&BallotError::Malformed),
            None
        ]
    );
    // The good ones, added to sums held as points, give what adding them one by one gives;
    // subtracting one takes its vote away.
    let mut sums = crate::Sums::decode(&[Ciphertext::ZERO; 4]).unwrap();
    let mut one_by_one = vec![Ciphertext::ZERO; 4];
    let mut counts = [0u64; 4];
    for (voter, result) in results.iter().enumerate() {
        if let Ok(ballot) = result {
            sums.add(ballot).unwrap();
            crate::accumulate(&mut one_by_one, &ballot.ciphertexts, false).unwrap();
            counts[voter % 4] += 1;
        }
    }
    assert_eq!(sums.encode(), one_by_one);
    for (sum, count) in sums.encode().iter().zip(counts) {
        assert!(decrypts_to(&secret, sum, count));
    }
    let first = results[0].as_ref().unwrap();
    sums.subtract(&first.ciphertexts).unwrap();
    counts[0] -= 1;
    for (sum, count) in sums.encode().iter().zip(counts) {
        assert!(decrypts_to(&secret, sum, count));
    }
    assert_eq!(
        sums.subtract(&first.ciphertexts[..3]),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        sums.add(
            &verify_each(
                &key,
                3,
                &[(
                    &context(0)[..],
                    &encrypt(&key, 3, 0, &context(0), &mut rng).unwrap()[..]
                )]
            )
            .unwrap()
            .pop()
            .unwrap()
            .unwrap()
        ),
        Err(BallotError::WrongOptionCount)
    );
    // An invalid point in stored sums is refused, not decoded.
    assert_eq!(
        crate::Sums::decode(&[Ciphertext([0xff; 64])]).err(),
        Some(BallotError::InvalidPoint)
    );
    // A key that is no point fails the whole batch.
    assert_eq!(
        verify_each(&ElectionKey([0xff; 32]), 4, &[]).err(),
        Some(BallotError::InvalidPoint)
    );
}

#[test]
fn out_of_range_input_is_refused_precisely() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    for options in [0, 1, MAX_OPTIONS + 1] {
        assert_eq!(
            encrypt(&key, options, 0, &context(1), &mut rng),
            Err(BallotError::WrongOptionCount)
        );
    }
    assert_eq!(
        encrypt(&key, 4, 4, &context(1), &mut rng),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt(&ElectionKey([0; 32]), 4, 0, &context(1), &mut rng),
        Err(BallotError::InvalidPoint)
    );
    let ballot = encrypt(&key, 4, 0, &context(1), &mut rng).unwrap();
    assert_eq!(
        verify(&key, 4, &context(1), &ballot[..ballot.len() - 1]),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        verify(&key, 4, &context(1), &[]),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        ballot_ciphertexts(4, &ballot[1..]),
        Err(BallotError::Malformed)
    );
    // The length of a ballot of five options.
    assert_eq!(
        verify(&key, 4, &context(1), &[0; 288 * 5 + 96]),
        Err(BallotError::WrongOptionCount)
    );
    let mut unreduced = ballot.clone();
    let last = unreduced.len() - 32;
    unreduced[last..].copy_from_slice(&[0xff; 32]);
    assert_eq!(
        verify(&key, 4, &context(1), &unreduced),
        Err(BallotError::Malformed)
    );
    let mut not_a_point = ballot.clone();
    not_a_point[..32].copy_from_slice(&[0xff; 32]);
    assert_eq!(
        verify(&key, 4, &context(1), &not_a_point),
        Err(BallotError::InvalidPoint)
    );
    assert_eq!(
        verify(&ElectionKey([0; 32]), 4, &context(1), &ballot),
        Err(BallotError::InvalidPoint)
    );
}

#[test]
fn a_ballot_s_length_bounds_its_options_from_above() {
    for options in 2..=MAX_OPTIONS {
        let len = ballot_len(options);
        assert_eq!(options_for_len(len), options);
        // Any shorter ballot that still holds `options` options' worth of bytes is taken as
        // `options`; a longer one as more (so no ballot is declared for fewer options than its
        // election's, unless its length check refuses it).
        assert_eq!(options_for_len(len - 1), options);
        assert_eq!(options_for_len(len + 1), (options + 1).min(MAX_OPTIONS));
    }
    assert_eq!(options_for_len(0), 2);
    assert_eq!(options_for_len(usize::MAX), MAX_OPTIONS);
}
