//! Tests of keyword search.

use super::*;
use crate::model::schema::{DataFile, Entry, Kind};

fn entry(id: &str, title: &str, aliases: &[&str], body: &str) -> Entry {
    let mut e = Entry::new(id, Kind::Service, title, body);
    e.aliases = aliases.iter().map(|s| s.to_string()).collect();
    e
}

fn kb(entries: Vec<Entry>) -> KnowledgeBase {
    KnowledgeBase::from_data(DataFile {
        entries,
        ..Default::default()
    })
}

fn ids(kb: &KnowledgeBase, index: &SearchIndex, q: &str) -> Vec<String> {
    index
        .search(&Query::parse(q))
        .iter()
        .map(|h| kb.entries()[h.entry].id.clone())
        .collect()
}

fn sample() -> KnowledgeBase {
    kb(vec![
        entry(
            "lambda-layers",
            "Lambda layers",
            &[],
            "Shared code for functions.",
        ),
        entry(
            "lambda",
            "AWS Lambda",
            &["Lambda"],
            "Run code without servers.",
        ),
        entry(
            "lambda-edge",
            "Lambda@Edge",
            &[],
            "Functions at CloudFront edge locations.",
        ),
        entry(
            "elastic-beanstalk",
            "AWS Elastic Beanstalk",
            &["EB", "Beanstalk"],
            "Platform as a service.",
        ),
        entry(
            "cloudformation",
            "AWS CloudFormation",
            &["CFN"],
            "Templates to stacks.",
        ),
        entry(
            "firehose",
            "Amazon Data Firehose",
            &["Kinesis Data Firehose"],
            "Delivery streams.",
        ),
        entry(
            "blue-green",
            "Blue/green deployment",
            &["blue green"],
            "Two environments; swap.",
        ),
        entry("glue", "AWS Glue", &[], "Blue-collar ETL jobs."),
    ])
}

#[test]
fn exact_alias_beats_prefix_beats_fuzzy() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    let found = ids(&kb, &index, "lambda");
    assert_eq!(found[0], "lambda", "exact alias first: {found:?}");
    // Both remaining titles start with "lambda": prefix tier, shorter title first.
    assert_eq!(&found[1..3], ["lambda-edge", "lambda-layers"], "{found:?}");
    let hits = index.search(&Query::parse("lambda"));
    assert_eq!(hits[0].tier, Tier::Exact);
    assert_eq!(hits[1].tier, Tier::Prefix);
    assert!(hits[0].score() > hits[1].score());
}

#[test]
fn multi_word_queries_need_every_word() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    assert_eq!(ids(&kb, &index, "blue green")[0], "blue-green");
    assert_eq!(ids(&kb, &index, "Blue/Green")[0], "blue-green");
    let found = ids(&kb, &index, "lambda edge");
    assert_eq!(found, ["lambda-edge"], "only the entry with both words");
    assert!(ids(&kb, &index, "lambda zzzz").is_empty());
}

#[test]
fn acronyms_find_their_service() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    assert_eq!(ids(&kb, &index, "cfn")[0], "cloudformation");
    assert_eq!(ids(&kb, &index, "eb")[0], "elastic-beanstalk");
}

#[test]
fn one_typo_in_a_long_word_still_finds_the_entry() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    for (typo, id) in [
        ("cloudfromation", "cloudformation"), // swap
        ("beanstlak", "elastic-beanstalk"),   // swap
        ("firehouse", "firehose"),            // extra letter
        ("cloudformaton", "cloudformation"),  // missing letter (also a subsequence)
        ("beanstelk", "elastic-beanstalk"),   // wrong letter
        ("cloudform", "cloudformation"),      // prefix while typing
    ] {
        let found = ids(&kb, &index, typo);
        assert_eq!(
            found.first().map(String::as_str),
            Some(id),
            "{typo}: {found:?}"
        );
    }
    // Short words get no typo tolerance: "gluw" is one edit from "glue" but finds nothing.
    assert_eq!(ids(&kb, &index, "glue")[0], "glue");
    assert!(ids(&kb, &index, "gluw").is_empty());
    // Two edits are too many.
    assert!(ids(&kb, &index, "clodfromation").is_empty());
}

#[test]
fn ties_are_deterministic() {
    let kb = kb(vec![
        entry("b", "Same", &[], "x"),
        entry("a", "Same", &[], "x"),
        entry("c", "Same", &[], "x"),
    ]);
    let index = SearchIndex::new(&kb);
    assert_eq!(ids(&kb, &index, "same"), ["a", "b", "c"]);
    assert_eq!(ids(&kb, &index, "x"), ["a", "b", "c"]);
}

#[test]
fn kind_scope_and_empty_query() {
    let mut entries = sample().entries().to_vec();
    entries[0].kind = Kind::Feature;
    let kb = kb(entries);
    let index = SearchIndex::new(&kb);
    assert_eq!(ids(&kb, &index, "kind:feature lambda"), ["lambda-layers"]);
    assert_eq!(ids(&kb, &index, "kind:feature"), ["lambda-layers"]);
    assert_eq!(ids(&kb, &index, "").len(), kb.entries().len());
}

