use super::*;
use crate::group::test_support::{context, key_pair};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(11)
}

fn decrypt(secret: &Scalar, ciphertext: &Ciphertext) -> [u8; 32] {
    // The identity compresses to 32 zero bytes, so the sum of no ballot decodes too.
    let (random, blinded) = ciphertext.0.split_at(32);
    (point(blinded).unwrap() - secret * point(random).unwrap())
        .compress()
        .to_bytes()
}

#[test]
fn every_choice_of_every_size_verifies_alone_and_in_a_batch_and_counts() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    for options in 2..=MAX_CHOICES {
        let mut counts = vec![0u64; options as usize];
        let mut ballots = Vec::new();
        for voter in 0..(2 * options) {
            let choice = (voter * 7 + 3) % options;
            counts[choice as usize] += 1;
            let ballot = encrypt(&key, options, choice, &context(voter), &mut rng).unwrap();
            assert_eq!(ballot.len(), ballot_len(options));
            let ciphertext = verify(&key, options, &context(voter), &ballot).unwrap();
            assert_eq!(ciphertext.0[..], ballot[..64]);
            ballots.push((context(voter), ballot));
        }
        let batch: Vec<(&[u8], &[u8])> = ballots
            .iter()
            .map(|(context, ballot)| (&context[..], &ballot[..]))
            .collect();
        let ciphertexts = verify_batch(&key, options, &batch).unwrap();
        assert_eq!(ciphertexts.len(), batch.len());
        let decrypted = decrypt(&secret, &sum(&ciphertexts).unwrap());
        check_counts(&decrypted, &counts).unwrap();
        // One vote moved from the first option to the second: refused.
        let mut wrong = counts.clone();
        if wrong[0] > 0 {
            wrong[0] -= 1;
            wrong[1] += 1;
        } else {
            wrong[0] += 1;
        }
        assert_eq!(
            check_counts(&decrypted, &wrong),
            Err(BallotError::CountMismatch)
        );
    }
}

#[test]
fn fifty_voters_with_re_votes_sum_to_the_counts_of_the_ballots_that_count() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    let mut counted: Vec<(u32, Ciphertext)> = Vec::new();
    let mut sums = Ciphertext::ZERO;
    for voter in 0..55u32 {
        // The last five re-vote: the old ballot is subtracted, the new one added.
        let (voter, choice) = if voter < 50 {
            (voter, voter % 4)
        } else {
            (voter - 50, 3 - (voter % 4))
        };
        let ballot = encrypt(&key, 4, choice, &context(voter), &mut rng).unwrap();
        let ciphertext = verify(&key, 4, &context(voter), &ballot).unwrap();
        if let Some(old) = counted.iter().position(|(who, _)| *who == voter) {
            sums = sums.sub(&counted[old].1).unwrap();
            counted.remove(old);
        }
        sums = sums.add(&ciphertext).unwrap();
        counted.push((voter, ciphertext));
    }
    let mut counts = [0u64; 4];
    for voter in 0..50u32 {
        let choice = if voter < 5 {
            3 - ((voter + 50) % 4)
        } else {
            voter % 4
        };
        counts[choice as usize] += 1;
    }
    check_counts(&decrypt(&secret, &sums), &counts).unwrap();
    assert_eq!(
        sums,
        sum(&counted.iter().map(|(_, c)| *c).collect::<Vec<_>>()).unwrap()
    );
}

#[test]
fn a_ballot_is_bound_to_its_voter_and_its_key() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    let (_, other_key) = key_pair(&mut rng);
    let ballot = encrypt(&key, 4, 1, &context(1), &mut rng).unwrap();
    // Copied into another citizen's transaction.
    assert_eq!(
        verify(&key, 4, &context(2), &ballot),
        Err(BallotError::InvalidProof)
    );
    assert_eq!(
        verify(&other_key, 4, &context(1), &ballot),
        Err(BallotError::InvalidProof)
    );
    // Read as a ballot of another election size.
    assert_eq!(
        verify(&key, 5, &context(1), &ballot),
        Err(BallotError::WrongOptionCount)
    );
}

#[test]
fn every_altered_bit_of_a_ballot_is_refused() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    let ballot = encrypt(&key, 3, 0, &context(1), &mut rng).unwrap();
    for byte in 0..ballot.len() {
        for bit in [0u8, 3, 7] {
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
            let batch: [(&[u8], &[u8]); 1] = [(&context(1)[..], &altered[..])];
            assert!(
                verify_batch(&key, 3, &batch).is_err(),
                "byte {byte} bit {bit}"
            );
        }
    }
}

