//! The study view: daily cards with spaced repetition, a timed mock exam, and progress per
//! exam domain. Everything it records goes to the app as a [`StudyEvent`], which writes it
//! to the review log before the next frame.

mod cards;
mod exam;
mod progress;

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::study::{Question, deck};
use crate::platform::study::StudyBook;
use crate::ui::command::{Action, Command};
use crate::ui::theme;

/// The three parts of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Cards due and new.
    #[default]
    Cards,
    /// A mock exam.
    Exam,
    /// Readiness and history.
    Progress,
}

/// Which questions the cards tab draws from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// One exam domain.
    pub domain: Option<u8>,
    /// One task statement.
    pub task: Option<String>,
    /// Questions about one entry ("drill this").
    pub entry: Option<String>,
}

impl Filter {
    fn keeps(&self, q: &Question) -> bool {
        self.domain.is_none_or(|d| q.domain() == Some(d))
            && self.task.as_ref().is_none_or(|t| q.tasks.contains(t))
            && self
                .entry
                .as_ref()
                .is_none_or(|id| q.entries.iter().any(|e| e == id))
    }
}

/// What the study view keeps between frames.
#[derive(Default)]
pub struct StudyView {
    /// The tab shown.
    pub tab: Tab,
    /// The questions, built the first time the view is shown.
    deck: Option<Vec<Question>>,
    /// What the cards tab draws from.
    pub filter: Filter,
    cards: cards::CardsTab,
    exam: exam::ExamTab,
}

/// What a study frame needs besides the view's own state.
pub struct StudyInput<'a> {
    /// The review log.
    pub book: &'a StudyBook,
    /// The time now, Unix seconds.
    pub now: i64,
}

impl StudyView {
    /// Shows only the questions about an entry.
    pub fn drill(&mut self, id: &str) {
        self.filter = Filter {
            entry: Some(id.to_owned()),
            ..Filter::default()
        };
        self.tab = Tab::Cards;
        self.cards.reset();
    }

    /// Shows only the questions of a task statement.
    pub fn drill_task(&mut self, task: &str) {
        self.filter = Filter {
            task: Some(task.to_owned()),
            ..Filter::default()
        };
        self.tab = Tab::Cards;
        self.cards.reset();
    }

    /// How many questions the deck has about an entry (building the deck if needed).
    pub fn count_about(&mut self, kb: &KnowledgeBase, id: &str) -> usize {
        self.deck(kb)
            .iter()
            .filter(|q| q.entries.iter().any(|e| e == id))
            .count()
    }

    fn deck(&mut self, kb: &KnowledgeBase) -> &[Question] {
        self.deck.get_or_insert_with(|| deck(kb))
    }

    /// A keyboard action of the study scope.
    pub fn on_action(
        &mut self,
        action: Action,
        kb: &KnowledgeBase,
        input: &StudyInput<'_>,
    ) -> Option<Command> {
        self.deck(kb);
        let deck = self.deck.as_deref().unwrap_or_default();
        match self.tab {
            Tab::Cards => self.cards.on_action(action, deck, &self.filter, input),
            Tab::Exam => {
                self.exam.on_action(action, deck, input.now);
                None
            }
            Tab::Progress => None,
        }
    }

    /// Draws the view.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        input: &StudyInput<'_>,
    ) -> Vec<Command> {
        self.deck(kb);
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            for (tab, label) in [
                (Tab::Cards, "Cards"),
                (Tab::Exam, "Mock exam"),
                (Tab::Progress, "Progress"),
            ] {
                ui.selectable_value(&mut self.tab, tab, label);
            }
            if let Some(why) = input.book.read_only() {
                let dark = ui.visuals().dark_mode;
                ui.colored_label(
                    theme::status_color(crate::model::schema::Lifecycle::ClosedToNew, dark),
                    RichText::new(why).small(),
                );
            }
        });
        ui.separator();
        let mut task = None;
        let StudyView {
            tab,
            deck,
            filter,
            cards,
            exam,
        } = self;
        let deck = deck.as_deref().unwrap_or_default();
        egui::ScrollArea::vertical()
            .id_salt("study")
            .auto_shrink([false, false])
            .show(ui, |ui| match tab {
                Tab::Cards => out.extend(cards.ui(ui, kb, deck, filter, input)),
                Tab::Exam => out.extend(exam.ui(ui, kb, deck, input)),
                Tab::Progress => match progress::ui(ui, kb, deck, input) {
                    Some(progress::Go::Task(t)) => task = Some(t),
                    Some(progress::Go::Command(c)) => out.push(c),
                    None => {}
                },
            });
        if let Some(t) = task {
            self.drill_task(&t);
        }
        out
    }
}

/// A domain and task line, small, above a question.
/// A question's text, large and in the strong colour; a scenario's lines stay lines.
fn stem(ui: &mut egui::Ui, text: &str) {
    ui.add(
        egui::Label::new(
            egui::RichText::new(text)
                .size(16.0)
                .color(ui.visuals().strong_text_color()),
        )
        .wrap(),
    );
}

fn where_from(ui: &mut egui::Ui, kb: &KnowledgeBase, q: &Question) {
    let task = q.tasks.first().cloned().unwrap_or_default();
    let title = kb
        .guide()
        .and_then(|g| g.domains.iter().find(|d| Some(d.number) == q.domain()))
        .map(|d| d.title.clone())
        .unwrap_or_default();
    let origin = match &q.origin {
        crate::model::study::Origin::Authored => "exam-style question".to_owned(),
        crate::model::study::Origin::Data(kind) => format!("from the data ({kind})"),
        crate::model::study::Origin::Wizard(w) => format!("from the {w} wizard's rules"),
    };
    ui.label(
        RichText::new(format!(
            "Domain {} · {title} · task {task} · {origin}",
            q.domain().unwrap_or(0)
        ))
        .small()
        .color(theme::muted(ui)),
    );
}

/// Links to the entries a question points at.
fn entry_links(ui: &mut egui::Ui, kb: &KnowledgeBase, q: &Question) -> Option<Command> {
    let mut command = None;
    if q.entries.is_empty() {
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Read:").small().color(theme::muted(ui)));
        for id in &q.entries {
            if let Some(e) = kb.get(id)
                && ui.link(RichText::new(&e.title).small()).clicked()
            {
                command = Some(Command::Open(id.clone()));
            }
        }
    });
    command
}
