// A land title: the parcel a cadastral number names, its holders and shares, liens, court
// freeze and lineage (runtime API `LandTitlesApi.parcel`), and every change to it
// (`LandTitlesApi.title_history`), all read at one finalized block.
import { finalizedBlock, reading, signal } from "./connection.js";
import { details, h, hash, table } from "./dom.js";
import * as format from "./format.js";
import { addResult, context } from "./results.js";

/** A cadastral number as the register admits it. */
export const CADASTRAL_NUMBER = /^[A-Za-z0-9:./-]{1,32}$/;

/** How many history entries one read asks for (the runtime API gives at most 1,000). */
const HISTORY_PAGE = 100;
/** How long a title's block stays held for "Show more history". */
const HOLD_MS = 10 * 60_000;

/**
 * Shows the parcel with cadastral number `cadastral`, or with id `parcel`, and adds it to the
 * list. `openParcel(id)` shows another parcel (a parent or child in the lineage).
 */
export async function showTitle(connection, { cadastral, parcel }, openParcel) {
  const at = await finalizedBlock(connection);
  // Held while more of the history may be asked for at the same block, for at most HOLD_MS.
  let held = false;
  try {
    const result = await titleAt(connection, at, { cadastral, parcel }, openParcel);
    held = result.moreHistory;
    return result.article;
  } finally {
    if (held) setTimeout(at.release, HOLD_MS);
    else at.release();
  }
}

async function titleAt(connection, at, { cadastral, parcel }, openParcel) {
  const options = () => ({ at: at.hash, signal: signal() });
  const { LandTitlesApi } = connection.api.apis;
  const id = cadastral === undefined
    ? parcel
    : await reading(connection, LandTitlesApi.parcel_by_cadastral_number(
      new TextEncoder().encode(cadastral), options()));
  const record = id === undefined
    ? undefined
    : await reading(connection, LandTitlesApi.parcel(id, options()));
  if (record === undefined) {
    const article = addResult({
      kind: "title",
      status: "unknown",
      verdictText: "Unknown",
      title: cadastral === undefined ? `Parcel #${parcel}` : `Cadastral number ${cadastral}`,
      context: context(connection, at),
      body: h("p", { class: "meaning" }, cadastral === undefined
        ? `No parcel has the id ${parcel}.`
        : `No parcel, live or retired, has the cadastral number ${cadastral}.`),
    });
    return { article, moreHistory: false };
  }

  const history = await readHistory(connection, record.id, 0, at);
  const { status, verdictText } = standing(record);
  const article = addResult({
    kind: "title",
    status,
    verdictText,
    title: `Parcel ${format.text(record.spec.cadastral_number)}`,
    context: context(connection, at),
    body: [
      h("div", { class: "columns" }, parcelFacts(record), holders(record)),
      freeze(record),
      liens(record),
      lineage(record, openParcel),
      historyView(connection, record.id, history, at),
    ],
  });
  return { article, moreHistory: history.entries.length < history.total };
}

/** The verdict: live or retired, and whether a court froze it or banks hold liens on it. */
function standing(record) {
  if (record.retired_at !== undefined) {
    return { status: "unknown", verdictText: "Retired — subdivided or merged; see its lineage" };
  }
  const burdens = [
    record.freeze ? "frozen by a court" : null,
    record.liens.length ? `${record.liens.length} ${record.liens.length === 1 ? "lien" : "liens"}` : null,
  ].filter(Boolean);
  return burdens.length
    ? { status: "warning", verdictText: `Registered — ${burdens.join(", ")}` }
    : { status: "valid", verdictText: "Registered — no liens, not frozen" };
}

function parcelFacts(record) {
  const { spec } = record;
  return h("section", { "aria-label": "The parcel" },
    h("h4", {}, "The parcel"),
    details([
      ["Cadastral number", format.text(spec.cadastral_number)],
      ["Parcel id", `#${record.id}`],
      ["Area", format.area(spec.area)],
      ["Land use (code)", String(spec.land_use)],
      ["State", record.retired_at === undefined ? "Live" : `Retired at ${format.block(record.retired_at)}`],
      ["Registered at", format.block(record.registered_at)],
      ["Survey document SHA-256", hash(spec.document_hash)],
    ]));
}

function holders(record) {
  return h("section", { "aria-label": "Title holders" },
    h("h4", {}, "Title holders"),
    record.title.length
      ? table("Title holders and their shares", ["Holder", "Share"],
        record.title.map((holding) => [format.party(holding.owner), format.shareFromPpm(holding.share)]),
        { class: "holders" })
      : h("p", {}, "No title: the parcel is retired."));
}

function freeze(record) {
  return h("section", { "aria-label": "Court freeze", class: "freeze" },
    h("h4", {}, "Court freeze"),
    record.freeze
      ? details([
        ["Frozen by", `Court (institution #${record.freeze.court})`],
        ["Case reference", hash(record.freeze.case)],
        ["Since", format.block(record.freeze.since)],
      ], { class: "facts facts--emphasis" })
      : h("p", {}, "Not frozen."));
}

