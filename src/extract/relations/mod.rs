//! Relations the text states between mentions (and targets): LOCATED_IN, IN_INDUSTRY, DEVELOPS,
//! PARTNERS_WITH, WORKS_FOR, PART_OF, RESPONSIBLE_FOR, SETS_TARGET and MEASURES, each with its
//! sentence, span and confidence.
//!
//! Each relation family has its own file of rules; this one holds the shared context (`Ctx`:
//! mentions by sentence, the document's city, duplicate suppression) and runs them in turn.
//! Never emits MENTIONS or CO_OCCURS (resolve makes those), never looks across documents.
//!
//! | file | rules (confidence) |
//! | --- | --- |
//! | `located` | wider place right before a narrower (0.8); `位于/落户 X` (0.8); district in divisions → city (0.8); place inside a name (0.75); `在X建设/设立A` (0.6); district + verb of building + list (0.5), an item's heading district (0.45); city → province (0.8/0.6) or 中国 (0.4); the document's city by default for its districts (0.6) and its local firms, projects and bodies (0.5), a province's document's province (0.4–0.5) |
//! | `respectively` | `在A、B分别建设X、Y` → X in A, Y in B, unrecognised leading items kept in step (0.65) |
//! | `develops` | project named after a firm (0.7); firm list right before a project (0.6); `A投资建设B`, `B由A投资建设` (0.55–0.6) |
//! | `industry` | industry inside a project's (0.6) or firm's (0.5) name; `X龙头企业A` (0.6); firm and industry lists paired by position (0.45); a firm in its projects' industries (0.4); the industry a sentence opens by building up (0.4); industries of a project's clause and the next (0.35) |
//! | `scope` | firms listed `A、B等龙头企业` → the industry of their item's heading, else of the title line (0.4) |
//! | `parts` | list closed by a head (`A、B等X`, `以A为代表的X`, `两个“X”`: 0.65), head opening a list (`X领域重点推动A、B`: 0.6) → PART_OF or IN_INDUSTRY by types; `X占Y比重`, `其中Y`, `X港区` of `X港` (0.5) |
//! | `policy` | `即：A、B` (0.7), `X：…；…A；` (0.5), the own plan's headings (0.6), `A作为B的组成部分` (0.55); `（责任单位：…）` → RESPONSIBLE_FOR the nearest policy (0.6) and the heading's (0.5) |
//! | `people`, `partners` | employer + titles + person (0.8), `张三（某某集团董事长）` (0.7), bylines → the news outlet (0.5); `A与B合作`, `A携手B` (0.7), `A…，与B签约` (0.55) |
//! | `goals` | document SETS_TARGET each target (0.9), a policy before it (0.5); MEASURES its subject (0.7) or the mention inside its words (0.5) |
//!
//! The cue words the rules look for are text data: `data/relation_cues.txt` (see `cues`).
//!
//! Pairs are formed only within a sentence, or between a mention and a document-level anchor
//! (the city, the plan, a heading), so the work is linear in the mentions.

mod city;
pub mod cues;
mod develops;
mod goals;
mod industry;
mod layout;
mod lists;
mod located;
mod partners;
mod parts;
mod people;
mod places;
mod policy;
mod respectively;
mod scope;

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use super::{Endpoint, Mention, RelationMention, TargetMention};
use crate::ingest::Document;
use crate::model::{EntityType, RelationType};

/// Finds the relations of a document between its mentions and targets.
///
/// # Complexity
/// Linear in the number of mentions and targets, times the length of a name (name look-ups scan
/// a name's substrings) — pairs of mentions are only ever formed within one sentence.
///
/// # Example
/// ```
/// use zhitu::extract::{relations::extract_relations, Mention};
/// use zhitu::ingest::parse_document;
/// use zhitu::model::EntityType;
/// let doc = parse_document("d.txt", "d.txt".as_ref(), "苏州市推进吴中区建设。".as_bytes()).unwrap();
/// let m = |name: &str, kind, at: usize| Mention {
///     name: name.into(), kind, sentence: 0, span: at..at + name.len(), confidence: 1.0 };
/// let mentions = vec![m("苏州市", EntityType::Place, 0), m("吴中区", EntityType::Place, 15)];
/// let rels = extract_relations(&doc, &mentions, &[]);
/// assert_eq!(rels.len(), 1); // 吴中区 LOCATED_IN 苏州市
/// ```
pub fn extract_relations(
    doc: &Document,
    mentions: &[Mention],
    targets: &[TargetMention],
) -> Vec<RelationMention> {
    let mut ctx = Ctx::new(doc, mentions, targets);
    located::run(&mut ctx);
    develops::run(&mut ctx);
    industry::run(&mut ctx);
    scope::run(&mut ctx);
    policy::run(&mut ctx);
    people::run(&mut ctx);
    partners::run(&mut ctx);
    goals::run(&mut ctx);
    ctx.out
}

