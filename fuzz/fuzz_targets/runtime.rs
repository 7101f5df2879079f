//! libFuzzer's target: each input is one run of the harness (see `tools/fuzz`) from the
//! populated government. A finding panics (libFuzzer saves the input as a crash); every 2,000
//! calls the target prints how many it has made, for `scripts/fuzz.sh` to stop at its count, and
//! about every 100,000 which kinds of calls they were.

#![no_main]

use govchain_fuzz::{Generator, Government, Stats, Tally};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct State {
    government: Government,
    generator: Generator,
    tally: Tally,
    total: Stats,
    started: Instant,
    next_report: u64,
    next_kinds: u64,
}

static STATE: OnceLock<Mutex<State>> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    let state = STATE.get_or_init(|| {
        let government = Government::new();
        Mutex::new(State {
            generator: government.generator(),
            government,
            tally: Tally::new(),
            total: Stats::default(),
            started: Instant::now(),
            next_report: 2_000,
            next_kinds: 100_000,
        })
    });
    let mut state = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let State {
        government,
        tally,
        total,
        ..
    } = &mut *state;
    match government.run(input, tally) {
        Ok(stats) => *total += stats,
        Err(finding) => panic!("{finding}"),
    }
    if state.total.calls >= state.next_report {
        state.next_report = state.total.calls + 2_000;
        let seconds = state.started.elapsed().as_secs_f64();
        eprintln!(
            "govchain-fuzz: calls {} valid {} succeeded {} blocks {} kinds {} seconds {:.0} calls/s {:.0}",
            state.total.calls,
            state.total.applied,
            state.total.succeeded,
            state.total.blocks,
            state.tally.kinds(),
            seconds,
            state.total.calls as f64 / seconds
        );
    }
    if state.total.calls >= state.next_kinds {
        state.next_kinds = state.total.calls + 100_000;
        eprintln!(
            "govchain-fuzz: kinds: {}",
            state.tally.report(&state.generator, 12)
        );
    }
});
