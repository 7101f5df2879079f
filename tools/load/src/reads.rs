//! `govchain-load reads`: the read path. Many WebSocket clients ask a node (or a reverse proxy in
//! front of several) the registries' verification queries at the finalized block — is this
//! diploma genuine for this document, who holds this parcel — and the tool reports requests per
//! second, latency percentiles, every wrong answer and refusal, and the CPU the nodes used.
//!
//! Three paths to the same runtime API:
//! - `state-call`: `state_call` at the finalized block hash (the legacy JSON-RPC, which subxt's
//!   legacy backend uses);
//! - `chain-head`: `chainHead_v1_call` on each client's own `chainHead_v1_follow` subscription,
//!   the answer arriving as an `operationCallDone` event (the new JSON-RPC spec, which
//!   polkadot-api and light-client-backed wallets use); the client unpins blocks as they are
//!   finalized, as such a client must;
//! - `json`: the node's own methods (`diplomas_verify`, `landTitles_parcel`) for curl users.
//!
//! Every answer is checked against what the chain is known to hold: a genuine diploma must be
//! `Valid`, a forged document `HashMismatch`, an unknown id `Unknown`, a parcel its record.

use crate::{cpu, Error};
use codec::{Decode, Encode};
use frame_support::{
    storage::StoragePrefixedMap, Blake2_128Concat, ReversibleStorageHasher, Twox64Concat,
};
use govchain_runtime::{BlockNumber, Runtime};
use jsonrpsee::{
    core::{
        client::{ClientT, Subscription, SubscriptionClientT, SubscriptionKind},
        params::ArrayParams,
    },
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use pallet_diplomas::{DiplomaId, DiplomaRecord, Verification};
use pallet_land_titles::{ParcelId, ParcelRecord};
use serde_json::Value;
use sp_core::{bytes, H256};
use sp_io::hashing::blake2_256;
use std::{
    collections::{BTreeMap, HashSet},
    path::PathBuf,
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::{sync::watch, task::JoinSet};

/// How the clients reach the runtime API.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub enum Method {
    /// `state_call` at the finalized block.
    StateCall,
    /// `chainHead_v1_call` on a `chainHead_v1_follow` subscription.
    ChainHead,
    /// The node's JSON methods `diplomas_verify` and `landTitles_parcel`.
    Json,
}

impl Method {
    /// The path's name in the report.
    fn label(self) -> &'static str {
        match self {
            Self::StateCall => "state_call",
            Self::ChainHead => "chainHead_v1_call",
            Self::Json => "diplomas_verify/landTitles_parcel",
        }
    }
}

