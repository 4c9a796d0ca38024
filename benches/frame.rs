//! How long the app takes to produce its next frame after a keystroke in the search box
//! (egui's CPU work: input, search, layout and tessellation; painting is the GPU's).
//! Budget: well within 16 ms (one 60 Hz frame) over the built-in data.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use opsdeck::app::{OpsDeckApp, StartOptions};
use opsdeck::model::KnowledgeBase;
use opsdeck::ui::command::ThemeChoice;

fn keystroke_frame(c: &mut Criterion) {
    let options = StartOptions {
        fresh: true,
        theme: Some(ThemeChoice::Dark),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1180.0, 760.0))
        .build_eframe(move |cc| OpsDeckApp::new(cc, KnowledgeBase::builtin(), options));
    h.run_steps(3);
    let typed = ["c", "l", "o", "u", "d", "f", "o", "r", "m"];
    let mut i = 0;
    c.bench_function("frame after a keystroke (built-in data)", |b| {
        b.iter(|| {
            // Type five letters, then erase them, so the query stays realistic.
            if i % 10 < 5 {
                h.get_by_role(Role::TextInput)
                    .type_text(typed[i % typed.len()]);
            } else {
                h.key_press(egui::Key::Backspace);
            }
            i += 1;
            h.step();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(40).measurement_time(std::time::Duration::from_secs(3));
    targets = keystroke_frame
}
criterion_main!(benches);
