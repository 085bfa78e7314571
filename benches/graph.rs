//! `cargo bench --bench graph`: zhitu against networkx on one synthetic graph (issue 3, "How
//! fast"). Generates a seeded graph (`zhitu::graph::synth`, 1,000,000 nodes and 5,000,000 edges
//! unless `ZHITU_BENCH_NODES` / `ZHITU_BENCH_EDGES` say otherwise), saves it as node-link JSON in a
//! temp dir, then in child processes (so each peak memory is its own):
//!
//! - zhitu (this binary again, `ZHITU_BENCH_CHILD` set): `KnowledgeGraph::load`, then per query a
//!   2-hop neighbourhood and a shortest path, both ways along edges, through the query engine
//!   (`neighbors #ID depth 2`, `path #A -> #B`) when it runs, else a breadth-first search over
//!   `GraphView`;
//! - networkx (`benches/graph_nx.py`): `json.load` + `node_link_graph`, then the same queries on
//!   the undirected view.
//!
//! A reference line runs the same searches over a compact adjacency array (CSR) built after the
//! load, to show how much of zhitu's time is the graph's layout (not judged).
//!
//! The queries are the same seeded nodes and pairs for both (`ZHITU_BENCH_QUERIES`, default
//! 1000). `ZHITU_BENCH_DIR` keeps the graph and queries in that folder. Prints a side-by-side table with the ratios and PASS/FAIL against the targets: load at
//! least 20× faster, both queries at least 5× faster (median and p99), load peak memory under 2 GB.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};
use zhitu::graph::synth::{generate, SplitMix64};
use zhitu::graph::{Dir, KnowledgeGraph, NodeId};
use zhitu::query::{GraphView, QueryOutput};

const SEED: u64 = 0x5EED_2026;
const CHILD: &str = "ZHITU_BENCH_CHILD";
/// The largest `neighbors` limit (no 2-hop neighbourhood here reaches it), so zhitu does the
/// same work as networkx.
const NO_LIMIT: u32 = 100_000;

fn main() {
    match std::env::var(CHILD) {
        Ok(spec) => child(&spec),
        Err(_) => parent(),
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v.replace('_', "").parse().unwrap_or_else(|_| {
            eprintln!("{name}={v} is not a number; using {default}");
            default
        }),
        Err(_) => default,
    }
}

fn parent() {
    let nodes = env_usize("ZHITU_BENCH_NODES", 1_000_000);
    let edges = env_usize("ZHITU_BENCH_EDGES", 5_000_000);
    let queries = env_usize("ZHITU_BENCH_QUERIES", 1000);
    // ZHITU_BENCH_DIR keeps the graph and queries there (to profile the child by hand).
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = std::env::var_os("ZHITU_BENCH_DIR").map_or(tmp.path().to_path_buf(), PathBuf::from);
    let graph_path = dir.join("synth.json");
    let queries_path = dir.join("queries.json");

    let t = Instant::now();
    let g = generate(nodes, edges, SEED);
    let gen_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    g.save(&graph_path).expect("save the synthetic graph");
    let save_s = t.elapsed().as_secs_f64();
    drop(g);
    let size = std::fs::metadata(&graph_path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "generated {nodes} nodes, {edges} edges in {gen_s:.1} s; saved {} in {save_s:.1} s",
        bytes(size as f64)
    );

    let mut rng = SplitMix64::new(SEED ^ 0xABCD);
    let hop: Vec<usize> = (0..queries).map(|_| rng.below(nodes.max(1))).collect();
    let pairs: Vec<[usize; 2]> = (0..queries)
        .map(|_| [rng.below(nodes.max(1)), rng.below(nodes.max(1))])
        .collect();
    std::fs::write(
        &queries_path,
        json!({"hop": hop, "pairs": pairs}).to_string(),
    )
    .expect("write the queries");

    eprintln!("zhitu: loading and querying …");
    let exe = std::env::current_exe().expect("this binary");
    let spec = format!("{}\n{}", graph_path.display(), queries_path.display());
    let z = run_json(Command::new(exe).env(CHILD, spec)).expect("the zhitu child runs");
    eprintln!("networkx: loading and querying (this takes a while) …");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/graph_nx.py");
    let nx = run_json(
        Command::new("python3")
            .arg(script)
            .arg(&graph_path)
            .arg(&queries_path),
    );
    if let Err(e) = &nx {
        eprintln!("note: networkx side did not run ({e}); pip install networkx to compare");
    }
    report(nodes, edges, queries, size, &z, nx.ok().as_ref());
}

