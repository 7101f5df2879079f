//! The payments journal: what a run sent and what became of it, so that no rerun pays twice.
//!
//! A CBDC transfer carries no reference of the bank's on chain, so the chain alone cannot say
//! which row of a file was paid. The journal can: before a transaction is submitted, a `sent`
//! entry names its hash, its mortality (the blocks it may be included in) and the rows it pays,
//! and is written to disk (`fsync`); once its block is final, a `final` entry records each row's
//! result; a transaction proved never included (its mortality over, not in any finalized block
//! of it) gets an `expired` entry, and one the node refused gets `refused_by_node`. The file is
//! only appended to, so whatever interrupts a run leaves a prefix of it: a `sent` entry without
//! an outcome is a transaction in doubt, which the next run resolves from the chain before it
//! sends anything.
//!
//! The first line names the chain (its genesis hash) and the signer: a journal is never used
//! against another chain (a rehearsal's journal on the production network) or by another
//! officer. One JSON object per line. A second run on the same journal while the first holds it
//! is refused (an exclusive lock on the file).

use crate::chain;
use serde::{Deserialize, Serialize};
use std::{
    collections::{HashMap, HashSet},
    fs::{File, OpenOptions},
    io::{Read, Write},
    path::{Path, PathBuf},
};

/// One payment as sent: the row's reference, payee and amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub reference: String,
    pub citizen: u64,
    /// In the currency's smallest unit, as a decimal string (JSON numbers lose precision past
    /// 2^53).
    pub amount: String,
}

/// What became of one payment of a final transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Result {
    /// Paid.
    Credited,
    /// Above the large-transfer amount: kept as the institution's action `action`, to be
    /// approved by its other officers.
    Proposed { action: u64 },
    /// The chain refused it (nothing of it was written).
    Refused { error: String },
}

/// A line of the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// The first line: the chain and the signer the journal belongs to.
    Opened { genesis: String, signer: String },
    /// A transaction about to be submitted: it can only be included in a block numbered from
    /// `birth` to `death - 1`.
    Sent {
        tx: String,
        nonce: u64,
        birth: u64,
        death: u64,
        payments: Vec<Payment>,
    },
    /// The transaction is in finalized block `block`; one result per payment, in order.
    Final {
        tx: String,
        block: u64,
        results: Vec<Result>,
    },
    /// Proved at finalized block `at` never to be included (its window is over, or its nonce
    /// used by another transaction) and held by no finalized block: never paid.
    Expired { tx: String, at: u64 },
    /// The node refused the transaction when it was submitted: never paid.
    RefusedByNode { tx: String, reason: String },
}

impl Entry {
    /// The transaction the entry is about (`None` for the first line).
    pub fn tx(&self) -> Option<&str> {
        match self {
            Entry::Opened { .. } => None,
            Entry::Sent { tx, .. }
            | Entry::Final { tx, .. }
            | Entry::Expired { tx, .. }
            | Entry::RefusedByNode { tx, .. } => Some(tx),
        }
    }
}

/// An open journal, locked for this run.
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: Vec<Entry>,
}

