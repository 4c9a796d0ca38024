//! PDF export of a large sheet: 500 entries, three columns on A4.

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use opsdeck::model::KnowledgeBase;
use opsdeck::model::sheets::Sheet;
use opsdeck::model::sheets::pdf::{Paper, PdfOptions, sheet_pdf};

fn pdf(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin();
    let sheet = Sheet {
        name: "Everything".into(),
        entries: kb
            .entries()
            .iter()
            .take(500)
            .map(|e| e.id.clone())
            .collect(),
        attachments: Vec::new(),
    };
    let options = PdfOptions {
        paper: Paper::A4,
        columns: 3,
        date: "2026-12-01".into(),
    };
    let notes = BTreeMap::new();
    let bytes = sheet_pdf(&kb, &sheet, &notes, &options).unwrap();
    eprintln!("500 entries: {} bytes", bytes.len());
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("sheet_500_entries_a4_3_columns", |b| {
        b.iter(|| sheet_pdf(&kb, &sheet, &notes, &options).unwrap())
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
