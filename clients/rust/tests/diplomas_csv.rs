//! `govchain-office diplomas issue` against a `--dev` node: Alice, the development council,
//! registers a body that is ministry, university and civil registry at once, appoints herself
//! its officer, registers three citizens and accredits
//! the university (through subxt's dynamic calls, as the CLI makes its own). The CLI then issues
//! a CSV of eight rows in batches of three: five diplomas, a row whose date does not exist and
//! one for an unknown citizen (both named and skipped before anything is signed), and one whose
//! serial has a space (refused by the chain inside its batch, `BatchItemFailed`, which is sent
//! again without it). Each issued diploma verifies with its document. A second run of the same
//! file issues nothing, finds the five on chain and names the same three rows; a signer who is
//! no officer is refused before any row.

mod common;

use common::{account, call, council_motion, dev_node, office, register_institution, text};
use govchain_office::{
    chain::{self, Chain},
    values,
};
use sha2::{Digest, Sha256};
use std::{
    path::Path,
    time::{SystemTime, UNIX_EPOCH},
};
use subxt::dynamic::Value;

/// Today by the test machine's clock, in days since 1970-01-01 (the node's clock is the same).
fn today() -> u32 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    u32::try_from(seconds / 86_400).expect("days fit")
}

fn date(day: u32) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    (epoch + chrono::Days::new(u64::from(day)))
        .format("%Y-%m-%d")
        .to_string()
}

/// University 0 with Alice as its officer, citizens 0 to 2 (Bob, Charlie, Dave), and the
/// university accredited from 400 days ago for a year.
async fn set_up(chain: &Chain) {
    let at = chain.finalized().await.expect("the finalized block");
    let register = register_institution(
        b"NUT",
        "Agency",
        &["EducationMinistry", "University", "CivilRegistry"],
    );
    let citizen = |uri: &str, national: u8| {
        call(
            "Identity",
            "register_citizen",
            vec![
                ("account", account(uri)),
                ("national_id_hash", values::hash32([national; 32])),
                ("region", values::unit("None")),
                ("kyc_tier", values::unit("Basic")),
            ],
        )
    };
    let calls = vec![
        council_motion(&at, vec![register]),
        call(
            "Identity",
            "appoint_officer",
            vec![
                ("institution", Value::u128(0)),
                ("officer", account("//Alice")),
                ("expires_at", Value::u128(10_000)),
            ],
        ),
        citizen("//Bob", 0xb0),
        citizen("//Charlie", 0xc0),
        citizen("//Dave", 0xd0),
        call(
            "Diplomas",
            "accredit",
            vec![
                ("university", Value::u128(0)),
                (
                    "period",
                    Value::named_composite([
                        ("from", Value::u128(u128::from(today() - 400))),
                        ("until", Value::u128(u128::from(today() + 365))),
                    ]),
                ),
            ],
        ),
    ];
    common::submit_batch(chain, "//Alice", calls).await;
}

/// Each row's (serial, status, diploma id) from the results file.
fn results(path: &Path) -> Vec<(String, String, String)> {
    common::results(path)
        .into_iter()
        .map(|row| (row[1].clone(), row[2].clone(), row[3].clone()))
        .collect()
}

