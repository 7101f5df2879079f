// The council adds this node (eve) as a validator: the node makes new session keys with a proof
// that Eve owns them (`author_rotateKeysWithOwner`), Eve registers them (`session.set_keys`),
// a council motion calls `validatorSet.add_validator`; after the session change Eve is in the
// set and authors blocks. Sessions are shortened to 4 blocks first. Returns the number of blocks Eve authored within the wait.
const { u8aToHex } = require("@polkadot/util");
const { connect, dev, submit, councilMotion, waitForBlock, authorOf } = require("./lib");

async function run(nodeName, networkInfo) {
  const eveNode = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const eve = dev("Eve");

  // Short sessions, so the set changes within a minute.
  const shortened = await councilMotion(api, api.tx.validatorSet.setSessionLength(4));
  if (shortened) throw new Error(`set_session_length failed: ${shortened}`);
  const generated = await eveNode._rpcCore.provider.send("author_rotateKeysWithOwner", [
    u8aToHex(eve.publicKey),
  ]);
  await submit(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
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
