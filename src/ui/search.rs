//! The search results view: instant results, highlighted matches, kind and status badges.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense};

use crate::model::ask::{Answer, Finder, Found, Intents, Mode, UserHit, UserText};
use crate::model::schema::{Kind, Lifecycle};
use crate::model::{Field, Hit, KnowledgeBase, Query, SearchCache, SearchIndex};
use crate::ui::command::Command;
use crate::ui::theme;

/// Height of one result row, fixed so only visible rows are laid out.
const ROW_HEIGHT: f32 = 46.0;

/// Search results and the selection in them.
#[derive(Default)]
pub struct SearchView {
    cache: SearchCache,
    /// The query text (and the user-data generation) the results belong to.
    searched: Option<(String, Option<Kind>, u64)>,
    query: Query,
    hits: Vec<Hit>,
    /// How the results were ranked, the answer card, ignored words and offers.
    found: Option<Found>,
    /// Index of the highlighted row.
    pub selected: usize,
    /// Kind chip, combined with any `kind:` in the text.
    pub kind_filter: Option<Kind>,
    scroll_to_selected: bool,
    /// Highlight positions of rows already drawn for this query (cleared when it changes).
    marks: std::collections::HashMap<usize, Vec<crate::model::FieldMatch>>,
    /// The list's scroll offset as last drawn.
    offset: f32,
}

impl SearchView {
    /// Re-runs the search only when the text, the kind chip or the user's data changed.
    /// `generation` changes whenever the user's notes or sheets do.
    pub fn update(
        &mut self,
        finder: &Finder,
        kb: &KnowledgeBase,
        text: &str,
        user: Option<&UserText>,
        generation: u64,
    ) {
        let key = (text.to_owned(), self.kind_filter, generation);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        let mut query = Query::parse(text);
        let mut scoped = text.to_owned();
        if query.kind.is_none()
            && let Some(kind) = self.kind_filter
        {
            query.kind = Some(kind);
            scoped.push_str(&format!(" kind:{}", kind.as_str()));
        }
        // With nothing typed the view shows a start page, not every entry.
        if query.is_empty() && query.kind.is_none() {
            self.hits = Vec::new();
            self.found = None;
        } else {
            let found = finder.find(kb, &scoped, Some(&mut self.cache), user);
            self.hits = found.hits.clone();
            self.found = Some(found);
        }
        self.query = query;
        self.searched = Some(key);
        self.marks.clear();
        self.selected = 0;
        self.scroll_to_selected = true;
    }

    /// The current results.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The parsed query behind the results.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The answer shown above the results, if any (for tests).
    pub fn answer(&self) -> Option<&Answer> {
        self.found.as_ref().and_then(|f| f.answer.as_ref())
    }

    /// The words left out of the question (for tests).
    pub fn ignored(&self) -> &[String] {
        self.found.as_ref().map_or(&[], |f| f.ignored.as_slice())
    }

    /// Moves the selection by `delta` rows, staying in range.
    pub fn move_selection(&mut self, delta: isize) {
        if self.hits.is_empty() {
            return;
        }
        let last = self.hits.len() as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
        self.scroll_to_selected = true;
    }

