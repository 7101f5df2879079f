// Connecting with @polkadot/api, the development accounts, signing and waiting for inclusion,
// and council motions on a `--dev` chain (Alice is the whole council).
"use strict";

const { ApiPromise, WsProvider, Keyring } = require("@polkadot/api");

/** An API connected to `wsUrl`, with no custom types: everything comes from the metadata. */
async function connect(wsUrl) {
  const provider = new WsProvider(wsUrl, 1_000);
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

/** A keyring encoding addresses with the chain's own SS58 prefix. */
function keyring(api) {
  return new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
}

/** The sr25519 account of `//Name` (a development account, or any derived name). */
function dev(api, name) {
  return keyring(api).addFromUri(`//${name}`);
}

/** A dispatch error as `section.Name`, or its raw form. */
function describe(api, error) {
  if (error.isModule) {
    const { section, name } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}`;
  }
  return error.toString();
}

/**
 * Signs `tx` as `signer` and submits it; resolves once it is in a block with
 * `{ events, blockHash, blockNumber }`, rejects if it failed to dispatch or was dropped.
 */
function submit(api, tx, signer) {
  const what = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      if (unsubscribe) unsubscribe();
      fn(value);
    };
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        finish(reject, new Error(`${what} was ${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      if (dispatchError) {
        finish(reject, new Error(`${what} failed: ${describe(api, dispatchError)}`));
        return;
      }
      const blockHash = status.asInBlock;
      api.rpc.chain
        .getHeader(blockHash)
        .then((header) => finish(resolve, { events, blockHash, blockNumber: header.number.toNumber() }))
        .catch((error) => finish(reject, error));
    })
      .then((stop) => {
        unsubscribe = stop;
        if (settled) stop();
      })
      .catch((error) => finish(reject, new Error(`${what} was refused: ${error.message}`)));
  });
}

/** The `section.Method` names of `events` (records of a block). */
function eventNames(events) {
  return events.map(({ event }) => `${event.section}.${event.method}`);
}

/**
 * Passes `call` as a council motion on the dev chain: Alice, the only member, proposes it with
 * threshold 1, so it executes in the same extrinsic. Resolves with the inclusion (see `submit`);
 * rejects if the motion did not execute or the call failed.
 */
async function councilMotion(api, call) {
  const length = call.method.encodedLength;
  const included = await submit(api, api.tx.council.propose(1, call, length), dev(api, "Alice"));
  const executed = included.events.find(({ event }) => api.events.council.Executed.is(event));
  if (!executed) {
    throw new Error(`the council motion did not execute: ${eventNames(included.events).join(", ")}`);
  }
  const result = executed.event.data[1];
  if (result.isErr) throw new Error(`the council's ${call.method.section}.${call.method.method} failed: ${describe(api, result.asErr)}`);
  // A batchAll under the council's origin fails as a whole, so Executed carries its error; a
  // plain batch would report an interruption instead.
  const interrupted = included.events.find(({ event }) => api.events.utility.BatchInterrupted.is(event));
  if (interrupted) throw new Error(`the council's batch was interrupted: ${interrupted.event.data.toString()}`);
  return included;
}

/** Resolves once the best block's number is at least `number` (polling every 500 ms). */
async function waitForBlock(api, number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    if (best >= number) return best;
    if (Date.now() > deadline) throw new Error(`best block ${best} did not reach ${number} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

module.exports = { connect, keyring, dev, describe, submit, eventNames, councilMotion, waitForBlock };
