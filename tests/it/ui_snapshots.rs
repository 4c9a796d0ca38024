//! Snapshots of the main views in both themes, small and zoomed, rendered by the real app
//! through egui_kittest on Mesa.

use opsdeck::app::StartOptions;
use opsdeck::ui::command::{ThemeChoice, View};

use super::ui::{harness, harness_sized};

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
    let mut h = harness(
        ThemeChoice::Dark,
        StartOptions {
            query: Some("how do I roll back a failed cloudformation stack".into()),
            ..Default::default()
        },
    );
    h.run_steps(4);
    h.snapshot("question-dark");
    results.extend_harness(&mut h);
    let mut h = harness(
        ThemeChoice::Light,
        StartOptions {
            query: Some("sqs max message size".into()),
            ..Default::default()
        },
    );
    h.run_steps(4);
    h.snapshot("answer-light");
    results.extend_harness(&mut h);
    let mut h = harness(
        ThemeChoice::Light,
        StartOptions {
            view: Some(View::Guide),
            ..Default::default()
        },
    );
    h.run_steps(4);
    h.snapshot("guide-light");
    results.extend_harness(&mut h);
    results.unwrap();
}

/// Every main view at the smallest usual window (800×600) and at 150 % text size: what a user
/// on a small laptop or with larger text sees. The snapshots are looked at by eye for clipping;
/// they also catch any change of layout.
#[test]
fn snapshots_small_and_zoomed() {
    let mut results = egui_kittest::SnapshotResults::new();
    let views: [(&str, StartOptions); 7] = [
        (
            "search",
            StartOptions {
                query: Some("what is the max lambda timeout".into()),
                ..Default::default()
            },
        ),
        (
            "entry",
            StartOptions {
                entry: Some("cloudformation".into()),
                ..Default::default()
            },
        ),
        (
            "limits",
            StartOptions {
                view: Some(View::Limits),
                ..Default::default()
            },
        ),
        (
            "compare",
            StartOptions {
                compare: Some(
                    [
                        "all-at-once",
                        "rolling",
                        "rolling-additional-batch",
                        "immutable",
                        "blue-green",
                    ]
                    .map(String::from)
                    .to_vec(),
                ),
                ..Default::default()
            },
        ),
        (
            "guide",
            StartOptions {
                view: Some(View::Guide),
                ..Default::default()
            },
        ),
        (
            "wizard",
            StartOptions {
                wizard: Some("dr".into()),
                answers: vec![
                    ("rto".into(), "1h".into()),
                    ("rpo".into(), "15m".into()),
                    ("budget".into(), "medium".into()),
                ],
                ..Default::default()
            },
        ),
        (
            "sheets",
            StartOptions {
                view: Some(View::Sheets),
                ..Default::default()
            },
        ),
    ];
    for (name, options) in views {
        for (size, zoom, suffix) in [
            (egui::vec2(800.0, 600.0), 1.0, "800x600"),
            (egui::vec2(1180.0, 760.0), 1.5, "zoom150"),
        ] {
            let mut h = harness_sized(
                ThemeChoice::Dark,
                StartOptions {
                    zoom: Some(zoom),
                    ..options.clone()
                },
                size,
            );
            h.run_steps(4);
            h.snapshot(format!("{name}-{suffix}"));
            results.extend_harness(&mut h);
        }
    }
    results.unwrap();
}
