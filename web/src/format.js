// How the registries' codes and numbers read on the page. The node gives ids, codes and block
// numbers; the page labels them and never guesses a name it was not given.

const DEGREES = {
  shortCycle: "Short-cycle tertiary",
  bachelor: "Bachelor",
  specialist: "Specialist",
  master: "Master",
  doctorate: "Doctorate",
};

const REVOCATION_REASONS = {
  issuedInError: "Issued in error",
  fraud: "Fraud",
  courtOrder: "Court order",
};

const STANDINGS = {
  accredited: "Accredited",
  suspended: "Suspended",
  withdrawn: "Withdrawn",
};

/** A code the page has no label for is shown as it came. */
const label = (labels, code) => labels[code] ?? String(code);

export const degree = (code) => label(DEGREES, code);
export const revocationReason = (code) => label(REVOCATION_REASONS, code);
export const standing = (code) => label(STANDINGS, code);

/** `{"institution": 1}` → "Institution #1", `{"citizen": 5}` → "Citizen #5". */
export function party(value) {
  if (value && typeof value === "object") {
    if ("citizen" in value) return `Citizen #${value.citizen}`;
    if ("institution" in value) return `Institution #${value.institution}`;
  }
  return JSON.stringify(value);
}

/** A diploma's issuer: a registered institution or a historic body's classifier code. */
export function issuer(value) {
  if (value && typeof value === "object") {
    if ("institution" in value) return `Institution #${value.institution}`;
    if ("historic" in value) return `Historic issuer, classifier code ${value.historic}`;
  }
  return JSON.stringify(value);
}

/** Who revoked or reinstated a diploma. */
export function authority(value) {
  if (value && typeof value === "object") {
    if ("issuer" in value) return `the issuer (institution #${value.issuer})`;
    if ("court" in value) return `a court (institution #${value.court})`;
    if ("ministry" in value) return `the ministry (institution #${value.ministry})`;
  }
  return JSON.stringify(value);
}

/** Parts per million as a percentage: 750000 → "75 %", 333333 → "33.3333 %". */
export function shareFromPpm(ppm) {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000).padStart(4, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} %`;
}

/** Square metres, with hectares for large areas. */
export function area(squareMetres) {
  const metres = `${Number(squareMetres).toLocaleString("en-GB")} m²`;
  if (squareMetres < 10_000) return metres;
  const hectares = (squareMetres / 10_000).toLocaleString("en-GB", { maximumFractionDigits: 4 });
  return `${metres} (${hectares} ha)`;
}

/** A block number, with its time when known: "block #42 (21 Nov 2026, 11:12 UTC)". */
export function block(number, time) {
  return time ? `block #${number} (${dateTime(time)})` : `block #${number}`;
}

/** A date and time in UTC, the same for every reader. */
export function dateTime(time) {
  return `${time.toLocaleString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })} UTC`;
}

/** An ISO date from the node ("2026-06-30") as "30 June 2026". */
export function calendarDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!match) return String(iso);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** A yes/no answer in words. */
export const yesNo = (value) => (value ? "Yes" : "No");
