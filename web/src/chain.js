// What every check needs from the chain itself: the block it reads at, and when a block was
// made (so that "revoked at block 42" can also say on which day).

/** Storage key of `Timestamp::Now`: twox128("Timestamp") ++ twox128("Now"). */
const TIMESTAMP_NOW = "0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb";

/** The best block: `{ hash, number }`. Every call of one check reads at this block. */
export async function bestBlock(client) {
  const hash = await client.call("chain_getBlockHash", []);
  const header = await client.call("chain_getHeader", [hash]);
  return { hash, number: Number.parseInt(header.number, 16) };
}

/** The chain's name, as the node reports it. */
export function chainName(client) {
  return client.call("system_chain", []);
}

const times = new Map();

/**
 * When block `number` was made, as a `Date`, or `null` if the node cannot say (a pruned
 * block, a future block, genesis).
 */
export function blockTime(client, number) {
  const key = `${client.url}#${number}`;
  if (!times.has(key)) {
    times.set(key, readBlockTime(client, number).catch(() => null));
  }
  return times.get(key);
}

async function readBlockTime(client, number) {
  const hash = await client.call("chain_getBlockHash", [number]);
  if (!hash) return null;
  const encoded = await client.call("state_getStorage", [TIMESTAMP_NOW, hash]);
  if (!encoded || encoded.length !== 18) return null;
  // A SCALE u64: eight bytes, little-endian, milliseconds since 1970.
  let millis = 0n;
  for (let byte = 7; byte >= 0; byte--) {
    millis = (millis << 8n) | BigInt(Number.parseInt(encoded.slice(2 + 2 * byte, 4 + 2 * byte), 16));
  }
  return millis === 0n ? null : new Date(Number(millis));
}
