//! Benchmarks of `pallet-land-titles`, each at its worst case: the most owners, sellers and
//! liens a parcel may have, carried over where a call can carry them, and a parcel full of
//! expired offers or lien proposals where a call removes them to make room.

use super::*;
use crate::Pallet as LandTitles;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use govchain_primitives::{
    estate::Estate,
    identity::{CitizenId, IdentityProvider, InstitutionId, Party, Role},
    payments::Payments,
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, PerThing, Permill};

fn registrar<T: Config>() -> (T::AccountId, InstitutionId) {
    let who: T::AccountId = account("registrar", 0, 0);
    let institution = T::Identity::benchmark_officer(&who, Role::LandRegistrar);
    (who, institution)
}

fn officer<T: Config>(name: &'static str, index: u32, role: Role) -> (T::AccountId, InstitutionId) {
    let who: T::AccountId = account(name, index, 0);
    let institution = T::Identity::benchmark_officer(&who, role);
    (who, institution)
}

/// A cadastral number unique for each `(kind, index)`: `B<kind>-<index in hex>`.
fn cadastral_number(kind: u8, index: u32) -> CadastralNumber {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut number = vec![
        b'B',
        HEX.get(usize::from(kind & 0x0f)).copied().unwrap_or(b'0'),
        b'-',
    ];
    number.extend([28u32, 24, 20, 16, 12, 8, 4, 0].into_iter().map(|shift| {
        let digit = index.checked_shr(shift).unwrap_or(0) & 0x0f;
        HEX.get(digit as usize).copied().unwrap_or(b'0')
    }));
    CadastralNumber::truncate_from(number)
}

fn parcel_spec(kind: u8, index: u32, area: Area) -> ParcelSpec {
    ParcelSpec {
        cadastral_number: cadastral_number(kind, index),
        area,
        land_use: 1,
        document_hash: H256::repeat_byte(0xd0),
    }
}

/// `count` fresh citizens owning equal shares (the first takes what rounding leaves), with the
/// accounts that act for them in title order.
fn owners<T: Config>(count: u32) -> (Vec<T::AccountId>, Title<T>) {
    let mut owners: Vec<(Party, T::AccountId)> = (0..count)
        .map(|index| {
            let who: T::AccountId = account("owner", index, 0);
            (Party::Citizen(T::Identity::benchmark_citizen(&who)), who)
        })
        .collect();
    owners.sort_by_key(|(party, _)| *party);
    let each = Permill::ACCURACY
        .checked_div(count)
        .unwrap_or(Permill::ACCURACY);
    let first = Permill::ACCURACY.saturating_sub(each.saturating_mul(count.saturating_sub(1)));
    let title = owners
        .iter()
        .enumerate()
        .map(|(index, (owner, _))| Holding {
            owner: *owner,
            share: Permill::from_parts(if index == 0 { first } else { each }),
        })
        .collect::<Vec<_>>();
    (
        owners.into_iter().map(|(_, who)| who).collect(),
        BoundedVec::truncate_from(title),
    )
}

/// Registers a parcel owned by `title`.
fn parcel<T: Config>(
    registrar: InstitutionId,
    index: u32,
    area: Area,
    title: Title<T>,
) -> ParcelId {
    let parcel = NextParcelId::<T>::get();
    let registered =
        LandTitles::<T>::do_register_parcel(registrar, parcel_spec(0, index, area), title);
    assert!(registered.is_ok(), "the benchmark parcel registers");
    parcel
}

/// Puts `MaxLiensPerParcel` liens of distinct banks on a parcel; returns the banks' officers.
fn fill_liens<T: Config>(parcel: ParcelId) -> Vec<(T::AccountId, InstitutionId)> {
    let banks: Vec<_> = (0..T::MaxLiensPerParcel::get())
        .map(|index| officer::<T>("banker", index, Role::CommercialBank))
        .collect();
    let liens = banks
        .iter()
        .enumerate()
        .map(|(index, (_, bank))| Lien {
            id: index as LienId,
            bank: *bank,
            reference: H256::repeat_byte(7),
            registered_at: frame_system::Pallet::<T>::block_number(),
            registration: index as u64,
        })
        .collect::<Vec<_>>();
    NextLienId::<T>::put(liens.len() as LienId);
    LienRegistrations::<T>::put(liens.len() as u64);
    ParcelLiens::<T>::insert(parcel, Liens::<T>::truncate_from(liens));
    banks
}

