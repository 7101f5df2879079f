// @polkadot/api, unmodified and without custom types, against a seeded dev chain: every type in
// the metadata resolves, every storage item of the govchain pallets and every event of every
// block decode, a Keyring account signs a balance transfer and a registry call, and a transfer
// signed with the metadata hash an offline signer computes is accepted.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { decodeAddress, encodeAddress } = require("@polkadot/util-crypto");
const { u8aEq, u8aToHex } = require("@polkadot/util");
const { merkleizeMetadata } = require("@polkadot-api/merkleize-metadata");
const { startDevNode } = require("../lib/node");
const { connect, dev, submit, eventNames } = require("../lib/tx");
const { seed, UNITS } = require("../lib/seed");
const { call } = require("../lib/rpc");

/** The govchain pallets, by their names in the metadata. */
const GOVCHAIN_PALLETS = ["ValidatorSet", "Governance", "Identity", "LandTitles", "Diplomas", "Cbdc", "Voting"];

let node;
let api;
let seeded;

before(async () => {
  node = await startDevNode();
  api = await connect(node.wsUrl);
  seeded = await seed(api);
}, { timeout: 180_000 });

after(async () => {
  if (api) await api.disconnect();
  if (node) await node.stop();
});

/** The `section` name @polkadot/api gives a pallet (`LandTitles` → `landTitles`). */
const section = (pallet) => pallet[0].toLowerCase() + pallet.slice(1);

/** Whether `address` (in any SS58 format) is the account of `pair`. */
const isAccount = (address, pair) => u8aEq(decodeAddress(address.toString()), pair.publicKey);

test("the chain's properties reach the registry and the keyring", async () => {
  const properties = await call(api, "system_properties");
  assert.equal(properties.ss58Format, 4242, "govchain's own SS58 prefix (runtime/src/token.rs)");
  // The runtime's own prefix (which @polkadot/api prefers) and the chain spec's must agree.
  assert.equal(api.consts.system.ss58Prefix.toNumber(), properties.ss58Format,
    "system.SS58Prefix differs from the chain spec's ss58Format");
  assert.equal(api.registry.chainSS58, properties.ss58Format);
  assert.deepEqual(api.registry.chainDecimals, [12]);
  assert.deepEqual(api.registry.chainTokens, ["GOV"]);
  const alice = dev(api, "Alice");
  assert.equal(alice.address, encodeAddress(alice.publicKey, properties.ss58Format));
  // Accounts the chain returns are encoded with the chain's prefix too.
  const [validator] = (await api.query.validatorSet.validators()).toArray();
  assert.equal(validator.toString(), alice.address);
});

