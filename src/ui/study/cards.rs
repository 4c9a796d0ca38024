//! The cards tab: the next card due (or new), answered by keyboard or mouse, graded Again to
//! Easy.

use egui::RichText;

use super::{Filter, StudyInput, entry_links, stem, where_from};
use crate::model::KnowledgeBase;
use crate::model::study::srs::Grade;
use crate::model::study::{LETTERS, Question};
use crate::ui::command::{Action, Command, StudyEvent};
use crate::ui::theme;

/// The state of the card on screen.
#[derive(Default)]
pub struct CardsTab {
    /// Id of the card shown.
    current: Option<String>,
    /// Options picked.
    picked: Vec<usize>,
    /// The answer is shown (checked, or revealed).
    shown: bool,
    /// Cards graded since the view opened, and how many of those were right.
    done: usize,
    right: usize,
    /// Keep going past today's new-card limit.
    more: bool,
}

/// How an option row looks.
pub struct RowLook {
    /// Picked by the student.
    pub picked: bool,
    /// After checking: whether the option is a right answer.
    pub right: Option<bool>,
}

/// One option: its letter, its text, wrapped; clickable, with an accessible name "A. text".
pub fn option_row(ui: &mut egui::Ui, index: usize, text: &str, look: &RowLook) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let letter = LETTERS[index];
    let stroke = match look.right {
        Some(true) => egui::Stroke::new(1.5, theme::good_color(dark)),
        Some(false) if look.picked => egui::Stroke::new(
            1.5,
            theme::status_color(crate::model::schema::Lifecycle::Retired, dark),
        ),
        _ => ui.visuals().widgets.noninteractive.bg_stroke,
    };
    let fill = if look.picked {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        ui.visuals().extreme_bg_color
    };
    let inner = egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(format!("{letter}")).strong().monospace());
                ui.add(egui::Label::new(text).wrap().selectable(false));
            });
        });
    let id = ui.make_persistent_id(("option", index));
    let response = ui.interact(inner.response.rect, id, egui::Sense::click());
    let name = format!("{letter}. {text}");
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, look.picked, &name));
    response
}

impl CardsTab {
    /// Forgets the card on screen (after the filter changes).
    pub fn reset(&mut self) {
        self.current = None;
        self.picked.clear();
        self.shown = false;
    }