#[test]
fn two_votes_in_one_ballot_cannot_be_proved() {
    let mut rng = rng();
    let (secret, key) = key_pair(&mut rng);
    let first = encrypt(&key, 4, 0, &context(1), &mut rng).unwrap();
    let second = encrypt(&key, 4, 0, &context(1), &mut rng).unwrap();
    let double = Ciphertext(crate::array(&first))
        .add(&Ciphertext(crate::array(&second)))
        .unwrap();
    // The double vote's ciphertext with either ballot's proof.
    let mut forged = first.clone();
    forged[..64].copy_from_slice(&double.0);
    assert_eq!(
        verify(&key, 4, &context(1), &forged),
        Err(BallotError::InvalidProof)
    );
    // It does encrypt two votes for option 0.
    check_counts(&decrypt(&secret, &double), &[2, 0, 0, 0]).unwrap();
    // A proof for a value that is no option, built as the wallet builds one (the simulated
    // branches are fine; the real one has no randomness to answer with): refused.
    let randomness = random_scalar(&mut rng);
    let election_key = election_key(&key).unwrap();
    let random = RistrettoPoint::mul_base(&randomness);
    let blinded = randomness * election_key + RistrettoPoint::mul_base(&Scalar::from(2u8));
    let mut fake = Vec::new();
    fake.extend_from_slice(random.compress().as_bytes());
    fake.extend_from_slice(blinded.compress().as_bytes());
    fake.extend_from_slice(&first[64..]);
    assert_eq!(
        verify(&key, 4, &context(1), &fake),
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
    // Voter 4's ballot carries voter 3's context: each proof is well formed, one does not hold.
    ballots[4].0 = context(3);
    let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
    assert_eq!(
        verify_batch(&key, 4, &batch),
        Err((4, BallotError::InvalidProof))
    );
    // A response changed but the challenges still adding up: only the combination catches it
    // before the one-by-one check names the ballot.
    ballots[4].0 = context(4);
    let response = 64 + 128 + 96;
    ballots[2].1[response] ^= 1;
    let batch: Vec<(&[u8], &[u8])> = ballots.iter().map(|(c, b)| (&c[..], &b[..])).collect();
    assert_eq!(
        verify_batch(&key, 4, &batch),
        Err((2, BallotError::InvalidProof))
    );
    assert_eq!(verify_batch(&key, 4, &[]), Ok(Vec::new()));
}

#[test]
fn out_of_range_input_is_refused_precisely() {
    let mut rng = rng();
    let (_, key) = key_pair(&mut rng);
    assert_eq!(
        encrypt(&key, 1, 0, &context(1), &mut rng),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt(&key, MAX_CHOICES + 1, 0, &context(1), &mut rng),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt(&key, 4, 4, &context(1), &mut rng),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        encrypt(&ElectionKey([0; 32]), 4, 0, &context(1), &mut rng),
        Err(BallotError::InvalidPoint)
    );
    assert_eq!(
        encrypt(&ElectionKey([0xff; 32]), 4, 0, &context(1), &mut rng),
        Err(BallotError::InvalidPoint)
    );
    let ballot = encrypt(&key, 4, 0, &context(1), &mut rng).unwrap();
    assert_eq!(
        verify(&key, 4, &context(1), &ballot[..ballot.len() - 1]),
        Err(BallotError::WrongOptionCount)
    );
    assert_eq!(
        verify(&key, 4, &context(1), &ballot[..10]),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        verify(&key, 4, &context(1), &[]),
        Err(BallotError::Malformed)
    );
    // A response scalar not reduced below the group order.
    let mut unreduced = ballot.clone();
    unreduced[64 + 96..64 + 128].copy_from_slice(&[0xff; 32]);
    assert_eq!(
        verify(&key, 4, &context(1), &unreduced),
        Err(BallotError::Malformed)
    );
    assert_eq!(
        verify(&ElectionKey([0; 32]), 4, &context(1), &ballot),
        Err(BallotError::InvalidPoint)
    );
    assert_eq!(
        expected_point(&[1 << VOTE_BITS, 0]),
        Err(BallotError::CountMismatch)
    );
    assert_eq!(expected_point(&[1]), Err(BallotError::WrongOptionCount));
    assert_eq!(
        expected_point(&[0; MAX_CHOICES as usize + 1]),
        Err(BallotError::WrongOptionCount)
    );
    // The largest counts of the largest election fit.
    expected_point(&[(1 << VOTE_BITS) - 1; MAX_CHOICES as usize]).unwrap();
}
