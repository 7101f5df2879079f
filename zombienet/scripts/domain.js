// Domain traffic over RPC on a live network, read back on another node: the council registers
// a public body holding every role but commercial banking and auditing, a commercial bank and
// an audit chamber (admin Dave); Dave appoints Ferdie the body's officer and fresh keys the
// bank's and the chamber's. Ferdie registers a citizen, a land parcel owned by her, accredits
// the body as a university and issues her a diploma, records a reserve, gives the bank a quota
// and opens a poll; the audit chamber attests the reserve; Ferdie mints to the bank; the bank
// credits the citizen; the citizen (holding no fee token) pays the body and votes. Node `reader` (first
// argument) then serves all of it through the registries' RPC methods. Returns 1, and leaves
// what it wrote in `domain.json` in the network's directory.
const fs = require("fs");
const path = require("path");
const { blake2AsHex } = require("@polkadot/util-crypto");
const { connect, dev, submit, councilMotion } = require("./lib");

const ROLES = ["CivilRegistry", "LandRegistrar", "Court", "EducationMinistry", "University",
  "CentralBank", "ElectionCommission"];
const DAY_MS = 86_400_000;
const UNITS = 100n; // the currency's smallest units per unit

async function rpc(api, method, params) {
  return api._rpcCore.provider.send(method, params);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function run(_nodeName, networkInfo, [reader]) {
  const api = await connect(networkInfo.nodesByName.alice.wsUri);
  const [dave, ferdie] = [dev("Dave"), dev("Ferdie")];
  const [banker, citizen] = [dev("Banker-zombienet"), dev("Citizen-zombienet")];
  const auditor = dev("Auditor-zombienet");

  const institution = (await api.query.identity.nextInstitutionId()).toNumber();
  const bank = institution + 1;
  const audit = institution + 2;
  const refused = await councilMotion(api, api.tx.utility.batchAll([
    api.tx.identity.registerInstitution(
      "Ministry", "GOV", blake2AsHex("Government of the Republic"), dave.address, ROLES),
    api.tx.identity.registerInstitution(
      "Agency", "BANK", blake2AsHex("National Savings Bank"), dave.address, ["CommercialBank"]),
    api.tx.identity.registerInstitution(
      "Agency", "AUDIT", blake2AsHex("National Audit Chamber"), dave.address, ["Auditor"]),
  ]));
  expect(!refused, `register_institution failed: ${refused}`);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  await submit(api, api.tx.utility.batchAll([
    api.tx.identity.appointOfficer(institution, ferdie.address, best + 5_000),
    api.tx.identity.appointOfficer(bank, banker.address, best + 5_000),
    api.tx.identity.appointOfficer(audit, auditor.address, best + 5_000),
  ]), dave);

  const citizenId = (await api.query.identity.nextCitizenId()).toNumber();
  const today = Math.floor(Date.now() / DAY_MS);
  const cadastral = "01:02:0304:567";
  const party = { Citizen: citizenId };
  const body = { Institution: institution };
  const pollStarts = best + 3;
  const asset = (await api.query.cbdc.nextAssetId()).toNumber();
  await submit(api, api.tx.utility.batchAll([
    api.tx.identity.registerCitizen(citizen.address, blake2AsHex("national id 1"), 7, "Standard"),
    api.tx.landTitles.registerParcel(
      { cadastralNumber: cadastral, area: 1_200, landUse: 101, documentHash: blake2AsHex("plan") },
      [{ owner: party, share: 1_000_000 }]),
    api.tx.diplomas.accredit(institution, { from: today - 365, until: today + 365 }),
    api.tx.diplomas.issue({ serial: "ZN-1", holder: citizenId, degree: "Bachelor", field: 613,
      issuedOn: today - 1, documentHash: blake2AsHex("diploma") }),
    api.tx.cbdc.recordReserveAsset("Gold", "XAU", 1_000, 1_000_000n * UNITS,
      { reportHash: blake2AsHex("valuation"), date: today - 1 }),
    api.tx.cbdc.setBankQuota(bank, 100_000n * UNITS),
    api.tx.voting.createElection({ questionHash: blake2AsHex("Build a park?"),
      options: [{ code: "YES", textHash: blake2AsHex("yes") }, { code: "NO", textHash: blake2AsHex("no") }],
      regions: null, votingStarts: pollStarts, votingEnds: pollStarts + 100, mode: "Public", trustees: [] }),
  ]), ferdie);
  const election = (await api.query.voting.nextElectionId()).toNumber() - 1;
  await submit(api, api.tx.cbdc.attestValuation(asset, 1_000, 1_000_000n * UNITS,
    { reportHash: blake2AsHex("audit"), date: today }), auditor);
  await submit(api, api.tx.cbdc.mint(bank, 100_000n * UNITS), ferdie);
  await submit(api, api.tx.cbdc.transfer({ Institution: bank }, party, 500n * UNITS), banker);

  // The citizen holds no fee token: her transactions go through her fee-free quota.
  const tokens = (await api.query.system.account(citizen.address)).data.free.toBigInt();
  expect(tokens === 0n, `the citizen holds ${tokens} of the fee token`);
  await submit(api, api.tx.cbdc.transfer(party, body, 20n * UNITS), citizen);
  for (;;) {
    if ((await api.rpc.chain.getHeader()).number.toNumber() >= pollStarts) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await submit(api, api.tx.voting.vote(election, 0), citizen);

  // Another node serves it all.
  const other = await connect(networkInfo.nodesByName[reader].wsUri);
  const target = (await api.rpc.chain.getHeader()).number.toNumber();
  for (;;) {
    if ((await other.rpc.chain.getHeader()).number.toNumber() >= target) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const registered = await other.query.identity.citizens(citizenId);
  expect(registered.isSome, "the citizen is unknown on the other node");
  const parcelId = await rpc(other, "landTitles_parcelByCadastralNumber", [cadastral]);
  expect(parcelId !== null, "the parcel is unknown on the other node");
  const owned = await rpc(other, "landTitles_parcelsOf", [{ citizen: citizenId }]);
  expect(JSON.stringify(owned).includes(String(parcelId)), `the citizen's parcels read ${JSON.stringify(owned)}`);
  const diplomaId = await rpc(other, "diplomas_id", [{ institution }, "ZN-1"]);
  const verdict = await rpc(other, "diplomas_verify", [diplomaId, blake2AsHex("diploma")]);
  expect(verdict === "valid", `the diploma verifies as ${JSON.stringify(verdict)}`);
  const balance = await rpc(other, "cbdc_balance", [{ citizen: citizenId }]);
  expect(balance.balance === (480n * UNITS).toString(), `the citizen holds ${JSON.stringify(balance)}`);
  const results = await rpc(other, "voting_results", [election]);
  expect(results.ballots === 1 && results.votes[0] === 1,
    `the poll reads ${JSON.stringify(results)}`);
  const voted = await rpc(other, "voting_voterStatus", [election, citizenId]);
  expect(voted === "voted", `the citizen's status reads ${voted}`);

  // For domain-intact.js, after the upgrade.
  fs.writeFileSync(path.join(networkInfo.tmpDir, "domain.json"),
    JSON.stringify({ institution, citizenId, cadastral, election }));
  await other.disconnect();
  await api.disconnect();
  return 1;
}

module.exports = { run };
