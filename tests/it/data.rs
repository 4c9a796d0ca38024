//! The knowledge base in `data/`: every file round-trips, and the embedded copy is faithful.

use std::path::{Path, PathBuf};

use opsdeck::model::KnowledgeBase;
use opsdeck::model::parse::parse_data_file;
use opsdeck::model::schema::DataFile;

fn data_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for item in std::fs::read_dir(dir).expect("data dir") {
            let path = item.expect("dir entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &mut files,
    );
    files.sort();
    files
}

#[test]
fn every_data_file_round_trips_through_ron() {
    let files = data_files();
    assert!(files.len() >= 3, "data files found: {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        let data = parse_data_file(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        let again = ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = parse_data_file(&name, &again).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(data, back, "{name} changes in a round trip");
    }
}

#[test]
fn the_embedded_knowledge_base_is_exactly_the_data_files() {
    let mut all = DataFile::default();
    for path in data_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let data = parse_data_file(&path.display().to_string(), &text).unwrap();
        all.entries.extend(data.entries);
        all.attributes.extend(data.attributes);
        all.wizards.extend(data.wizards);
    }
    let kb = KnowledgeBase::builtin();
    assert_eq!(kb.entries(), all.entries.as_slice());
    assert_eq!(kb.attributes(), all.attributes.as_slice());
    assert_eq!(kb.wizards(), all.wizards.as_slice());
    assert!(kb.entries().len() >= 15);
}
