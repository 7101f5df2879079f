// Records the hashes of the blocks `node` (the first argument) has up to its best, in a file in
// the network's directory, so a later step can check the node kept them across a restart.
const fs = require("fs");
const path = require("path");
const { connect } = require("./lib");

async function run(_nodeName, networkInfo, [node]) {
  const api = await connect(networkInfo.nodesByName[node].wsUri);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const hashes = [];
  for (let number = 1; number <= best; number++) {
    hashes.push((await api.rpc.chain.getBlockHash(number)).toHex());
  }
  fs.writeFileSync(path.join(networkInfo.tmpDir, `${node}-blocks.json`), JSON.stringify(hashes));
  await api.disconnect();
  return hashes.length;
}

module.exports = { run };
