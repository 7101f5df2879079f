// Substrate API Sidecar, without custom types, in front of a seeded dev chain: blocks with the
// registries' extrinsics and events decoded, an account's balance, the runtime's spec.
//
// The npm registry offers @substrate/api-sidecar 18.0.0 at the newest, whose own dependency is
// @polkadot/api 10.13. That version cannot decode any govchain block: polkadot-sdk's inherents
// are bare extrinsics of format version 5 ("Unsupported unsigned extrinsic version 5"), so every
// `/blocks/*` answered 500. package.json's `overrides` therefore give Sidecar the same
// @polkadot/api 16.5.6 as the rest of this package.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn } = require("node:child_process");
const { decodeAddress } = require("@polkadot/util-crypto");
const { u8aEq } = require("@polkadot/util");
const { startDevNode, freePort } = require("../lib/node");
const { connect, dev } = require("../lib/tx");
const { seed } = require("../lib/seed");
const { call } = require("../lib/rpc");

let node;
let api;
let seeded;
let sidecar;
let base;

/** Starts Sidecar against `wsUrl`; resolves with `{ url, stop }` once it answers HTTP. */
async function startSidecar(wsUrl, timeoutMs = 60_000) {
  const port = await freePort();
  const main = require.resolve("@substrate/api-sidecar/build/src/main.js");
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      SAS_SUBSTRATE_URL: wsUrl,
      SAS_EXPRESS_PORT: String(port),
      SAS_EXPRESS_BIND_HOST: "127.0.0.1",
      SAS_LOG_LEVEL: "warn",
      SAS_LOG_STRIP_ANSI: "true",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = signal || code;
  });
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", kill);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    kill();
    await gone;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`Sidecar exited with ${exited}:\n${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Sidecar did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The JSON body of `GET path`, failing with Sidecar's error body on any status but 200. */
async function get(path) {
  const response = await fetch(`${base}${path}`);
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${path}: ${body.slice(0, 2_000)}`);
  return JSON.parse(body);
}

before(async () => {
  node = await startDevNode();
  api = await connect(node.wsUrl);
  seeded = await seed(api, { landHistory: false });
  sidecar = await startSidecar(node.wsUrl);
  base = sidecar.url;
}, { timeout: 120_000 });

after(async () => {
  if (sidecar) await sidecar.stop();
  if (api) await api.disconnect();
  if (node) await node.stop();
});

test("/blocks/head serves the finalized head, and the best block on request", async () => {
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const head = await get("/blocks/head");
  assert.ok(Number(head.number) >= finalized, `head ${head.number}, finalized ${finalized}`);
  assert.equal(head.hash, (await api.rpc.chain.getBlockHash(Number(head.number))).toHex());
  const best = await get("/blocks/head?finalized=false");
  assert.ok(Number(best.number) >= seeded.blocks.diplomas, `best ${best.number}`);
  assert.equal(best.extrinsics[0].method.pallet, "timestamp");
  assert.equal(best.extrinsics[0].method.method, "set");
});

test("/blocks/{n} decodes a registry extrinsic and its events", async () => {
  const block = await get(`/blocks/${seeded.blocks.diplomas}`);
  assert.equal(Number(block.number), seeded.blocks.diplomas);
  const batch = block.extrinsics.find(({ method }) => method.pallet === "utility" && method.method === "batchAll");
  assert.ok(batch, `no utility.batchAll in ${JSON.stringify(block.extrinsics.map(({ method }) => method))}`);
  assert.equal(batch.success, true);
  assert.ok(u8aEq(decodeAddress(batch.signature.signer.id), dev(api, "Charlie").publicKey));
  assert.deepEqual(batch.args.calls.map(({ method }) => `${method.pallet}.${method.method}`),
    ["diplomas.issue", "diplomas.issue", "diplomas.revoke"]);
  const issued = batch.args.calls[0].args.diploma;
  assert.equal(issued.documentHash, seeded.diplomas.valid.documentHash);
  assert.equal(Number(issued.holder), seeded.diplomas.valid.holder);
  assert.equal(issued.degree, "Bachelor");

  const events = batch.events.map(({ method }) => `${method.pallet}.${method.method}`);
  assert.deepEqual(events.filter((name) => name.startsWith("diplomas.")),
    ["diplomas.DiplomaIssued", "diplomas.DiplomaIssued", "diplomas.DiplomaRevoked"]);
  const revoked = batch.events.find(({ method }) => method.method === "DiplomaRevoked");
  assert.equal(revoked.data[0], seeded.diplomas.revoked.id);
  assert.equal(revoked.data[1], "IssuedInError");
  assert.ok(events.includes("system.ExtrinsicSuccess"), events.join(", "));
});

test("/blocks/{n} decodes the ministry's batch of every registry", async () => {
  const block = await get(`/blocks/${seeded.blocks.registries}`);
  const batch = block.extrinsics.find(({ method }) => method.method === "batchAll");
  assert.ok(batch, "no batch in the ministry's block");
  const pallets = new Set(batch.events.map(({ method }) => method.pallet));
  for (const pallet of ["identity", "landTitles", "diplomas", "cbdc", "voting"]) {
    assert.ok(pallets.has(pallet), `no ${pallet} event among ${[...pallets]}`);
  }
  const parcel = batch.events.find(({ method }) => method.method === "ParcelRegistered");
  assert.equal(Number(parcel.data[0]), seeded.parcel.id);
});

test("/accounts/{address}/balance-info reads Alice in the chain's SS58 format", async () => {
  const alice = dev(api, "Alice");
  const info = await get(`/accounts/${alice.address}/balance-info`);
  const account = await api.query.system.account.at(info.at.hash, alice.address);
  assert.equal(info.tokenSymbol, "GOV");
  assert.equal(info.free, account.data.free.toString());
  assert.equal(info.nonce, account.nonce.toString());
  assert.ok(BigInt(info.free) > 0n);
});

test("/runtime/spec reports the runtime's version and the chain's properties", async () => {
  const spec = await get("/runtime/spec");
  assert.equal(spec.specName, "govchain");
  assert.equal(Number(spec.specVersion), api.runtimeVersion.specVersion.toNumber());
  assert.equal(Number(spec.transactionVersion), api.runtimeVersion.transactionVersion.toNumber());
  assert.equal(spec.properties.tokenSymbol[0], "GOV");
  assert.equal(Number(spec.properties.tokenDecimals[0]), 12);
  const properties = await call(api, "system_properties");
  assert.equal(Number(spec.properties.ss58Format), properties.ss58Format);
});

test("/pallets/{pallet}/storage/{item} decodes a diploma record", async () => {
  const { valid } = seeded.diplomas;
  const item = await get(`/pallets/diplomas/storage/Records?keys[]=${valid.id}&at=${seeded.blocks.diplomas}`);
  assert.equal(item.value.spec.documentHash, valid.documentHash);
  assert.equal(Number(item.value.spec.holder), valid.holder);
  assert.deepEqual(item.value.status, { valid: null });
});
