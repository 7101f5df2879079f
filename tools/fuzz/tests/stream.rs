//! The fuzzer's short form for CI: the saved corpus (`fuzz/corpus/runtime/`: the inputs a
//! coverage-guided run kept, minimized, and every input that once found something), then a seeded stream of
//! inputs for `FUZZ_SECONDS` (120 by default) or `FUZZ_CALLS` calls, whichever ends first. Any
//! panic or broken invariant fails the test, with the input saved to replay.

use govchain_fuzz::{Government, Stats, Stream, Tally};
use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
}

/// Saves an input that found something, for `scripts/fuzz.sh --replay FILE`.
fn save(input: &[u8]) -> PathBuf {
    let folder = std::env::temp_dir().join("govchain-fuzz-findings");
    std::fs::create_dir_all(&folder).expect("a folder for findings");
    let name = format!("{:016x}", {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        input.hash(&mut hasher);
        hasher.finish()
    });
    let path = folder.join(name);
    std::fs::write(&path, input).expect("the finding's input saved");
    path
}

#[test]
fn the_runtime_survives_the_corpus_and_a_seeded_stream() {
    let seconds = env_number("FUZZ_SECONDS").unwrap_or(120);
    let most_calls = env_number("FUZZ_CALLS").unwrap_or(u64::MAX);
    let seed = env_number("FUZZ_SEED").unwrap_or(20_261_204);
    let started = Instant::now();
    let mut government = Government::new();
    let set_up = started.elapsed();
    let mut succeeded = Tally::new();
    let mut total = Stats::default();

    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/runtime");
    let mut replayed = 0;
    {
        let entries = std::fs::read_dir(&corpus)
            .unwrap_or_else(|error| panic!("the corpus at {}: {error}", corpus.display()));
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files.iter().filter(|file| file.is_file()) {
            let input = std::fs::read(file).expect("a corpus file");
            match government.run(&input, &mut succeeded) {
                Ok(stats) => total += stats,
                Err(finding) => panic!("{}: {finding}", file.display()),
            }
            replayed += 1;
        }
    }

    assert!(
        replayed > 0,
        "no input in the corpus at {}",
        corpus.display()
    );
    let replay = std::mem::take(&mut total);
    let replay_succeeded = std::mem::take(&mut succeeded);

    // The stream is checked on its own: the corpus must not hide a generator that no longer
    // reaches the runtime.
    let generator = government.generator();
    // `FUZZ_WRITE_SEEDS=DIR` also writes every input of the stream to DIR, as seeds for the
    // coverage-guided form (`scripts/fuzz.sh --seed CALLS`): its mutations then start from
    // calls of every pallet with well-formed fields, not from random bytes.
    let seeds = std::env::var_os("FUZZ_WRITE_SEEDS").map(PathBuf::from);
    let mut stream = Stream::new(seed);
    let streaming = Instant::now();
    let mut inputs = 0u64;
    while streaming.elapsed() < Duration::from_secs(seconds) && total.calls < most_calls {
        let input = stream.input(40, &generator);
        if let Some(seeds) = &seeds {
            std::fs::write(seeds.join(format!("seed-{seed}-{inputs}")), &input)
                .expect("a seed written");
        }
        match government.run(&input, &mut succeeded) {
            Ok(stats) => total += stats,
            Err(finding) => panic!(
                "input {inputs} of seed {seed}: {finding}\nsaved at {}",
                save(&input).display()
            ),
        }
        inputs += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "set-up {:.1} s; {replayed} corpus inputs: {} calls, {} kinds succeeded; {inputs} seeded \
         inputs (seed {seed}): {} calls ({} valid, {} succeeded) in {} blocks; in all {:.1} s, \
         {:.0} calls/s; {} of the runtime's {} calls succeeded at least once in the stream",
        set_up.as_secs_f64(),
        replay.calls,
        replay_succeeded.kinds(),
        total.calls,
        total.applied,
        total.succeeded,
        total.blocks,
        elapsed,
        (total.calls + replay.calls) as f64 / elapsed,
        succeeded.kinds(),
        generator.len()
    );
    println!(
        "succeeded: {}",
        succeeded.succeeded_names(&generator).join(", ")
    );
    println!("{}", succeeded.report(&generator, 12));
    // The stream must reach the runtime, not bounce off the decoder or the pool's checks.
    assert!(total.calls > 0 && total.blocks > 0, "{total:?}");
    assert!(
        succeeded.kinds() >= 10,
        "only {} kinds of calls ever succeeded: the harness no longer reaches the runtime",
        succeeded.kinds()
    );
}

/// The coverage-guided form's dictionary (`fuzz/runtime.dict`) names the runtime's calls and the
/// government's accounts as they are now: a call added or moved, or a signer changed, fails here
/// until the file is rewritten (`GOVCHAIN_FUZZ_BLESS=1`, then commit it).
#[test]
fn the_fuzzer_dictionary_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/runtime.dict");
    let expected = Government::new().generator().dictionary();
    if std::env::var_os("GOVCHAIN_FUZZ_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("the dictionary written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is not the runtime's: rewrite it with `GOVCHAIN_FUZZ_BLESS=1 cargo test --release \
         --workspace --test stream -- dictionary` and commit it",
        path.display()
    );
}

/// An idle call (a remark) at the top level is skipped, neither made nor counted; the same
/// signer's transfer is made, and a remark nested in a batch is made with it.
#[test]
fn idle_calls_are_skipped() {
    use codec::Encode;
    use govchain_runtime::RuntimeCall;
    let mut government = Government::new();
    let remark = RuntimeCall::System(frame_system::Call::remark {
        remark: b"hello".to_vec(),
    });
    let remark_with_event = RuntimeCall::System(frame_system::Call::remark_with_event {
        remark: b"hello".to_vec(),
    });
    let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
        calls: vec![remark.clone()],
    });
    let signer = 0x01;
    let run = |government: &mut Government, calls: &[&RuntimeCall]| {
        let mut input = Vec::new();
        for call in calls {
            input.push(signer);
            call.encode_to(&mut input);
        }
        let mut tally = Tally::new();
        let stats = government.run(&input, &mut tally).expect("no finding");
        (stats, tally)
    };
    let (stats, tally) = run(&mut government, &[&remark, &remark_with_event]);
    assert_eq!(stats.calls, 0, "{stats:?}");
    assert!(tally.made.is_empty(), "{tally:?}");
    let (stats, tally) = run(&mut government, &[&remark, &batch]);
    assert_eq!((stats.calls, stats.succeeded), (1, 1), "{stats:?}");
    let batch_kind: Vec<u8> = batch.encode().into_iter().take(2).collect();
    assert_eq!(
        tally
            .made
            .keys()
            .map(|kind| kind.to_vec())
            .collect::<Vec<_>>(),
        vec![batch_kind]
    );
}
