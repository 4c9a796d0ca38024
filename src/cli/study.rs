//! Study commands: `drill` (questions in the terminal), `progress`, `cards export`.

use std::io::{BufRead, Write};

use anyhow::{Context, bail};

use super::args::{CardFormat, CardsCommand};
use crate::model::KnowledgeBase;
use crate::model::study::log::StudyLog;
use crate::model::study::srs::Grade;
use crate::model::study::{LETTERS, Question, deck, progress::progress as work_out};
use crate::platform::store::Store;
use crate::platform::study::{StudyBook, now};

fn book() -> StudyBook {
    StudyBook::open(Store::default_location())
}

/// The questions a drill asks: due and new ones as the schedule has them, then, to reach
/// the count, more new ones and the ones seen longest ago.
fn pick<'q>(
    deck: &'q [Question],
    log: &StudyLog,
    now: i64,
    keep: &dyn Fn(&Question) -> bool,
    count: usize,
) -> Vec<&'q Question> {
    let mut out = log.queue(deck, now, keep);
    out.truncate(count);
    if out.len() < count {
        let mut rest: Vec<&Question> = deck
            .iter()
            .filter(|q| keep(q) && !out.iter().any(|o| o.id == q.id))
            .collect();
        rest.sort_by_key(|q| log.memory.get(&q.id).map_or(i64::MIN, |m| m.due));
        out.extend(rest.into_iter().take(count - out.len()));
    }
    out
}

pub(super) fn drill(
    kb: &KnowledgeBase,
    domain: Option<u8>,
    entry: Option<&str>,
    count: usize,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    if let Some(d) = domain
        && !(1..=6).contains(&d)
    {
        bail!("--domain must be 1 to 6 (the exam's six domains; see `opsdeck guide`)");
    }
    if let Some(id) = entry
        && kb.get(id).is_none()
    {
        bail!("no entry has the id {id:?}; find ids with `opsdeck search WORDS`");
    }
    let all = deck(kb);
    let keep = |q: &Question| {
        domain.is_none_or(|d| q.domain() == Some(d))
            && entry.is_none_or(|id| q.entries.iter().any(|e| e == id))
    };
    let mut book = book();
    if let Some(notice) = book.notice.take() {
        eprintln!("warning: {notice}");
    }
    let questions = pick(&all, book.log(), now(), &keep, count);
    if questions.is_empty() {
        bail!("no questions match; try another --domain or --entry");
    }
    if json {
        out.push_str(&serde_json::to_string_pretty(&questions)?);
        out.push('\n');
        return Ok(());
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut stdout = std::io::stdout().lock();
    let (mut asked, mut right) = (0, 0);
    // A log that cannot be written (newer, read-only) was reported above; answers are asked
    // but not saved.
    let mut unsaved = book.read_only().map(str::to_owned);
    for (n, q) in questions.iter().enumerate() {
        let tasks = q.tasks.join(", ");
        writeln!(
            stdout,
            "\nQuestion {} of {} · domain {} · task {tasks}\n{}",
            n + 1,
            questions.len(),
            q.domain().unwrap_or(0),
            q.stem
        )?;
        let (grade, correct) = if q.is_card() {
            write!(stdout, "(Enter shows the answer; q stops) ")?;
            stdout.flush()?;
            match lines.next() {
                Some(Ok(l)) if l.trim() == "q" => break,
                Some(Ok(_)) => {}
                _ => break,
            }
            writeln!(stdout, "Answer: {}", q.answer)?;
            let grade = loop {
                write!(
                    stdout,
                    "How well did you know it? 1 Again, 2 Hard, 3 Good, 4 Easy: "
                )?;
                stdout.flush()?;
                let Some(Ok(l)) = lines.next() else {
                    return finish(&mut stdout, asked, right, unsaved);
                };
                match l.trim() {
                    "1" => break Grade::Again,
                    "2" => break Grade::Hard,
                    "3" => break Grade::Good,
                    "4" => break Grade::Easy,
                    "q" => return finish(&mut stdout, asked, right, unsaved),
                    _ => writeln!(stdout, "Type 1, 2, 3 or 4.")?,
                }
            };
            (grade, None)
        } else {
            for (i, o) in q.options.iter().enumerate() {
                writeln!(stdout, "  {}. {}", LETTERS[i], o.text)?;
            }
            let picked = loop {
                write!(
                    stdout,
                    "Your answer ({}; s skips, q stops): ",
                    if q.right_count() > 1 {
                        format!("{} letters", q.right_count())
                    } else {
                        "a letter".to_owned()
                    }
                )?;
                stdout.flush()?;
                let Some(Ok(l)) = lines.next() else {
                    return finish(&mut stdout, asked, right, unsaved);
                };
                let l = l.trim().to_uppercase();
                if l == "Q" {
                    return finish(&mut stdout, asked, right, unsaved);
                }
                if l == "S" {
                    break None;
                }
                let picked: Option<Vec<usize>> = l
                    .chars()
                    .filter(|c| !matches!(c, ' ' | ','))
                    .map(|c| LETTERS[..q.options.len()].iter().position(|x| *x == c))
                    .collect();
                match picked {
                    Some(p) if !p.is_empty() => break Some(p),
                    _ => writeln!(
                        stdout,
                        "Type a letter from A to {}.",
                        LETTERS[q.options.len() - 1]
                    )?,
                }
            };
            let Some(picked) = picked else {
                continue;
            };
            let ok = q.is_right(&picked);
            let answer: Vec<String> = q
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| LETTERS[i].to_string())
                .collect();
            if ok {
                writeln!(stdout, "Right.")?;
            } else {
                writeln!(stdout, "Not right: the answer is {}.", answer.join(" and "))?;
            }
            for (i, o) in q.options.iter().enumerate() {
                let mark = if o.correct { "right" } else { "wrong" };
                writeln!(stdout, "  {} ({mark}): {}", LETTERS[i], o.why)?;
            }
            (if ok { Grade::Good } else { Grade::Again }, Some(ok))
        };
        let read: Vec<String> = q
            .entries
            .iter()
            .filter_map(|id| kb.get(id).map(|e| format!("{} ({id})", e.title)))
            .collect();
        if !read.is_empty() {
            writeln!(stdout, "Read: {}", read.join("; "))?;
        }
        asked += 1;
        right += usize::from(correct == Some(true));
        if unsaved.is_none()
            && let Err(e) = book.record(&q.id, grade, correct, now())
        {
            eprintln!("warning: {e}");
            unsaved = Some(e);
        }
    }
    finish(&mut stdout, asked, right, unsaved)
}