    /// The id of the selected entry.
    pub fn selected_id<'a>(&self, kb: &'a KnowledgeBase) -> Option<&'a str> {
        let hit = self.hits.get(self.selected)?;
        Some(kb.entries()[hit.entry].id.as_str())
    }

    /// Draws the kind chips, the count and the result list.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        index: &SearchIndex,
        stars: &std::collections::BTreeSet<String>,
        recent: &[String],
    ) -> Option<Command> {
        let dark = ui.visuals().dark_mode;

        ui.horizontal_wrapped(|ui| {
            let mut chip = |ui: &mut egui::Ui, label: &str, kind: Option<Kind>| {
                let selected = self.kind_filter == kind;
                if ui.selectable_label(selected, label).clicked() {
                    self.kind_filter = kind;
                }
            };
            chip(ui, "All", None);
            for kind in Kind::ALL {
                chip(ui, kind.plural(), Some(kind));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let n = self.hits.len();
                let text = match (n, self.query.is_empty()) {
                    (0, true) => String::new(),
                    (_, true) => format!("{n} entries"),
                    (1, false) => "1 result".to_owned(),
                    (n, false) => format!("{n} results"),
                };
                ui.label(RichText::new(text).color(theme::muted(ui)));
            });
        });
        if let Some(kind) = &self.query.unknown_kind {
            ui.colored_label(
                theme::status_color(Lifecycle::ClosedToNew, dark),
                format!(
                    "kind:{kind} is not a kind; use service, feature, concept, strategy or limit"
                ),
            );
        }
        ui.separator();
        if self.query.is_empty() && self.query.kind.is_none() && self.query.unknown_kind.is_none() {
            return start_page_ui(ui, kb, stars, recent);
        }
        let mut command = None;
        if let Some(found) = &self.found
            && let Some(c) = found_header_ui(ui, kb, found)
        {
            command = Some(c);
        }
        if self.hits.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.label(RichText::new("No entry matches.").heading());
                ui.label(
                    RichText::new("Try other words, or check the kind filter.")
                        .color(theme::muted(ui)),
                );
            });
            return command;
        }
        let note_hits: Vec<usize> = self
            .found
            .iter()
            .flat_map(|f| &f.user)
            .filter_map(|u| match u {
                UserHit::Note { entry, .. } => Some(*entry),
                UserHit::Sheet { .. } => None,
            })
            .collect();
        let scroll_to = std::mem::take(&mut self.scroll_to_selected).then_some(self.selected);
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(row) = scroll_to {
            // Keep the selected row in view when the keyboard moves it, scrolling as little as
            // possible. Rows are `ROW_HEIGHT` tall plus the spacing between items.
            let pitch = ROW_HEIGHT + ui.spacing().item_spacing.y;
            let viewport = ui.available_height().max(ROW_HEIGHT);
            let top = row as f32 * pitch;
            let bottom = top + ROW_HEIGHT;
            let offset = if top < self.offset {
                Some(top)
            } else if bottom > self.offset + viewport {
                Some(bottom - viewport)
            } else {
                None
            };
            if let Some(offset) = offset {
                area = area.vertical_scroll_offset(offset.max(0.0));
            }
        }
        let output = area.show_rows(ui, ROW_HEIGHT, self.hits.len(), |ui, rows| {
            for row in rows {
                let hit = self.hits[row];
                let entry = &kb.entries()[hit.entry];
                let selected = row == self.selected;
                let (rect, response) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), ROW_HEIGHT),
                    Sense::click(),
                );
                if selected || response.hovered() {
                    let fill = if selected {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.55)
                    } else {
                        ui.visuals().faint_bg_color
                    };
                    ui.painter().rect_filled(rect, 6.0, fill);
                }
                let query = &self.query;
                let marks = self
                    .marks
                    .entry(hit.entry)
                    .or_insert_with(|| index.highlights(query, entry));
                let positions = |field: Field| -> &[usize] {
                    marks
                        .iter()
                        .find(|m| m.field == field)
                        .map_or(&[], |m| m.positions.as_slice())
                };
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect.shrink2(egui::vec2(10.0, 4.0)))
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.horizontal(|ui| {
                    theme::badge(ui, entry.kind.as_str(), theme::kind_color(entry.kind, dark));
                    let job = highlighted(
                        &entry.title,
                        positions(Field::Title),
                        FontId::proportional(15.0),
                        ui.visuals().strong_text_color(),
                        theme::match_color(dark),
                    );
                    ui.add(egui::Label::new(job).truncate());
                    if kb.is_mine(&entry.id) {
                        theme::badge(ui, "yours", theme::kind_color(Kind::Feature, dark))
                            .on_hover_text("An entry you wrote");
                    }
                    if stars.contains(&entry.id) {
                        ui.label(RichText::new("★").color(theme::kind_color(Kind::Strategy, dark)))
                            .on_hover_text("Starred");
                    }
                    let state = entry.lifecycle();
                    if state != Lifecycle::Active {
                        theme::badge(ui, state.label(), theme::status_color(state, dark));
                    }
                    if note_hits.contains(&hit.entry) {
                        theme::badge(
                            ui,
                            "matched your note",
                            theme::kind_color(Kind::Concept, dark),
                        )
                        .on_hover_text("The words are in your own note on this entry");
                    }
                });
                // Summaries may carry light Markdown: show it without markers, with the
                // matched positions moved to match.
                let (plain, map) = crate::model::markup::plain_with_map(&entry.summary);
                let moved: Vec<usize> = positions(Field::Summary)
                    .iter()
                    .filter_map(|&p| map.get(p).copied().flatten())
                    .collect();
                let summary = highlighted(
                    &plain,
                    &moved,
                    FontId::proportional(12.5),
                    theme::muted(ui),
                    theme::match_color(dark),
                );
                child.add(egui::Label::new(summary).truncate());
                let response = response.on_hover_text(entry.id.as_str());
                if response.clicked() {
                    self.selected = row;
                    command = Some(Command::Open(entry.id.clone()));
                }
            }
        });
        self.offset = output.state.clamped_offset().y;
        command
    }
}

