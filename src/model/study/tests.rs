//! Study: every question has exactly its stated right answers, generated questions are
//! unambiguous and agree with the wizards, FSRS intervals behave, exams follow the weights.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use proptest::prelude::*;

use super::exam::{Sitting, draw, quotas, report};
use super::log::StudyLog;
use super::srs::{Grade, review};
use super::*;
use crate::model::schema::{AttrValue, Kind};
use crate::model::wizard::{parse_answers, recommend};

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::builtin)
}

fn the_deck() -> &'static [Question] {
    static DECK: OnceLock<Vec<Question>> = OnceLock::new();
    DECK.get_or_init(|| deck(kb()))
}

/// How many answers a stem asks for: "(Choose two.)" is two, otherwise one.
fn asked(stem: &str) -> usize {
    if stem.contains("(Choose three.)") {
        3
    } else if stem.contains("(Choose two.)") {
        2
    } else {
        1
    }
}

#[test]
fn every_question_has_exactly_the_right_answers_it_asks_for_and_distinct_options() {
    let deck = the_deck();
    let mut ids = BTreeSet::new();
    for q in deck {
        assert!(ids.insert(q.id.as_str()), "id {} twice", q.id);
        assert!(q.domain().is_some(), "{} has no domain", q.id);
        if q.is_card() {
            assert!(
                !q.answer.trim().is_empty() && q.stem.contains("____"),
                "{}",
                q.id
            );
            continue;
        }
        assert!(
            q.options.len() >= 3,
            "{}: {} options",
            q.id,
            q.options.len()
        );
        assert_eq!(q.right_count(), asked(&q.stem), "{}: {}", q.id, q.stem);
        let texts: BTreeSet<String> = q.options.iter().map(|o| o.text.to_lowercase()).collect();
        assert_eq!(texts.len(), q.options.len(), "{}: repeated option", q.id);
        assert!(
            q.options.iter().all(|o| !o.why.trim().is_empty()),
            "{}",
            q.id
        );
        for e in &q.entries {
            assert!(kb().get(e).is_some(), "{} links unknown entry {e}", q.id);
        }
    }
    // Every source contributes.
    let kinds: BTreeSet<String> = deck
        .iter()
        .map(|q| match &q.origin {
            Origin::Authored => "authored".to_owned(),
            Origin::Data(k) => k.clone(),
            Origin::Wizard(_) => "wizard".to_owned(),
        })
        .collect();
    for k in [
        "authored", "limit", "service", "retired", "strategy", "cloze", "wizard",
    ] {
        assert!(kinds.contains(k), "no {k} questions");
    }
}

/// A number in an option ("2,000 stacks per account" → 2000).
fn number(text: &str) -> Option<f64> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    text[..end].replace(',', "").parse().ok()
}

#[test]
fn data_questions_have_one_defensible_answer() {
    for q in the_deck() {
        let Origin::Data(kind) = &q.origin else {
            continue;
        };
        let id = q.id.split(':').nth(2).unwrap();
        let e = kb().get(id).unwrap();
        match kind.as_str() {
            "limit" => {
                let value = number(&e.limit.as_ref().unwrap().value).unwrap();
                let matching: Vec<&Choice> = q
                    .options
                    .iter()
                    .filter(|o| number(&o.text).is_some_and(|n| (n - value).abs() < 1e-9))
                    .collect();
                assert_eq!(matching.len(), 1, "{}", q.id);
                assert!(matching[0].correct, "{}", q.id);
            }
            "service" => {
                let right: Vec<&Choice> = q.options.iter().filter(|o| o.correct).collect();
                assert_eq!(right[0].text, e.title);
                for o in q.options.iter().filter(|o| !o.correct) {
                    let other = kb().entries().iter().find(|x| x.title == o.text).unwrap();
                    assert!(
                        !e.related.contains(&other.id) && !other.related.contains(&e.id),
                        "{}",
                        q.id
                    );
                    assert!(
                        !q.stem.contains(&other.title),
                        "{} names a distractor",
                        q.id
                    );
                }
                assert!(!q.stem.contains(&e.title), "{} names its answer", q.id);
            }
            "retired" => {
                let replaced: Vec<&str> = e
                    .status
                    .as_ref()
                    .unwrap()
                    .replaced_by
                    .iter()
                    .map(|r| kb().get(r).unwrap().title.as_str())
                    .collect();
                for o in &q.options {
                    assert_eq!(o.correct, replaced.contains(&o.text.as_str()), "{}", q.id);
                }
            }
            "strategy" => {
                let parts: Vec<&str> = q.id.split(':').collect();
                let (ka, kb_key) = (parts[3], parts[4]);
                let value = |x: &crate::model::Entry, k: &str| match x.attrs.get(k) {
                    Some(AttrValue::Level(l)) => Some(l.clone()),
                    Some(AttrValue::Flag(f)) => Some(f.to_string()),
                    _ => None,
                };
                for o in &q.options {
                    let s = kb()
                        .entries()
                        .iter()
                        .find(|x| x.kind == Kind::Strategy && x.title == o.text)
                        .unwrap();
                    let both = value(s, ka) == value(e, ka) && value(s, kb_key) == value(e, kb_key);
                    assert_eq!(o.correct, both, "{}: {}", q.id, o.text);
                }
            }
            "cloze" => {}
            other => panic!("unknown kind {other}"),
        }
    }
}

