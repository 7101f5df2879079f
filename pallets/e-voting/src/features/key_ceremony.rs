//! An encrypted election's trustees and their key ceremony: naming them when the election is
//! created, the four rounds (commit, publish, share, complain) between its creation and the
//! start of voting, and making the key from the qualified trustees' parts when voting starts.
//! The cryptography is `govchain_ballot::dkg`'s; this file keeps the schedule and the records.

use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, WithPostDispatchInfo},
    ensure,
    pallet_prelude::DispatchResult,
    traits::Get,
    BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_ballot::{dkg, BallotError};
use govchain_primitives::identity::IdentityProvider;
use sp_runtime::{
    traits::{CheckedDiv, Saturating},
    DispatchError,
};

impl<T: Config> Pallet<T> {
    /// The context every ceremony hash and proof of `election` is bound to: the election and
    /// the dealer's position, and the recipient's for a share and its disclosure. Trustees'
    /// tools compute the same bytes: the SCALE encoding of
    /// `(b"govchain-election", election, dealer, recipient)`.
    pub fn ceremony_context(
        election: ElectionId,
        dealer: TrusteePosition,
        recipient: Option<TrusteePosition>,
    ) -> Vec<u8> {
        (b"govchain-election", election, dealer, recipient).encode()
    }

    /// The trustees of an encrypted election `spec` names, checked, with its ceremony's
    /// schedule from `now` to `voting_starts`.
    pub(crate) fn checked_ceremony(
        threshold: u8,
        trustees: BoundedVec<T::AccountId, MaxTrustees>,
        now: BlockNumberFor<T>,
        voting_starts: BlockNumberFor<T>,
    ) -> Result<KeyCeremony<T>, DispatchError> {
        let count = trustees.len() as u32;
        ensure!(
            (govchain_ballot::MIN_TRUSTEES..=govchain_ballot::MAX_TRUSTEES).contains(&count),
            Error::<T>::WrongTrusteeCount
        );
        ensure!(
            (2..=count).contains(&u32::from(threshold)),
            Error::<T>::InvalidThreshold
        );
        let round_length = voting_starts
            .saturating_sub(now)
            .checked_div(&4u32.into())
            .unwrap_or_default();
        ensure!(round_length >= 1u32.into(), Error::<T>::KeyCeremonyTooShort);
        let mut records: BoundedVec<TrusteeRecord<T::AccountId>, MaxTrustees> = BoundedVec::new();
        for account in trustees {
            let institution = T::Identity::officer_institution(&account)
                .map_err(|_| Error::<T>::TrusteeNotServing)?;
            ensure!(
                records
                    .iter()
                    .all(|trustee| trustee.institution != institution),
                Error::<T>::TrusteesShareInstitution
            );
            records
                .try_push(TrusteeRecord {
                    account,
                    institution,
                    committed: None,
                    contribution: None,
                    shares_posted: false,
                    complaints: BoundedVec::new(),
                    disqualified: None,
                    key_share: None,
                })
                .map_err(|_| Error::<T>::WrongTrusteeCount)?;
        }
        Ok(KeyCeremony {
            starts: now,
            round_length,
            threshold,
            trustees: records,
            key: None,
        })
    }

    /// The running encrypted election `election`, its ceremony and the caller's position in
    /// it, if the ceremony is in `round` and the caller is one of its trustees, still serving
    /// its institution.
    fn trustee_in_round(
        who: &T::AccountId,
        election: ElectionId,
        round: CeremonyRound,
    ) -> Result<(KeyCeremony<T>, TrusteePosition), DispatchError> {
        let institution = T::Identity::officer_institution(who)?;
        let record = Self::running_election(election)?;
        ensure!(record.is_encrypted(), Error::<T>::NotEncrypted);
        let ceremony = KeyCeremonies::<T>::get(election).ok_or(Error::<T>::NotEncrypted)?;
        let position = ceremony
            .serving_trustee(who, institution)
            .ok_or(Error::<T>::NotTrustee)?;
        ensure!(
            ceremony.round(
                frame_system::Pallet::<T>::block_number(),
                record.voting_starts
            ) == Some(round),
            Error::<T>::WrongCeremonyRound
        );
        Ok((ceremony, position))
    }