fn run_json(cmd: &mut Command) -> Result<Value, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "{}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("bad JSON: {e}"))
}

/// The zhitu side: load, then time every query. Prints one JSON object.
fn child(spec: &str) {
    let mut parts = spec.lines();
    let graph_path = PathBuf::from(parts.next().expect("graph path"));
    let queries: Value = serde_json::from_slice(
        &std::fs::read(parts.next().expect("queries path")).expect("read queries"),
    )
    .expect("queries JSON");
    let ids = |v: &Value| -> Vec<u32> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .map(|x| x as u32)
            .collect()
    };
    let hop = ids(&queries["hop"]);
    let pairs: Vec<(u32, u32)> = queries["pairs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let p = ids(p);
            (p[0], p[1])
        })
        .collect();

    let (t, cpu) = (Instant::now(), cpu_ns());
    let g = KnowledgeGraph::load(&graph_path).expect("load the graph");
    let load_s = t.elapsed().as_secs_f64();
    let load_cpu_s = (cpu_ns() - cpu) as f64 / 1e9;
    let peak_kb = vm_hwm_kb();

    let engine = Engine::pick(&g, hop.first().copied().unwrap_or(0));
    let main = time_queries(
        &hop,
        &pairs,
        |n| engine.two_hop(&g, n),
        |a, b| engine.path(&g, a, b),
    );
    // A reference, not zhitu: the same searches over a compact adjacency array (CSR), to show
    // what the graph's layout costs.
    let mut csr = Csr::build(&g);
    let mut csr2 = csr.clone();
    let reference = time_queries(&hop, &pairs, |n| csr.two_hop(n), |a, b| csr2.path(a, b));
    let mut out = json!({
        "load_s": load_s, "load_cpu_s": load_cpu_s, "peak_kb": peak_kb,
        "engine": engine.name(), "nodes": g.node_count(), "edges": g.edge_count(),
        "csr": reference,
    });
    if let (Some(o), Value::Object(m)) = (out.as_object_mut(), main) {
        o.extend(m);
    }
    println!("{out}");
}

/// Times every query: `{"hop_us", "path_us", "hop_total", "path_total"}`.
fn time_queries(
    hop: &[u32],
    pairs: &[(u32, u32)],
    mut two_hop: impl FnMut(NodeId) -> usize,
    mut path: impl FnMut(NodeId, NodeId) -> Option<usize>,
) -> Value {
    let (mut hop_us, mut hop_total) = (Vec::new(), 0i64);
    for &n in hop {
        let t = Instant::now();
        let size = two_hop(NodeId(n));
        hop_us.push(t.elapsed().as_secs_f64() * 1e6);
        hop_total += size as i64;
    }
    let (mut path_us, mut path_total) = (Vec::new(), 0i64);
    for &(a, b) in pairs {
        let t = Instant::now();
        let len = path(NodeId(a), NodeId(b));
        path_us.push(t.elapsed().as_secs_f64() * 1e6);
        path_total += len.map_or(-1, |l| l as i64);
    }
    json!({"hop_us": hop_us, "path_us": path_us, "hop_total": hop_total, "path_total": path_total})
}

/// Undirected adjacency in two arrays (offsets, neighbours) over the semantic edges, with
/// visit stamps so a search allocates nothing.
#[derive(Clone)]
struct Csr {
    offsets: Vec<u32>,
    nbrs: Vec<u32>,
    stamp: [Vec<u32>; 2],
    dist: [Vec<u32>; 2],
    generation: u32,
}

