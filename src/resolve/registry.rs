//! The user's alias registry (`zhitu build --aliases FILE`): lines `canonical<TAB>alias<TAB>…`,
//! `#` starting a comment line, blank lines ignored. Every name is normalised as resolution
//! compares it. Errors name the file's line.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::names::normalise;

/// A user's alias registry: alias → canonical name (both normalised), in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasRegistry {
    pub canonical: IndexMap<String, String>,
}

/// Why an alias registry could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AliasError {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}:{line}: expected `canonical<TAB>alias…`, found no alias")]
    NoAlias { path: PathBuf, line: usize },
    #[error("{path}:{line}: empty canonical name")]
    EmptyCanonical { path: PathBuf, line: usize },
    #[error("{path}:{line}: alias {alias} already belongs to {first} (line {first_line})")]
    Conflict {
        path: PathBuf,
        line: usize,
        alias: String,
        first: String,
        first_line: usize,
    },
}

impl AliasRegistry {
    /// Reads a registry file.
    ///
    /// # Errors
    /// [`AliasError::Read`] when the file cannot be read, otherwise as [`AliasRegistry::parse`].
    pub fn from_file(path: &Path) -> Result<AliasRegistry, AliasError> {
        let text = std::fs::read_to_string(path).map_err(|e| AliasError::Read {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        Self::parse(path, &text)
    }

    /// Parses registry text; `path` is only used in errors.
    ///
    /// # Errors
    /// A line with no alias, an empty canonical name, or an alias given two canonical names.
    ///
    /// # Example
    /// ```
    /// use std::path::Path;
    /// use zhitu::resolve::AliasRegistry;
    /// let r = AliasRegistry::parse(Path::new("a.tsv"), "# mine\n某某集团\t某某\t某集团\n").unwrap();
    /// assert_eq!(r.canonical["某某"], "某某集团");
    /// assert!(AliasRegistry::parse(Path::new("a.tsv"), "某某集团\n").is_err());
    /// ```
    pub fn parse(path: &Path, text: &str) -> Result<AliasRegistry, AliasError> {
        let mut out = AliasRegistry::default();
        let mut lines: IndexMap<String, usize> = IndexMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = raw.split('\t').map(|f| normalise(f).into_owned());
            let canonical = fields.next().unwrap_or_default();
            if canonical.is_empty() {
                return Err(AliasError::EmptyCanonical {
                    path: path.to_path_buf(),
                    line,
                });
            }
            let aliases: Vec<String> = fields.filter(|a| !a.is_empty()).collect();
            if aliases.is_empty() {
                return Err(AliasError::NoAlias {
                    path: path.to_path_buf(),
                    line,
                });
            }
            for alias in aliases {
                if alias == canonical {
                    continue;
                }
                if let Some(first) = out.canonical.get(&alias) {
                    if *first != canonical {
                        return Err(AliasError::Conflict {
                            path: path.to_path_buf(),
                            line,
                            alias,
                            first: first.clone(),
                            first_line: lines.get(first).copied().unwrap_or(0),
                        });
                    }
                    continue;
                }
                lines.entry(canonical.clone()).or_insert(line);
                out.canonical.insert(alias, canonical.clone());
            }
        }
        Ok(out)
    }

    /// Every canonical name with its aliases, in file order.
    pub fn groups(&self) -> IndexMap<&str, Vec<&str>> {
        let mut out: IndexMap<&str, Vec<&str>> = IndexMap::new();
        for (alias, canonical) in &self.canonical {
            out.entry(canonical.as_str())
                .or_default()
                .push(alias.as_str());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<AliasRegistry, AliasError> {
        AliasRegistry::parse(Path::new("aliases.tsv"), text)
    }

    #[test]
    fn comments_blank_lines_and_groups() {
        let r = parse("# header\n\n甲集团\t甲\t甲公司\n乙市\t乙\n").unwrap();
        assert_eq!(r.canonical.len(), 3);
        let g = r.groups();
        assert_eq!(g["甲集团"], vec!["甲", "甲公司"]);
        assert_eq!(g["乙市"], vec!["乙"]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("# x\n甲集团 甲\n").unwrap_err().to_string(),
            "aliases.tsv:2: expected `canonical<TAB>alias…`, found no alias"
        );
        assert_eq!(
            parse("\t甲\n").unwrap_err(),
            AliasError::EmptyCanonical {
                path: "aliases.tsv".into(),
                line: 1
            }
        );
        assert_eq!(
            parse("甲集团\t甲\n甲公司\t甲\n").unwrap_err().to_string(),
            "aliases.tsv:2: alias 甲 already belongs to 甲集团 (line 1)"
        );
    }
}
