//! The real app driven through egui_kittest: typing, keyboard navigation, history, the limits
//! table, and snapshots of the main views in both themes. Nothing touches user data: the app
//! starts fresh and kittest gives it no storage.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use opsdeck::app::{OpsDeckApp, StartOptions, search_box_id};
use opsdeck::model::KnowledgeBase;
use opsdeck::ui::command::{ThemeChoice, View};

/// Every harness is built the same way: fixed size, fixed theme, fresh state.
pub(crate) fn harness(theme: ThemeChoice, options: StartOptions) -> Harness<'static, OpsDeckApp> {
    harness_sized(theme, options, egui::vec2(960.0, 620.0))
}

/// [`harness`] with another window size.
pub(crate) fn harness_sized(
    theme: ThemeChoice,
    options: StartOptions,
    size: egui::Vec2,
) -> Harness<'static, OpsDeckApp> {
    let egui_theme = match theme {
        ThemeChoice::Light => egui::Theme::Light,
        _ => egui::Theme::Dark,
    };
    let options = StartOptions {
        fresh: true,
        theme: Some(theme),
        // A fixed clock: card schedules and exam timers come out the same on every run.
        clock: options.clock.or(Some(1_800_000_000)),
        ..options
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(egui_theme)
        .wgpu()
        .build_eframe(move |cc| OpsDeckApp::new(cc, KnowledgeBase::builtin(), options));
    harness.run_steps(3);
    harness
}

fn type_in_search(harness: &mut Harness<'static, OpsDeckApp>, text: &str) {
    harness.get_by_role(Role::TextInput).type_text(text);
    harness.run_steps(3);
}

#[test]
fn typing_a_query_shows_the_expected_result_and_enter_opens_it() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    type_in_search(&mut h, "cloudfromation");
    assert_eq!(h.state().result_ids().first(), Some(&"cloudformation"));
    assert!(
        !h.query_all_by_label_contains("AWS CloudFormation")
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Entry);
    assert_eq!(h.state().state().entry.as_deref(), Some("cloudformation"));
    assert!(h.query_by_label_contains("Key points").is_some());
}

#[test]
fn arrows_move_the_selection_before_enter() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    type_in_search(&mut h, "lambda");
    let second = h.state().result_ids()[1].to_owned();
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state().entry.as_deref(), Some(second.as_str()));
}

#[test]
fn ctrl_k_focuses_search_from_another_view() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    h.get_by_label("Limits").click();
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Limits);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Search);
    assert!(h.ctx.memory(|m| m.has_focus(search_box_id())));
}

#[test]
fn escape_clears_then_goes_back() {
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            entry: Some("rolling".into()),
            ..Default::default()
        },
    );
    assert_eq!(h.state().state().view, View::Entry);
    type_in_search(&mut h, "pilot light");
    assert_eq!(h.state().state().view, View::Search);
    assert!(!h.state().state().query.is_empty());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(
        h.state().state().query,
        "",
        "the first Escape clears the search"
    );
    assert_eq!(h.state().state().view, View::Search);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Entry, "the second goes back");
    assert_eq!(h.state().state().entry.as_deref(), Some("rolling"));
}

/// Presses a key with modifiers and types text in the same frame, as a fast typist does.
fn chord_then_type(h: &mut Harness<'static, OpsDeckApp>, mods: Modifiers, key: Key, text: &str) {
    let events = &mut h.input_mut().events;
    events.push(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: mods,
    });
    events.push(egui::Event::Text(text.to_owned()));
    h.run_steps(3);
}

#[test]
fn typing_straight_after_ctrl_k_or_slash_keeps_every_letter() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    h.get_by_label("Limits").click();
    h.run_steps(3);
    chord_then_type(&mut h, Modifiers::COMMAND, Key::K, "pilot light");
    assert_eq!(h.state().state().query, "pilot light");
    assert_eq!(h.state().state().view, View::Search);
    // Ctrl+K selects the old query, so new typing replaces it.
    h.get_by_label("Limits").click();
    h.run_steps(3);
    chord_then_type(&mut h, Modifiers::COMMAND, Key::K, "rolling");
    assert_eq!(h.state().state().query, "rolling");
    // `/` focuses the box and is not typed into it.
    h.get_by_label("Limits").click();
    h.run_steps(3);
    h.input_mut().events.push(egui::Event::Text("/".to_owned()));
    h.input_mut()
        .events
        .push(egui::Event::Text("immutable".to_owned()));
    h.run_steps(3);
    assert_eq!(h.state().state().query, "immutable");
}