function liens(record) {
  return h("section", { "aria-label": "Liens", class: "liens" },
    h("h4", {}, "Liens"),
    record.liens.length
      ? table("Liens, highest rank first", ["Rank", "Bank", "Lien", "Reference", "Registered at"],
        record.liens.map((lien, index) => [
          String(index + 1),
          `Institution #${lien.bank}`,
          `#${lien.id}`,
          hash(lien.reference),
          format.block(lien.registered_at),
        ]))
      : h("p", {}, "No liens."));
}

function lineage(record, openParcel) {
  const links = (ids) => h("ul", { class: "plain inline" }, ids.map((id) =>
    h("li", {}, parcelButton(id, openParcel))));
  return h("section", { "aria-label": "Lineage", class: "lineage" },
    h("h4", {}, "Lineage"),
    details([
      ["Made from", record.parents.length ? links(record.parents) : "— (an original registration)"],
      ["Divided or merged into", record.children.length ? links(record.children) : "—"],
    ]));
}

function parcelButton(id, openParcel) {
  const button = h("button", { type: "button", class: "link" }, `Parcel #${id}`);
  button.addEventListener("click", () => openParcel(id));
  return button;
}

/** A page of the parcel's history from entry `from` on, read at block `at` like the rest. */
async function readHistory(connection, parcel, from, at) {
  const page = await reading(connection, connection.api.apis.LandTitlesApi.title_history(
    parcel, from, HISTORY_PAGE, { at: at.hash, signal: signal() }));
  const [total, entries] = page ?? [0, []];
  return { total, entries };
}

function historyView(connection, parcel, history, at) {
  const section = h("section", { "aria-label": "History", class: "parcel-history" }, h("h4", {}, "History"));
  let shown = 0;
  const row = (entry) => {
    shown += 1;
    return h("tr", {},
      h("td", {}, String(shown)),
      h("td", { class: "when" }, format.block(entry.at)),
      h("td", {}, change(entry.change)));
  };
  const body = h("tbody", {}, history.entries.map(row));
  section.append(h("table", {},
    h("caption", {}, `Every change to the parcel, oldest first (${history.total} in all)`),
    h("thead", {}, h("tr", {},
      ["#", "When", "Change"].map((heading) => h("th", { scope: "col" }, heading)))),
    body));

  if (shown < history.total) {
    const more = h("button", { type: "button", class: "secondary" }, "Show more history");
    const problem = h("p", { class: "note", role: "alert", hidden: true });
    more.addEventListener("click", async () => {
      more.disabled = true;
      problem.hidden = true;
      try {
        const page = await readHistory(connection, parcel, shown, at);
        body.append(...page.entries.map(row));
        more.hidden = shown >= history.total || page.entries.length === 0;
      } catch (error) {
        problem.textContent = `Could not read more history: ${error.message}`;
        problem.hidden = false;
      } finally {
        more.disabled = false;
      }
    });
    section.append(more, problem);
  }
  return section;
}

/** One change in a parcel's history, in words. */
function change({ type, value = {} }) {
  switch (type) {
    case "Registered":
      return `Registered by the land registrar (institution #${value.registrar})`;
    case "Transferred":
      return `Transferred to ${format.party(value.buyer)} (offer #${value.offer})`;
    case "LienRegistered":
      return `Lien #${value.lien} registered by a bank (institution #${value.bank})`;
    case "LienReleased":
      return `Lien #${value.lien} released by a bank (institution #${value.bank})`;
    case "Frozen":
      return h("span", {}, `Frozen by a court (institution #${value.court}), case `, hash(value.case));
    case "FreezeLifted":
      return `Freeze lifted by a court (institution #${value.court})`;
    case "LienCarried":
      return `Lien #${value.lien} of a bank (institution #${value.bank}) carried over from the parent parcel`;
    case "FreezeCarried":
      return h("span", {}, `Court freeze (institution #${value.court}) carried over from the parent parcel, case `,
        hash(value.case));
    case "Subdivided":
      return "Subdivided into new parcels (see the lineage)";
    case "MergedInto":
      return `Merged into parcel #${value.parcel}`;
    case "FreezeLiftedByCouncil":
      return h("span", {}, `Court freeze (institution #${value.court}) lifted by the council, case `,
        hash(value.case));
    case "LienReleasedByCouncil":
      return h("span", {}, `Lien #${value.lien} of a bank (institution #${value.bank}) released by the council, case `,
        hash(value.case));
    case "Inherited":
      return h("span", {}, `Inherited from citizen #${value.from}, case `, hash(value.case));
    default:
      return `A change this page does not know (${type}): update the page.`;
  }
}
