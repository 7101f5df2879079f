//! Sets up a government on a fresh `--dev` or local chain, through the same extrinsics a real
//! one uses: the council (Alice alone on `--dev`; Alice, Bob and Charlie on the local network,
//! who vote and close the motion) registers a ministry (civil registry, land registry, education ministry, central
//! bank, election commission), a commercial bank and a university and appoints their officers;
//! the ministry registers the citizens (Enhanced tier), parcels they own and public polls, and
//! accredits the university; Alice funds everyone with tokens, the central bank mints CBDC to
//! the bank and the bank credits every citizen.

use crate::{
    ceremony::{self, EncryptedElection},
    chain::{Chain, Nonces},
    signer::Key,
    Error,
};
use govchain_primitives::identity::{CitizenId, InstitutionId, KycTier, Party, Role};
use govchain_runtime::{
    configs::{cbdc::CBDC_UNIT, CouncilCollective},
    AccountId, BlockNumber, Runtime, RuntimeCall, MILLI_UNIT, UNIT,
};
use pallet_diplomas::{Day, Period};
use pallet_e_voting::{BallotMode, BallotOption, ElectionId, ElectionSpec};
use pallet_land_titles::{Holding, ParcelId, ParcelSpec};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_runtime::{BoundedVec, Permill};

/// Calls per `utility.batch_all`: well inside a block's weight and length.
const CALLS_PER_BATCH: usize = 500;
/// Tokens each officer gets from Alice: fees for its batches.
const TOKENS_PER_OFFICER: u128 = 50 * UNIT;
/// Tokens each citizen gets: what workloads (a) and (f) send, and fees once the fee-free quota
/// is spent.
const TOKENS_PER_CITIZEN: u128 = 400 * MILLI_UNIT;
/// The development accounts (1,000 tokens each) that fund the citizens, batch by batch.
const FUNDERS: [&str; 5] = ["//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie"];
/// CBDC each citizen gets from the bank.
const CBDC_EACH: u128 = 1_000 * CBDC_UNIT;
/// Blocks the polls stay open: longer than any run.
const POLL_LENGTH: BlockNumber = 20_000;
/// University officers: each signs diploma batches of its own, in parallel.
pub const UNIVERSITY_OFFICERS: u32 = 4;

/// How many of `citizens` own the parcels and sell them: the first half (parcel `n` belongs to
/// citizen `n % sellers`); the second half buy, so a buyer's acceptances never wait behind
/// offers of its own.
pub fn sellers(citizens: usize) -> usize {
    citizens / 2
}

/// A verified citizen the tool signs for.
pub struct Citizen {
    pub key: Key,
    pub id: CitizenId,
}

/// What the set-up wrote.
pub struct Government {
    pub university_officers: Vec<Key>,
    /// An officer of the election commission: it relays the citizens' signed ballots (h) and
    /// votes (j).
    pub commissioner: Key,
    /// An officer of the commercial bank: it relays the citizens' signed payment orders (i).
    pub bank_officer: Key,
    pub citizens: Vec<Citizen>,
    /// Parcel `n` is owned by citizen `n % sellers(citizens)`.
    pub parcels: Vec<ParcelId>,
    pub polls: Vec<ElectionId>,
    /// Today, in days since 1970-01-01: the diplomas' issue day.
    pub today: Day,
    /// The encrypted election of workload (g), with its key, if set up.
    pub encrypted: Option<EncryptedElection>,
}

/// An election's options with these codes (each text's hash is its code's).
fn options(
    codes: &[&str],
) -> BoundedVec<BallotOption, <Runtime as pallet_e_voting::Config>::MaxOptions> {
    BoundedVec::truncate_from(
        codes
            .iter()
            .map(|code| BallotOption {
                code: bounded(code),
                text_hash: H256(blake2_256(code.as_bytes())),
            })
            .collect(),
    )
}