    /// `ceremony`'s trustee at `position`, to change.
    fn trustee_mut(
        ceremony: &mut KeyCeremony<T>,
        position: TrusteePosition,
    ) -> Result<&mut TrusteeRecord<T::AccountId>, DispatchError> {
        ceremony
            .trustees
            .get_mut(usize::from(position))
            .ok_or_else(|| Error::<T>::NotTrustee.into())
    }

    pub(crate) fn do_commit_key_part(
        who: T::AccountId,
        election: ElectionId,
        commitment: KeyCommitment,
    ) -> DispatchResult {
        let (mut ceremony, position) =
            Self::trustee_in_round(&who, election, CeremonyRound::Commit)?;
        let trustee = Self::trustee_mut(&mut ceremony, position)?;
        ensure!(trustee.committed.is_none(), Error::<T>::AlreadyCommitted);
        trustee.committed = Some(commitment);
        KeyCeremonies::<T>::insert(election, ceremony);
        Self::deposit_event(Event::KeyPartCommitted {
            election,
            trustee: position,
        });
        Ok(())
    }

    pub(crate) fn do_publish_key_part(
        who: T::AccountId,
        election: ElectionId,
        polynomial: BoundedVec<[u8; 32], MaxTrustees>,
        proof: PossessionProof,
        opening: [u8; 32],
    ) -> DispatchResultWithPostInfo {
        let (mut ceremony, position) =
            Self::trustee_in_round(&who, election, CeremonyRound::Publish)?;
        let trustees = ceremony.trustees.len() as u32;
        let threshold = u32::from(ceremony.threshold);
        let actual = T::WeightInfo::publish_key_part(trustees);
        let trustee = Self::trustee_mut(&mut ceremony, position)?;
        let committed = trustee.committed.ok_or(Error::<T>::NotCommitted)?;
        ensure!(trustee.contribution.is_none(), Error::<T>::AlreadyPublished);
        let context = Self::ceremony_context(election, position, None);
        let dealt = dkg::verify_contribution(
            &context,
            trustees,
            threshold,
            &committed.commitment,
            &polynomial,
            &proof,
            &opening,
        )
        .map_err(|error| {
            let error = match error {
                BallotError::CommitmentMismatch => Error::<T>::KeyCommitmentMismatch,
                BallotError::InvalidProof | BallotError::Malformed => {
                    Error::<T>::InvalidPossessionProof
                }
                _ => Error::<T>::InvalidPolynomial,
            };
            DispatchError::from(error).with_weight(actual)
        })?;
        let constant = *polynomial.first().ok_or(Error::<T>::InvalidPolynomial)?;
        trustee.contribution = Some(KeyContribution {
            constant,
            dealt: BoundedVec::try_from(dealt).map_err(|_| Error::<T>::InvalidPolynomial)?,
        });
        KeyCeremonies::<T>::insert(election, ceremony);
        Self::deposit_event(Event::KeyPartPublished {
            election,
            trustee: position,
        });
        Ok(Some(actual).into())
    }

    pub(crate) fn do_post_key_shares(
        who: T::AccountId,
        election: ElectionId,
        shares: BoundedVec<dkg::EncryptedShare, MaxTrustees>,
    ) -> DispatchResult {
        let (mut ceremony, position) =
            Self::trustee_in_round(&who, election, CeremonyRound::Share)?;
        let recipients = ceremony.published().len().saturating_sub(1);
        let trustee = Self::trustee_mut(&mut ceremony, position)?;
        ensure!(trustee.contribution.is_some(), Error::<T>::NotPublished);
        ensure!(!trustee.shares_posted, Error::<T>::SharesAlreadyPosted);
        ensure!(shares.len() == recipients, Error::<T>::WrongShareCount);
        trustee.shares_posted = true;
        KeyCeremonies::<T>::insert(election, ceremony);
        DealtShares::<T>::insert(election, position, shares);
        Self::deposit_event(Event::KeySharesPosted {
            election,
            trustee: position,
        });
        Ok(())
    }

