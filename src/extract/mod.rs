//! Extraction: rules that turn a document's tokens and text patterns into entity mentions,
//! quantified targets and relations, each with its evidence (sentence and byte span) and a
//! confidence. Never deduplicates across mentions (that is `resolve`), never imports petgraph.
//!
//! Mentions come from one jieba pass over the text, its tokens shared out by sentence, and these
//! rules, strongest first: a user's `--dict` entries (`dictionary`), book titles and quoted names
//! (`spans`), lists typed by their closing noun (`lists`), fixed bodies and industry vocabulary
//! (`dictionary`), names grown leftwards from a suffix (`names`, `grow`, `brands`), people next to
//! titles (`people`) and places (`places`); `select` settles overlaps, gives each name one type
//! and echoes names to their other occurrences. The dictionaries are general facts in `data/extract_*.txt`.

mod brands;
mod dictionary;
mod grow;
mod lexicon;
mod lists;
mod names;
mod people;
mod places;
pub mod relations;
mod select;
mod spans;
pub mod targets;

use std::ops::Range;

use crate::ingest::Document;
use crate::model::{EntityType, RelationType};
use crate::segment::{Segmenter, Token};

/// A named entity as it appears once in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name as written, book-title marks and quotes stripped.
    pub name: String,
    pub kind: EntityType,
    pub sentence: usize,
    /// Byte span in [`Document::text`].
    pub span: Range<usize>,
    pub confidence: f32,
}

/// A quantified goal or reported figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMention {
    /// What is measured (`软件和信息技术服务业营业收入`).
    pub metric: String,
    pub value: f64,
    /// The unit as written, numeral prefixes included (`亿元`, `%`, `万千瓦`).
    pub unit: String,
    /// The year the goal is for or the figure reported for, worked out from context.
    pub year: Option<i32>,
    /// `以上`, `左右`, `突破`, `不低于` …, where the text gives one.
    pub comparator: Option<String>,
    /// The shortest span stating it.
    pub text: String,
    pub sentence: usize,
    pub span: Range<usize>,
    /// The mention the figure measures (an industry, enterprise or place), if any.
    pub subject: Option<usize>,
}

/// One end of an extracted relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// Index into [`DocExtraction::mentions`].
    Mention(usize),
    /// Index into [`DocExtraction::targets`].
    Target(usize),
    /// The document itself.
    Document,
}

/// A relation the text states, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    pub source: Endpoint,
    pub relation: RelationType,
    pub target: Endpoint,
    pub sentence: usize,
    /// Byte span in [`Document::text`] of the words that state it.
    pub span: Range<usize>,
    pub confidence: f32,
}

/// A short form the document declares for a mention (`（以下简称“专项规划”）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasMention {
    pub alias: String,
    /// Index into [`DocExtraction::mentions`].
    pub mention: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocExtraction {
    pub mentions: Vec<Mention>,
    pub targets: Vec<TargetMention>,
    pub relations: Vec<RelationMention>,
    pub aliases: Vec<AliasMention>,
}

/// A user's vocabulary (`--dict`): names with the type they must get.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<(String, Option<EntityType>)>,
}

/// A candidate mention before overlaps are settled: absolute byte span, name, type, confidence
/// and the priority of the rule that proposed it (higher wins a conflict).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub span: Range<usize>,
    pub name: String,
    pub kind: EntityType,
    pub conf: f32,
    pub prio: u8,
}

/// Rule priorities, highest first.
pub(crate) mod prio {
    pub const USER: u8 = 100;
    pub const TITLE: u8 = 90;
    pub const LIST: u8 = 75;
    pub const DICT: u8 = 70;
    pub const SUFFIX: u8 = 60;
    pub const QUOTE: u8 = 55;
    pub const INDUSTRY: u8 = 50;
    pub const PERSON: u8 = 45;
    pub const PLACE: u8 = 40;
}

/// One sentence with its tokens (spans relative to the sentence) and its offset in the document.
pub(crate) struct Sent<'a> {
    pub text: &'a str,
    pub base: usize,
    pub toks: Vec<Token<'a>>,
    /// Per byte offset of `text` (and its end), whether a token starts or ends there.
    bounds: Vec<bool>,
}

