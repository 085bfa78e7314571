//! Clustering mentions into entities. Mentions are grouped by normalised name and voted type;
//! groups are then joined (union-find, lowest group wins) by declared aliases, company and place
//! short forms and the user's registry. Each cluster becomes one [`Entity`] whose name is its most
//! complete form, every other form an alias, and every join recorded in `merged_from`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{json, Value};

use super::names::{company_base, normalise, place_base, trade_base};
use super::votes::{majority, NameVotes, Verdict};
use super::{AliasRegistry, Entity};
use crate::extract::DocExtraction;
use crate::ingest::Document;
use crate::model::EntityType;

/// The entities of a build and which entity each mention became.
pub(super) struct Clusters {
    /// Sorted by type order, then first appearance, then name.
    pub entities: Vec<Entity>,
    /// Per document, per mention: its entity (None for a mention with an empty name).
    pub of_mention: Vec<Vec<Option<usize>>>,
}

/// Mentions of one name (and type), or of a short form declared in one document.
struct Group<'n> {
    name: &'n str,
    kind: EntityType,
    mentions: usize,
    first: (usize, usize, usize),
    /// Documents it is mentioned in, in order (mentions are visited in document order).
    docs: Vec<usize>,
}

/// Why two groups were joined.
struct Join {
    a: usize,
    b: usize,
    reason: String,
}

#[derive(Default)]
struct Forest {
    parent: Vec<usize>,
}

impl Forest {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi] = lo;
    }
}

/// A group's key: (name id, kind, declaring document).
type Key = (usize, EntityType, Option<usize>);

#[derive(Default)]
struct Builder<'n> {
    groups: Vec<Group<'n>>,
    /// (name id, kind, declaring document) → group.
    index: FxHashMap<Key, usize>,
    joins: Vec<Join>,
    /// Forms that were never mentioned but belong to a group (declared or registered aliases).
    extra: BTreeMap<usize, BTreeSet<String>>,
    notes: BTreeMap<usize, Vec<Value>>,
}

impl<'n> Builder<'n> {
    fn group(&mut self, key: Key, name: &'n str, at: (usize, usize, usize)) -> usize {
        let next = self.groups.len();
        let id = *self.index.entry(key).or_insert(next);
        if id == next {
            self.groups.push(Group {
                name,
                kind: key.1,
                mentions: 0,
                first: at,
                docs: Vec::new(),
            });
        }
        let g = &mut self.groups[id];
        g.mentions += 1;
        g.first = g.first.min(at);
        if g.docs.last() != Some(&at.0) {
            g.docs.push(at.0);
        }
        id
    }

    fn join(&mut self, a: usize, b: usize, reason: impl Into<String>) {
        if a != b {
            self.joins.push(Join {
                a,
                b,
                reason: reason.into(),
            });
        }
    }
}