/// What every rule sees: the document, its mentions grouped by sentence, and what was found.
pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub mentions: &'a [Mention],
    pub targets: &'a [TargetMention],
    /// Per sentence, the indices of its outermost mentions (not inside another one), in order.
    pub top: Vec<Vec<usize>>,
    /// The mention standing for the document's city, if any.
    pub city: Option<usize>,
    out: Vec<RelationMention>,
    /// (source key, relation, target key) → index in `out`.
    seen: FxHashMap<(Key, RelationType, Key), usize>,
    /// Per mention, the number standing for its name and kind (equal for equal pairs).
    name_ids: Vec<u32>,
    /// What [`Ctx::distinct`] returns, worked out once.
    distinct: Vec<usize>,
    /// Per sentence, its lists (`lists::groups`), worked out once: many rules read them.
    groups: Vec<Rc<[lists::Group]>>,
}

/// What a relation's end stands for when duplicates are suppressed: a mention's name and kind
/// (as a number from [`Ctx::name_ids`]), a target, or the document.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Name(u32),
    Target(usize),
    Document,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, mentions: &'a [Mention], targets: &'a [TargetMention]) -> Self {
        let mut top: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
        let mut order: Vec<usize> = (0..mentions.len())
            .filter(|&i| valid(doc, &mentions[i]))
            .collect();
        order.sort_by_key(|&i| {
            (
                mentions[i].span.start,
                std::cmp::Reverse(mentions[i].span.end),
            )
        });
        let mut reach = 0;
        for i in order {
            let m = &mentions[i];
            if m.span.start < reach {
                continue; // inside an earlier, longer mention
            }
            reach = m.span.end;
            top[m.sentence].push(i);
        }
        let mut ids: FxHashMap<(&str, EntityType), u32> =
            FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        let name_ids = mentions
            .iter()
            .map(|m| {
                let next = ids.len() as u32;
                *ids.entry((m.name.as_str(), m.kind)).or_insert(next)
            })
            .collect();
        let mut ctx = Ctx {
            doc,
            mentions,
            targets,
            top,
            city: None,
            out: Vec::new(),
            seen: FxHashMap::default(),
            name_ids,
            distinct: distinct(doc, mentions),
            groups: Vec::new(),
        };
        // sentences without mentions (most) share one empty list
        let none: Rc<[lists::Group]> = Rc::from([]);
        ctx.groups = (0..ctx.top.len())
            .map(|s| match ctx.top[s].is_empty() {
                true => none.clone(),
                false => lists::find_groups(&ctx, s).into(),
            })
            .collect();
        ctx.city = city::find_city(&ctx);
        ctx
    }

    /// The mention `i`.
    pub fn m(&self, i: usize) -> &'a Mention {
        &self.mentions[i]
    }

    /// The kind of mention `i`.
    pub fn kind(&self, i: usize) -> EntityType {
        self.mentions[i].kind
    }

    /// The document text between two byte offsets ("" when out of order or not on a char
    /// boundary).
    pub fn between(&self, from: usize, to: usize) -> &'a str {
        if from > to {
            return "";
        }
        self.doc.text.get(from..to).unwrap_or("")
    }

    /// Up to `n` characters of the text right before byte `pos`.
    pub fn before(&self, pos: usize, n: usize) -> &'a str {
        let Some(head) = self.doc.text.get(..pos) else {
            return "";
        };
        let start = head
            .char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(0, |(b, _)| b);
        &head[start..]
    }

    /// The text of sentence `s`.
    pub fn sentence(&self, s: usize) -> &'a str {
        self.doc
            .sentences
            .get(s)
            .and_then(|x| self.doc.text.get(x.span.clone()))
            .unwrap_or("")
    }

    /// Indices of every valid mention, in document order, each name and kind once (its first
    /// occurrence).
    pub fn distinct(&self) -> Vec<usize> {
        self.distinct.clone()
    }

    /// The relations recorded so far.
    pub fn relations(&self) -> &[RelationMention] {
        &self.out
    }

    /// Records a relation between two mentions, the span covering both.
    pub fn link(&mut self, a: usize, rel: RelationType, b: usize, conf: f32) {
        let (ma, mb) = (self.m(a), self.m(b));
        // Across sentences (a default, or a heading's scope) the evidence is the source's own.
        let span = if ma.sentence == mb.sentence {
            ma.span.start.min(mb.span.start)..ma.span.end.max(mb.span.end)
        } else {
            ma.span.clone()
        };
        self.push(
            Endpoint::Mention(a),
            rel,
            Endpoint::Mention(b),
            ma.sentence,
            span,
            conf,
        );
    }

    /// Records a relation between two mentions whose evidence is a third mention's words (a
    /// project's name stating the firm that builds it).
    pub fn link_at(&mut self, a: usize, rel: RelationType, b: usize, conf: f32, at: usize) {
        let m = self.m(at);
        self.push(
            Endpoint::Mention(a),
            rel,
            Endpoint::Mention(b),
            m.sentence,
            m.span.clone(),
            conf,
        );
    }

    /// Records a relation, keeping one per (source name, relation, target name): the most
    /// confident. Self-loops (same name) are dropped.
    pub fn push(
        &mut self,
        source: Endpoint,
        relation: RelationType,
        target: Endpoint,
        sentence: usize,
        span: Range<usize>,
        confidence: f32,
    ) {
        let (ks, kt) = (self.key(source), self.key(target));
        if ks == kt {
            return;
        }
        let rel = RelationMention {
            source,
            relation,
            target,
            sentence,
            span,
            confidence,
        };
        match self.seen.get(&(ks, relation, kt)) {
            Some(&i) => {
                if self.out[i].confidence < confidence {
                    self.out[i] = rel;
                }
            }
            None => {
                self.seen.insert((ks, relation, kt), self.out.len());
                self.out.push(rel);
            }
        }
    }

    fn key(&self, e: Endpoint) -> Key {
        match e {
            Endpoint::Mention(i) => Key::Name(self.name_ids[i]),
            Endpoint::Target(i) => Key::Target(i),
            Endpoint::Document => Key::Document,
        }
    }
}