/// The number the next election created gets.
async fn next_election(chain: &Chain) -> Result<ElectionId, Error> {
    Ok(chain
        .rpc
        .storage(
            &pallet_e_voting::NextElectionId::<Runtime>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default())
}

/// The development accounts a council member may be: the tool signs for them.
const DEVELOPMENT_SEEDS: [&str; 6] = [
    "//Alice",
    "//Bob",
    "//Charlie",
    "//Dave",
    "//Eve",
    "//Ferdie",
];

/// The council's members, whose keys the tool holds: Alice alone on `--dev`; Alice, Bob and
/// Charlie on the local network.
async fn council_keys(chain: &Chain) -> Result<Vec<Key>, Error> {
    let members: Vec<AccountId> = chain
        .rpc
        .storage(
            &pallet_collective::Members::<Runtime, CouncilCollective>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default();
    let mut keys = Vec::with_capacity(members.len());
    for member in members {
        let mut found = None;
        for seed in DEVELOPMENT_SEEDS {
            let key = Key::development(seed)?;
            if key.account == member {
                found = Some(key);
                break;
            }
        }
        keys.push(found.ok_or_else(|| {
            format!(
                "council member {member} is no development account: the tool cannot vote for it"
            )
        })?);
    }
    if keys.is_empty() {
        return Err("the chain has no council".into());
    }
    Ok(keys)
}

/// A motion of `call` that every one of `members` must approve (with one member, it executes at
/// once).
fn council(call: RuntimeCall, members: usize) -> RuntimeCall {
    let length_bound = codec::Encode::encoded_size(&call) as u32;
    RuntimeCall::Council(
        pallet_collective::Call::<Runtime, CouncilCollective>::propose {
            threshold: members as u32,
            proposal: Box::new(call),
            length_bound,
        },
    )
}

/// Every member approves the motion of `call` (number `index`) the first member proposed (a
/// proposal carries no vote of its proposer's), and the first closes it, which executes it;
/// fails if it fails.
async fn carry_motion(
    chain: &Chain,
    council: &[Key],
    call: &RuntimeCall,
    index: u32,
    nonces: &mut Nonces,
) -> Result<(), Error> {
    use frame_support::dispatch::GetDispatchInfo;
    let [proposer, others @ ..] = council else {
        return Err("the chain has no council".into());
    };
    if others.is_empty() {
        return Ok(());
    }
    let proposal_hash = H256(blake2_256(&codec::Encode::encode(call)));
    let mut votes = Vec::with_capacity(council.len());
    for member in council {
        let vote = RuntimeCall::Council(
            pallet_collective::Call::<Runtime, CouncilCollective>::vote {
                proposal: proposal_hash,
                index,
                approve: true,
            },
        );
        votes.push(chain.sign(member, vote, nonces).await?);
    }
    chain.submit_and_wait("the council's votes", votes).await?;
    let close = RuntimeCall::Council(
        pallet_collective::Call::<Runtime, CouncilCollective>::close {
            proposal_hash,
            index,
            proposal_weight_bound: call.get_dispatch_info().call_weight,
            length_bound: codec::Encode::encoded_size(call) as u32,
        },
    );
    let close = chain.sign(proposer, close, nonces).await?;
    chain
        .submit_and_wait("closing the council's motion", vec![close])
        .await
}

fn batches(calls: Vec<RuntimeCall>) -> Vec<RuntimeCall> {
    calls
        .chunks(CALLS_PER_BATCH)
        .map(|chunk| {
            RuntimeCall::Utility(pallet_utility::Call::batch_all {
                calls: chunk.to_vec(),
            })
        })
        .collect()
}

fn bounded<const N: u32>(text: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
    BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn institution(short_code: &str, admin: &AccountId, roles: Vec<Role>) -> RuntimeCall {
    RuntimeCall::Identity(pallet_identity_registry::Call::register_institution {
        kind: pallet_identity_registry::InstitutionKind::Agency,
        short_code: bounded(short_code),
        name_hash: H256(blake2_256(short_code.as_bytes())),
        admin: admin.clone(),
        roles: BoundedVec::truncate_from(roles),
    })
}

fn transfer(to: &AccountId, value: u128) -> RuntimeCall {
    RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
        dest: to.clone().into(),
        value,
    })
}

/// Sets up the government with `citizens` citizens, `parcels` parcels and `polls` polls, and,
/// if `encrypted`, an encrypted election whose trustees made its key.
pub async fn set_up(
    chain: &Chain,
    citizens: u32,
    parcels: u32,
    polls: u32,
    encrypted: bool,
) -> Result<Government, Error> {
    let alice = Key::development("//Alice")?;
    let funders = FUNDERS
        .iter()
        .map(|seed| Key::development(seed))
        .collect::<Result<Vec<_>, _>>()?;
    let admin = Key::derive("admin", 0);
    let ministry_officer = Key::derive("ministry", 0);
    let bank_officer = Key::derive("bank", 0);
    let auditor = Key::derive("auditor", 0);
    let university_officers: Vec<Key> = (0..UNIVERSITY_OFFICERS)
        .map(|n| Key::derive("university", n))
        .collect();
    let citizen_keys: Vec<Key> = (0..citizens).map(|n| Key::derive("citizen", n)).collect();
    let mut nonces = Nonces::default();

    // 1. The council registers the institutions and appoints the officers; Alice funds them.
    let first: InstitutionId = chain
        .rpc
        .storage(
            &pallet_identity_registry::NextInstitutionId::<Runtime>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default();
    let (ministry, bank, university, audit) = (first, first + 1, first + 2, first + 3);
    let best = chain.rpc.best_number().await?;
    let until = best + 300 * govchain_runtime::DAYS;
    let mut founding = vec![
        institution(
            "LOAD-MIN",
            &admin.account,
            vec![
                Role::CivilRegistry,
                Role::LandRegistrar,
                Role::EducationMinistry,
                Role::CentralBank,
                Role::ElectionCommission,
            ],
        ),
        institution("LOAD-BANK", &admin.account, vec![Role::CommercialBank]),
        institution("LOAD-UNI", &admin.account, vec![Role::University]),
        institution("LOAD-AUDIT", &admin.account, vec![Role::Auditor]),
    ];
    let appointments = [
        (ministry, &ministry_officer),
        (bank, &bank_officer),
        (audit, &auditor),
    ]
    .into_iter()
    .chain(university_officers.iter().map(|key| (university, key)));
    for (institution, officer) in appointments {
        founding.push(RuntimeCall::Identity(
            pallet_identity_registry::Call::appoint_officer {
                institution,
                officer: officer.account.clone(),
                expires_at: until,
            },
        ));
    }
    let mut officers = vec![&ministry_officer, &bank_officer, &auditor];
    officers.extend(university_officers.iter());
    let funding = officers
        .iter()
        .map(|officer| transfer(&officer.account, TOKENS_PER_OFFICER))
        .collect();
    let council_members = council_keys(chain).await?;
    let motion = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: founding });
    let motion_index: u32 = chain
        .rpc
        .storage(
            &pallet_collective::ProposalCount::<Runtime, CouncilCollective>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default();
    let mut step = vec![
        chain
            .sign(
                &council_members[0],
                council(motion.clone(), council_members.len()),
                &mut nonces,
            )
            .await?,
        chain
            .sign(
                &alice,
                RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: funding }),
                &mut nonces,
            )
            .await?,
    ];
    chain
        .submit_and_wait("founding the institutions", std::mem::take(&mut step))
        .await?;
    carry_motion(chain, &council_members, &motion, motion_index, &mut nonces).await?;

    // 2. The development accounts fund the citizens; the ministry registers them.
    let fundings = batches(
        citizen_keys
            .iter()
            .map(|key| transfer(&key.account, TOKENS_PER_CITIZEN))
            .collect(),
    );
    for (n, call) in fundings.into_iter().enumerate() {
        step.push(
            chain
                .sign(&funders[n % funders.len()], call, &mut nonces)
                .await?,
        );
    }
    let registrations = citizen_keys
        .iter()
        .enumerate()
        .map(|(n, key)| {
            RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
                account: key.account.clone(),
                national_id_hash: H256(blake2_256(&codec::Encode::encode(&(
                    b"national id",
                    n as u64,
                )))),
                region: Some((n % 50) as u32),
                kyc_tier: KycTier::Enhanced,
            })
        })
        .collect();
    for call in batches(registrations) {
        step.push(chain.sign(&ministry_officer, call, &mut nonces).await?);
    }
    chain
        .submit_and_wait("registering the citizens", std::mem::take(&mut step))
        .await?;
    let mut registered = Vec::with_capacity(citizen_keys.len());
    for key in citizen_keys {
        let record: pallet_identity_registry::CitizenAccountOf<Runtime> = chain
            .rpc
            .storage(
                &pallet_identity_registry::CitizenByAccount::<Runtime>::hashed_key_for(
                    &key.account,
                ),
                None,
            )
            .await?
            .ok_or("a citizen the ministry registered is not on chain")?;
        let id: CitizenId = record.citizen;
        registered.push(Citizen { key, id });
    }

    // 3. The ministry: the reserve, the bank's quota, accreditation, polls, parcels.
    let now_ms: u64 = chain
        .rpc
        .storage(&pallet_timestamp::Now::<Runtime>::hashed_key(), None)
        .await?
        .unwrap_or_default();
    let today = (now_ms / 86_400_000) as Day;
    let total_cbdc = CBDC_EACH * registered.len() as u128;
    let reserve_asset: pallet_cbdc_reserve::AssetId = chain
        .rpc
        .storage(
            &pallet_cbdc_reserve::NextAssetId::<Runtime>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default();
    let mut ministry_calls = vec![
        RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::record_reserve_asset {
            class: pallet_cbdc_reserve::AssetClass::Gold,
            code: bounded("XAU"),
            quantity: 1_000,
            valuation: total_cbdc,
            attestation: pallet_cbdc_reserve::Attestation {
                report_hash: H256::repeat_byte(1),
                date: today,
            },
        }),
        RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::set_bank_quota {
            bank,
            limit: total_cbdc,
        }),
        RuntimeCall::Diplomas(pallet_diplomas::Call::accredit {
            university,
            period: Period {
                from: today.saturating_sub(365),
                until: today + 365,
            },
        }),
    ];
    let starts = chain.rpc.best_number().await? + 1;
    let first_poll = next_election(chain).await?;
    for n in 0..polls {
        ministry_calls.push(RuntimeCall::Voting(
            pallet_e_voting::Call::create_election {
                spec: ElectionSpec {
                    question_hash: H256(blake2_256(&n.to_le_bytes())),
                    // Two options: within any ballot's bound.
                    options: options(&["YES", "NO"]),
                    regions: None,
                    voting_starts: starts,
                    // Staggered: only so many polls may close in one block.
                    voting_ends: starts + POLL_LENGTH + n,
                    mode: BallotMode::Public,
                    trustees: Default::default(),
                },
            },
        ));
    }
    let first_parcel: ParcelId = chain
        .rpc
        .storage(
            &pallet_land_titles::NextParcelId::<Runtime>::hashed_key(),
            None,
        )
        .await?
        .unwrap_or_default();
    for n in 0..parcels {
        let owner = &registered[n as usize % sellers(registered.len())];
        ministry_calls.push(RuntimeCall::LandTitles(
            pallet_land_titles::Call::register_parcel {
                spec: ParcelSpec {
                    cadastral_number: bounded(&format!(
                        "90:{:02}:{:04}:{:03}",
                        n / 10_000_000,
                        (n / 1_000) % 10_000,
                        n % 1_000
                    )),
                    area: 500 + u64::from(n % 1_000),
                    land_use: 101,
                    document_hash: H256(blake2_256(&n.to_le_bytes())),
                },
                owners: BoundedVec::truncate_from(vec![Holding {
                    owner: Party::Citizen(owner.id),
                    share: Permill::one(),
                }]),
            },
        ));
    }
    for call in batches(ministry_calls) {
        step.push(chain.sign(&ministry_officer, call, &mut nonces).await?);
    }
    chain
        .submit_and_wait(
            "the reserve, accreditation, polls and parcels",
            std::mem::take(&mut step),
        )
        .await?;

    // 4. The audit chamber attests the reserve; then the ministry mints to the bank.
    let attest = RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::attest_valuation {
        asset: reserve_asset,
        quantity: 1_000,
        valuation: total_cbdc,
        report: pallet_cbdc_reserve::Attestation {
            report_hash: H256::repeat_byte(2),
            date: today,
        },
    });
    step.push(chain.sign(&auditor, attest, &mut nonces).await?);
    chain
        .submit_and_wait("attesting the reserve", std::mem::take(&mut step))
        .await?;
    let mint = RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::mint {
        bank,
        amount: total_cbdc,
    });
    step.push(chain.sign(&ministry_officer, mint, &mut nonces).await?);
    chain
        .submit_and_wait("minting to the bank", std::mem::take(&mut step))
        .await?;

    // 5. The bank credits every citizen.
    let credits = registered
        .iter()
        .map(|citizen| {
            RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::transfer {
                from: Party::Institution(bank),
                to: Party::Citizen(citizen.id),
                amount: CBDC_EACH,
            })
        })
        .collect();
    for call in batches(credits) {
        step.push(chain.sign(&bank_officer, call, &mut nonces).await?);
    }
    chain
        .submit_and_wait("crediting the citizens in CBDC", step)
        .await?;

    // 6. For workload (g): an encrypted election of four options, and its key ceremony.
    let encrypted = if encrypted {
        let trustees = [&ministry_officer, &auditor, &university_officers[0]];
        Some(encrypted_election(chain, &ministry_officer, &trustees).await?)
    } else {
        None
    };

    Ok(Government {
        university_officers,
        commissioner: ministry_officer,
        bank_officer,
        citizens: registered,
        parcels: (0..u64::from(parcels)).map(|n| first_parcel + n).collect(),
        polls: (0..polls).map(|n| first_poll + n).collect(),
        today,
        encrypted,
    })
}

