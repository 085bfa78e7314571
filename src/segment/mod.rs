//! Word segmentation: the jieba-rs instance with the project's own domain dictionary (and a
//! user's, from `--dict`), giving tokens with POS tags and byte spans. Never decides what is an
//! entity.

pub mod divisions;

use std::ops::Range;

use jieba_rs::Jieba;

/// One segmented word: its text, its POS tag, and its byte span in the text given to
/// [`Segmenter::tag`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    pub tag: &'a str,
    pub span: Range<usize>,
}

/// The project's domain dictionary: lines `word [freq] [tag]`, `#` starts a comment.
pub const DOMAIN_DICT: &str = include_str!("../../data/domain_dict.txt");

/// A jieba-rs segmenter loaded with jieba's default dictionary and the domain dictionary.
pub struct Segmenter {
    jieba: Jieba,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// jieba's default dictionary plus the project's domain dictionary.
    pub fn new() -> Self {
        let mut jieba = Jieba::new();
        for line in DOMAIN_DICT.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let freq = parts.next().and_then(|f| f.parse().ok());
            let tag = parts.next();
            jieba.add_word(word, freq, tag);
        }
        Segmenter { jieba }
    }

    /// Adds a word with an optional frequency and POS tag (a user's word wins over the default
    /// dictionary).
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) {
        self.jieba.add_word(word, freq, tag);
    }

    /// Segments and POS-tags `text` (HMM on for unknown words).
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                word: t.word,
                tag: t.tag,
                span: t.byte_start..t.byte_end,
            })
            .collect()
    }
}
