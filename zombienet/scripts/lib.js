// What the zombienet scripts share: connecting with @polkadot/api, signing and waiting for
// inclusion, council motions, and reading block authors.
const { ApiPromise, WsProvider, Keyring } = require("@polkadot/api");

/** An API connected to `wsUri`. */
async function connect(wsUri) {
  return ApiPromise.create({ provider: new WsProvider(wsUri), noInitWarn: true });
}

/** govchain's SS58 address prefix (runtime/src/token.rs): `.address` reads as the chain shows it. */
const SS58_PREFIX = 4242;

/** The development account `//Name` (sr25519). */
function dev(name) {
  return new Keyring({ type: "sr25519", ss58Format: SS58_PREFIX }).addFromUri(`//${name}`);
}

/**
 * Signs and submits `tx` as `signer`; resolves with the events of its block once it is in a
 * block, rejects if it failed to dispatch.
 */
function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (!status.isInBlock) return;
      unsubscribe();
      if (dispatchError) {
        reject(new Error(`${tx.method.section}.${tx.method.method} failed: ${describe(api, dispatchError)}`));
      } else {
        resolve({ events, blockHash: status.asInBlock });
      }
    })
      .then((stop) => {
        unsubscribe = stop;
      })
      .catch(reject);
  });
}

/** A dispatch error as `pallet.Error`, or its raw form. */
function describe(api, error) {
  if (error.isModule) {
    const { section, name } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}`;
  }
  return error.toString();
}

/**
 * Passes a council motion on the local testnet (council: Alice, Bob, Charlie): Alice proposes
 * with threshold 2, Alice and Bob vote aye, Charlie closes. Resolves with the motion's
 * `Executed` result: `null` if the call succeeded, else the error's name.
 */
async function councilMotion(api, call) {
  const length = call.method.encodedLength;
  const proposed = await submit(api, api.tx.council.propose(2, call, length), dev("Alice"));
  const record = proposed.events.find(({ event }) => api.events.council.Proposed.is(event));
  if (!record) throw new Error("the motion was not proposed");
  const [, index, hash] = record.event.data;
  for (const member of ["Alice", "Bob"]) {
    await submit(api, api.tx.council.vote(hash, index, true), dev(member));
  }
  const closed = await submit(
    api,
    api.tx.council.close(hash, index, { refTime: 10_000_000_000n, proofSize: 1_000_000n }, length),
    dev("Charlie"),
  );
  const executed = closed.events.find(({ event }) => api.events.council.Executed.is(event));
  if (!executed) throw new Error("the motion did not execute");
  const result = executed.event.data[1];
  return result.isOk ? null : describe(api, result.asErr);
}

/** Resolves once `predicate(header)` holds for a new best block, or rejects after `seconds`. */
function waitForBlock(api, seconds, predicate, what) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${seconds} s waiting for ${what}`));
    }, seconds * 1000);
    api.rpc.chain
      .subscribeNewHeads(async (header) => {
        if (await predicate(header)) {
          clearTimeout(timer);
          unsubscribe();
          resolve(header);
        }
      })
      .then((stop) => {
        unsubscribe = stop;
      })
      .catch(reject);
  });
}

/** The account that authored the block with `hash` (from its Aura slot and the validators). */
async function authorOf(api, hash) {
  const header = await api.derive.chain.getHeader(hash);
  return header.author ? header.author.toString() : null;
}

module.exports = { connect, dev, submit, describe, councilMotion, waitForBlock, authorOf };