/// The read benchmark's settings.
#[derive(clap::Args)]
pub struct ReadArgs {
    /// The WebSocket endpoint: a node, or a proxy in front of several.
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    url: String,
    /// WebSocket clients, each with one request in flight at a time.
    #[arg(long, default_value_t = 100)]
    connections: usize,
    /// How the clients reach the runtime API.
    #[arg(long, value_enum, default_value = "state-call")]
    method: Method,
    /// Seconds measured.
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Seconds of asking before the measurement starts (connections warm, runtime instances
    /// made).
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Requests per second in all, spread evenly over the clients; each request's latency
    /// counts from when it was due, so a node that falls behind is seen to. Without it, every
    /// client asks again as soon as it is answered (the most the node serves).
    #[arg(long)]
    rate: Option<f64>,
    /// Where to sample the queries from (default: `--url`): a node whose rate limit would
    /// refuse the sampling's thousands of calls is sampled through another of the same chain.
    #[arg(long)]
    sample_url: Option<String>,
    /// Diplomas (and as many parcels) sampled from the chain to ask about.
    #[arg(long, default_value_t = 4_000)]
    sample: usize,
    /// Processes whose CPU use to report, as `name=pid` (the nodes, the proxy).
    #[arg(long, value_delimiter = ',')]
    pid: Vec<String>,
    /// The run's name in the report.
    #[arg(long, default_value = "")]
    label: String,
    /// Appends the result to this file as one JSON line.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// One question and the answer the chain must give.
struct Query {
    /// The runtime API function and its SCALE-encoded arguments, hex once here rather than on
    /// every request (the tool shares the node's cores).
    function: &'static str,
    arguments: String,
    /// The runtime API's answer, SCALE-encoded.
    expected: Vec<u8>,
    /// The node's JSON method, its arguments before `at`, and its answer.
    json_method: &'static str,
    json_arguments: Vec<Value>,
    expected_json: Value,
}

/// What one client saw in the measured window.
#[derive(Default)]
struct Tally {
    /// Right answers that arrived in the window (the throughput).
    answered: u64,
    /// Latencies of the right answers to requests sent (or, paced, due) in the window, in
    /// microseconds.
    latencies: Vec<u32>,
    /// Paced: requests due in the window and not answered by its end.
    late: u64,
    /// Answers that were not the chain's.
    wrong: u64,
    /// Failed requests by message.
    errors: BTreeMap<String, u64>,
}

impl Tally {
    /// Counts a failure by its message (cut short: a long message is one kind of failure).
    fn error(&mut self, message: String) {
        let kind: String = message.chars().take(120).collect();
        *self.errors.entry(kind).or_default() += 1;
    }

    /// Adds another client's tally to this one.
    fn merge(&mut self, other: Self) {
        self.answered += other.answered;
        self.late += other.late;
        self.latencies.extend(other.latencies);
        self.wrong += other.wrong;
        for (message, count) in other.errors {
            *self.errors.entry(message).or_default() += count;
        }
    }
}

/// Runs the read benchmark and prints (and appends to `--json`) its result.
pub async fn run(args: ReadArgs) -> Result<(), Error> {
    let pids = parse_pids(&args.pid)?;
    let sample_url = args.sample_url.as_deref().unwrap_or(&args.url);
    let sampler = connect(sample_url).await?;
    let finalized = finalized_head(&sampler).await?;
    let sampling = Instant::now();
    let queries = Arc::new(sample(sample_url, finalized, args.sample).await?);
    drop(sampler);
    let control = connect(&args.url).await?;
    eprintln!(
        "reads: {} queries sampled at the finalized block {finalized:?} in {:.1} s",
        queries.len(),
        sampling.elapsed().as_secs_f64()
    );

    // The finalized block every `state_call` and JSON client asks at, kept current.
    let (at_sender, at) = watch::channel(finalized);
    let mut heads = control
        .subscribe::<Value, _>(
            "chain_subscribeFinalizedHeads",
            rpc_params![],
            "chain_unsubscribeFinalizedHeads",
        )
        .await
        .map_err(|error| format!("chain_subscribeFinalizedHeads: {error}"))?;
    let control = Arc::new(control);
    let watcher_control = control.clone();
    let watcher = tokio::spawn(async move {
        while let Some(Ok(_)) = heads.next().await {
            if let Ok(hash) = finalized_head(&watcher_control).await {
                at_sender.send_replace(hash);
            }
        }
    });

    // Every client connects (and follows the chain, for chain-head) before the clock starts.
    let connecting = Instant::now();
    let mut clients = Vec::with_capacity(args.connections);
    let mut refused = Tally::default();
    let mut pending = JoinSet::new();
    for n in 0..args.connections {
        let url = args.url.clone();
        let method = args.method;
        pending.spawn(async move { (n, open_client(&url, method).await) });
        // At most 64 handshakes at once.
        if pending.len() >= 64 {
            collect_one(&mut pending, &mut clients, &mut refused).await;
        }
    }
    while !pending.is_empty() {
        collect_one(&mut pending, &mut clients, &mut refused).await;
    }
    eprintln!(
        "reads: {} of {} clients connected in {:.1} s{}",
        clients.len(),
        args.connections,
        connecting.elapsed().as_secs_f64(),
        if refused.errors.is_empty() {
            String::new()
        } else {
            format!("; refused: {:?}", refused.errors)
        }
    );
    if clients.is_empty() {
        return Err("no client could connect".into());
    }

    let start = Instant::now() + Duration::from_millis(200);
    let measure_from = start + Duration::from_secs(args.warmup);
    let end = measure_from + Duration::from_secs(args.seconds);
    let interval = args
        .rate
        .map(|rate| Duration::from_secs_f64(clients.len() as f64 / rate.max(1.0)));
    let width = clients.len();
    let mut workers = JoinSet::new();
    for (place, (n, client)) in clients.into_iter().enumerate() {
        let queries = queries.clone();
        let at = at.clone();
        // Clients start spread over one interval, so a paced load arrives evenly.
        let first =
            start + interval.map_or(Duration::ZERO, |every| every * place as u32 / width as u32);
        workers.spawn(ask(
            client,
            n,
            queries,
            at,
            Window {
                first,
                interval,
                measure_from,
                end,
            },
        ));
    }
    // CPU use over the measured window only.
    tokio::time::sleep_until(measure_from.into()).await;
    let own = std::process::id();
    let cpu_before: Vec<Option<f64>> = pids.iter().map(|(_, pid)| cpu::seconds_of(*pid)).collect();
    let own_before = cpu::seconds_of(own);
    tokio::time::sleep_until(end.into()).await;
    let cpu_after: Vec<Option<f64>> = pids.iter().map(|(_, pid)| cpu::seconds_of(*pid)).collect();
    let own_after = cpu::seconds_of(own);
    // Threads at the window's end: a node running calls on a thread each shows it here.
    let threads: BTreeMap<String, Option<u64>> = pids
        .iter()
        .map(|(name, pid)| (name.clone(), threads_of(*pid)))
        .collect();

    let mut tally = Tally::default();
    while let Some(done) = workers.join_next().await {
        tally.merge(done.map_err(|error| format!("a client's task: {error}"))?);
    }
    watcher.abort();

    let window = args.seconds as f64;
    let percent = |before: Option<f64>, after: Option<f64>| match (before, after) {
        (Some(before), Some(after)) => Some((after - before) / window * 100.0),
        _ => None,
    };
    let cpu: BTreeMap<String, Option<f64>> = pids
        .iter()
        .zip(cpu_before.iter().zip(&cpu_after))
        .map(|((name, _), (before, after))| (name.clone(), percent(*before, *after)))
        .collect();
    let tool_cpu = percent(own_before, own_after);
    tally.latencies.sort_unstable();
    let answered = tally.answered;
    let timed = tally.latencies.len();
    let quantile = |q: f64| -> f64 {
        if timed == 0 {
            return 0.0;
        }
        let index = ((timed as f64 * q).ceil() as usize).clamp(1, timed) - 1;
        f64::from(tally.latencies[index]) / 1_000.0
    };
    let failed: u64 = tally.errors.values().sum();
    let result = serde_json::json!({
        "label": args.label,
        "url": args.url,
        "method": args.method.label(),
        "connections": args.connections,
        "connected": width,
        "refused_connections": refused.errors,
        "rate_asked": args.rate,
        "seconds": args.seconds,
        "answered": answered,
        "per_second": answered as f64 / window,
        "p50_ms": quantile(0.50),
        "p90_ms": quantile(0.90),
        "p99_ms": quantile(0.99),
        "max_ms": quantile(1.0),
        "late": tally.late,
        "wrong": tally.wrong,
        "failed": failed,
        "errors": tally.errors,
        "cpu_percent": cpu,
        "threads": threads,
        "tool_cpu_percent": tool_cpu,
    });
    let cpu_text: Vec<String> = cpu
        .iter()
        .map(|(name, value)| {
            let threads = match threads.get(name) {
                Some(Some(count)) => format!(" ({count} threads)"),
                _ => String::new(),
            };
            match value {
                Some(value) => format!("{name} {value:.0} %{threads}"),
                None => format!("{name} ?"),
            }
        })
        .collect();
    println!(
        "{label}{method}, {width} clients{paced}: {rate:.0} answers/s, p50 {p50:.1} ms, p99 {p99:.1} ms, \
         max {max:.1} ms; {late}wrong {wrong}, failed {failed}; CPU: {cpu}, this tool {tool}",
        label = if args.label.is_empty() {
            String::new()
        } else {
            format!("[{}] ", args.label)
        },
        method = args.method.label(),
        paced = args
            .rate
            .map(|rate| format!(" paced at {rate:.0}/s"))
            .unwrap_or_default(),
        rate = answered as f64 / window,
        p50 = quantile(0.50),
        p99 = quantile(0.99),
        max = quantile(1.0),
        late = if args.rate.is_some() {
            format!("late {}, ", tally.late)
        } else {
            String::new()
        },
        wrong = tally.wrong,
        cpu = cpu_text.join(", "),
        tool = tool_cpu.map_or_else(|| "?".to_string(), |tool| format!("{tool:.0} %")),
    );
    for (message, count) in &tally.errors {
        println!("  failed ×{count}: {message}");
    }
    if let Some(path) = &args.json {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        writeln!(file, "{result}")?;
    }
    Ok(())
}

/// When a client asks, and which answers count.
struct Window {
    /// When its first request is due.
    first: Instant,
    /// The time between its requests (paced), or none (ask again at once).
    interval: Option<Duration>,
    measure_from: Instant,
    end: Instant,
}

/// A connected client and, for chain-head, its follow subscription.
struct Client {
    connection: WsClient,
    method: Method,
    follow: Option<Follow>,
}

/// Waits for one connecting client: connected, or its refusal counted.
async fn collect_one(
    pending: &mut JoinSet<(usize, Result<Client, Error>)>,
    clients: &mut Vec<(usize, Client)>,
    refused: &mut Tally,
) {
    match pending.join_next().await {
        Some(Ok((n, Ok(client)))) => clients.push((n, client)),
        Some(Ok((_, Err(error)))) => refused.error(error.to_string()),
        Some(Err(error)) => refused.error(format!("a connecting task: {error}")),
        None => {}
    }
}

/// One WebSocket connection to `url`.
async fn connect(url: &str) -> Result<WsClient, Error> {
    WsClientBuilder::default()
        .max_concurrent_requests(16)
        .request_timeout(Duration::from_secs(60))
        .connection_timeout(Duration::from_secs(60))
        .build(url)
        .await
        .map_err(|error| format!("connecting to {url}: {error}").into())
}

/// A client of `method`: its connection and, for chain-head, its follow subscription.
async fn open_client(url: &str, method: Method) -> Result<Client, Error> {
    let connection = connect(url).await?;
    let follow = if method == Method::ChainHead {
        Some(Follow::open(&connection).await?)
    } else {
        None
    };
    Ok(Client {
        connection,
        method,
        follow,
    })
}

/// The node's finalized block.
async fn finalized_head(client: &WsClient) -> Result<H256, Error> {
    client
        .request("chain_getFinalizedHead", rpc_params![])
        .await
        .map_err(|error| format!("chain_getFinalizedHead: {error}").into())
}

/// The number of threads process `pid` runs, from `/proc/<pid>/status` (Linux).
fn threads_of(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|count| count.trim().parse().ok())
}

/// `--pid`'s `name=pid` items.
fn parse_pids(pids: &[String]) -> Result<Vec<(String, u32)>, Error> {
    pids.iter()
        .map(|item| {
            let (name, pid) = item
                .split_once('=')
                .ok_or_else(|| format!("--pid {item}: expected name=pid"))?;
            let pid = pid
                .parse()
                .map_err(|error| format!("--pid {item}: {error}"))?;
            Ok((name.to_string(), pid))
        })
        .collect()
}

/// How long after the window a request may still be answered before it counts as failed
/// (and the run ends).
const GRACE: Duration = Duration::from_secs(10);

/// One client's requests until the window ends.
async fn ask(
    mut client: Client,
    n: usize,
    queries: Arc<Vec<Query>>,
    at: watch::Receiver<H256>,
    window: Window,
) -> Tally {
    let mut tally = Tally::default();
    // Each client walks the queries from its own place.
    let mut next = n.wrapping_mul(7_919) % queries.len().max(1);
    let mut due = window.first;
    tokio::time::sleep_until(due.into()).await;
    loop {
        let now = Instant::now();
        if now >= window.end {
            break;
        }
        let Some(query) = queries.get(next) else {
            break;
        };
        next = (next + 1) % queries.len();
        // Paced, a request's latency counts from when it was due.
        let sent = if window.interval.is_some() { due } else { now };
        let at_block = *at.borrow();
        let outcome = tokio::time::timeout_at(
            (window.end + GRACE).into(),
            answer(&mut client, query, at_block),
        )
        .await
        .unwrap_or_else(|_| Err("no answer within 10 s of the window's end".into()));
        let done = Instant::now();
        let outcome_failed = outcome.is_err();
        let in_window = done >= window.measure_from && done <= window.end;
        match outcome {
            Ok(true) if in_window => {
                tally.answered += 1;
                if sent >= window.measure_from {
                    let micros = done.saturating_duration_since(sent).as_micros();
                    tally
                        .latencies
                        .push(u32::try_from(micros).unwrap_or(u32::MAX));
                }
            }
            Ok(false) if in_window => tally.wrong += 1,
            Err(message) if in_window || done > window.end + GRACE => tally.error(message),
            _ => {}
        }
        if outcome_failed && window.interval.is_none() {
            // A client whose requests fail at once (a closed connection) backs off instead of
            // spinning.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        if let Some(every) = window.interval {
            if done > window.end && sent >= window.measure_from && sent < window.end {
                tally.late += 1;
            }
            due += every;
            tokio::time::sleep_until(due.into()).await;
        }
    }
    // Paced: the requests due in the window that a slow node never let this client send.
    if let Some(every) = window.interval {
        while due < window.end {
            if due >= window.measure_from {
                tally.late += 1;
            }
            due += every;
        }
    }
    tally
}

/// Asks `query` the client's way at block `at` (chain-head: at its own finalized block);
/// whether the answer is the chain's.
async fn answer(client: &mut Client, query: &Query, at: H256) -> Result<bool, String> {
    match client.method {
        Method::ChainHead => {
            // A client whose subscription the node stopped follows the chain again, as the
            // spec asks; the calls that failed meanwhile are counted.
            if client.follow.as_ref().is_none_or(|follow| follow.stopped) {
                client.follow = None;
                match Follow::open(&client.connection).await {
                    Ok(follow) => client.follow = Some(follow),
                    Err(error) => {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        return Err(format!("following again: {error}"));
                    }
                }
            }
            let follow = client
                .follow
                .as_mut()
                .ok_or("a chain-head client without its subscription")?;
            let output = follow
                .call(&client.connection, query.function, &query.arguments)
                .await?;
            Ok(output == query.expected)
        }
        Method::StateCall => {
            let output: String = client
                .connection
                .request(
                    "state_call",
                    rpc_params![query.function, &query.arguments, at],
                )
                .await
                .map_err(|error| error.to_string())?;
            let output = bytes::from_hex(&output)
                .map_err(|error| format!("state_call output: {error:?}"))?;
            Ok(output == query.expected)
        }
        Method::Json => {
            let mut params = ArrayParams::new();
            for argument in query.json_arguments.iter().chain([&serde_json::json!(at)]) {
                params.insert(argument).map_err(|error| error.to_string())?;
            }
            let output: Value = client
                .connection
                .request(query.json_method, params)
                .await
                .map_err(|error| error.to_string())?;
            Ok(output == query.expected_json)
        }
    }
}

/// A client's `chainHead_v1_follow` subscription: the blocks it holds pinned and the finalized
/// block it asks at.
struct Follow {
    events: Subscription<Value>,
    id: Value,
    target: H256,
    pinned: HashSet<H256>,
    /// The node stopped the subscription (or closed it): follow again.
    stopped: bool,
}

impl Follow {
    /// Follows the chain with runtime updates (needed for calls) and waits for `initialized`.
    async fn open(connection: &WsClient) -> Result<Self, Error> {
        let events = connection
            .subscribe::<Value, _>(
                "chainHead_v1_follow",
                rpc_params![true],
                "chainHead_v1_unfollow",
            )
            .await
            .map_err(|error| format!("chainHead_v1_follow: {error}"))?;
        let id = match events.kind() {
            SubscriptionKind::Subscription(id) => serde_json::to_value(id)?,
            _ => return Err("chainHead_v1_follow without an id".into()),
        };
        let mut follow = Self {
            events,
            id,
            target: H256::zero(),
            pinned: HashSet::new(),
            stopped: false,
        };
        loop {
            let event = follow.next_event().await?;
            if event.get("event").and_then(Value::as_str) == Some("initialized") {
                let hashes = hashes(&event, "finalizedBlockHashes")?;
                follow.pinned.extend(hashes.iter().copied());
                follow.target = *hashes
                    .last()
                    .ok_or("initialized without a finalized block")?;
                let older: Vec<H256> = hashes
                    .iter()
                    .copied()
                    .filter(|hash| *hash != follow.target)
                    .collect();
                follow.unpin(connection, older).await?;
                return Ok(follow);
            }
            follow.observe(connection, &event).await?;
        }
    }

