//! The pure heart of OpsDeck: types, loading, search, rendering. No egui, no file system.
//!
//! Everything the GUI shows can be produced here, so the CLI, the tests and the benchmarks
//! reach it without a window.

pub mod ask;
pub mod compare;
pub mod duration;
pub mod guide;
pub mod kb;
pub mod limits;
pub mod markup;
pub mod mine;
pub mod parse;
pub mod plan;
pub mod query;
pub mod render;
pub mod scenario;
pub mod schema;
pub mod search;
pub mod sheets;
pub mod simulate;
pub mod study;
pub mod validate;
pub mod wizard;

pub use kb::{KnowledgeBase, Origin, PackError};
pub use query::Query;
pub use schema::{Entry, Kind};
pub use search::{Field, FieldMatch, Hit, SearchCache, SearchIndex, Tier};
