//! The planner: a parsed [`Statement`] → a [`Plan`] resolved against the graph. Entity
//! references become node ids (through names and aliases; unknown names get the closest names as
//! suggestions, ambiguous ones the candidates), type and relation names become sets, defaults
//! are filled in (direction both, semantic relations, depth 1, limit 100).

use std::path::PathBuf;

use super::ast::{Cond, Direction, EntityRef, RelFilter, Statement, StatementKind, Word};
use super::error::{Candidate, ErrorKind, QueryError};
use super::view::GraphView;
use crate::graph::NodeId;
use crate::model::{EntityType, RelationType};

/// The default number of rows of `neighbors` and `find`.
pub const DEFAULT_LIMIT: usize = 100;
/// How many closest names an unknown-entity error lists.
const SUGGESTIONS: usize = 5;
/// How many candidates an ambiguous-entity error lists.
const CANDIDATES: usize = 10;

/// A set of relation types, as a bit mask over [`RelationType::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelSet(u32);

impl RelSet {
    pub fn semantic() -> Self {
        Self::from_iter(RelationType::ALL.into_iter().filter(|r| r.is_semantic()))
    }
    pub fn all() -> Self {
        Self::from_iter(RelationType::ALL)
    }
    pub fn contains(self, r: RelationType) -> bool {
        self.0 & (1 << r as u32) != 0
    }
}

impl FromIterator<RelationType> for RelSet {
    fn from_iter<I: IntoIterator<Item = RelationType>>(it: I) -> Self {
        RelSet(it.into_iter().fold(0, |m, r| m | 1 << r as u32))
    }
}

/// A set of entity types; `None` inside means any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeSet(Option<u32>);

impl TypeSet {
    pub fn any() -> Self {
        TypeSet(None)
    }
    pub fn contains(self, t: EntityType) -> bool {
        self.0.is_none_or(|m| m & (1 << t as u32) != 0)
    }
}

/// A statement resolved against a graph, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    Show(NodeId),
    Neighbors {
        start: NodeId,
        depth: u32,
        dir: Direction,
        types: TypeSet,
        rels: RelSet,
        limit: usize,
    },
    Path {
        from: NodeId,
        to: NodeId,
        all: bool,
        max: Option<u32>,
        dir: Direction,
        rels: RelSet,
    },
    Find {
        kind: Option<EntityType>,
        cond: Option<Cond>,
        limit: usize,
    },
    Evidence(NodeId, NodeId),
    Stats,
    Schema,
    Docs,
}

/// A plan and, for `dot … > FILE`, the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub plan: Plan,
    pub export: Option<PathBuf>,
}

/// Resolves `statement` against `g`.
///
/// # Errors
/// Unknown or ambiguous entities, unknown ids, types or relations, and `dot` of a statement that
/// returns no part of the graph; each with the span of what was wrong.
pub fn plan(g: &dyn GraphView, statement: &Statement) -> Result<Planned, QueryError> {
    if let StatementKind::Dot(inner, file) = &statement.kind {
        if matches!(
            inner.kind,
            StatementKind::Stats | StatementKind::Schema | StatementKind::Docs
        ) {
            return Err(QueryError::new(
                ErrorKind::NotDrawable {
                    kind: inner.kind.name().to_string(),
                },
                inner.span.clone(),
            ));
        }
        let mut p = plan(g, inner)?;
        p.export = Some(PathBuf::from(&file.text));
        return Ok(p);
    }
    let plan = match &statement.kind {
        StatementKind::Show(r) => Plan::Show(resolve(g, r)?),
        StatementKind::Neighbors(n) => Plan::Neighbors {
            start: resolve(g, &n.start)?,
            depth: n.depth.unwrap_or(1) as u32,
            dir: n.direction.unwrap_or_default(),
            types: types(&n.types)?,
            rels: rels(&n.rel)?,
            limit: n.limit.map_or(DEFAULT_LIMIT, |l| l as usize),
        },
        StatementKind::Path(p) => Plan::Path {
            from: resolve(g, &p.from)?,
            to: resolve(g, &p.to)?,
            all: p.all,
            max: p.max.map(|m| m as u32),
            dir: p.direction.unwrap_or_default(),
            rels: rels(&p.rel)?,
        },
        StatementKind::Find(f) => Plan::Find {
            kind: f.kind.as_ref().map(entity_type).transpose()?,
            cond: f.cond.clone(),
            limit: f.limit.map_or(DEFAULT_LIMIT, |l| l as usize),
        },
        StatementKind::Evidence(a, b) => Plan::Evidence(resolve(g, a)?, resolve(g, b)?),
        StatementKind::Stats => Plan::Stats,
        StatementKind::Schema => Plan::Schema,
        StatementKind::Docs => Plan::Docs,
        StatementKind::Dot(..) => unreachable!("handled above"),
    };
    Ok(Planned { plan, export: None })
}

fn entity_type(w: &Word) -> Result<EntityType, QueryError> {
    EntityType::parse(&w.text).ok_or_else(|| {
        QueryError::new(
            ErrorKind::UnknownType {
                name: w.text.clone(),
            },
            w.span.0.clone(),
        )
    })
}

fn types(ws: &[Word]) -> Result<TypeSet, QueryError> {
    if ws.is_empty() {
        return Ok(TypeSet::any());
    }
    let mut m = 0u32;
    for w in ws {
        m |= 1 << entity_type(w)? as u32;
    }
    Ok(TypeSet(Some(m)))
}