    /// The subscription's next event.
    async fn next_event(&mut self) -> Result<Value, String> {
        match self.events.next().await {
            Some(Ok(event)) => Ok(event),
            Some(Err(error)) => Err(format!("chainHead_v1_follow event: {error}")),
            None => {
                self.stopped = true;
                Err("the node closed the follow subscription".into())
            }
        }
    }

    /// Calls `function` at the followed finalized block and waits for its output.
    async fn call(
        &mut self,
        connection: &WsClient,
        function: &str,
        arguments: &str,
    ) -> Result<Vec<u8>, String> {
        let started: Value = connection
            .request(
                "chainHead_v1_call",
                rpc_params![self.id.clone(), self.target, function, arguments],
            )
            .await
            .map_err(|error| error.to_string())?;
        let operation = match started.get("result").and_then(Value::as_str) {
            Some("started") => started
                .get("operationId")
                .cloned()
                .ok_or("started without an operation id")?,
            Some(other) => return Err(format!("chainHead_v1_call: {other}")),
            None => return Err(format!("chainHead_v1_call answered {started}")),
        };
        loop {
            let event = self.next_event().await?;
            let kind = event.get("event").and_then(Value::as_str).unwrap_or("");
            let ours = event.get("operationId") == Some(&operation);
            match kind {
                "operationCallDone" if ours => {
                    let output = event
                        .get("output")
                        .and_then(Value::as_str)
                        .ok_or("operationCallDone without output")?;
                    return bytes::from_hex(output)
                        .map_err(|error| format!("operationCallDone output: {error:?}"));
                }
                "operationError" if ours => {
                    return Err(format!(
                        "operationError: {}",
                        event.get("error").unwrap_or(&Value::Null)
                    ))
                }
                "operationInaccessible" if ours => return Err("operationInaccessible".into()),
                _ => self
                    .observe(connection, &event)
                    .await
                    .map_err(|error| error.to_string())?,
            }
        }
    }

