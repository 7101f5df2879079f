"""sr25519 verifications per second from the output of `govchain-node benchmark machine`.

The machine benchmark reports its sr25519 score as a throughput of verified 32-byte messages
(sc-sysinfo's `benchmark_sr25519_verify`), so one verification is 32 bytes of it.

    python3 machine_verify.py machine.txt   # prints the verifications per second
"""
import re
import sys

UNITS = {"KiBs": 1024, "MiBs": 1024**2, "GiBs": 1024**3}
MESSAGE_BYTES = 32

text = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"SR25519-Verify\s*\|\s*([0-9.]+)\s*(KiBs|MiBs|GiBs)", text)
if not match:
    sys.exit("no SR25519-Verify score in the machine benchmark's output")
print(round(float(match.group(1)) * UNITS[match.group(2)] / MESSAGE_BYTES))
