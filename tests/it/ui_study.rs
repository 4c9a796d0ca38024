//! Study in the window: a card answered by keyboard alone, a short mock exam finished and
//! its domain report, "drill this" from an entry page.

use egui::Key;
use egui_kittest::kittest::Queryable;
use opsdeck::app::StartOptions;
use opsdeck::ui::command::{ThemeChoice, View};

use super::ui::harness_sized;

type H = egui_kittest::Harness<'static, opsdeck::app::OpsDeckApp>;

fn study() -> H {
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions::default(),
        egui::vec2(1180.0, 800.0),
    );
    // Ctrl+J opens study; the search box lets it go with Escape first.
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::J);
    h.run_steps(4);
    assert_eq!(h.state().state().view, View::Study);
    h
}

#[test]
fn a_card_is_answered_by_keyboard_alone() {
    let mut h = study();
    assert!(h.state().study_log().reviews.is_empty());
    // A card with options: A picks, Space checks, Space takes the suggested grade.
    h.key_press(Key::A);
    h.run_steps(2);
    h.key_press(Key::Space);
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("How well did you know it?")
            .is_some(),
        "the answer is shown after Space"
    );
    h.key_press(Key::Space);
    h.run_steps(3);
    let log = h.state().study_log();
    assert_eq!(log.reviews.len(), 1);
    let review = &log.reviews[0];
    assert!(review.correct.is_some());
    assert!(log.memory.contains_key(&review.id));
    // The next card is on screen; 3 grades it Good once checked.
    h.key_press(Key::B);
    h.run_steps(2);
    h.key_press(Key::Space);
    h.run_steps(2);
    h.key_press(Key::Num3);
    h.run_steps(3);
    let log = h.state().study_log();
    assert_eq!(log.reviews.len(), 2);
    assert_ne!(log.reviews[0].id, log.reviews[1].id);
    assert_eq!(
        log.reviews[1].grade,
        opsdeck::model::study::srs::Grade::Good
    );
}

#[test]
fn a_short_mock_exam_ends_with_a_domain_report() {
    let mut h = study();
    h.get_by_label("Mock exam").click();
    h.run_steps(3);
    h.get_by_label_contains("Start a short practice").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Question 1 of 15").is_some());
    // Answer every question with A, moving on with the right arrow; flag the third.
    for i in 0..15 {
        h.key_press(Key::A);
        h.run_steps(1);
        if i == 2 {
            h.key_press(Key::F);
            h.run_steps(1);
        }
        h.key_press(Key::ArrowRight);
        h.run_steps(1);
    }
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("15 answered · 1 flagged")
            .is_some()
    );
    h.get_by_label("Finish the exam").click();
    h.run_steps(4);
    assert!(h.query_by_label_contains("of 15 right").is_some());
    assert!(h.query_by_label("By domain").is_some());
    let log = h.state().study_log();
    assert_eq!(log.exams.len(), 1);
    assert_eq!(log.exams[0].total, 15);
    // Each answered question is also a review, so missed ones come back as cards.
    assert_eq!(log.reviews.len(), 15);
    let missed = log.exams[0].missed.len();
    assert_eq!(
        log.reviews
            .iter()
            .filter(|r| r.correct == Some(false))
            .count(),
        missed
    );
    assert!(
        h.query_by_label_contains(&format!("Missed ({missed})"))
            .is_some()
    );
}

#[test]
fn drill_this_opens_the_questions_about_an_entry() {
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions {
            entry: Some("pilot-light".into()),
            ..Default::default()
        },
        egui::vec2(1180.0, 800.0),
    );
    h.get_by_label_contains("Drill this").click();
    h.run_steps(4);
    assert_eq!(h.state().state().view, View::Study);
    assert!(h.query_by_label_contains("About: Pilot light").is_some());
    assert!(h.query_all_by_label_contains("Pilot light").count() >= 2);
}

