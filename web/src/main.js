// The page's wiring: how it reaches the chain (light client or a trusted RPC node), the diploma
// and land-title forms, and their errors.
import "./style.css";
import { NotVerifiable, connect, finalizedBlock, health } from "./connection.js";
import { DIPLOMA_ID, SERIAL, diplomaId, verifyDiploma } from "./diploma.js";
import { h } from "./dom.js";
import { dateTime } from "./format.js";
import { sha256OfFile } from "./hash.js";
import { clearResults } from "./results.js";
import { CADASTRAL_NUMBER, showTitle } from "./title.js";

/** The chain spec the page is built for: `chain-spec.json` beside it (see README). */
const DEFAULT_CHAIN_SPEC = "chain-spec.json";
const DEFAULT_NODE = "ws://127.0.0.1:9944";

const $ = (id) => document.getElementById(id);

/** The current connection, and the settings it was made with. */
let current = null;

/** Input the page refuses before asking the chain; its message says what is expected. */
class InvalidInput extends Error {}

function settings() {
  return {
    mode: $("mode").value,
    chainSpec: $("chain-spec").value.trim(),
    node: $("node-url").value.trim(),
  };
}

const sameSettings = (a, b) => a.mode === b.mode &&
  (a.mode === "rpc" ? a.node === b.node : a.chainSpec === b.chainSpec);

/** The connection the settings name, made again when they change. */
async function connection() {
  const wanted = settings();
  if (!current || !sameSettings(current.settings, wanted)) {
    current?.connection.then((old) => old.close(), () => {});
    const attempt = { settings: wanted, connection: connect(wanted) };
    current = attempt;
    attempt.connection.catch(() => {
      // Only this attempt is forgotten, never a newer one made meanwhile.
      if (current === attempt) current = null;
    });
    // The status line follows the new connection (connectNow finds this attempt).
    connectNow();
  }
  return current.connection;
}

/** An error as the visitor should read it. */
function describe(error) {
  if (error instanceof InvalidInput || error instanceof NotVerifiable) return error.message;
  return `Something went wrong, no verdict is shown: ${error?.message ?? error}`;
}

function showError(id, message) {
  const element = $(id);
  element.textContent = message;
  element.hidden = !message;
}

/** Runs `work` with the form marked busy, its errors shown in `errorId`. */
async function busy(form, errorId, work) {
  const submit = form.querySelector("button[type=submit]");
  showError(errorId, "");
  form.setAttribute("aria-busy", "true");
  submit.disabled = true;
  try {
    await work();
  } catch (error) {
    showError(errorId, describe(error));
  } finally {
    form.removeAttribute("aria-busy");
    submit.disabled = false;
  }
}

function setStatus(state, text) {
  const status = $("node-status");
  status.textContent = text;
  status.dataset.state = state;
}

/** What the status line says about `chain` at finalized block `at` with `peers` (light mode). */
function describeConnection(chain, at, peers) {
  const made = at.time ? `, made ${dateTime(at.time)}` : "";
  return chain.mode === "light"
    ? `Light client synced with ${chain.source}: finalized block #${at.number}${made}` +
      `${peers ? `, ${peers.peers} ${peers.peers === 1 ? "peer" : "peers"}` : ""}. No node is trusted.`
    : `Connected to the node at ${chain.source}: finalized block #${at.number}${made}. ` +
      "This node is trusted: its answers are not checked.";
}

/** The timer that keeps the status line current. */
let watching = null;
/** Counts status reports: only the newest `connectNow` writes the status line. */
let generation = 0;

function stopWatching() {
  clearInterval(watching);
  watching = null;
  generation += 1;
}

/** Connects with the current settings and reports the finalized block it reads at. */
async function connectNow() {
  const { mode } = settings();
  stopWatching();
  const mine = generation;
  setStatus("connecting", mode === "light"
    ? "Starting the light client and syncing with the network…"
    : "Connecting to the node…");
  try {
    const chain = await connection();
    const at = await finalizedBlock(chain);
    at.release();
    const peers = chain.mode === "light" ? await health(chain) : null;
    if (mine !== generation) return;
    setStatus("connected", describeConnection(chain, at, peers));
    // Keeps the line current: the finalized block as it advances, and a light client that
    // loses its peers says so (checks then refuse until it has peers again).
    const watch = setInterval(async () => {
      try {
        const latest = await chain.client.getFinalizedBlock();
        const state = chain.mode === "light" ? await health(chain) : null;
        if (mine !== generation) {
          clearInterval(watch);
          return;
        }
        if (state && state.peers === 0) {
          setStatus("failed", "The light client has lost every peer: no answer can be verified " +
            "until it reaches a node of the network again.");
        } else {
          setStatus("connected", describeConnection(chain, { ...at, number: latest.number, time: null }, state));
        }
      } catch {
        // The next tick tries again; a check reports its own errors.
      }
    }, 6_000);
    watching = watch;
  } catch (error) {
    if (mine === generation) setStatus("failed", describe(error));
  }
}

