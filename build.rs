//! Validates every `data/**/*.ron` file with the app's own schema and embeds the result.
//!
//! Errors read like a compiler's (`data/x.ron:12:5: related id "y" does not exist`) and fail
//! the build. The validated knowledge base is written to `$OUT_DIR/kb.postcard`, which the
//! library includes with `include_bytes!` and decodes at start-up.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/model/duration.rs"]
mod duration;
#[allow(dead_code)]
#[path = "src/model/parse.rs"]
mod parse;
#[allow(dead_code)]
#[path = "src/model/schema/mod.rs"]
mod schema;
#[allow(dead_code)]
#[path = "src/model/validate/mod.rs"]
mod validate;

/// Whether the built-in data is held to the strict rules (every entry names exam task
/// statements, every task statement has enough entries); see `validate::Input::strict`.
const STRICT: bool = true;

fn main() {
    println!("cargo::rerun-if-changed=data");
    for shared in ["schema", "validate", "parse.rs", "duration.rs"] {
        println!("cargo::rerun-if-changed=src/model/{shared}");
    }

    let mut files = Vec::new();
    collect_ron_files(Path::new("data"), &mut files);
    files.sort();

    let mut texts = Vec::new();
    let mut failed = false;
    for path in &files {
        let name = path.to_string_lossy().replace('\\', "/");
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((name, text)),
            Err(err) => {
                println!("cargo::error={name}: cannot be read: {err}");
                failed = true;
            }
        }
    }
    if failed {
        return;
    }
    let all = match validate::check_texts(&texts, STRICT) {
        Ok(all) => all,
        Err(issues) => {
            for issue in &issues {
                println!("cargo::error={issue}");
            }
            return;
        }
    };
    let bytes = postcard::to_allocvec(&all).expect("the knowledge base serializes");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("kb.postcard"), bytes).expect("OUT_DIR is writable");
}

fn collect_ron_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        println!(
            "cargo::error={}: the data directory cannot be read",
            dir.display()
        );
        return;
    };
    for item in read.flatten() {
        let path = item.path();
        if path.is_dir() {
            collect_ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}