/// Thousands of seeds: every scenario's right option is the wizard's recommendation, and
/// every wrong option is a candidate that a rule rules out, with that rule's reason.
#[test]
fn wizard_scenarios_agree_with_the_wizard_for_thousands_of_seeds() {
    let mut made: BTreeMap<&str, usize> = BTreeMap::new();
    for w in kb().wizards() {
        for seed in 0..3_000 {
            let Some(q) = wizard_gen::scenario(kb(), w, seed) else {
                continue;
            };
            *made.entry(w.id.as_str()).or_default() += 1;
            let answers = parse_answers(w, &wizard_gen::scenario_answers(w, seed)).unwrap();
            let rec = recommend(kb(), w, &answers).unwrap();
            let right: Vec<&Choice> = q.options.iter().filter(|o| o.correct).collect();
            assert_eq!(right.len(), 1);
            assert_eq!(right[0].text, rec.title, "{} seed {seed}", w.id);
            for o in q.options.iter().filter(|o| !o.correct) {
                let alt = rec
                    .alternatives
                    .iter()
                    .find(|a| a.title == o.text)
                    .expect("a wrong option is an alternative");
                assert_eq!(o.why, alt.why_not);
                assert!(
                    !alt.why_not.starts_with("It fits too"),
                    "{} seed {seed}: {}",
                    w.id,
                    o.text
                );
            }
        }
    }
    assert!(made.get("dr").copied().unwrap_or(0) > 1_000, "{made:?}");
    assert!(made.get("deploy").copied().unwrap_or(0) > 500, "{made:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Reviewing with Good each time the card falls due makes the interval grow; Again
    /// makes it shorter than before.
    #[test]
    fn fsrs_intervals_grow_with_good_and_shrink_with_again(goods in 3usize..10, start in 1_700_000_000i64..1_800_000_000) {
        let mut now = start;
        let mut memory = review(None, Grade::Good, now);
        let mut last = memory.due - now;
        for _ in 0..goods {
            now = memory.due;
            memory = review(Some(&memory), Grade::Good, now);
            let interval = memory.due - now;
            prop_assert!(interval >= last, "{interval} after {last}");
            last = interval;
        }
        prop_assert!(last > 86_400, "weeks of Good reach more than a day: {last}");
        now = memory.due;
        let forgot = review(Some(&memory), Grade::Again, now);
        prop_assert!(forgot.due - now < last, "Again: {} after {last}", forgot.due - now);
        prop_assert_eq!(forgot.lapses, memory.lapses + 1);
    }
}

#[test]
fn the_queue_puts_due_cards_first_and_limits_new_ones() {
    let deck = the_deck();
    let now = 1_800_000_000;
    let mut log = StudyLog::default();
    assert_eq!(
        log.queue(deck, now, |_| true).len(),
        20,
        "20 new cards a day"
    );
    // Yesterday's reviews fall due; today's new cards count against the limit.
    for q in deck.iter().take(5) {
        log.record(&q.id, Grade::Again, Some(false), now - 86_400);
    }
    for q in deck.iter().skip(5).take(3) {
        log.record(&q.id, Grade::Good, Some(true), now - 60);
    }
    let queue = log.queue(deck, now, |_| true);
    let first: Vec<&str> = queue.iter().take(5).map(|q| q.id.as_str()).collect();
    let due: BTreeSet<&str> = deck.iter().take(5).map(|q| q.id.as_str()).collect();
    assert!(first.iter().all(|id| due.contains(id)), "{first:?}");
    assert_eq!(log.new_seen_today(now), 3);
    assert_eq!(queue.len(), 5 + 17, "five due, then 20 - 3 new");
    // A filter keeps to one domain.
    let d3 = log.queue(deck, now, |q| q.domain() == Some(3));
    assert!(d3.iter().all(|q| q.domain() == Some(3)));
}

#[test]
fn a_mock_exam_follows_the_domain_weights() {
    let weights = [(1, 22), (2, 17), (3, 15), (4, 15), (5, 14), (6, 17)];
    assert_eq!(
        quotas(&weights, 75),
        [(1, 17), (2, 13), (3, 11), (4, 11), (5, 10), (6, 13)]
    );
    assert_eq!(
        quotas(&weights, 15).iter().map(|(_, n)| n).sum::<usize>(),
        15
    );
    let questions = draw(kb(), the_deck(), 75, 7);
    assert_eq!(questions.len(), 75);
    let distinct: BTreeSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(distinct.len(), 75);
    assert!(questions.iter().all(|q| !q.is_card()));
    for (d, n) in quotas(&weights, 75) {
        assert_eq!(
            questions.iter().filter(|q| q.domain() == Some(d)).count(),
            n
        );
    }
    // Authored questions come first: the bank covers every quota.
    assert!(questions.iter().all(|q| q.origin == Origin::Authored));
    // Answer all right but two: the report says so per domain.
    let mut sitting = Sitting::new(&questions, 0, 180);
    for (i, q) in questions.iter().enumerate() {
        sitting.picked[i] = q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(j, _)| j)
            .collect();
    }
    sitting.picked[0].clear();
    let wrong = questions[1]
        .options
        .iter()
        .position(|o| !o.correct)
        .unwrap();
    sitting.picked[1] = vec![wrong];
    let find = |id: &str| the_deck().iter().find(|q| q.id == id);
    let r = report(kb(), &sitting, find);
    assert_eq!((r.right, r.total), (73, 75));
    assert_eq!(r.missed, [0, 1]);
    assert_eq!(r.domains.iter().map(|d| d.total).sum::<u32>(), 75);
    assert_eq!(r.domains.iter().map(|d| d.right).sum::<u32>(), 73);
    assert_eq!(sitting.remaining(60), 180 * 60 - 60);
}

