// The council adds this node (eve) as a validator, the way an operator's `govchain-keys rotate`
// does it: `govchain-node session-keys rotate` writes new session keys into eve's running node's
// keystore directory, with a proof that Eve owns them, and Eve registers them
// (`session.set_keys`) through the node's RPC; a council motion calls
// `validatorSet.add_validator`; after the session change Eve is in the set and authors blocks,
// with keys her node never made itself (it reads them from its keystore when it signs). Sessions
// are shortened to 4 blocks first. Returns the number of blocks Eve authored within the wait.
const { execFile } = require("child_process");
const fs = require("fs");
const path = require("path");
const { u8aToHex } = require("@polkadot/util");
const { connect, dev, submit, councilMotion, waitForBlock, authorOf } = require("./lib");

async function run(nodeName, networkInfo) {
  const eveNode = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const eve = dev("Eve");

  // Short sessions, so the set changes within a minute.
  const shortened = await councilMotion(api, api.tx.validatorSet.setSessionLength(4));
  if (shortened) throw new Error(`set_session_length failed: ${shortened}`);
  // Eve's base path under the native provider: <tmpDir>/<node>/data; one chain in it.
  const chains = path.join(networkInfo.tmpDir, nodeName, "data", "chains");
  const [chain, ...others] = fs.readdirSync(chains);
  if (!chain || others.length) throw new Error(`expected one chain under ${chains}`);
  const keystore = path.join(chains, chain, "keystore");
  const before = fs.readdirSync(keystore).length;
  const output = await new Promise((resolve, reject) => {
    execFile(
      process.env.GOVCHAIN_NODE,
      ["session-keys", "rotate", "--keystore-path", keystore, "--url", networkInfo.nodesByName[nodeName].wsUri],
      { env: { ...process.env, GOVCHAIN_VALIDATOR_SURI: "//Eve" }, timeout: 180000 },
      (error, stdout, stderr) => (error ? reject(new Error(`session-keys rotate: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout)),
    );
  });
  if (!output.includes("the chain holds the new keys")) throw new Error(`session-keys rotate said: ${output}`);
  const made = fs.readdirSync(keystore).length - before;
  if (made !== 2) throw new Error(`session-keys rotate made ${made} key files, not 2`);
  const registered = (await api.query.session.nextKeys(eve.address)).unwrap();
  // Zombienet put //Eve's keys in eve's keystore: registering those would prove nothing.
  if (registered.aura.toHex() === u8aToHex(eve.publicKey)) throw new Error("Eve registered her //Eve key, not new ones");
  const refused = await councilMotion(api, api.tx.validatorSet.addValidator(eve.address));
  if (refused) throw new Error(`add_validator failed: ${refused}`);

  await waitForBlock(api, 300, async () => {
    const validators = await api.query.session.validators();
    return validators.some((validator) => validator.toString() === eve.address);
  }, "eve in the active set");
  let authored = 0;
  await waitForBlock(api, 120, async (header) => {
    if ((await authorOf(api, header.hash)) === eve.address) authored++;
    return authored >= 1;
  }, "a block authored by eve");
  await eveNode.disconnect();
  await api.disconnect();
  return authored;
}

module.exports = { run };