impl<'a> Sent<'a> {
    /// The sentence `text` at byte `base` of its document, segmented into `toks`.
    pub fn new(text: &'a str, base: usize, toks: Vec<Token<'a>>) -> Self {
        let mut bounds = vec![false; text.len() + 1];
        bounds[0] = true;
        bounds[text.len()] = true;
        for t in &toks {
            for at in [t.span.start, t.span.end] {
                if let Some(b) = bounds.get_mut(at) {
                    *b = true;
                }
            }
        }
        Sent {
            text,
            base,
            toks,
            bounds,
        }
    }

    /// A candidate for the sentence-relative span `r`, named by its text with marks stripped.
    pub fn cand(&self, r: Range<usize>, kind: EntityType, conf: f32, prio: u8) -> Option<Cand> {
        let name = strip_marks(self.text.get(r.clone())?);
        // two characters at least
        name.chars().nth(1)?;
        Some(Cand {
            span: r.start + self.base..r.end + self.base,
            name,
            kind,
            conf,
            prio,
        })
    }

    /// The token starting at `pos` (relative), if any. Tokens are in order and do not overlap
    /// (as jieba gives them), so this and the look-ups below are binary searches.
    pub fn tok_starting(&self, pos: usize) -> Option<&Token<'a>> {
        let k = self.toks.partition_point(|t| t.span.start < pos);
        self.toks.get(k).filter(|t| t.span.start == pos)
    }

    /// The token ending at `pos` (relative), if any.
    pub fn tok_ending(&self, pos: usize) -> Option<&Token<'a>> {
        let k = self.toks.partition_point(|t| t.span.end < pos);
        self.toks.get(k).filter(|t| t.span.end == pos)
    }

    /// The last token ending at or before `pos` (relative).
    pub fn tok_before(&self, pos: usize) -> Option<&Token<'a>> {
        let k = self.toks.partition_point(|t| t.span.end <= pos);
        k.checked_sub(1).and_then(|k| self.toks.get(k))
    }

    /// The first token starting at or after `pos` (relative).
    pub fn tok_after(&self, pos: usize) -> Option<&Token<'a>> {
        let k = self.toks.partition_point(|t| t.span.start < pos);
        self.toks.get(k)
    }

    /// The tokens lying inside `r` (relative), in order.
    pub fn toks_in(&self, r: Range<usize>) -> &[Token<'a>] {
        let from = self.toks.partition_point(|t| t.span.start < r.start);
        let to = self.toks.partition_point(|t| t.span.end <= r.end);
        self.toks.get(from..to).unwrap_or(&[])
    }

    /// The tokens overlapping `r` (relative), in order.
    pub fn toks_over(&self, r: Range<usize>) -> &[Token<'a>] {
        let from = self.toks.partition_point(|t| t.span.end <= r.start);
        let to = self.toks.partition_point(|t| t.span.start < r.end);
        self.toks.get(from..to).unwrap_or(&[])
    }

    /// Whether `pos` (relative) is a token boundary.
    pub fn is_boundary(&self, pos: usize) -> bool {
        self.bounds.get(pos).copied().unwrap_or(false)
    }
}

/// A document segmented once, handed out sentence by sentence. jieba segments within runs of
/// Chinese characters, letters and digits, and sentences end at punctuation or line breaks, so a
/// sentence's tokens are the document's tokens inside its span; one call for the whole text
/// saves jieba's per-call set-up on every sentence.
struct DocTokens<'a> {
    text: &'a str,
    seg: &'a Segmenter,
    toks: std::iter::Peekable<std::vec::IntoIter<Token<'a>>>,
}

impl<'a> DocTokens<'a> {
    fn new(text: &'a str, seg: &'a Segmenter) -> Self {
        let toks = seg.tag(text).into_iter().peekable();
        DocTokens { text, seg, toks }
    }

    /// The tokens of the sentence at `span` (sentences come in order), with spans relative to
    /// it. Should they not tile the sentence exactly (a token straddling its edge), the sentence
    /// is segmented on its own.
    fn of(&mut self, span: Range<usize>) -> Vec<Token<'a>> {
        while self.toks.next_if(|t| t.span.end <= span.start).is_some() {}
        let mut out = Vec::new();
        let mut at = span.start;
        let mut tiled = true;
        while let Some(t) = self.toks.next_if(|t| t.span.start < span.end) {
            tiled &= t.span.start == at && t.span.end <= span.end;
            at = t.span.end;
            out.push(Token {
                span: t.span.start.saturating_sub(span.start)..t.span.end - span.start,
                ..t
            });
        }
        if tiled && at == span.end {
            return out;
        }
        self.text
            .get(span)
            .map(|s| self.seg.tag(s))
            .unwrap_or_default()
    }
}

