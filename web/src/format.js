// How the registries' codes and numbers read on the page. The chain gives ids, codes, days and
// block numbers as its runtime's types (enums as `{ type, value }`); the page labels them and
// never guesses a name it was not given.

const DEGREES = {
  ShortCycle: "Short-cycle tertiary",
  Bachelor: "Bachelor",
  Specialist: "Specialist",
  Master: "Master",
  Doctorate: "Doctorate",
};

const REVOCATION_REASONS = {
  IssuedInError: "Issued in error",
  Fraud: "Fraud",
  CourtOrder: "Court order",
};

const STANDINGS = {
  Accredited: "Accredited",
  Suspended: "Suspended",
  Withdrawn: "Withdrawn",
};

/** A variant the page has no label for is shown by its name. */
const label = (labels, variant) => labels[variant?.type] ?? String(variant?.type ?? variant);

export const degree = (variant) => label(DEGREES, variant);
export const revocationReason = (variant) => label(REVOCATION_REASONS, variant);
export const standing = (variant) => label(STANDINGS, variant);

/** `Citizen(5)` → "Citizen #5", `Institution(1)` → "Institution #1". */
export function party(value) {
  if (value?.type === "Citizen") return `Citizen #${value.value}`;
  if (value?.type === "Institution") return `Institution #${value.value}`;
  return String(value?.type ?? value);
}

/** A diploma's issuer: a registered institution or a historic body's classifier code. */
export function issuer(value) {
  if (value?.type === "Institution") return `Institution #${value.value}`;
  if (value?.type === "Historic") return `Historic issuer, classifier code ${value.value}`;
  return String(value?.type ?? value);
}

/** Who revoked or reinstated a diploma. */
export function authority(value) {
  switch (value?.type) {
    case "Issuer": return `the issuer (institution #${value.value})`;
    case "Court": return `a court (institution #${value.value})`;
    case "Ministry": return `the ministry (institution #${value.value})`;
    default: return String(value?.type ?? value);
  }
}

/** Parts per million as a percentage: 750000 → "75 %", 333333 → "33.3333 %". */
export function shareFromPpm(ppm) {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000).padStart(4, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} %`;
}

/** Square metres, with hectares for large areas. */
export function area(squareMetres) {
  const value = Number(squareMetres);
  const metres = `${value.toLocaleString("en-GB")} m²`;
  if (value < 10_000) return metres;
  const hectares = (value / 10_000).toLocaleString("en-GB", { maximumFractionDigits: 4 });
  return `${metres} (${hectares} ha)`;
}

/** A block number: "block #42". */
export const block = (number) => `block #${number}`;

/** A date and time in UTC, the same for every reader. */
export function dateTime(time) {
  return `${time.toLocaleString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  })} UTC`;
}

const DAY_MS = 86_400_000;

/** A register's day (days since 1970-01-01) as "30 June 2026". */
export function calendarDate(days) {
  return new Date(Number(days) * DAY_MS).toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** Bytes the register keeps as text (serial and cadastral numbers). */
export const text = (bytes) => new TextDecoder().decode(bytes);

/** A yes/no answer in words. */
export const yesNo = (value) => (value ? "Yes" : "No");