#[test]
fn the_palette_runs_a_command_by_keyboard() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(3);
    assert!(h.state().palette_open());
    h.input_mut()
        .events
        .push(egui::Event::Text("limits".to_owned()));
    h.run_steps(3);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(!h.state().palette_open());
    assert_eq!(h.state().state().view, View::Limits);
    // Ctrl+P opens it too; Escape closes it without doing anything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(2);
    assert!(h.state().palette_open());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().palette_open());
    assert_eq!(h.state().state().view, View::Limits);
    // A wizard is reached the same way.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(2);
    h.input_mut()
        .events
        .push(egui::Event::Text("wizard disaster".to_owned()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Wizards);
    assert_eq!(h.state().state().wizard.as_deref(), Some("dr"));
}

#[test]
fn a_question_shows_the_answer_and_the_words_left_out() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    type_in_search(&mut h, "what is the sqs max message size");
    let answer = h.state().search_answer().expect("an answer card");
    assert_eq!(answer.id, "sqs-message-size");
    assert!(
        h.query_all_by_label_contains("SQS maximum message size: 1 MiB")
            .next()
            .is_some(),
        "the value is on screen"
    );
    assert!(
        h.query_by_label_contains("Ignored: what, is, the")
            .is_some()
    );
    // A keyword query shows no answer card.
    h.key_press(Key::Escape);
    h.run_steps(2);
    type_in_search(&mut h, "lambda");
    assert!(h.state().search_answer().is_none());
}

#[test]
fn history_back_and_forward() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    type_in_search(&mut h, "opsworks stacks");
    assert_eq!(h.state().result_ids().first(), Some(&"opsworks-stacks"));
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state().entry.as_deref(), Some("opsworks-stacks"));
    // Follow the retirement banner's link to the replacement.
    h.query_all_by_label("AWS Systems Manager")
        .next()
        .expect("banner link")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().state().entry.as_deref(), Some("systems-manager"));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run_steps(3);
    assert_eq!(h.state().state().entry.as_deref(), Some("opsworks-stacks"));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Search);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run_steps(3);
    assert_eq!(h.state().state().view, View::Entry);
    assert_eq!(h.state().state().entry.as_deref(), Some("opsworks-stacks"));
}

#[test]
fn sorting_the_limits_table_reorders_it() {
    let mut h = harness(
        ThemeChoice::Light,
        StartOptions {
            view: Some(View::Limits),
            ..Default::default()
        },
    );
    let before: Vec<String> = h
        .state()
        .limit_ids()
        .iter()
        .map(|s| s.to_string())
        .collect();
    h.get_by_label("Current value").click();
    h.run_steps(3);
    let by_value: Vec<String> = h
        .state()
        .limit_ids()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_ne!(before, by_value, "sorting by value changes the order");
    let kb = KnowledgeBase::builtin();
    let number = |id: &str| {
        let value = &kb.get(id).unwrap().limit.as_ref().unwrap().value;
        opsdeck::model::limits::leading_number(value)
    };
    let ascending: Vec<u64> = by_value.iter().filter_map(|id| number(id)).collect();
    assert!(ascending.windows(2).all(|w| w[0] <= w[1]), "{ascending:?}");
    h.get_by_label("Current value ▲").click();
    h.run_steps(3);
    let descending: Vec<String> = h
        .state()
        .limit_ids()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_ne!(descending, by_value);
    let numbers: Vec<u64> = descending.iter().filter_map(|id| number(id)).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] >= w[1]),
        "a second click sorts descending: {numbers:?}"
    );
}

#[test]
fn zoom_shortcuts_scale_the_ui() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    assert!((h.state().state().zoom - 1.1).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run_steps(2);
    assert!((h.state().state().zoom - 0.9).abs() < 1e-4);
}

#[test]
fn help_overlay_lists_shortcuts() {
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(h.query_by_label_contains("Focus the search box").is_some());
}