/// A checked card and a mock exam question, in both themes and small and zoomed.
#[test]
fn study_snapshots() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name, size, zoom) in [
        (
            ThemeChoice::Dark,
            "study-dark",
            egui::vec2(1180.0, 760.0),
            1.0,
        ),
        (
            ThemeChoice::Light,
            "study-light",
            egui::vec2(1180.0, 760.0),
            1.0,
        ),
        (
            ThemeChoice::Dark,
            "study-800x600",
            egui::vec2(800.0, 600.0),
            1.0,
        ),
        (
            ThemeChoice::Light,
            "study-zoom150",
            egui::vec2(1180.0, 760.0),
            1.5,
        ),
    ] {
        let mut h = harness_sized(theme, StartOptions::default(), size);
        h.ctx.set_zoom_factor(zoom);
        h.run_steps(2);
        h.key_press(Key::Escape);
        h.run_steps(2);
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::J);
        h.run_steps(3);
        h.key_press(Key::B);
        h.run_steps(1);
        h.key_press(Key::Space);
        h.run_steps(4);
        h.snapshot(name);
        results.extend_harness(&mut h);
    }
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions::default(),
        egui::vec2(1180.0, 760.0),
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::J);
    h.run_steps(3);
    h.get_by_label("Mock exam").click();
    h.run_steps(3);
    h.get_by_label_contains("Start a short practice").click();
    h.run_steps(3);
    h.key_press(Key::C);
    h.run_steps(3);
    h.snapshot("exam-dark");
    results.extend_harness(&mut h);
    // Progress after a few cards.
    let mut h = study();
    for key in [Key::A, Key::B, Key::C, Key::A, Key::D, Key::B] {
        h.key_press(key);
        h.run_steps(1);
        h.key_press(Key::Space);
        h.run_steps(1);
        h.key_press(Key::Space);
        h.run_steps(2);
    }
    h.get_by_label("Progress").click();
    h.run_steps(4);
    h.snapshot("progress-dark");
    results.extend_harness(&mut h);
    results.unwrap();
}

/// An entry of your own, written in the window by keyboard and mouse: saved, opened, badged,
/// found by search; a bad related id is shown beside its field and nothing is saved.
#[test]
fn an_own_entry_round_trips_through_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions {
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        },
        egui::vec2(1180.0, 800.0),
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    assert!(h.query_by_label("New entry").is_some(), "the editor opens");
    let field = |label: &'static str| {
        egui_kittest::kittest::by()
            .role(egui::accesskit::Role::TextInput)
            .label(label)
    };
    h.get(field("Title")).focus();
    h.run_steps(1);
    h.get(field("Title")).type_text("Kittest runbook");
    h.run_steps(1);
    let summary = egui_kittest::kittest::by()
        .role(egui::accesskit::Role::MultilineTextInput)
        .label("Summary");
    h.get(summary).focus();
    h.run_steps(1);
    h.get(
        egui_kittest::kittest::by()
            .role(egui::accesskit::Role::MultilineTextInput)
            .label("Summary"),
    )
    .type_text("Steps we follow when the pipeline breaks.");
    h.run_steps(1);
    h.get(field("Related entry ids, comma-separated")).focus();
    h.run_steps(1);
    h.get(field("Related entry ids, comma-separated"))
        .type_text("no-such-entry");
    h.run_steps(1);
    h.get_by_label("Save").scroll_to_me();
    h.run_steps(12);
    h.get_by_label("Save").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("related id \"no-such-entry\" does not exist")
            .is_some(),
        "the problem is shown beside the field"
    );
    h.snapshot("editor-dark");
    assert!(
        !dir.path().join("mine.ron").exists()
            || std::fs::read_to_string(dir.path().join("mine.ron"))
                .unwrap()
                .find("Kittest")
                .is_none()
    );
    // Fix it and save.
    h.get(field("Related entry ids, comma-separated")).focus();
    h.run_steps(1);
    for _ in 0.."no-such-entry".len() {
        h.key_press(Key::Backspace);
    }
    h.run_steps(1);
    h.get(field("Related entry ids, comma-separated"))
        .type_text("codepipeline");
    h.run_steps(1);
    h.get_by_label("Save").scroll_to_me();
    h.run_steps(12);
    h.get_by_label("Save").click();
    h.run_steps(4);
    assert_eq!(h.state().state().view, View::Entry);
    assert_eq!(h.state().state().entry.as_deref(), Some("kittest-runbook"));
    assert!(h.query_by_label("yours").is_some(), "the mine badge");
    assert!(h.state().kb().is_mine("kittest-runbook"));
    let text = std::fs::read_to_string(dir.path().join("mine.ron")).unwrap();
    assert!(text.contains("Kittest runbook") && text.contains("codepipeline"));
}
