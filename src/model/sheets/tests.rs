//! Tests of sheet operations and exports.

use super::*;

#[test]
fn sheet_operations() {
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    data.new_sheet("Exam eve").unwrap();
    assert_eq!(
        data.new_sheet(" Exam eve "),
        Err(SheetError::NameTaken("Exam eve".into()))
    );
    assert_eq!(data.new_sheet(""), Err(SheetError::BadName));
    assert_eq!(data.new_sheet("a\nb"), Err(SheetError::BadName));
    // A right-to-left override would show "abc\u{202E}fed" as "abcdef".
    assert_eq!(data.new_sheet("abc\u{202E}fed"), Err(SheetError::BadName));
    assert_eq!(
        data.new_sheet("\u{2067}x\u{2069}"),
        Err(SheetError::BadName)
    );
    // Right-to-left scripts themselves are fine.
    assert_eq!(UserData::default().new_sheet("מבחן"), Ok(()));
    assert_eq!(
        data.add("Exam eve", &["rolling", "immutable", "rolling"], &kb),
        Ok(2)
    );
    assert_eq!(
        data.add("Exam eve", &["nope"], &kb),
        Err(SheetError::NoSuchEntry("nope".into()))
    );
    assert_eq!(
        data.sheet("Exam eve").unwrap().entries,
        ["rolling", "immutable"]
    );
    data.move_entry("Exam eve", 1, 0).unwrap();
    assert_eq!(
        data.sheet("Exam eve").unwrap().entries,
        ["immutable", "rolling"]
    );
    data.remove("Exam eve", "immutable").unwrap();
    assert!(data.remove("Exam eve", "immutable").is_err());
    data.rename_sheet("Exam eve", "Night before").unwrap();
    let (at, sheet) = data.delete_sheet("Night before").unwrap();
    assert!(data.sheets.is_empty());
    data.restore_sheet(at, sheet);
    assert_eq!(data.sheets[0].name, "Night before");
    data.set_note("rolling", "remember the batch", &kb).unwrap();
    data.set_note("rolling", "  ", &kb).unwrap();
    assert!(data.notes.is_empty());
    assert!(data.toggle_star("rolling"));
    assert!(!data.toggle_star("rolling"));
}

#[test]
fn import_renames_and_refuses_unknown_entries_without_changes() {
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    data.new_sheet("DR").unwrap();
    data.add("DR", &["pilot-light"], &kb).unwrap();
    let answers: BTreeMap<String, String> = [("rto", "1h"), ("rpo", "15m")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    data.attach(
        "DR",
        Attachment::Wizard {
            wizard: "dr".into(),
            answers,
        },
        &kb,
    )
    .unwrap();
    data.attach(
        "DR",
        Attachment::Comparison {
            ids: vec!["pilot-light".into(), "warm-standby".into()],
        },
        &kb,
    )
    .unwrap();
    assert!(
        data.attach(
            "DR",
            Attachment::Comparison {
                ids: vec!["nope".into()]
            },
            &kb
        )
        .is_err()
    );
    let md = sheet_markdown(&kb, data.sheet("DR").unwrap(), &data.notes);
    assert!(
        md.contains("## Disaster recovery strategy: Pilot light"),
        "{md}"
    );
    assert!(
        md.contains("| Attribute | Pilot light | Warm standby |"),
        "{md}"
    );
    let html = sheet_html(&kb, data.sheet("DR").unwrap(), &data.notes, "");
    assert!(
        html.contains("Disaster recovery strategy: Pilot light") && html.contains("<table>"),
        "{html}"
    );
    data.set_note("pilot-light", "mine", &kb).unwrap();
    let mut shared = data.share("DR").unwrap();
    shared.notes.insert("pilot-light".into(), "theirs".into());
    let imported = data.import(shared.clone(), &kb).unwrap();
    assert_eq!(imported.name, "DR (2)");
    assert_eq!(
        imported.offered,
        [OfferedNote {
            id: "pilot-light".into(),
            theirs: "theirs".into(),
            mine: Some("mine".into()),
        }]
    );
    assert_eq!(
        data.notes["pilot-light"], "mine",
        "an import never changes the user's notes"
    );
    assert_eq!(
        data.accept_note(&imported.offered[0], false, &kb),
        Ok(false)
    );
    assert_eq!(data.notes["pilot-light"], "mine");
    assert_eq!(data.accept_note(&imported.offered[0], true, &kb), Ok(true));
    assert_eq!(
        data.notes["pilot-light"], "theirs",
        "replaced when asked to"
    );
    data.set_note("pilot-light", "mine", &kb).unwrap();
    let before = data.clone();
    shared.sheet.entries.push("not-here".into());
    assert!(matches!(
        data.import(shared.clone(), &kb),
        Err(ImportError::UnknownEntries(_))
    ));
    shared.version = SCHEMA_VERSION + 1;
    assert!(matches!(
        data.import(shared, &kb),
        Err(ImportError::Newer(_))
    ));
    assert_eq!(data, before, "a failed import changes nothing");
}

#[test]
fn html_escapes_everything_the_user_typed() {
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    data.new_sheet("<b>Sheet</b> & \"co\"").unwrap();
    data.add("<b>Sheet</b> & \"co\"", &["rolling"], &kb)
        .unwrap();
    data.set_note(
        "rolling",
        "<script>alert(1)</script>\n<img src=x onerror=alert(2)>",
        &kb,
    )
    .unwrap();
    let sheet = data.sheet("<b>Sheet</b> & \"co\"").unwrap();
    let html = sheet_html(&kb, sheet, &data.notes, "");
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>Sheet"), "{html}");
    assert!(
        html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img src=x onerror=alert(2)&gt;"
        )
    );
    assert!(html.contains("<title>&lt;b&gt;Sheet&lt;/b&gt; &amp; &quot;co&quot;</title>"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\""));
}

