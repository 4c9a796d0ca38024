//! Keyboard shortcuts, read once per frame from the command table ([`Action`]) and turned
//! into commands. Focusing the search box happens here, before the box is drawn, so letters
//! typed right after Ctrl+K or `/` land in it.

use egui::text::{CCursor, CCursorRange};

use super::{OpsDeckApp, search_box_id};
use crate::ui::command::{Action, Command, Scope, Shortcut, View};

impl OpsDeckApp {
    /// Reads shortcuts and turns them into commands.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.views.palette.is_open() {
            // The palette takes the keyboard; only its own toggle works around it.
            let toggle = ctx.input_mut(|i| {
                Action::Palette
                    .shortcuts()
                    .iter()
                    .any(|s| s.keyboard().is_some_and(|k| i.consume_shortcut(&k)))
            });
            if toggle {
                self.chrome.commands.push(Command::Run(Action::Palette));
            }
            return;
        }
        let search_focused = ctx.memory(|m| m.has_focus(search_box_id()));
        let text_focused = ctx.text_edit_focused();
        let typing = text_focused && !search_focused;
        let in_results = search_focused || self.state.view == View::Search;
        let has_results = !self.views.search.hits().is_empty();
        let mut fired: Vec<Action> = Vec::new();
        ctx.input_mut(|i| {
            for action in Action::ALL {
                let allowed = match action.scope() {
                    Scope::Global => true,
                    Scope::NotTyping => !typing,
                    Scope::Results => !typing && in_results,
                    Scope::Sheets => !text_focused && self.state.view == View::Sheets,
                    Scope::Study => !text_focused && self.state.view == View::Study,
                };
                if !allowed || (action == Action::OpenSelected && !has_results) {
                    continue;
                }
                for shortcut in action.shortcuts() {
                    let hit = match *shortcut {
                        Shortcut::Key(..) => {
                            shortcut.keyboard().is_some_and(|k| i.consume_shortcut(&k))
                        }
                        Shortcut::Mouse(button) => i.pointer.button_pressed(button),
                        Shortcut::Char(c) => {
                            // A character only acts when no text field takes it; it is removed
                            // so it is not also typed into the box it focuses.
                            if text_focused {
                                false
                            } else {
                                let text = c.to_string();
                                let before = i.events.len();
                                i.events
                                    .retain(|e| !matches!(e, egui::Event::Text(t) if *t == text));
                                i.events.len() != before
                            }
                        }
                    };
                    if hit {
                        fired.push(action);
                        break;
                    }
                }
            }
        });
        for action in fired {
            if action == Action::FocusSearch {
                // Focused now, not at the end of the frame, so no keystroke is lost.
                self.focus_search_now(ctx);
                if !matches!(self.state.view, View::Search | View::Entry) {
                    self.chrome.commands.push(Command::Show(View::Search));
                }
                continue;
            }
            self.chrome.commands.push(Command::Run(action));
        }
        if self.chrome.focus_search {
            self.focus_search_now(ctx);
        }
    }

    /// Gives the search box the keyboard this very frame and selects its text, so what is
    /// typed next replaces the old query instead of being lost or appended.
    fn focus_search_now(&mut self, ctx: &egui::Context) {
        self.chrome.focus_search = false;
        let id = search_box_id();
        ctx.memory_mut(|m| m.request_focus(id));
        let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
        let len = self.state.query.chars().count();
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(len))));
        state.store(ctx, id);
    }
}