#[test]
fn highlights_are_char_indices_even_with_non_ascii() {
    let kb = kb(vec![entry(
        "x",
        "Über Ärger Service",
        &["Zürich"],
        "Straße naïve café",
    )]);
    let index = SearchIndex::new(&kb);
    let e = &kb.entries()[0];
    let q = Query::parse("ärger café");
    assert_eq!(ids(&kb, &index, "ärger café"), ["x"]);
    let marks = index.highlights(&q, e);
    let title = marks.iter().find(|m| m.field == Field::Title).unwrap();
    let chars: Vec<char> = e.title.chars().collect();
    let picked: String = title.positions.iter().map(|&i| chars[i]).collect();
    assert_eq!(picked.to_lowercase(), "ärger");
    let summary = marks.iter().find(|m| m.field == Field::Summary).unwrap();
    let chars: Vec<char> = e.summary.chars().collect();
    let picked: String = summary.positions.iter().map(|&i| chars[i]).collect();
    assert_eq!(picked, "café");
}

#[test]
fn typo_highlights_mark_the_real_word() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    let e = kb.get("cloudformation").unwrap();
    let marks = index.highlights(&Query::parse("cloudfromation"), e);
    let title = marks.iter().find(|m| m.field == Field::Title).unwrap();
    let chars: Vec<char> = e.title.chars().collect();
    let picked: String = title.positions.iter().map(|&i| chars[i]).collect();
    assert_eq!(picked, "CloudFormation");
}

#[test]
fn cached_search_narrows_and_matches_a_fresh_search() {
    let kb = sample();
    let index = SearchIndex::new(&kb);
    let mut cache = SearchCache::default();
    let mut examined = Vec::new();
    for q in ["b", "bl", "blu", "blue", "blue ", "blue g", "blue gr"] {
        let query = Query::parse(q);
        let cached = index.search_cached(&query, &mut cache);
        assert_eq!(cached, index.search(&query), "query {q:?}");
        examined.push(cache.last_examined);
    }
    assert_eq!(examined[0], kb.entries().len());
    assert!(
        examined[3] < examined[0],
        "typing narrowed the work: {examined:?}"
    );
}

#[test]
fn one_edit_distance() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(within_one_edit(&c("abcd"), &c("abcd")));
    assert!(within_one_edit(&c("abcd"), &c("abxd")));
    assert!(within_one_edit(&c("abcd"), &c("abd")));
    assert!(within_one_edit(&c("abd"), &c("abcd")));
    assert!(within_one_edit(&c("abcd"), &c("acbd")));
    assert!(!within_one_edit(&c("abcd"), &c("badc")));
    assert!(!within_one_edit(&c("abcd"), &c("ab")));
    assert!(within_one_edit(&c(""), &c("a")));
}

#[test]
fn an_index_built_on_two_threads_equals_one_built_on_one() {
    let words = [
        "blue", "green", "canary", "lambda", "queue", "stack", "rollback", "alarm",
    ];
    let entries = (0..600)
        .map(|i| {
            let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
            entry(
                &format!("e{i}"),
                &format!("{} {} {i}", w(0), w(1)),
                &[w(2)],
                &format!("{} {} {} {}", w(3), w(4), w(5), w(i % 5)),
            )
        })
        .collect();
    let kb = kb(entries);
    let one = SearchIndex::build(&kb, usize::MAX);
    let two = SearchIndex::build(&kb, 1);
    assert_eq!(one.vocab.len(), two.vocab.len());
    for ((a, pa), (b, pb)) in one.vocab.iter().zip(&two.vocab) {
        assert_eq!(a, b, "same words in the same slots");
        let docs = |p: &[Posting]| -> Vec<u32> { p.iter().map(|p| p.0).collect() };
        assert_eq!(docs(pa), docs(pb), "same postings for {a:?}");
    }
    assert_eq!(one.arena, two.arena);
    for q in [
        "blue green",
        "canary 17",
        "lambd",
        "rollbak alarm",
        "queue",
        "e42",
    ] {
        let hits = |index: &SearchIndex| -> Vec<(usize, i64)> {
            index
                .search(&Query::parse(q))
                .iter()
                .map(|h| (h.entry, h.score()))
                .collect()
        };
        let found = hits(&one);
        assert!(!found.is_empty(), "{q:?} finds something");
        assert_eq!(found, hits(&two), "{q:?}");
    }
}

#[test]
fn postings_keep_the_entry_and_both_flags() {
    for (doc, name, title) in [(0, false, false), (7, true, false), (1 << 29, true, true)] {
        let mut p = Posting::new(doc, name, title);
        assert_eq!((p.doc(), p.in_name(), p.in_title()), (doc, name, title));
        p.mark(true, false);
        assert_eq!((p.doc(), p.in_name(), p.in_title()), (doc, true, title));
    }
}

#[test]
fn the_typo_scan_reads_every_word_one_edit_could_reach() {
    // The reference: every vocabulary word, filtered as the buckets promise to.
    let kb = KnowledgeBase::builtin();
    let index = SearchIndex::new(&kb);
    for q in [
        "cloudfromation",
        "beanstlak",
        "firehouse",
        "lmabda",
        "alias",
        "kinesiss",
        "pipline",
        "ambda",
        "inesis",
    ] {
        let word = PreparedWord::new(q, &index);
        let chars: Vec<char> = q.chars().collect();
        let mut want = vec![0u8; index.docs.len()];
        for (token, postings) in &index.vocab {
            let plausible = token.len() + 1 >= chars.len()
                && (token[0] == chars[0]
                    || token[0] == chars[1]
                    || token.get(1) == Some(&chars[0]));
            if !plausible || !matching::typo_prefix_match(&chars, token) {
                continue;
            }
            for p in postings {
                let slot = &mut want[p.doc() as usize];
                let code = 1 + p.tier() as u8;
                if *slot == 0 || code < *slot {
                    *slot = code;
                }
            }
        }
        assert!(want.iter().any(|&c| c != 0), "{q:?} reaches some word");
        assert_eq!(word.typo_docs, want, "{q:?}");
    }
}