#[test]
fn markdown_neutralises_links_and_images_from_notes() {
    for (input, expect) in [
        (
            "[click](javascript:alert(1))",
            "\\[click](javascript:alert(1))",
        ),
        (
            "[click]( JaVa\tScRiPt:alert(1))",
            "\\[click]( JaVa\tScRiPt:alert(1))",
        ),
        (
            "[data](data:text/html;base64,xx)",
            "\\[data](data:text/html;base64,xx)",
        ),
        (
            "![pixel](https://tracker.example/p.png)",
            "!\\[pixel](https://tracker.example/p.png)",
        ),
        ("[x]: javascript:alert(1)", "\\[x]: javascript:alert(1)"),
        ("  [x]: https://a.example", "  \\[x]: https://a.example"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"),
        (
            "<img src=x onerror=alert(1)>",
            "&lt;img src=x onerror=alert(1)&gt;",
        ),
        (
            "[docs](https://docs.aws.amazon.com/)",
            "[docs](https://docs.aws.amazon.com/)",
        ),
        (
            "[mail](mailto:me@example.com)",
            "[mail](mailto:me@example.com)",
        ),
        (
            "[section](#limits) and [page](guide/a:b)",
            "[section](#limits) and [page](guide/a:b)",
        ),
        ("`[a-z]` and **bold**", "`[a-z]` and **bold**"),
    ] {
        assert_eq!(neutralise_markdown(input), expect, "{input}");
    }
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    data.new_sheet("S").unwrap();
    data.add("S", &["rolling"], &kb).unwrap();
    data.set_note(
        "rolling",
        "see [this](javascript:fetch('//evil')) ![](http://evil.example/x.png)",
        &kb,
    )
    .unwrap();
    let md = sheet_markdown(&kb, data.sheet("S").unwrap(), &data.notes);
    assert!(md.contains("\\[this](javascript:"), "{md}");
    assert!(md.contains("!\\[](http://evil"), "{md}");
    assert!(!md.contains(" [this](javascript:"), "{md}");
}

#[test]
fn the_last_sheet_follows_use_and_is_never_guessed() {
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    assert_eq!(data.last_sheet_for_adding(), Ok(None));
    data.new_sheet("A").unwrap();
    data.new_sheet("B").unwrap();
    data.add("A", &["rolling"], &kb).unwrap();
    assert_eq!(data.last_sheet_for_adding(), Ok(Some("A")));
    data.rename_sheet("A", "A2").unwrap();
    assert_eq!(data.last_sheet_for_adding(), Ok(Some("A2")));
    // Another process deletes the sheet but the pointer was kept by an older file.
    data.sheets.retain(|s| s.name != "A2");
    assert_eq!(
        data.last_sheet_for_adding(),
        Err(SheetError::LastSheetGone("A2".into()))
    );
    data.delete_sheet("B").unwrap();
    data.last_sheet = None;
    assert_eq!(data.last_sheet_for_adding(), Ok(None));
}

/// A DR decision kept on a sheet prints with its options, verdicts and costs, and a price
/// the user gave is used there too.
#[test]
fn a_kept_decision_exports_with_its_options_and_costs() {
    let kb = KnowledgeBase::builtin();
    let mut data = UserData::default();
    data.new_sheet("DR").unwrap();
    let answers: BTreeMap<String, String> = [
        ("preset", "business-critical"),
        ("price:ec2-m5-large-hour", "0.1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    data.attach(
        "DR",
        Attachment::Wizard {
            wizard: "dr".into(),
            answers: answers.clone(),
        },
        &kb,
    )
    .unwrap();
    let plan = super::super::plan::plan_raw(&kb, kb.wizard("dr").unwrap(), &answers)
        .unwrap()
        .unwrap();
    let cheapest = plan
        .options
        .iter()
        .find(|o| o.choices.contains(&super::super::plan::Choice::LeastCost))
        .unwrap();
    let cost = super::super::plan::cost::format_usd(cheapest.cost.monthly);
    let md = sheet_markdown(&kb, data.sheet("DR").unwrap(), &data.notes);
    assert!(
        md.contains("| Option | Setup | Loss of an Availability Zone | Loss of the Region | Data corruption or deletion | A month |"),
        "{md}"
    );
    assert!(md.contains(&format!("| {} |", cheapest.title)), "{md}");
    assert!(md.contains(&cost), "{cost} in {md}");
    assert!(!plan.what_would_change.is_empty());
    for w in &plan.what_would_change {
        assert!(md.contains(w.as_str()), "{w} in {md}");
    }
    let html = sheet_html(&kb, data.sheet("DR").unwrap(), &data.notes, "");
    assert!(html.contains("<table class=\"options\">"), "{html}");
    assert!(html.contains(&cost), "{html}");
}
