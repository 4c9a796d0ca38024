//! Profiling aid: runs typed queries over a generated 100k pack.
use opsdeck::model::schema::{DataFile, Entry, Kind};
use opsdeck::model::{KnowledgeBase, Query, SearchCache, SearchIndex};
/// A deterministic generator (xorshift), so every run searches the same pack.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const WORDS: [&str; 48] = [
    "alarm",
    "alias",
    "artifact",
    "aurora",
    "backup",
    "batch",
    "beanstalk",
    "blue",
    "bucket",
    "build",
    "cache",
    "canary",
    "capacity",
    "cluster",
    "config",
    "container",
    "deploy",
    "drift",
    "event",
    "failover",
    "fleet",
    "function",
    "gateway",
    "green",
    "health",
    "hook",
    "image",
    "instance",
    "lambda",
    "layer",
    "lifecycle",
    "metric",
    "pipeline",
    "policy",
    "queue",
    "replica",
    "region",
    "rollback",
    "rolling",
    "schedule",
    "secret",
    "shard",
    "stack",
    "stream",
    "table",
    "template",
    "trail",
    "volume",
];

/// A knowledge base of `n` generated entries with AWS-like vocabulary.
fn generated(n: usize) -> KnowledgeBase {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let entries = (0..n)
        .map(|i| {
            let title = format!(
                "{} {} {}",
                rng.pick(&WORDS),
                rng.pick(&WORDS),
                rng.pick(&WORDS)
            );
            let summary: Vec<&str> = (0..14).map(|_| rng.pick(&WORDS)).collect();
            let point: Vec<&str> = (0..20).map(|_| rng.pick(&WORDS)).collect();
            Entry {
                id: format!("generated-{i}"),
                kind: Kind::ALL[i % Kind::ALL.len()],
                title,
                aliases: vec![format!("{}{}", rng.pick(&WORDS), i % 97)],
                tags: vec![rng.pick(&WORDS).to_owned(), rng.pick(&WORDS).to_owned()],
                domains: Vec::new(),
                summary: summary.join(" "),
                points: vec![point.join(" ")],
                tips: Vec::new(),
                related: Vec::new(),
                sources: Vec::new(),
                status: None,
                limit: None,
                family: None,
                attrs: Default::default(),
            }
        })
        .collect();
    KnowledgeBase::from_data(DataFile {
        entries,
        ..Default::default()
    })
}

fn main() {
    let kb = generated(100_000);
    let index = SearchIndex::new(&kb);
    let mut n = 0;
    for _ in 0..20 {
        let mut cache = SearchCache::default();
        for q in ["b", "bl", "blu", "blue", "blue g", "la", "lam"] {
            n += index.search_cached(&Query::parse(q), &mut cache).len();
        }
    }
    println!("{n}");
}
