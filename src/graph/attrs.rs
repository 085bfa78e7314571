//! An edge's attributes. Most edges have none (a built graph's edges have none at all; graphs
//! made elsewhere bring theirs, and `label` for a relation zhitu does not know), so the map is
//! boxed and made on the first insert: an edge without attributes spends one pointer on them, not an empty
//! `IndexMap` (72 bytes), which is 320 MB over five million edges.
//!
//! Reads go through `Deref` to the map (empty when there is none); writes through `DerefMut`,
//! which makes the map.
//!
//! ```
//! use zhitu::graph::Attrs;
//!
//! let mut a = Attrs::default();
//! assert!(a.is_empty());
//! a.insert("since".into(), 2020.into());
//! assert_eq!(a["since"], 2020);
//! assert_eq!(a, [("since".to_string(), 2020.into())].into_iter().collect());
//! ```

use std::ops::{Deref, DerefMut};
use std::sync::LazyLock;

use indexmap::IndexMap;
use serde_json::Value;

/// Attribute name → value, in the order they were set.
pub type Map = IndexMap<String, Value>;

/// Attributes, absent until the first is set.
#[derive(Debug, Clone, Default)]
pub struct Attrs(Option<Box<Map>>);

static EMPTY: LazyLock<Map> = LazyLock::new(Map::new);

impl Deref for Attrs {
    type Target = Map;

    fn deref(&self) -> &Map {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl DerefMut for Attrs {
    fn deref_mut(&mut self) -> &mut Map {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Attrs {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl From<Map> for Attrs {
    fn from(map: Map) -> Self {
        Attrs((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, Value)> for Attrs {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Map::from_iter(iter).into()
    }
}
