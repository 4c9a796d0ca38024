//! The mock exam tab: a full exam (the guide's question count and time) or a short
//! practice, a timer, flags and a question map, then a report per domain and a review of
//! every missed question.

use egui::RichText;

use super::cards::{RowLook, option_row};
use super::{StudyInput, entry_links, stem, where_from};
use crate::model::KnowledgeBase;
use crate::model::study::Question;
use crate::model::study::exam::{Report, Sitting, draw, report};
use crate::ui::command::{Action, Command, StudyEvent};
use crate::ui::theme;

/// Questions and minutes of the short practice exam.
pub const SHORT: (usize, u32) = (15, 36);

/// The exam on screen.
#[derive(Default)]
pub struct ExamTab {
    sitting: Option<Sitting>,
    /// The question shown, by position.
    at: usize,
    /// Set once finished.
    report: Option<Report>,
    /// "Finish" was pressed once with questions unanswered.
    confirm: bool,
    /// Seeds the next draw, so each exam differs.
    seed: u64,
}

impl ExamTab {
    fn find<'q>(deck: &'q [Question], id: &str) -> Option<&'q Question> {
        deck.iter().find(|q| q.id == id)
    }

    pub fn on_action(&mut self, action: Action, deck: &[Question], _now: i64) {
        let (Some(s), None) = (&mut self.sitting, &self.report) else {
            return;
        };
        let n = s.ids.len();
        let Some(q) = Self::find(deck, &s.ids[self.at]) else {
            return;
        };
        let pick = |s: &mut Sitting, at: usize, i: usize| {
            if i >= q.options.len() {
                return;
            }
            let p = &mut s.picked[at];
            if q.right_count() > 1 {
                if let Some(k) = p.iter().position(|&x| x == i) {
                    p.remove(k);
                } else {
                    p.push(i);
                }
            } else {
                *p = vec![i];
            }
        };
        match action {
            Action::ExamNext => self.at = (self.at + 1).min(n - 1),
            Action::ExamPrevious => self.at = self.at.saturating_sub(1),
            Action::ExamFlag => s.flagged[self.at] = !s.flagged[self.at],
            Action::StudyPickA => pick(s, self.at, 0),
            Action::StudyPickB => pick(s, self.at, 1),
            Action::StudyPickC => pick(s, self.at, 2),
            Action::StudyPickD => pick(s, self.at, 3),
            Action::StudyPickE => pick(s, self.at, 4),
            _ => {}
        }
    }

    fn finish(&mut self, kb: &KnowledgeBase, deck: &[Question], now: i64) -> Option<Command> {
        let s = self.sitting.as_ref()?;
        let r = report(kb, s, |id| Self::find(deck, id));
        let reviews: Vec<(String, bool)> = s
            .ids
            .iter()
            .enumerate()
            .filter(|(i, _)| !s.picked[*i].is_empty())
            .map(|(i, id)| (id.clone(), !r.missed.contains(&i)))
            .collect();
        let record = r.record(s, now);
        self.report = Some(r);
        self.confirm = false;
        Some(Command::Study(StudyEvent::Exam(record, reviews)))
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        deck: &[Question],
        input: &StudyInput<'_>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        if self.sitting.is_none() {
            self.start_ui(ui, kb, deck, input);
            return out;
        }
        if self.report.is_some() {
            out.extend(self.report_ui(ui, kb, deck));
            return out;
        }
        let now = input.now;
        let over = self.sitting.as_ref().is_some_and(|s| s.remaining(now) == 0);
        if over {
            out.extend(self.finish(kb, deck, now));
            return out;
        }
        let Some(s) = &mut self.sitting else {
            return out;
        };
        let n = s.ids.len();
        let left = s.remaining(now);
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(500));
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "Question {} of {n} · {}:{:02}:{:02} left · {} answered · {} flagged",
                    self.at + 1,
                    left / 3600,
                    left % 3600 / 60,
                    left % 60,
                    s.answered(),
                    s.flagged.iter().filter(|f| **f).count()
                ))
                .strong(),
            );
        });
        // The question map: one button a question; answered ones filled, flagged ones marked.
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(3.0, 3.0);
            let dark = ui.visuals().dark_mode;
            for i in 0..n {
                let answered = !s.picked[i].is_empty();
                let mut text = RichText::new(format!("{}", i + 1)).small();
                if s.flagged[i] {
                    text = text.color(theme::status_color(
                        crate::model::schema::Lifecycle::ClosedToNew,
                        dark,
                    ));
                }
                let button = egui::Button::selectable(i == self.at, text)
                    .min_size(egui::vec2(26.0, 20.0))
                    .fill(if answered {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.4)
                    } else {
                        ui.visuals().extreme_bg_color
                    });
                let hover = match (answered, s.flagged[i]) {
                    (true, true) => "answered, flagged",
                    (true, false) => "answered",
                    (false, true) => "not answered, flagged",
                    (false, false) => "not answered",
                };
                if ui.add(button).on_hover_text(hover).clicked() {
                    self.at = i;
                }
            }
        });
        ui.add_space(6.0);
        let Some(q) = Self::find(deck, &s.ids[self.at]) else {
            return out;
        };
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .corner_radius(8)
            .inner_margin(14)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                where_from(ui, kb, q);
                stem(ui, q.stem.as_str());
                ui.add_space(8.0);
                for (i, o) in q.options.iter().enumerate() {
                    let look = RowLook {
                        picked: s.picked[self.at].contains(&i),
                        right: None,
                    };
                    if option_row(ui, i, &o.text, &look).clicked() {
                        let p = &mut s.picked[self.at];
                        if q.right_count() > 1 {
                            if let Some(k) = p.iter().position(|&x| x == i) {
                                p.remove(k);
                            } else {
                                p.push(i);
                            }
                        } else {
                            *p = vec![i];
                        }
                    }
                    ui.add_space(2.0);
                }
            });
        ui.add_space(6.0);
        let mut finish = false;
        ui.horizontal_wrapped(|ui| {
            if ui.button("← Previous").clicked() {
                self.at = self.at.saturating_sub(1);
            }
            if ui.button("Next →").clicked() {
                self.at = (self.at + 1).min(n - 1);
            }
            let flag = if s.flagged[self.at] {
                "Unflag (F)"
            } else {
                "Flag for review (F)"
            };
            if ui.button(flag).clicked() {
                s.flagged[self.at] = !s.flagged[self.at];
            }
            let unanswered = n - s.answered();
            let label = if self.confirm && unanswered > 0 {
                format!("Finish now, {unanswered} unanswered")
            } else {
                "Finish the exam".to_owned()
            };
            if ui.button(label).clicked() {
                if unanswered > 0 && !self.confirm {
                    self.confirm = true;
                } else {
                    finish = true;
                }
            }
        });
        if finish {
            out.extend(self.finish(kb, deck, now));
        }
        out
    }

    fn start_ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        deck: &[Question],
        input: &StudyInput<'_>,
    ) {
        let (full, minutes) = kb
            .guide()
            .map_or((75, 180), |g| (g.questions as usize, g.minutes));
        ui.label(RichText::new("Mock exam").size(18.0).strong());
        ui.label(
            RichText::new(format!(
                "Questions drawn by the exam guide's domain weights; no answers are shown until you finish. The real exam has {full} questions in {minutes} minutes and reports a scaled score."
            ))
            .color(theme::muted(ui)),
        );
        ui.add_space(6.0);
        let mut start = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(format!(
                    "Start a full exam: {full} questions, {minutes} minutes"
                ))
                .clicked()
            {
                start = Some((full, minutes));
            }
            if ui
                .button(format!(
                    "Start a short practice: {} questions, {} minutes",
                    SHORT.0, SHORT.1
                ))
                .clicked()
            {
                start = Some(SHORT);
            }
        });
        if let Some((size, minutes)) = start {
            self.seed = self.seed.wrapping_add(input.now as u64).wrapping_add(1);
            let questions = draw(kb, deck, size, self.seed);
            self.sitting = Some(Sitting::new(&questions, input.now, minutes));
            self.at = 0;
            self.report = None;
        }
        let past = &input.book.log().exams;
        if !past.is_empty() {
            ui.add_space(10.0);
            ui.label(RichText::new("Earlier exams").strong());
            for e in past.iter().rev().take(10) {
                ui.label(format!(
                    "{} of {} right ({:.0} %), {} min",
                    e.right,
                    e.total,
                    100.0 * f64::from(e.right) / f64::from(e.total.max(1)),
                    e.seconds / 60
                ));
            }
        }
    }

    fn report_ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        deck: &[Question],
    ) -> Vec<Command> {
        let mut out = Vec::new();
        let (Some(s), Some(r)) = (&self.sitting, &self.report) else {
            return out;
        };
        ui.label(
            RichText::new(format!(
                "{} of {} right ({:.0} %)",
                r.right,
                r.total,
                r.share() * 100.0
            ))
            .size(20.0)
            .strong(),
        );
        ui.label(
            RichText::new("AWS reports a scaled score from 100 to 1,000; this is the share answered right, not that score.")
                .small()
                .color(theme::muted(ui)),
        );
        ui.add_space(8.0);
        ui.label(RichText::new("By domain").strong());
        egui::Grid::new("exam-domains")
            .num_columns(3)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for d in &r.domains {
                    if d.total == 0 {
                        continue;
                    }
                    ui.label(format!("{}. {}", d.number, d.title));
                    let share = f32::from(d.right as u16) / f32::from(d.total.max(1) as u16);
                    ui.add(
                        egui::ProgressBar::new(share)
                            .desired_width(160.0)
                            .text(format!("{:.0} %", share * 100.0)),
                    );
                    ui.label(format!("{} of {}", d.right, d.total));
                    ui.end_row();
                }
            });
        ui.add_space(10.0);
        ui.label(RichText::new(format!("Missed ({})", r.missed.len())).strong());
        let dark = ui.visuals().dark_mode;
        for &i in &r.missed {
            let Some(q) = Self::find(deck, &s.ids[i]) else {
                continue;
            };
            egui::CollapsingHeader::new(format!(
                "{}. {}",
                i + 1,
                crate::model::render::one_line(&q.stem)
                    .chars()
                    .take(110)
                    .collect::<String>()
            ))
            .id_salt(("missed", i))
            .show(ui, |ui| {
                where_from(ui, kb, q);
                ui.add(egui::Label::new(&q.stem).wrap());
                for (j, o) in q.options.iter().enumerate() {
                    let mine = s.picked[i].contains(&j);
                    let mark = match (o.correct, mine) {
                        (true, _) => "right",
                        (false, true) => "your answer",
                        (false, false) => "",
                    };
                    let color = if o.correct {
                        theme::good_color(dark)
                    } else if mine {
                        theme::status_color(crate::model::schema::Lifecycle::Retired, dark)
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!(
                                "{}. {}{}",
                                crate::model::study::LETTERS[j],
                                o.text,
                                if mark.is_empty() {
                                    String::new()
                                } else {
                                    format!("  ({mark})")
                                }
                            ))
                            .color(color),
                        )
                        .wrap(),
                    );
                    ui.add(
                        egui::Label::new(RichText::new(&o.why).small().color(theme::muted(ui)))
                            .wrap(),
                    );
                }
                if let Some(c) = entry_links(ui, kb, q) {
                    out.push(c);
                }
                if !q.entries.is_empty()
                    && ui
                        .button("Add these entries to my sheet")
                        .on_hover_text("Adds them to the last cheat-sheet used")
                        .clicked()
                {
                    out.extend(q.entries.iter().cloned().map(Command::AddToLast));
                }
            });
        }
        ui.add_space(10.0);
        if ui.button("Another exam").clicked() {
            self.sitting = None;
            self.report = None;
        }
        out
    }
}