#[test]
fn progress_counts_what_was_learned_where() {
    let deck = the_deck();
    let now = 1_800_000_000;
    let mut log = StudyLog::default();
    let empty = progress::progress(kb(), deck, &log, now);
    assert_eq!(empty.overall, 0.0);
    assert_eq!(empty.domains.len(), 6);
    let d2: Vec<&Question> = deck
        .iter()
        .filter(|q| q.domain() == Some(2) && !q.is_card())
        .take(30)
        .collect();
    for q in &d2 {
        log.record(&q.id, Grade::Good, Some(true), now - 3_600);
    }
    let p = progress::progress(kb(), deck, &log, now);
    let by = |n: u8| p.domains.iter().find(|d| d.number == n).unwrap();
    assert!(by(2).readiness > 0.0 && by(2).answered == 30);
    assert_eq!(by(1).readiness, 0.0);
    assert!(p.overall > 0.0 && p.overall < by(2).readiness);
    assert_eq!(p.history.len(), 1);
    assert_eq!((p.history[0].right, p.history[0].judged), (30, 30));
    // A wrong last answer takes a question out of readiness.
    for q in &d2 {
        log.record(&q.id, Grade::Again, Some(false), now - 60);
    }
    let p = progress::progress(kb(), deck, &log, now);
    assert_eq!(
        p.domains.iter().find(|d| d.number == 2).unwrap().readiness,
        0.0
    );
}

#[test]
fn cards_export_for_anki_and_spreadsheets() {
    let picked: Vec<&Question> = the_deck().iter().take(4).collect();
    let anki = cards::anki(&picked);
    let lines: Vec<&str> = anki.lines().collect();
    assert_eq!(lines[0], "#separator:tab");
    assert_eq!(lines[1], "#html:true");
    assert_eq!(lines.len(), 4 + 4);
    for (l, q) in lines[4..].iter().zip(&picked) {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 3, "{l}");
        assert!(
            cols[0].contains(&crate::model::sheets::escape_html(&q.stem)),
            "{l}"
        );
        assert!(
            cols[2].starts_with(&format!("opsdeck domain-{} task-", q.domain().unwrap())),
            "{l}"
        );
    }
    let csv = cards::csv(&picked);
    assert!(csv.starts_with("id,domain,tasks,front,back,entries\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 5);
}

/// The authored bank: counts per domain within 3 points of the exam weights, no stem twice.
#[test]
fn the_authored_bank_follows_the_exam() {
    let qs = kb().questions();
    assert!(qs.len() >= 150, "{} questions", qs.len());
    let guide = kb().guide().unwrap();
    for d in &guide.domains {
        let n = qs
            .iter()
            .filter(|q| q.tasks.first().and_then(|t| domain_of(t)) == Some(d.number))
            .count();
        let share = 100.0 * n as f64 / qs.len() as f64;
        assert!(
            (share - f64::from(d.weight)).abs() <= 3.0,
            "domain {}: {share:.1} % against {} %",
            d.number,
            d.weight
        );
    }
    let mut stems = BTreeSet::new();
    for q in qs {
        assert!(
            stems.insert(q.stem.to_lowercase()),
            "stem twice: {}",
            q.stem
        );
    }
}