/// Fills a parcel's open offers with `MaxOffersPerParcel` offers of the whole `title` to
/// `buyer`, as large as an offer gets, expiring at `expires_at`.
fn fill_offers<T: Config>(
    parcel: ParcelId,
    title: &Title<T>,
    buyer: Party,
    expires_at: BlockNumberFor<T>,
) {
    let sales = BoundedVec::truncate_from(
        title
            .iter()
            .map(|holding| Sale {
                seller: holding.owner,
                share: holding.share,
                consented: true,
            })
            .collect::<Vec<_>>(),
    );
    let carried_liens = BoundedVec::truncate_from(
        (0..T::MaxLiensPerParcel::get())
            .map(LienId::from)
            .collect::<Vec<_>>(),
    );
    let offers = (0..T::MaxOffersPerParcel::get())
        .map(|_| {
            let offer = NextOfferId::<T>::get();
            NextOfferId::<T>::put(offer.saturating_add(1));
            Offers::<T>::insert(
                offer,
                Offer::<T> {
                    parcel,
                    sales: sales.clone(),
                    buyer,
                    price: Price::OffChain(H256::repeat_byte(0xaa)),
                    expires_at,
                    carries_liens: true,
                    carried_liens: carried_liens.clone(),
                    accepted: false,
                },
            );
            offer
        })
        .collect::<Vec<_>>();
    ParcelOffers::<T>::insert(parcel, BoundedVec::truncate_from(offers));
}

/// Adds `count` lien proposals of `bank` to a parcel's waiting proposals, each with every
/// owner's consent under some earlier title (as large as a proposal gets), expiring at
/// `expires_at`.
fn add_lien_proposals<T: Config>(
    parcel: ParcelId,
    title: &Title<T>,
    bank: InstitutionId,
    count: u32,
    expires_at: BlockNumberFor<T>,
) {
    let consents = BoundedVec::truncate_from(
        title
            .iter()
            .map(|holding| holding.owner)
            .collect::<Vec<_>>(),
    );
    let mut waiting = ParcelLienProposals::<T>::get(parcel).into_inner();
    for _ in 0..count {
        let lien = NextLienId::<T>::get();
        NextLienId::<T>::put(lien.saturating_add(1));
        LienProposals::<T>::insert(
            lien,
            LienProposal::<T> {
                parcel,
                bank,
                reference: H256::repeat_byte(8),
                title_hash: H256::zero(),
                consents: consents.clone(),
                expires_at,
            },
        );
        waiting.push(lien);
    }
    ParcelLienProposals::<T>::insert(parcel, BoundedVec::truncate_from(waiting));
}

/// The price the worst case pays: in the digital currency where the runtime has it, funded.
fn price<T: Config>(buyer: &Party) -> Price<T::Balance> {
    if T::Payments::enabled() {
        let amount = T::Balance::from(1_000_000u64);
        T::Payments::benchmark_fund(buyer, amount);
        Price::Cbdc(amount)
    } else {
        Price::OffChain(H256::repeat_byte(0xaa))
    }
}

/// A parcel with the most owners and liens, offered whole to a fresh citizen by every owner,
/// carrying the liens with every bank's consent: the heaviest offer to settle.
struct FullOffer<T: Config> {
    offer: OfferId,
    parcel: ParcelId,
    sellers: Vec<T::AccountId>,
    buyer: T::AccountId,
    banks: Vec<(T::AccountId, InstitutionId)>,
}

fn full_offer<T: Config>(all_consents: bool) -> FullOffer<T> {
    let (_, registry) = registrar::<T>();
    let (sellers, title) = owners::<T>(T::MaxOwners::get());
    let parcel = parcel::<T>(registry, 0, 1_000_000, title.clone());
    let banks = fill_liens::<T>(parcel);
    let buyer: T::AccountId = account("buyer", 0, 0);
    let buyer_party = Party::Citizen(T::Identity::benchmark_citizen(&buyer));
    let offer = NextOfferId::<T>::get();
    let first_seller = sellers.first().cloned().unwrap_or_else(|| buyer.clone());
    let now = frame_system::Pallet::<T>::block_number();
    let created = LandTitles::<T>::do_create_offer(
        first_seller,
        parcel,
        title,
        buyer_party,
        price::<T>(&buyer_party),
        now.saturating_add(T::MaxOfferDuration::get()),
        true,
    );
    assert!(created.is_ok(), "the benchmark offer is created");
    if all_consents {
        Offers::<T>::mutate(offer, |record| {
            if let Some(record) = record {
                record
                    .sales
                    .iter_mut()
                    .for_each(|sale| sale.consented = true);
                record.carried_liens = ParcelLiens::<T>::get(parcel)
                    .iter()
                    .map(|lien| lien.id)
                    .collect::<Vec<_>>()
                    .try_into()
                    .unwrap_or_default();
            }
        });
    }
    FullOffer {
        offer,
        parcel,
        sellers,
        buyer,
        banks,
    }
}

