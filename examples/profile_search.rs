//! Profiling aid: runs a few queries many times over the built-in data and a 100k pack.
use opsdeck::model::{KnowledgeBase, Query, SearchIndex};
fn main() {
    let kb = KnowledgeBase::builtin();
    let index = SearchIndex::new(&kb);
    let mut n = 0;
    for _ in 0..3000 {
        for q in ["la", "cl", "lambda alias"] {
            n += index.search(&Query::parse(q)).len();
        }
    }
    println!("{n}");
}
