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
fn harness(theme: ThemeChoice, options: StartOptions) -> Harness<'static, OpsDeckApp> {
    harness_sized(theme, options, egui::vec2(960.0, 620.0))
}

/// [`harness`] with another window size.
fn harness_sized(
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
    let mut h = harness(ThemeChoice::Dark, StartOptions::default());
    type_in_search(&mut h, "pilot light");
    assert!(!h.state().state().query.is_empty());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().state().query, "");
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
    h.run_steps(2);
    // Saved a moment after the last keystroke.
    std::thread::sleep(std::time::Duration::from_millis(800));
    h.run_steps(3);
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
fn snapshots_of_the_main_views() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name) in [(ThemeChoice::Dark, "dark"), (ThemeChoice::Light, "light")] {
        let mut h = harness(
            theme,
            StartOptions {
                query: Some("blue green".into()),
                ..Default::default()
            },
        );
        h.run_steps(4);
        h.snapshot(format!("search-{name}"));
        results.extend_harness(&mut h);
        let mut h = harness(
            theme,
            StartOptions {
                entry: Some("immutable".into()),
                ..Default::default()
            },
        );
        h.run_steps(4);
        h.snapshot(format!("entry-{name}"));
        results.extend_harness(&mut h);
    }
    let mut h = harness(
        ThemeChoice::Light,
        StartOptions {
            view: Some(View::Limits),
            ..Default::default()
        },
    );
    h.run_steps(4);
    h.snapshot("limits-light");
    results.extend_harness(&mut h);
    for (theme, name) in [(ThemeChoice::Dark, "dark"), (ThemeChoice::Light, "light")] {
        let ids = ["rolling", "immutable", "blue-green"]
            .map(String::from)
            .to_vec();
        let mut h = harness(
            theme,
            StartOptions {
                compare: Some(ids),
                ..Default::default()
            },
        );
        h.run_steps(4);
        h.snapshot(format!("compare-{name}"));
        results.extend_harness(&mut h);
    }
    results.unwrap();
}
