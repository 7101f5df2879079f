// How the page reaches the chain, in one of two modes, through the same typed API:
//
// - **light client** (the default): smoldot runs in a worker inside the browser, syncs from the
//   chain spec's bootnodes over WebSocket p2p, follows GRANDPA finality itself and checks every
//   answer against the finalized block's state root (storage and call proofs). No node is
//   trusted: a node that lies is caught by the proofs, and the page shows an error, not its lie.
// - **RPC node**: polkadot-api over one node's JSON-RPC (`chainHead_v1`). The page believes that
//   node; it says so on every result.
//
// Every check reads at one finalized block (never the best block) and names it.
import { createClient } from "polkadot-api";
import { getSmProvider } from "polkadot-api/sm-provider";
import { startFromWorker } from "polkadot-api/smoldot/from-worker";
import SmoldotWorker from "polkadot-api/smoldot/worker?worker";
import { getWsProvider } from "polkadot-api/ws";
import { govchain } from "../.papi/descriptors/dist/index.js";

/** How long one check may wait for the network before the page gives up on it. */
export const PATIENCE_MS = 45_000;
/** How long the light client may take to find a peer and catch up before the page refuses. */
const PEERS_PATIENCE_MS = 30_000;
/** A finalized block older than this is named as such on every result. */
const STALE_AFTER_MS = 5 * 60_000;

/** Why the page will not give a verdict: it could not read one it can stand behind. */
export class NotVerifiable extends Error {
  constructor(message) {
    super(message);
    this.name = "NotVerifiable";
  }
}

let smoldot = null;

/** The one smoldot instance of the page, started in a worker on first use. */
function lightClient() {
  if (!smoldot) {
    smoldot = startFromWorker(new SmoldotWorker(), {
      // Errors and warnings only: the page reports what matters itself.
      maxLogLevel: 2,
    });
  }
  return smoldot;
}

/**
 * Reads the chain spec at `url`: its text, `name` and `bootNodes`. Only a spec the page's own
 * site serves is taken: the spec decides which chain is "verified", so a link must not be able
 * to hand the page another one.
 */
async function loadChainSpec(url) {
  let resolved;
  try {
    resolved = new URL(url, window.location.href);
  } catch {
    throw new NotVerifiable(`"${url}" is not a chain spec address.`);
  }
  if (resolved.origin !== window.location.origin) {
    throw new NotVerifiable(`The chain spec must come from this page's own site (${window.location.origin}), ` +
      `not ${resolved.origin}: the chain spec decides which chain the page verifies against.`);
  }
  let response;
  try {
    response = await fetch(resolved, { signal: AbortSignal.timeout(PATIENCE_MS) });
  } catch (error) {
    throw new NotVerifiable(`The chain spec ${url} could not be loaded (${error.message}).`);
  }
  if (!response.ok) {
    throw new NotVerifiable(`The chain spec ${url} could not be loaded (HTTP ${response.status}).`);
  }
  const text = await response.text();
  let spec;
  try {
    spec = JSON.parse(text);
  } catch {
    throw new NotVerifiable(`${url} is not a chain spec: it is not JSON.`);
  }
  if (!spec?.genesis?.raw && !spec?.genesis?.stateRootHash) {
    throw new NotVerifiable(`${url} is not a raw chain spec: a light client needs the genesis ` +
      "storage (export-chain-spec --raw).");
  }
  return { text, name: spec.name ?? spec.id ?? "this chain", bootNodes: spec.bootNodes ?? [] };
}

/**
 * A connection to the chain: `{ mode, source, client, api, health(), close() }`.
 * `mode` is "light" or "rpc"; `source` is the chain spec's name or the node's address.
 */
export async function connect({ mode, chainSpec, node }) {
  if (mode === "rpc") {
    if (!/^wss?:\/\/\S+$/i.test(node ?? "")) {
      throw new NotVerifiable(`"${node}" is not a node address: it must start with ws:// or wss://.`);
    }
    const client = createClient(getWsProvider(node, { timeout: 8_000 }));
    return {
      mode,
      source: node,
      trust: `Answers from the node at ${node}, trusted: this page does not check them.`,
      client,
      api: client.getTypedApi(govchain),
      close: () => client.destroy(),
    };
  }
  const spec = await loadChainSpec(chainSpec);
  if (!spec.bootNodes.length) {
    throw new NotVerifiable(`The chain spec ${chainSpec} names no bootnodes: a light client has ` +
      "no node to start from.");
  }
  let first;
  try {
    first = await lightClient().addChain({ chainSpec: spec.text });
  } catch (error) {
    throw new NotVerifiable(`The light client refused the chain spec ${chainSpec}: ${error.message}`);
  }
  // The first connection uses the chain added above (its errors reach the visitor); after a
  // halt, the provider asks again and gets a fresh one.
  const client = createClient(getSmProvider(() => {
    const chain = first ?? lightClient().addChain({ chainSpec: spec.text });
    first = null;
    return Promise.resolve(chain);
  }));
  return {
    mode: "light",
    source: spec.name,
    trust: `Verified by this browser's light client against ${spec.name}'s finalized state: ` +
      "no node is trusted.",
    client,
    api: client.getTypedApi(govchain),
    // Destroying the client removes its chain from smoldot.
    close: () => client.destroy(),
  };
}

