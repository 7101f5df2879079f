// Returns by how many blocks the node's finalized head advances while the test waits for it
// to advance by the first argument (giving up after the second argument, in seconds, with what
// it got): a stalled finality returns less than asked, and the assertion fails.
const { connect } = require("./lib");

async function run(nodeName, networkInfo, [wanted, seconds]) {
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const finalized = async () =>
    (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const start = await finalized();
  const deadline = Date.now() + Number(seconds) * 1000;
  let now = start;
  while (now - start < Number(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    now = await finalized();
  }
  console.log(`${nodeName}: finalized #${start} → #${now}`);
  await api.disconnect();
  return now - start;
}

module.exports = { run };