    /// Keeps the pinned blocks and the target up to date: a new block is pinned until it is
    /// finalized or pruned; at each finalization the client moves to the newest finalized
    /// block and unpins the rest.
    async fn observe(&mut self, connection: &WsClient, event: &Value) -> Result<(), Error> {
        match event.get("event").and_then(Value::as_str) {
            Some("newBlock") => {
                let hash = event
                    .get("blockHash")
                    .cloned()
                    .ok_or("newBlock without blockHash")?;
                self.pinned.insert(serde_json::from_value(hash)?);
            }
            Some("finalized") => {
                let finalized = hashes(event, "finalizedBlockHashes")?;
                let pruned = hashes(event, "prunedBlockHashes")?;
                let Some(newest) = finalized.last().copied() else {
                    return Ok(());
                };
                let mut released: Vec<H256> = finalized
                    .iter()
                    .chain(&pruned)
                    .copied()
                    .filter(|hash| *hash != newest)
                    .collect();
                if self.target != newest {
                    released.push(self.target);
                }
                self.target = newest;
                released.retain(|hash| self.pinned.contains(hash));
                self.unpin(connection, released).await?;
            }
            Some("stop") => {
                self.stopped = true;
                return Err("the node stopped the follow subscription".into());
            }
            _ => {}
        }
        Ok(())
    }

