// The page's wiring: the node it reads from, the diploma and land-title forms, and their errors.
import "./style.css";
import { chainName, bestBlock } from "./chain.js";
import { DIPLOMA_ID, SERIAL, diplomaId, verifyDiploma } from "./diploma.js";
import { h } from "./dom.js";
import { sha256OfFile } from "./hash.js";
import { clearResults } from "./results.js";
import { NodeUnreachable, RpcClient, RpcError } from "./rpc.js";
import { CADASTRAL_NUMBER, showTitle } from "./title.js";

const DEFAULT_NODE = "ws://127.0.0.1:9944";

const $ = (id) => document.getElementById(id);

let client = null;

/** Input the page refuses before asking the node; its message says what is expected. */
class InvalidInput extends Error {}

/** The client for the node the address field names, reconnecting when it changes. */
function node() {
  const url = $("node-url").value.trim();
  if (!client || client.url !== url) {
    client?.close();
    client = new RpcClient(url);
  }
  return client;
}

/** An error as the visitor should read it. */
function describe(error) {
  if (error instanceof InvalidInput) return error.message;
  if (error instanceof RpcError) {
    return `The node refused the request (${error.method}, error ${error.code}): ${error.message}`;
  }
  if (error instanceof NodeUnreachable) return error.message;
  return `Something went wrong: ${error.message ?? error}`;
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

async function connect() {
  const status = $("node-status");
  status.textContent = "Connecting…";
  status.dataset.state = "connecting";
  try {
    const current = node();
    const [chain, best] = await Promise.all([chainName(current), bestBlock(current)]);
    status.textContent = `Connected to ${chain}, best block #${best.number}.`;
    status.dataset.state = "connected";
  } catch (error) {
    status.textContent = describe(error);
    status.dataset.state = "failed";
  }
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
    await verifyDiploma(node(), { id, file: checked });
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
    const id = await diplomaId(node(), { [kind]: Number(number) }, serial);
    $("diploma-id").value = id;
    $("diploma-find-result").textContent = `The id of diploma ${serial} is now in the diploma id field.`;
    $("diploma-id").focus();
  });
  button.disabled = false;
}

function openParcel(parcel) {
  const form = $("title-form");
  busy(form, "title-error", () => showTitle(node(), { parcel }, openParcel));
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
    await showTitle(node(), { cadastral }, openParcel);
  });
}

function start() {
  const requested = new URLSearchParams(window.location.search).get("node");
  $("node-url").value = requested || DEFAULT_NODE;
  $("node-url").addEventListener("input", () => {
    $("node-status").textContent = "Not checked yet: Connect checks the node.";
    $("node-status").dataset.state = "idle";
  });
  $("node-form").addEventListener("submit", (event) => {
    event.preventDefault();
    connect();
  });
  $("diploma-form").addEventListener("submit", submitDiploma);
  $("diploma-file").addEventListener("change", showFileHash);
  $("diploma-find").addEventListener("click", findDiplomaId);
  $("title-form").addEventListener("submit", submitTitle);
  $("results-clear").addEventListener("click", clearResults);
  connect();
}

start();