async fn verify(chain: &Chain, id: &str, document: &[u8]) -> String {
    let at = chain.finalized().await.expect("the finalized block");
    let id = hex::decode(id.trim_start_matches("0x")).expect("a hex id");
    let hash: [u8; 32] = Sha256::digest(document).into();
    let verdict = chain::runtime_api(
        &at,
        "DiplomasApi",
        "verify",
        vec![Value::from_bytes(id), values::hash32(hash)],
    )
    .await
    .expect("DiplomasApi::verify answers");
    values::variant_name(&verdict)
        .expect("a verdict")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn diplomas_from_a_csv_in_batches_bad_rows_named_rerun_idempotent() {
    let (node, url, chain) = dev_node().await;
    set_up(&chain).await;

    let folder = node.file("office");
    std::fs::create_dir_all(&folder).expect("a folder");
    let documents: Vec<Vec<u8>> = (1..=8)
        .map(|n| format!("%PDF-1.7 diploma {n}").into_bytes())
        .collect();
    for (n, document) in documents.iter().enumerate() {
        std::fs::write(folder.join(format!("diploma-{}.pdf", n + 1)), document).expect("a file");
    }
    let awarded = date(today() - 30);
    let third = hex::encode(Sha256::digest(&documents[2]));
    let csv = format!(
        "serial,holder,degree,field,issued_on,document\n\
         NUT-2026-001,0,Bachelor,613,{awarded},diploma-1.pdf\n\
         NUT-2026-002,1,Master,613,{awarded},diploma-2.pdf\n\
         NUT-2026-003,2,Doctorate,520,{awarded},0x{third}\n\
         NUT-2026-004,0,Master,613,2026-02-30,diploma-4.pdf\n\
         NUT-2026-005,1,Bachelor,613,{awarded},diploma-5.pdf\n\
         NUT-2026-006,2,Specialist,310,{awarded},diploma-6.pdf\n\
         NUT-2026-007,99,Bachelor,613,{awarded},diploma-7.pdf\n\
         NUT-2026 008,2,Master,613,{awarded},diploma-8.pdf\n"
    );
    let file = folder.join("graduates.csv");
    std::fs::write(&file, csv).expect("the CSV");
    let file = file.to_str().expect("a path");
    let out = folder.join("results.csv");
    let out = out.to_str().expect("a path");
    let issue = [
        "diplomas",
        "issue",
        file,
        "--batch-size",
        "3",
        "--results",
        out,
    ];

    // First run: five issued, three named; exit status 2 for the refused rows.
    let first = office(&url, "//Alice", &issue);
    let said = text(&first);
    println!("first run:\n{said}");
    assert_eq!(first.status.code(), Some(2), "{said}\n{}", node.log());
    assert!(
        said.contains("issued now:        5 (finalized in blocks #"),
        "{said}"
    );
    assert!(said.contains("already on chain:  0"), "{said}");
    assert!(said.contains("refused:           3"), "{said}");
    assert!(
        said.contains("line 5 (NUT-2026-004): issued_on: \"2026-02-30\" is not a date"),
        "{said}"
    );
    assert!(
        said.contains("line 8 (NUT-2026-007): holder: no citizen has id 99"),
        "{said}"
    );
    assert!(
        said.contains("line 9 (NUT-2026 008): the chain refused it: InvalidSerial"),
        "{said}"
    );
    let rows = results(Path::new(out));
    let statuses: Vec<&str> = rows.iter().map(|(_, status, _)| status.as_str()).collect();
    assert_eq!(
        statuses,
        ["issued", "issued", "issued", "refused", "issued", "issued", "refused", "refused"]
    );
    for ((serial, status, id), document) in rows.iter().zip(&documents) {
        if status == "issued" {
            assert_eq!(verify(&chain, id, document).await, "Valid", "{serial}");
            assert_eq!(
                verify(&chain, id, b"forged").await,
                "HashMismatch",
                "{serial}"
            );
        }
    }

    // Second run of the same file: nothing issued, the five found on chain, the same three named.
    let second = office(&url, "//Alice", &issue);
    let said = text(&second);
    println!("second run:\n{said}");
    assert_eq!(second.status.code(), Some(2), "{said}");
    assert!(said.contains("issued now:        0"), "{said}");
    assert!(said.contains("already on chain:  5"), "{said}");
    assert!(said.contains("refused:           3"), "{said}");
    let again = results(Path::new(out));
    let statuses: Vec<&str> = again.iter().map(|(_, status, _)| status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "on_chain", "on_chain", "on_chain", "refused", "on_chain", "on_chain", "refused",
            "refused"
        ]
    );
    let ids = |rows: &[(String, String, String)]| -> Vec<String> {
        rows.iter().map(|(_, _, id)| id.clone()).collect()
    };
    assert_eq!(ids(&again), ids(&rows), "the same diplomas");
    for holder in 0u64..3 {
        let at = chain.finalized().await.expect("the finalized block");
        let held = chain::runtime_api(
            &at,
            "DiplomasApi",
            "diplomas_of",
            vec![
                Value::u128(u128::from(holder)),
                values::unit("None"),
                Value::u128(100),
            ],
        )
        .await
        .expect("DiplomasApi::diplomas_of answers");
        let count = match &held.value {
            subxt::ext::scale_value::ValueDef::Composite(items) => items.len(),
            _ => panic!("a list: {held}"),
        };
        assert_eq!(count, [1, 2, 2][holder as usize], "citizen {holder}");
    }

    // A signer who is no officer: refused before any row, exit status 1.
    let stranger = office(&url, "//Ferdie", &issue);
    let said = text(&stranger);
    assert_eq!(stranger.status.code(), Some(1), "{said}");
    assert!(said.contains("is no officer of any institution"), "{said}");
}
