// After the upgrade: what domain.js wrote (its `domain.json`) is still served, by node `reader`
// (first argument), which runs spec_version 101.
const fs = require("fs");
const path = require("path");
const { blake2AsHex } = require("@polkadot/util-crypto");
const { connect } = require("./lib");

async function run(_nodeName, networkInfo, [reader]) {
  const written = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, "domain.json")));
  const api = await connect(networkInfo.nodesByName[reader].wsUri);
  const send = (method, params) => api._rpcCore.provider.send(method, params);
  const diplomaId = await send("diplomas_id", [{ institution: written.institution }, "ZN-1"]);
  const verdict = await send("diplomas_verify", [diplomaId, blake2AsHex("diploma")]);
  if (verdict !== "valid") throw new Error(`the diploma verifies as ${JSON.stringify(verdict)}`);
  const parcel = await send("landTitles_parcelByCadastralNumber", [written.cadastral]);
  if (parcel === null) throw new Error("the parcel is gone");
  const balance = await send("cbdc_balance", [{ citizen: written.citizenId }]);
  if (balance.balance !== "48000") throw new Error(`the citizen holds ${JSON.stringify(balance)}`);
  const results = await send("voting_results", [written.election]);
  if (results === null || results.ballots !== 1) throw new Error(`the poll reads ${JSON.stringify(results)}`);
  const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  await api.disconnect();
  if (version !== 101) throw new Error(`${reader} runs spec_version ${version}`);
  return 1;
}

module.exports = { run };
