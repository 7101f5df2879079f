// Writes a small, deterministic government onto a fresh `--dev` chain, in as few blocks as the
// dependencies allow, and returns what it wrote.
//
// Block by block (each step waits for the previous one's block):
//   1. Alice (the council) registers five institutions and appoints their officers:
//      the Ministry (civil registry, land registrar, education ministry, central bank, election
//      commission; officer Ferdie), the Supreme Court (Eve), the National University of
//      Technology (Charlie), the Savings Bank (Bob) and the Audit Chamber (//Auditor); Dave is
//      their admin.
//   2. Ferdie registers three citizens and a parcel owned by citizen 1, accredits the
//      university, records a gold reserve, gives the bank a quota, and creates a public poll;
//      then the Audit Chamber attests the reserve, and then Ferdie mints to the bank (two more
//      blocks: nothing is minted on an unattested valuation).
//   3. Charlie issues two diplomas and revokes one; citizen 1 offers the parcel to the Ministry
//      for CBDC; Bob proposes two liens on it and credits the Ministry and citizen 2 in CBDC.
//   4. Ferdie, for the Ministry, accepts the offer and, as its land registrar, approves it (the
//      price moves in CBDC), then consents to both liens as the new owner, which registers
//      them; citizens 1 and 2 vote in the poll.
//   5. Bob releases the second lien.
//   6. Eve freezes the parcel under a case reference.
// So the parcel's history reads: registered, transferred, lien registered (twice), lien
// released, frozen. With `{ landHistory: false }` steps 4-6 are left out (and the votes).
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { blake2AsHex } = require("@polkadot/util-crypto");
const { u8aConcat, compactAddLength, stringToU8a, bnToU8a } = require("@polkadot/util");
const { dev, submit, councilMotion, waitForBlock } = require("./tx");

/** The fixtures' directory: the diplomas' PDF files. */
const FIXTURES = path.join(__dirname, "..", "fixtures");
/** The CBDC's smallest units per unit (two decimals). */
const UNITS = 100n;
/** Parts per million of a whole parcel. */
const WHOLE = 1_000_000;