/// Above the results of a question: the value it asks for, what was left out, the wizard or
/// comparison it calls for, and the user's sheets it names.
fn found_header_ui(ui: &mut egui::Ui, kb: &KnowledgeBase, found: &Found) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    if let Some(answer) = &found.answer {
        let accent = theme::kind_color(Kind::Limit, dark);
        let card = egui::Frame::new()
            .fill(accent.gamma_multiply(0.10))
            .stroke(egui::Stroke::new(1.0, accent))
            .corner_radius(8)
            .inner_margin(10)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("Answer").small().color(accent));
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{}: {}", answer.what, answer.value))
                            .size(18.0)
                            .strong(),
                    )
                    .wrap(),
                );
                if let Some(old) = &answer.notes_value {
                    ui.label(
                        RichText::new(format!("The notes said {old}.")).color(theme::muted(ui)),
                    );
                }
                if let Some(changed) = &answer.changed {
                    ui.label(RichText::new(changed).color(theme::muted(ui)));
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(crate::model::markup::plain(&answer.summary))
                            .color(theme::muted(ui)),
                    )
                    .wrap(),
                );
            });
        if card
            .response
            .interact(Sense::click())
            .on_hover_text("Open the limit")
            .clicked()
        {
            command = Some(Command::Open(answer.id.clone()));
        }
        ui.add_space(4.0);
    }
    let Intents {
        compare, wizard, ..
    } = &found.intents;
    ui.horizontal_wrapped(|ui| {
        if found.mode == Mode::Question {
            ui.label(
                RichText::new("Ranked by relevance to your question.")
                    .small()
                    .color(theme::muted(ui)),
            );
        }
        if !found.ignored.is_empty() {
            ui.label(
                RichText::new(format!("Ignored: {}", found.ignored.join(", ")))
                    .small()
                    .color(theme::muted(ui)),
            )
            .on_hover_text("Words that match nothing in the knowledge base, or carry no meaning");
        }
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(ids) = compare {
            let titles: Vec<&str> = ids
                .iter()
                .map(|id| kb.get(id).map_or(id.as_str(), |e| e.title.as_str()))
                .collect();
            let both_strategies = ids
                .iter()
                .all(|id| kb.get(id).is_some_and(|e| e.kind == Kind::Strategy));
            let label = format!("Compare {}", titles.join(" and "));
            if both_strategies {
                if ui.button(label).clicked() {
                    command = Some(Command::Compare(ids.clone()));
                }
            } else if let Some(w) = kb.wizards().iter().find(|w| {
                ids.iter()
                    .all(|id| w.candidates.iter().any(|c| &c.id == id))
            }) {
                if ui
                    .button(format!("{}: {}", w.title, titles.join(" or ")))
                    .on_hover_text(&w.summary)
                    .clicked()
                {
                    command = Some(Command::OpenWizard(w.id.clone(), Vec::new()));
                }
            } else {
                for (id, title) in ids.iter().zip(&titles) {
                    if ui.button(format!("Open {title}")).clicked() {
                        command = Some(Command::Open(id.clone()));
                    }
                }
            }
        }
        if let Some((id, answers)) = wizard
            && let Some(w) = kb.wizard(id)
        {
            let given: Vec<String> = answers.iter().map(|(k, v)| format!("{k} {v}")).collect();
            let label = if given.is_empty() {
                format!("Open the wizard: {}", w.title)
            } else {
                format!("Open the wizard: {} ({})", w.title, given.join(", "))
            };
            if ui.button(label).on_hover_text(&w.summary).clicked() {
                command = Some(Command::OpenWizard(id.clone(), answers.clone()));
            }
        }
        for u in &found.user {
            if let UserHit::Sheet { name } = u
                && ui.button(format!("Your sheet: {name}")).clicked()
            {
                command = Some(Command::OpenSheet(name.clone()));
            }
        }
    });
    command
}

