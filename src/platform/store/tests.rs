//! Tests of the store on a real file system.

use super::*;

#[test]
fn dates() {
    assert_eq!(civil_from_days(0), (1970, 1, 1));
    assert_eq!(civil_from_days(20_414), (2025, 11, 22));
}

#[test]
fn newer_files_are_told_apart_from_broken_ones() {
    let newer = format!(
        "(version: {}, sheets: [], a_field_from_the_future: [1, 2])",
        SCHEMA_VERSION + 1
    );
    assert_eq!(
        parse_document::<UserData>(newer.as_bytes()),
        Err(Unusable::Newer(SCHEMA_VERSION + 1))
    );
    assert!(matches!(
        parse_document::<UserData>(b"(version: 0)"),
        Err(Unusable::Broken(_))
    ));
    assert!(
        parse_document::<UserData>(b"(version: 1, sheets: [(name: \"a\", entries: [\"x\"])])")
            .is_ok()
    );
    assert!(matches!(
        parse_document::<UserData>(b"(version: 1, sheets: [(name: \"a\""),
        Err(Unusable::Broken(_))
    ));
    assert!(matches!(
        parse_document::<UserData>(&[0xff, 0x00]),
        Err(Unusable::Broken(_))
    ));
}

#[test]
fn an_update_keeps_a_newer_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let newer = format!("(version: {}, future: true)", SCHEMA_VERSION + 5);
    std::fs::write(store.path(), &newer).unwrap();
    let result = store.update::<UserData, _, String>(|d| {
        d.toggle_star("x");
        Ok(())
    });
    assert!(matches!(
        result,
        Err(UpdateError::Store(StoreError::Newer { .. }))
    ));
    let loaded = store.load::<UserData>().unwrap();
    assert!(matches!(loaded.trouble, Some(Trouble::Newer { .. })));
    assert_eq!(std::fs::read_to_string(store.path()).unwrap(), newer);
}

#[test]
fn leftover_temporary_files_are_cleaned_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(dir.path().join(".user.ron.Ab12Cd.tmp"), "half").unwrap();
    std::fs::write(dir.path().join(".user.ron.tmp-4242"), "half").unwrap();
    std::fs::write(dir.path().join(".notes.txt.tmp"), "not ours").unwrap();
    store
        .update::<UserData, _, String>(|d| {
            d.toggle_star("x");
            Ok(())
        })
        .unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".notes.txt.tmp", "opsdeck.lock", "user.ron"]);
}

#[test]
fn the_stamp_changes_with_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    assert_eq!(store.stamp::<UserData>(), None);
    let first = store
        .update::<UserData, _, String>(|d| {
            d.toggle_star("x");
            Ok(())
        })
        .unwrap()
        .stamp;
    let second = store
        .update::<UserData, _, String>(|d| {
            d.toggle_star("x");
            Ok(())
        })
        .unwrap()
        .stamp;
    assert!(first.is_some() && second.is_some());
    assert_ne!(first, second);
    assert_eq!(store.stamp::<UserData>(), second);
}