impl Journal {
    /// Opens (or creates) the journal at `path`, locks it, and reads its entries. A last line
    /// cut short (a crash while writing it) is removed: its transaction was never submitted.
    pub fn open(path: &Path) -> chain::Result<Journal> {
        let fail = |error: std::io::Error| format!("journal {}: {error}", path.display());
        let existed = path.exists();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(fail)?;
        if !existed {
            // The new file's name is on disk before anything is written to it.
            if let Some(folder) = path
                .parent()
                .filter(|folder| !folder.as_os_str().is_empty())
            {
                File::open(folder)
                    .and_then(|folder| folder.sync_all())
                    .map_err(fail)?;
            }
        }
        file.try_lock().map_err(|error| match error {
            std::fs::TryLockError::WouldBlock => format!(
                "journal {} is in use by another run: wait for it to finish",
                path.display()
            ),
            std::fs::TryLockError::Error(error) => format!(
                "journal {}: cannot lock it ({error}); keep journals on a local disk",
                path.display()
            ),
        })?;
        let mut bytes = Vec::new();
        (&file).read_to_end(&mut bytes).map_err(fail)?;
        // Every entry is written as one line ending in a newline; bytes after the last newline
        // are an entry cut short by a crash, never submitted: dropped from the file.
        let whole = bytes
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |end| end.saturating_add(1));
        if whole < bytes.len() {
            file.set_len(u64::try_from(whole).unwrap_or(u64::MAX))
                .map_err(fail)?;
            file.sync_data().map_err(fail)?;
        }
        let damaged = |line: usize, error: String| {
            format!(
                "journal {} line {line}: {error} (a journal is only ever appended to: restore it \
                 from its backup)",
                path.display()
            )
        };
        let text = std::str::from_utf8(bytes.get(..whole).unwrap_or_default())
            .map_err(|error| damaged(0, error.to_string()))?;
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let entry = serde_json::from_str::<Entry>(line)
                .map_err(|error| damaged(number.saturating_add(1), error.to_string()))?;
            entries.push(entry);
        }
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            entries,
        })
    }

    /// Binds the journal to the chain with genesis hash `genesis` and to `signer`: writes its
    /// first line if it is new, refuses it if it belongs to another chain or signer.
    pub fn bind(&mut self, genesis: &str, signer: &str) -> chain::Result<()> {
        match self.entries.first() {
            None => self.append(Entry::Opened {
                genesis: genesis.to_owned(),
                signer: signer.to_owned(),
            }),
            Some(Entry::Opened {
                genesis: written_genesis,
                signer: written_signer,
            }) => {
                if written_genesis != genesis {
                    Err(format!(
                        "journal {} belongs to the chain with genesis {written_genesis}, not to \
                         this node's ({genesis}): use the journal of this chain's runs \
                         (--journal)",
                        self.path.display()
                    ))
                } else if written_signer != signer {
                    Err(format!(
                        "journal {} belongs to signer {written_signer}, not {signer}: each \
                         officer keeps its own journal (--journal)",
                        self.path.display()
                    ))
                } else {
                    Ok(())
                }
            }
            Some(_) => Err(format!(
                "journal {} has no first line naming its chain",
                self.path.display()
            )),
        }
    }

    /// The entries read and written so far.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Appends `entry` and waits until it is on disk.
    pub fn append(&mut self, entry: Entry) -> chain::Result<()> {
        let fail = |error: std::io::Error| format!("journal {}: {error}", self.path.display());
        let mut line = serde_json::to_string(&entry)
            .map_err(|error| format!("journal {}: {error}", self.path.display()))?;
        line.push('\n');
        self.file.write_all(line.as_bytes()).map_err(fail)?;
        self.file.sync_data().map_err(fail)?;
        self.entries.push(entry);
        Ok(())
    }

    /// The transactions sent and not yet settled: `Sent` entries with no outcome after them.
    pub fn in_doubt(&self) -> Vec<Entry> {
        let settled: HashSet<&str> = self
            .entries
            .iter()
            .filter(|entry| !matches!(entry, Entry::Sent { .. }))
            .filter_map(Entry::tx)
            .collect();
        self.entries
            .iter()
            .filter(|entry| {
                matches!(entry, Entry::Sent { .. })
                    && entry.tx().is_some_and(|tx| !settled.contains(tx))
            })
            .cloned()
            .collect()
    }

    /// Each reference's last known state: the payment as sent, its result if its transaction
    /// is final (`None` while in doubt), and that transaction. References of expired or refused
    /// transactions are free again, and absent. A paid or proposed reference stays so whatever
    /// follows (a run never sends it again).
    pub fn states(&self) -> HashMap<String, State> {
        let sent: HashMap<&str, &Vec<Payment>> = self
            .entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Sent { tx, payments, .. } => Some((tx.as_str(), payments)),
                _ => None,
            })
            .collect();
        let mut states: HashMap<String, State> = HashMap::new();
        let settled = |state: Option<&State>| {
            state.is_some_and(|state| {
                matches!(
                    state.result,
                    Some((_, Result::Credited | Result::Proposed { .. }))
                )
            })
        };
        for entry in &self.entries {
            match entry {
                Entry::Opened { .. } => {}
                Entry::Sent { tx, payments, .. } => {
                    for payment in payments {
                        if !settled(states.get(&payment.reference)) {
                            states.insert(
                                payment.reference.clone(),
                                State {
                                    payment: payment.clone(),
                                    result: None,
                                    tx: tx.clone(),
                                },
                            );
                        }
                    }
                }
                Entry::Final { tx, block, results } => {
                    for (payment, result) in sent
                        .get(tx.as_str())
                        .copied()
                        .into_iter()
                        .flatten()
                        .zip(results)
                    {
                        if let Some(state) = states.get_mut(&payment.reference) {
                            if state.tx == *tx {
                                state.result = Some((*block, result.clone()));
                            }
                        }
                    }
                }
                Entry::Expired { tx, .. } | Entry::RefusedByNode { tx, .. } => {
                    for payment in sent.get(tx.as_str()).copied().into_iter().flatten() {
                        if states
                            .get(&payment.reference)
                            .is_some_and(|state| state.tx == *tx && state.result.is_none())
                        {
                            states.remove(&payment.reference);
                        }
                    }
                }
            }
        }
        states
    }
}