/// Groups every mention of every document into entities.
pub(super) fn cluster(
    docs: &[Document],
    doc_id: &[Arc<str>],
    extractions: &[DocExtraction],
    registry: &AliasRegistry,
) -> Clusters {
    // Borrowed from the mentions where normalising changes nothing (most names).
    let names: Vec<Vec<Cow<str>>> = extractions
        .iter()
        .map(|ex| ex.mentions.iter().map(|m| normalise(&m.name)).collect())
        .collect();
    // Short forms a document declares: (document, alias) → the mentions they stand for.
    let mut declared: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (d, ex) in extractions.iter().enumerate() {
        for a in &ex.aliases {
            let alias = normalise(&a.alias).into_owned();
            match names[d].get(a.mention) {
                Some(full) if !alias.is_empty() && *full != alias && !full.is_empty() => {
                    declared.entry((d, alias)).or_default().push(a.mention)
                }
                _ => {}
            }
        }
    }
    let declared_names: FxHashSet<(usize, &str)> =
        declared.keys().map(|(d, a)| (*d, a.as_str())).collect();
    let is_declared =
        |d: usize, n: &str| !declared_names.is_empty() && declared_names.contains(&(d, n));
    // Each distinct name once: every later step finds a mention's name by its id.
    let mut name_ids: FxHashMap<&str, usize> = FxHashMap::default();
    let ids: Vec<Vec<usize>> = names
        .iter()
        .map(|row| {
            row.iter()
                .map(|n| {
                    let next = name_ids.len();
                    *name_ids.entry(n).or_insert(next)
                })
                .collect()
        })
        .collect();

    let mut votes: Vec<NameVotes> = Vec::new();
    votes.resize_with(name_ids.len(), NameVotes::default);
    for (d, ex) in extractions.iter().enumerate() {
        for ((m, n), &id) in ex.mentions.iter().zip(&names[d]).zip(&ids[d]) {
            if !n.is_empty() && !is_declared(d, n) {
                votes[id].add(d, m.kind);
            }
        }
    }
    let verdicts: Vec<Option<Verdict>> = votes
        .iter()
        .map(|v| (!v.is_empty()).then(|| v.verdict()))
        .collect();

    let mut b = Builder::default();
    let mut of_group: Vec<Vec<Option<usize>>> = Vec::with_capacity(extractions.len());
    for (d, ex) in extractions.iter().enumerate() {
        let mut row = Vec::with_capacity(ex.mentions.len());
        for ((m, n), &id) in ex.mentions.iter().zip(&names[d]).zip(&ids[d]) {
            if n.is_empty() {
                row.push(None);
                continue;
            }
            let at = (d, m.sentence, m.span.start);
            let key = if is_declared(d, n) {
                (id, EntityType::Unknown, Some(d))
            } else {
                let kind = verdicts[id]
                    .as_ref()
                    .and_then(|v| v.kind_in(d))
                    .unwrap_or(m.kind);
                (id, kind, None)
            };
            let g = b.group(key, n, at);
            if b.groups[g].kind == EntityType::Unknown {
                b.groups[g].kind = m.kind;
            }
            row.push(Some(g));
        }
        of_group.push(row);
    }
    // Each overruled name's notes go to its one group (in any order: `finish` sorts them).
    for (id, v) in verdicts.iter().enumerate() {
        let Some(v) = v.as_ref().filter(|v| !v.overruled.is_empty()) else {
            continue;
        };
        if let Some(&g) = b.index.get(&(id, v.primary, None)) {
            let name = b.groups[g].name;
            for (kind, n) in &v.overruled {
                b.notes.entry(g).or_default().push(json!({
                    "form": name,
                    "reason": format!("type vote: typed {kind} in {n} document(s), {} kept", v.primary),
                }));
            }
        }
    }

    join_declared(&mut b, docs, &declared, &name_ids, &of_group, &names);
    join_short_forms(&mut b);
    let forced = join_registry(&mut b, registry);
    finish(b, docs, doc_id, &of_group, forced)
}

/// A declared short form joins the mention it stands for; one never mentioned becomes an alias.
fn join_declared(
    b: &mut Builder,
    docs: &[Document],
    declared: &BTreeMap<(usize, String), Vec<usize>>,
    name_ids: &FxHashMap<&str, usize>,
    of_group: &[Vec<Option<usize>>],
    names: &[Vec<Cow<str>>],
) {
    for ((d, alias), targets) in declared {
        let doc = docs.get(*d).map(|x| x.id.as_str()).unwrap_or("");
        let local = name_ids
            .get(alias.as_str())
            .and_then(|&id| b.index.get(&(id, EntityType::Unknown, Some(*d))))
            .copied();
        for &m in targets {
            let Some(Some(full)) = of_group.get(*d).and_then(|r| r.get(m)) else {
                continue;
            };
            let full = *full;
            match local {
                Some(g) => b.join(full, g, format!("declared alias in {doc}")),
                None => {
                    b.extra.entry(full).or_default().insert(alias.clone());
                    b.notes.entry(full).or_default().push(json!({
                        "forms": [names[*d][m], alias],
                        "reason": format!("declared alias in {doc}"),
                    }));
                }
            }
        }
    }
}