impl Csr {
    fn build(g: &KnowledgeGraph) -> Csr {
        let n = g.node_ids().map(|i| i.0 as usize + 1).max().unwrap_or(0);
        let mut offsets = vec![0u32; n + 1];
        let mut nbrs = Vec::new();
        for i in 0..n {
            for dir in [Dir::Out, Dir::In] {
                for (_, m, e) in g.edges_at(NodeId(i as u32), dir) {
                    if e.relation.is_semantic() {
                        nbrs.push(m.0);
                    }
                }
            }
            offsets[i + 1] = nbrs.len() as u32;
        }
        Csr {
            offsets,
            nbrs,
            stamp: [vec![0; n], vec![0; n]],
            dist: [vec![0; n], vec![0; n]],
            generation: 0,
        }
    }

    fn two_hop(&mut self, start: NodeId) -> usize {
        self.generation += 1;
        let gen = self.generation;
        self.stamp[0][start.0 as usize] = gen;
        let mut count = 0;
        let mut frontier = vec![start.0];
        for _ in 0..2 {
            let mut next = Vec::new();
            for &u in &frontier {
                let (lo, hi) = (
                    self.offsets[u as usize] as usize,
                    self.offsets[u as usize + 1] as usize,
                );
                for &v in &self.nbrs[lo..hi] {
                    if self.stamp[0][v as usize] != gen {
                        self.stamp[0][v as usize] = gen;
                        count += 1;
                        next.push(v);
                    }
                }
            }
            frontier = next;
        }
        count
    }

    fn path(&mut self, a: NodeId, b: NodeId) -> Option<usize> {
        if a == b {
            return Some(0);
        }
        self.generation += 1;
        let gen = self.generation;
        for (side, x) in [a.0, b.0].into_iter().enumerate() {
            self.stamp[side][x as usize] = gen;
            self.dist[side][x as usize] = 0;
        }
        let mut frontier = [vec![a.0], vec![b.0]];
        while !frontier[0].is_empty() && !frontier[1].is_empty() {
            let side = usize::from(frontier[1].len() < frontier[0].len());
            let mut next = Vec::new();
            for &u in &frontier[side] {
                let du = self.dist[side][u as usize];
                let (lo, hi) = (
                    self.offsets[u as usize] as usize,
                    self.offsets[u as usize + 1] as usize,
                );
                for k in lo..hi {
                    let v = self.nbrs[k] as usize;
                    if self.stamp[1 - side][v] == gen {
                        return Some((du + 1 + self.dist[1 - side][v]) as usize);
                    }
                    if self.stamp[side][v] != gen {
                        self.stamp[side][v] = gen;
                        self.dist[side][v] = du + 1;
                        next.push(v as u32);
                    }
                }
            }
            frontier[side] = next;
        }
        None
    }
}

/// How zhitu answers: the query engine when it runs, else a search written here.
enum Engine {
    Query,
    Bfs,
}

impl Engine {
    fn pick(g: &dyn GraphView, probe: u32) -> Engine {
        match run_statement(g, &format!("neighbors #{probe} depth 2 limit {NO_LIMIT}")) {
            Some(_) => Engine::Query,
            None => Engine::Bfs,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Engine::Query => "zhitu query engine",
            Engine::Bfs => "BFS over GraphView (query engine not available)",
        }
    }

    /// Nodes within two steps, the start left out.
    fn two_hop(&self, g: &dyn GraphView, n: NodeId) -> usize {
        match self {
            Engine::Query => {
                run_statement(g, &format!("neighbors #{} depth 2 limit {NO_LIMIT}", n.0))
                    .and_then(|o| o.subgraph)
                    .map_or(0, |s| s.nodes.iter().filter(|&&x| x != n).count())
            }
            Engine::Bfs => two_hop(g, n),
        }
    }