#[test]
fn changing_a_wizard_answer_changes_the_recommendation() {
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            wizard: Some("dr".into()),
            answers: vec![("rto".into(), "1h".into()), ("rpo".into(), "15m".into())],
            ..Default::default()
        },
    );
    assert_eq!(h.state().state().view, View::Wizards);
    assert_eq!(
        h.state().wizard_recommendation().map(|r| r.strategy),
        Ok("pilot-light".to_owned())
    );
    h.get_by_label("An Availability Zone").scroll_to_me();
    h.run_steps(12);
    h.get_by_label("An Availability Zone").click();
    h.run_steps(3);
    assert_eq!(
        h.state().wizard_recommendation().map(|r| r.strategy),
        Ok("multi-az-ha".to_owned())
    );
    // A bad duration shows an inline error and no recommendation.
    let rto = h
        .get_all_by_role(Role::TextInput)
        .nth(1)
        .expect("the RTO box");
    rto.focus();
    rto.type_text("x");
    h.run_steps(3);
    assert!(h.query_all_by_label_contains("invalid duration").count() >= 1);
    assert!(h.state().wizard_recommendation().is_err());
}

#[test]
fn selecting_a_strategy_adds_its_column() {
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            compare: Some(vec!["rolling".into(), "immutable".into()]),
            ..Default::default()
        },
    );
    assert_eq!(
        h.query_all_by_label("Canary").count(),
        1,
        "only the checkbox"
    );
    h.get_by_label("Canary").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state().compare.ids,
        ["rolling", "immutable", "canary"]
    );
    assert!(
        h.query_all_by_label("Canary").count() >= 2,
        "a column header (and a chart legend) appear"
    );
    h.get_by_label("DR strategies").click();
    h.run_steps(3);
    assert_eq!(
        h.state().state().compare.ids.len(),
        5,
        "every DR strategy in the data"
    );
    assert!(h.query_by_label_contains("RTO band").is_some());
}

#[test]
fn starring_adding_to_a_sheet_and_a_note_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let open = |entry: &str| {
        harness(
            ThemeChoice::Dark,
            StartOptions {
                entry: Some(entry.into()),
                data_dir: Some(dir.path().to_path_buf()),
                ..Default::default()
            },
        )
    };
    let mut h = open("rolling");
    h.get_by_label("☆ Star").click();
    h.run_steps(3);
    assert!(h.state().user().stars.contains("rolling"));
    h.get_by_label("Add to sheet ▾").click();
    h.run_steps(2);
    h.get_by_label("New sheet with this entry").click();
    h.run_steps(3);
    assert_eq!(h.state().user().sheets[0].entries, ["rolling"]);
    let note = h.get_by_role(Role::MultilineTextInput);
    note.focus();
    note.type_text("Keep a batch spare.");
    h.run_steps(1);
    assert!(
        !h.state().user().notes.contains_key("rolling"),
        "not saved while still typing"
    );
    // Saved a moment (0.7 s) after the last keystroke; each step is 0.25 s of the window's clock.
    h.run_steps(4);
    assert_eq!(
        h.state().user().notes.get("rolling").map(String::as_str),
        Some("Keep a batch spare.")
    );
    drop(h);
    // A new window on the same data finds everything as it was.
    let h = open("immutable");
    let user = h.state().user();
    assert!(user.stars.contains("rolling"));
    assert_eq!(user.sheets.len(), 1);
    assert_eq!(user.sheets[0].name, "My sheet");
    assert_eq!(user.notes["rolling"], "Keep a batch spare.");
    // And the file on disk says the same, for the CLI.
    let saved = opsdeck::platform::store::parse_user_data(
        &std::fs::read(dir.path().join("user.ron")).unwrap(),
    )
    .unwrap();
    assert_eq!(&saved, user);
}

