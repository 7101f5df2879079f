//! `govchain-node session-keys rotate --keystore-path DIR [--url ws://127.0.0.1:9944] [--suri …]`:
//! rotates a running validator's session keys without any unsafe RPC method.
//!
//! 1. The new Aura and GRANDPA keys are made in the node's keystore directory, by the runtime's
//!    own `SessionKeys::generate` (native, with that keystore as its keystore extension): each
//!    key signs the validator's account, the proof `session.set_keys` checks, so nobody can
//!    register keys whose secrets they do not hold. The running node reads its keystore's files
//!    whenever it signs, so it finds the new keys without a restart; the proof is checked here
//!    before anything is submitted.
//! 2. `session.set_keys(keys, proof)`, signed with the validator's account key, submitted through
//!    the node's RPC (`author_submitExtrinsic`, a safe method);
//! 3. waits until the chain's `Session::NextKeys` holds the new keys at a finalized block. They
//!    sign from the session after the next one; the old keys stay in the keystore until then.
//!
//! The validator's account key is read from `--suri` or, better (the process list is public),
//! the `GOVCHAIN_VALIDATOR_SURI` environment variable. The node's RPC serves safe methods only
//! (the packaged validator unit's `--rpc-methods safe`): nothing can insert a key over RPC.

use codec::{Decode, Encode};
use govchain_runtime::{AccountId, Runtime, RuntimeCall, SessionKeys};
use jsonrpsee::ws_client::WsClient;
use sc_keystore::LocalKeystore;
use sp_core::{hexdisplay::HexDisplay, Pair};
use sp_keystore::{Keystore, KeystoreExt};
use sp_runtime::traits::{OpaqueKeys, TrailingZeroInput};
use std::{
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, Instant},
};

use crate::chain_client::{self, finalized_block, runtime_call, storage, submit};

/// `session-keys`'s subcommands.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum SessionKeysCmd {
    /// Make new session keys in the node's keystore and register them on chain.
    Rotate(RotateCmd),
}

/// `session-keys rotate`'s arguments.
#[derive(Debug, Clone, clap::Parser)]
pub struct RotateCmd {
    /// The validator node's keystore directory: `<base path>/chains/<chain id>/keystore`. It
    /// must exist (the node makes it when it first starts); a password-protected keystore is
    /// not supported.
    #[arg(long)]
    pub keystore_path: PathBuf,

    /// The validator's own node: its loopback WebSocket RPC address (safe methods suffice).
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    pub url: String,

    /// The validator's account key (a secret URI). Better not: the process list is public;
    /// without it, the `GOVCHAIN_VALIDATOR_SURI` environment variable.
    #[arg(long)]
    pub suri: Option<String>,

    /// How long to wait for the chain to show the new keys, in seconds.
    #[arg(long, default_value_t = 120)]
    pub timeout: u64,
}

impl SessionKeysCmd {
    pub fn run(&self) -> sc_cli::Result<()> {
        let runtime = chain_client::runtime()?;
        match self {
            Self::Rotate(cmd) => runtime.block_on(cmd.rotate()).map_err(Into::into),
        }
    }
}

/// New session keys for `owner`, made in the keystore at `path` by the runtime's own
/// `SessionKeys::generate`, and the SCALE-encoded proof that their secrets signed `owner`.
fn generate_in_keystore(path: &Path, owner: &AccountId) -> Result<(SessionKeys, Vec<u8>), String> {
    if !path.is_dir() {
        return Err(format!(
            "no keystore directory at {}: give the validator node's <base path>/chains/<chain \
             id>/keystore (the node makes it when it first starts)",
            path.display()
        ));
    }
    // A probe first: a keystore this command cannot write to is refused before any key is made
    // (the runtime's generator cannot report a failed write; it panics, caught below).
    let probe = path.join(".govchain-write-check");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|error| {
            format!(
                "cannot write into the keystore at {}: {error}",
                path.display()
            )
        })?;
    let keystore = Arc::new(
        LocalKeystore::open(path, None)
            .map_err(|error| format!("cannot open the keystore at {}: {error}", path.display()))?,
    );
    let mut externalities = sp_io::TestExternalities::default();
    externalities.register_extension(KeystoreExt::from(keystore.clone() as Arc<dyn Keystore>));
    let owner = owner.encode();
    // `generate` makes each key in the keystore extension and signs `owner` with it; it panics
    // where a write fails (the probe above makes that unlikely): caught, and said.
    let generated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        externalities.execute_with(|| SessionKeys::generate(&owner, None))
    }))
    .map_err(|_| {
        format!(
            "cannot write new keys into {} (is it writable by this user?)",
            path.display()
        )
    })?;
    let keys = generated.keys;
    let proof = generated.proof.encode();

    let public = keys.clone().into_raw_public_keys();
    if !keystore.has_keys(&public) {
        return Err(format!(
            "the keystore at {} does not hold the keys just made",
            path.display()
        ));
    }
    if !keys.ownership_proof_is_valid(&owner, &proof) {
        return Err("the new keys' ownership proof does not verify".into());
    }
    give_to_keystore_owner(path, &public)?;
    Ok((keys, proof))
}

