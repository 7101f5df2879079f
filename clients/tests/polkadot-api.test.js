// polkadot-api (the metadata-driven client polkadot-sdk's docs point to), with typed descriptors
// generated from the tested node's runtime (lib/descriptors.js, run before the tests): it follows
// the chain with the new JSON-RPC (`chainHead_v1`), reads typed storage and calls the registries'
// runtime APIs at the finalized block, and submits a transfer signed with the metadata hash
// (`CheckMetadataHash`, mode 1) while one over another metadata's hash is refused.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { WebSocket } = require("ws");
const { startDevNode } = require("../lib/node");
const { connect, dev } = require("../lib/tx");
const { seed } = require("../lib/seed");

/** The descriptors `lib/descriptors.js` generated. */
const DESCRIPTORS = pathToFileURL(path.join(__dirname, "..", ".papi", "descriptors", "dist", "index.js")).href;
/** How long one read or transaction may take before the test fails. */
const PATIENCE_MS = 60_000;

let node;
let pjs;
let seeded;
let client;
let typed;
let papi;
/** The JSON-RPC methods polkadot-api sent to the node, in order. */
const sent = [];

before(async () => {
  node = await startDevNode();
  pjs = await connect(node.wsUrl);
  seeded = await seed(pjs, { landHistory: false });
  papi = {
    ...(await import("polkadot-api")),
    ...(await import("polkadot-api/ws")),
    ...(await import("polkadot-api/signer")),
    descriptors: await import(DESCRIPTORS),
  };
  const provider = papi.getWsProvider(node.wsUrl, { websocketClass: WebSocket });
  // Records the methods of what the client sends, to show which JSON-RPC it speaks.
  const recording = (onMessage) => {
    const connection = provider(onMessage);
    return {
      ...connection,
      send: (message) => {
        sent.push(message.method);
        connection.send(message);
      },
    };
  };
  client = papi.createClient(recording);
  typed = client.getTypedApi(papi.descriptors.govchain);
  // The seeded records are read at the finalized block: wait until it holds them.
  const last = Math.max(...Object.values(seeded.blocks));
  await finalizedAtLeast(last);
}, { timeout: 240_000 });

after(async () => {
  if (client) client.destroy();
  if (pjs) await pjs.disconnect();
  if (node) await node.stop();
});

/** Resolves with the first finalized block numbered `number` or later. */
function finalizedAtLeast(number) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`block #${number} was not finalized within ${PATIENCE_MS} ms`));
    }, PATIENCE_MS);
    const subscription = client.finalizedBlock$.subscribe({
      next: (block) => {
        if (block.number < number) return;
        clearTimeout(timer);
        // Unsubscribing inside `next` of a synchronous first value needs the subscription.
        queueMicrotask(() => subscription.unsubscribe());
        resolve(block);
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
  });
}

/** Options of a read at block `at` that gives up after PATIENCE_MS. */
const at = (hash) => ({ at: hash, signal: AbortSignal.timeout(PATIENCE_MS) });

test("it follows the chain by chainHead_v1 and reads at the finalized block", async () => {
  const finalized = await client.getFinalizedBlock();
  assert.ok(finalized.number >= seeded.blocks.diplomas, `finalized #${finalized.number}`);
  assert.ok(sent.includes("chainHead_v1_follow"), `methods sent: ${[...new Set(sent)].join(", ")}`);
  assert.ok(!sent.includes("chain_getBlockHash") && !sent.includes("state_getStorage"),
    "no legacy JSON-RPC method was needed");
  assert.equal(await typed.query.System.Number.getValue(at(finalized.hash)), finalized.number);
  // The node agrees that this block is final.
  const head = (await pjs.rpc.chain.getFinalizedHead()).toHex();
  const headNumber = (await pjs.rpc.chain.getHeader(head)).number.toNumber();
  assert.ok(headNumber >= finalized.number);
  assert.equal((await pjs.rpc.chain.getBlockHash(finalized.number)).toHex(), finalized.hash);
});

test("typed storage: the diplomas' records, the citizens' accounts", async () => {
  const { hash } = await client.getFinalizedBlock();
  const { valid, revoked } = seeded.diplomas;
  const record = await typed.query.Diplomas.Records.getValue(valid.id, at(hash));
  assert.ok(record, "the valid diploma's record");
  assert.equal(record.spec.holder, BigInt(valid.holder));
  assert.equal(record.spec.document_hash, valid.documentHash);
  assert.equal(record.status.type, "Valid");
  const history = await typed.query.Diplomas.History.getValue(revoked.id, at(hash));
  assert.equal(history?.length, 1, "a revoked diploma's history: its revocation");
  const citizen = await typed.query.Identity.CitizenByAccount.getValue(seeded.citizenAccounts[0], at(hash));
  assert.equal(citizen?.citizen, BigInt(seeded.citizens[0]));
  assert.equal(citizen?.active, true, "the account record says the citizen is active");
  assert.equal(await typed.query.Diplomas.Records.getValue(`0x${"00".repeat(32)}`, at(hash)), undefined);
});

test("runtime API calls: a diploma's verdict for the document a verifier holds", async () => {
  const { hash } = await client.getFinalizedBlock();
  const { valid, revoked } = seeded.diplomas;
  const verify = (id, documentHash) => typed.apis.DiplomasApi.verify(id, documentHash, at(hash));
  assert.equal((await verify(valid.id, valid.documentHash)).type, "Valid");
  const verdict = await verify(revoked.id, revoked.documentHash);
  assert.equal(verdict.type, "Revoked");
  assert.equal(verdict.value.reason.type, revoked.reason);
  assert.equal((await verify(valid.id, revoked.documentHash)).type, "HashMismatch");
  assert.equal((await verify(`0x${"42".repeat(32)}`, valid.documentHash)).type, "Unknown");
  const id = await typed.apis.DiplomasApi.diploma_id({ type: "Institution", value: valid.issuer },
    papi.Binary.fromText(valid.serial), at(hash));
  assert.equal(id, valid.id, "the id from issuer and serial, as the chain computes it");
});

test("a transfer signed with the metadata hash (CheckMetadataHash) is accepted, another hash refused", async () => {
  const alice = dev(pjs, "Alice");
  const recipient = dev(pjs, "Papi-recipient");
  const raw = papi.getPolkadotSigner(alice.publicKey, "Sr25519", (message) => alice.sign(message));
  const properties = await pjs.rpc.system.properties();
  const network = {
    decimals: properties.tokenDecimals.unwrap()[0].toNumber(),
    tokenSymbol: properties.tokenSymbol.unwrap()[0].toString(),
  };
  const amount = 3_000_000_000_000n;
  const transfer = () => typed.tx.Balances.transfer_keep_alive({
    dest: papi.descriptors.MultiAddress.Id(recipient.address),
    value: amount,
  });

  // A wallet that merkleized other metadata (here: other token decimals) signs another hash.
  const wrong = papi.withMetadataHash({ ...network, decimals: network.decimals + 1 }, raw);
  await assert.rejects(transfer().signAndSubmit(wrong), /BadProof|bad signature|Invalid/i,
    "a signature over another metadata hash is refused");

  const signer = papi.withMetadataHash(network, raw);
  const result = await transfer().signAndSubmit(signer);
  assert.equal(result.ok, true, `the transfer failed: ${JSON.stringify(result.dispatchError)}`);
  const account = await typed.query.System.Account.getValue(recipient.address,
    at(result.block.hash));
  assert.equal(account.data.free, amount);
});