#[test]
fn keyboard_stars_the_selected_result_and_adds_it_to_the_last_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        },
    );
    type_in_search(&mut h, "pilot light");
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run_steps(2);
    assert!(h.state().user().stars.contains("pilot-light"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert_eq!(h.state().user().sheets[0].entries, ["pilot-light"]);
}

#[test]
fn deleting_a_sheet_or_an_entry_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let kb = KnowledgeBase::builtin();
    let store = opsdeck::platform::store::Store::new(dir.path());
    store
        .update::<opsdeck::model::sheets::UserData, _, opsdeck::model::sheets::SheetError>(|d| {
            d.new_sheet("Exam eve")?;
            d.add("Exam eve", &["rolling", "immutable", "blue-green"], &kb)
                .map(|_| ())
        })
        .unwrap();
    let mut h = harness(
        ThemeChoice::Light,
        StartOptions {
            view: Some(View::Sheets),
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        },
    );
    h.query_all_by_label("✕")
        .nth(1)
        .expect("the second entry's remove button")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state().user().sheets[0].entries,
        ["rolling", "blue-green"]
    );
    h.get_by_label("Undo").click();
    h.run_steps(3);
    assert_eq!(
        h.state().user().sheets[0].entries,
        ["rolling", "immutable", "blue-green"]
    );
    h.get_by_label("Delete sheet").click();
    h.run_steps(3);
    assert!(h.state().user().sheets.is_empty());
    h.get_by_label("Undo").click();
    h.run_steps(3);
    assert_eq!(h.state().user().sheets.len(), 1);
    let on_disk = store
        .load::<opsdeck::model::sheets::UserData>()
        .unwrap()
        .data;
    assert_eq!(&on_disk, h.state().user());
}

#[test]
fn a_wizard_result_and_a_comparison_can_be_kept_on_a_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions {
            wizard: Some("dr".into()),
            answers: vec![("rto".into(), "1h".into()), ("rpo".into(), "15m".into())],
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        },
        egui::vec2(1280.0, 900.0),
    );
    h.get_by_label("Keep on my sheet").click();
    h.run_steps(3);
    let sheet = &h.state().user().sheets[0];
    assert!(
        matches!(&sheet.attachments[0], opsdeck::model::sheets::Attachment::Wizard { wizard, .. } if wizard == "dr")
    );
    let kb = KnowledgeBase::builtin();
    let md = opsdeck::model::sheets::sheet_markdown(&kb, sheet, &h.state().user().notes);
    assert!(
        md.contains("Disaster recovery strategy: Pilot light"),
        "{md}"
    );
}

#[test]
fn the_window_follows_a_sheet_deleted_from_the_cli_and_ctrl_e_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        },
    );
    type_in_search(&mut h, "pilot light");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert_eq!(h.state().user().sheets[0].name, "My sheet");
    // Another process (the CLI) deletes the sheet while the window runs.
    let out = assert_cmd::Command::cargo_bin("opsdeck")
        .unwrap()
        .env("OPSDECK_DATA_DIR", dir.path())
        .args(["sheet", "delete", "My sheet"])
        .output()
        .unwrap();
    assert!(out.status.success());
    h.run_steps(2);
    assert!(h.state().user().sheets.is_empty(), "the window reloaded");
    let before = std::fs::read(dir.path().join("user.ron")).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    let error = h
        .state()
        .session()
        .notices
        .last_error()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        error.contains("My sheet") && error.contains("no longer exists"),
        "a clear message: {error:?}"
    );
    assert!(
        h.query_by_label_contains("no longer exists").is_some(),
        "shown in the status line"
    );
    assert_eq!(
        std::fs::read(dir.path().join("user.ron")).unwrap(),
        before,
        "nothing was written"
    );
    // And a sheet made from the CLI appears in the running window.
    let out = assert_cmd::Command::cargo_bin("opsdeck")
        .unwrap()
        .env("OPSDECK_DATA_DIR", dir.path())
        .args(["sheet", "new", "From the terminal"])
        .output()
        .unwrap();
    assert!(out.status.success());
    h.run_steps(2);
    assert_eq!(h.state().user().sheets[0].name, "From the terminal");
}

/// The README's keyboard table is the one the app generates from its command table, so the
/// two cannot drift apart.
#[test]
fn the_readme_keyboard_table_is_the_apps() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = opsdeck::ui::command::keyboard_table_markdown();
    assert!(table.lines().count() > 10, "{table}");
    assert!(
        readme.contains(&table),
        "README.md's keyboard table differs from the app's; replace it with:\n{table}"
    );
}
