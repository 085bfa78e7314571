//! The word lists target extraction reads: units with their magnitude prefixes
//! (`data/target_units.txt`), comparators (`data/target_comparators.txt`) and the words around a
//! figure that tell where its metric is (`data/target_words.txt`). Parsed once, on first use.
//! Each list groups its words by the character they start and end with, so that a look-up
//! compares only the words that can match there. Touches nothing else.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What a unit measures; decides which prefixes it takes and whether a figure in it may be a
/// mere descriptor of a noun ("500万元以上项目").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Money,
    Count,
    Measure,
    Time,
    Percent,
    Rank,
}

impl UnitClass {
    fn parse(s: &str) -> Option<UnitClass> {
        Some(match s {
            "money" => UnitClass::Money,
            "count" => UnitClass::Count,
            "measure" => UnitClass::Measure,
            "time" => UnitClass::Time,
            "percent" => UnitClass::Percent,
            "rank" => UnitClass::Rank,
            _ => return None,
        })
    }

    /// Whether a magnitude word (万, 亿) may stand before the unit.
    pub fn takes_prefix(self) -> bool {
        !matches!(self, UnitClass::Percent | UnitClass::Rank)
    }
}

/// The embedded unit list.
pub const UNITS: &str = include_str!("../../../data/target_units.txt");
/// The embedded comparator list.
pub const COMPARATORS: &str = include_str!("../../../data/target_comparators.txt");
/// The embedded list of words around figures.
pub const WORDS: &str = include_str!("../../../data/target_words.txt");

/// A word list, longest word first, and the same words grouped by the character they start
/// with and by the one they end with (each group longest first too).
#[derive(Debug, Default)]
pub struct Words {
    words: Vec<&'static str>,
    by_first: FxHashMap<char, Vec<&'static str>>,
    by_last: FxHashMap<char, Vec<&'static str>>,
}

impl Words {
    /// Sorts the words longest first (dropping adjacent repeats) and groups them by their ends.
    fn finish(&mut self) {
        self.words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        self.words.dedup();
        for &w in &self.words {
            if let (Some(first), Some(last)) = (w.chars().next(), w.chars().next_back()) {
                self.by_first.entry(first).or_default().push(w);
                self.by_last.entry(last).or_default().push(w);
            }
        }
    }

    /// The words, longest first.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }
}

/// What [`starts_with_any`] and [`ends_with_any`] search: a [`Words`] list or a constant array.
pub trait WordSet {
    /// The longest word that `s` starts with.
    fn starting(&self, s: &str) -> Option<&'static str>;
    /// The longest word that `s` ends with.
    fn ending(&self, s: &str) -> Option<&'static str>;
}

impl WordSet for Words {
    fn starting(&self, s: &str) -> Option<&'static str> {
        let group = self.by_first.get(&s.chars().next()?)?;
        group.iter().copied().find(|w| s.starts_with(w))
    }

    fn ending(&self, s: &str) -> Option<&'static str> {
        let group = self.by_last.get(&s.chars().next_back()?)?;
        group.iter().copied().find(|w| s.ends_with(w))
    }
}

impl<const N: usize> WordSet for [&'static str; N] {
    fn starting(&self, s: &str) -> Option<&'static str> {
        self.iter().copied().find(|w| s.starts_with(w))
    }

    fn ending(&self, s: &str) -> Option<&'static str> {
        self.iter().copied().find(|w| s.ends_with(w))
    }
}

/// The units, longest first, grouped by the character they start with.
#[derive(Debug, Default)]
pub struct Units {
    units: Vec<(&'static str, UnitClass)>,
    by_first: FxHashMap<char, Vec<(&'static str, UnitClass)>>,
}

impl Units {
    /// The longest unit that `s` starts with, and its class.
    pub fn at_start(&self, s: &str) -> Option<(&'static str, UnitClass)> {
        let group = self.by_first.get(&s.chars().next()?)?;
        group.iter().find(|(u, _)| s.starts_with(u)).copied()
    }
}

/// All word lists, each sorted longest first so that the first match is the longest.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub prefixes: Words,
    pub units: Units,
    pub ascii_units: Words,
    pub per: Words,
    pub before: Words,
    pub after: Words,
    pub lead: Words,
    pub link: Words,
    pub action: Words,
    pub prep: Words,
    pub follow: Words,
    pub change: Words,
    pub stop: Words,
    /// Lines that could not be read: (file, 1-based line number).
    pub bad_lines: Vec<(&'static str, usize)>,
}

/// The lexicon built from the embedded lists.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

impl Lexicon {
    fn embedded() -> Lexicon {
        let mut lx = Lexicon::default();
        for (file, text) in [
            ("target_units.txt", UNITS),
            ("target_comparators.txt", COMPARATORS),
            ("target_words.txt", WORDS),
        ] {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if !lx.add_line(line) {
                    lx.bad_lines.push((file, n + 1));
                }
            }
        }
        for list in [
            &mut lx.prefixes,
            &mut lx.ascii_units,
            &mut lx.per,
            &mut lx.before,
            &mut lx.after,
            &mut lx.lead,
            &mut lx.link,
            &mut lx.action,
            &mut lx.prep,
            &mut lx.follow,
            &mut lx.change,
            &mut lx.stop,
        ] {
            list.finish();
        }
        lx.units.units.sort_by_key(|u| std::cmp::Reverse(u.0.len()));
        for &(u, class) in &lx.units.units {
            if let Some(first) = u.chars().next() {
                lx.units.by_first.entry(first).or_default().push((u, class));
            }
        }
        lx
    }

    fn add_line(&mut self, line: &'static str) -> bool {
        let mut parts = line.split_whitespace();
        let (Some(kind), Some(word)) = (parts.next(), parts.next()) else {
            return false;
        };
        let list = match kind {
            "unit" => {
                let Some(class) = parts.next().and_then(UnitClass::parse) else {
                    return false;
                };
                self.units.units.push((word, class));
                return parts.next().is_none();
            }
            "prefix" => &mut self.prefixes,
            "ascii" => &mut self.ascii_units,
            "per" => &mut self.per,
            "before" => &mut self.before,
            "after" => &mut self.after,
            "lead" => &mut self.lead,
            "link" => &mut self.link,
            "action" => &mut self.action,
            "prep" => &mut self.prep,
            "follow" => &mut self.follow,
            "change" => &mut self.change,
            "stop" => &mut self.stop,
            _ => return false,
        };
        list.words.push(word);
        parts.next().is_none()
    }
}

/// The longest word of `list` that `s` starts with (the first in the list's order).
pub fn starts_with_any<L: WordSet + ?Sized>(s: &str, list: &L) -> Option<&'static str> {
    list.starting(s)
}

/// The longest word of `list` that `s` ends with (the first in the list's order).
pub fn ends_with_any<L: WordSet + ?Sized>(s: &str, list: &L) -> Option<&'static str> {
    list.ending(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_without_bad_lines() {
        assert_eq!(LEXICON.bad_lines, Vec::new());
        assert_eq!(
            LEXICON.units.at_start("个百分点以上").map(|u| u.0),
            Some("个百分点")
        );
        assert_eq!(starts_with_any("达到", &LEXICON.link), Some("达到"));
        assert_eq!(ends_with_any("营业收入达到", &LEXICON.link), Some("达到"));
        assert_eq!(starts_with_any("", &LEXICON.link), None);
    }
}
