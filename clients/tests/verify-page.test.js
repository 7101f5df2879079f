// The public verification page (web/) in a real browser against a seeded dev node that also
// listens for p2p over WebSocket. In light-client mode (the page's default: smoldot in the
// browser, the chain spec served beside the page with the node as its bootnode): a valid diploma,
// a revoked one, a document that does not match, an unknown id, then a land title with its
// holder, lien, court freeze and history. Then the lying-node tests: in RPC mode, through a
// proxy that forges "Valid", the page is fooled and says it trusts that node; in light-client
// mode, through a relay that forges the payload of every frame the node sends, it shows no
// verdict at all (the p2p layer's authenticated encryption rejects the forged bytes before any
// proof is looked at). And a light client with no reachable bootnode, or given a chain spec from
// another site, refuses to give verdicts.
// Screenshots go to clients/artifacts/.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { devChainSpec, rpcOverHttp, startDevNode } = require("../lib/node");
const { lyingRpcProxy, tamperingRelay } = require("../lib/proxies");
const { seed } = require("../lib/seed");
const { connect } = require("../lib/tx");

const WEB = path.join(__dirname, "..", "..", "web");
const DIST = path.join(WEB, "dist");
const ARTIFACTS = path.join(__dirname, "..", "artifacts");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** How the page words the revocation reasons the seed uses. */
const REASONS = { IssuedInError: "Issued in error", Fraud: "Fraud", CourtOrder: "Court order" };