/// 星海 ↔ 星海集团: enterprises sharing a bare name once company suffixes are stripped.
/// 济南 ↔ 济南市: a place and the one place that is its name plus 市/省/区/县.
fn join_short_forms(b: &mut Builder) {
    let mut companies: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut places: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (&(_, kind, at), &g) in &b.index {
        if at.is_some() {
            continue;
        }
        let name = b.groups[g].name;
        match kind {
            EntityType::Enterprise => companies.entry(company_base(name)).or_default().push(g),
            EntityType::Place => {
                let (base, suffix) = place_base(name);
                let e = places.entry(base).or_default();
                if suffix.is_some() {
                    e.1.push(g);
                } else {
                    e.0.push(g);
                }
            }
            _ => {}
        }
    }
    let mut joins = Vec::new();
    for gs in companies.values() {
        let mut gs = gs.clone();
        gs.sort_unstable();
        for &g in &gs[1..] {
            joins.push((gs[0], g, "company suffix"));
        }
    }
    // 圣泉 ↔ 圣泉生物: a brand and its one longer form with a trade word.
    let mut trades: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for base in companies.keys() {
        if let Some(brand) = trade_base(base).filter(|b| companies.contains_key(*b)) {
            trades.entry(brand).or_default().push(base);
        }
    }
    for (brand, longer) in &trades {
        if let [one] = longer.as_slice() {
            joins.push((companies[*brand][0], companies[*one][0], "trade suffix"));
        }
    }
    for (bare, suffixed) in places.values() {
        // 吉林 with both 吉林市 and 吉林省 is ambiguous: left alone.
        if let ([g], [s]) = (bare.as_slice(), suffixed.as_slice()) {
            joins.push((*g, *s, "place suffix"));
        }
    }
    for (a, c, why) in joins {
        b.join(a, c, why);
    }
}

/// The user's registry joins every group named by one line; the line's canonical name wins.
fn join_registry(b: &mut Builder, registry: &AliasRegistry) -> BTreeMap<usize, String> {
    let mut forced = BTreeMap::new();
    if registry.canonical.is_empty() {
        return forced;
    }
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &g in b.index.values() {
        by_name.entry(b.groups[g].name).or_default().push(g);
    }
    let mut joins = Vec::new();
    for (canonical, aliases) in registry.groups() {
        let mut hit: Vec<usize> = std::iter::once(canonical)
            .chain(aliases.iter().copied())
            .flat_map(|n| by_name.get(n).cloned().unwrap_or_default())
            .collect();
        hit.sort_unstable();
        hit.dedup();
        let Some(&first) = hit.first() else { continue };
        for &g in &hit[1..] {
            joins.push((first, g));
        }
        let extra: BTreeSet<String> = std::iter::once(canonical)
            .chain(aliases.iter().copied())
            .map(str::to_string)
            .collect();
        b.extra.entry(first).or_default().extend(extra);
        forced.insert(first, canonical.to_string());
    }
    for (a, c) in joins {
        b.join(a, c, "alias registry");
    }
    forced
}

