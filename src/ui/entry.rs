//! One entry in full: status banner, summary, key points, exam tips, limits, attributes,
//! related entries and sources.

use egui::{RichText, text::LayoutJob, text::TextFormat};

use crate::model::KnowledgeBase;
use crate::model::markup::{self, Style};
use crate::model::render::{attr_value_text, value_with_unit};
use crate::model::schema::{Entry, Kind, Lifecycle};
use crate::ui::command::Command;
use crate::ui::theme;

/// The user's own things shown on an entry page.
pub struct EntryExtras<'a> {
    /// Whether the entry is starred.
    pub starred: bool,
    /// Names of the user's sheets, and whether the entry is on each.
    pub sheets: Vec<(&'a str, bool)>,
    /// The personal note being edited.
    pub note: &'a mut String,
    /// How many study questions are about the entry.
    pub questions: usize,
    /// Whether the entry is the user's own.
    pub mine: bool,
    /// Other versions of the entry: (id, title, whose).
    pub versions: Vec<(String, String, String)>,
}

/// Draws the entry page; returns a command when a link or button is used.
pub fn entry_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    entry: &Entry,
    extras: EntryExtras<'_>,
) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(860.0));
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let star = if extras.starred {
                    "★ Starred"
                } else {
                    "☆ Star"
                };
                if ui
                    .button(star)
                    .on_hover_text("Star this entry (Ctrl+D)")
                    .clicked()
                {
                    command = Some(Command::ToggleStar(entry.id.clone()));
                }
                ui.menu_button("Add to sheet ▾", |ui| {
                    for (name, on) in &extras.sheets {
                        let label = if *on {
                            format!("✓ {name}")
                        } else {
                            (*name).to_owned()
                        };
                        if ui.add_enabled(!on, egui::Button::new(label)).clicked() {
                            command = Some(Command::AddToSheet(
                                entry.id.clone(),
                                Some((*name).to_owned()),
                            ));
                            ui.close();
                        }
                    }
                    if ui.button("New sheet with this entry").clicked() {
                        command = Some(Command::AddToSheet(entry.id.clone(), None));
                        ui.close();
                    }
                })
                .response
                .on_hover_text("Add to a cheat-sheet (Ctrl+E adds to the last sheet used)");
                let edit = if extras.mine {
                    "Edit"
                } else {
                    "Make my version"
                };
                if ui
                    .button(edit)
                    .on_hover_text(if extras.mine {
                        "Change your entry"
                    } else {
                        "Write your own version; this one stays, and both are shown"
                    })
                    .clicked()
                {
                    command = Some(Command::EditEntry(Some(entry.id.clone())));
                }
                if extras.questions > 0
                    && ui
                        .button(format!("Drill this ({})", extras.questions))
                        .on_hover_text("Study the questions and cards about this entry")
                        .clicked()
                {
                    command = Some(Command::Drill(entry.id.clone()));
                }
            });
            ui.horizontal_wrapped(|ui| {
                theme::badge(ui, entry.kind.as_str(), theme::kind_color(entry.kind, dark));
                if extras.mine {
                    theme::badge(ui, "yours", theme::kind_color(Kind::Feature, dark));
                }
                for (id, title, whose) in &extras.versions {
                    if ui
                        .link(RichText::new(format!("{whose}: {title}")).small())
                        .on_hover_text("Another version of this entry")
                        .clicked()
                    {
                        command = Some(Command::Open(id.clone()));
                    }
                }
                if entry.out_of_scope {
                    theme::badge(ui, "not in the DOP-C02 exam", theme::muted(ui)).on_hover_text(
                        "The exam guide does not list this service; the study notes mention it.",
                    );
                }
                for task in &entry.tasks {
                    let title = kb
                        .guide()
                        .and_then(|g| {
                            g.domains
                                .iter()
                                .flat_map(|d| &d.tasks)
                                .find(|t| &t.id == task)
                        })
                        .map_or("", |t| t.title.as_str());
                    let badge = ui
                        .add(
                            egui::Button::new(RichText::new(format!("Task {task}")).small())
                                .corner_radius(8)
                                .small(),
                        )
                        .on_hover_text(format!("{task} {title}: open it in the exam guide"));
                    if badge.clicked() {
                        command = Some(Command::OpenTask(task.clone()));
                    }
                }
                for d in entry.domains.iter().filter(|_| entry.tasks.is_empty()) {
                    theme::badge(
                        ui,
                        &format!("D{} {}", d.number(), d.title()),
                        theme::muted(ui),
                    );
                }
            });
            ui.add_space(2.0);
            ui.label(RichText::new(&entry.title).heading().strong());
            if !entry.aliases.is_empty() {
                ui.label(
                    RichText::new(format!("Also: {}", entry.aliases.join(" · ")))
                        .color(theme::muted(ui)),
                );
            }
            if let Some(status) = entry
                .status
                .as_ref()
                .filter(|s| s.state != Lifecycle::Active)
            {
                ui.add_space(6.0);
                let color = theme::status_color(status.state, dark);
                egui::Frame::new()
                    .fill(color.gamma_multiply(0.12))
                    .stroke(egui::Stroke::new(1.0, color))
                    .corner_radius(6)
                    .inner_margin(10)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let date = status.date.as_deref().unwrap_or("date not verified");
                        let state = match status.state {
                            Lifecycle::Retired => "Retired",
                            Lifecycle::EndOfSupport => "End of support announced",
                            _ => "Closed to new customers",
                        };
                        ui.label(
                            RichText::new(format!("{state} · {date}"))
                                .strong()
                                .color(color),
                        );
                        ui.label(&status.note);
                        if !status.replaced_by.is_empty() {
                            ui.horizontal_wrapped(|ui| {
                                ui.label("Use instead:");
                                for id in &status.replaced_by {
                                    if let Some(c) = link(ui, kb, id) {
                                        command = Some(c);
                                    }
                                }
                            });
                        }
                    });
            }
            ui.add_space(8.0);
            ui.add(egui::Label::new(markup_job_sized(ui, &entry.summary, 16.0)).wrap());

            if let Some(limit) = &entry.limit {
                ui.add_space(8.0);
                egui::Grid::new("limit-facts")
                    .num_columns(2)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        let mut row = |k: &str, v: String| {
                            ui.label(RichText::new(k).color(theme::muted(ui)));
                            ui.label(v);
                            ui.end_row();
                        };
                        row("Service", kb.service_title(entry).to_owned());
                        row(
                            "Current value",
                            value_with_unit(&limit.value, &limit.unit, limit.verdict),
                        );
                        if let Some(old) = &limit.notes_value {
                            row("The notes said", old.clone());
                        }
                        row("Adjustable", limit.adjustable.as_str().to_owned());
                        row("Checked", limit.source.checked.clone().unwrap_or_default());
                    });
            }

            section(ui, "Key points", &entry.points);
            if !entry.tips.is_empty() {
                ui.add_space(10.0);
                let accent = theme::kind_color(Kind::Strategy, dark);
                egui::Frame::new()
                    .fill(accent.gamma_multiply(0.10))
                    .stroke(egui::Stroke::new(1.0, accent.gamma_multiply(0.6)))
                    .corner_radius(6)
                    .inner_margin(10)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new("Exam tips").strong().color(accent));
                        for tip in &entry.tips {
                            bullet(ui, tip);
                        }
                    });
            }

            heading(ui, "My note");
            let note = ui.add(
                egui::TextEdit::multiline(extras.note)
                    .hint_text(
                        "Your own note on this entry: saved as you type, printed on your sheets",
                    )
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            );
            if note.changed() {
                command = Some(Command::NoteEdited(entry.id.clone()));
            }

            let limits = kb.limits_of(&entry.id);
            if !limits.is_empty() {
                heading(ui, "Limits");
                egui::Grid::new("entry-limits")
                    .striped(true)
                    .num_columns(4)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for h in ["Limit", "Current", "The notes said", "Checked"] {
                            ui.label(RichText::new(h).strong());
                        }
                        ui.end_row();
                        for l in limits {
                            let Some(f) = &l.limit else { continue };
                            if ui.link(&l.title).clicked() {
                                command = Some(Command::Open(l.id.clone()));
                            }
                            ui.label(value_with_unit(&f.value, &f.unit, f.verdict));
                            ui.label(f.notes_value.as_deref().unwrap_or("—"));
                            ui.label(f.source.checked.as_deref().unwrap_or(""));
                            ui.end_row();
                        }
                    });
            }

            if entry.kind == Kind::Strategy && !entry.attrs.is_empty() {
                heading(ui, "Attributes");
                egui::Grid::new("entry-attrs")
                    .striped(true)
                    .num_columns(2)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for def in kb.attributes() {
                            if let Some(v) = entry.attrs.get(&def.key) {
                                ui.label(RichText::new(&def.label).color(theme::muted(ui)));
                                ui.add(egui::Label::new(attr_value_text(kb, &def.key, v)).wrap());
                                ui.end_row();
                            }
                        }
                    });
            }

            let mut related: Vec<&str> = entry.related.iter().map(String::as_str).collect();
            related.extend(kb.backlinks(&entry.id).into_iter().map(|e| e.id.as_str()));
            if !related.is_empty() {
                heading(ui, "Related");
                ui.horizontal_wrapped(|ui| {
                    for id in related {
                        if let Some(c) = link(ui, kb, id) {
                            command = Some(c);
                        }
                    }
                });
            }

            let mut sources: Vec<&crate::model::schema::Source> = entry.sources.iter().collect();
            sources.extend(entry.limit.as_ref().map(|l| &l.source));
            sources.extend(entry.status.as_ref().and_then(|s| s.source.as_ref()));
            if !sources.is_empty() {
                heading(ui, "Sources");
                for s in sources {
                    ui.horizontal_wrapped(|ui| {
                        let title = if s.title.is_empty() { &s.url } else { &s.title };
                        ui.hyperlink_to(title, &s.url).on_hover_text(&s.url);
                        let checked = match &s.checked {
                            Some(d) => format!("checked {d}"),
                            None => "not checked".to_owned(),
                        };
                        ui.label(RichText::new(checked).small().color(theme::muted(ui)));
                    });
                }
            }
            ui.add_space(16.0);
        });
    command
}