    /// The length of a shortest path, if any.
    fn path(&self, g: &dyn GraphView, a: NodeId, b: NodeId) -> Option<usize> {
        match self {
            Engine::Query => run_statement(g, &format!("path #{} -> #{}", a.0, b.0))
                .filter(|o| a == b || !o.rows.is_empty())
                .map(|o| o.rows.len()),
            Engine::Bfs => shortest_path_len(g, a, b),
        }
    }
}

fn run_statement(g: &dyn GraphView, text: &str) -> Option<QueryOutput> {
    let stmts = zhitu::query::parse_script(text).ok()?;
    zhitu::query::execute(g, stmts.first()?).ok()
}

fn neighbours(g: &dyn GraphView, n: NodeId) -> impl Iterator<Item = NodeId> {
    let mut v = g.edges_at(n, Dir::Out);
    v.extend(g.edges_at(n, Dir::In));
    v.into_iter().map(|(_, m)| m)
}

/// The Fx hash (rustc's): one multiply per word, plenty for node ids.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;

fn two_hop(g: &dyn GraphView, start: NodeId) -> usize {
    let mut seen: HashSet<NodeId, FxBuild> = HashSet::default();
    seen.insert(start);
    let mut frontier = vec![start];
    for _ in 0..2 {
        let mut next = Vec::new();
        for &u in &frontier {
            for v in neighbours(g, u) {
                if seen.insert(v) {
                    next.push(v);
                }
            }
        }
        frontier = next;
    }
    seen.len() - 1
}

/// Bidirectional breadth-first search, expanding the smaller frontier a level at a time (as
/// networkx's `bidirectional_shortest_path` does).
fn shortest_path_len(g: &dyn GraphView, a: NodeId, b: NodeId) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let mut dist: [HashMap<NodeId, usize, FxBuild>; 2] = Default::default();
    dist[0].insert(a, 0);
    dist[1].insert(b, 0);
    let mut frontier = [vec![a], vec![b]];
    while !frontier[0].is_empty() && !frontier[1].is_empty() {
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let mut next = Vec::new();
        for &u in &frontier[side] {
            let du = dist[side][&u];
            for v in neighbours(g, u) {
                // The first meeting is a shortest path: had the other side reached `v` a level
                // earlier, one of the two searches would have met at `u` or `v` already.
                if let Some(&dv) = dist[1 - side].get(&v) {
                    return Some(du + 1 + dv);
                }
                if let std::collections::hash_map::Entry::Vacant(e) = dist[side].entry(v) {
                    e.insert(du + 1);
                    next.push(v);
                }
            }
        }
        frontier[side] = next;
    }
    None
}

/// CPU time of this thread so far, in nanoseconds (0 where /proc has no schedstat). On a busy
/// machine it says what the work cost, whatever else ran.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The peak resident memory of this process, from /proc/self/status (0 where there is none).
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

struct Stats {
    median: f64,
    p99: f64,
}

fn stats(v: &Value) -> Stats {
    let mut xs: Vec<f64> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    xs.sort_by(f64::total_cmp);
    if xs.is_empty() {
        return Stats {
            median: f64::NAN,
            p99: f64::NAN,
        };
    }
    let p99 = ((xs.len() as f64 * 0.99).ceil() as usize).clamp(1, xs.len()) - 1;
    Stats {
        median: xs[xs.len() / 2],
        p99: xs[p99],
    }
}

