//! One file per view of the desktop window; the model does the work, these only draw.

pub mod coming;
pub mod compare;
pub mod entry;
pub mod limits;
pub mod search;
pub mod settings;
pub mod sheets;
pub mod theme;
pub mod wizard;