/** `promise`, or a `NotVerifiable` with `message` if it takes longer than `ms`. */
export function within(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new NotVerifiable(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The peers and sync state the client reports (`system_health`), or `null` if it cannot say. */
export async function health(connection) {
  try {
    return await within(connection.client._request("system_health", []), 10_000, "no answer");
  } catch {
    return null;
  }
}

/**
 * Waits until the light client has peers and has caught up with them (its finalized block is
 * the network's, not the genesis it starts from); refuses after `PEERS_PATIENCE_MS`.
 */
async function synced(connection) {
  const deadline = Date.now() + PEERS_PATIENCE_MS;
  for (;;) {
    const state = await health(connection);
    if (state && state.peers > 0 && !state.isSyncing) return;
    if (Date.now() > deadline) {
      throw new NotVerifiable(state?.peers
        ? "The light client is still catching up with the network: no verified answer yet. " +
          "Try again in a few seconds."
        : "The light client reaches no node of the network (no peers): nothing can be verified. " +
          "Check the network connection and the chain spec's bootnodes.");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The finalized block every read of one check uses: `{ hash, number, time, stale, release }`,
 * held by the client (so that later reads of the check still find it) until `release()`.
 * Refuses (`NotVerifiable`) when the light client has no peer or is still syncing, when no
 * block is finalized within `PATIENCE_MS`, and at a block without a time (genesis: nothing
 * synced).
 */
export async function finalizedBlock(connection) {
  if (connection.mode === "light") await synced(connection);
  const block = await within(connection.client.getFinalizedBlock(), PATIENCE_MS,
    connection.mode === "light"
      ? "The light client has not learned a finalized block from the network: no verified " +
        "answer is possible. Check that a node of this chain is reachable."
      : `The node at ${connection.source} gave no finalized block.`);
  const release = connection.client.hodlBlock(block.hash);
  try {
    const millis = await reading(connection,
      connection.api.query.Timestamp.Now.getValue({ at: block.hash, signal: signal() }));
    if (!millis || block.number === 0) {
      throw new NotVerifiable(`The finalized block #${block.number} has no time: the ` +
        `${connection.mode === "light" ? "light client" : "node"} has not synced past the chain's ` +
        "start, so no answer can be relied on yet.");
    }
    const time = new Date(Number(millis));
    return {
      hash: block.hash,
      number: block.number,
      time,
      stale: Date.now() - time.getTime() > STALE_AFTER_MS,
      release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A fresh signal that aborts a read after `PATIENCE_MS`. */
export function signal() {
  return AbortSignal.timeout(PATIENCE_MS);
}

/**
 * Awaits one read of the chain; a read that times out, or whose proof or answer the client
 * rejects, becomes a `NotVerifiable` naming the connection's trust.
 */
export async function reading(connection, promise) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotVerifiable) throw error;
    if (/^(Incompatible runtime entry|Runtime entry .* not found)/.test(error?.message ?? "")) {
      throw new NotVerifiable("This chain's runtime does not have the registers this page reads " +
        `(${error.message}): the chain spec or node is for another chain, or the page is out of date.`);
    }
    if (error?.name === "BlockNotPinnedError") {
      throw new NotVerifiable("The block this check read at is no longer held by the client: " +
        "check again to read at the newest finalized block.");
    }
    const cause = error?.name === "TimeoutError" || error?.name === "AbortError"
      ? `no answer within ${PATIENCE_MS / 1000} s`
      : (error?.message ?? String(error));
    throw new NotVerifiable(connection.mode === "light"
      ? `The light client could not obtain a verified answer from the network (${cause}). ` +
        "No verdict is shown: a node may be lying, or none is reachable."
      : `The node at ${connection.source} did not answer (${cause}).`);
  }
}
