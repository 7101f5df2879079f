// Verifying a diploma: its id and the SHA-256 of the document the visitor holds go to
// `diplomas_verify`; `diplomas_diploma` and `diplomas_accreditation` explain the verdict.
import { bestBlock, blockTime } from "./chain.js";
import { details, h, hash, table } from "./dom.js";
import * as format from "./format.js";
import { addResult } from "./results.js";

/** A diploma id: `0x` and 64 hex digits. */
export const DIPLOMA_ID = /^0x[0-9a-fA-F]{64}$/;

/** A serial number as the register admits it. */
export const SERIAL = /^[A-Za-z0-9./-]{1,32}$/;

/** Each status `diplomas_verify` answers with: the result's class, its words, what it means. */
const VERDICTS = {
  valid: {
    status: "valid",
    text: "Valid",
    meaning: "This diploma is registered, has not been revoked, the document you chose is the " +
      "one it was issued with, and its issuer was accredited on the date of issue.",
  },
  revoked: {
    status: "revoked",
    text: "Revoked",
    meaning: "This diploma was registered but has been revoked: it no longer attests the degree.",
  },
  hashMismatch: {
    status: "mismatch",
    text: "Document does not match",
    meaning: "A diploma with this id is registered, but the document you chose is not the one " +
      "it was issued with: their SHA-256 fingerprints differ. The document may have been altered.",
  },
  unknown: {
    status: "unknown",
    text: "Unknown",
    meaning: "No diploma with this id is registered on this chain.",
  },
  issuerNotAccredited: {
    status: "warning",
    text: "Issuer not accredited at issue time",
    meaning: "This diploma is registered, but its issuer was not accredited on the date it was " +
      "issued.",
  },
};

/** The id of the diploma `issuer` (`{institution}` or `{historic}`) numbered `serial`. */
export function diplomaId(client, issuer, serial) {
  return client.call("diplomas_id", [issuer, serial]);
}

/**
 * Verifies diploma `id` against the visitor's `file` (`{ name, sha256 }`) and adds the result to the list.
 * Every call reads at the same block.
 */
export async function verifyDiploma(client, { id, file }) {
  const at = await bestBlock(client);
  const [verification, diploma] = await Promise.all([
    client.call("diplomas_verify", [id, file.sha256, at.hash]),
    client.call("diplomas_diploma", [id, at.hash]),
  ]);
  const institution = diploma?.issuer?.institution;
  const accreditation = institution === undefined
    ? null
    : await client.call("diplomas_accreditation", [institution, at.hash]);
  const blocks = [at.number, verification.revokedAt, diploma?.recordedAt,
    ...(diploma?.history ?? []).map((event) => event.at)];
  const times = new Map(await Promise.all(blocks
    .filter((number) => number !== undefined)
    .map(async (number) => [number, await blockTime(client, number)])));
  const when = (number) => format.block(number, times.get(number));

  const verdict = VERDICTS[verification.status] ?? {
    status: "unknown",
    text: `Unrecognised status "${verification.status}"`,
    meaning: "The node answered with a status this page does not know.",
  };
  const verdictText = verification.status === "revoked"
    ? `Revoked — ${format.revocationReason(verification.reason)}`
    : verdict.text;

  return addResult({
    kind: "diploma",
    status: verdict.status,
    verdictText,
    title: diploma ? `Diploma ${diploma.serial}` : `Diploma id ${id.slice(0, 10)}…${id.slice(-8)}`,
    context: `Checked at ${when(at.number)} via ${client.url}`,
    body: [
      h("p", { class: "meaning" }, verdict.meaning),
      verification.status === "revoked" ? revocation(verification, diploma, when) : null,
      documentFacts(id, file, diploma),
      diploma
        ? h("div", { class: "columns" }, diplomaFacts(diploma, when), issuerFacts(diploma, accreditation))
        : null,
      diploma?.history?.length ? statusHistory(diploma.history, when) : null,
    ],
  });
}

function documentFacts(id, file, diploma) {
  let comparison = "";
  if (diploma) {
    comparison = diploma.documentHash.toLowerCase() === file.sha256
      ? " — matches the registered one"
      : " — does not match the registered one";
  }
  return h("section", { "aria-label": "The document checked" },
    h("h4", {}, "The document checked"),
    details([
      ["Diploma id", hash(id)],
      ["File", file.name],
      ["SHA-256 of the file", h("span", {}, hash(file.sha256), comparison)],
      ["SHA-256 registered", diploma ? hash(diploma.documentHash) : null],
    ]));
}

function revocation(verification, diploma, when) {
  const revoked = [...(diploma?.history ?? [])].reverse().find((event) => event.change === "revoked");
  return details([
    ["Reason", format.revocationReason(verification.reason)],
    ["Revoked at", when(verification.revokedAt)],
    ["Revoked by", revoked ? format.authority(revoked.by) : null],
  ], { class: "facts facts--emphasis", "aria-label": "Revocation" });
}

function diplomaFacts(diploma, when) {
  return h("section", { "aria-label": "The diploma" },
    h("h4", {}, "The diploma"),
    details([
      ["Serial number", diploma.serial],
      ["Degree", format.degree(diploma.degree)],
      ["Field of study (code)", String(diploma.fieldCode)],
      ["Issued on", format.calendarDate(diploma.issuedOn)],
      ["Holder (citizen id)", `Citizen #${diploma.holder}`],
      ["Registered at", when(diploma.recordedAt)],
      ["Imported legacy diploma", diploma.imported
        ? `Yes, by the ministry (institution #${diploma.importedBy})`
        : null],
    ]));
}

function issuerFacts(diploma, accreditation) {
  const periods = accreditation?.periods?.length
    ? h("ul", { class: "plain" }, accreditation.periods.map((period) =>
      h("li", {}, `${format.calendarDate(period.from)} – ${format.calendarDate(period.until)}`)))
    : "Never accredited";
  return h("section", { "aria-label": "The issuer" },
    h("h4", {}, "The issuer"),
    details([
      ["Issuer", format.issuer(diploma.issuer)],
      ["Accredited on the date of issue", format.yesNo(diploma.issuerAccreditedOnIssueDate)],
      ["Accreditation periods", "institution" in diploma.issuer ? periods : null],
      ["Accreditation today", accreditation
        ? `${format.standing(accreditation.standing)}${accreditation.resumeUntil
          ? ` (suspension ends ${format.calendarDate(accreditation.resumeUntil)})` : ""}`
        : null],
      ["May issue diplomas today", accreditation ? format.yesNo(accreditation.mayIssueToday) : null],
    ]));
}

function statusHistory(history, when) {
  return table("Status history", ["Change", "Reason", "By", "When"],
    history.map((event) => [
      event.change === "revoked" ? "Revoked" : "Reinstated",
      event.reason ? format.revocationReason(event.reason) : "—",
      format.authority(event.by),
      when(event.at),
    ]), { class: "history" });
}
