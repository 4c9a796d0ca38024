//! Keyboard shortcuts: read once per frame and turned into [`Command`]s.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, OpsDeckApp, View, ZoomStep, search_box_id};

impl OpsDeckApp {
    /// Reads shortcuts and turns them into commands.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| id != search_box_id())
            && ctx.text_edit_focused();
        let search_focused = ctx.memory(|m| m.has_focus(search_box_id()));
        let text_focused = ctx.text_edit_focused();
        let cmd = Modifiers::COMMAND;
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            if i.pointer.button_pressed(egui::PointerButton::Extra1) {
                out.push(Command::Back);
            }
            if i.pointer.button_pressed(egui::PointerButton::Extra2) {
                out.push(Command::Forward);
            }
            let mut key = |m: Modifiers, k: Key| i.consume_shortcut(&KeyboardShortcut::new(m, k));
            if key(cmd, Key::K) || key(cmd, Key::F) {
                out.push(Command::FocusSearch);
            }
            if key(cmd, Key::L) {
                out.push(Command::Show(View::Limits));
            }
            if key(cmd, Key::D) {
                out.push(Command::StarCurrent);
            }
            if key(cmd, Key::E) {
                out.push(Command::AddCurrent);
            }
            if key(Modifiers::ALT, Key::ArrowLeft) {
                out.push(Command::Back);
            }
            if key(Modifiers::ALT, Key::ArrowRight) {
                out.push(Command::Forward);
            }
            if key(cmd, Key::Plus) || key(cmd, Key::Equals) {
                out.push(Command::Zoom(ZoomStep::In));
            }
            if key(cmd, Key::Minus) {
                out.push(Command::Zoom(ZoomStep::Out));
            }
            if key(cmd, Key::Num0) {
                out.push(Command::Zoom(ZoomStep::Reset));
            }
            if key(Modifiers::NONE, Key::F1) {
                out.push(Command::ToggleHelp);
            }
            if !typing {
                if key(Modifiers::NONE, Key::Escape) {
                    out.push(Command::Escape);
                }
                if search_focused || self.state.view == View::Search {
                    if key(Modifiers::NONE, Key::ArrowDown) {
                        out.push(Command::Select(1));
                    }
                    if key(Modifiers::NONE, Key::ArrowUp) {
                        out.push(Command::Select(-1));
                    }
                    if key(Modifiers::NONE, Key::PageDown) {
                        out.push(Command::Select(10));
                    }
                    if key(Modifiers::NONE, Key::PageUp) {
                        out.push(Command::Select(-10));
                    }
                    if key(Modifiers::NONE, Key::Enter) && !self.search.hits().is_empty() {
                        out.push(Command::OpenSelected);
                    }
                }
            }
            // `/` and `?` only act when no text field takes them.
            if !text_focused {
                for event in &i.events {
                    if let egui::Event::Text(t) = event {
                        match t.as_str() {
                            "/" => out.push(Command::FocusSearch),
                            "?" => out.push(Command::ToggleHelp),
                            _ => {}
                        }
                    }
                }
            }
        });
        self.commands.extend(out);
    }
}
