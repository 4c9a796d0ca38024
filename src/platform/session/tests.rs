//! Tests of the session against a real store.

use super::*;

fn kb() -> KnowledgeBase {
    KnowledgeBase::builtin()
}

#[test]
fn a_note_is_saved_after_the_delay_on_the_callers_clock() {
    let kb = kb();
    let dir = tempfile::tempdir().unwrap();
    let mut s = UserSession::open(Some(Store::new(dir.path())));
    s.note_edited("rolling", "first", 10.0);
    assert_eq!(s.tick(10.3).map(|w| (w * 10.0).round()), Some(4.0));
    assert!(s.data().notes.is_empty(), "not saved before the delay");
    assert_eq!(s.tick(10.71), None);
    assert_eq!(s.data().notes["rolling"], "first");
    let on_disk = Store::new(dir.path()).load::<UserData>().unwrap().data;
    assert_eq!(on_disk.notes["rolling"], "first");
    let _ = kb;
}

#[test]
fn a_change_made_elsewhere_is_seen_and_kept() {
    let kb = kb();
    let dir = tempfile::tempdir().unwrap();
    let mut window = UserSession::open(Some(Store::new(dir.path())));
    window.new_sheet("Mine").unwrap();
    let cli = Store::new(dir.path());
    cli.update::<UserData, _, SheetError>(|d| d.new_sheet("From the CLI"))
        .unwrap();
    assert!(window.refresh(), "the window notices the other process");
    assert!(!window.refresh(), "and only once");
    let names: Vec<&str> = window
        .data()
        .sheets
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Mine", "From the CLI"]);
    window.add_to_sheet("rolling", Some("Mine"), &kb).unwrap();
    let on_disk = cli.load::<UserData>().unwrap().data;
    assert_eq!(on_disk.sheets.len(), 2, "the window kept the CLI's sheet");
}

#[test]
fn ctrl_e_on_a_sheet_deleted_elsewhere_writes_nothing_and_says_so() {
    let kb = kb();
    let dir = tempfile::tempdir().unwrap();
    let mut window = UserSession::open(Some(Store::new(dir.path())));
    window.add_to_last("rolling", &kb).unwrap();
    assert_eq!(window.data().sheets[0].name, "My sheet");
    let cli = Store::new(dir.path());
    cli.update::<UserData, _, SheetError>(|d| d.delete_sheet("My sheet").map(|_| ()))
        .unwrap();
    let before = std::fs::read(cli.path()).unwrap();
    let err = window.add_to_last("immutable", &kb).unwrap_err();
    assert!(
        err.to_string().contains("“Add to sheet”"),
        "a clear message: {err}"
    );
    assert_eq!(
        std::fs::read(cli.path()).unwrap(),
        before,
        "nothing written"
    );
    let shown = window.notices.last_error().unwrap().text.clone();
    assert!(shown.contains("My sheet"), "{shown}");
    window.notices.info("later success");
    assert_eq!(
        window.notices.last_error().map(|n| n.text.as_str()),
        Some(shown.as_str()),
        "a later confirmation never hides the error"
    );
    assert!(window.data().sheets.is_empty(), "the window shows the disk");
}

#[test]
fn errors_name_each_cause_once() {
    let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
    let e = SessionError::Export {
        path: PathBuf::from("/x/out.html"),
        source: io,
    };
    assert_eq!(
        chain(&e),
        "/x/out.html cannot be written; nothing was written there: No such file or directory"
    );
}
