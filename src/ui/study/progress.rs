//! The progress tab: readiness per domain and task statement, the weakest task statements
//! with a way to drill them, and the study history as a chart.

use egui::RichText;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};

use super::StudyInput;
use crate::model::KnowledgeBase;
use crate::model::study::Question;
use crate::model::study::progress::progress;
use crate::ui::command::Command;
use crate::ui::theme;

/// Where the tab sends the student.
pub enum Go {
    /// Drill a task statement's questions.
    Task(String),
    /// A command for the app.
    Command(Command),
}

fn pct(x: f64) -> String {
    // Early progress is small: show it rather than round it away.
    if x > 0.0 && x < 0.1 {
        format!("{:.1} %", x * 100.0)
    } else {
        format!("{:.0} %", x * 100.0)
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    deck: &[Question],
    input: &StudyInput<'_>,
) -> Option<Go> {
    let mut go = None;
    let p = progress(kb, deck, input.book.log(), input.now);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(pct(p.overall)).size(28.0).strong());
        ui.vertical(|ui| {
            ui.label(RichText::new("ready, weighted by the exam's domains").strong());
            ui.label(
                RichText::new(format!(
                    "A question counts when your last answer was right, times the chance you still remember it. {} cards due now.",
                    p.due
                ))
                .small()
                .color(theme::muted(ui)),
            );
        });
    });
    ui.add_space(8.0);
    for d in &p.domains {
        egui::CollapsingHeader::new(RichText::new(format!(
            "Domain {} ({} %): {} · {} ready · {} of {} answered",
            d.number,
            d.weight,
            d.title,
            pct(d.readiness),
            d.answered,
            d.questions
        )))
        .id_salt(("progress-domain", d.number))
        .show(ui, |ui| {
            egui::Grid::new(("progress-tasks", d.number))
                .num_columns(4)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for t in &d.tasks {
                        ui.add(egui::Label::new(format!("{} {}", t.task, t.title)).wrap());
                        ui.add(
                            egui::ProgressBar::new(t.readiness as f32)
                                .desired_width(120.0)
                                .text(pct(t.readiness)),
                        );
                        ui.label(
                            RichText::new(format!("{} of {}", t.answered, t.questions)).small(),
                        );
                        if ui.button("Drill").clicked() {
                            go = Some(Go::Task(t.task.clone()));
                        }
                        ui.end_row();
                    }
                });
        });
    }
    ui.add_space(10.0);
    ui.label(RichText::new("Weakest task statements").strong());
    for task in p.weakest.iter().take(5) {
        let t = p
            .domains
            .iter()
            .flat_map(|d| &d.tasks)
            .find(|t| &t.task == task);
        let Some(t) = t else { continue };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{} {} ({})", t.task, t.title, pct(t.readiness)));
            if ui.button("Drill").clicked() {
                go = Some(Go::Task(t.task.clone()));
            }
            if ui
                .link("Its entries")
                .on_hover_text("Open the task statement in the exam guide")
                .clicked()
            {
                go = Some(Go::Command(Command::OpenTask(t.task.clone())));
            }
        });
    }
    ui.add_space(10.0);
    ui.label(RichText::new("History").strong());
    if p.history.is_empty() && p.exams.is_empty() {
        ui.label(
            RichText::new("Nothing yet: your reviews and mock exams will show here.")
                .color(theme::muted(ui)),
        );
        return go;
    }
    let dark = ui.visuals().dark_mode;
    let first = p
        .history
        .first()
        .map(|d| d.day)
        .or_else(|| p.exams.first().map(|(at, _)| at.div_euclid(86_400)))
        .unwrap_or(0);
    let bars: Vec<Bar> = p
        .history
        .iter()
        .map(|d| Bar::new((d.day - first) as f64, f64::from(d.reviews)).width(0.6))
        .collect();
    let right: Vec<[f64; 2]> = p
        .history
        .iter()
        .filter(|d| d.judged > 0)
        .map(|d| {
            [
                (d.day - first) as f64,
                100.0 * f64::from(d.right) / f64::from(d.judged),
            ]
        })
        .collect();
    let exams: Vec<[f64; 2]> = p
        .exams
        .iter()
        .map(|(at, share)| [(at.div_euclid(86_400) - first) as f64, share * 100.0])
        .collect();
    let last = p.history.last().map_or(0, |d| d.day - first).max(
        p.exams
            .last()
            .map_or(0, |(at, _)| at.div_euclid(86_400) - first),
    );
    Plot::new("study-history")
        .height(200.0)
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(100.0)
        // At least a week wide, so one day of study is a bar, not the whole chart.
        .include_x(-0.5)
        .include_x(last.max(6) as f64 + 0.5)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("days since your first study day")
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Reviews (count)", bars)
                    .color(theme::kind_color(crate::model::schema::Kind::Service, dark)),
            );
            plot.line(
                Line::new("Right (%)", PlotPoints::from(right.clone()))
                    .color(theme::good_color(dark))
                    .width(2.0),
            );
            plot.points(
                Points::new("Right (%)", PlotPoints::from(right))
                    .radius(3.0)
                    .color(theme::good_color(dark)),
            );
            plot.points(
                Points::new("Mock exams (%)", PlotPoints::from(exams))
                    .radius(4.0)
                    .color(theme::kind_color(
                        crate::model::schema::Kind::Strategy,
                        dark,
                    )),
            );
        });
    go
}
