// The list of checks made on this page, newest first: each stays visible so that results can
// be compared, printed or captured together. The newest is announced to screen readers.
import { h } from "./dom.js";
import { block, dateTime } from "./format.js";

const SYMBOLS = { valid: "✓", revoked: "✗", mismatch: "≠", unknown: "?", warning: "!" };

let count = 0;

/** The verdict line a result opens with: a symbol and, always, the verdict in words. */
export function verdict(status, text) {
  return h("p", { class: `verdict verdict--${status}` },
    h("span", { class: "verdict-symbol", "aria-hidden": "true" }, SYMBOLS[status] ?? "•"),
    h("span", { class: "verdict-text" }, text));
}

/**
 * Adds a result at the top of the list and moves the focus to its heading.
 * `kind`: "diploma" or "title"; `status`: valid, revoked, mismatch, unknown or warning;
 * `verdictText`: the verdict in words; `title`: the heading; `context`: what was read, where;
 * `body`: the details.
 */
export function addResult({ kind, status, verdictText, title, context, body }) {
  count += 1;
  const id = `result-${count}`;
  const heading = h("h3", { id: `${id}-title`, tabindex: "-1" }, title);
  const article = h("article", {
    class: `result result--${status}`,
    id,
    "data-kind": kind,
    "data-status": status,
    "aria-labelledby": `${id}-title`,
  },
  h("header", { class: "result-header" },
    verdict(status, verdictText), heading, h("p", { class: "result-context" }, context)),
  body);

  document.getElementById("results-list").prepend(h("li", {}, article));
  document.getElementById("results-empty").hidden = true;
  document.getElementById("results-clear").hidden = false;
  document.getElementById("announcer").textContent = `${title}: ${verdictText}`;
  heading.focus();
  return article;
}

/**
 * What a result was read at and whom it trusts: "Final at block #42 (made 3 Dec 2026, 22:30:06
 * UTC) · Verified by this browser's light client…", with a warning when that block is old.
 */
export function context(connection, at) {
  const made = at.time ? ` (made ${dateTime(at.time)})` : "";
  const stale = at.stale
    ? " The network has finalized no block since: a newer change may not be shown."
    : "";
  return `Final at ${block(at.number)}${made}.${stale} ${connection.trust}`;
}

/** Empties the list. */
export function clearResults() {
  document.getElementById("results-list").replaceChildren();
  document.getElementById("results-empty").hidden = false;
  document.getElementById("results-clear").hidden = true;
  document.getElementById("announcer").textContent = "Results cleared.";
}
