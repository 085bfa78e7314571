//! Word segmentation: the jieba-rs instance with the project's own domain dictionary (and a
//! user's, from `--dict`), giving tokens with POS tags and byte spans. Never decides what is an
//! entity.

pub mod dict;
pub mod divisions;
pub mod trie;

use std::ops::Range;

use jieba_rs::Jieba;

pub use dict::{parse_user_dict, DictError, UserWord};

/// One segmented word: its text, its POS tag, and its byte span in the text given to
/// [`Segmenter::tag`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    pub tag: &'a str,
    pub span: Range<usize>,
}

/// The project's domain dictionary: lines `word freq tag`, `#` starts a comment.
pub const DOMAIN_DICT: &str = include_str!("../../data/domain_dict.txt");

/// The least frequency a user's word gets, so that it wins over the default dictionary's split.
pub const USER_FREQ_FLOOR: usize = 20_000;

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
    ///
    /// # Complexity
    /// Loads jieba's default dictionary (about 350,000 words) once; the domain dictionary adds a
    /// few hundred words.
    pub fn new() -> Self {
        let mut jieba = Jieba::new();
        // The embedded dictionary is checked by a unit test; a bad line is skipped, never fatal.
        for line in DOMAIN_DICT.lines() {
            if let Ok(entries) = dict::parse_dict(line) {
                for e in entries {
                    jieba.add_word(&e.word, e.freq, e.tag.as_deref());
                }
            }
        }
        Segmenter { jieba }
    }

    /// Adds a word with an optional frequency and POS tag (a user's word wins over the default
    /// dictionary).
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) {
        self.jieba.add_word(word, freq, tag);
    }

    /// Adds a user's words so each is segmented whole: its own frequency if it gave one, else
    /// at least [`USER_FREQ_FLOOR`] (or what jieba suggests to keep it whole, if more); tagged
    /// by type (see [`UserWord::tag`]). A word jieba already knows keeps jieba's tag.
    pub fn add_user_words(&mut self, words: &[UserWord]) {
        for w in words {
            let freq = w
                .freq
                .unwrap_or_else(|| self.jieba.suggest_freq(&w.name).max(USER_FREQ_FLOOR));
            self.jieba.add_word(&w.name, Some(freq), Some(w.tag()));
        }
    }

    /// Reads a user's dictionary (`name [type] [freq]` a line, see [`parse_user_dict`]), adds
    /// its words and returns them (for the entity types they carry).
    ///
    /// # Errors
    /// [`DictError`] with the line number of the first bad line; nothing is added then.
    ///
    /// # Example
    /// ```
    /// use zhitu::segment::Segmenter;
    /// let mut seg = Segmenter::new();
    /// let words = seg.load_user_dict("泉城智算中心 Project\n".as_bytes()).unwrap();
    /// assert_eq!(words.len(), 1);
    /// let toks: Vec<&str> = seg.tag("建设泉城智算中心").iter().map(|t| t.word).collect();
    /// assert_eq!(toks, ["建设", "泉城智算中心"]);
    /// ```
    pub fn load_user_dict(
        &mut self,
        reader: impl std::io::BufRead,
    ) -> Result<Vec<UserWord>, DictError> {
        let words = dict::read_user_dict(reader)?;
        self.add_user_words(&words);
        Ok(words)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.tag(text)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect()
    }

    #[test]
    fn domain_words_stay_whole() {
        let seg = Segmenter::new();
        let w = words(
            &seg,
            "发展软件和信息技术服务业和战略性新兴产业，培育专精特新企业",
        );
        assert!(w.contains(&"软件和信息技术服务业/n".to_string()), "{w:?}");
        assert!(w.contains(&"战略性新兴产业/n".to_string()), "{w:?}");
        assert!(w.contains(&"专精特新/nz".to_string()), "{w:?}");
    }

    #[test]
    fn user_words_win_with_their_tag() {
        let mut seg = Segmenter::new();
        let text = "支持甲乙丙科技做大做强";
        assert!(!words(&seg, text)
            .iter()
            .any(|w| w.starts_with("甲乙丙科技/")));
        let user = parse_user_dict("甲乙丙科技 企业").unwrap();
        seg.add_user_words(&user);
        assert!(words(&seg, text).contains(&"甲乙丙科技/nt".to_string()));
    }

    #[test]
    fn spans_are_bytes() {
        let seg = Segmenter::new();
        let text = "济南市集成电路";
        for t in seg.tag(text) {
            assert_eq!(&text[t.span.clone()], t.word);
        }
    }
}