fn rels(r: &RelFilter) -> Result<RelSet, QueryError> {
    match r {
        RelFilter::Semantic => Ok(RelSet::semantic()),
        RelFilter::All => Ok(RelSet::all()),
        RelFilter::Named(ws) => ws
            .iter()
            .map(|w| {
                RelationType::parse(&w.text).ok_or_else(|| {
                    QueryError::new(
                        ErrorKind::UnknownRelation {
                            name: w.text.clone(),
                        },
                        w.span.0.clone(),
                    )
                })
            })
            .collect(),
    }
}

/// Resolves an entity reference: `#id`, or a name or alias (exactly, else ignoring ASCII case
/// when that picks one name).
///
/// # Errors
/// [`ErrorKind::UnknownId`], [`ErrorKind::UnknownEntity`] with the closest names,
/// [`ErrorKind::AmbiguousEntity`] with the candidates.
pub fn resolve(g: &dyn GraphView, r: &EntityRef) -> Result<NodeId, QueryError> {
    let span = r.span();
    let name = match r {
        EntityRef::Id(id, _) => {
            return match g.node(NodeId(*id)) {
                Some(_) => Ok(NodeId(*id)),
                None => Err(QueryError::new(
                    ErrorKind::UnknownId {
                        id: *id,
                        count: g.node_count(),
                    },
                    span,
                )),
            }
        }
        EntityRef::Name(n, _) => n,
    };
    let mut ids = g.lookup(name);
    let unquoted = name.trim_start_matches('《').trim_end_matches('》');
    if ids.is_empty() && unquoted != name {
        // 《规划》 → the plan's name as the graph keeps it, without the title marks.
        ids = g.lookup(unquoted);
    }
    let folded;
    if ids.is_empty() && name.chars().any(|c| c.is_ascii_alphabetic()) {
        folded = g
            .names()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .collect::<Vec<_>>();
        if folded.len() == 1 {
            ids = folded[0].1;
        }
    }
    // A node named exactly so wins over nodes that only have it as an alias.
    let named: Vec<NodeId> = if ids.len() > 1 {
        ids.iter()
            .copied()
            .filter(|&id| g.node(id).is_some_and(|n| n.name == *name))
            .collect()
    } else {
        Vec::new()
    };
    if let [one] = named.as_slice() {
        return Ok(*one);
    }
    match ids {
        [one] => Ok(*one),
        [] => Err(QueryError::new(
            ErrorKind::UnknownEntity {
                name: name.clone(),
                suggestions: suggest(g, name),
            },
            span,
        )),
        many => {
            let mut ids = many.to_vec();
            ids.sort();
            let candidates = ids
                .into_iter()
                .take(CANDIDATES)
                .filter_map(|id| {
                    g.node(id).map(|n| Candidate {
                        name: n.name.clone(),
                        kind: n.kind.as_str().to_string(),
                        id: id.0,
                        detail: detail(n),
                    })
                })
                .collect();
            Err(QueryError::new(
                ErrorKind::AmbiguousEntity {
                    name: name.clone(),
                    candidates,
                },
                span,
            ))
        }
    }
}

/// A target's value, unit and year, to tell apart targets of one metric.
fn detail(n: &crate::graph::Node) -> Option<String> {
    if n.kind != EntityType::Target {
        return None;
    }
    let get = |k: &str| {
        n.attrs.get(k).map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let value = format!(
        "{}{}",
        get("value").unwrap_or_default(),
        get("unit").unwrap_or_default()
    );
    let parts: Vec<String> = [Some(value).filter(|v| !v.is_empty()), get("year")]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The names and aliases closest to `name`: those containing it or contained in it first (by
/// length difference), then those within a small edit distance counted in characters.
pub fn suggest(g: &dyn GraphView, name: &str) -> Vec<String> {
    let q = name
        .trim_start_matches('《')
        .trim_end_matches('》')
        .to_lowercase();
    if q.trim().is_empty() {
        return Vec::new();
    }
    let qlen = q.chars().count();
    let budget = (qlen / 2).max(1);
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    for (n, _) in g.names() {
        let l = n.to_lowercase();
        let nlen = l.chars().count();
        if nlen == 0 {
            continue;
        }
        if l.contains(&q) || q.contains(&l) {
            scored.push((0, nlen.abs_diff(qlen), n));
        } else if nlen.abs_diff(qlen) <= budget {
            let d = strsim::levenshtein(&q, &l);
            if d <= budget {
                scored.push((1, d, n));
            }
        }
    }
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, _, n) in scored {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
        if out.len() == SUGGESTIONS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{KnowledgeGraph, Node};
    use crate::query::ast::Span;

    fn node(name: &str, kind: EntityType, aliases: &[&str]) -> Node {
        Node {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            docs: vec![],
            years: vec![],
            attrs: Default::default(),
        }
    }

    fn name(n: &str) -> EntityRef {
        EntityRef::Name(n.into(), Span(0..n.len()))
    }

    #[test]
    fn a_name_wins_over_an_alias() {
        let mut g = KnowledgeGraph::default();
        let city = g.add_node(node("云州", EntityType::Place, &[]));
        g.add_node(node("云州市人民政府", EntityType::Organization, &["云州"]));
        assert_eq!(resolve(&g, &name("云州")), Ok(city));
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let mut g = KnowledgeGraph::default();
        g.add_node(node("青岚集团", EntityType::Enterprise, &["青岚"]));
        g.add_node(node("Qinglan Group", EntityType::Enterprise, &[]));
        assert_eq!(resolve(&g, &name("qinglan group")), Ok(NodeId(1)));
        let e = resolve(&g, &name("青蓝集团")).unwrap_err();
        assert_eq!(
            e.kind,
            ErrorKind::UnknownEntity {
                name: "青蓝集团".into(),
                suggestions: vec!["青岚集团".into()]
            }
        );
    }
}