/// The options of the encrypted election: four, as the throughput target counts them.
const ENCRYPTED_OPTIONS: [&str; 4] = ["A", "B", "C", "D"];

/// The ministry creates an encrypted election of [`ENCRYPTED_OPTIONS`] for every citizen with
/// `trustees` (two of whom decrypt), voting as soon as their ceremony is done; the tool runs the
/// ceremony for them.
async fn encrypted_election(
    chain: &Chain,
    commissioner: &Key,
    trustees: &[&Key; 3],
) -> Result<EncryptedElection, Error> {
    let id = next_election(chain).await?;
    // Created in one of the next two blocks: four rounds of at least `ROUND_BLOCKS` each.
    let starts = chain.rpc.best_number().await? + 2 + 4 * ceremony::ROUND_BLOCKS;
    let create = RuntimeCall::Voting(pallet_e_voting::Call::create_election {
        spec: ElectionSpec {
            question_hash: H256(blake2_256(b"encrypted")),
            options: options(&ENCRYPTED_OPTIONS),
            regions: None,
            voting_starts: starts,
            voting_ends: starts + POLL_LENGTH,
            mode: BallotMode::Encrypted {
                threshold: 2,
                tally_ends: starts + POLL_LENGTH + 100,
            },
            trustees: BoundedVec::truncate_from(
                trustees.iter().map(|key| key.account.clone()).collect(),
            ),
        },
    });
    let mut nonces = Nonces::default();
    let signed = chain.sign(commissioner, create, &mut nonces).await?;
    chain
        .submit_and_wait("creating the encrypted election", vec![signed])
        .await?;
    let key = ceremony::run(chain, id, trustees).await?;
    Ok(EncryptedElection {
        id,
        key,
        options: ENCRYPTED_OPTIONS.len() as u32,
    })
}
