// A land title: the parcel a cadastral number names, its holders and shares, liens, court
// freeze and lineage (`landTitles_parcel`), and every change to it (`landTitles_history`).
import { bestBlock, blockTime } from "./chain.js";
import { details, h, hash, table } from "./dom.js";
import * as format from "./format.js";
import { addResult } from "./results.js";
import { METHOD_NOT_FOUND, RpcError } from "./rpc.js";

/** A cadastral number as the register admits it. */
export const CADASTRAL_NUMBER = /^[A-Za-z0-9:./-]{1,32}$/;

/**
 * Shows the parcel with cadastral number `cadastral`, or with id `parcel`, and adds it to the
 * list. `openParcel(id)` shows another parcel (a parent or child in the lineage).
 */
export async function showTitle(client, { cadastral, parcel }, openParcel) {
  const at = await bestBlock(client);
  const id = cadastral === undefined
    ? parcel
    : await client.call("landTitles_parcelByCadastralNumber", [cadastral, at.hash]);
  const record = id === null ? null : await client.call("landTitles_parcel", [id, at.hash]);
  const atTime = await blockTime(client, at.number);
  const context = `Read at ${format.block(at.number, atTime)} via ${client.url}`;
  if (record === null) {
    return addResult({
      kind: "title",
      status: "unknown",
      verdictText: "Unknown",
      title: cadastral === undefined ? `Parcel #${parcel}` : `Cadastral number ${cadastral}`,
      context,
      body: h("p", { class: "meaning" }, cadastral === undefined
        ? `No parcel has the id ${parcel}.`
        : `No parcel, live or retired, has the cadastral number ${cadastral}.`),
    });
  }

  const history = await readHistory(client, record.id, 0, at.hash);
  const numbers = [record.registeredAt, record.retiredAt, record.freeze?.since,
    ...record.liens.map((lien) => lien.registeredAt),
    ...(history.entries ?? []).map((entry) => entry.at)];
  const times = new Map(await Promise.all(numbers
    .filter((number) => number !== null && number !== undefined)
    .map(async (number) => [number, await blockTime(client, number)])));
  const when = (number) => format.block(number, times.get(number));

  const { status, verdictText } = standing(record);
  return addResult({
    kind: "title",
    status,
    verdictText,
    title: `Parcel ${record.cadastralNumber}`,
    context,
    body: [
      h("div", { class: "columns" }, parcelFacts(record, when), holders(record)),
      freeze(record, when),
      liens(record, when),
      lineage(record, openParcel),
      historyView(client, record.id, history, when, at.hash),
    ],
  });
}

