"""Turns an operator's JSON file into a govchain chain spec (the readable form).

Usage: python3 national_spec.py OPERATOR.json BASE_SPEC.json OUT_DIR
BASE_SPEC.json is the national testnet spec of the current runtime (its code and policies are
kept; its validators, council, endowments and upgrade delay are replaced). Prints the chain id; writes OUT_DIR/<id>.json. Field reference: chain-specs/README.md.
"""

import json
import re
import sys

REQUIRED = ["name", "id", "validators", "council", "minValidators", "sessionLength", "upgradeDelay"]


def fail(message):
    sys.exit(f"national-spec: {message}")


def main():
    operator_path, base_path, out_dir = sys.argv[1:4]
    with open(operator_path) as f:
        operator = json.load(f)
    with open(base_path) as f:
        spec = json.load(f)

    missing = [key for key in REQUIRED if key not in operator]
    if missing:
        fail(f"{operator_path} lacks {', '.join(missing)}")
    if not re.fullmatch(r"[a-z0-9_]+", operator["id"]):
        fail("id must be lower-case letters, digits and underscores")
    validators = operator["validators"]
    if operator["minValidators"] < 1:
        fail("minValidators must be at least 1")
    if len(validators) < operator["minValidators"]:
        fail(f"{len(validators)} validators is fewer than minValidators {operator['minValidators']}")
    accounts = [v.get("account") for v in validators]
    if len(set(accounts)) != len(accounts):
        fail("validator accounts must be distinct")
    for index, validator in enumerate(validators):
        for key in ("account", "aura", "grandpa"):
            if key not in validator:
                fail(f"validators[{index}] lacks {key}")

    # The base (the national testnet preset) starts at the floor a council motion may set.
    floor = spec["genesis"]["runtimeGenesis"]["patch"]["governance"]["upgradeDelay"]
    if operator["upgradeDelay"] < floor:
        fail(f"upgradeDelay {operator['upgradeDelay']} is below the runtime's floor of {floor} blocks")

    spec["name"] = operator["name"]
    spec["id"] = operator["id"]
    spec["chainType"] = "Live"
    spec["bootNodes"] = operator.get("bootNodes", [])
    spec["protocolId"] = operator.get("protocolId", operator["id"])
    # The node's spec already carries the runtime's token symbol, decimals and SS58 prefix; the
    # prefix is the runtime's (`system.SS58Prefix`), so a spec may not advertise another one.
    properties = operator.get("properties", spec.get("properties"))
    runtime_prefix = spec.get("properties", {}).get("ss58Format")
    if properties.get("ss58Format") != runtime_prefix:
        fail(f"properties.ss58Format must be the runtime's prefix {runtime_prefix}")
    spec["properties"] = properties
    # The base's policies (dual control, monetary limits) stay; the network's own parts replace
    # the base's.
    spec["genesis"]["runtimeGenesis"]["patch"] |= {
        "balances": {"balances": [[account, int(amount)] for account, amount in operator.get("endowed", [])]},
        "validatorSet": {
            "validators": [v["account"] for v in validators],
            "minValidators": operator["minValidators"],
            "sessionLength": operator["sessionLength"],
        },
        "session": {
            "keys": [
                [v["account"], v["account"], {"aura": v["aura"], "grandpa": v["grandpa"]}]
                for v in validators
            ]
        },
        "council": {"members": operator["council"]},
        "governance": {"upgradeDelay": operator["upgradeDelay"]},
    }

    with open(f"{out_dir}/{operator['id']}.json", "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")
    print(operator["id"])


if __name__ == "__main__":
    main()
