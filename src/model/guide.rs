//! The exam guide as a map: each domain with its weight, each task statement with the entries
//! and wizards that serve it. The guide view and `opsdeck guide` both draw this.

use std::fmt::Write as _;

use serde::Serialize;

use super::kb::KnowledgeBase;
use super::schema::{ExamGuide, GuideDomain, Kind, TaskStatement};

/// The guide with, under every task statement, what serves it.
#[derive(Debug)]
pub struct GuideMap<'a> {
    /// The guide itself.
    pub guide: &'a ExamGuide,
    /// One row per task statement, in guide order.
    pub tasks: Vec<TaskRow<'a>>,
}

/// A task statement and what serves it.
#[derive(Debug)]
pub struct TaskRow<'a> {
    /// The domain it belongs to.
    pub domain: &'a GuideDomain,
    /// The task statement.
    pub task: &'a TaskStatement,
    /// Indexes into [`KnowledgeBase::entries`]: services first, then features, concepts,
    /// strategies and limits, each by title.
    pub entries: Vec<usize>,
    /// Ids of the wizards that name it.
    pub wizards: Vec<&'a str>,
}

impl<'a> GuideMap<'a> {
    /// Builds the map; `None` when the knowledge base has no guide.
    pub fn new(kb: &'a KnowledgeBase) -> Option<GuideMap<'a>> {
        let guide = kb.guide()?;
        let mut tasks = Vec::new();
        for domain in &guide.domains {
            for task in &domain.tasks {
                let mut entries: Vec<usize> = kb
                    .entries()
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.tasks.iter().any(|t| t == &task.id))
                    .map(|(i, _)| i)
                    .collect();
                entries.sort_by(|&a, &b| {
                    let (ea, eb) = (&kb.entries()[a], &kb.entries()[b]);
                    kind_order(ea.kind)
                        .cmp(&kind_order(eb.kind))
                        .then_with(|| ea.title.to_lowercase().cmp(&eb.title.to_lowercase()))
                });
                let wizards = kb
                    .wizards()
                    .iter()
                    .filter(|w| w.tasks.iter().any(|t| t == &task.id))
                    .map(|w| w.id.as_str())
                    .collect();
                tasks.push(TaskRow {
                    domain,
                    task,
                    entries,
                    wizards,
                });
            }
        }
        Some(GuideMap { guide, tasks })
    }

    /// The rows of one domain.
    pub fn domain_tasks(&self, number: u8) -> impl Iterator<Item = &TaskRow<'a>> {
        self.tasks.iter().filter(move |r| r.domain.number == number)
    }

    /// The map as readable text (Markdown headings, one line of entries per task).
    pub fn to_text(&self, kb: &KnowledgeBase) -> String {
        let g = self.guide;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# {}: {} ({} questions, {} minutes, passing score {})",
            g.exam, g.title, g.questions, g.minutes, g.passing_score
        );
        for domain in &g.domains {
            let _ = writeln!(
                out,
                "\n## Domain {}: {} ({} %)",
                domain.number, domain.title, domain.weight
            );
            for row in self.domain_tasks(domain.number) {
                let _ = writeln!(out, "\n### {} {}", row.task.id, row.task.title);
                let names: Vec<String> = row
                    .entries
                    .iter()
                    .map(|&i| {
                        let e = &kb.entries()[i];
                        format!("{} ({})", e.title, e.id)
                    })
                    .collect();
                let _ = writeln!(out, "Entries ({}): {}", names.len(), names.join(", "));
                if !row.wizards.is_empty() {
                    let wizards: Vec<String> = row
                        .wizards
                        .iter()
                        .filter_map(|id| kb.wizard(id))
                        .map(|w| format!("{} ({})", w.title, w.id))
                        .collect();
                    let _ = writeln!(out, "Wizards: {}", wizards.join(", "));
                }
            }
        }
        out
    }

    /// The map as a serializable report for `--json`.
    pub fn to_json(&self, kb: &KnowledgeBase) -> GuideReport {
        let g = self.guide;
        GuideReport {
            exam: g.exam.clone(),
            title: g.title.clone(),
            questions: g.questions,
            minutes: g.minutes,
            passing_score: g.passing_score,
            domains: g
                .domains
                .iter()
                .map(|d| DomainReport {
                    number: d.number,
                    title: d.title.clone(),
                    weight: d.weight,
                    tasks: self
                        .domain_tasks(d.number)
                        .map(|r| TaskReport {
                            id: r.task.id.clone(),
                            title: r.task.title.clone(),
                            knowledge: r.task.knowledge.clone(),
                            skills: r.task.skills.clone(),
                            entries: r
                                .entries
                                .iter()
                                .map(|&i| kb.entries()[i].id.clone())
                                .collect(),
                            wizards: r.wizards.iter().map(|w| (*w).to_owned()).collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

fn kind_order(kind: Kind) -> u8 {
    match kind {
        Kind::Service => 0,
        Kind::Feature => 1,
        Kind::Concept => 2,
        Kind::Strategy => 3,
        Kind::Limit => 4,
    }
}

/// `opsdeck guide --json`.
#[derive(Debug, Serialize)]
pub struct GuideReport {
    /// Exam code.
    pub exam: String,
    /// Certification name.
    pub title: String,
    /// Number of questions.
    pub questions: u32,
    /// Minutes allowed.
    pub minutes: u32,
    /// Scaled passing score.
    pub passing_score: u32,
    /// The domains.
    pub domains: Vec<DomainReport>,
}

/// One domain of [`GuideReport`].
#[derive(Debug, Serialize)]
pub struct DomainReport {
    /// 1–6.
    pub number: u8,
    /// Name.
    pub title: String,
    /// Percentage of scored content.
    pub weight: u8,
    /// Task statements.
    pub tasks: Vec<TaskReport>,
}

/// One task statement of [`DomainReport`].
#[derive(Debug, Serialize)]
pub struct TaskReport {
    /// `D.N`.
    pub id: String,
    /// The guide's name for it.
    pub title: String,
    /// What to know.
    pub knowledge: Vec<String>,
    /// What to be able to do.
    pub skills: Vec<String>,
    /// Entry ids serving it.
    pub entries: Vec<String>,
    /// Wizard ids serving it.
    pub wizards: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_guide_has_six_domains_and_nineteen_tasks() {
        let kb = KnowledgeBase::builtin();
        let map = GuideMap::new(&kb).expect("the built-in data has a guide");
        let weights: Vec<u8> = map.guide.domains.iter().map(|d| d.weight).collect();
        assert_eq!(weights, [22, 17, 15, 15, 14, 17]);
        assert_eq!(map.tasks.len(), 19);
        let deploy = map.tasks.iter().find(|r| r.task.id == "1.4").unwrap();
        assert!(deploy.wizards.contains(&"deploy"), "{:?}", deploy.wizards);
        let text = map.to_text(&kb);
        assert!(
            text.contains("## Domain 3: Resilient Cloud Solutions (15 %)"),
            "{text}"
        );
        assert!(text.contains("### 3.3 "), "{text}");
    }
}