fn finish(
    stdout: &mut impl Write,
    asked: usize,
    right: usize,
    unsaved: Option<String>,
) -> anyhow::Result<()> {
    writeln!(stdout, "\nDone: {right} of {asked} right.")?;
    if unsaved.is_some() {
        writeln!(
            stdout,
            "Your answers from the first unsaved one on were not saved (see the warning above)."
        )?;
    }
    Ok(())
}

pub(super) fn progress(kb: &KnowledgeBase, json: bool, out: &mut String) -> anyhow::Result<()> {
    let mut book = book();
    if let Some(notice) = book.notice.take() {
        eprintln!("warning: {notice}");
    }
    let all = deck(kb);
    let p = work_out(kb, &all, book.log(), now());
    if json {
        out.push_str(&serde_json::to_string_pretty(&p)?);
        out.push('\n');
        return Ok(());
    }
    let pct = |x: f64| format!("{:.0} %", x * 100.0);
    out.push_str(&format!(
        "Readiness: {} overall, weighted by the exam's domains; {} cards due now.\n",
        pct(p.overall),
        p.due
    ));
    for d in &p.domains {
        out.push_str(&format!(
            "\nDomain {} ({} %), {}: {} ready, {} of {} questions answered\n",
            d.number,
            d.weight,
            d.title,
            pct(d.readiness),
            d.answered,
            d.questions
        ));
        for t in &d.tasks {
            out.push_str(&format!(
                "  {} {}: {} ({} of {} answered, {} right last time)\n",
                t.task,
                t.title,
                pct(t.readiness),
                t.answered,
                t.questions,
                t.right
            ));
        }
    }
    let weakest: Vec<&str> = p.weakest.iter().take(3).map(String::as_str).collect();
    out.push_str(&format!(
        "\nWeakest task statements: {} (drill one with `opsdeck drill --domain N`).\n",
        weakest.join(", ")
    ));
    if !p.exams.is_empty() {
        out.push_str("Mock exams:");
        for (_, share) in &p.exams {
            out.push_str(&format!(" {}", pct(*share)));
        }
        out.push('\n');
    }
    Ok(())
}

pub(super) fn cards(
    kb: &KnowledgeBase,
    command: CardsCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    let CardsCommand::Export {
        format,
        out: path,
        domain,
    } = command;
    let all = deck(kb);
    let picked: Vec<&Question> = all
        .iter()
        .filter(|q| domain.is_none_or(|d| q.domain() == Some(d)))
        .collect();
    let text = match format {
        CardFormat::Anki => crate::model::study::cards::anki(&picked),
        CardFormat::Csv => crate::model::study::cards::csv(&picked),
    };
    crate::platform::write_atomic(&path, text.as_bytes(), crate::platform::Access::Shared)
        .with_context(|| {
            format!(
                "{} cannot be written (nothing was written there)",
                path.display()
            )
        })?;
    out.push_str(&format!(
        "Wrote {} cards to {}\n",
        picked.len(),
        path.display()
    ));
    Ok(())
}
