// Verifying a diploma: its id and the SHA-256 of the document the visitor holds go to the
// runtime API `DiplomasApi.verify`; `DiplomasApi.diploma` and `DiplomasApi.accreditation`
// explain the verdict. Every read is at one finalized block, through the connection's client
// (the light client checks each answer's proof).
import { finalizedBlock, reading, signal } from "./connection.js";
import { details, h, hash, table } from "./dom.js";
import * as format from "./format.js";
import { addResult, context } from "./results.js";

/** A diploma id: `0x` and 64 hex digits. */
export const DIPLOMA_ID = /^0x[0-9a-fA-F]{64}$/;

/** A serial number as the register admits it. */
export const SERIAL = /^[A-Za-z0-9./-]{1,32}$/;

/** Each verdict of `DiplomasApi.verify`: the result's class, its words, what it means. */
const VERDICTS = {
  Valid: {
    status: "valid",
    text: "Valid",
    meaning: "This diploma is registered, has not been revoked, the document you chose is the " +
      "one it was issued with, and its issuer was accredited on the date of issue.",
  },
  Revoked: {
    status: "revoked",
    text: "Revoked",
    meaning: "This diploma was registered but has been revoked: it no longer attests the degree.",
  },
  HashMismatch: {
    status: "mismatch",
    text: "Document does not match",
    meaning: "A diploma with this id is registered, but the document you chose is not the one " +
      "it was issued with: their SHA-256 fingerprints differ. The document may have been altered.",
  },
  Unknown: {
    status: "unknown",
    text: "Unknown",
    meaning: "No diploma with this id is registered on this chain.",
  },
  IssuerNotAccredited: {
    status: "warning",
    text: "Issuer not accredited at issue time",
    meaning: "This diploma is registered, but its issuer was not accredited on the date it was " +
      "issued.",
  },
};

/**
 * The id of the diploma `issuer` (`{ type: "Institution" | "Historic", value }`) numbered
 * `serial`, at the finalized block; `undefined` if there is none.
 */
export async function diplomaId(connection, issuer, serial) {
  const at = await finalizedBlock(connection);
  try {
    return await reading(connection, connection.api.apis.DiplomasApi.diploma_id(
      issuer, new TextEncoder().encode(serial), { at: at.hash, signal: signal() }));
  } finally {
    at.release();
  }
}

/**
 * Verifies diploma `id` against the visitor's `file` (`{ name, sha256 }`) and adds the result
 * to the list. Every read is at the same finalized block.
 */
export async function verifyDiploma(connection, { id, file }) {
  const at = await finalizedBlock(connection);
  try {
    return await verifyAt(connection, at, { id, file });
  } finally {
    at.release();
  }
}

async function verifyAt(connection, at, { id, file }) {
  const options = () => ({ at: at.hash, signal: signal() });
  const { DiplomasApi } = connection.api.apis;
  const [verification, diploma] = await Promise.all([
    reading(connection, DiplomasApi.verify(id.toLowerCase(), file.sha256, options())),
    reading(connection, DiplomasApi.diploma(id.toLowerCase(), options())),
  ]);
  const accreditation = diploma?.issuer.type === "Institution"
    ? await reading(connection, DiplomasApi.accreditation(diploma.issuer.value, options()))
    : undefined;

  const verdict = VERDICTS[verification.type] ?? {
    status: "unknown",
    text: `Unrecognised verdict "${verification.type}"`,
    meaning: "The chain answered with a verdict this page does not know: update the page.",
  };
  const verdictText = verification.type === "Revoked"
    ? `Revoked — ${format.revocationReason(verification.value.reason)}`
    : verdict.text;

  return addResult({
    kind: "diploma",
    status: verdict.status,
    verdictText,
    title: diploma
      ? `Diploma ${format.text(diploma.spec.serial)}`
      : `Diploma id ${id.slice(0, 10)}…${id.slice(-8)}`,
    context: context(connection, at),
    body: [
      h("p", { class: "meaning" }, verdict.meaning),
      verification.type === "Revoked" ? revocation(verification.value, diploma) : null,
      documentFacts(id, file, diploma),
      diploma
        ? h("div", { class: "columns" }, diplomaFacts(diploma), issuerFacts(diploma, accreditation))
        : null,
      diploma?.history.length ? statusHistory(diploma.history) : null,
    ],
  });
}

function documentFacts(id, file, diploma) {
  let comparison = "";
  if (diploma) {
    comparison = diploma.spec.document_hash.toLowerCase() === file.sha256
      ? " — matches the registered one"
      : " — does not match the registered one";
  }
  return h("section", { "aria-label": "The document checked" },
    h("h4", {}, "The document checked"),
    details([
      ["Diploma id", hash(id)],
      ["File", file.name],
      ["SHA-256 of the file", h("span", {}, hash(file.sha256), comparison)],
      ["SHA-256 registered", diploma ? hash(diploma.spec.document_hash) : null],
    ]));
}

function revocation(revoked, diploma) {
  const by = diploma?.status.type === "Revoked" ? diploma.status.value.by : null;
  return details([
    ["Reason", format.revocationReason(revoked.reason)],
    ["Revoked at", format.block(revoked.at)],
    ["Revoked by", by ? format.authority(by) : null],
  ], { class: "facts facts--emphasis", "aria-label": "Revocation" });
}

function diplomaFacts(diploma) {
  const { spec, provenance } = diploma;
  return h("section", { "aria-label": "The diploma" },
    h("h4", {}, "The diploma"),
    details([
      ["Serial number", format.text(spec.serial)],
      ["Degree", format.degree(spec.degree)],
      ["Field of study (code)", String(spec.field)],
      ["Issued on", format.calendarDate(spec.issued_on)],
      ["Holder (citizen id)", `Citizen #${spec.holder}`],
      ["Registered at", format.block(diploma.recorded_at)],
      ["Imported legacy diploma", provenance.type === "Imported"
        ? `Yes, by the ministry (institution #${provenance.value.ministry})`
        : null],
    ]));
}

function issuerFacts(diploma, accreditation) {
  const periods = accreditation?.periods.length
    ? h("ul", { class: "plain" }, accreditation.periods.map((period) =>
      h("li", {}, `${format.calendarDate(period.from)} – ${format.calendarDate(period.until)}`)))
    : "Never accredited";
  const standing = accreditation?.standing;
  return h("section", { "aria-label": "The issuer" },
    h("h4", {}, "The issuer"),
    details([
      ["Issuer", format.issuer(diploma.issuer)],
      ["Accredited on the date of issue", format.yesNo(diploma.issuer_accredited_on_issue_date)],
      ["Accreditation periods", diploma.issuer.type === "Institution" ? periods : null],
      ["Accreditation today", standing
        ? `${format.standing(standing)}${standing.type === "Suspended"
          ? ` (suspension ends ${format.calendarDate(standing.value.resume_until)})` : ""}`
        : null],
      ["May issue diplomas today", accreditation ? format.yesNo(accreditation.may_issue_today) : null],
    ]));
}

function statusHistory(history) {
  return table("Status history", ["Change", "Reason", "By", "When"],
    history.map(({ change, at }) => [
      change.type === "Revoked" ? "Revoked" : "Reinstated",
      change.type === "Revoked" ? format.revocationReason(change.value.reason) : "—",
      format.authority(change.value.by),
      format.block(at),
    ]), { class: "history" });
}
