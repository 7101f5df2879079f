#!/usr/bin/env bash
# The runtime fuzzer: arbitrary signed calls of every pallet against the real runtime, in real
# blocks, every pallet's try_state after each block (the harness: tools/fuzz).
#
#   scripts/fuzz.sh [CALLS]            coverage-guided: libFuzzer through cargo-fuzz on the nightly
#                                      toolchain, FUZZ_JOBS processes (one per core by default)
#                                      on one corpus, until CALLS calls in all (default
#                                      1,000,000); the corpus grows in fuzz/corpus/runtime,
#                                      findings land in fuzz/artifacts/runtime
#   scripts/fuzz.sh --seeded [CALLS]   the seeded stream CI runs for two minutes, without coverage
#                                      guidance or an instrumented build, until CALLS calls
#   scripts/fuzz.sh --seed [CALLS]     adds the seeded stream's inputs (CALLS calls' worth, 40,000
#                                      by default) to fuzz/corpus/runtime, for libFuzzer to
#                                      mutate: calls of every pallet with well-formed fields
#   scripts/fuzz.sh --replay FILE...   replays inputs (a finding, a corpus file) through the
#                                      harness, printing each one's steps' outcome
#   scripts/fuzz.sh --minimize         shrinks fuzz/corpus/runtime to the inputs that keep its
#                                      coverage (libFuzzer's -merge), before committing it
#
# The coverage-guided build is instrumented and has its own workspace and target directory
# (outside the clone, $GOVCHAIN_FUZZ_TARGET_DIR): the first build compiles about 700 crates
# (~30 minutes on 2 cores). It resolves dependencies from the main Cargo.lock, so the fuzzed
# runtime is built from the same crate versions as the node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
fuzz_target_dir="${GOVCHAIN_FUZZ_TARGET_DIR:-$HOME/.cache/govchain-fuzz-target}"
fuzzer="$fuzz_target_dir/x86_64-unknown-linux-gnu/release/runtime"

mode=libfuzzer
case "${1:-}" in
--seeded) mode=seeded; shift ;;
--seed) mode=seed; shift ;;
--replay) mode=replay; shift ;;
--minimize) mode=minimize; shift ;;
esac

fuzz_build() {
    if ! cargo fuzz --version >/dev/null 2>&1; then
        echo "fuzz.sh: installing cargo-fuzz from crates.io"
        cargo install --locked cargo-fuzz
    fi
    # No sanitizer: the runtime is safe Rust; what is sought is panics and broken invariants.
    # Release with debug assertions (overflow checks on), as cargo-fuzz builds by default.
    # The main lock file's versions; cargo adds libFuzzer's few crates to the copy.
    cp Cargo.lock fuzz/Cargo.lock
    (cd fuzz && CARGO_TARGET_DIR="$fuzz_target_dir" SKIP_WASM_BUILD=1 \
        cargo +nightly fuzz build --sanitizer none --release runtime)
}

case "$mode" in
seeded)
    calls="${1:-1000000}"
    FUZZ_CALLS="$calls" FUZZ_SECONDS="${FUZZ_SECONDS:-86400}" \
        cargo test --locked --release --workspace --test stream -- --nocapture
    ;;
seed)
    calls="${1:-40000}"
    mkdir -p fuzz/corpus/runtime
    FUZZ_WRITE_SEEDS="$PWD/fuzz/corpus/runtime" FUZZ_CALLS="$calls" FUZZ_SECONDS=86400 \
        FUZZ_SEED="${FUZZ_SEED:-$(date +%s)}" \
        cargo test --locked --release --workspace --test stream -- --nocapture the_runtime
    echo "fuzz.sh: $(ls fuzz/corpus/runtime | wc -l) inputs in fuzz/corpus/runtime"
    ;;
replay)
    fuzz_build
    for file in "$@"; do
        echo "fuzz.sh: replaying $file"
        "$fuzzer" "$file"
    done
    ;;
minimize)
    fuzz_build
    mkdir -p fuzz/corpus/runtime.min
    "$fuzzer" -merge=1 \
        fuzz/corpus/runtime.min fuzz/corpus/runtime
    rm -rf fuzz/corpus/runtime
    mv fuzz/corpus/runtime.min fuzz/corpus/runtime
    echo "fuzz.sh: $(ls fuzz/corpus/runtime | wc -l) inputs kept in fuzz/corpus/runtime"
    ;;
libfuzzer)
    calls="${1:-1000000}"
    jobs="${FUZZ_JOBS:-$(nproc)}"
    fuzz_build
    mkdir -p fuzz/corpus/runtime fuzz/artifacts/runtime
    logs=$(mktemp -d)
    start=$(date +%s)
    # $jobs processes on one shared corpus (each reloads what the others add); -max_len bounds
    # an input to a few hundred calls, and -len_control=0 lets inputs reach it at once (every
    # input pays a block and every pallet's try_state, so one-call inputs would waste most of
    # the time); -dict gives mutations the runtime's call indices and the government's accounts
    # (fuzz/runtime.dict, from the metadata); the run stops when the harness has made $calls
    # calls in all.
    pids=()
    for job in $(seq 1 "$jobs"); do
        "$fuzzer" \
            -max_len=4096 -len_control=0 -timeout=60 -rss_limit_mb=8192 -print_final_stats=1 \
            -dict=fuzz/runtime.dict -seed="$((start + job))" \
            -artifact_prefix=fuzz/artifacts/runtime/ fuzz/corpus/runtime >"$logs/job$job.log" 2>&1 &
        pids+=($!)
    done
    trap 'kill -INT "${pids[@]}" 2>/dev/null || true' EXIT
    # The last count job log $1 printed ("govchain-fuzz: calls N …"), or nothing yet.
    last_count() { grep 'govchain-fuzz: calls' "$1" | tail -1 || true; }
    # The calls made in all: the last count each job printed, summed.
    made_in_all() {
        local sum=0 n
        for log in "$logs"/job*.log; do
            n=$(last_count "$log" | awk '{print $3}')
            sum=$((sum + ${n:-0}))
        done
        echo "$sum"
    }
    made=0
    while kill -0 "${pids[@]}" 2>/dev/null; do
        sleep 10
        made=$(made_in_all)
        for log in "$logs"/job*.log; do
            line=$(last_count "$log")
            [ -n "$line" ] && echo "$(basename "$log" .log): $line  |  $(grep -E '^#[0-9]+' "$log" | tail -1)"
        done
        echo "fuzz.sh: $made calls in all, $(($(date +%s) - start)) s"
        if [ "$made" -ge "$calls" ]; then
            break
        fi
    done
    kill -INT "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" || true
    trap - EXIT
    made=$(made_in_all)
    for log in "$logs"/job*.log; do
        echo "fuzz.sh: $(basename "$log" .log)'s last words:"
        grep 'govchain-fuzz: kinds' "$log" | tail -1
        grep -E '^(#[0-9]+|Done|stat::)|ERROR|panicked|SUMMARY' "$log" | tail -12
    done
    echo "fuzz.sh: $made calls in $(($(date +%s) - start)) s by $jobs jobs; corpus: $(ls fuzz/corpus/runtime | wc -l) inputs; logs: $logs"
    if ls fuzz/artifacts/runtime/crash-* >/dev/null 2>&1; then
        echo "fuzz.sh: FINDINGS (replay with scripts/fuzz.sh --replay FILE):"
        ls -l fuzz/artifacts/runtime/
        exit 1
    fi
    ;;
esac