/// Gives the new key files (`0600`) to the keystore directory's owner, the node's user, when
/// this command runs as another (root): a key the node cannot read is a key it never signs with.
fn give_to_keystore_owner(
    path: &Path,
    public: &[(Vec<u8>, sp_core::crypto::KeyTypeId)],
) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let directory = std::fs::metadata(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    for (key, key_type) in public {
        // sc-keystore names a key's file by its type and public key, both in hex.
        let file = path.join(format!(
            "{}{}",
            HexDisplay::from(&key_type.0),
            HexDisplay::from(key)
        ));
        let metadata = std::fs::metadata(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        if (metadata.uid(), metadata.gid()) != (directory.uid(), directory.gid()) {
            std::os::unix::fs::chown(&file, Some(directory.uid()), Some(directory.gid())).map_err(
                |error| {
                    format!(
                        "cannot give {} to the keystore's owner (uid {}), the node's user: \
                         {error}",
                        file.display(),
                        directory.uid()
                    )
                },
            )?;
        }
    }
    Ok(())
}

/// Refuses a chain whose runtime lays out session keys otherwise than this node's (a runtime
/// upgrade this binary predates): keys made here would not be the ones the chain reads.
async fn check_session_keys_layout(client: &WsClient) -> Result<(), String> {
    let (at, _) = finalized_block(client).await?;
    let probe = SessionKeys::decode(&mut TrailingZeroInput::zeroes())
        .map_err(|error| format!("session keys: {error}"))?;
    let decoded: Option<Vec<(Vec<u8>, sp_core::crypto::KeyTypeId)>> = runtime_call(
        client,
        at,
        "SessionKeys_decode_session_keys",
        probe.encode().encode(),
    )
    .await?;
    if decoded != Some(probe.into_raw_public_keys()) {
        return Err(
            "the chain's runtime lays out session keys otherwise than this govchain-node: \
             upgrade the node binary to the chain's release first"
                .into(),
        );
    }
    Ok(())
}

impl RotateCmd {
    async fn rotate(&self) -> Result<(), String> {
        let pair = chain_client::signer(
            self.suri.as_deref(),
            "GOVCHAIN_VALIDATOR_SURI",
            "the validator's account key",
        )?;
        let account: AccountId = pair.public().into();
        // The node first: no key is made for a node that cannot be reached, or for a chain
        // whose session keys this binary would make wrong.
        let (client, genesis) = chain_client::connect(&self.url, 10 * 1024 * 1024).await?;
        check_session_keys_layout(&client).await?;

        let (keys, proof) = generate_in_keystore(&self.keystore_path, &account)?;
        println!(
            "new session keys in {}: aura {}, grandpa {}",
            self.keystore_path.display(),
            keys.aura,
            keys.grandpa
        );

        let call = RuntimeCall::Session(pallet_session::Call::set_keys {
            keys: keys.clone(),
            proof,
        });
        submit(&client, &pair, genesis, call)
            .await
            .map_err(|error| {
                format!(
                    "{error} (the new keys stay in the keystore, unregistered and unused: rotate \
                 again once the cause is mended)"
                )
            })?;
        println!("session.set_keys submitted, signed by {account}");

        let key = pallet_session::NextKeys::<Runtime>::hashed_key_for(&account);
        let started = Instant::now();
        loop {
            let (at, number) = finalized_block(&client).await?;
            let registered: Option<SessionKeys> = storage(&client, at, key.clone()).await?;
            if registered.as_ref() == Some(&keys) {
                println!(
                    "finalized block #{number}: the chain holds the new keys for {account}; they \
                     sign from the session after next (keep the old ones in the keystore until \
                     then)"
                );
                return Ok(());
            }
            if started.elapsed() >= Duration::from_secs(self.timeout) {
                return Err(format!(
                    "after {} s the chain still does not hold the new keys for {account}: is it \
                     a validator account with funds for the fee?",
                    self.timeout
                ));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sp_keyring::Sr25519Keyring::{Alice, Bob};
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    /// A private directory, removed when dropped.
    struct Scratch(PathBuf);
    impl Scratch {
        fn new(name: &str) -> Scratch {
            let path = std::env::temp_dir().join(format!(
                "govchain-session-keys-{}-{name}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).expect("the temp dir is writable");
            Scratch(path)
        }
    }
    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn new_keys_land_in_the_keystore_with_a_proof_for_their_owner_alone() {
        let scratch = Scratch::new("made");
        let (keys, proof) =
            generate_in_keystore(&scratch.0, &Alice.to_account_id()).expect("keys made");
        // What pallet-session's set_keys checks: the proof holds for Alice, not for Bob.
        assert!(keys.ownership_proof_is_valid(&Alice.to_account_id().encode(), &proof));
        assert!(!keys.ownership_proof_is_valid(&Bob.to_account_id().encode(), &proof));

        let keystore = LocalKeystore::open(&scratch.0, None).expect("keystore");
        assert!(keystore.has_keys(&keys.clone().into_raw_public_keys()));
        let files: Vec<_> = std::fs::read_dir(&scratch.0)
            .expect("keystore")
            .map(|entry| entry.expect("entry").path())
            .collect();
        assert_eq!(
            files.len(),
            2,
            "an Aura and a GRANDPA key, no probe left: {files:?}"
        );
        for file in &files {
            let mode = std::fs::metadata(file)
                .expect("key file")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{}", file.display());
        }

        // A second rotation makes other keys.
        let (again, _) =
            generate_in_keystore(&scratch.0, &Alice.to_account_id()).expect("keys made");
        assert_ne!(again, keys);
    }

    #[test]
    fn a_missing_keystore_is_refused_and_not_made() {
        let scratch = Scratch::new("missing");
        let nowhere = scratch.0.join("chains/no_such_chain/keystore");
        let error = generate_in_keystore(&nowhere, &Alice.to_account_id())
            .expect_err("a missing keystore is refused");
        assert!(error.contains("no keystore directory at"), "{error}");
        assert!(!nowhere.exists());

        let file = scratch.0.join("a-file");
        std::fs::write(&file, b"").expect("a file");
        let error =
            generate_in_keystore(&file, &Alice.to_account_id()).expect_err("a file is refused");
        assert!(error.contains("no keystore directory at"), "{error}");
    }

    #[test]
    fn keys_made_by_root_belong_to_the_keystore_s_owner() {
        let scratch = Scratch::new("owner");
        let probe = scratch.0.join("probe");
        std::fs::write(&probe, b"").expect("a file");
        let me = std::fs::metadata(&probe).expect("probe").uid();
        std::fs::remove_file(&probe).expect("probe removed");
        let keystore = scratch.0.join("keystore");
        std::fs::create_dir(&keystore).expect("keystore dir");
        if me == 0 {
            // Root rotates for a node that runs as another user (nobody here).
            std::os::unix::fs::chown(&keystore, Some(65534), Some(65534)).expect("chown");
        }
        let owner = std::fs::metadata(&keystore).expect("keystore").uid();
        generate_in_keystore(&keystore, &Alice.to_account_id()).expect("keys made");
        for entry in std::fs::read_dir(&keystore).expect("keystore") {
            let file = entry.expect("entry").path();
            let metadata = std::fs::metadata(&file).expect("key file");
            assert_eq!(
                (metadata.uid(), metadata.gid()),
                (owner, std::fs::metadata(&keystore).expect("keystore").gid()),
                "{}",
                file.display()
            );
        }
    }
}