/** Runs `npm args` in `cwd`; throws with npm's output if it fails. */
function npm(args, cwd) {
  try {
    execFileSync("npm", args, { cwd, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    throw new Error(`npm ${args.join(" ")} in ${cwd} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

/** Installs web/'s pinned toolchain when its lock file changed, then builds web/dist. */
function buildPage() {
  const installed = path.join(WEB, "node_modules", ".package-lock.json");
  const lock = path.join(WEB, "package-lock.json");
  if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
    npm(["ci", "--no-audit", "--no-fund"], WEB);
  }
  npm(["run", "build"], WEB);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/**
 * Serves `root` on a free port of 127.0.0.1, and `extra` (`{ "/name": body }`) beside it;
 * resolves with `{ url, close }`.
 */
async function serveStatic(root, extra) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (extra.has(pathname)) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(extra.get(pathname));
      return;
    }
    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The dev chain's raw spec with `bootNodes`: what a light client starts from. */
function devSpec(bootNodes) {
  return JSON.stringify({ ...devChainSpec(), bootNodes });
}

/** Waits until the node has finalized block `number`. */
async function finalizedAtLeast(number) {
  for (;;) {
    const hash = await rpcOverHttp(node.httpUrl, "chain_getFinalizedHead");
    const header = await rpcOverHttp(node.httpUrl, "chain_getHeader", [hash]);
    if (Number.parseInt(header.number, 16) >= number) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let node;
let site;
let browser;
let page;
let seeded;
let lying;
let relay;
const pageErrors = [];
const consoleLog = [];

/** A new tab on the page with `query`, once its status reads `state` ("connected" or "failed"). */
async function openPage(query, state = "connected") {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on("pageerror", (error) => pageErrors.push(error.message));
  // The page's console (smoldot's warnings among it), kept for diagnosis.
  tab.on("console", (message) => consoleLog.push(`[${query || "default"}] ${message.type()}: ${message.text()}`));
  await tab.goto(`${site.url}${query}`);
  await tab.waitForSelector(`#node-status[data-state="${state}"]`, { timeout: 90_000 });
  return tab;
}

before(async () => {
  buildPage();
  node = await startDevNode({ args: ["--rpc-cors", "all"], p2pWebSocket: true });
  const api = await connect(node.wsUrl);
  try {
    seeded = await seed(api);
  } finally {
    await api.disconnect();
  }
  await finalizedAtLeast(Math.max(...Object.values(seeded.blocks)));
  lying = await lyingRpcProxy(node.wsUrl);
  relay = await tamperingRelay(node.wsPort);
  const unreachable = node.p2pWebSocket.replace(`/tcp/${node.wsPort}/`, "/tcp/9/");
  site = await serveStatic(DIST, new Map([
    ["/chain-spec.json", devSpec([node.p2pWebSocket])],
    ["/relayed-spec.json", devSpec([`/ip4/127.0.0.1/tcp/${relay.port}/ws/p2p/${node.peerId}`])],
    ["/unreachable-spec.json", devSpec([unreachable])],
  ]));

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  // The page's default: the light client, from chain-spec.json beside the page.
  page = await openPage("");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, { timeout: 300_000 });

after(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, "verify-page-console.log"), `${consoleLog.join("\n")}\n`);
  await browser?.close();
  await site?.close();
  await lying?.close();
  await relay?.close();
  await node?.stop();
});

/**
 * Clicks `button` and resolves with the result the page adds at the top of its list; rejects
 * with the page's message if it shows an error in `#errorId` instead.
 */
async function submit(button, errorId, tab = page) {
  const outcome = await attempt(button, errorId, tab);
  if (outcome.error) throw new Error(`the page says: ${outcome.error}`);
  return outcome.result;
}

/** Clicks `button`; resolves with `{ result }` (the new result) or `{ error }` (the page's message). */
async function attempt(button, errorId, tab = page) {
  const results = tab.locator("#results-list > li");
  const before = await results.count();
  await tab.click(button);
  await tab.waitForFunction(([count, error]) =>
    document.querySelectorAll("#results-list > li").length > count || !document.getElementById(error).hidden,
  [before, errorId], { timeout: 120_000 });
  const error = tab.locator(`#${errorId}`);
  if (await error.isVisible()) return { error: await error.innerText() };
  return { result: results.first().locator("article.result") };
}

async function fillDiploma(id, pdfPath, tab = page) {
  await tab.fill("#diploma-id", id);
  await tab.setInputFiles("#diploma-file", pdfPath);
}

async function verifyDiploma(id, pdfPath, tab = page) {
  await fillDiploma(id, pdfPath, tab);
  return submit("#diploma-submit", "diploma-error", tab);
}

/** A diploma id no diploma has: what a forger prints on a fake. */
const FORGED_ID = `0x${"f0".repeat(32)}`;

test("the page starts in light-client mode, synced from the chain spec, trusting no node", async () => {
  const status = await page.locator("#node-status").innerText();
  assert.match(status, /^Light client synced with govchain development: finalized block #\d+/);
  assert.match(status, /No node is trusted\./);
}, { timeout: 60_000 });

test("a valid diploma with its own document reads Valid, with its issuer and degree", async () => {
  const { valid } = seeded.diplomas;
  const result = await verifyDiploma(valid.id, valid.pdfPath);

  assert.equal(await result.getAttribute("data-status"), "valid");
  assert.equal(await result.locator(".verdict-text").innerText(), "Valid");
  const text = await result.innerText();
  assert.match(text, new RegExp(`Issuer\\s+Institution #${valid.issuer}\\b`));
  assert.ok(text.includes(valid.serial), text);
  assert.ok(text.includes(valid.documentHash), "the page shows the document's SHA-256");
  assert.match(text, /Degree\s+Bachelor/);
  assert.match(text, /Issued on\s+28 June 2024/);
  assert.match(text, /Accredited on the date of issue\s+Yes/);
  const context = await result.locator(".result-context").innerText();
  assert.match(context, /^Final at block #\d+ \(made \d+ \w+ \d{4}, \d\d:\d\d:\d\d UTC\)\. Verified by this browser's light client/);
});

test("a revoked diploma reads Revoked, with its reason", async () => {
  const { revoked } = seeded.diplomas;
  const result = await verifyDiploma(revoked.id, revoked.pdfPath);

  assert.equal(await result.getAttribute("data-status"), "revoked");
  const verdict = await result.locator(".verdict-text").innerText();
  assert.equal(verdict, `Revoked — ${REASONS[revoked.reason]}`);
  assert.match(await result.innerText(), new RegExp(`Reason\\s+${REASONS[revoked.reason]}`));
  assert.match(await result.innerText(), /Revoked at\s+block #\d+/);
  // Both checks stay on the page, the revoked one above the valid one.
  const statuses = await page.locator("#results-list article.result").evaluateAll(
    (articles) => articles.map((article) => article.dataset.status));
  assert.deepEqual(statuses, ["revoked", "valid"]);
  await page.screenshot({ path: path.join(ARTIFACTS, "verify-page-diplomas.png"), fullPage: true });
});

test("the valid diploma's id with the revoked diploma's document reads Document does not match", async () => {
  const { valid, revoked } = seeded.diplomas;
  const result = await verifyDiploma(valid.id, revoked.pdfPath);

  assert.equal(await result.getAttribute("data-status"), "mismatch");
  assert.equal(await result.locator(".verdict-text").innerText(), "Document does not match");
  assert.ok((await result.innerText()).includes("does not match the registered one"));
});

test("an id no diploma has reads Unknown", async () => {
  const result = await verifyDiploma(FORGED_ID, seeded.diplomas.valid.pdfPath);
  assert.equal(await result.getAttribute("data-status"), "unknown");
  assert.equal(await result.locator(".verdict-text").innerText(), "Unknown");
});

test("a malformed diploma id is refused with what a diploma id looks like", async () => {
  const results = await page.locator("#results-list > li").count();
  await page.fill("#diploma-id", "0x1234");
  await page.click("#diploma-submit");
  await page.locator("#diploma-error").waitFor({ state: "visible" });
  assert.match(await page.locator("#diploma-error").innerText(), /0x followed by 64 hexadecimal digits/);
  assert.equal(await page.locator("#results-list > li").count(), results);
});

test("a cadastral number shows its title: holder, lien, court freeze and history", async (t) => {
  const { parcel, institutions } = seeded;
  await page.fill("#cadastral-number", parcel.cadastralNumber);
  const result = await submit("#title-submit", "title-error");

  assert.equal(await result.getAttribute("data-kind"), "title");
  assert.equal(await result.locator(".verdict-text").innerText(), "Registered — frozen by a court, 1 lien");
  const holders = await result.locator("table.holders tbody tr").allInnerTexts();
  assert.deepEqual(holders, [`Institution #${parcel.owner.institution}\t100 %`]);

  const liens = result.locator("section.liens tbody tr");
  assert.equal(await liens.count(), 1);
  const lien = await liens.first().innerText();
  assert.match(lien, new RegExp(`^1\\tInstitution #${institutions.bank}\\t#${parcel.liens[0].id}\\t`));
  assert.ok(lien.includes(parcel.liens[0].reference), lien);

  const freeze = await result.locator("section.freeze").innerText();
  assert.match(freeze, new RegExp(`Frozen by\\s+Court \\(institution #${institutions.court}\\)`));
  assert.ok(freeze.includes(parcel.freezeCase), freeze);

  const history = result.locator("section.parcel-history");
  const changes = await history.locator("tbody tr td:last-child").allInnerTexts();
  const frozen = `Frozen by a court (institution #${institutions.court}), case ${parcel.freezeCase}`;
  assert.deepEqual(changes, [
    `Registered by the land registrar (institution #${institutions.ministry})`,
    `Transferred to Institution #${parcel.owner.institution} (offer #${parcel.offer})`,
    `Lien #${parcel.liens[0].id} registered by a bank (institution #${institutions.bank})`,
    `Lien #${parcel.liens[1].id} registered by a bank (institution #${institutions.bank})`,
    `Lien #${parcel.liens[1].id} released by a bank (institution #${institutions.bank})`,
    frozen,
  ]);
  await result.screenshot({ path: path.join(ARTIFACTS, "verify-page-title.png") });
  await page.screenshot({ path: path.join(ARTIFACTS, "verify-page.png"), fullPage: true });
});

test("RPC mode through a lying node: the page is fooled, and says it trusted that node", async () => {
  const tab = await openPage(`?mode=rpc&node=${encodeURIComponent(lying.url)}`);
  try {
    assert.match(await tab.locator("#node-status").innerText(), /This node is trusted: its answers are not checked\./);
    const before = lying.rewritten();
    const result = await verifyDiploma(FORGED_ID, seeded.diplomas.valid.pdfPath, tab);
    assert.ok(lying.rewritten() > before, "the proxy forged the verification answer");
    // The forgery shows as Valid: the trust an RPC node is given, stated on the result.
    assert.equal(await result.getAttribute("data-status"), "valid");
    assert.match(await result.locator(".result-context").innerText(),
      new RegExp(`Answers from the node at ${lying.url}, trusted: this page does not check them\\.`));
    await result.screenshot({ path: path.join(ARTIFACTS, "verify-page-rpc-lying-node.png") });
  } finally {
    await tab.close();
  }
}, { timeout: 180_000 });

test("light-client mode through a forging relay: no verdict at all for a forged diploma", async () => {
  const tab = await openPage("?chainSpec=relayed-spec.json");
  try {
    // Honest until now: the relay passes the node's answers and the page verifies through it.
    const valid = await verifyDiploma(seeded.diplomas.valid.id, seeded.diplomas.valid.pdfPath, tab);
    assert.equal(await valid.getAttribute("data-status"), "valid");
    relay.tamper();
    await fillDiploma(FORGED_ID, seeded.diplomas.valid.pdfPath, tab);
    const outcome = await attempt("#diploma-submit", "diploma-error", tab);
    assert.ok(relay.tampered() > 0, "the relay forged the node's frames");
    // Nothing that came through the forging relay is believed: no verdict at all, and a
    // refusal that says why.
    assert.equal(outcome.result, undefined, "a verdict shown from a forged connection");
    assert.match(outcome.error, /light client (could not obtain a verified answer|reaches no node|is still catching up)/);
    await tab.screenshot({ path: path.join(ARTIFACTS, "verify-page-light-forging-relay.png"), fullPage: true });
  } finally {
    await tab.close();
  }
}, { timeout: 240_000 });

test("a light client that reaches no bootnode says so and gives no verdict", async () => {
  const tab = await openPage("?chainSpec=unreachable-spec.json", "failed");
  try {
    assert.match(await tab.locator("#node-status").innerText(), /reaches no node of the network \(no peers\)/);
    await fillDiploma(seeded.diplomas.valid.id, seeded.diplomas.valid.pdfPath, tab);
    const outcome = await attempt("#diploma-submit", "diploma-error", tab);
    assert.equal(outcome.result, undefined, "no verdict without a verified answer");
    assert.match(outcome.error, /reaches no node of the network/);
  } finally {
    await tab.close();
  }
}, { timeout: 240_000 });

test("a chain spec from another site is refused: it would decide what the page calls verified", async () => {
  const tab = await openPage(`?chainSpec=${encodeURIComponent("http://localhost:9/chain-spec.json")}`, "failed");
  try {
    assert.match(await tab.locator("#node-status").innerText(), /The chain spec must come from this page's own site/);
  } finally {
    await tab.close();
  }
}, { timeout: 60_000 });

test("the page raised no script errors", () => {
  assert.deepEqual(pageErrors, []);
});
