//! `govchain-office cbdc credit` against a `--dev` node: Alice, the development council,
//! registers the central bank (also the civil registry), a commercial bank and the audit
//! chamber, appoints herself, Charlie and Dave their officers, registers Bob, Eve and Ferdie as
//! citizens 0 to 2 and records a reserve; Dave attests it and Alice mints to the bank. Charlie
//! then pays a CSV of eight rows from the bank in batches of two: three credited; a payee no
//! citizen has, an amount with decimals, a repeated reference and a zero amount named and
//! skipped before anything is signed; one over Ferdie's balance cap refused by the chain alone
//! (`ItemFailed`), its batch-mate paid. Balances are read back through `CbdcApi::balance`.
//!
//! Then the journal is put to the test: a rerun pays nothing again; a journal cut back to its
//! `sent` lines (what a crash after submitting leaves) is settled from the finalized chain and
//! pays nothing again; a transaction signed and journaled but never submitted is proved expired
//! only once the finalized chain is past its window, and its row paid once; a row whose
//! reference was paid with another amount is refused; a file the bank cannot cover is refused
//! whole; another officer's run on the journal is refused; a run killed as soon as it journals
//! its transaction, run again at once, pays exactly once; a signer who is no officer is refused.

mod common;

use common::{
    account, call, council_motion, dev_node, office, register_institution, results, text,
};
use govchain_office::{
    chain::{self, Chain},
    journal::{Entry, Payment},
    values,
};
use subxt::{
    dynamic::{At as _, Value},
    ext::scale_value::Composite,
};

/// A million units (of a hundred smallest units each).
const MILLION: u128 = 100_000_000;

async fn set_up(chain: &Chain) {
    let at = chain.finalized().await.expect("the finalized block");
    let citizen = |uri: &str, national: u8, tier: &str| {
        call(
            "Identity",
            "register_citizen",
            vec![
                ("account", account(uri)),
                ("national_id_hash", values::hash32([national; 32])),
                ("region", values::unit("None")),
                ("kyc_tier", values::unit(tier)),
            ],
        )
    };
    let officer = |institution: u128, uri: &str| {
        call(
            "Identity",
            "appoint_officer",
            vec![
                ("institution", Value::u128(institution)),
                ("officer", account(uri)),
                ("expires_at", Value::u128(10_000)),
            ],
        )
    };
    let attestation = |byte: u8| {
        Value::named_composite([
            ("report_hash", values::hash32([byte; 32])),
            ("date", Value::u128(20_600)),
        ])
    };
    let institutions = council_motion(
        &at,
        vec![
            register_institution(b"CB", "Agency", &["CentralBank", "CivilRegistry"]),
            register_institution(b"BANK", "Agency", &["CommercialBank"]),
            register_institution(b"AUDIT", "Agency", &["Auditor"]),
        ],
    );
    common::submit_batch(
        chain,
        "//Alice",
        vec![
            institutions,
            officer(0, "//Alice"),
            officer(1, "//Charlie"),
            officer(2, "//Dave"),
            citizen("//Bob", 0xb0, "Standard"),
            citizen("//Eve", 0xe0, "Basic"),
            citizen("//Ferdie", 0xf0, "Basic"),
            call(
                "Cbdc",
                "record_reserve_asset",
                vec![
                    ("class", values::unit("Gold")),
                    ("code", Value::from_bytes(b"XAU")),
                    ("quantity", Value::u128(31_103)),
                    ("valuation", Value::u128(2 * MILLION)),
                    ("attestation", attestation(0xa1)),
                ],
            ),
            call(
                "Cbdc",
                "set_bank_quota",
                vec![("bank", Value::u128(1)), ("limit", Value::u128(MILLION))],
            ),
        ],
    )
    .await;
    common::submit_batch(
        chain,
        "//Dave",
        vec![call(
            "Cbdc",
            "attest_valuation",
            vec![
                ("asset", Value::u128(0)),
                ("quantity", Value::u128(31_103)),
                ("valuation", Value::u128(2 * MILLION)),
                ("report", attestation(0xad)),
            ],
        )],
    )
    .await;
    common::submit_batch(
        chain,
        "//Alice",
        vec![call(
            "Cbdc",
            "mint",
            vec![
                ("bank", Value::u128(1)),
                ("amount", Value::u128(MILLION / 2)),
            ],
        )],
    )
    .await;
}