    pub(crate) fn do_complain(
        who: T::AccountId,
        election: ElectionId,
        dealer: TrusteePosition,
        disclosure: dkg::Disclosure,
    ) -> DispatchResult {
        let (mut ceremony, position) =
            Self::trustee_in_round(&who, election, CeremonyRound::Complain)?;
        let complainant = ceremony
            .trustees
            .get(usize::from(position))
            .ok_or(Error::<T>::NotTrustee)?;
        let transport_key = match (&complainant.committed, &complainant.contribution) {
            (Some(committed), Some(_)) => committed.transport_key,
            _ => return Err(Error::<T>::NotPublished.into()),
        };
        ensure!(
            !complainant.complaints.contains(&dealer),
            Error::<T>::AlreadyComplained
        );
        ensure!(dealer != position, Error::<T>::NoShareToComplainAbout);
        let shares =
            DealtShares::<T>::get(election, dealer).ok_or(Error::<T>::NoShareToComplainAbout)?;
        let share = ceremony
            .dealt_share(&shares, dealer, position)
            .ok_or(Error::<T>::NoShareToComplainAbout)?;
        let expected = ceremony
            .expected_share(dealer, position)
            .ok_or(Error::<T>::NoShareToComplainAbout)?;
        let context = Self::ceremony_context(election, dealer, Some(position));
        let verdict =
            dkg::judge_complaint(&context, &transport_key, &share, &disclosure, &expected)
                .map_err(|_| Error::<T>::InvalidDisclosure)?;
        Self::trustee_mut(&mut ceremony, position)?
            .complaints
            .try_push(dealer)
            .map_err(|_| Error::<T>::AlreadyComplained)?;
        let event = match verdict {
            dkg::Verdict::DealerAtFault => {
                let faulty = Self::trustee_mut(&mut ceremony, dealer)?;
                if faulty.disqualified.is_none() {
                    faulty.disqualified = Some(Disqualification::WrongShare(position));
                }
                Event::TrusteeDisqualified {
                    election,
                    dealer,
                    complainant: position,
                }
            }
            dkg::Verdict::ShareValid => Event::ComplaintDismissed {
                election,
                dealer,
                complainant: position,
            },
        };
        KeyCeremonies::<T>::insert(election, ceremony);
        Self::deposit_event(event);
        Ok(())
    }

    /// Makes `election`'s key at the start of its voting from the qualified trustees' parts,
    /// or fails the election if fewer than its threshold qualified. Returns the weight used.
    pub(crate) fn make_election_key(
        election: ElectionId,
        now: BlockNumberFor<T>,
    ) -> frame_support::weights::Weight {
        let Some(mut ceremony) = KeyCeremonies::<T>::get(election) else {
            return T::WeightInfo::fail_election();
        };
        let trustees = ceremony.trustees.len() as u32;
        let weight = T::WeightInfo::make_election_key(trustees);
        let Some(record) =
            Elections::<T>::get(election).filter(|record| record.status == ElectionStatus::Running)
        else {
            return weight;
        };
        if ceremony.key.is_some() {
            return weight;
        }
        let qualified: Vec<&KeyContribution> = ceremony
            .trustees
            .iter()
            .filter(|trustee| trustee.qualified())
            .filter_map(|trustee| trustee.contribution.as_ref())
            .collect();
        let made = if qualified.len() < usize::from(ceremony.threshold) {
            None
        } else {
            let constants: Vec<[u8; 32]> = qualified.iter().map(|part| part.constant).collect();
            let dealt: Vec<Vec<[u8; 32]>> =
                qualified.iter().map(|part| part.dealt.to_vec()).collect();
            dkg::combine_contributions(u32::from(ceremony.threshold), &constants, &dealt).ok()
        };
        let qualified = qualified.len() as u8;
        let Some((key, key_shares)) = made else {
            Self::fail(election, record, Failure::NoElectionKey, now);
            return weight;
        };
        let options = record.options.len();
        let sums =
            BoundedVec::truncate_from(alloc::vec![govchain_ballot::Ciphertext::ZERO; options]);
        for (trustee, key_share) in ceremony.trustees.iter_mut().zip(key_shares) {
            trustee.key_share = Some(key_share);
        }
        ceremony.key = Some(key);
        KeyCeremonies::<T>::insert(election, ceremony);
        EncryptedSums::<T>::insert(election, sums);
        Self::deposit_event(Event::ElectionKeyMade {
            election,
            key,
            qualified,
        });
        weight
    }

    /// The most options an encrypted ballot has in this runtime.
    pub fn max_encrypted_options() -> u32 {
        T::MaxOptions::get().min(govchain_ballot::MAX_OPTIONS)
    }
}