    fn current<'q>(
        &mut self,
        deck: &'q [Question],
        filter: &Filter,
        input: &StudyInput<'_>,
    ) -> Option<&'q Question> {
        if let Some(id) = &self.current
            && let Some(q) = deck.iter().find(|q| &q.id == id)
        {
            return Some(q);
        }
        let log = input.book.log();
        let next = log
            .queue(deck, input.now, |q| filter.keeps(q))
            .into_iter()
            .next()
            .or_else(|| {
                // Past today's limit, when asked: the next card never seen, else the one
                // due soonest.
                self.more.then(|| {
                    deck.iter()
                        .filter(|q| filter.keeps(q))
                        .min_by_key(|q| log.memory.get(&q.id).map_or(i64::MIN, |m| m.due))
                })?
            })?;
        self.current = Some(next.id.clone());
        self.picked.clear();
        self.shown = false;
        Some(next)
    }

    fn pick(&mut self, q: &Question, index: usize) {
        if self.shown || index >= q.options.len() {
            return;
        }
        if q.right_count() > 1 {
            if let Some(at) = self.picked.iter().position(|&p| p == index) {
                self.picked.remove(at);
            } else {
                self.picked.push(index);
            }
        } else {
            self.picked = vec![index];
        }
    }

    /// The grade suggested once the answer is shown: Good when right, Again when wrong.
    fn suggested(&self, q: &Question) -> Grade {
        if q.is_card() || q.is_right(&self.picked) {
            Grade::Good
        } else {
            Grade::Again
        }
    }

    fn grade(&mut self, q: &Question, grade: Grade) -> Command {
        let correct = (!q.is_card()).then(|| q.is_right(&self.picked));
        self.done += 1;
        self.right += usize::from(correct.unwrap_or(matches!(grade, Grade::Good | Grade::Easy)));
        self.reset();
        Command::Study(StudyEvent::Review {
            id: q.id.clone(),
            grade,
            correct,
        })
    }

    /// Space shows or checks; a second Space takes the suggested grade.
    fn reveal(&mut self, q: &Question) -> Option<Command> {
        if self.shown {
            let g = self.suggested(q);
            return Some(self.grade(q, g));
        }
        if q.is_card() || !self.picked.is_empty() {
            self.shown = true;
        }
        None
    }

    pub fn on_action(
        &mut self,
        action: Action,
        deck: &[Question],
        filter: &Filter,
        input: &StudyInput<'_>,
    ) -> Option<Command> {
        let q = self.current(deck, filter, input)?;
        let grade = |g| (self.shown).then_some(g);
        match action {
            Action::StudyPickA => self.pick(q, 0),
            Action::StudyPickB => self.pick(q, 1),
            Action::StudyPickC => self.pick(q, 2),
            Action::StudyPickD => self.pick(q, 3),
            Action::StudyPickE => self.pick(q, 4),
            Action::StudyReveal => return self.reveal(q),
            Action::StudyAgain | Action::StudyHard | Action::StudyGood | Action::StudyEasy => {
                let g = match action {
                    Action::StudyAgain => Grade::Again,
                    Action::StudyHard => Grade::Hard,
                    Action::StudyGood => Grade::Good,
                    _ => Grade::Easy,
                };
                if let Some(g) = grade(g) {
                    return Some(self.grade(q, g));
                }
            }
            _ => {}
        }
        None
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        deck: &[Question],
        filter: &mut Filter,
        input: &StudyInput<'_>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        let log = input.book.log();
        let queue = log.queue(deck, input.now, |q| filter.keeps(q));
        let due = queue
            .iter()
            .filter(|q| log.memory.contains_key(&q.id))
            .count();
        let before = filter.clone();
        ui.horizontal_wrapped(|ui| {
            let names: Vec<(Option<u8>, String)> =
                std::iter::once((None, "All domains".to_owned()))
                    .chain(kb.guide().into_iter().flat_map(|g| {
                        g.domains
                            .iter()
                            .map(|d| (Some(d.number), format!("Domain {}: {}", d.number, d.title)))
                    }))
                    .collect();
            let shown = names
                .iter()
                .find(|(n, _)| *n == filter.domain)
                .map_or(String::new(), |(_, l)| l.clone());
            let label = ui.label("Questions from");
            egui::ComboBox::from_id_salt("study-domain")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (n, l) in &names {
                        ui.selectable_value(&mut filter.domain, *n, l);
                    }
                })
                .response
                .labelled_by(label.id);
            for (what, clear) in [
                (
                    filter
                        .entry
                        .as_ref()
                        .and_then(|id| kb.get(id))
                        .map(|e| format!("About: {}", e.title)),
                    0,
                ),
                (filter.task.as_ref().map(|t| format!("Task {t}")), 1),
            ] {
                if let Some(what) = what
                    && ui
                        .button(format!("{what}  ✕"))
                        .on_hover_text("Show all questions again")
                        .clicked()
                {
                    if clear == 0 {
                        filter.entry = None;
                    } else {
                        filter.task = None;
                    }
                }
            }
        });
        if *filter != before {
            self.reset();
        }
        ui.label(
            RichText::new(format!(
                "{due} due · {} new left today · {} done now, {} right",
                queue.len() - due,
                self.done,
                self.right
            ))
            .small()
            .color(theme::muted(ui)),
        );
        ui.add_space(6.0);
        let Some(q) = self.current(deck, filter, input) else {
            ui.label(RichText::new("Nothing due. Well done.").size(18.0).strong());
            ui.label(
                RichText::new(format!(
                    "You have studied today's {} new cards; the next ones fall due later.",
                    log.daily_new()
                ))
                .color(theme::muted(ui)),
            );
            if ui.button("Study more now").clicked() {
                self.more = true;
            }
            return out;
        };
        let q = q.clone();
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .corner_radius(8)
            .inner_margin(14)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                where_from(ui, kb, &q);
                ui.add_space(4.0);
                stem(ui, q.stem.as_str());
                ui.add_space(8.0);
                if q.is_card() {
                    if self.shown {
                        ui.label(RichText::new(&q.answer).size(16.0).strong());
                    } else if ui.button("Show the answer (Space)").clicked() {
                        self.shown = true;
                    }
                } else {
                    for (i, o) in q.options.iter().enumerate() {
                        let look = RowLook {
                            picked: self.picked.contains(&i),
                            right: self.shown.then_some(o.correct),
                        };
                        if option_row(ui, i, &o.text, &look).clicked() {
                            self.pick(&q, i);
                        }
                        if self.shown {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&o.why).small().color(theme::muted(ui)),
                                )
                                .wrap(),
                            );
                        }
                        ui.add_space(2.0);
                    }
                    if !self.shown {
                        let label = if q.right_count() > 1 {
                            format!("Check (Space) · pick {}", q.right_count())
                        } else {
                            "Check (Space)".to_owned()
                        };
                        if ui
                            .add_enabled(!self.picked.is_empty(), egui::Button::new(label))
                            .clicked()
                        {
                            self.shown = true;
                        }
                    }
                }
                if self.shown {
                    ui.add_space(6.0);
                    if !q.is_card() {
                        let dark = ui.visuals().dark_mode;
                        let (text, color) = if q.is_right(&self.picked) {
                            ("Right.", theme::good_color(dark))
                        } else {
                            (
                                "Not right.",
                                theme::status_color(crate::model::schema::Lifecycle::Retired, dark),
                            )
                        };
                        ui.label(RichText::new(text).strong().color(color));
                    }
                    let suggested = self.suggested(&q);
                    ui.horizontal_wrapped(|ui| {
                        ui.label("How well did you know it?");
                        for (n, g) in Grade::ALL.iter().enumerate() {
                            let text = format!("{} ({})", g.label(), n + 1);
                            if ui
                                .add(egui::Button::selectable(*g == suggested, text))
                                .on_hover_text(if *g == suggested {
                                    "Suggested; Space takes it"
                                } else {
                                    ""
                                })
                                .clicked()
                            {
                                out.push(self.grade(&q, *g));
                            }
                        }
                    });
                    if let Some(c) = entry_links(ui, kb, &q) {
                        out.push(c);
                    }
                }
            });
        ui.add_space(6.0);
        ui.label(
            RichText::new("Keys: A–E pick · Space checks or shows the answer, then takes the suggested grade · 1–4 grade")
                .small()
                .color(theme::muted(ui)),
        );
        out
    }
}