/// A parcel of `area` with the most owners, liens and a freeze, and the registrar who may
/// subdivide it into `c` children of 1,000 each, carrying the liens and freeze.
fn subdivision<T: Config>(
    c: u32,
    area: Area,
) -> (
    T::AccountId,
    ParcelId,
    BoundedVec<ParcelSpec, T::MaxLineage>,
    CarryOver,
) {
    let (who, registry) = registrar::<T>();
    let (_, title) = owners::<T>(T::MaxOwners::get());
    let parcel = parcel::<T>(registry, 0, area, title);
    fill_liens::<T>(parcel);
    freeze::<T>(parcel, registry);
    let children = BoundedVec::truncate_from(
        (0..c)
            .map(|index| parcel_spec(1, index, 1_000))
            .collect::<Vec<_>>(),
    );
    let carry = CarryOver {
        liens: true,
        freeze: true,
    };
    (who, parcel, children, carry)
}

/// `p` parcels of 1,000 with the most owners, the first with the most liens and a freeze, the
/// registrar who may merge them, and the merged parcel's spec.
fn merger<T: Config>(p: u32) -> (T::AccountId, Lineage<T>, ParcelSpec) {
    let (who, registry) = registrar::<T>();
    let (_, title) = owners::<T>(T::MaxOwners::get());
    let parents: Vec<ParcelId> = (0..p)
        .map(|index| parcel::<T>(registry, index, 1_000, title.clone()))
        .collect();
    if let Some(first) = parents.first() {
        fill_liens::<T>(*first);
        freeze::<T>(*first, registry);
    }
    let merged = parcel_spec(1, 0, Area::from(p).saturating_mul(1_000));
    (who, BoundedVec::truncate_from(parents), merged)
}

