//! The node and edge records of node-link JSON, deserialised by hand: zhitu's known keys into
//! [`Node`] and [`Edge`] fields, every other key kept as an attribute (graphs networkx wrote).
//! Used by both loaders (`io` and `lines`).

use std::fmt;
use std::sync::Arc;

use indexmap::IndexMap;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::io::IdKey;
use super::{Attrs, Edge, Node};
use crate::model::{EntityType, RelationType};

/// One node: its id and contents.
pub(super) struct RawNode(pub(super) IdKey, pub(super) Node);

/// One edge: its ends and contents.
pub(super) struct RawEdge(pub(super) IdKey, pub(super) IdKey, pub(super) Edge);

/// Node and edge keys zhitu knows; anything else becomes an attribute.
enum Key {
    Id,
    Name,
    Type,
    Aliases,
    Docs,
    Years,
    Source,
    Target,
    Relation,
    Confidence,
    Weight,
    Evidence,
    Other(String),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "id" => Key::Id,
                    "name" => Key::Name,
                    "type" => Key::Type,
                    "aliases" => Key::Aliases,
                    "docs" => Key::Docs,
                    "years" => Key::Years,
                    "source" => Key::Source,
                    "target" => Key::Target,
                    "relation" => Key::Relation,
                    "confidence" => Key::Confidence,
                    "weight" => Key::Weight,
                    "evidence" => Key::Evidence,
                    other => Key::Other(other.to_string()),
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// A list of strings where one is expected; anything else is kept whole as an attribute.
fn strings(v: Value) -> Result<Vec<String>, Value> {
    match v {
        Value::Array(items) if items.iter().all(Value::is_string) => Ok(items
            .into_iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect()),
        Value::Null => Ok(Vec::new()),
        other => Err(other),
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a node object with an `id`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
                let mut id = None;
                let mut name: Option<String> = None;
                let mut kind = EntityType::Unknown;
                let mut n = Node {
                    name: String::new(),
                    kind,
                    aliases: Vec::new(),
                    docs: Vec::new(),
                    years: Vec::new(),
                    attrs: IndexMap::new(),
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Id => id = Some(IdKey::from_value(map.next_value()?)),
                        Key::Name => {
                            name = Some(match map.next_value::<Value>()? {
                                Value::String(s) => s,
                                other => other.to_string(),
                            })
                        }
                        Key::Type => match map.next_value::<Value>()? {
                            Value::String(s) => match EntityType::parse(&s) {
                                Some(k) => kind = k,
                                None => {
                                    n.attrs.insert("type_label".into(), Value::String(s));
                                }
                            },
                            Value::Null => {}
                            other => {
                                n.attrs.insert("type_label".into(), other);
                            }
                        },
                        Key::Aliases => match strings(map.next_value()?) {
                            Ok(v) => n.aliases = v,
                            Err(v) => {
                                n.attrs.insert("aliases".into(), v);
                            }
                        },
                        Key::Docs => match strings(map.next_value()?) {
                            Ok(v) => n.docs = v.into_iter().map(Arc::from).collect(),
                            Err(v) => {
                                n.attrs.insert("docs".into(), v);
                            }
                        },
                        Key::Years => match map.next_value::<Value>()? {
                            Value::Array(ys) if ys.iter().all(|y| y.as_i64().is_some()) => {
                                n.years = ys
                                    .iter()
                                    .filter_map(|y| y.as_i64())
                                    .map(|y| y as i32)
                                    .collect()
                            }
                            other => {
                                n.attrs.insert("years".into(), other);
                            }
                        },
                        Key::Other(k) => {
                            n.attrs.insert(k, map.next_value()?);
                        }
                        other => {
                            n.attrs.insert(key_name(&other).into(), map.next_value()?);
                        }
                    }
                }
                let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                n.aliases.shrink_to_fit();
                n.docs.shrink_to_fit();
                n.years.shrink_to_fit();
                n.kind = kind;
                n.name = name.unwrap_or_else(|| id.to_string());
                Ok(RawNode(id, n))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for RawEdge {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawEdge;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an edge object with `source` and `target`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEdge, A::Error> {
                let (mut source, mut target) = (None, None);
                let mut e = Edge {
                    relation: RelationType::Related,
                    confidence: 1.0,
                    weight: 1,
                    evidence: Vec::new(),
                    docs: Vec::new(),
                    attrs: Attrs::default(),
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Source => source = Some(IdKey::from_value(map.next_value()?)),
                        Key::Target => target = Some(IdKey::from_value(map.next_value()?)),
                        Key::Relation => match map.next_value::<Value>()? {
                            Value::String(s) => match RelationType::parse(&s) {
                                Some(r) => e.relation = r,
                                None => {
                                    e.attrs.insert("label".into(), Value::String(s));
                                }
                            },
                            other => {
                                e.attrs.insert("relation".into(), other);
                            }
                        },
                        Key::Confidence => match map.next_value::<Value>()? {
                            Value::Number(x) if x.as_f64().is_some() => {
                                e.confidence = x.as_f64().unwrap_or(1.0) as f32
                            }
                            other => {
                                e.attrs.insert("confidence".into(), other);
                            }
                        },
                        Key::Weight => match map.next_value::<Value>()? {
                            Value::Number(x)
                                if x.as_u64().is_some_and(|w| w <= u32::MAX as u64) =>
                            {
                                e.weight = x.as_u64().unwrap_or(1) as u32
                            }
                            other => {
                                e.attrs.insert("weight".into(), other);
                            }
                        },
                        Key::Evidence => e.evidence = map.next_value()?,
                        Key::Docs => match strings(map.next_value()?) {
                            Ok(v) => e.docs = v.into_iter().map(Arc::from).collect(),
                            Err(v) => {
                                e.attrs.insert("docs".into(), v);
                            }
                        },
                        Key::Other(k) => {
                            e.attrs.insert(k, map.next_value()?);
                        }
                        other => {
                            e.attrs.insert(key_name(&other).into(), map.next_value()?);
                        }
                    }
                }
                e.evidence.shrink_to_fit();
                let source = source.ok_or_else(|| de::Error::missing_field("source"))?;
                let target = target.ok_or_else(|| de::Error::missing_field("target"))?;
                Ok(RawEdge(source, target, e))
            }
        }
        d.deserialize_map(V)
    }
}

fn key_name(k: &Key) -> &str {
    match k {
        Key::Id => "id",
        Key::Name => "name",
        Key::Type => "type",
        Key::Aliases => "aliases",
        Key::Docs => "docs",
        Key::Years => "years",
        Key::Source => "source",
        Key::Target => "target",
        Key::Relation => "relation",
        Key::Confidence => "confidence",
        Key::Weight => "weight",
        Key::Evidence => "evidence",
        Key::Other(s) => s,
    }
}
