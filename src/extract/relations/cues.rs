//! The cue words of the relation rules, as text data (`data/relation_cues.txt`, embedded):
//! verbs of building and locating, titles of office, partnership words, place-level words.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The embedded cue list.
pub const CUES_DATA: &str = include_str!("../../../data/relation_cues.txt");

/// The sections the rules read; each must be present in the data.
pub const SECTIONS: [&str; 23] = [
    "locate",
    "build",
    "set_up",
    "national_heads",
    "develop",
    "develop_passive",
    "firm_suffixes",
    "industry_firms",
    "enter_field",
    "list_heads",
    "list_verbs",
    "list_stress",
    "topic_verbs",
    "industry_tails",
    "project_parts",
    "plan_verbs",
    "responsible",
    "partner",
    "titles",
    "place_titles",
    "countries",
    "regions",
    "region_suffixes",
];

/// A line of cue data that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CueError {
    #[error("relation cues line {line}: expected `section: word word …`")]
    Malformed { line: usize },
    #[error("relation cues line {line}: unknown section `{section}`")]
    UnknownSection { line: usize, section: String },
    #[error("relation cues: section `{section}` missing")]
    Missing { section: String },
}

/// Cue words by section.
#[derive(Debug, Default)]
pub struct Cues {
    sections: FxHashMap<String, Vec<String>>,
}

impl Cues {
    /// Parses cue data (the format of `data/relation_cues.txt`).
    ///
    /// # Errors
    /// [`CueError`] with the 1-based line of a malformed line or an unknown section, or the
    /// name of a section left out.
    pub fn parse(text: &str) -> Result<Cues, CueError> {
        let mut sections: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, words)) = line.split_once(':') else {
                return Err(CueError::Malformed { line: i + 1 });
            };
            let name = name.trim();
            if !SECTIONS.contains(&name) {
                return Err(CueError::UnknownSection {
                    line: i + 1,
                    section: name.to_string(),
                });
            }
            sections
                .entry(name.to_string())
                .or_default()
                .extend(words.split_whitespace().map(str::to_string));
        }
        if let Some(missing) = SECTIONS.iter().find(|s| !sections.contains_key(**s)) {
            return Err(CueError::Missing {
                section: missing.to_string(),
            });
        }
        Ok(Cues { sections })
    }

    /// The words of a section (empty for a section not in the data).
    pub fn get(&self, section: &str) -> &[String] {
        self.sections.get(section).map_or(&[], Vec::as_slice)
    }
}

/// The embedded cues, parsed once (empty if the embedded data were broken, which a test
/// guards against).
pub(crate) fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues::parse(CUES_DATA).unwrap_or_default())
}

/// The words of a section of the embedded cues.
pub(crate) fn words(section: &str) -> &'static [String] {
    cues().get(section)
}

/// Whether `text` holds any word of the section.
pub(crate) fn any_in(section: &str, text: &str) -> bool {
    words(section).iter().any(|w| text.contains(w.as_str()))
}

/// Whether `text` ends with any word of the section.
pub(crate) fn ends_with_any(section: &str, text: &str) -> bool {
    words(section).iter().any(|w| text.ends_with(w.as_str()))
}

/// Whether `text` is one of the words of the section.
pub(crate) fn is(section: &str, text: &str) -> bool {
    words(section).iter().any(|w| w == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_cues_parse() {
        let c = Cues::parse(CUES_DATA).expect("embedded cues");
        assert!(c.get("titles").iter().any(|w| w == "局长"));
        assert!(any_in("partner", "合作共建"));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            Cues::parse("# head\nno colon here").err(),
            Some(CueError::Malformed { line: 2 })
        );
        assert_eq!(
            Cues::parse("bogus: a b").err(),
            Some(CueError::UnknownSection {
                line: 1,
                section: "bogus".into()
            })
        );
        assert!(matches!(
            Cues::parse("titles: 局长"),
            Err(CueError::Missing { .. })
        ));
    }
}
