//! A trustee's side of an encrypted election, from the public record and its private
//! [`TrusteeSetup`]: the shares it deals, the dealers it must complain about, its disclosure, and
//! its share of the election key. One rule for every tool that acts for trustees: the node's
//! `trustee` command and the tests' driver ([`crate::testing`]).

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeMap, vec::Vec};
use govchain_ballot::{
    dkg::{DealtSecret, Disclosure, EncryptedShare, TrusteeSetup},
    BallotError, Trustee,
};
use rand_core::{CryptoRng, RngCore};

/// The shares each dealer posted (`DealtShares`), by dealer position.
pub type Dealt = BTreeMap<TrusteePosition, Vec<EncryptedShare>>;

/// The shares trustee `position` deals to the other trustees that published their part, in
/// position order, each encrypted to its recipient's transport key.
pub fn deal_shares<T: Config, R: RngCore + CryptoRng>(
    election: ElectionId,
    ceremony: &KeyCeremony<T>,
    position: TrusteePosition,
    setup: &TrusteeSetup,
    rng: &mut R,
) -> Result<Vec<EncryptedShare>, BallotError> {
    let mut shares = Vec::new();
    for recipient in ceremony.published() {
        if recipient == position {
            continue;
        }
        let transport_key = ceremony
            .trustees
            .get(usize::from(recipient))
            .and_then(|trustee| trustee.committed)
            .ok_or(BallotError::InvalidTrustees)?
            .transport_key;
        let context = Pallet::<T>::ceremony_context(election, position, Some(recipient));
        shares.push(setup.encrypted_share(&context, u32::from(recipient), &transport_key, rng)?);
    }
    Ok(shares)
}

/// The secret share `dealer` dealt to trustee `position`, if it opens to what the dealer's
/// polynomial promised; `None` if the dealer posted none, or a wrong one.
fn opened_share<T: Config>(
    election: ElectionId,
    ceremony: &KeyCeremony<T>,
    position: TrusteePosition,
    setup: &TrusteeSetup,
    dealer: TrusteePosition,
    dealt: &Dealt,
) -> Option<DealtSecret> {
    let share = ceremony.dealt_share(dealt.get(&dealer)?, dealer, position)?;
    let expected = ceremony.expected_share(dealer, position)?;
    let context = Pallet::<T>::ceremony_context(election, dealer, Some(position));
    setup.open_share(&context, &share, &expected).ok().flatten()
}

/// The dealers that posted shares whose share for trustee `position` does not open to what
/// their polynomial promised: those it complains about.
pub fn faulty_dealers<T: Config>(
    election: ElectionId,
    ceremony: &KeyCeremony<T>,
    position: TrusteePosition,
    setup: &TrusteeSetup,
    dealt: &Dealt,
) -> Vec<TrusteePosition> {
    dealt
        .keys()
        .copied()
        .filter(|dealer| *dealer != position)
        .filter(|dealer| {
            opened_share(election, ceremony, position, setup, *dealer, dealt).is_none()
        })
        .collect()
}

/// Trustee `position`'s disclosure of the share `dealer` dealt to it: the complaint's proof.
pub fn disclosure<T: Config, R: RngCore + CryptoRng>(
    election: ElectionId,
    ceremony: &KeyCeremony<T>,
    position: TrusteePosition,
    setup: &TrusteeSetup,
    dealer: TrusteePosition,
    dealt: &Dealt,
    rng: &mut R,
) -> Result<Disclosure, BallotError> {
    let share = dealt
        .get(&dealer)
        .and_then(|shares| ceremony.dealt_share(shares, dealer, position))
        .ok_or(BallotError::InvalidTrustees)?;
    let context = Pallet::<T>::ceremony_context(election, dealer, Some(position));
    setup.disclose(&context, &share, rng)
}

/// Trustee `position`'s share of the election key, once the key is made: the sum of the shares
/// every qualified dealer dealt to it (its own included), each opened and checked.
pub fn key_holder<T: Config>(
    election: ElectionId,
    ceremony: &KeyCeremony<T>,
    position: TrusteePosition,
    setup: TrusteeSetup,
    dealt: &Dealt,
) -> Result<Trustee, BallotError> {
    let key_shares = ceremony
        .trustees
        .iter()
        .map(|trustee| trustee.key_share)
        .collect::<Option<Vec<[u8; 32]>>>()
        .ok_or(BallotError::InvalidTrustees)?;
    let mut received = Vec::new();
    for (dealer, trustee) in ceremony.trustees.iter().enumerate() {
        if !trustee.qualified() {
            continue;
        }
        let dealer = TrusteePosition::try_from(dealer).map_err(|_| BallotError::InvalidTrustees)?;
        received.push(if dealer == position {
            setup.own_share()
        } else {
            opened_share(election, ceremony, position, &setup, dealer, dealt)
                .ok_or(BallotError::InvalidTrustees)?
        });
    }
    setup.finish(&received, &key_shares)
}