    /// Unpins `blocks` (pinned by this subscription).
    async fn unpin(&mut self, connection: &WsClient, blocks: Vec<H256>) -> Result<(), Error> {
        if blocks.is_empty() {
            return Ok(());
        }
        for block in &blocks {
            self.pinned.remove(block);
        }
        connection
            .request::<Value, _>("chainHead_v1_unpin", rpc_params![self.id.clone(), blocks])
            .await
            .map_err(|error| format!("chainHead_v1_unpin: {error}"))?;
        Ok(())
    }
}

/// The block hashes in `event[field]`.
fn hashes(event: &Value, field: &str) -> Result<Vec<H256>, Error> {
    let list = event
        .get(field)
        .cloned()
        .unwrap_or(Value::Array(Vec::new()));
    Ok(serde_json::from_value(list)?)
}

/// `state_call` of `function` at `at`, the output decoded as `T` (the sampling's questions).
async fn runtime_call<T: Decode>(
    client: &WsClient,
    function: &str,
    arguments: &[u8],
    at: H256,
) -> Result<(Vec<u8>, T), Error> {
    let output: String = client
        .request(
            "state_call",
            rpc_params![function, bytes::to_hex(arguments, false), at],
        )
        .await
        .map_err(|error| format!("state_call {function}: {error}"))?;
    let raw = bytes::from_hex(&output).map_err(|error| format!("{function} output: {error:?}"))?;
    let value = T::decode(&mut raw.as_slice()).map_err(|error| format!("{function}: {error}"))?;
    Ok((raw, value))
}

/// Up to `count` keys under `prefix` at `at`.
async fn keys(
    client: &WsClient,
    prefix: &[u8],
    count: usize,
    at: H256,
) -> Result<Vec<Vec<u8>>, Error> {
    let mut found = Vec::new();
    let mut start: Option<String> = None;
    while found.len() < count {
        let page: Vec<String> = client
            .request(
                "state_getKeysPaged",
                rpc_params![bytes::to_hex(prefix, false), 1_000u32, start.clone(), at],
            )
            .await
            .map_err(|error| format!("state_getKeysPaged: {error}"))?;
        let Some(last) = page.last().cloned() else {
            break;
        };
        for key in page {
            found.push(bytes::from_hex(&key).map_err(|error| format!("key hex: {error:?}"))?);
        }
        start = Some(last);
    }
    found.truncate(count);
    Ok(found)
}

/// Up to `count` keys of the storage map under `prefix` at `at`, each decoded past the prefix
/// and its hasher's `H` hash.
async fn map_keys<H: ReversibleStorageHasher, K: Decode>(
    client: &WsClient,
    prefix: [u8; 32],
    count: usize,
    at: H256,
) -> Result<Vec<K>, Error> {
    Ok(keys(client, &prefix, count, at)
        .await?
        .iter()
        .filter_map(|key| K::decode(&mut H::reverse(key.get(prefix.len()..)?)).ok())
        .collect())
}

/// The questions: diplomas and parcels sampled from the chain at `at`, through the runtime API.
/// For every `sample` genuine diplomas, a sixth as many forged documents and unknown ids, and a
/// third as many parcel lookups.
async fn sample(url: &str, at: H256, sample: usize) -> Result<Vec<Query>, Error> {
    let client = Arc::new(connect(url).await?);

    let ids: Vec<DiplomaId> = map_keys::<Blake2_128Concat, _>(
        &client,
        pallet_diplomas::Records::<Runtime>::final_prefix(),
        sample,
        at,
    )
    .await?;
    let parcels: Vec<ParcelId> = map_keys::<Twox64Concat, _>(
        &client,
        pallet_land_titles::Parcels::<Runtime>::final_prefix(),
        sample / 3,
        at,
    )
    .await?;
    if ids.is_empty() || parcels.is_empty() {
        return Err(format!(
            "the chain holds {} diplomas and {} parcels: issue some first (scripts/bench-reads.sh does)",
            ids.len(),
            parcels.len()
        )
        .into());
    }

    // The genuine documents' hashes, asked of the runtime API over a few connections at once.
    let mut asking = JoinSet::new();
    for chunk in ids.chunks(ids.len().div_ceil(8)) {
        let chunk = chunk.to_vec();
        let client = client.clone();
        asking.spawn(async move {
            let mut genuine = Vec::new();
            for id in chunk {
                let (_, record) = runtime_call::<Option<DiplomaRecord<BlockNumber>>>(
                    &client,
                    "DiplomasApi_diploma",
                    &id.encode(),
                    at,
                )
                .await?;
                if let Some(record) = record {
                    genuine.push((id, record.spec.document_hash));
                }
            }
            Ok::<_, Error>(genuine)
        });
    }
    let mut genuine = Vec::new();
    while let Some(done) = asking.join_next().await {
        genuine.extend(done??);
    }

    let diploma = |id: DiplomaId, hash: H256, expected: Verification<BlockNumber>| Query {
        function: "DiplomasApi_verify",
        arguments: bytes::to_hex(&(id, hash).encode(), false),
        expected: expected.encode(),
        json_method: "diplomas_verify",
        json_arguments: vec![serde_json::json!(id), serde_json::json!(hash)],
        expected_json: serde_json::to_value(expected).unwrap_or(Value::Null),
    };
    let mut queries = Vec::new();
    for (n, (id, hash)) in genuine.iter().enumerate() {
        queries.push(diploma(*id, *hash, Verification::Valid));
        if n % 6 == 1 {
            let mut forged = *hash;
            forged.0[0] ^= 0xff;
            queries.push(diploma(*id, forged, Verification::HashMismatch));
        }
        if n % 6 == 4 {
            let unknown = H256(blake2_256(&(b"unknown", n as u64).encode()));
            queries.push(diploma(unknown, *hash, Verification::Unknown));
        }
        if n % 3 == 2 {
            let parcel = parcels[(n / 3) % parcels.len()];
            let (raw, record) = runtime_call::<Option<ParcelRecord<BlockNumber>>>(
                &client,
                "LandTitlesApi_parcel",
                &parcel.encode(),
                at,
            )
            .await?;
            if record.as_ref().map(|record| record.id) != Some(parcel) {
                return Err(format!(
                    "parcel {parcel} is listed but LandTitlesApi_parcel has no record"
                )
                .into());
            }
            queries.push(Query {
                function: "LandTitlesApi_parcel",
                arguments: bytes::to_hex(&parcel.encode(), false),
                expected: raw,
                json_method: "landTitles_parcel",
                json_arguments: vec![serde_json::json!(parcel)],
                expected_json: serde_json::to_value(&record)?,
            });
        }
    }
    Ok(queries)
}
