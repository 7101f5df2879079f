// A JSON-RPC 2.0 client over one WebSocket to a govchain node: numbered requests, answers
// matched by id, a timeout on connecting and on every call, and errors a person can act on.

/** The JSON-RPC code of a method the node does not serve. */
export const METHOD_NOT_FOUND = -32601;

/** The node answered a call with a JSON-RPC error. */
export class RpcError extends Error {
  constructor(method, { code, message, data }) {
    super(message);
    this.name = "RpcError";
    this.method = method;
    this.code = code;
    this.data = data;
  }
}

/** The node could not be reached, or stopped answering. */
export class NodeUnreachable extends Error {
  constructor(message) {
    super(message);
    this.name = "NodeUnreachable";
  }
}

export class RpcClient {
  #socket = null;
  #opening = null;
  #nextId = 1;
  #pending = new Map();

  /**
   * @param {string} url `ws://` or `wss://` address of the node's RPC port.
   * @param {{ connectTimeoutMs?: number, callTimeoutMs?: number }} [options]
   */
  constructor(url, { connectTimeoutMs = 8000, callTimeoutMs = 20000 } = {}) {
    this.url = url;
    this.connectTimeoutMs = connectTimeoutMs;
    this.callTimeoutMs = callTimeoutMs;
  }

  /** Calls `method` with positional `params`; resolves with its result. */
  async call(method, params = []) {
    const socket = await this.#open();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new NodeUnreachable(
          `The node did not answer ${method} within ${this.callTimeoutMs / 1000} s.`));
      }, this.callTimeoutMs);
      this.#pending.set(id, { method, resolve, reject, timer });
      socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** Closes the connection; calls still waiting fail. */
  close() {
    const socket = this.#socket;
    this.#socket = null;
    this.#opening = null;
    if (socket) socket.close();
    this.#failAll(new NodeUnreachable("The connection to the node was closed."));
  }

  #open() {
    if (this.#socket && this.#socket.readyState === WebSocket.OPEN) {
      return Promise.resolve(this.#socket);
    }
    if (this.#opening) return this.#opening;
    this.#opening = new Promise((resolve, reject) => {
      const notAnAddress = () => {
        this.#opening = null;
        reject(new NodeUnreachable(
          `"${this.url}" is not a node address: it must start with ws:// or wss://.`));
      };
      if (!/^wss?:\/\/\S+$/i.test(this.url)) {
        notAnAddress();
        return;
      }
      let socket;
      try {
        socket = new WebSocket(this.url);
      } catch {
        notAnAddress();
        return;
      }
      const unreachable = () => new NodeUnreachable(
        `Cannot reach the node at ${this.url}. Check that it is running, that its RPC port is ` +
        "open to you, and that it accepts this page's origin (node option --rpc-cors).");
      const timer = setTimeout(() => {
        socket.close();
        this.#opening = null;
        reject(unreachable());
      }, this.connectTimeoutMs);
      socket.addEventListener("open", () => {
        clearTimeout(timer);
        this.#socket = socket;
        this.#opening = null;
        resolve(socket);
      });
      socket.addEventListener("error", () => {
        clearTimeout(timer);
        if (this.#opening) {
          this.#opening = null;
          reject(unreachable());
        }
      });
      socket.addEventListener("close", () => {
        if (this.#socket === socket) this.#socket = null;
        this.#failAll(new NodeUnreachable(`The node at ${this.url} closed the connection.`));
      });
      socket.addEventListener("message", (event) => this.#answer(event.data));
    });
    return this.#opening;
  }

  #answer(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new RpcError(call.method, message.error));
    else call.resolve(message.result);
  }

  #failAll(error) {
    for (const [id, call] of this.#pending) {
      clearTimeout(call.timer);
      call.reject(error);
      this.#pending.delete(id);
    }
  }
}
