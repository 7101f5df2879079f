// The public verification page (web/) in a real browser against a seeded dev node: a valid
// diploma, a revoked one and a document that does not match, then a land title with its holder,
// lien, court freeze and its history (`landTitles_history`).
// Screenshots go to clients/artifacts/.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { startDevNode } = require("../lib/node");
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

/** Serves `root` on a free port of 127.0.0.1; resolves with `{ url, close }`. */
async function serveStatic(root) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
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

let node;
let site;
let browser;
let page;
let seeded;
const pageErrors = [];

before(async () => {
  buildPage();
  site = await serveStatic(DIST);
  node = await startDevNode({ args: ["--rpc-cors", "all"] });
  const api = await connect(node.wsUrl);
  try {
    seeded = await seed(api);
  } finally {
    await api.disconnect();
  }

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${site.url}?node=${encodeURIComponent(node.wsUrl)}`);
  await page.waitForSelector('#node-status[data-state="connected"]', { timeout: 15_000 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  await site?.close();
  await node?.stop();
});

/**
 * Clicks `button` and resolves with the result the page adds at the top of its list; rejects
 * with the page's message if it shows an error in `#errorId` instead.
 */
async function submit(button, errorId) {
  const results = page.locator("#results-list > li");
  const before = await results.count();
  await page.click(button);
  await page.waitForFunction(([count, error]) =>
    document.querySelectorAll("#results-list > li").length > count || !document.getElementById(error).hidden,
  [before, errorId], { timeout: 30_000 });
  const error = page.locator(`#${errorId}`);
  if (await error.isVisible()) throw new Error(`the page says: ${await error.innerText()}`);
  return results.first().locator("article.result");
}

async function verifyDiploma(id, pdfPath) {
  await page.fill("#diploma-id", id);
  await page.setInputFiles("#diploma-file", pdfPath);
  return submit("#diploma-submit", "diploma-error");
}

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

test("the page raised no script errors", () => {
  assert.deepEqual(pageErrors, []);
});
