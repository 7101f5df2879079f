// Men in the middle for the lying-node tests, on 127.0.0.1 only:
//
// - `lyingRpcProxy`: a JSON-RPC WebSocket proxy in front of a node that answers every runtime
//   call of `DiplomasApi_verify` (`chainHead_v1_call`, and `state_call` for older clients) with
//   `Verification::Valid` (`0x00`), whatever the node said. What a hacked or rogue RPC node does.
// - `tamperingRelay`: a TCP relay in front of a node's p2p WebSocket port. It relays honestly
//   until `tamper()`; from then on it rewrites the payload of every WebSocket frame the node
//   sends (frames stay well-formed, so the browser passes them to the light client): a network
//   path that alters the node's answers. The p2p stream is encrypted and authenticated (Noise),
//   so the light client rejects the altered bytes before any proof is looked at; a node that
//   lies with its own keys is a different test (its proofs must fail against the state root).
"use strict";

const net = require("node:net");
const { WebSocket, WebSocketServer } = require("ws");

/** SCALE of `Verification::Valid`: variant 0, no fields. */
const VALID = "0x00";
const VERIFY = "DiplomasApi_verify";

/** Resolves once `server` listens on a free port of 127.0.0.1. */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server.address().port));
  });
}

/**
 * A proxy to the node at `upstream` (`ws://…`) that forges "Valid" for every diploma.
 * Resolves with `{ url, rewritten(), close() }`; `rewritten()` counts the answers it forged.
 */
async function lyingRpcProxy(upstream) {
  let rewritten = 0;
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (client) => {
    const node = new WebSocket(upstream);
    const queued = [];
    /** Ids of `state_call`s and `chainHead_v1_call`s of the verification, and their operations. */
    const verifyRequests = new Map();
    const verifyOperations = new Set();
    client.on("message", (data) => {
      const text = data.toString();
      try {
        const message = JSON.parse(text);
        const method = message?.method;
        if (method === "chainHead_v1_call" && message.params?.[2] === VERIFY) {
          verifyRequests.set(message.id, "chainHead");
        } else if (method === "state_call" && message.params?.[0] === VERIFY) {
          verifyRequests.set(message.id, "state");
        }
      } catch {
        // Relayed as it came.
      }
      if (node.readyState === WebSocket.OPEN) node.send(text);
      else queued.push(text);
    });
    node.on("open", () => {
      for (const text of queued.splice(0)) node.send(text);
    });
    node.on("message", (data) => {
      let text = data.toString();
      try {
        const message = JSON.parse(text);
        const kind = verifyRequests.get(message.id);
        if (kind === "state" && typeof message.result === "string") {
          message.result = VALID;
          rewritten += 1;
          text = JSON.stringify(message);
        } else if (kind === "chainHead" && message.result?.operationId) {
          verifyOperations.add(message.result.operationId);
        }
        if (kind) verifyRequests.delete(message.id);
        const event = message.params?.result;
        if (message.method === "chainHead_v1_followEvent" && event?.event === "operationCallDone" &&
          verifyOperations.delete(event.operationId)) {
          event.output = VALID;
          rewritten += 1;
          text = JSON.stringify(message);
        }
      } catch {
        // Relayed as it came.
      }
      if (client.readyState === WebSocket.OPEN) client.send(text);
    });
    const closeBoth = () => {
      client.terminate();
      node.terminate();
    };
    client.on("close", closeBoth);
    node.on("close", closeBoth);
    client.on("error", closeBoth);
    node.on("error", closeBoth);
  });
  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    rewritten: () => rewritten,
    close: () => new Promise((resolve) => {
      for (const client of server.clients) client.terminate();
      server.close(resolve);
    }),
  };
}

/**
 * Follows the WebSocket frames a server sends (after its HTTP upgrade answer) and passes their
 * bytes through `forge(payload bytes)` while `tampering()`: headers stay intact, so the browser
 * accepts every frame and hands the forged payload to the light client above it.
 */
function frameForger(tampering) {
  let handshake = Buffer.alloc(0);
  let upgraded = false;
  let header = Buffer.alloc(0);
  let remaining = 0;
  let forged = 0;
  const headerLength = (bytes) => {
    if (bytes.length < 2) return null;
    // The second byte: mask bit and a 7-bit length, 126 and 127 announcing 2 and 8 more bytes.
    const length = bytes[1] & 0x7f;
    const extended = length === 126 ? 2 : length === 127 ? 8 : 0;
    return 2 + extended + (bytes[1] & 0x80 ? 4 : 0);
  };
  const payloadLength = (bytes) => {
    const length = bytes[1] & 0x7f;
    if (length === 126) return bytes.readUInt16BE(2);
    if (length === 127) return Number(bytes.readBigUInt64BE(2));
    return length;
  };
  const relay = (chunk) => {
    let bytes = chunk;
    const out = [];
    if (!upgraded) {
      handshake = Buffer.concat([handshake, bytes]);
      const end = handshake.indexOf("\r\n\r\n");
      if (end < 0) return Buffer.alloc(0);
      upgraded = true;
      out.push(handshake.subarray(0, end + 4));
      bytes = handshake.subarray(end + 4);
    }
    let position = 0;
    while (position < bytes.length) {
      if (remaining > 0) {
        const take = Math.min(remaining, bytes.length - position);
        const payload = Buffer.from(bytes.subarray(position, position + take));
        if (tampering()) {
          for (let i = 0; i < payload.length; i += 1) payload[i] ^= 0x5a;
          forged += 1;
        }
        out.push(payload);
        remaining -= take;
        position += take;
        continue;
      }
      header = Buffer.concat([header, bytes.subarray(position, position + 1)]);
      position += 1;
      const length = headerLength(header);
      if (length !== null && header.length === length) {
        out.push(header);
        remaining = payloadLength(header);
        header = Buffer.alloc(0);
      }
    }
    return Buffer.concat(out);
  };
  return { relay, forged: () => forged };
}

/**
 * A relay to the p2p WebSocket port `port` of 127.0.0.1, honest until `tamper()`; from then on
 * it forges the payload of every WebSocket frame the node sends (the frames themselves stay
 * well-formed). Resolves with `{ port, tamper(), tampered(), close() }`; `tampered()` counts the
 * payloads it forged.
 */
async function tamperingRelay(port) {
  let tampering = false;
  const forgers = [];
  const sockets = new Set();
  const server = net.createServer((client) => {
    const node = net.connect(port, "127.0.0.1");
    const forger = frameForger(() => tampering);
    forgers.push(forger);
    sockets.add(client);
    sockets.add(node);
    client.pipe(node);
    node.on("data", (chunk) => {
      const out = forger.relay(chunk);
      if (out.length) client.write(out);
    });
    const closeBoth = () => {
      client.destroy();
      node.destroy();
      sockets.delete(client);
      sockets.delete(node);
    };
    for (const socket of [client, node]) {
      socket.on("close", closeBoth);
      socket.on("error", closeBoth);
    }
  });
  const listening = await listen(server);
  return {
    port: listening,
    tamper: () => {
      tampering = true;
    },
    /** How many stretches of frame payload it altered (pings and closes included). */
    tampered: () => forgers.reduce((sum, forger) => sum + forger.forged(), 0),
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(resolve);
    }),
  };
}

module.exports = { lyingRpcProxy, tamperingRelay };
