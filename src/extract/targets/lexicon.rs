//! The word lists target extraction reads: units with their magnitude prefixes
//! (`data/target_units.txt`), comparators (`data/target_comparators.txt`) and the words around a
//! figure that tell where its metric is (`data/target_words.txt`). Parsed once, on first use.
//! Touches nothing else.

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

/// All word lists, each sorted longest first so that the first match is the longest.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub prefixes: Vec<&'static str>,
    pub units: Vec<(&'static str, UnitClass)>,
    pub ascii_units: Vec<&'static str>,
    pub per: Vec<&'static str>,
    pub before: Vec<&'static str>,
    pub after: Vec<&'static str>,
    pub lead: Vec<&'static str>,
    pub link: Vec<&'static str>,
    pub action: Vec<&'static str>,
    pub prep: Vec<&'static str>,
    pub follow: Vec<&'static str>,
    pub change: Vec<&'static str>,
    pub stop: Vec<&'static str>,
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
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            list.dedup();
        }
        lx.units.sort_by_key(|u| std::cmp::Reverse(u.0.len()));
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
                self.units.push((word, class));
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
        list.push(word);
        parts.next().is_none()
    }
}

/// The longest word of `list` that `s` starts with.
pub fn starts_with_any(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|w| s.starts_with(w))
}

/// The longest word of `list` that `s` ends with.
pub fn ends_with_any(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|w| s.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_without_bad_lines() {
        assert_eq!(LEXICON.bad_lines, Vec::new());
        assert!(LEXICON.units.iter().any(|(u, _)| *u == "个百分点"));
        assert_eq!(
            starts_with_any("个百分点以上", unit_words()),
            Some("个百分点")
        );
    }

    fn unit_words() -> &'static [&'static str] {
        static W: LazyLock<Vec<&'static str>> =
            LazyLock::new(|| LEXICON.units.iter().map(|(u, _)| *u).collect());
        &W
    }
}
