//! Dictionary files: the domain dictionary (`word freq tag`, jieba's format) and a user's
//! dictionary (`--dict`: `name [type] [freq]`, the type an entity type in English or Chinese).
//! Parsing only, with line-numbered errors; [`super::Segmenter`] loads the entries.

use std::io::BufRead;

use crate::model::EntityType;

/// A dictionary line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DictError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// One entry of the domain dictionary: a word with its jieba frequency and POS tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictEntry {
    pub word: String,
    pub freq: Option<usize>,
    pub tag: Option<String>,
}

/// One entry of a user's dictionary: a name, the entity type it must get, and a frequency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWord {
    pub name: String,
    pub entity_type: Option<EntityType>,
    pub freq: Option<usize>,
}

impl UserWord {
    /// The POS tag the segmenter gives the word: `ns` for a place, `nt` for an enterprise or
    /// organisation, `nr` for a person, `nz` otherwise.
    pub fn tag(&self) -> &'static str {
        match self.entity_type {
            Some(EntityType::Place) => "ns",
            Some(EntityType::Enterprise | EntityType::Organization) => "nt",
            Some(EntityType::Person) => "nr",
            _ => "nz",
        }
    }
}

/// The lines that carry entries: 1-based number and content, comments and blank lines skipped.
fn entry_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn parse_freq(s: &str, line: usize) -> Result<usize, DictError> {
    match s.parse::<usize>() {
        Ok(f) if f > 0 => Ok(f),
        _ => Err(DictError {
            line,
            message: format!("bad frequency `{s}` (expected a whole number above 0)"),
        }),
    }
}

/// Parses a dictionary in jieba's format: `word [freq] [tag]` a line, `#` comments.
///
/// # Errors
/// [`DictError`] with the line of a bad frequency or of more than three fields.
///
/// # Example
/// ```
/// use zhitu::segment::dict::parse_dict;
/// let e = parse_dict("# c\n集成电路 3000 n\n链长制\n").unwrap();
/// assert_eq!((e[0].word.as_str(), e[0].freq, e[0].tag.as_deref()), ("集成电路", Some(3000), Some("n")));
/// assert_eq!(parse_dict("云计算 many n").unwrap_err().to_string(),
///            "line 1: bad frequency `many` (expected a whole number above 0)");
/// ```
pub fn parse_dict(text: &str) -> Result<Vec<DictEntry>, DictError> {
    entry_lines(text)
        .map(|(line, l)| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            if fields.len() > 3 {
                return Err(DictError {
                    line,
                    message: format!("{} fields (expected `word [freq] [tag]`)", fields.len()),
                });
            }
            Ok(DictEntry {
                word: fields[0].to_string(),
                freq: fields.get(1).map(|f| parse_freq(f, line)).transpose()?,
                tag: fields.get(2).map(|t| t.to_string()),
            })
        })
        .collect()
}

/// Parses a user's dictionary: `name [type] [freq]` a line (type and frequency in either order),
/// `#` comments. The type is a named-entity type, in English (any case) or Chinese:
/// Place 地点, Enterprise 企业, Organization 机构, Project 项目, Industry 产业, Policy 政策,
/// Person 人物, Event 活动.
///
/// # Errors
/// [`DictError`] with the line of an unknown type, a bad frequency, or too many fields.
///
/// # Example
/// ```
/// use zhitu::model::EntityType;
/// use zhitu::segment::dict::parse_user_dict;
/// let w = parse_user_dict("星海集团 Enterprise\n智慧云州 政策 5000\n云帆\n").unwrap();
/// assert_eq!(w[0].entity_type, Some(EntityType::Enterprise));
/// assert_eq!((w[1].entity_type, w[1].freq), (Some(EntityType::Policy), Some(5000)));
/// assert_eq!(w[2].entity_type, None);
/// ```
pub fn parse_user_dict(text: &str) -> Result<Vec<UserWord>, DictError> {
    entry_lines(text)
        .map(|(line, l)| {
            let mut fields = l.split_whitespace();
            let name = fields.next().unwrap_or_default().to_string();
            let mut word = UserWord {
                name,
                entity_type: None,
                freq: None,
            };
            for f in fields {
                if f.bytes().all(|b| b.is_ascii_digit()) || f.starts_with('-') {
                    if word.freq.is_some() {
                        return Err(too_many(line, l));
                    }
                    word.freq = Some(parse_freq(f, line)?);
                } else {
                    if word.entity_type.is_some() {
                        return Err(too_many(line, l));
                    }
                    word.entity_type = Some(parse_type(f, line)?);
                }
            }
            Ok(word)
        })
        .collect()
}

/// Reads a user's dictionary from a reader (see [`parse_user_dict`]).
///
/// # Errors
/// [`DictError`] for a line that cannot be read (not UTF-8, I/O) or parsed.
pub fn read_user_dict(reader: impl BufRead) -> Result<Vec<UserWord>, DictError> {
    let mut text = String::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| DictError {
            line: i + 1,
            message: format!("cannot read: {e}"),
        })?;
        text.push_str(&line);
        text.push('\n');
    }
    parse_user_dict(&text)
}

fn parse_type(s: &str, line: usize) -> Result<EntityType, DictError> {
    EntityType::parse(s)
        .filter(|t| EntityType::NAMED.contains(t))
        .ok_or_else(|| DictError {
            line,
            message: format!(
                "unknown type `{s}` (expected one of {})",
                EntityType::NAMED.map(|t| t.as_str()).join(", ")
            ),
        })
}

fn too_many(line: usize, l: &str) -> DictError {
    DictError {
        line,
        message: format!("`{l}`: expected `name [type] [freq]`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_dictionary_parses() {
        let entries = parse_dict(super::super::DOMAIN_DICT).unwrap();
        assert!(entries.len() >= 200, "{}", entries.len());
        for e in &entries {
            assert!(e.freq.is_some() && e.tag.is_some(), "{}", e.word);
            assert!(
                matches!(e.tag.as_deref(), Some("n" | "nz" | "nt" | "ns")),
                "{}",
                e.word
            );
        }
        let mut words: Vec<&str> = entries.iter().map(|e| e.word.as_str()).collect();
        words.sort();
        let n = words.len();
        words.dedup();
        assert_eq!(words.len(), n, "duplicate words");
    }

    #[test]
    fn user_dict_errors_name_the_line() {
        let e = parse_user_dict("# 注释\n星海集团 企业\n\n云帆 Company\n").unwrap_err();
        assert_eq!(e.line, 4);
        assert_eq!(
            e.to_string(),
            "line 4: unknown type `Company` (expected one of Place, Enterprise, Organization, \
             Project, Industry, Policy, Person, Event)"
        );
        assert_eq!(
            parse_user_dict("甲 Place 10 20").unwrap_err().message,
            "`甲 Place 10 20`: expected `name [type] [freq]`"
        );
        assert_eq!(
            parse_user_dict("甲 0").unwrap_err().message,
            "bad frequency `0` (expected a whole number above 0)"
        );
        assert_eq!(
            parse_user_dict("甲 Target").unwrap_err().line,
            1,
            "Target is not a named type"
        );
    }

    #[test]
    fn user_dict_orders_and_tags() {
        let w = parse_user_dict("甲 100 place\n乙\t机构\n").unwrap();
        assert_eq!(w[0].freq, Some(100));
        assert_eq!(w[0].tag(), "ns");
        assert_eq!(w[1].tag(), "nt");
        let r = read_user_dict(&b"\xff\n"[..]).unwrap_err();
        assert_eq!(r.line, 1);
    }
}
