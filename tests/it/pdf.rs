//! PDF export: a known sheet's pages and text as a snapshot (read back with `pdftotext`),
//! fonts embedded, the CLI's errors.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use opsdeck::model::KnowledgeBase;
use opsdeck::model::sheets::pdf::{Paper, PdfOptions, sheet_pdf};
use opsdeck::model::sheets::{Attachment, Sheet};

use crate::util::{opsdeck, run, stderr};

fn known_sheet() -> Sheet {
    let mut sheet = Sheet {
        name: "Night before".into(),
        entries: vec![
            "pilot-light".into(),
            "sqs-message-size".into(),
            "cloudformation-stacks-per-region".into(),
        ],
        attachments: Vec::new(),
    };
    sheet.attachments.push(Attachment::Comparison {
        ids: vec!["pilot-light".into(), "warm-standby".into()],
    });
    sheet
}

fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (scripts/setup.sh installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext reads it: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pages_of(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

#[test]
fn a_known_sheet_prints_as_its_snapshot() {
    let kb = KnowledgeBase::builtin();
    let mut notes = BTreeMap::new();
    notes.insert(
        "pilot-light".to_owned(),
        "Promote the replica first.".to_owned(),
    );
    let options = PdfOptions {
        paper: Paper::A4,
        columns: 3,
        date: "2026-12-01".into(),
    };
    let pdf = sheet_pdf(&kb, &known_sheet(), &notes, &options).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Fonts are embedded (subset), so the text is the text.
    assert!(pdf.windows(9).any(|w| w == b"/FontFile"), "embedded fonts");
    let text = text_of(&pdf);
    for needle in [
        "Night before",
        "OpsDeck cheat-sheet · 2026-12-01",
        "Pilot light",
        "My note: Promote the replica first.",
        "SQS maximum message size",
        "Stacks per account per Region",
        "The notes said",
        "Comparison: Pilot light",
        "page 1 of",
    ] {
        assert!(text.contains(needle), "{needle:?} in the PDF text:\n{text}");
    }
    let snapshot = format!("pages: {}\n---\n{text}", pages_of(&pdf));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/pdf-known-sheet.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::write(&path, &snapshot).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        snapshot, want,
        "run with UPDATE_SNAPSHOTS=1 after a deliberate change"
    );
    // One column on Letter paper takes at least as many pages, and numbers them.
    let long = sheet_pdf(
        &kb,
        &known_sheet(),
        &notes,
        &PdfOptions {
            paper: Paper::Letter,
            columns: 1,
            date: "2026-12-01".into(),
        },
    )
    .unwrap();
    let pages = pages_of(&long);
    assert!(pages >= pages_of(&pdf), "{pages}");
    assert!(text_of(&long).contains(&format!("page {pages} of {pages}")));
}

#[test]
fn export_pdf_from_the_cli_and_its_errors() {
    let (mut cmd, dir) = opsdeck();
    assert!(
        cmd.args(["sheet", "new", "S"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let data = dir.path().to_str().unwrap().to_owned();
    let with = |args: &[&str]| {
        Command::new(assert_cmd::cargo::cargo_bin("opsdeck"))
            .env("OPSDECK_DATA_DIR", &data)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        with(&["sheet", "add", "S", "rolling", "blue-green"])
            .status
            .success()
    );
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("s.pdf");
    let out = with(&[
        "export",
        "S",
        "--format",
        "pdf",
        "--out",
        file.to_str().unwrap(),
        "--paper",
        "letter",
        "--columns",
        "2",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(&file).unwrap();
    let text = text_of(&pdf);
    assert!(
        text.contains("Rolling") && text.contains("Blue/green"),
        "{text}"
    );
    let out = with(&["export", "S", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));
    let out = with(&[
        "export",
        "S",
        "--format",
        "pdf",
        "--out",
        "/no/such/dir/s.pdf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot be written"),
        "{}",
        stderr(&out)
    );
    let out = with(&[
        "export",
        "S",
        "--format",
        "pdf",
        "--out",
        file.to_str().unwrap(),
        "--columns",
        "4",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("1 to 3 columns"), "{}", stderr(&out));
    let out = run(["export", "Nope", "--format", "pdf", "--out", "/tmp/x.pdf"]);
    assert_eq!(out.status.code(), Some(1));
}
