//! Checks `data/` (or another directory) with the same schema and rules as `build.rs`, and
//! prints coverage figures: entries per kind and per exam task statement, limits, sources with
//! a checked date, questions per domain.
//!
//! Usage: `check-data.sh [--strict] [DIR]`. Exit 1 when a problem is found.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "../../../src/model/duration.rs"]
mod duration;
#[allow(dead_code)]
#[path = "../../../src/model/parse.rs"]
mod parse;
#[allow(dead_code)]
#[path = "../../../src/model/schema/mod.rs"]
mod schema;
#[allow(dead_code)]
#[path = "../../../src/model/validate/mod.rs"]
mod validate;

fn main() -> ExitCode {
    let mut strict = false;
    let mut only: Vec<String> = Vec::new();
    let mut dir = PathBuf::from("data");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--strict" => strict = true,
            "--only" => only.extend(args.next()),
            "-h" | "--help" => {
                println!(
                    "usage: check-data.sh [--strict] [--only PATH-PREFIX]... [DIR]\n\
                     --strict  the rules for built-in data (task statements, coverage)\n\
                     --only    print only problems in files whose path starts with the prefix"
                );
                return ExitCode::SUCCESS;
            }
            other => dir = PathBuf::from(other),
        }
    }
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut texts = Vec::new();
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((path.to_string_lossy().replace('\\', "/"), text)),
            Err(e) => {
                eprintln!("{}: cannot be read: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    match validate::check_texts(&texts, strict) {
        Ok(data) => {
            report(&data);
            ExitCode::SUCCESS
        }
        Err(issues) => {
            let shown: Vec<_> = issues
                .iter()
                .filter(|i| only.is_empty() || only.iter().any(|p| i.file.starts_with(p.as_str())))
                .collect();
            for issue in &shown {
                println!("{issue}");
            }
            println!(
                "{} problem(s) in {} file(s); {} shown",
                issues.len(),
                texts.len(),
                shown.len()
            );
            ExitCode::from(1)
        }
    }
}

fn report(data: &schema::DataFile) {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_task: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut sources, mut checked, mut unverified) = (0, 0, 0);
    let mut untasked = 0;
    let mut asks = 0;
    for e in &data.entries {
        *kinds.entry(e.kind.as_str()).or_default() += 1;
        for t in &e.tasks {
            *per_task.entry(t.as_str()).or_default() += 1;
        }
        if e.tasks.is_empty() && !e.out_of_scope {
            untasked += 1;
        }
        asks += e.asks.len();
        let all = e
            .sources
            .iter()
            .chain(e.limit.as_ref().map(|l| &l.source))
            .chain(e.status.as_ref().and_then(|s| s.source.as_ref()));
        for s in all {
            sources += 1;
            checked += usize::from(s.checked.is_some());
            unverified += usize::from(s.unverified.is_some());
        }
    }
    println!("{} entries: {kinds:?}", data.entries.len());
    println!(
        "sources: {sources}, with a checked date {checked} ({:.1} %), marked unverified {unverified}",
        100.0 * checked as f64 / sources.max(1) as f64
    );
    println!("entries without task statements (and not out of scope): {untasked}");
    println!("asks: {asks}; vocabulary terms: {}", data.vocabulary.len());
    if let Some(guide) = &data.guide {
        for d in &guide.domains {
            let line: Vec<String> = d
                .tasks
                .iter()
                .map(|t| format!("{} {}", t.id, per_task.get(t.id.as_str()).unwrap_or(&0)))
                .collect();
            println!(
                "domain {} ({} %): entries per task {}",
                d.number,
                d.weight,
                line.join(", ")
            );
        }
    }
    let mut per_domain: BTreeMap<u8, usize> = BTreeMap::new();
    for q in &data.questions {
        if let Some(d) = q.tasks.first().and_then(|t| schema::task_domain(t)) {
            *per_domain.entry(d).or_default() += 1;
        }
    }
    println!(
        "questions: {} by domain {per_domain:?}; prices: {}; wizards: {}",
        data.questions.len(),
        data.prices.len(),
        data.wizards.len()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        eprintln!("{}: the data directory cannot be read", dir.display());
        return;
    };
    for item in read.flatten() {
        let path = item.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}
