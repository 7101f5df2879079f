//! libFuzzer's target: each input is one run of the harness (see `tools/fuzz`) from the
//! populated government. A finding panics (libFuzzer saves the input as a crash); every 2,000
//! calls the target prints how many it has made, for `scripts/fuzz.sh` to stop at its count.

#![no_main]

use govchain_fuzz::{Government, Stats, Succeeded};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct State {
    government: Government,
    succeeded: Succeeded,
    total: Stats,
    started: Instant,
    next_report: u64,
}

static STATE: OnceLock<Mutex<State>> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    let state = STATE.get_or_init(|| {
        Mutex::new(State {
            government: Government::new(),
            succeeded: Succeeded::new(),
            total: Stats::default(),
            started: Instant::now(),
            next_report: 2_000,
        })
    });
    let mut state = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let State {
        government,
        succeeded,
        total,
        ..
    } = &mut *state;
    match government.run(input, succeeded) {
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
            state.succeeded.len(),
            seconds,
            state.total.calls as f64 / seconds
        );
    }
});
