//! Integration tests, linked as one binary to keep link time down (as ripgrep does).

mod ask;
mod cli;
mod content;
mod data;
mod decide;
mod own;
mod pdf;
mod props;
mod scenario;
mod sheets;
mod store;
mod study_store;
mod ui;
mod ui_snapshots;
mod ui_study;
mod ui_wizard;
mod util;
mod wizards;
mod wizards_cli;