/** Day `iso` (`YYYY-MM-DD`) as days since 1970-01-01, the registries' calendar. */
function day(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The SHA-256 of a file's bytes, as 0x-prefixed hex: the hash a verifier recomputes. */
function sha256File(file) {
  return `0x${crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")}`;
}

/** A diploma's id: blake2-256 of the SCALE encoding of (Issuer::Institution(id), serial). */
function diplomaId(institution, serial) {
  return blake2AsHex(u8aConcat([0], bnToU8a(institution, { bitLength: 32 }), compactAddLength(stringToU8a(serial))), 256);
}

/** The event `section.method` in `events`, or an error naming what the block emitted. */
function findEvent(events, section, method) {
  const record = events.find(({ event }) => event.section === section && event.method === method);
  if (!record) {
    const names = events.map(({ event }) => `${event.section}.${event.method}`).join(", ");
    throw new Error(`no ${section}.${method} among ${names}`);
  }
  return record.event;
}

/**
 * Seeds the chain `api` is connected to (a fresh `--dev` chain) and returns what it wrote:
 * `{ institution, institutions, officers, citizens, citizenAccounts, diplomas, parcel, cbdc,
 * election, poll, blocks }` (see the file's header). Ids are read from the chain, so a seed on
 * a chain that already holds records still works, but only a fresh chain gives the documented
 * ids.
 */
async function seed(api, options = {}) {
  const { landHistory = true } = options;
  const accounts = {
    ministry: dev(api, "Ferdie"),
    court: dev(api, "Eve"),
    university: dev(api, "Charlie"),
    bank: dev(api, "Bob"),
    admin: dev(api, "Dave"),
    auditor: dev(api, "Auditor"),
  };
  const citizenKeys = ["Citizen-1", "Citizen-2", "Citizen-3"].map((name) => dev(api, name));
  const blocks = {};

  // 1. The council registers the institutions and appoints their officers.
  const first = (await api.query.identity.nextInstitutionId()).toNumber();
  const institutions = { ministry: first, court: first + 1, university: first + 2, bank: first + 3,
    audit: first + 4 };
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const officerUntil = best + 100_000;
  const registered = await councilMotion(api, api.tx.utility.batchAll([
    api.tx.identity.registerInstitution("Ministry", "MPS", blake2AsHex("Ministry of Public Services"),
      accounts.admin.address,
      ["CivilRegistry", "LandRegistrar", "EducationMinistry", "CentralBank", "ElectionCommission"]),
    api.tx.identity.registerInstitution("Court", "SUP-COURT", blake2AsHex("Supreme Court"),
      accounts.admin.address, ["Court"]),
    api.tx.identity.registerInstitution("University", "NUT", blake2AsHex("National University of Technology"),
      accounts.admin.address, ["University"]),
    api.tx.identity.registerInstitution("Bank", "SAVINGS", blake2AsHex("National Savings Bank"),
      accounts.admin.address, ["CommercialBank"]),
    api.tx.identity.registerInstitution("Agency", "AUDIT", blake2AsHex("National Audit Chamber"),
      accounts.admin.address, ["Auditor"]),
    api.tx.identity.appointOfficer(institutions.ministry, accounts.ministry.address, officerUntil),
    api.tx.identity.appointOfficer(institutions.court, accounts.court.address, officerUntil),
    api.tx.identity.appointOfficer(institutions.university, accounts.university.address, officerUntil),
    api.tx.identity.appointOfficer(institutions.bank, accounts.bank.address, officerUntil),
    api.tx.identity.appointOfficer(institutions.audit, accounts.auditor.address, officerUntil),
  ]));
  blocks.institutions = registered.blockNumber;

  // 2. The ministry's officer: citizens, the parcel, accreditation, reserve and mint, the poll.
  const firstCitizen = (await api.query.identity.nextCitizenId()).toNumber();
  const citizens = [firstCitizen, firstCitizen + 1, firstCitizen + 2];
  const parcel = {
    id: (await api.query.landTitles.nextParcelId()).toNumber(),
    cadastralNumber: "01:02:0304:567",
    area: 1_200,
    landUse: 101,
    documentHash: blake2AsHex("survey plan 01:02:0304:567"),
  };
  const accreditation = { from: day("2020-09-01"), until: day("2099-12-31") };
  const cbdc = {
    bank: institutions.bank,
    asset: (await api.query.cbdc.nextAssetId()).toNumber(),
    reserve: { class: "Gold", code: "XAU", quantity: 1_000, valuation: 1_000_000n * UNITS,
      reportHash: blake2AsHex("central bank audit 2024"), date: day("2024-06-30") },
    audit: { reportHash: blake2AsHex("audit chamber report 2024"), date: day("2024-07-15") },
    quota: 100_000n * UNITS,
    minted: 50_000n * UNITS,
    creditedToMinistry: 500n * UNITS,
    creditedToCitizen: 200n * UNITS,
    price: 300n * UNITS,
  };
  const election = (await api.query.voting.nextElectionId()).toNumber();
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const poll = {
    id: election,
    questionHash: blake2AsHex("Should the city build a park on the old rail yard?"),
    options: [{ code: "YES", textHash: blake2AsHex("yes") }, { code: "NO", textHash: blake2AsHex("no") }],
    votingStarts: now + 3,
    votingEnds: now + 3 + 600,
  };
  const ministryBatch = await submit(api, api.tx.utility.batchAll([
    api.tx.identity.registerCitizen(citizenKeys[0].address, blake2AsHex("national id AA1234567"), 7, "Standard"),
    api.tx.identity.registerCitizen(citizenKeys[1].address, blake2AsHex("national id BB7654321"), 7, "Enhanced"),
    api.tx.identity.registerCitizen(citizenKeys[2].address, blake2AsHex("national id CC1112223"), 12, "Basic"),
    api.tx.landTitles.registerParcel(
      { cadastralNumber: parcel.cadastralNumber, area: parcel.area, landUse: parcel.landUse,
        documentHash: parcel.documentHash },
      [{ owner: { Citizen: citizens[0] }, share: WHOLE }]),
    api.tx.diplomas.accredit(institutions.university, accreditation),
    api.tx.cbdc.recordReserveAsset(cbdc.reserve.class, cbdc.reserve.code, cbdc.reserve.quantity,
      cbdc.reserve.valuation, { reportHash: cbdc.reserve.reportHash, date: cbdc.reserve.date }),
    api.tx.cbdc.setBankQuota(institutions.bank, cbdc.quota),
    api.tx.voting.createElection({ questionHash: poll.questionHash, options: poll.options, regions: null,
      votingStarts: poll.votingStarts, votingEnds: poll.votingEnds, mode: "Public", trustees: [] }),
  ]), accounts.ministry);
  blocks.registries = ministryBatch.blockNumber;
  findEvent(ministryBatch.events, "landTitles", "ParcelRegistered");
  const attested = await submit(api, api.tx.cbdc.attestValuation(cbdc.asset, cbdc.reserve.quantity,
    cbdc.reserve.valuation, cbdc.audit), accounts.auditor);
  findEvent(attested.events, "cbdc", "ValuationAttested");
  const minted = await submit(api, api.tx.cbdc.mint(institutions.bank, cbdc.minted), accounts.ministry);
  blocks.minted = minted.blockNumber;
  findEvent(minted.events, "cbdc", "Minted");

  // 3. Diplomas; the offer; lien proposals and a CBDC credit, in one block.
  const diploma = (file, serial, holder, degree, issuedOn) => {
    const pdfPath = path.join(FIXTURES, file);
    return { id: diplomaId(institutions.university, serial), serial, issuer: institutions.university,
      holder, degree, field: 613, issuedOn, pdfPath, documentHash: sha256File(pdfPath) };
  };
  const diplomas = {
    valid: diploma("diploma-valid.pdf", "NUT-2024-0613-001", citizens[0], "Bachelor", day("2024-06-28")),
    revoked: { ...diploma("diploma-revoked.pdf", "NUT-2023-0613-042", citizens[1], "Master", day("2023-06-30")),
      reason: "IssuedInError" },
  };
  const spec = ({ serial, holder, degree, field, issuedOn, documentHash }) =>
    ({ serial, holder, degree, field, issuedOn, documentHash });
  const offer = (await api.query.landTitles.nextOfferId()).toNumber();
  const firstLien = (await api.query.landTitles.nextLienId()).toNumber();
  parcel.offer = offer;
  parcel.liens = [
    { id: firstLien, reference: blake2AsHex("mortgage contract SAV-2024-001") },
    { id: firstLien + 1, reference: blake2AsHex("mortgage contract SAV-2024-002") },
  ];
  const step3 = [
    submit(api, api.tx.utility.batchAll([
      api.tx.diplomas.issue(spec(diplomas.valid)),
      api.tx.diplomas.issue(spec(diplomas.revoked)),
      api.tx.diplomas.revoke(diplomas.revoked.id, diplomas.revoked.reason),
    ]), accounts.university),
  ];
  if (landHistory) {
    const expiresAt = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;
    step3.push(
      submit(api, api.tx.landTitles.createOffer(parcel.id, [{ owner: { Citizen: citizens[0] }, share: WHOLE }],
        { Institution: institutions.ministry }, { Cbdc: cbdc.price }, expiresAt, false), citizenKeys[0]),
      submit(api, api.tx.utility.batchAll([
        api.tx.landTitles.proposeLien(parcel.id, parcel.liens[0].reference),
        api.tx.landTitles.proposeLien(parcel.id, parcel.liens[1].reference),
        api.tx.cbdc.transfer({ Institution: institutions.bank }, { Institution: institutions.ministry },
          cbdc.creditedToMinistry),
        api.tx.cbdc.transfer({ Institution: institutions.bank }, { Citizen: citizens[1] }, cbdc.creditedToCitizen),
      ]), accounts.bank),
    );
  }
  const [issued] = await Promise.all(step3);
  blocks.diplomas = issued.blockNumber;
  const issuedIds = issued.events
    .filter(({ event }) => event.section === "diplomas" && event.method === "DiplomaIssued")
    .map(({ event }) => event.data[0].toHex());
  if (issuedIds[0] !== diplomas.valid.id || issuedIds[1] !== diplomas.revoked.id) {
    throw new Error(`the diplomas were issued as ${issuedIds}, expected ${diplomas.valid.id}, ${diplomas.revoked.id}`);
  }
  findEvent(issued.events, "diplomas", "DiplomaRevoked");

  if (landHistory) {
    // 4. The Ministry buys: its officer accepts, approves as registrar and consents to the
    // liens as the new owner; two citizens vote once the poll is open.
    await waitForBlock(api, poll.votingStarts - 1);
    const [bought, ...votes] = await Promise.all([
      submit(api, api.tx.utility.batchAll([
        api.tx.landTitles.acceptOffer(offer),
        api.tx.landTitles.approveTransfer(offer),
        ...parcel.liens.map(({ id }) => api.tx.landTitles.consentLien(id)),
      ]), accounts.ministry),
      submit(api, api.tx.voting.vote(election, 0), citizenKeys[0]),
      submit(api, api.tx.voting.vote(election, 1), citizenKeys[1]),
    ]);
    findEvent(bought.events, "landTitles", "TitleTransferred");
    findEvent(bought.events, "landTitles", "LienRegistered");
    votes.forEach(({ events }) => findEvent(events, "voting", "VoteCast"));
    poll.votes = [{ citizen: citizens[0], option: 0 }, { citizen: citizens[1], option: 1 }];
    blocks.transfer = bought.blockNumber;
    blocks.votes = votes[0].blockNumber;
    // 5. The bank releases the second lien.
    const released = await submit(api, api.tx.landTitles.releaseLien(parcel.id, parcel.liens[1].id), accounts.bank);
    findEvent(released.events, "landTitles", "LienReleased");
    blocks.lienReleased = released.blockNumber;
    parcel.releasedLien = parcel.liens[1].id;
    // 6. A court freezes the parcel.
    parcel.freezeCase = blake2AsHex("Supreme Court case 2024-CV-0042");
    const frozen = await submit(api, api.tx.landTitles.freezeParcel(parcel.id, parcel.freezeCase), accounts.court);
    findEvent(frozen.events, "landTitles", "ParcelFrozen");
    blocks.freeze = frozen.blockNumber;
    parcel.owner = { institution: institutions.ministry };
  } else {
    parcel.owner = { citizen: citizens[0] };
  }

  return {
    institution: institutions.ministry,
    institutions,
    officers: Object.fromEntries(Object.entries(accounts).map(([role, pair]) => [role, pair.address])),
    citizens,
    citizenAccounts: citizenKeys.map((pair) => pair.address),
    accreditation,
    diplomas,
    parcel,
    cbdc,
    election,
    poll,
    blocks,
  };
}

module.exports = { seed, day, sha256File, diplomaId, UNITS, FIXTURES };
