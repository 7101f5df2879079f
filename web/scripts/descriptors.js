// Prepares the page for one chain, before every build (`prebuild`, `predev`), from its raw chain
// spec: by default the repository's `../chain-specs/local.raw.json` (whose `:code` a test keeps
// equal to the runtime the node is built with); `GOVCHAIN_CHAIN_SPEC` names another (a national
// network's).
// - polkadot-api's typed descriptors of the chain's runtime: `papi add --wasm` reads the
//   metadata by executing the spec's wasm (no node running), `papi generate` writes
//   `.papi/descriptors`. Nothing is kept by hand.
// - `public/chain-spec.json`: the spec itself, which the build copies beside the page; the
//   light client starts from it and its bootnodes (they must include WebSocket addresses).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The storage key of the runtime's code, `:code`, in hex. */
const CODE_KEY = "0x3a636f6465";
const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const SPEC = process.env.GOVCHAIN_CHAIN_SPEC || path.join(WEB, "..", "chain-specs", "local.raw.json");
const PAPI = path.join(WEB, "node_modules", ".bin", "papi");

const spec = JSON.parse(fs.readFileSync(SPEC, "utf8"));
const code = spec.genesis?.raw?.top?.[CODE_KEY];
if (typeof code !== "string") {
  throw new Error(`${SPEC} is not a raw chain spec with the runtime's code (genesis.raw.top[":code"])`);
}
const wasm = path.join(WEB, ".papi", "runtime.wasm");
fs.writeFileSync(wasm, Buffer.from(code.slice(2), "hex"));
const papi = (...args) => execFileSync(PAPI, args, { cwd: WEB, stdio: ["ignore", "ignore", "inherit"] });
papi("add", "govchain", "--wasm", wasm, "--skip-codegen");
papi("generate");
fs.mkdirSync(path.join(WEB, "public"), { recursive: true });
fs.writeFileSync(path.join(WEB, "public", "chain-spec.json"), JSON.stringify(spec));
if (!(spec.bootNodes ?? []).some((address) => /\/(ws|wss|tls\/ws)\//.test(address))) {
  console.warn(`warning: ${SPEC} names no WebSocket bootnode: the page's light client cannot reach its network`);
}
console.log(`polkadot-api descriptors and public/chain-spec.json generated from the runtime in ${path.relative(process.cwd(), SPEC)}`);
