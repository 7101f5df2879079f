// A `govchain-node --dev` started for one test file: its own temporary base path and free ports,
// killed (with its whole process group) and removed when the test stops it, when the process
// exits, or on SIGINT/SIGTERM.
"use strict";

const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

/** How many of the node's last log lines are kept for error messages. */
const LOG_LINES = 60;

/** The nodes started by this process and not stopped yet. */
const running = new Set();

/**
 * The node binary: `$GOVCHAIN_NODE`, else `$CARGO_TARGET_DIR/release/govchain-node`, else
 * `~/.cache/govchain-target/release/govchain-node` (the defaults of scripts/env.sh).
 */
function nodeBinary() {
  if (process.env.GOVCHAIN_NODE) return process.env.GOVCHAIN_NODE;
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), ".cache", "govchain-target");
  return path.join(target, "release", "govchain-node");
}

/** The node binary's development chain spec, raw (genesis storage, the runtime's `:code`), parsed. */
function devChainSpec() {
  return JSON.parse(execFileSync(nodeBinary(), ["export-chain-spec", "--chain", "dev", "--raw"],
    { maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" }));
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
async function freePort() {
  const [port] = await freePorts(1);
  return port;
}

/** `count` distinct free ports (all held open at once, so they differ). */
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Kills a node's process group and removes its directory; safe to call twice. */
function stopNow(node) {
  if (node.stopped) return;
  node.stopped = true;
  running.delete(node);
  if (node.child.exitCode === null && node.child.signalCode === null) {
    try {
      process.kill(-node.child.pid, "SIGKILL");
    } catch {
      try {
        node.child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
  fs.rmSync(node.basePath, { recursive: true, force: true });
}

process.on("exit", () => {
  for (const node of [...running]) stopNow(node);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const node of [...running]) stopNow(node);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

/** Resolves with the JSON-RPC result of `method`, or rejects. */
async function rpcOverHttp(httpUrl, method, params = []) {
  const response = await fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Starts `govchain-node --dev` with a temporary base path and free ports, and resolves once its
 * RPC answers `system_health`.
 *
 * Returns `{ wsUrl, httpUrl, rpcPort, basePath, log(), stop() }`: `log()` gives the node's last
 * log lines, `stop()` (idempotent) kills the node's process group and removes the base path.
 * Rejects after `timeoutMs` with the node's last log lines if the RPC never answers, or at once
 * if the node exits.
 *
 * `options.args` are appended to the node's command line; `options.logFile`, if given, receives
 * the node's full log. With `options.p2pWebSocket`, the node also listens for p2p connections
 * over WebSocket (`--listen-addr …/ws`, what browsers' light clients reach) and the result has
 * `p2pWebSocket`, that address with the node's peer id (a bootnode address for a chain spec).
 */
async function startDevNode(options = {}) {
  const { timeoutMs = 60_000, args = [], logFile, p2pWebSocket = false } = options;
  const binary = nodeBinary();
  if (!fs.existsSync(binary)) {
    throw new Error(`no govchain-node at ${binary}: build it (scripts/test.sh) or set GOVCHAIN_NODE`);
  }
  const basePath = fs.mkdtempSync(path.join(os.tmpdir(), "govchain-clients-"));
  const [rpcPort, p2pPort, wsPort] = await freePorts(3);
  const listen = p2pWebSocket
    ? ["--listen-addr", `/ip4/127.0.0.1/tcp/${p2pPort}`, "--listen-addr", `/ip4/127.0.0.1/tcp/${wsPort}/ws`]
    : ["--port", String(p2pPort)];
  const child = spawn(
    binary,
    [
      "--dev",
      "--base-path", basePath,
      "--rpc-port", String(rpcPort),
      ...listen,
      "--no-prometheus",
      "--no-telemetry",
      "--state-pruning", "archive",
      "--blocks-pruning", "archive",
      ...args,
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const tail = [];
  const logStream = logFile ? fs.createWriteStream(logFile) : null;
  let partial = "";
  const onData = (chunk) => {
    if (logStream) logStream.write(chunk);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop();
    tail.push(...lines);
    if (tail.length > LOG_LINES) tail.splice(0, tail.length - LOG_LINES);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const log = () => [...tail, partial].filter(Boolean).join("\n");

  const node = { child, basePath, stopped: false };
  running.add(node);
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = `exited with ${signal || code}`;
    if (logStream) logStream.end();
  });
  child.on("error", (error) => {
    exited = `could not start: ${error.message}`;
  });

  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  const wsUrl = `ws://127.0.0.1:${rpcPort}`;
  const stop = async () => {
    const wasRunning = !node.stopped && child.exitCode === null && child.signalCode === null;
    const gone = wasRunning ? new Promise((resolve) => child.once("exit", resolve)) : null;
    stopNow(node);
    if (gone) await gone;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      stopNow(node);
      throw new Error(`govchain-node ${exited} before its RPC answered\n--- last log lines ---\n${log()}`);
    }
    try {
      await rpcOverHttp(httpUrl, "system_health");
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `govchain-node's RPC at ${httpUrl} did not answer system_health within ${timeoutMs} ms` +
            `\n--- last log lines ---\n${log()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const peerId = p2pWebSocket ? await rpcOverHttp(httpUrl, "system_localPeerId") : undefined;
  const p2pWebSocketAddress = p2pWebSocket ? `/ip4/127.0.0.1/tcp/${wsPort}/ws/p2p/${peerId}` : undefined;
  return { wsUrl, httpUrl, rpcPort, basePath, log, stop, p2pWebSocket: p2pWebSocketAddress, wsPort, peerId };
}

module.exports = { startDevNode, devChainSpec, freePort, freePorts, nodeBinary, rpcOverHttp };
