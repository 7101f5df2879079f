// The council removes eve: after the session change she is out of the set and authors nothing
// in the next 10 blocks. The council alone cannot lower the minimum of 3 validators (a
// constitutional act: its motion fails `BadOrigin`); it removes dave (4 → 3), and a motion to
// remove charlie below the minimum is refused (`TooFewValidators`) and charlie stays. Returns
// the blocks eve authored after leaving (must be 0).
const { connect, dev, councilMotion, waitForBlock, authorOf } = require("./lib");

async function run(_nodeName, networkInfo) {
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const eve = dev("Eve").address;
  const dave = dev("Dave").address;
  const charlie = dev("Charlie").address;

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

  const lowered = await councilMotion(api, api.tx.validatorSet.setMinValidators(2));
  if (lowered !== "BadOrigin") {
    throw new Error(`the council lowering the minimum gave ${lowered}, not BadOrigin`);
  }
  const removed = await councilMotion(api, api.tx.validatorSet.removeValidator(dave));
  if (removed) throw new Error(`removing dave failed: ${removed}`);
  const belowMinimum = await councilMotion(api, api.tx.validatorSet.removeValidator(charlie));
  if (belowMinimum !== "validatorSet.TooFewValidators") {
    throw new Error(`removing below the minimum gave ${belowMinimum}, not TooFewValidators`);
  }
  const validators = (await api.query.validatorSet.validators()).map(String);
  if (!validators.includes(charlie)) throw new Error("charlie left the set");
  await api.disconnect();
  return authoredAfter;
}

module.exports = { run };