fn report(nodes: usize, edges: usize, queries: usize, size: u64, z: &Value, nx: Option<&Value>) {
    println!();
    println!(
        "zhitu vs networkx: {nodes} nodes, {edges} edges, {queries} queries, node-link JSON {}",
        bytes(size as f64)
    );
    println!(
        "zhitu answers with: {}",
        z["engine"].as_str().unwrap_or("?")
    );
    if let Some(nx) = nx {
        println!("networkx: {}", nx["engine"].as_str().unwrap_or("?"));
    }
    println!();
    println!(
        "{:<22} {:>12} {:>12} {:>9}  {:<9} result",
        "", "zhitu", "networkx", "ratio", "target"
    );
    let f = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let mut all_pass = true;
    let mut row = |name: &str, zv: f64, nv: Option<f64>, show: fn(f64) -> String, need: f64| {
        let (nxs, ratio, verdict) = match nv {
            Some(n) => {
                let r = n / zv;
                let pass = r >= need;
                all_pass &= pass;
                (
                    show(n),
                    format!("{r:.1}×"),
                    if pass { "PASS" } else { "FAIL" },
                )
            }
            None => ("-".into(), "-".into(), "-"),
        };
        println!(
            "{name:<22} {:>12} {:>12} {ratio:>9}  {:<9} {verdict}",
            show(zv),
            nxs,
            format!("≥ {need}×")
        );
    };
    row(
        "load",
        f(z, "load_s"),
        nx.map(|n| f(n, "load_s")),
        secs,
        20.0,
    );
    row(
        "load (CPU time)",
        f(z, "load_cpu_s"),
        nx.map(|n| f(n, "load_cpu_s")),
        secs,
        20.0,
    );
    let (zh, zp) = (stats(&z["hop_us"]), stats(&z["path_us"]));
    let nh = nx.map(|n| stats(&n["hop_us"]));
    let np = nx.map(|n| stats(&n["path_us"]));
    row(
        "2-hop median",
        zh.median,
        nh.as_ref().map(|s| s.median),
        micros,
        5.0,
    );
    row("2-hop p99", zh.p99, nh.as_ref().map(|s| s.p99), micros, 5.0);
    row(
        "shortest path median",
        zp.median,
        np.as_ref().map(|s| s.median),
        micros,
        5.0,
    );
    row(
        "shortest path p99",
        zp.p99,
        np.as_ref().map(|s| s.p99),
        micros,
        5.0,
    );
    // The CSR reference: what the same searches cost over a compact adjacency (not judged).
    let (ch, cp) = (stats(&z["csr"]["hop_us"]), stats(&z["csr"]["path_us"]));
    for (name, zv, nv) in [
        (
            "2-hop median (CSR ref)",
            ch.median,
            nh.as_ref().map(|s| s.median),
        ),
        (
            "path median (CSR ref)",
            cp.median,
            np.as_ref().map(|s| s.median),
        ),
    ] {
        println!(
            "{name:<22} {:>12} {:>12} {:>9}  {:<9} (reference)",
            micros(zv),
            nv.map_or("-".into(), micros),
            nv.map_or("-".into(), |n| format!("{:.1}×", n / zv)),
            ""
        );
    }
    let zkb = f(z, "peak_kb");
    let mem_pass = zkb * 1024.0 < 2e9;
    all_pass &= mem_pass;
    println!(
        "{:<22} {:>12} {:>12} {:>9}  {:<9} {}",
        "load peak memory",
        bytes(zkb * 1024.0),
        nx.map_or("-".into(), |n| bytes(f(n, "peak_kb") * 1024.0)),
        "",
        "< 2 GB",
        if mem_pass { "PASS" } else { "FAIL" }
    );
    if let Some(nx) = nx {
        let same = z["hop_total"] == nx["hop_total"]
            && z["path_total"] == nx["path_total"]
            && z["csr"]["hop_total"] == nx["hop_total"]
            && z["csr"]["path_total"] == nx["path_total"];
        println!(
            "\nanswers agree: {} (2-hop sizes summed: zhitu {}, networkx {}; path lengths summed: \
             zhitu {}, networkx {})",
            if same { "yes" } else { "NO" },
            z["hop_total"],
            nx["hop_total"],
            z["path_total"],
            nx["path_total"]
        );
        all_pass &= same;
    }
    println!("\noverall: {}", if all_pass { "PASS" } else { "FAIL" });
}

fn secs(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}

fn micros(us: f64) -> String {
    if us >= 1e6 {
        format!("{:.2} s", us / 1e6)
    } else if us >= 1e3 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{us:.1} µs")
    }
}

fn bytes(b: f64) -> String {
    if b >= 1e9 {
        format!("{:.2} GB", b / 1e9)
    } else {
        format!("{:.0} MB", b / 1e6)
    }
}
