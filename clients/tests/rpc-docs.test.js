// docs/rpc.md is true: every registry method the node serves is documented with examples,
// every namespace has an error example, and every documented request, replayed against a
// freshly seeded dev chain, gets exactly the documented response (fields the document lists as
// "Compared by type only" need only be integers in both).
//
// After a deliberate change of what the methods answer, `GOVCHAIN_RPC_DOCS=write` makes this
// test write the node's actual responses into docs/rpc.md in place of the differing ones (it
// still fails, listing them): review the diff, fix the prose around it, run again.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { startDevNode } = require("../lib/node");
const { connect } = require("../lib/tx");
const { seed } = require("../lib/seed");
const { post, callHttp } = require("../lib/rpc");

const DOC = path.join(__dirname, "..", "..", "docs", "rpc.md");
const NAMESPACES = ["landTitles", "diplomas", "cbdc", "voting"];
const REGISTRY_METHOD = new RegExp(`^(${NAMESPACES.join("|")})_\\w+$`);

/**
 * The document's method sections (`## namespace_method`), each with its examples: pairs of a
 * request (a JSON block with `method`) and the response in the JSON block after it. Also the
 * field names the document says are compared by type only.
 */
function parseDoc(text) {
  const sections = new Map();
  let current = null;
  let pending = null;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const heading = /^## (\S+)\s*$/.exec(lines[i]);
    if (heading) {
      assert.equal(pending, null, `a request without a response before "${lines[i]}"`);
      current = REGISTRY_METHOD.test(heading[1]) ? { name: heading[1], examples: [] } : null;
      if (current) sections.set(current.name, current);
      continue;
    }
    if (lines[i].trim() !== "```json") continue;
    const start = i + 1;
    do i += 1; while (i < lines.length && lines[i].trim() !== "```");
    const source = lines.slice(start, i).join("\n");
    let value;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw new Error(`docs/rpc.md line ${start}: not JSON: ${error.message}`);
    }
    if (!current) continue;
    if (pending) {
      current.examples.push({ line: pending.line, request: pending.value, response: value });
      pending = null;
    } else {
      assert.equal(value.method, current.name, `docs/rpc.md line ${start}: a request in ${current.name}'s section`);
      pending = { line: start, value };
    }
  }
  assert.equal(pending, null, "the document ends with a request without a response");
  const rule = /^\*\*Compared by type only:\*\*(.*)$/m.exec(text);
  assert.ok(rule, "docs/rpc.md states which fields are compared by type only");
  const byType = new Set([...rule[1].matchAll(/`(\w+)`/g)].map((match) => match[1]));
  return { sections, byType };
}

/** `value` with every integer under a `byType` field name replaced by a marker. */
function normalize(value, byType) {
  if (Array.isArray(value)) return value.map((item) => normalize(item, byType));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [
      key,
      byType.has(key) && Number.isInteger(item) ? "<integer>" : normalize(item, byType),
    ]));
  }
  return value;
}

const doc = parseDoc(fs.readFileSync(DOC, "utf8"));
let node;

before(async () => {
  node = await startDevNode();
  const api = await connect(node.wsUrl);
  try {
    await seed(api);
  } finally {
    await api.disconnect();
  }
}, { timeout: 180_000 });

after(async () => {
  if (node) await node.stop();
});

test("every registry method the node serves is documented with examples", async () => {
  const { methods } = await callHttp(node.httpUrl, "rpc_methods");
  const served = methods.filter((method) => REGISTRY_METHOD.test(method)).sort();
  assert.ok(served.length >= 13, `the node serves only ${served}`);
  const undocumented = served.filter((method) => !doc.sections.get(method)?.examples.length);
  assert.deepEqual(undocumented, [], "methods the node serves without a documented example");
  // A section with examples documents a method the node must serve; a placeholder section
  // (no examples yet) may precede the method.
  const unknown = [...doc.sections.values()]
    .filter(({ name, examples }) => examples.length && !served.includes(name))
    .map(({ name }) => name);
  assert.deepEqual(unknown, [], "documented methods the node does not serve");
});

test("every namespace has a success and an error example", () => {
  for (const namespace of NAMESPACES) {
    const examples = [...doc.sections.values()]
      .filter(({ name }) => name.startsWith(`${namespace}_`))
      .flatMap(({ examples: list }) => list);
    assert.ok(examples.some(({ response }) => "result" in response), `no ${namespace} result example`);
    assert.ok(examples.some(({ response }) => "error" in response), `no ${namespace} error example`);
  }
});

test("the only fields compared by type are block numbers", () => {
  assert.deepEqual([...doc.byType].sort(),
    ["at", "recordedAt", "registeredAt", "since", "votingEnds", "votingStarts"]);
});

test("every documented request gets the documented response", async () => {
  const examples = [...doc.sections.values()].flatMap(({ examples: list }) => list);
  assert.ok(examples.length >= 30, `only ${examples.length} examples`);
  const differences = [];
  const rewrites = [];
  for (const { line, request, response } of examples) {
    const actual = await post(node.httpUrl, request);
    try {
      assert.deepStrictEqual(normalize(actual, doc.byType), normalize(response, doc.byType));
    } catch {
      rewrites.push({ line, actual });
      differences.push(`docs/rpc.md line ${line}: ${JSON.stringify(request)}\n` +
        `  documented: ${JSON.stringify(response)}\n  actual:     ${JSON.stringify(actual)}`);
    }
  }
  if (process.env.GOVCHAIN_RPC_DOCS === "write") writeResponses(rewrites);
  assert.equal(differences.length, 0, differences.join("\n"));
});

/** Replaces, in docs/rpc.md, the response block after each request at `line` with `actual`. */
function writeResponses(rewrites) {
  const lines = fs.readFileSync(DOC, "utf8").split("\n");
  // From the last to the first, so that earlier line numbers stay right.
  for (const { line, actual } of [...rewrites].sort((a, b) => b.line - a.line)) {
    let i = line;
    while (lines[i].trim() !== "```") i += 1;
    i += 1;
    while (lines[i].trim() !== "```json") i += 1;
    const start = i + 1;
    let end = start;
    while (lines[end].trim() !== "```") end += 1;
    lines.splice(start, end - start, ...JSON.stringify(actual, null, 2).split("\n"));
  }
  fs.writeFileSync(DOC, lines.join("\n"));
}
