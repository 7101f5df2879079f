#!/usr/bin/env python3
"""Groups a flat `perf report --sort comm,dso,symbol` into what the node spent its CPU on.

Usage: profile_summary.py PERF_REPORT.txt

Each sample line is `percent thread dso [.] symbol`; the symbol decides the activity (first
matching pattern wins), the thread says who did it (`tokio-rt-worker`: RPC and transaction-pool
validation, `govchain-node`/`basic-authorship`: the block author, `rpc`: jsonrpsee's threads).
"""
import re
import sys
from collections import defaultdict

ACTIVITIES = [
    ("signature verification (sr25519)", r"curve25519|schnorrkel|merlin|sha2::sha512|keccak|ristretto"),
    ("compiling the runtime (cranelift, once per runtime)", r"cranelift|regalloc2|wasmtime_cranelift"),
    ("the runtime's own wasm code", r"^\[JIT\]"),
    ("state: trie, caches, overlay, hashing", r"sp_trie|trie_db|sp_state_machine|blake2|twox|xxhash|hash_db|memory_db|parity_db|OverlayedChanges|sc_client_db"),
    ("wasm host calls and its heap", r"sc_executor|sc_allocator|wasmtime|sp_io|sp_wasm_interface"),
    ("transaction pool", r"sc_transaction_pool|txpool"),
    ("RPC and JSON", r"jsonrpsee|serde_json|serde|hyper|tokio_tungstenite|soketto|hex::|array_bytes"),
    ("SCALE encoding", r"parity_scale_codec|codec::"),
    ("memory copy and allocation (libc)", r"memmove|memcpy|memset|memcmp|malloc|free|calloc|realloc|unlink_chunk|_int_"),
    ("kernel", r"^\[k\]"),
]


def activity(dso: str, symbol: str) -> str:
    probe = "[JIT]" if dso.startswith("[JIT]") else ("[k]" if dso == "[kernel.kallsyms]" else symbol)
    for name, pattern in ACTIVITIES:
        if re.search(pattern, probe):
            return name
    return "other"


def main() -> None:
    by_activity = defaultdict(float)
    by_thread = defaultdict(float)
    line = re.compile(r"^\s*([\d.]+)%\s+(\S+)\s+(\[JIT\] tid \d+|\S+)\s+\[.\]\s+(.*)$")
    for text in open(sys.argv[1], encoding="utf-8", errors="replace"):
        # perf pads every line to the widest symbol; trailing blanks would make the match slow.
        match = line.match(text.rstrip())
        if not match:
            continue
        percent, thread, dso, symbol = match.groups()
        share = float(percent)
        by_activity[activity(dso, symbol)] += share
        by_thread[thread] += share
    print("node CPU by activity (% of all samples):")
    for name, share in sorted(by_activity.items(), key=lambda item: -item[1]):
        print(f"  {share:5.1f}  {name}")
    print("node CPU by thread:")
    for name, share in sorted(by_thread.items(), key=lambda item: -item[1])[:6]:
        print(f"  {share:5.1f}  {name}")


if __name__ == "__main__":
    main()
