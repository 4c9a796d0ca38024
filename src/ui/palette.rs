//! The command palette (Ctrl+Shift+P or Ctrl+P): every command, view, wizard, sheet and
//! setting by name, found with the same search engine as the knowledge base, each with its
//! shortcut. It is how a keyboard user reaches everything.

use egui::{Key, Modifiers, RichText};

use crate::model::schema::{DataFile, Entry, Kind};
use crate::model::{KnowledgeBase, Query, SearchIndex};
use crate::ui::command::Command;
use crate::ui::theme;

/// One thing the palette can run.
#[derive(Debug, Clone, PartialEq)]
pub struct PaletteItem {
    /// What it is called: "Go to Limits", "Wizard: Disaster recovery strategy".
    pub label: String,
    /// Shown on the right: its shortcut, or what kind of item it is.
    pub detail: String,
    /// Other words that should find it.
    pub keywords: Vec<String>,
    /// What choosing it does.
    pub command: Command,
}

/// The palette's state while it is open.
#[derive(Default)]
pub struct Palette {
    open: bool,
    query: String,
    selected: usize,
    items: Vec<PaletteItem>,
    /// The items as a small knowledge base, so the project's own search ranks them.
    index: Option<(KnowledgeBase, SearchIndex)>,
    /// Indexes into `items` for the current query, best first.
    shown: Vec<usize>,
    searched: Option<String>,
    focus: bool,
}

/// Id of the palette's text box.
pub fn palette_box_id() -> egui::Id {
    egui::Id::unique("opsdeck-palette-box")
}

impl Palette {
    /// Whether it is on screen.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens it with these items (built fresh each time, so new sheets show up).
    pub fn open(&mut self, items: Vec<PaletteItem>) {
        let entries: Vec<Entry> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut e = Entry::new(&format!("item-{i}"), Kind::Concept, &item.label, "");
                e.aliases = item.keywords.clone();
                e.tags = vec![item.detail.clone()];
                e
            })
            .collect();
        let kb = KnowledgeBase::from_data(DataFile {
            entries,
            ..Default::default()
        });
        let index = SearchIndex::new(&kb);
        self.items = items;
        self.index = Some((kb, index));
        self.query.clear();
        self.searched = None;
        self.selected = 0;
        self.open = true;
        self.focus = true;
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.open = false;
        self.index = None;
    }

    /// The items matching the current text, best first (all of them, in order, when empty).
    pub fn matches(&mut self) -> Vec<&PaletteItem> {
        self.search();
        self.shown.iter().map(|&i| &self.items[i]).collect()
    }

    /// Types into the palette (for tests and for keeping focus simple).
    pub fn set_query(&mut self, text: &str) {
        self.query = text.to_owned();
    }

    fn search(&mut self) {
        if self.searched.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let query = Query::parse(&self.query);
        self.shown = match (&self.index, query.is_empty()) {
            (_, true) | (None, _) => (0..self.items.len()).collect(),
            (Some((kb, index)), false) => index
                .search(&query)
                .iter()
                .filter_map(|h| {
                    kb.entries()[h.entry]
                        .id
                        .strip_prefix("item-")
                        .and_then(|n| n.parse().ok())
                })
                .collect(),
        };
        self.selected = 0;
        self.searched = Some(self.query.clone());
    }

    /// Draws the palette when open; returns the command chosen, if any.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        self.search();
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if escape {
            self.close();
            return None;
        }
        let count = self.shown.len();
        if down && count > 0 {
            self.selected = (self.selected + 1).min(count - 1);
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        if enter && let Some(&i) = self.shown.get(self.selected) {
            let command = self.items[i].command.clone();
            self.close();
            return Some(command);
        }
        let mut chosen = None;
        let width = (ctx.content_rect().width() - 80.0).clamp(280.0, 640.0);
        egui::Window::new("Command palette")
            .title_bar(false)
            .collapsible(false)
            .resizable(false)
            .fixed_size([width, 0.0])
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id(palette_box_id())
                        .hint_text("Type a command, view, wizard, sheet or setting")
                        .desired_width(f32::INFINITY),
                );
                if self.focus {
                    edit.request_focus();
                    self.focus = false;
                }
                ui.separator();
                if self.shown.is_empty() {
                    ui.label(RichText::new("Nothing matches.").color(theme::muted(ui)));
                }
                let max_height = (ctx.content_rect().height() * 0.6).max(120.0);
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (row, &i) in self.shown.iter().enumerate() {
                            let item = &self.items[i];
                            let selected = row == self.selected;
                            let response = ui
                                .horizontal(|ui| {
                                    let label = ui.selectable_label(selected, &item.label);
                                    ui.with_layout(
                                        egui::Layout::right_to_left(egui::Align::Center),
                                        |ui| {
                                            ui.label(
                                                RichText::new(&item.detail)
                                                    .small()
                                                    .monospace()
                                                    .color(theme::muted(ui)),
                                            );
                                        },
                                    );
                                    label
                                })
                                .inner;
                            if selected && (up || down) {
                                response.scroll_to_me(None);
                            }
                            if response.clicked() {
                                chosen = Some(item.command.clone());
                            }
                        }
                    });
            });
        if chosen.is_some() {
            self.close();
        }
        chosen
    }
}