fn heading(ui: &mut egui::Ui, title: &str) {
    ui.add_space(12.0);
    ui.label(RichText::new(title).size(17.0).strong());
    ui.add_space(2.0);
}

fn section(ui: &mut egui::Ui, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    heading(ui, title);
    for item in items {
        bullet(ui, item);
    }
}

/// A bullet point with light Markdown.
fn bullet(ui: &mut egui::Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label(RichText::new("•").color(theme::muted(ui)));
        ui.add(egui::Label::new(markup_job(ui, text)).wrap());
    });
}

/// Light Markdown as a layout job: bold, italic and code spans.
pub fn markup_job(ui: &egui::Ui, text: &str) -> LayoutJob {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    markup_job_sized(ui, text, size)
}

/// [`markup_job`] at a given text size (code spans keep the ratio of the theme's sizes).
pub fn markup_job_sized(ui: &egui::Ui, text: &str, size: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut body = egui::TextStyle::Body.resolve(ui.style());
    let mut mono = egui::TextStyle::Monospace.resolve(ui.style());
    let ratio = size / body.size;
    body.size = size;
    mono.size *= ratio;
    let color = ui.visuals().text_color();
    for span in markup::parse(text) {
        let format = match span.style {
            Style::Plain => TextFormat::simple(body.clone(), color),
            Style::Bold => TextFormat::simple(body.clone(), ui.visuals().strong_text_color()),
            Style::Italic => TextFormat {
                italics: true,
                ..TextFormat::simple(body.clone(), color)
            },
            Style::Code => TextFormat {
                background: ui.visuals().code_bg_color,
                ..TextFormat::simple(mono.clone(), color)
            },
        };
        job.append(span.text, 0.0, format);
    }
    job
}

/// A link to another entry (by title), or nothing if the id is unknown.
fn link(ui: &mut egui::Ui, kb: &KnowledgeBase, id: &str) -> Option<Command> {
    let entry = kb.get(id)?;
    ui.link(&entry.title)
        .on_hover_text(entry.summary.as_str())
        .clicked()
        .then(|| Command::Open(id.to_owned()))
}
