// polkadot-api's typed descriptors of the runtime the tested node carries, generated offline
// before the tests (`npm test`'s `pretest`): the runtime's wasm from the node's own chain spec
// (`export-chain-spec --chain dev --raw`, the `:code` entry), its metadata read by
// `papi add --wasm` (which executes the runtime, no node running), then `papi generate` into
// `.papi/descriptors` (`.papi/polkadot-api.json`: no package, nothing added to package.json).
// So the descriptors always match the binary under test, and no copy is kept by hand.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { devChainSpec, nodeBinary } = require("./node");

/** The storage key of the runtime's code, `:code`, in hex. */
const CODE_KEY = "0x3a636f6465";
const CLIENTS = path.join(__dirname, "..");
const PAPI = path.join(CLIENTS, "node_modules", ".bin", "papi");

function generate() {
  const spec = devChainSpec();
  const code = spec.genesis?.raw?.top?.[CODE_KEY];
  if (typeof code !== "string") throw new Error("the node's dev chain spec holds no runtime code");
  const wasm = path.join(CLIENTS, ".papi", "runtime.wasm");
  fs.writeFileSync(wasm, Buffer.from(code.slice(2), "hex"));
  const papi = (...args) => execFileSync(PAPI, args, { cwd: CLIENTS, stdio: ["ignore", "ignore", "inherit"] });
  papi("add", "govchain", "--wasm", wasm, "--skip-codegen");
  papi("generate");
  console.log(`polkadot-api descriptors generated from ${nodeBinary()}'s runtime`);
}

generate();