function showMode() {
  stopWatching();
  const light = $("mode").value === "light";
  $("chain-spec-field").hidden = !light;
  $("node-url-field").hidden = light;
  setStatus("idle", "Not connected yet: Connect starts.");
}

// The SHA-256 of the chosen file, computed as soon as it is chosen and shown to the visitor.
const hashes = new WeakMap();

function documentHash(file) {
  if (!hashes.has(file)) hashes.set(file, sha256OfFile(file));
  return hashes.get(file);
}

async function showFileHash() {
  const file = $("diploma-file").files[0];
  const output = $("diploma-hash");
  if (!file) {
    output.textContent = "";
    return;
  }
  output.textContent = "Computing the SHA-256…";
  try {
    const sha256 = await documentHash(file);
    if ($("diploma-file").files[0] === file) {
      output.replaceChildren(`SHA-256 of ${file.name}: `, h("code", { class: "hash" }, sha256));
    }
  } catch (error) {
    output.textContent = `The file could not be read: ${error.message}`;
  }
}

async function submitDiploma(event) {
  event.preventDefault();
  const form = event.currentTarget;
  await busy(form, "diploma-error", async () => {
    const id = $("diploma-id").value.trim();
    const file = $("diploma-file").files[0];
    if (!DIPLOMA_ID.test(id)) {
      throw new InvalidInput("A diploma id is 0x followed by 64 hexadecimal digits (0-9, a-f).");
    }
    if (!file) throw new InvalidInput("Choose the diploma's document (PDF) to compare with the register.");
    const checked = { name: file.name, sha256: await documentHash(file) };
    await verifyDiploma(await connection(), { id, file: checked });
  });
}

async function findDiplomaId() {
  const button = $("diploma-find");
  $("diploma-find-result").textContent = "";
  button.disabled = true;
  await busy($("diploma-form"), "diploma-error", async () => {
    const kind = $("issuer-kind").value;
    const number = $("issuer-number").value.trim();
    const serial = $("diploma-serial").value.trim();
    if (!/^\d{1,10}$/.test(number) || Number(number) > 0xffffffff) {
      throw new InvalidInput("The issuer number is a whole number, such as 12.");
    }
    if (!SERIAL.test(serial)) {
      throw new InvalidInput(
        "A serial number is 1 to 32 letters, digits, '-', '/' or '.', such as BSC-2025-0042.");
    }
    const id = await diplomaId(await connection(), { type: kind, value: Number(number) }, serial);
    if (id === undefined) throw new InvalidInput(`The serial number ${serial} is too long for the register.`);
    $("diploma-id").value = id;
    $("diploma-find-result").textContent = `The id of diploma ${serial} is now in the diploma id field.`;
    $("diploma-id").focus();
  });
  button.disabled = false;
}

function openParcel(parcel) {
  const form = $("title-form");
  busy(form, "title-error", async () => showTitle(await connection(), { parcel }, openParcel));
}

async function submitTitle(event) {
  event.preventDefault();
  const form = event.currentTarget;
  await busy(form, "title-error", async () => {
    const cadastral = $("cadastral-number").value.trim();
    if (!CADASTRAL_NUMBER.test(cadastral)) {
      throw new InvalidInput("A cadastral number is 1 to 32 letters, digits, ':', '-', '/' or '.', " +
        "such as 01:02:0304:567.");
    }
    await showTitle(await connection(), { cadastral }, openParcel);
  });
}

function start() {
  const query = new URLSearchParams(window.location.search);
  const node = query.get("node");
  $("mode").value = query.get("mode") === "rpc" || (node && query.get("mode") !== "light") ? "rpc" : "light";
  $("chain-spec").value = query.get("chainSpec") || DEFAULT_CHAIN_SPEC;
  $("node-url").value = node || DEFAULT_NODE;
  showMode();
  $("mode").addEventListener("change", showMode);
  for (const field of ["chain-spec", "node-url"]) {
    $(field).addEventListener("input", () => {
      stopWatching();
      setStatus("idle", "Not checked yet: Connect checks it.");
    });
  }
  $("node-form").addEventListener("submit", (event) => {
    event.preventDefault();
    connectNow();
  });
  $("diploma-form").addEventListener("submit", submitDiploma);
  $("diploma-file").addEventListener("change", showFileHash);
  $("diploma-find").addEventListener("click", findDiplomaId);
  $("title-form").addEventListener("submit", submitTitle);
  $("results-clear").addEventListener("click", clearResults);
  connectNow();
}

start();