/// A name with book-title marks and quotes removed, white space dropped.
pub(crate) fn strip_marks(s: &str) -> String {
    let mark =
        |c: char| matches!(c, '《' | '》' | '“' | '”' | '‘' | '’' | '"') || c.is_whitespace();
    if !s.contains(mark) {
        return s.to_owned();
    }
    s.chars().filter(|&c| !mark(c)).collect()
}

/// Extracts mentions, targets and relations from one document. Mentions are sorted by span;
/// each span lies inside its sentence and covers the name as written (marks included).
///
/// # Complexity
/// One segmentation pass over the text, then work linear in the tokens and dictionary size.
///
/// # Example
/// ```
/// use std::path::Path;
/// use zhitu::extract::{extract, Lexicon};
/// use zhitu::ingest::parse_document;
/// use zhitu::model::EntityType;
/// use zhitu::segment::Segmenter;
///
/// let text = "以远航集团、海川电子等企业为代表的集成电路行业增长较快。";
/// let doc = parse_document("d.txt", Path::new("d.txt"), text.as_bytes()).unwrap();
/// let ex = extract(&doc, &Segmenter::new(), &Lexicon::default());
/// assert!(ex.mentions.iter().any(|m| m.name == "远航集团" && m.kind == EntityType::Enterprise));
/// assert!(ex.mentions.iter().any(|m| m.kind == EntityType::Industry));
/// ```
pub fn extract(doc: &Document, seg: &Segmenter, lexicon: &Lexicon) -> DocExtraction {
    // per sentence, its candidates
    let mut cands: Vec<Vec<Cand>> = Vec::with_capacity(doc.sentences.len());
    let divs = crate::segment::divisions::Divisions::get();
    let city = doc
        .city
        .as_deref()
        .and_then(|c| divs.lookup(c))
        .filter(|d| divs.is_city(d))
        .or_else(|| places::doc_city(&doc.title, &doc.text));
    let mut doc_toks = DocTokens::new(&doc.text, seg);
    for s in &doc.sentences {
        let Some(text) = doc.text.get(s.span.clone()) else {
            cands.push(Vec::new());
            continue;
        };
        let sent = Sent::new(text, s.span.start, doc_toks.of(s.span.clone()));
        let mut local = Vec::new();
        dictionary::user_entries(&sent, lexicon, &mut local);
        spans::book_titles(&sent, &mut local);
        spans::quotes(&sent, &mut local);
        names::suffixed(&sent, &mut local);
        dictionary::fixed(&sent, &mut local);
        lists::lists(&sent, &mut local);
        people::people(&sent, &mut local);
        people::outlets(&sent, &mut local);
        places::places(&sent, city, &mut local);
        cands.push(local);
    }
    let mentions = select::settle(doc, cands);
    let aliases = spans::aliases(doc, &mentions);
    let targets = targets::extract_targets(doc, &mentions);
    let relations = relations::extract_relations(doc, &mentions, &targets);
    DocExtraction {
        mentions,
        targets,
        relations,
        aliases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::split_sentences;

    /// A sentence's share of the document's tokens is what segmenting it alone gives, whatever
    /// marks, spaces and scripts sit at its edges.
    #[test]
    fn sentence_tokens_from_the_document_match_segmenting_the_sentence() {
        let text = "一、总体要求\n他说：“好。”■ 工业增长；  服务业 ABC-1增长 12.5%!OK? 年产值\
                    突破100亿元（含）。\r\n● 新一代信息技术产业、高端装备等产业 ";
        let seg = Segmenter::new();
        let mut doc = DocTokens::new(text, &seg);
        for s in split_sentences(text) {
            let alone = seg.tag(&text[s.span.clone()]);
            assert_eq!(doc.of(s.span.clone()), alone, "{}", &text[s.span]);
        }
    }
}