/// Indices of every valid mention, in document order, each name and kind once.
fn distinct(doc: &Document, mentions: &[Mention]) -> Vec<usize> {
    let mut seen = FxHashSet::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut idx: Vec<usize> = (0..mentions.len())
        .filter(|&i| valid(doc, &mentions[i]))
        .collect();
    idx.sort_by_key(|&i| mentions[i].span.start);
    idx.retain(|&i| seen.insert((mentions[i].name.as_str(), mentions[i].kind)));
    idx
}

/// A mention whose sentence and span fit the document.
fn valid(doc: &Document, m: &Mention) -> bool {
    m.sentence < doc.sentences.len()
        && m.span.start < m.span.end
        && doc.text.get(m.span.clone()).is_some()
}

/// Removes quotes, book-title marks and white space from a stretch of text between mentions
/// (borrowed when there are none, as is most often the case).
pub(crate) fn clean_gap(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_gap_mark) {
        Cow::Owned(s.chars().filter(|&c| !is_gap_mark(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// [`clean_gap`] of `s` when that keeps at most `max` characters, else `None` — found without
/// reading past the `max + 1`-th kept character, so a rule that only reads short gaps does not
/// scan the long stretches between distant mentions.
pub(crate) fn clean_gap_within(s: &str, max: usize) -> Option<Cow<'_, str>> {
    let mut kept = 0;
    let mut marks = false;
    for c in s.chars() {
        if is_gap_mark(c) {
            marks = true;
        } else {
            kept += 1;
            if kept > max {
                return None;
            }
        }
    }
    Some(if marks {
        Cow::Owned(s.chars().filter(|&c| !is_gap_mark(c)).collect())
    } else {
        Cow::Borrowed(s)
    })
}

/// What [`clean_gap`] removes: quotes, book-title marks and white space.
pub(crate) fn is_gap_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '「' | '」'
    ) || c.is_whitespace()
}

/// Whether a stretch of text holds clause punctuation.
pub(crate) fn has_break(s: &str) -> bool {
    s.contains(|c: char| {
        matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '\n'
        )
    })
}

#[cfg(test)]
mod tests;