/// A reference's state in the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The payment as last sent.
    pub payment: Payment,
    /// Its finalized block and result, once its transaction is final.
    pub result: Option<(u64, Result)>,
    /// The transaction that sent it.
    pub tx: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn payment(reference: &str) -> Payment {
        Payment {
            reference: reference.into(),
            citizen: 1,
            amount: "100".into(),
        }
    }

    fn sent(tx: &str, references: &[&str]) -> Entry {
        Entry::Sent {
            tx: tx.into(),
            nonce: 0,
            birth: 10,
            death: 74,
            payments: references
                .iter()
                .map(|reference| payment(reference))
                .collect(),
        }
    }

    #[test]
    fn states_follow_the_entries_and_a_torn_last_line_is_dropped() {
        let path = std::env::temp_dir().join(format!("govchain-journal-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        {
            let mut journal = Journal::open(&path).unwrap();
            journal.bind("0xgenesis", "0xsigner").unwrap();
            journal.append(sent("0x01", &["A", "B"])).unwrap();
            journal.append(sent("0x02", &["C"])).unwrap();
            journal.append(sent("0x03", &["D"])).unwrap();
            journal
                .append(Entry::Final {
                    tx: "0x01".into(),
                    block: 12,
                    results: vec![
                        Result::Credited,
                        Result::Refused {
                            error: "Cbdc::ReceiverFrozen".into(),
                        },
                    ],
                })
                .unwrap();
            journal
                .append(Entry::Expired {
                    tx: "0x03".into(),
                    at: 80,
                })
                .unwrap();
            // A second run is refused while this one holds the journal.
            let error = Journal::open(&path).err().unwrap();
            assert!(error.contains("in use by another run"), "{error}");
        }
        // A crash in the middle of a line, even inside a character.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(
            "{\"sent\":{\"tx\":\"0x04\",\"payments\":[{\"reference\":\"Zahlung-Ü"
                .as_bytes()
                .split_last()
                .unwrap()
                .1,
        )
        .unwrap();
        drop(file);

        let mut journal = Journal::open(&path).unwrap();
        assert_eq!(journal.entries().len(), 6);
        assert_eq!(journal.in_doubt(), vec![sent("0x02", &["C"])]);
        let states = journal.states();
        assert_eq!(states["A"].result, Some((12, Result::Credited)));
        assert!(matches!(
            states["B"].result,
            Some((12, Result::Refused { .. }))
        ));
        assert_eq!(states["C"].result, None);
        assert!(!states.contains_key("D"), "expired: free again");
        // The same chain and signer go on; another chain or signer is refused.
        journal.bind("0xgenesis", "0xsigner").unwrap();
        let error = journal.bind("0xstaging", "0xsigner").unwrap_err();
        assert!(
            error.contains("belongs to the chain with genesis 0xgenesis"),
            "{error}"
        );
        let error = journal.bind("0xgenesis", "0xother").unwrap_err();
        assert!(error.contains("belongs to signer 0xsigner"), "{error}");
        journal
            .append(Entry::RefusedByNode {
                tx: "0x02".into(),
                reason: "no".into(),
            })
            .unwrap();
        // A paid reference stays paid: neither a later transaction naming it nor another
        // transaction's expiry undoes it.
        journal.append(sent("0x05", &["A", "B"])).unwrap();
        journal
            .append(Entry::Expired {
                tx: "0x05".into(),
                at: 90,
            })
            .unwrap();
        let states = journal.states();
        assert_eq!(states["A"].result, Some((12, Result::Credited)));
        assert_eq!(states["A"].tx, "0x01");
        assert!(
            !states.contains_key("B"),
            "refused, then sent again, then expired"
        );
        drop(journal);
        let journal = Journal::open(&path).unwrap();
        assert_eq!(journal.entries().len(), 9, "the torn line was removed");
        assert!(journal.in_doubt().is_empty());
        assert!(!journal.states().contains_key("C"));
        drop(journal);
        // A whole line that is no entry is damage, not a crash: refused, naming the line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"sent\":{}}\n").unwrap();
        drop(file);
        let error = Journal::open(&path).err().unwrap();
        assert!(error.contains("line 10"), "{error}");
        std::fs::remove_file(&path).unwrap();
    }
}