/// The balance of citizen `id` (`Citizen`) or institution `id` (`Institution`) at the
/// finalized block.
async fn balance(chain: &Chain, kind: &str, id: u128) -> u128 {
    let at = chain.finalized().await.expect("the finalized block");
    let info = chain::runtime_api(
        &at,
        "CbdcApi",
        "balance",
        vec![Value::unnamed_variant(kind, [Value::u128(id)])],
    )
    .await
    .expect("CbdcApi::balance answers");
    info.at("balance")
        .and_then(|balance| balance.as_u128())
        .expect("a balance")
}

async fn balances(chain: &Chain) -> [u128; 4] {
    [
        balance(chain, "Citizen", 0).await,
        balance(chain, "Citizen", 1).await,
        balance(chain, "Citizen", 2).await,
        balance(chain, "Institution", 1).await,
    ]
}

/// Each row's (reference, status) from the results file.
fn statuses(path: &str) -> Vec<(String, String)> {
    results(std::path::Path::new(path))
        .into_iter()
        .map(|row| (row[1].clone(), row[3].clone()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(reference, status)| (reference.to_string(), status.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn payments_from_a_csv_journaled_never_paid_twice() {
    let (node, url, chain) = dev_node().await;
    set_up(&chain).await;
    let minted = MILLION / 2;
    assert_eq!(balances(&chain).await, [0, 0, 0, minted]);

    let folder = node.file("office");
    std::fs::create_dir_all(&folder).expect("a folder");
    let file = folder.join("salaries.csv");
    let rows = "reference,citizen,amount\n\
                SAL-001,0,250000\n\
                SAL-002,1,120050\n\
                SAL-003,2,99\n\
                SAL-004,7,1000\n\
                SAL-005,1,12.50\n\
                SAL-002,2,500\n\
                SAL-006,2,10000000\n\
                SAL-007,0,0\n";
    std::fs::write(&file, rows).expect("the CSV");
    let file = file.to_str().expect("a path");
    let journal = format!("{file}.journal");
    let out = folder.join("results.csv");
    let out = out.to_str().expect("a path");
    let credit = [
        "cbdc",
        "credit",
        file,
        "--batch-size",
        "2",
        "--results",
        out,
    ];
    let refused_before_signing = [
        "line 5 (SAL-004): citizen: no citizen has id 7",
        "line 6 (SAL-005): amount: \"12.50\" is not a whole number",
        "line 7 (SAL-002): reference repeats line 3",
        "line 9 (SAL-007): amount: zero",
    ];

    // First run: three paid, four named before signing, one refused by the chain alone.
    let first = office(&url, "//Charlie", &credit);
    let said = text(&first);
    println!("first run:\n{said}");
    assert_eq!(first.status.code(), Some(2), "{said}\n{}", node.log());
    assert!(
        said.contains("credited now:      3 (370149 in the smallest unit; finalized in blocks #"),
        "{said}"
    );
    assert!(said.contains("credited earlier:  0"), "{said}");
    assert!(said.contains("refused:           5"), "{said}");
    for line in refused_before_signing {
        assert!(said.contains(line), "{line}\n{said}");
    }
    assert!(
        said.contains("line 8 (SAL-006): the chain refused it: Cbdc::BalanceCapExceeded"),
        "{said}"
    );
    let after_first = [250_000, 120_050, 99, minted - 370_149];
    assert_eq!(balances(&chain).await, after_first);
    assert_eq!(
        statuses(out),
        pairs(&[
            ("SAL-001", "credited"),
            ("SAL-002", "credited"),
            ("SAL-003", "credited"),
            ("SAL-004", "refused"),
            ("SAL-005", "refused"),
            ("SAL-002", "refused"),
            ("SAL-006", "refused"),
            ("SAL-007", "refused"),
        ])
    );

    // Second run of the same file: nothing paid again; the chain's refusal is tried again.
    let second = office(&url, "//Charlie", &credit);
    let said = text(&second);
    println!("second run:\n{said}");
    assert_eq!(second.status.code(), Some(2), "{said}");
    assert!(said.contains("credited now:      0"), "{said}");
    assert!(said.contains("credited earlier:  3"), "{said}");
    assert!(said.contains("refused:           5"), "{said}");
    assert!(said.contains("Cbdc::BalanceCapExceeded"), "{said}");
    assert_eq!(balances(&chain).await, after_first);

    // A crash after submitting, before any outcome was written: the journal keeps only its
    // `sent` lines. The rerun finds each transaction in the finalized chain and pays nothing.
    let full = std::fs::read_to_string(&journal).expect("the journal");
    let kept: Vec<&str> = full
        .lines()
        .filter(|line| line.starts_with("{\"opened\"") || line.starts_with("{\"sent\""))
        .collect();
    assert_eq!(
        kept.len(),
        4,
        "the chain, two transactions, then one:\n{full}"
    );
    std::fs::write(&journal, kept.join("\n") + "\n").expect("the cut journal");
    let third = office(&url, "//Charlie", &credit);
    let said = text(&third);
    println!("after a crash:\n{said}");
    assert_eq!(third.status.code(), Some(2), "{said}");
    assert!(
        said.contains("settling 3 transactions an earlier run sent"),
        "{said}"
    );
    assert!(said.contains("credited now:      0"), "{said}");
    assert!(said.contains("credited earlier:  3"), "{said}");
    assert_eq!(balances(&chain).await, after_first);

    // A transaction signed and journaled but never submitted (a crash between the two), valid
    // for the 4 blocks after the finalized one: the rerun waits until the finalized chain is past
    // its window, proves it expired, and pays its row now, once. SAL-001's row now says another
    // amount: refused, naming what was paid.
    let at = chain.finalized().await.expect("the finalized block");
    let charlie = chain::signer("//Charlie").expect("a dev key");
    let nonce = chain
        .next_nonce(chain::account(&charlie))
        .await
        .expect("Charlie's nonce");
    let never_submitted = subxt::dynamic::tx(
        "Utility",
        "force_batch",
        Composite::named([(
            "calls".to_owned(),
            Value::unnamed_composite([call(
                "Cbdc",
                "transfer",
                vec![
                    (
                        "from",
                        Value::unnamed_variant("Institution", [Value::u128(1)]),
                    ),
                    ("to", Value::unnamed_variant("Citizen", [Value::u128(2)])),
                    ("amount", Value::u128(1000)),
                ],
            )]),
        )]),
    );
    let signed = chain::sign_mortal(&at, &charlie, &never_submitted, nonce, 4)
        .await
        .expect("signed");
    let never_sent = Entry::Sent {
        tx: values::hex(&signed.hash),
        nonce,
        birth: signed.birth,
        death: signed.death,
        payments: vec![Payment {
            reference: "SAL-008".into(),
            citizen: 2,
            amount: "1000".into(),
        }],
    };
    let mut lines = std::fs::read_to_string(&journal).expect("the journal");
    lines.push_str(&serde_json::to_string(&never_sent).expect("JSON"));
    lines.push('\n');
    std::fs::write(&journal, lines).expect("the journal");
    std::fs::write(
        file,
        rows.replace("SAL-001,0,250000", "SAL-001,0,250001") + "SAL-008,2,1000\n",
    )
    .expect("the CSV");
    let fourth = office(&url, "//Charlie", &credit);
    let said = text(&fourth);
    println!("after a transaction that never left:\n{said}");
    assert_eq!(fourth.status.code(), Some(2), "{said}");
    assert!(
        said.contains("settling 1 transactions an earlier run sent"),
        "{said}"
    );
    assert!(said.contains("credited now:      1 (1000 in"), "{said}");
    assert!(said.contains("credited earlier:  2"), "{said}");
    assert!(said.contains("refused:           6"), "{said}");
    assert!(
        said.contains("line 2 (SAL-001): reference already paid 250000 to citizen 0 in block #"),
        "{said}"
    );
    let after_fourth = [250_000, 120_050, 1_099, minted - 371_149];
    assert_eq!(balances(&chain).await, after_fourth);
    let expired = std::fs::read_to_string(&journal)
        .expect("the journal")
        .lines()
        .find_map(|line| match serde_json::from_str::<Entry>(line) {
            Ok(Entry::Expired { tx, at }) if tx == values::hex(&signed.hash) => Some(at),
            _ => None,
        })
        .expect("the unsent transaction journaled as expired");
    assert!(
        expired >= signed.death,
        "proved expired at #{expired}, before its window (to #{}) was over",
        signed.death - 1
    );

    // More than the bank holds: refused whole, nothing signed.
    let big = folder.join("big.csv");
    std::fs::write(
        &big,
        format!("reference,citizen,amount\nBIG-1,0,{}\n", MILLION),
    )
    .expect("the CSV");
    let big = big.to_str().expect("a path");
    let refused = office(&url, "//Charlie", &["cbdc", "credit", big]);
    let said = text(&refused);
    assert_eq!(refused.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "institution 1 holds {} but the 1 rows to pay need {MILLION}: nothing was sent",
            minted - 371_149
        )),
        "{said}"
    );
    assert_eq!(balances(&chain).await, after_fourth);
    let big_journal = std::fs::read_to_string(format!("{big}.journal")).expect("the journal");
    assert!(
        big_journal.starts_with("{\"opened\"") && !big_journal.contains("\"sent\""),
        "nothing sent: {big_journal}"
    );
    // The journal is Charlie's on this chain: another officer's run on it is refused.
    let other = office(&url, "//Alice", &credit);
    let said = text(&other);
    assert_eq!(other.status.code(), Some(1), "{said}");
    assert!(said.contains("belongs to signer"), "{said}");

    // A run killed as soon as it has journaled its transaction (before or just after submitting
    // it), and run again at once: the payment is made exactly once.
    let bonus = folder.join("bonus.csv");
    std::fs::write(&bonus, "reference,citizen,amount\nBON-1,0,5000\n").expect("the CSV");
    let bonus = bonus.to_str().expect("a path");
    let bonus_journal = format!("{bonus}.journal");
    let pay_bonus = ["cbdc", "credit", bonus, "--mortality", "8"];
    let mut killed = std::process::Command::new(common::OFFICE)
        .args(["--url", &url])
        .args(pay_bonus)
        .env("GOVCHAIN_SURI", "//Charlie")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("govchain-office starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !std::fs::read_to_string(&bonus_journal)
        .unwrap_or_default()
        .contains("\"sent\"")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no transaction journaled"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    killed.kill().expect("killed");
    let _ = killed.wait();
    let rerun = office(&url, "//Charlie", &pay_bonus);
    let said = text(&rerun);
    println!("after a kill:\n{said}");
    assert_eq!(rerun.status.code(), Some(0), "{said}");
    assert!(said.contains("settling 1 transactions"), "{said}");
    assert!(
        said.contains("credited now:      1") || said.contains("credited earlier:  1"),
        "{said}"
    );
    let after_bonus = [255_000, 120_050, 1_099, minted - 376_149];
    assert_eq!(balances(&chain).await, after_bonus, "paid exactly once");
    let again = office(&url, "//Charlie", &pay_bonus);
    assert!(
        text(&again).contains("credited earlier:  1"),
        "{}",
        text(&again)
    );
    assert_eq!(balances(&chain).await, after_bonus);

    // A signer who is no officer: refused before any row, exit status 1.
    let ferdie_journal = folder.join("ferdie.journal");
    let stranger = office(
        &url,
        "//Ferdie",
        &[
            "cbdc",
            "credit",
            file,
            "--journal",
            ferdie_journal.to_str().expect("a path"),
        ],
    );
    let said = text(&stranger);
    assert_eq!(stranger.status.code(), Some(1), "{said}");
    assert!(said.contains("is no officer of any institution"), "{said}");
}