/// Example queries on the start page: each shows one thing the search can do.
const EXAMPLES: [(&str, &str); 8] = [
    ("blue green", "two words, both must match"),
    (
        "how do I roll back a failed stack",
        "a question, in your own words",
    ),
    ("sqs max message size", "a number, answered first"),
    ("cloudfromation", "one typo in a long word is forgiven"),
    ("kind:limit kinesis", "only limits"),
    ("leader_only", "exact setting names"),
    ("asg", "acronyms"),
    ("rto", "concepts"),
];

/// What the search view shows before anything is typed: examples, starred and recent entries.
fn start_page_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    stars: &std::collections::BTreeSet<String>,
    recent: &[String],
) -> Option<Command> {
    let mut command = None;
    ui.add_space(12.0);
    ui.label(
        RichText::new("Search the DevOps Professional notes")
            .size(20.0)
            .strong(),
    );
    ui.label(
        RichText::new(format!(
            "{} entries: services, features, concepts, strategies and limits, with current facts. Start typing.",
            kb.entries().len()
        ))
        .color(theme::muted(ui)),
    );
    ui.add_space(12.0);
    ui.label(RichText::new("Try").strong());
    egui::Grid::new("examples")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (query, what) in EXAMPLES {
                if ui.link(RichText::new(query).monospace()).clicked() {
                    command = Some(Command::SetQuery(query.to_owned()));
                }
                ui.label(RichText::new(what).color(theme::muted(ui)));
                ui.end_row();
            }
        });
    let mut list = |ui: &mut egui::Ui, title: &str, ids: &mut dyn Iterator<Item = &str>| {
        let entries: Vec<_> = ids.filter_map(|id| kb.get(id)).take(10).collect();
        if entries.is_empty() {
            return;
        }
        ui.add_space(12.0);
        ui.label(RichText::new(title).strong());
        ui.horizontal_wrapped(|ui| {
            for e in entries {
                if ui.link(&e.title).on_hover_text(&e.summary).clicked() {
                    command = Some(Command::Open(e.id.clone()));
                }
            }
        });
    };
    list(ui, "Starred", &mut stars.iter().map(String::as_str));
    list(
        ui,
        "Recently opened",
        &mut recent.iter().map(String::as_str),
    );
    command
}

/// Text with the characters at `positions` (char indices) in the match colour and bold.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    font: FontId,
    color: Color32,
    accent: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat {
        font_id: font.clone(),
        color,
        ..Default::default()
    };
    let marked = TextFormat {
        font_id: font,
        color: accent,
        underline: egui::Stroke::new(1.0, accent),
        ..Default::default()
    };
    let mut run = String::new();
    let mut run_marked = false;
    let mut next = positions.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        while next.peek().is_some_and(|&&p| p < i) {
            next.next();
        }
        let is_marked = next.peek() == Some(&&i);
        if is_marked != run_marked && !run.is_empty() {
            job.append(
                &run,
                0.0,
                if run_marked {
                    marked.clone()
                } else {
                    plain.clone()
                },
            );
            run.clear();
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        job.append(&run, 0.0, if run_marked { marked } else { plain });
    }
    job
}