/// Resolves the joins into clusters and the clusters into sorted entities.
fn finish(
    b: Builder,
    docs: &[Document],
    doc_id: &[Arc<str>],
    of_group: &[Vec<Option<usize>>],
    forced: BTreeMap<usize, String>,
) -> Clusters {
    let mut forest = Forest {
        parent: (0..b.groups.len()).collect(),
    };
    for j in &b.joins {
        forest.union(j.a, j.b);
    }
    let root_of: Vec<usize> = (0..b.groups.len()).map(|g| forest.find(g)).collect();
    // Each root's groups (a root is its cluster's lowest group, so roots come in order).
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); b.groups.len()];
    for (g, &root) in root_of.iter().enumerate() {
        members[root].push(g);
    }
    let mut joins_of: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
    for j in &b.joins {
        let (x, y) = (&b.groups[j.a].name, &b.groups[j.b].name);
        if x != y {
            joins_of
                .entry(root_of[j.a])
                .or_default()
                .push(json!({"forms": [x, y], "reason": j.reason}));
        }
    }
    let mut forced_root: BTreeMap<usize, String> = BTreeMap::new();
    for (g, name) in forced {
        forced_root.entry(root_of[g]).or_insert(name);
    }

    let mut built: Vec<(Entity, (usize, usize, usize), usize)> = Vec::new();
    for (root, gs) in members.iter().enumerate().filter(|(_, gs)| !gs.is_empty()) {
        let groups: Vec<&Group> = gs.iter().map(|&g| &b.groups[g]).collect();
        let kind = majority_kind(&groups);
        let name = forced_root
            .get(&root)
            .cloned()
            .unwrap_or_else(|| most_complete(&groups));
        let mut forms: BTreeSet<&str> = groups.iter().map(|g| g.name).collect();
        for g in gs {
            if let Some(extra) = b.extra.get(g) {
                forms.extend(extra.iter().map(String::as_str));
            }
        }
        forms.remove(name.as_str());
        let doc_idx: BTreeSet<usize> = groups.iter().flat_map(|g| g.docs.iter().copied()).collect();
        let mut doc_ids: Vec<Arc<str>> = doc_idx
            .iter()
            .filter_map(|&d| doc_id.get(d).cloned())
            .collect();
        doc_ids.sort();
        doc_ids.dedup();
        let years: BTreeSet<i32> = doc_idx
            .iter()
            .filter_map(|&d| docs.get(d).and_then(|x| x.year))
            .collect();
        let mut merged: Vec<Value> = joins_of.remove(&root).unwrap_or_default();
        for g in gs {
            merged.extend(b.notes.get(g).cloned().unwrap_or_default());
        }
        merged.sort_by_key(|v| v.to_string());
        merged.dedup();
        let mut attrs = indexmap::IndexMap::new();
        if !merged.is_empty() {
            attrs.insert("merged_from".to_string(), Value::Array(merged));
        }
        let first = groups.iter().map(|g| g.first).min().unwrap_or_default();
        built.push((
            Entity {
                name,
                kind,
                aliases: forms.into_iter().map(str::to_string).collect(),
                docs: doc_ids,
                years: years.into_iter().collect(),
                attrs,
            },
            first,
            root,
        ));
    }
    built.sort_by(|a, b| (a.0.kind, a.1, &a.0.name, a.2).cmp(&(b.0.kind, b.1, &b.0.name, b.2)));
    let mut entity_of_root = vec![None; b.groups.len()];
    for (i, (_, _, root)) in built.iter().enumerate() {
        entity_of_root[*root] = Some(i);
    }
    let of_mention = of_group
        .iter()
        .map(|row| {
            row.iter()
                .map(|g| g.and_then(|g| entity_of_root[root_of[g]]))
                .collect()
        })
        .collect();
    Clusters {
        entities: built.into_iter().map(|x| x.0).collect(),
        of_mention,
    }
}

/// The cluster's type: most mentions, ties to the fixed type order.
fn majority_kind(groups: &[&Group]) -> EntityType {
    let mut votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    for g in groups {
        *votes.entry(g.kind).or_default() += g.mentions;
    }
    majority(votes.into_iter())
}

/// The most complete form: the longest (in characters), then the most mentioned, then the first
/// in code-point order.
fn most_complete(groups: &[&Group]) -> String {
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for g in groups {
        *by_name.entry(g.name).or_default() += g.mentions;
    }
    by_name
        .into_iter()
        .max_by(|a, b| {
            (a.0.chars().count(), a.1)
                .cmp(&(b.0.chars().count(), b.1))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}