test("every type in the metadata resolves and has a default value", () => {
  const { lookup } = api.registry;
  assert.ok(lookup.types.length > 100, `only ${lookup.types.length} types in the metadata`);
  const failures = [];
  for (let id = 0; id < lookup.types.length; id += 1) {
    try {
      const def = lookup.getTypeDef(id);
      assert.ok(def.type, "no type name");
      api.registry.createTypeUnsafe(api.registry.createLookupType(id), []).toJSON();
    } catch (error) {
      failures.push(`${id} ${lookup.getSiType(id).path.join("::")}: ${error.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("every storage item of the govchain pallets decodes", async () => {
  const pallets = api.runtimeMetadata.asLatest.pallets;
  const names = pallets.map(({ name }) => name.toString());
  for (const pallet of GOVCHAIN_PALLETS) assert.ok(names.includes(pallet), `no pallet ${pallet} in ${names}`);

  const failures = [];
  const counts = {};
  for (const pallet of pallets.filter(({ name }) => GOVCHAIN_PALLETS.includes(name.toString()))) {
    const items = pallet.storage.unwrap().items;
    for (const item of items) {
      const name = `${pallet.name}.${item.name}`;
      const query = api.query[section(pallet.name.toString())][section(item.name.toString())];
      try {
        assert.ok(query, "not exposed by api.query");
        if (item.type.isMap) {
          const entries = await query.entries();
          for (const [key, value] of entries) {
            key.args.forEach((arg) => arg.toJSON());
            value.toJSON();
          }
          counts[name] = entries.length;
        } else {
          const value = await query();
          value.toJSON();
          counts[name] = value.isEmpty ? 0 : 1;
        }
      } catch (error) {
        failures.push(`${name}: ${error.message}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  // What the seed wrote is there (every key it wrote, and no more).
  assert.equal(counts["Identity.Institutions"], 5);
  assert.equal(counts["Identity.Officers"], 5);
  assert.equal(counts["Identity.Citizens"], 3);
  assert.equal(counts["LandTitles.Parcels"], 1);
  assert.equal(counts["LandTitles.ParcelLiens"], 1);
  assert.equal(counts["LandTitles.Freezes"], 1);
  assert.equal(counts["LandTitles.Offers"], 0, "a settled offer is removed");
  assert.equal(counts["LandTitles.LienProposals"], 0, "registered liens are no longer proposals");
  assert.equal(counts["Diplomas.Records"], 2);
  assert.equal(counts["Diplomas.History"], 1);
  assert.equal(counts["Diplomas.Accreditations"], 1);
  assert.equal(counts["Cbdc.ReserveAssets"], 1);
  assert.equal(counts["Cbdc.Holders"], 4);
  assert.equal(counts["Voting.Elections"], 1);
  assert.equal(counts["Voting.Ballots"], 2);
  assert.equal(counts["ValidatorSet.Validators"], 1);
});

test("the seeded records decode to what was written", async () => {
  const { institutions, citizens, parcel, diplomas, cbdc } = seeded;
  const dave = dev(api, "Dave");

  const ministry = (await api.query.identity.institutions(institutions.ministry)).unwrap();
  assert.equal(ministry.kind.toString(), "Ministry");
  assert.equal(ministry.shortCode.toUtf8(), "MPS");
  assert.ok(isAccount(ministry.admin, dave), `admin ${ministry.admin}`);
  assert.deepEqual(ministry.roles.toJSON(),
    ["CivilRegistry", "LandRegistrar", "EducationMinistry", "CentralBank", "ElectionCommission"]);
  const officer = (await api.query.identity.officers(dev(api, "Eve").address)).unwrap();
  assert.equal(officer.institution.toNumber(), institutions.court);
  const citizen = (await api.query.identity.citizens(citizens[1])).unwrap();
  assert.equal(citizen.account.toString(), seeded.citizenAccounts[1]);
  assert.equal(citizen.kycTier.toString(), "Enhanced");
  assert.equal(citizen.region.unwrap().toNumber(), 7);
  assert.equal((await api.query.identity.activeCitizens()).toNumber(), 3);

  const record = (await api.query.landTitles.parcels(parcel.id)).unwrap();
  assert.equal(record.spec.cadastralNumber.toUtf8(), parcel.cadastralNumber);
  assert.equal(record.spec.area.toNumber(), parcel.area);
  assert.deepEqual(record.title.toJSON(), [{ owner: { institution: institutions.ministry }, share: 1_000_000 }]);
  const liens = (await api.query.landTitles.parcelLiens(parcel.id)).toArray();
  assert.deepEqual(liens.map((lien) => [lien.id.toNumber(), lien.bank.toNumber(), lien.reference.toHex()]),
    [[parcel.liens[0].id, institutions.bank, parcel.liens[0].reference]]);
  const freeze = (await api.query.landTitles.freezes(parcel.id)).unwrap();
  assert.equal(freeze.court.toNumber(), institutions.court);
  assert.equal(freeze.case.toHex(), parcel.freezeCase);

  const valid = (await api.query.diplomas.records(diplomas.valid.id)).unwrap();
  assert.equal(valid.spec.serial.toUtf8(), diplomas.valid.serial);
  assert.equal(valid.spec.documentHash.toHex(), diplomas.valid.documentHash);
  assert.equal(valid.spec.degree.toString(), "Bachelor");
  assert.ok(valid.status.isValid, `status ${valid.status}`);
  const revoked = (await api.query.diplomas.records(diplomas.revoked.id)).unwrap();
  assert.ok(revoked.status.isRevoked, `status ${revoked.status}`);
  assert.equal(revoked.status.asRevoked.reason.toString(), diplomas.revoked.reason);
  assert.equal((await api.query.diplomas.diplomaCount()).toNumber(), 2);

  const asset = (await api.query.cbdc.reserveAssets(cbdc.asset)).unwrap();
  assert.equal(asset.code.toUtf8(), "XAU");
  assert.equal(asset.valuation.toBigInt(), cbdc.reserve.valuation);
  assert.equal(asset.counted.toBigInt(), cbdc.reserve.valuation, "the audit chamber attested it");
  assert.equal(asset.audit.unwrap().auditor.toNumber(), institutions.audit);
  assert.equal((await api.query.cbdc.totalSupply()).toBigInt(), cbdc.minted);
  const balance = async (party) => (await api.query.cbdc.holders(party)).balance.toBigInt();
  assert.equal(await balance({ Citizen: citizens[0] }), cbdc.price, "the seller was paid in CBDC");
  assert.equal(await balance({ Institution: institutions.ministry }), cbdc.creditedToMinistry - cbdc.price);
  assert.equal(await balance({ Institution: institutions.bank }),
    cbdc.minted - cbdc.creditedToMinistry - cbdc.creditedToCitizen);
  assert.equal(cbdc.price, 300n * UNITS);

  const tally = (await api.query.voting.tallies(seeded.election)).unwrap();
  assert.deepEqual(tally.toJSON(), { votes: [1, 1], ballots: 2 });
});

/** Adds the names of `call` and of every call nested in it (batches, motions) to `names`. */
function collectCalls(call, names) {
  names.add(`${call.section}.${call.method}`);
  for (const arg of call.args) {
    const nested = Array.isArray(arg) ? arg : [arg];
    for (const item of nested) if (item && item.section && item.method && item.args) collectCalls(item, names);
  }
}

test("every event and extrinsic from genesis to head decodes", async () => {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  assert.ok(head >= seeded.blocks.freeze, `head ${head} is before the seed's last block`);
  const seen = new Set();
  const calls = new Set();
  for (let number = 0; number <= head; number += 1) {
    const hash = await api.rpc.chain.getBlockHash(number);
    const events = await api.query.system.events.at(hash);
    for (const { event, phase } of events) {
      event.data.toJSON();
      phase.toJSON();
      seen.add(`${event.section}.${event.method}`);
    }
    const { block } = await api.rpc.chain.getBlock(hash);
    for (const extrinsic of block.extrinsics) {
      extrinsic.toHuman();
      collectCalls(extrinsic.method, calls);
    }
  }
  const expected = {
    council: ["Executed"],
    identity: ["InstitutionRegistered", "OfficerAppointed", "CitizenRegistered"],
    landTitles: ["ParcelRegistered", "OfferCreated", "OfferAccepted", "TitleTransferred", "LienProposed",
      "LienConsented", "LienRegistered", "LienReleased", "ParcelFrozen"],
    diplomas: ["Accredited", "DiplomaIssued", "DiplomaRevoked"],
    cbdc: ["ReserveAssetRecorded", "ValuationAttested", "BankQuotaSet", "Minted", "Transferred"],
    voting: ["ElectionCreated", "VoteCast"],
  };
  const missing = Object.entries(expected)
    .flatMap(([pallet, names]) => names.map((name) => `${pallet}.${name}`))
    .filter((name) => !seen.has(name));
  assert.deepEqual(missing, [], `seen: ${[...seen].sort().join(", ")}`);
  for (const call of ["council.propose", "identity.registerInstitution", "landTitles.createOffer",
    "landTitles.approveTransfer", "diplomas.issue", "diplomas.revoke", "cbdc.mint", "voting.vote"]) {
    assert.ok(calls.has(call), `no ${call} among the decoded calls`);
  }
});

test("a Keyring account signs a balance transfer and a registry call", async () => {
  const alice = dev(api, "Alice");
  const ferdie = dev(api, "Ferdie");
  const recipient = dev(api, "Recipient");
  const newcomer = dev(api, "Citizen-4");
  const amount = 1_000_000_000_000n; // 1 GOV
  const citizen = (await api.query.identity.nextCitizenId()).toNumber();
  const ferdieBefore = (await api.query.system.account(ferdie.address)).data.free.toBigInt();

  const [transfer, registration] = await Promise.all([
    submit(api, api.tx.balances.transferKeepAlive(recipient.address, amount), alice),
    submit(api, api.tx.identity.registerCitizen(newcomer.address, "0x" + "ab".repeat(32), 3, "Basic"), ferdie),
  ]);

  const transferred = transfer.events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transferred, `no balances.Transfer in ${eventNames(transfer.events)}`);
  const { from, to, amount: moved } = transferred.event.data;
  assert.ok(isAccount(from, alice));
  assert.ok(isAccount(to, recipient));
  assert.equal(moved.toBigInt(), amount);
  const fee = transfer.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(fee && fee.event.data.actualFee.toBigInt() > 0n, "Alice, no officer, pays a fee");
  assert.equal((await api.query.system.account(recipient.address)).data.free.toBigInt(), amount);

  const registered = registration.events.find(({ event }) => api.events.identity.CitizenRegistered.is(event));
  assert.ok(registered, `no identity.CitizenRegistered in ${eventNames(registration.events)}`);
  assert.equal(registered.event.data[0].toNumber(), citizen);
  const stored = (await api.query.identity.citizens(citizen)).unwrap();
  assert.ok(isAccount(stored.account, newcomer));
  assert.equal(stored.kycTier.toString(), "Basic");
  const ferdieAfter = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
  assert.equal(ferdieAfter, ferdieBefore, "an officer's registry call uses its quota, not the fee token");
});

test("an offline signer's metadata hash (CheckMetadataHash) is the one the runtime checks", async () => {
  // What a hardware wallet does: merkleize the metadata itself (RFC 78) and sign its digest.
  const metadata = (await api.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
  const properties = await api.rpc.system.properties();
  const digest = merkleizeMetadata(metadata, {
    decimals: properties.tokenDecimals.unwrap()[0].toNumber(),
    tokenSymbol: properties.tokenSymbol.unwrap()[0].toString(),
  }).digest();
  const alice = dev(api, "Alice");
  const recipient = dev(api, "Offline-recipient");
  const amount = 2_000_000_000_000n;

  const forged = api.tx.balances.transferKeepAlive(recipient.address, amount);
  await forged.signAsync(alice, { mode: 1, metadataHash: "0x" + "11".repeat(32) });
  await assert.rejects(api.rpc.author.submitExtrinsic(forged), /bad signature/i,
    "a signature over another metadata hash is refused");

  const signed = api.tx.balances.transferKeepAlive(recipient.address, amount);
  await signed.signAsync(alice, { mode: 1, metadataHash: u8aToHex(digest) });
  await new Promise((resolve, reject) => {
    signed.send(({ status, dispatchError }) => {
      if (status.isInvalid || status.isDropped) reject(new Error(`the transfer was ${status.type}`));
      if (!status.isInBlock) return;
      if (dispatchError) reject(new Error(`the transfer failed: ${dispatchError}`));
      else resolve();
    }).catch(reject);
  });
  assert.equal((await api.query.system.account(recipient.address)).data.free.toBigInt(), amount);
});
