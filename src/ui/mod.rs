//! The desktop window's views, one file each, plus the command table they share with the app.
//! The model does the work; these only draw and say what the user asked for.

pub mod command;
pub mod compare;
pub mod editor;
pub mod entry;
pub mod guide;
pub mod limits;
pub mod palette;
pub mod search;
pub mod settings;
pub mod sheets;
pub mod state;
pub mod study;
pub mod theme;
pub mod wizard;
