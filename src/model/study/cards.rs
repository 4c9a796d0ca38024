//! Cards for Anki (its plain-text import: tab-separated, HTML allowed, tags in a column) and
//! for spreadsheets (CSV, RFC 4180).

use super::super::sheets::escape_html;
use super::{LETTERS, Question};

/// The front and back of a question as plain text lines.
fn sides(q: &Question) -> (Vec<String>, Vec<String>) {
    let mut front = vec![q.stem.clone()];
    let mut back = Vec::new();
    if q.is_card() {
        back.push(q.answer.clone());
    } else {
        for (i, o) in q.options.iter().enumerate() {
            front.push(format!("{}. {}", LETTERS[i], o.text));
        }
        let right: Vec<String> = q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, o)| format!("{}. {}", LETTERS[i], o.text))
            .collect();
        back.push(right.join("; "));
        for (i, o) in q.options.iter().enumerate() {
            back.push(format!("{}: {}", LETTERS[i], o.why));
        }
    }
    (front, back)
}

fn tags(q: &Question) -> String {
    let mut t = vec!["opsdeck".to_owned()];
    if let Some(d) = q.domain() {
        t.push(format!("domain-{d}"));
    }
    t.extend(q.tasks.iter().map(|task| format!("task-{task}")));
    t.join(" ")
}

/// An Anki plain-text import file: a header Anki reads, then one card a line.
pub fn anki(questions: &[&Question]) -> String {
    let mut out =
        String::from("#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n");
    for q in questions {
        let (front, back) = sides(q);
        let cell = |lines: &[String]| {
            lines
                .iter()
                .map(|l| {
                    escape_html(l)
                        .replace(['\t', '\r'], " ")
                        .replace('\n', "<br>")
                })
                .collect::<Vec<_>>()
                .join("<br>")
        };
        out.push_str(&format!("{}\t{}\t{}\n", cell(&front), cell(&back), tags(q)));
    }
    out
}

/// A CSV file: `id,domain,tasks,front,back,entries`.
pub fn csv(questions: &[&Question]) -> String {
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("id,domain,tasks,front,back,entries\r\n");
    for q in questions {
        let (front, back) = sides(q);
        let row = [
            field(&q.id),
            q.domain().map(|d| d.to_string()).unwrap_or_default(),
            field(&q.tasks.join(" ")),
            field(&front.join("\n")),
            field(&back.join("\n")),
            field(&q.entries.join(" ")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