/** The verdict: live or retired, and whether a court froze it or banks hold liens on it. */
function standing(record) {
  if (!record.live) {
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

function parcelFacts(record, when) {
  return h("section", { "aria-label": "The parcel" },
    h("h4", {}, "The parcel"),
    details([
      ["Cadastral number", record.cadastralNumber],
      ["Parcel id", `#${record.id}`],
      ["Area", format.area(record.areaSquareMetres)],
      ["Land use (code)", String(record.landUse)],
      ["State", record.live ? "Live" : `Retired at ${when(record.retiredAt)}`],
      ["Registered at", when(record.registeredAt)],
      ["Survey document SHA-256", hash(record.documentHash)],
    ]));
}

function holders(record) {
  return h("section", { "aria-label": "Title holders" },
    h("h4", {}, "Title holders"),
    record.title.length
      ? table("Title holders and their shares", ["Holder", "Share"],
        record.title.map((holding) => [format.party(holding.owner), format.shareFromPpm(holding.sharePpm)]),
        { class: "holders" })
      : h("p", {}, "No title: the parcel is retired."));
}

function freeze(record, when) {
  return h("section", { "aria-label": "Court freeze", class: "freeze" },
    h("h4", {}, "Court freeze"),
    record.freeze
      ? details([
        ["Frozen by", `Court (institution #${record.freeze.court})`],
        ["Case reference", hash(record.freeze.case)],
        ["Since", when(record.freeze.since)],
      ], { class: "facts facts--emphasis" })
      : h("p", {}, "Not frozen."));
}

function liens(record, when) {
  return h("section", { "aria-label": "Liens", class: "liens" },
    h("h4", {}, "Liens"),
    record.liens.length
      ? table("Liens, highest rank first", ["Rank", "Bank", "Lien", "Reference", "Registered at"],
        record.liens.map((lien) => [
          String(lien.rank),
          `Institution #${lien.bank}`,
          `#${lien.id}`,
          hash(lien.reference),
          when(lien.registeredAt),
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

/**
 * A page of a parcel's history from entry `from` (the node's first page if omitted);
 * `{ unavailable }` if the node has no such method, `{ failed }` with its error otherwise.
 */
/** A page of the parcel's history from entry `from` on, read at block `atHash` like the rest. */
async function readHistory(client, parcel, from, atHash) {
  try {
    return await client.call("landTitles_history", [parcel, from, null, atHash]);
  } catch (error) {
    if (error instanceof RpcError && error.code === METHOD_NOT_FOUND) return { unavailable: true };
    if (error instanceof RpcError) return { failed: error.message };
    throw error;
  }
}

function historyView(client, parcel, history, when, atHash) {
  const section = h("section", { "aria-label": "History", class: "parcel-history" }, h("h4", {}, "History"));
  if (history.unavailable) {
    section.append(h("p", { class: "note" }, "History not available from this node."));
    return section;
  }
  if (history.failed) {
    section.append(h("p", { class: "note" }, `The node could not give the history: ${history.failed}`));
    return section;
  }
  const body = h("tbody", {}, history.entries.map((entry) => historyRow(entry, when(entry.at))));
  section.append(h("table", {},
    h("caption", {}, `Every change to the parcel, oldest first (${history.total} in all)`),
    h("thead", {}, h("tr", {},
      ["#", "When", "Change"].map((heading) => h("th", { scope: "col" }, heading)))),
    body));

  let shown = history.entries.length;
  if (shown < history.total) {
    const more = h("button", { type: "button", class: "secondary" }, "Show more history");
    const problem = h("p", { class: "note", role: "alert", hidden: true });
    more.addEventListener("click", async () => {
      more.disabled = true;
      problem.hidden = true;
      try {
        const page = await readHistory(client, parcel, shown, atHash);
        if (page.failed || page.unavailable) {
          throw new Error(page.failed ?? "the node no longer serves the history");
        }
        const entries = page.entries ?? [];
        const times = await Promise.all(entries.map((entry) => blockTime(client, entry.at)));
        body.append(...entries.map((entry, index) =>
          historyRow(entry, format.block(entry.at, times[index]))));
        shown += entries.length;
        more.hidden = shown >= history.total || entries.length === 0;
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

function historyRow(entry, when) {
  return h("tr", {},
    h("td", {}, String(entry.index + 1)),
    h("td", { class: "when" }, when),
    h("td", {}, change(entry.change)));
}

/**
 * One change in a parcel's history, in words: `{"frozen": {"court": 3, "case": "0x…"}}`, and a
 * change without fields either `{"subdivided": {}}` or `"subdivided"`.
 */
function change(value) {
  const [kind, fields = {}] = typeof value === "string"
    ? [value]
    : Object.entries(value ?? {})[0] ?? [];
  switch (kind) {
    case "registered":
      return `Registered by the land registrar (institution #${fields.registrar})`;
    case "transferred":
      return `Transferred to ${format.party(fields.buyer)} (offer #${fields.offer})`;
    case "lienRegistered":
      return `Lien #${fields.lien} registered by a bank (institution #${fields.bank})`;
    case "lienReleased":
      return `Lien #${fields.lien} released by a bank (institution #${fields.bank})`;
    case "frozen":
      return h("span", {}, `Frozen by a court (institution #${fields.court}), case `, hash(fields.case));
    case "freezeLifted":
      return `Freeze lifted by a court (institution #${fields.court})`;
    case "lienCarried":
      return `Lien #${fields.lien} of a bank (institution #${fields.bank}) carried over from the parent parcel`;
    case "freezeCarried":
      return h("span", {}, `Court freeze (institution #${fields.court}) carried over from the parent parcel, case `,
        hash(fields.case));
    case "subdivided":
      return "Subdivided into new parcels (see the lineage)";
    case "mergedInto":
      return `Merged into parcel #${fields.parcel}`;
    default:
      return JSON.stringify(value);
  }
}
