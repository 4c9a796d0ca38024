//! Search and load benchmarks.
//!
//! Budgets (median, on the project's 2-core machine): a keystroke over the built-in data under
//! 0.2 ms; a keystroke over 100,000 entries under 10 ms; loading the embedded knowledge base
//! under 2 ms. Each keystroke is measured as the GUI runs it: a cached search whose cache holds
//! the query one character shorter.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use opsdeck::model::ask::Finder;
use opsdeck::model::schema::{DataFile, Entry, Kind};
use opsdeck::model::{KnowledgeBase, Query, SearchCache, SearchIndex};

/// Questions as students type them (the budget: median under 1 ms built-in, 30 ms at 100k).
const QUESTIONS: [&str; 5] = [
    "how do I roll back a failed cloudformation stack",
    "where to store docker images",
    "alert me when cpu is high",
    "sqs max message size",
    "what is the difference between blue green and canary",
];

/// Queries typed one character at a time.
const TYPED: [&str; 3] = ["blue green", "cloudfromation", "lambda alias"];

fn keystrokes(c: &mut Criterion, group_name: &str, index: &SearchIndex) {
    let mut group = c.benchmark_group(group_name);
    for full in TYPED {
        let chars: Vec<char> = full.chars().collect();
        let mut cache = SearchCache::default();
        for n in 1..=chars.len() {
            let text: String = chars[..n].iter().collect();
            let query = Query::parse(&text);
            let primed = cache.clone();
            group.bench_function(format!("{text:?}"), |b| {
                b.iter_batched(
                    || primed.clone(),
                    |mut cache| black_box(index.search_cached(&query, &mut cache).len()),
                    BatchSize::SmallInput,
                )
            });
            index.search_cached(&query, &mut cache);
        }
    }
    group.finish();
}

fn builtin(c: &mut Criterion) {
    c.bench_function("load embedded knowledge base", |b| {
        b.iter(|| black_box(KnowledgeBase::builtin().entries().len()))
    });
    let kb = KnowledgeBase::builtin();
    c.bench_function("build index (built-in)", |b| {
        b.iter(|| black_box(SearchIndex::new(&kb).len()))
    });
    let index = SearchIndex::new(&kb);
    keystrokes(c, "keystroke built-in", &index);
    c.bench_function("build question index (built-in)", |b| {
        b.iter(|| {
            let finder = Finder::lazy(&kb);
            black_box(finder.asker(&kb) as *const _);
        })
    });
    questions(c, "question built-in", &kb);
}

fn questions(c: &mut Criterion, group_name: &str, kb: &KnowledgeBase) {
    let finder = Finder::new(kb);
    finder.asker(kb);
    let mut group = c.benchmark_group(group_name);
    for q in QUESTIONS {
        group.bench_function(q, |b| {
            b.iter(|| black_box(finder.find(kb, q, None, None).hits.len()))
        });
    }
    group.finish();
}

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
            let mut e = Entry::new(
                &format!("generated-{i}"),
                Kind::ALL[i % Kind::ALL.len()],
                &title,
                &summary.join(" "),
            );
            e.aliases = vec![format!("{}{}", rng.pick(&WORDS), i % 97)];
            e.tags = vec![rng.pick(&WORDS).to_owned(), rng.pick(&WORDS).to_owned()];
            e.points = vec![point.join(" ")];
            e
        })
        .collect();
    KnowledgeBase::from_data(DataFile {
        entries,
        ..Default::default()
    })
}

fn hundred_thousand(c: &mut Criterion) {
    let kb = generated(100_000);
    let mut group = c.benchmark_group("build 100k");
    group.sample_size(10);
    group.bench_function("keyword index", |b| b.iter(|| SearchIndex::new(&kb)));
    group.finish();
    let index = SearchIndex::new(&kb);
    keystrokes(c, "keystroke 100k", &index);
    questions(c, "question 100k", &kb);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1));
    targets = builtin, hundred_thousand
}
criterion_main!(benches);