/// Freezes `parcel` by order of `court`.
fn freeze<T: Config>(parcel: ParcelId, court: InstitutionId) {
    Freezes::<T>::insert(
        parcel,
        Freeze {
            court,
            case: H256::repeat_byte(3),
            since: 0u32.into(),
        },
    );
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn register_parcel(o: Linear<1, { T::MaxOwners::get() }>) {
        let (who, _) = registrar::<T>();
        let (_, title) = owners::<T>(o);
        let parcel = NextParcelId::<T>::get();

        #[extrinsic_call]
        _(RawOrigin::Signed(who), parcel_spec(0, 0, 1_000), title);

        assert!(Parcels::<T>::contains_key(parcel));
    }

    #[benchmark]
    fn create_offer() {
        let (_, registry) = registrar::<T>();
        let (sellers, title) = owners::<T>(T::MaxOwners::get());
        let parcel = parcel::<T>(registry, 0, 1_000, title.clone());
        fill_liens::<T>(parcel);
        let buyer: T::AccountId = account("buyer", 0, 0);
        let buyer = Party::Citizen(T::Identity::benchmark_citizen(&buyer));
        let price = price::<T>(&buyer);
        let seller = sellers
            .last()
            .cloned()
            .unwrap_or_else(|| account("nobody", 0, 0));
        let now = frame_system::Pallet::<T>::block_number();
        let expires_at = now.saturating_add(T::MaxOfferDuration::get());
        // The parcel is full of expired offers, which all go to make room.
        fill_offers::<T>(parcel, &title, buyer, now);
        let offer = NextOfferId::<T>::get();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(seller),
            parcel,
            title,
            buyer,
            price,
            expires_at,
            true,
        );

        assert!(Offers::<T>::contains_key(offer));
        assert_eq!(ParcelOffers::<T>::get(parcel).into_inner(), vec![offer]);
    }

    #[benchmark]
    fn consent_offer() {
        let setup = full_offer::<T>(false);
        let seller = setup.sellers.last().cloned().unwrap_or(setup.buyer);

        #[extrinsic_call]
        _(RawOrigin::Signed(seller), setup.offer);

        let consented = Offers::<T>::get(setup.offer).is_some_and(|offer| {
            offer
                .sales
                .iter()
                .next_back()
                .is_some_and(|sale| sale.consented)
        });
        assert!(consented);
    }

    #[benchmark]
    fn consent_lien_carry() {
        let setup = full_offer::<T>(false);
        let (banker, bank) = setup.banks.last().cloned().unwrap_or((setup.buyer, 0));
        let liens = ParcelLiens::<T>::get(setup.parcel);
        Offers::<T>::mutate(setup.offer, |record| {
            if let Some(record) = record {
                record.carried_liens = liens
                    .iter()
                    .filter(|lien| lien.bank != bank)
                    .map(|lien| lien.id)
                    .collect::<Vec<_>>()
                    .try_into()
                    .unwrap_or_default();
            }
        });

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), setup.offer);

        let carried = Offers::<T>::get(setup.offer).map(|offer| offer.carried_liens.len());
        assert_eq!(carried, Some(liens.len()));
    }

    #[benchmark]
    fn cancel_offer() {
        let setup = full_offer::<T>(false);
        let seller = setup.sellers.last().cloned().unwrap_or(setup.buyer);

        #[extrinsic_call]
        _(RawOrigin::Signed(seller), setup.offer);

        assert!(!Offers::<T>::contains_key(setup.offer));
    }

    #[benchmark]
    fn accept_offer() {
        let setup = full_offer::<T>(true);

        #[extrinsic_call]
        _(RawOrigin::Signed(setup.buyer), setup.offer);

        let settled_or_accepted = Offers::<T>::get(setup.offer).is_none_or(|offer| offer.accepted);
        assert!(settled_or_accepted);
    }

    #[benchmark]
    fn approve_transfer() {
        let setup = full_offer::<T>(true);
        Offers::<T>::mutate(setup.offer, |record| {
            if let Some(record) = record {
                record.accepted = true;
            }
        });
        let (registrar, _) = registrar::<T>();

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), setup.offer);

        assert!(!Offers::<T>::contains_key(setup.offer));
        assert_eq!(
            Parcels::<T>::get(setup.parcel).map(|parcel| parcel.title.len()),
            Some(1)
        );
    }

    #[benchmark]
    fn reject_transfer() {
        let setup = full_offer::<T>(true);
        Offers::<T>::mutate(setup.offer, |record| {
            if let Some(record) = record {
                record.accepted = true;
            }
        });
        let (registrar, _) = registrar::<T>();

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), setup.offer);

        assert!(!Offers::<T>::contains_key(setup.offer));
    }

    #[benchmark]
    fn propose_lien() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(T::MaxOwners::get());
        let parcel = parcel::<T>(registry, 0, 1_000, title.clone());
        fill_liens::<T>(parcel);
        ParcelLiens::<T>::mutate(parcel, |liens| liens.pop());
        let (banker, bank) = officer::<T>("proposer", 0, Role::CommercialBank);
        // The parcel is full of expired proposals, which all go to make room.
        let now = frame_system::Pallet::<T>::block_number();
        add_lien_proposals::<T>(
            parcel,
            &title,
            bank,
            T::MaxLienProposalsPerParcel::get(),
            now,
        );
        let lien = NextLienId::<T>::get();

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), parcel, H256::repeat_byte(9));

        assert!(LienProposals::<T>::contains_key(lien));
        assert_eq!(
            ParcelLienProposals::<T>::get(parcel).into_inner(),
            vec![lien]
        );
    }

    #[benchmark]
    fn consent_lien() {
        let (_, registry) = registrar::<T>();
        let (owners, title) = owners::<T>(T::MaxOwners::get());
        let parcel = parcel::<T>(registry, 0, 1_000, title.clone());
        fill_liens::<T>(parcel);
        ParcelLiens::<T>::mutate(parcel, |liens| liens.pop());
        let (_, bank) = officer::<T>("proposer", 0, Role::CommercialBank);
        // The proposal is the last of a parcel full of them.
        let expires_at = frame_system::Pallet::<T>::block_number()
            .saturating_add(T::LienProposalLifetime::get());
        add_lien_proposals::<T>(
            parcel,
            &title,
            bank,
            T::MaxLienProposalsPerParcel::get().saturating_sub(1),
            expires_at,
        );
        let lien = NextLienId::<T>::get();
        assert!(LandTitles::<T>::do_propose_lien(bank, parcel, H256::repeat_byte(9)).is_ok());
        LienProposals::<T>::mutate(lien, |proposal| {
            if let Some(proposal) = proposal {
                proposal.consents = BoundedVec::truncate_from(
                    title
                        .iter()
                        .take(title.len().saturating_sub(1))
                        .map(|holding| holding.owner)
                        .collect(),
                );
            }
        });
        let last_owner = owners
            .last()
            .cloned()
            .unwrap_or_else(|| account("nobody", 0, 0));

        #[extrinsic_call]
        _(RawOrigin::Signed(last_owner), lien);

        assert_eq!(
            ParcelLiens::<T>::decode_len(parcel),
            Some(T::MaxLiensPerParcel::get() as usize)
        );
    }

    #[benchmark]
    fn withdraw_lien_proposal() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        let (banker, bank) = officer::<T>("proposer", 0, Role::CommercialBank);
        let lien = NextLienId::<T>::get();
        assert!(LandTitles::<T>::do_propose_lien(bank, parcel, H256::repeat_byte(9)).is_ok());

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), lien);

        assert!(!LienProposals::<T>::contains_key(lien));
    }

    #[benchmark]
    fn release_lien() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        let banks = fill_liens::<T>(parcel);
        let (banker, _) = banks
            .first()
            .cloned()
            .unwrap_or_else(|| (account("nobody", 0, 0), 0));

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), parcel, 0);

        assert_eq!(
            ParcelLiens::<T>::decode_len(parcel).unwrap_or(0),
            T::MaxLiensPerParcel::get().saturating_sub(1) as usize
        );
    }

    #[benchmark]
    fn freeze_parcel() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        let (judge, _) = officer::<T>("judge", 0, Role::Court);

        #[extrinsic_call]
        _(RawOrigin::Signed(judge), parcel, H256::repeat_byte(3));

        assert!(Freezes::<T>::contains_key(parcel));
    }

    #[benchmark]
    fn lift_freeze() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        let (judge, court) = officer::<T>("judge", 0, Role::Court);
        assert!(LandTitles::<T>::do_freeze_parcel(court, parcel, H256::repeat_byte(3)).is_ok());

        #[extrinsic_call]
        _(RawOrigin::Signed(judge), parcel);

        assert!(!Freezes::<T>::contains_key(parcel));
    }

    /// An estate of `p` parcels, each the deceased's alone, passed to `h` heirs with equal
    /// shares: every title gets `h` new holdings and every heir `p` index entries.
    #[benchmark]
    fn pass_estate(
        p: Linear<1, { T::MaxEstateParcels::get() }>,
        h: Linear<1, { T::MaxOwners::get() }>,
    ) -> Result<(), BenchmarkError> {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let deceased = match title.first().map(|holding| holding.owner) {
            Some(Party::Citizen(citizen)) => citizen,
            _ => return Err(BenchmarkError::Weightless),
        };
        for index in 0..p {
            parcel::<T>(registry, index, 1_000, title.clone());
        }
        let each = Permill::ACCURACY
            .checked_div(h)
            .unwrap_or(Permill::ACCURACY);
        let first = Permill::ACCURACY.saturating_sub(each.saturating_mul(h.saturating_sub(1)));
        let heirs: Vec<(CitizenId, Permill)> = (0..h)
            .map(|index| {
                let heir = T::Identity::benchmark_citizen(&account("heir", index, 0));
                let share = if index == 0 { first } else { each };
                (heir, Permill::from_parts(share))
            })
            .collect();

        #[block]
        {
            <LandTitles<T> as Estate>::pass_estate(deceased, &heirs, H256::repeat_byte(0xca))
                .map_err(|_| BenchmarkError::Weightless)?;
        }

        assert_eq!(OwnerParcelCount::<T>::get(Party::Citizen(deceased)), 0);
        Ok(())
    }

    /// The freeze of a court no longer registered.
    #[benchmark]
    fn lift_orphaned_freeze() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        let gone = InstitutionId::MAX;
        assert!(LandTitles::<T>::do_freeze_parcel(gone, parcel, H256::repeat_byte(3)).is_ok());

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, parcel, H256::repeat_byte(4));

        assert!(!Freezes::<T>::contains_key(parcel));
        Ok(())
    }

    /// The last of a full parcel's liens, of a bank no longer registered.
    #[benchmark]
    fn release_orphaned_lien() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(1);
        let parcel = parcel::<T>(registry, 0, 1_000, title);
        fill_liens::<T>(parcel);
        let mut liens = ParcelLiens::<T>::get(parcel);
        let last = liens.last_mut().ok_or(BenchmarkError::Weightless)?;
        last.bank = InstitutionId::MAX;
        let lien = last.id;
        ParcelLiens::<T>::insert(parcel, liens);

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            parcel,
            lien,
            H256::repeat_byte(4),
        );

        assert_eq!(
            ParcelLiens::<T>::decode_len(parcel).unwrap_or(0),
            T::MaxLiensPerParcel::get().saturating_sub(1) as usize
        );
        Ok(())
    }

    #[benchmark]
    fn subdivide(c: Linear<2, { T::MaxLineage::get() }>) {
        let area = Area::from(c).saturating_mul(1_000);
        let (who, parcel, children, carry) = subdivision::<T>(c, area);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), parcel, children, carry);

        assert_eq!(
            Parcels::<T>::get(parcel).map(|parent| parent.children.len()),
            Some(c as usize)
        );
    }

    #[benchmark]
    fn merge(p: Linear<2, { T::MaxLineage::get() }>) {
        let (who, parents, merged) = merger::<T>(p);
        let carry = CarryOver {
            liens: true,
            freeze: true,
        };
        let merged_id = NextParcelId::<T>::get();

        #[extrinsic_call]
        _(RawOrigin::Signed(who), parents, merged, carry);

        assert!(Parcels::<T>::get(merged_id).is_some_and(|parcel| parcel.is_live()));
    }

    #[benchmark]
    fn register_parcel_refused(o: Linear<1, { T::MaxOwners::get() }>) {
        let (who, _) = registrar::<T>();
        let (_, mut title) = owners::<T>(o);
        if let Some(last) = title.last_mut() {
            last.owner = Party::Citizen(CitizenId::MAX);
        }
        let refused;

        #[block]
        {
            refused = LandTitles::<T>::register_parcel(
                RawOrigin::Signed(who).into(),
                parcel_spec(0, 0, 1_000),
                title,
            );
        }

        assert_eq!(
            refused.map_err(|refusal| refusal.error),
            Err(Error::<T>::InactiveParty.into())
        );
    }

    /// A subdivision refused by its last check, as large as `subdivide`'s: the children's
    /// areas miss the parent's by one.
    #[benchmark]
    fn subdivide_refused(c: Linear<2, { T::MaxLineage::get() }>) {
        let area = Area::from(c).saturating_mul(1_000).saturating_add(1);
        let (who, parcel, children, carry) = subdivision::<T>(c, area);
        let refused;

        #[block]
        {
            refused =
                LandTitles::<T>::subdivide(RawOrigin::Signed(who).into(), parcel, children, carry);
        }

        assert_eq!(
            refused.map_err(|refusal| refusal.error),
            Err(Error::<T>::AreasDiffer.into())
        );
    }

    #[benchmark]
    fn merge_refused(p: Linear<2, { T::MaxLineage::get() }>) {
        let (who, parents, merged) = merger::<T>(p);
        let carry = CarryOver {
            liens: false,
            freeze: true,
        };
        let refused;

        #[block]
        {
            refused = LandTitles::<T>::merge(RawOrigin::Signed(who).into(), parents, merged, carry);
        }

        assert_eq!(
            refused.map_err(|refusal| refusal.error),
            Err(Error::<T>::LienPresent.into())
        );
    }

    #[benchmark]
    fn remove_expired_lien_proposal() {
        let (_, registry) = registrar::<T>();
        let (_, title) = owners::<T>(T::MaxOwners::get());
        let parcel = parcel::<T>(registry, 0, 1_000, title.clone());
        let (_, bank) = officer::<T>("proposer", 0, Role::CommercialBank);
        // The last of a parcel full of expired proposals, each as large as a proposal gets.
        let now = frame_system::Pallet::<T>::block_number();
        add_lien_proposals::<T>(
            parcel,
            &title,
            bank,
            T::MaxLienProposalsPerParcel::get(),
            now,
        );
        let lien = NextLienId::<T>::get().saturating_sub(1);
        let anyone: T::AccountId = account("anyone", 0, 0);

        #[extrinsic_call]
        _(RawOrigin::Signed(anyone), lien);

        assert!(!LienProposals::<T>::contains_key(lien));
        assert_eq!(
            ParcelLienProposals::<T>::decode_len(parcel).unwrap_or(0),
            T::MaxLienProposalsPerParcel::get().saturating_sub(1) as usize
        );
    }

    impl_benchmark_test_suite!(LandTitles, crate::mock::new_test_ext(), crate::mock::Test);
}
