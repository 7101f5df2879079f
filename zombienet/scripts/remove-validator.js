// The council removes eve: after the session change she is out of the set and authors nothing
// in the next 10 blocks. Then, with the minimum raised to the 4 remaining validators, a motion
// to remove dave is refused (`TooFewValidators`) and dave stays. Returns the blocks eve
// authored after leaving (must be 0).
const { connect, dev, councilMotion, waitForBlock, authorOf } = require("./lib");

async function run(_nodeName, networkInfo) {
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const eve = dev("Eve").address;
  const dave = dev("Dave").address;

  const refused = await councilMotion(api, api.tx.validatorSet.removeValidator(eve));
  if (refused) throw new Error(`remove_validator failed: ${refused}`);
  const left = await waitForBlock(api, 300, async () => {
    const validators = await api.query.session.validators();
    return !validators.some((validator) => validator.toString() === eve);
  }, "eve out of the active set");

  let authoredAfter = 0;
  const start = left.number.toNumber();
  await waitForBlock(api, 180, async (header) => {
    if ((await authorOf(api, header.hash)) === eve) authoredAfter++;
    return header.number.toNumber() >= start + 10;
  }, "10 blocks after eve left");

  const raised = await councilMotion(api, api.tx.validatorSet.setMinValidators(4));
  if (raised) throw new Error(`set_min_validators failed: ${raised}`);
  const belowMinimum = await councilMotion(api, api.tx.validatorSet.removeValidator(dave));
  if (belowMinimum !== "validatorSet.TooFewValidators") {
    throw new Error(`removing below the minimum gave ${belowMinimum}, not TooFewValidators`);
  }
  const validators = (await api.query.validatorSet.validators()).map(String);
  if (!validators.includes(dave)) throw new Error("dave left the set");
  await api.disconnect();
  return authoredAfter;
}

module.exports = { run };
