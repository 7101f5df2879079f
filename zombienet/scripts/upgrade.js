// A live runtime upgrade by governance: a council motion schedules the upgrade to the
// `increment-spec-version` wasm (path in GOVCHAIN_UPGRADE_WASM) with its legal reference; after
// the delay the scheduler authorizes it; Alice applies the code. Every node then runs
// spec_version + 1 and the chain keeps producing and finalizing blocks. Returns the new
// spec_version.
const fs = require("fs");
const { blake2AsHex } = require("@polkadot/util-crypto");
const { connect, dev, submit, councilMotion, waitForBlock } = require("./lib");

async function run(_nodeName, networkInfo) {
  const wasmPath = process.env.GOVCHAIN_UPGRADE_WASM;
  if (!wasmPath || !fs.existsSync(wasmPath)) throw new Error(`no upgrade wasm at ${wasmPath}`);
  const code = `0x${fs.readFileSync(wasmPath).toString("hex")}`;
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

  const reference = {
    instrumentHash: blake2AsHex("signed text of Decree 2026/117"),
    identifier: "Decree 2026/117 of the Council of Ministers",
  };
  const refused = await councilMotion(
    api,
    api.tx.governance.scheduleUpgrade(blake2AsHex(code), reference),
  );
  if (refused) throw new Error(`schedule_upgrade failed: ${refused}`);
  await waitForBlock(api, 180, async () => (await api.query.system.authorizedUpgrade()).isSome,
    "the upgrade's authorization");
  await submit(api, api.tx.system.applyAuthorizedUpgrade(code), dev("Alice"));

  const versions = [];
  for (const node of Object.values(networkInfo.nodesByName)) {
    const client = await connect(node.wsUri);
    await waitForBlock(client, 60, async () =>
      (await client.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1,
      `${node.name} on spec_version ${before + 1}`);
    versions.push((await client.rpc.state.getRuntimeVersion()).specVersion.toNumber());
    await client.disconnect();
  }
  await api.disconnect();
  return Math.min(...versions);
}

module.exports = { run };
