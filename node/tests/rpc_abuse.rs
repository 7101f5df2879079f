//! The public RPC under abuse: a `--dev` node with small limits is sent malformed parameters for
//! every method it serves (the list comes from its own `rpc_methods`), bodies that are not
//! JSON-RPC, an oversized request, an oversized batch, more subscriptions than a connection may
//! hold and more connections than `--rpc-max-connections`. Each is refused with an error (a
//! JSON-RPC error object with a code and a message, or the HTTP status the limit calls for); the
//! node keeps answering, producing and finalizing blocks throughout. Its peak resident memory is
//! printed (a figure, not an assertion: memory targets belong to benchmarks).

mod common;

use common::{best_and_finalized, wait_for_blocks, Node};
use jsonrpsee::{
    core::{
        client::{ClientT, SubscriptionClientT},
        params::{ArrayParams, BatchRequestBuilder, ObjectParams},
    },
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use serde_json::{json, Value};
use std::{
    collections::BTreeMap,
    time::{Duration, Instant},
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The limits the node is started with: small, so the test reaches them quickly.
const MAX_CONNECTIONS: usize = 16;
const MAX_REQUEST_MB: usize = 1;
const MAX_BATCH: usize = 10;
const MAX_SUBSCRIPTIONS: usize = 4;

/// Parameters that no method of the node takes: wrong types, bad hex, nesting, a big blob,
/// too many arguments.
fn malformed_params() -> Vec<Value> {
    vec![
        json!(["0xzz"]),
        json!(["not hex at all", "0x", -1]),
        json!([1e300, -12345678901234567890i128 as f64, true]),
        json!([{ "nested": [[[[{ "deep": null }]]]] }]),
        json!([format!("0x{}", "ab".repeat(100_000))]),
        json!([null, null, null, null, null, null, null, null]),
        json!([[1, 2, 3], { "a": "b" }, "0x00", 4294967296u64, "0x"]),
    ]
}

/// A JSON-RPC error object: an integer code and a non-empty message.
fn is_error(response: &Value) -> bool {
    response["error"]["code"].is_i64()
        && response["error"]["message"]
            .as_str()
            .is_some_and(|message| !message.is_empty())
}

/// Sends `body` to the node's HTTP endpoint in one POST; returns the status and the body.
async fn post(port: u16, body: &[u8]) -> (u16, String) {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("the RPC port accepts connections");
    let head = format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    // The server may answer (413) and close before it has read a too-big body.
    let _ = stream.write_all(body).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The JSON answer to a raw HTTP POST of `body`: a 200, or a 400 for what does not parse.
async fn post_json(port: u16, body: &[u8]) -> Value {
    let (status, text) = post(port, body).await;
    assert!(
        status == 200 || status == 400,
        "HTTP {status} for {}: {text}",
        String::from_utf8_lossy(body)
    );
    // A chunked body has its chunk sizes around the JSON.
    let start = text.find(['{', '[']).unwrap_or(0);
    let end = text.rfind(['}', ']']).map_or(text.len(), |end| end + 1);
    serde_json::from_str(&text[start..end]).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// The node's peak resident set size (VmHWM), in MiB.
fn peak_rss_mib(node: &Node) -> u64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", node.pid())).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

/// A WebSocket connection spoken by hand (text frames only), for what a client library will not
/// send or cannot match to a request: a message above the server's size limit, answered with an
/// error whose id is null.
struct RawWebSocket {
    stream: tokio::net::TcpStream,
}

impl RawWebSocket {
    async fn open(port: u16) -> RawWebSocket {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("the RPC port accepts connections");
        let handshake = format!(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\n\r\n"
        );
        stream.write_all(handshake.as_bytes()).await.expect("write");
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            head.push(stream.read_u8().await.expect("the handshake's answer"));
        }
        let head = String::from_utf8_lossy(&head);
        assert!(
            head.starts_with("HTTP/1.1 101"),
            "the WebSocket handshake: {head}"
        );
        RawWebSocket { stream }
    }

    /// Sends `payload` as one masked text frame (a zero mask: the payload goes as it is).
    async fn send(&mut self, payload: &[u8]) {
        let mut frame = vec![0x81u8];
        match payload.len() {
            len @ 0..=125 => frame.push(0x80 | len as u8),
            len @ 126..=65535 => {
                frame.push(0x80 | 126);
                frame.extend_from_slice(&(len as u16).to_be_bytes());
            }
            len => {
                frame.push(0x80 | 127);
                frame.extend_from_slice(&(len as u64).to_be_bytes());
            }
        }
        frame.extend_from_slice(&[0, 0, 0, 0]);
        frame.extend_from_slice(payload);
        let _ = self.stream.write_all(&frame).await;
    }

    /// The next text frame's JSON (control frames skipped).
    async fn receive(&mut self) -> Value {
        loop {
            let mut head = [0u8; 2];
            self.stream.read_exact(&mut head).await.expect("a frame");
            let len = match head[1] & 0x7f {
                126 => u64::from(self.stream.read_u16().await.expect("a length")),
                127 => self.stream.read_u64().await.expect("a length"),
                len => u64::from(len),
            };
            let mut payload = vec![0u8; len as usize];
            self.stream
                .read_exact(&mut payload)
                .await
                .expect("a payload");
            if head[0] & 0x0f == 1 {
                return serde_json::from_slice(&payload).expect("a JSON text frame");
            }
        }
    }
}

/// A connection, retried until `timeout` while the server is at its limit (it frees the places
/// of closed connections a moment after they close).
async fn connect_within(port: u16, timeout: Duration) -> WsClient {
    let deadline = Instant::now() + timeout;
    loop {
        match connect(port).await {
            Ok(connection) => return connection,
            Err(error) if Instant::now() > deadline => panic!("no connection: {error}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

async fn connect(port: u16) -> Result<WsClient, jsonrpsee::core::ClientError> {
    WsClientBuilder::default()
        .max_request_size(64 * 1024 * 1024)
        .max_response_size(64 * 1024 * 1024)
        .request_timeout(Duration::from_secs(60))
        .build(format!("ws://127.0.0.1:{port}"))
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_method_refuses_malformed_input_and_the_limits_hold() {
    let (connections, request_mb, batch, subscriptions) = (
        MAX_CONNECTIONS.to_string(),
        MAX_REQUEST_MB.to_string(),
        MAX_BATCH.to_string(),
        MAX_SUBSCRIPTIONS.to_string(),
    );
    let node = Node::start(&[
        "--dev",
        "--rpc-max-connections",
        &connections,
        "--rpc-max-request-size",
        &request_mb,
        "--rpc-max-response-size",
        &request_mb,
        "--rpc-max-batch-request-len",
        &batch,
        "--rpc-max-subscriptions-per-connection",
        &subscriptions,
    ]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 2, 1, Duration::from_secs(60)).await;
    println!("before: peak RSS {} MiB", peak_rss_mib(&node));

    // 1. Every method the node serves, with every malformed parameter list and with named
    //    nonsense. Some lists happen to be well-formed for some methods (a hex blob is a valid
    //    `Bytes` argument, a string a valid log filter; a method without parameters ignores
    //    them): those are answered. What must hold: every call is answered on a connection that
    //    stays open, every refusal is an error with a message, and a method that takes
    //    parameters refuses a nested object in their place (no method takes one).
    let listed: Value = client
        .request("rpc_methods", rpc_params![])
        .await
        .expect("rpc_methods");
    let methods: Vec<String> = listed["methods"]
        .as_array()
        .expect("a method list")
        .iter()
        .filter_map(|method| method.as_str().map(str::to_owned))
        .collect();
    assert!(methods.len() > 50, "only {} methods listed", methods.len());
    let nested = json!({ "nested": [[[[{ "deep": null }]]]] });
    let mut refused = 0usize;
    let mut answered: BTreeMap<String, usize> = BTreeMap::new();
    for method in &methods {
        let mut takes_parameters = false;
        let mut lists: Vec<(String, Result<Value, jsonrpsee::core::ClientError>)> = Vec::new();
        for params in malformed_params() {
            let mut array = ArrayParams::new();
            for param in params.as_array().expect("an array") {
                array.insert(param).expect("serializable");
            }
            lists.push((
                params.to_string(),
                client.request::<Value, _>(method, array).await,
            ));
        }
        let mut named = ObjectParams::new();
        named
            .insert("nonsense", json!([1, "0xzz"]))
            .expect("serializable");
        lists.push((
            "{nonsense}".into(),
            client.request::<Value, _>(method, named).await,
        ));
        lists.push((
            "[]".into(),
            client.request::<Value, _>(method, rpc_params![]).await,
        ));
        for (params, outcome) in lists {
            match outcome {
                Err(jsonrpsee::core::ClientError::Call(error)) => {
                    assert!(
                        !error.message().is_empty(),
                        "{method}: an error without a message"
                    );
                    takes_parameters |= error.code() == -32602;
                    refused += 1;
                }
                Err(other) => panic!("{method} {params:.80}: {other}\n{}", node.log()),
                Ok(_) => *answered.entry(method.clone()).or_default() += 1,
            }
        }
        if takes_parameters {
            let outcome = client
                .request::<Value, _>(method, rpc_params![&nested])
                .await;
            assert!(
                matches!(outcome, Err(jsonrpsee::core::ClientError::Call(_))),
                "{method} accepted a nested object as its parameter: {outcome:?}"
            );
            refused += 1;
        }
    }
    println!(
        "{} methods x 9 malformed parameter lists: {refused} refused with an error (\"Invalid \
         params\" and the like), the rest answered by {} methods that take no parameters or \
         found a list well-formed",
        methods.len(),
        answered.len(),
    );

    // 2. Bodies that are not JSON-RPC requests, over HTTP: each answered with an error object.
    let port = node.rpc_port;
    for body in [
        &b"{"[..],
        b"not json",
        b"null",
        b"42",
        b"[]",
        b"{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"system_health\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getHeader\",\"params\":42}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getBlockHash\",\"params\":\"0x\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no_suchMethod\",\"params\":[]}",
    ] {
        let answer = post_json(port, body).await;
        let answers = answer
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![answer.clone()]);
        assert!(
            !answers.is_empty() && answers.iter().all(is_error),
            "{} answered {answer}",
            String::from_utf8_lossy(body)
        );
    }
    // An id that is neither a number nor a string makes a notification for the server
    // (jsonrpsee): an empty answer, no error object.
    let (status, text) = post(
        port,
        b"{\"jsonrpc\":\"2.0\",\"id\":{\"an\":\"object\"},\"method\":\"system_health\"}",
    )
    .await;
    let body = text
        .split_once("\r\n\r\n")
        .map_or(text.as_str(), |(_, body)| body);
    assert!(
        status == 200 && !body.contains("result"),
        "an object as id: {status} {text}"
    );
    println!(
        "11 bodies that are not JSON-RPC requests: each answered with an error object (HTTP 400 \
         for what does not parse); an object as id: an empty answer"
    );

    // 3. A request above --rpc-max-request-size: HTTP 413; over WebSocket, an error object
    //    (the connection stays usable).
    let blob = "00".repeat(MAX_REQUEST_MB * 1024 * 1024 + 1);
    let oversized = format!(
        "{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"author_submitExtrinsic\",\"params\":[\"0x{blob}\"]}}"
    );
    let (status, _) = post(port, oversized.as_bytes()).await;
    assert_eq!(status, 413, "an oversized HTTP request");
    let mut raw = RawWebSocket::open(port).await;
    raw.send(oversized.as_bytes()).await;
    let answer = raw.receive().await;
    assert!(
        is_error(&answer) && answer["error"]["message"] == "Request is too big",
        "an oversized WebSocket request: {answer}"
    );
    raw.send(br#"{"jsonrpc":"2.0","id":7,"method":"system_health"}"#)
        .await;
    let health = raw.receive().await;
    assert!(
        health["result"].is_object(),
        "after an oversized request: {health}"
    );
    drop(raw);
    let ws = connect(port).await.expect("a connection");
    println!(
        "a request above {MAX_REQUEST_MB} MiB: HTTP 413; over WebSocket {}, and the \
         connection still answers",
        answer["error"]
    );

    // 4. A batch above --rpc-max-batch-request-len is refused whole; one at the limit passes.
    let batch_of = |len: usize| {
        let mut batch = BatchRequestBuilder::new();
        for _ in 0..len {
            batch
                .insert("system_health", rpc_params![])
                .expect("a batch entry");
        }
        batch
    };
    let at_limit = ws
        .batch_request::<Value>(batch_of(MAX_BATCH))
        .await
        .expect("a batch at the limit");
    assert_eq!(at_limit.num_successful_calls(), MAX_BATCH);
    let over = serde_json::to_vec(
        &(0..MAX_BATCH + 1)
            .map(|id| json!({ "jsonrpc": "2.0", "id": id, "method": "system_health" }))
            .collect::<Vec<_>>(),
    )
    .expect("json");
    let answer = post_json(port, &over).await;
    let answers = answer
        .as_array()
        .cloned()
        .unwrap_or_else(|| vec![answer.clone()]);
    assert!(
        answers.iter().all(is_error) && answers.iter().all(|a| a["result"].is_null()),
        "a batch of {} answered {answer}",
        MAX_BATCH + 1
    );
    println!(
        "a batch of {MAX_BATCH} answered; a batch of {}: {}",
        MAX_BATCH + 1,
        answers[0]["error"]["message"]
    );

    // 5. Subscriptions past --rpc-max-subscriptions-per-connection are refused; those held work.
    let mut held = Vec::new();
    for _ in 0..MAX_SUBSCRIPTIONS {
        held.push(
            ws.subscribe::<Value, _>(
                "chain_subscribeNewHeads",
                rpc_params![],
                "chain_unsubscribeNewHeads",
            )
            .await
            .expect("a subscription within the limit"),
        );
    }
    let extra = ws
        .subscribe::<Value, _>(
            "chain_subscribeNewHeads",
            rpc_params![],
            "chain_unsubscribeNewHeads",
        )
        .await;
    match extra {
        Err(jsonrpsee::core::ClientError::Call(error)) => println!(
            "subscription {} on one connection: {}",
            MAX_SUBSCRIPTIONS + 1,
            error.message()
        ),
        other => panic!("a subscription over the limit: {other:?}"),
    }
    let head = tokio::time::timeout(Duration::from_secs(30), held[0].next())
        .await
        .expect("a new head within 30 s");
    assert!(matches!(head, Some(Ok(_))), "{head:?}");
    drop(held);

    // 6. Connections past --rpc-max-connections: the extra ones are refused (HTTP 429 at the
    //    handshake); the open ones keep working; once some close, new ones are accepted.
    //    `client` and `ws` hold two already.
    // The server frees a closed connection's place a moment after the client closes it:
    // until every place is back, fewer than the limit are accepted, so try again a while.
    let deadline = Instant::now() + Duration::from_secs(20);
    let (open, refused_connections) = loop {
        let mut open = Vec::new();
        let mut refused_connections = 0usize;
        for _ in 0..MAX_CONNECTIONS + 8 {
            match connect(port).await {
                Ok(connection) => open.push(connection),
                Err(_) => refused_connections += 1,
            }
        }
        if open.len() + 2 >= MAX_CONNECTIONS || Instant::now() > deadline {
            break (open, refused_connections);
        }
        drop(open);
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    let mut open = open;
    assert_eq!(open.len() + 2, MAX_CONNECTIONS, "connections accepted");
    assert_eq!(refused_connections, 10, "connections refused");
    let (status, text) = post(
        port,
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_health\"}",
    )
    .await;
    assert_eq!(status, 429, "an HTTP request at the limit: {text}");
    for connection in &open {
        connection
            .request::<Value, _>("system_health", rpc_params![])
            .await
            .expect("an open connection works at the limit");
    }
    open.truncate(open.len() - 3);
    for _ in 0..3 {
        open.push(connect_within(port, Duration::from_secs(20)).await);
    }
    println!(
        "{} connections: {refused_connections} more refused (429), an HTTP request too; accepted \
         again once 3 closed",
        MAX_CONNECTIONS
    );
    drop(open);

    // 7. A flood from every connection at once: runtime calls with 200 kB of arguments that do
    //    not decode (no `Issuer` starts with 0xff), each one a wasm instance the node runs.
    let started = Instant::now();
    let mut flood = tokio::task::JoinSet::new();
    for _ in 0..MAX_CONNECTIONS - 2 {
        let port = node.rpc_port;
        flood.spawn(async move {
            let connection = connect_within(port, Duration::from_secs(20)).await;
            let garbage = format!("0x{}", "ff".repeat(200_000));
            let mut errors = 0usize;
            for _ in 0..50 {
                match connection
                    .request::<Value, _>(
                        "state_call",
                        rpc_params!["DiplomasApi_diploma_id", &garbage],
                    )
                    .await
                {
                    Err(jsonrpsee::core::ClientError::Call(_)) => errors += 1,
                    other => panic!("a garbage runtime call: {other:?}"),
                }
            }
            errors
        });
    }
    let mut flood_errors = 0usize;
    while let Some(errors) = flood.join_next().await {
        flood_errors += errors.expect("a flooding task");
    }
    assert_eq!(
        flood_errors,
        (MAX_CONNECTIONS - 2) * 50,
        "every garbage call refused"
    );
    println!(
        "flood: {flood_errors} state_call of 200 kB garbage from {} connections refused in {:.1} s",
        MAX_CONNECTIONS - 2,
        started.elapsed().as_secs_f64()
    );

    // The node still produces and finalizes blocks.
    let (best, finalized) = best_and_finalized(&client).await;
    wait_for_blocks(
        &node,
        &client,
        best + 2,
        finalized + 2,
        Duration::from_secs(60),
    )
    .await;
    println!(
        "after: blocks still produced and finalized (#{} → #{}+); peak RSS {} MiB",
        best,
        best + 2,
        peak_rss_mib(&node)
    );
}
