// Raw JSON-RPC: the registries' methods (`landTitles_*`, `diplomas_*`, `cbdc_*`, `voting_*`)
// are not in @polkadot/api's known RPC definitions, so clients call them by name.
"use strict";

/** The result of `method` over an API's provider (rejects on a JSON-RPC error). */
function call(api, method, params = []) {
  return api._rpcCore.provider.send(method, params);
}

/**
 * The whole JSON-RPC response (`{ jsonrpc, id, result }` or `{ jsonrpc, id, error }`) to
 * `request` POSTed to `httpUrl`, exactly as the node sent it.
 */
async function post(httpUrl, request) {
  const response = await fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  return response.json();
}

/** The result of `method` over HTTP (rejects on a JSON-RPC error). */
async function callHttp(httpUrl, method, params = []) {
  const body = await post(httpUrl, { jsonrpc: "2.0", id: 1, method, params });
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

module.exports = { call, post, callHttp };
