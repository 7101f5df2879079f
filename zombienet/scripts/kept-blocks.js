// After a restart: the node (first argument) still has every block recorded by
// record-blocks.js, with the same hashes as this node, and has caught up with this node's
// finalized head. Returns the number of recorded blocks it kept.
const fs = require("fs");
const path = require("path");
const { connect } = require("./lib");

async function run(nodeName, networkInfo, [node]) {
  const recorded = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, `${node}-blocks.json`)));
  const reference = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const restarted = await connect(networkInfo.nodesByName[node].wsUri);
  let kept = 0;
  for (let index = 0; index < recorded.length; index++) {
    const number = index + 1;
    const own = (await restarted.rpc.chain.getBlockHash(number)).toHex();
    const canonical = (await reference.rpc.chain.getBlockHash(number)).toHex();
    if (own !== recorded[index]) throw new Error(`${node} lost block #${number}: ${own} ≠ ${recorded[index]}`);
    if (own !== canonical) throw new Error(`${node}'s block #${number} is not ${nodeName}'s`);
    kept++;
  }
  const target = (await reference.rpc.chain.getHeader(await reference.rpc.chain.getFinalizedHead())).number.toNumber();
  for (;;) {
    const best = (await restarted.rpc.chain.getHeader()).number.toNumber();
    if (best >= target) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  await reference.disconnect();
  await restarted.disconnect();
  return kept;
}

module.exports = { run };
