//! A character trie over a fixed word list (division names, dictionary words, name suffixes):
//! every word starting at a position of a text (or, built reversed, ending at one) found in one
//! walk along its characters, however many words the list holds. Knows nothing of what the
//! words mean; callers keep their word lists and get word indices back.

use rustc_hash::FxHashMap;

/// Characters of the Basic Multilingual Plane, which [`CharTrie`]'s root table covers.
const BMP: usize = 0x10000;
/// Bits of [`CharTrie::pairs`]: 64K, eight kilobytes.
const PAIR_BITS: u32 = 16;

/// The bit of [`CharTrie::pairs`] for the characters `a` then `b`.
#[inline]
fn pair_bit(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77)) as usize
        >> (32 - PAIR_BITS)
        & ((1 << PAIR_BITS) - 1)
}

/// The root table's page size: a text's characters mostly come from a few pages (CJK, ASCII,
/// punctuation), and only pages a word starts in are stored.
const PAGE: usize = 256;

/// A trie over the characters of a word list; the words' order gives their indices.
///
/// # Example
/// ```
/// use zhitu::segment::trie::CharTrie;
/// let t = CharTrie::new(["新能源", "新能源汽车", "汽车"]);
/// let found: Vec<_> = t.prefixes("新能源汽车产业").collect();
/// assert_eq!(found, [(0, "新能源".len()), (1, "新能源汽车".len())]);
/// let r = CharTrie::new_reversed(["汽车", "能源汽车"]);
/// assert_eq!(r.suffixes("新能源汽车").map(|(w, _)| w).collect::<Vec<_>>(), [0, 1]);
/// ```
pub struct CharTrie {
    /// The root's children for characters past the Basic Multilingual Plane.
    astral: FxHashMap<char, u32>,
    /// The root's child for each character of the Basic Multilingual Plane (0: none), as two
    /// table look-ups: the page of the character's high byte, then its low byte in that page.
    /// Page 0 is all zeros and stands for every page no word starts in.
    page_of: Vec<u16>,
    pages: Vec<[u32; PAGE]>,
    /// A bit per character of the Basic Multilingual Plane: whether a word starts with it (a
    /// test that stays in the fastest cache while a long text is scanned).
    first: Vec<u64>,
    /// A bit per hash of each word's first two characters (a one-character word's second is
    /// `'\0'`): most places where a word starts with the character there have no word going
    /// on with the next one, and this says so without walking.
    pairs: Vec<u64>,
    /// Every node (the root is node 0).
    nodes: Vec<Node>,
    /// Every node's children as (character, node), each node's together and sorted.
    edges: Vec<(char, u32)>,
    /// Every node's words, in list order.
    words: Vec<u32>,
}

/// A node: the character leading to it, its first child and next sibling while the trie is
/// built (0: none), then the range of its children in [`CharTrie::edges`], and the range of its
/// words in [`CharTrie::words`].
#[derive(Clone, Copy, Default)]
struct Node {
    ch: char,
    first_child: u32,
    next_sibling: u32,
    edges: (u32, u32),
    words: (u32, u32),
}

impl CharTrie {
    /// A trie of `words`, read from their first character.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::build(words.into_iter().collect(), |w| w.chars())
    }

    /// A trie of `words` read from their last character, for [`CharTrie::suffixes`].
    pub fn new_reversed<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::build(words.into_iter().collect(), |w| w.chars().rev())
    }

    /// Builds the trie in one pass over the words sorted by `key` (their characters in reading
    /// order): each word shares its path with the one before it as far as their keys agree.
    fn build<'w, K: Iterator<Item = char>>(
        words: Vec<&'w str>,
        key: impl Fn(&'w str) -> K,
    ) -> Self {
        let mut order: Vec<usize> = (0..words.len()).filter(|&i| !words[i].is_empty()).collect();
        order.sort_by(|&a, &b| key(words[a]).cmp(key(words[b])).then(a.cmp(&b)));
        let mut nodes = vec![Node::default()];
        let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64];
        let mut ids: Vec<u32> = Vec::with_capacity(order.len());
        // the nodes along the previous word's path, the root first
        let mut path: Vec<u32> = vec![0];
        let mut prev: Option<&str> = None;
        for &i in &order {
            let w = words[i];
            let mut k = key(w);
            if let Some(a) = k.next() {
                let bit = pair_bit(a, k.next().unwrap_or('\0'));
                pairs[bit / 64] |= 1 << (bit % 64);
            }
            let common = prev.map_or(0, |p| {
                key(p).zip(key(w)).take_while(|(a, b)| a == b).count()
            });
            path.truncate(common + 1);
            for c in key(w).skip(common) {
                let parent = path.last().copied().unwrap_or(0) as usize;
                let id = nodes.len() as u32;
                nodes.push(Node {
                    ch: c,
                    first_child: 0,
                    next_sibling: nodes[parent].first_child,
                    edges: (0, 0),
                    words: (0, 0),
                });
                nodes[parent].first_child = id;
                path.push(id);
            }
            let end = path.last().copied().unwrap_or(0) as usize;
            // equal words come together, so a node's words are one run
            if nodes[end].words.0 == nodes[end].words.1 {
                nodes[end].words = (ids.len() as u32, ids.len() as u32);
            }
            ids.push(i as u32);
            nodes[end].words.1 = ids.len() as u32;
            prev = Some(w);
        }
        // each node's children side by side, for look-ups in one place of memory
        let mut edges: Vec<(char, u32)> = Vec::with_capacity(nodes.len());
        for k in 1..nodes.len() {
            let from = edges.len();
            let mut child = nodes[k].first_child;
            while child != 0 {
                edges.push((nodes[child as usize].ch, child));
                child = nodes[child as usize].next_sibling;
            }
            edges[from..].sort_unstable();
            nodes[k].edges = (from as u32, edges.len() as u32);
        }
        let mut first = vec![0u64; BMP / 64];
        let mut astral = FxHashMap::default();
        let mut page_of = vec![0u16; BMP / PAGE];
        let mut pages = vec![[0u32; PAGE]];
        let mut child = nodes[0].first_child;
        while child != 0 {
            let node = nodes[child as usize];
            let n = node.ch as usize;
            if n >= BMP {
                astral.insert(node.ch, child);
            } else {
                first[n / 64] |= 1 << (n % 64);
                if page_of[n / PAGE] == 0 {
                    page_of[n / PAGE] = pages.len() as u16;
                    pages.push([0; PAGE]);
                }
                pages[page_of[n / PAGE] as usize][n % PAGE] = child;
            }
            child = node.next_sibling;
        }
        CharTrie {
            astral,
            page_of,
            pages,
            first,
            pairs,
            nodes,
            edges,
            words: ids,
        }
    }

    /// The root's child for `c` (0: none).
    #[inline]
    fn root_child(&self, c: char) -> u32 {
        let n = c as usize;
        if n < BMP {
            self.pages[self.page_of[n / PAGE] as usize][n % PAGE]
        } else {
            self.astral.get(&c).copied().unwrap_or(0)
        }
    }

    /// Whether some word starts (reversed: ends) with `c`.
    #[inline]
    pub fn starts_with_char(&self, c: char) -> bool {
        let n = c as usize;
        match self.first.get(n / 64) {
            Some(bits) => bits & (1 << (n % 64)) != 0,
            None => self.astral.contains_key(&c),
        }
    }

    /// The byte positions of `text` where a word may start ([`CharTrie::may_begin`]), in order:
    /// one pass over its characters, two bit tests for those a word starts with.
    pub fn candidates<'s, 't>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = usize> + use<'s, 't> {
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            while let Some((at, c)) = chars.next() {
                if self.starts_with_char(c) && self.pair_follows(c, chars.peek().map(|x| x.1)) {
                    return Some(at);
                }
            }
            None
        })
    }

    /// Whether a word may start with `a` then `b` (`None`: the text ends after `a`): false
    /// when none does; true when some word begins so, or a hash collision says it might.
    #[inline]
    pub fn may_begin(&self, a: char, b: Option<char>) -> bool {
        self.starts_with_char(a) && self.pair_follows(a, b)
    }

    /// The second half of [`CharTrie::may_begin`]: the two-character test.
    #[inline]
    fn pair_follows(&self, a: char, b: Option<char>) -> bool {
        let has = |b| {
            let bit = pair_bit(a, b);
            self.pairs
                .get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        };
        b.is_some_and(has) || has('\0')
    }

    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 {
            return Some(self.root_child(c)).filter(|&n| n != 0);
        }
        let (from, to) = self.nodes[node as usize].edges;
        let kids = &self.edges[from as usize..to as usize];
        if kids.len() <= 8 {
            kids.iter().find(|e| e.0 == c).map(|e| e.1)
        } else {
            kids.binary_search_by_key(&c, |e| e.0)
                .ok()
                .map(|i| kids[i].1)
        }
    }

    /// The words `s` starts with, as (word index, byte length), shortest first (words of one
    /// length in list order).
    pub fn prefixes<'a>(&'a self, s: &'a str) -> Walk<'a, std::str::Chars<'a>> {
        self.walk(s.chars())
    }

    /// For a trie built with [`CharTrie::new_reversed`]: the words `s` ends with, as (word
    /// index, byte length), shortest first (words of one length in list order).
    pub fn suffixes<'a>(&'a self, s: &'a str) -> Walk<'a, std::iter::Rev<std::str::Chars<'a>>> {
        self.walk(s.chars().rev())
    }

    /// Like [`CharTrie::prefixes`], for a position [`CharTrie::candidates`] gave (the test it
    /// made is not made again).
    pub fn prefixes_at_candidate<'a>(&'a self, s: &'a str) -> Walk<'a, std::str::Chars<'a>> {
        Walk {
            trie: self,
            chars: s.chars(),
            node: 0,
            len: 0,
            pending: 0..0,
        }
    }

    fn walk<I: Iterator<Item = char> + Clone>(&self, chars: I) -> Walk<'_, I> {
        // the two-character filter: no walk where no word begins with these characters
        let mut ahead = chars.clone();
        let hopeless = ahead
            .next()
            .is_none_or(|a| !self.may_begin(a, ahead.next()));
        Walk {
            trie: self,
            chars,
            node: if hopeless { u32::MAX } else { 0 },
            len: 0,
            pending: 0..0,
        }
    }
}

/// The words met walking a trie along a text's characters (see [`CharTrie::prefixes`]).
pub struct Walk<'a, I> {
    trie: &'a CharTrie,
    chars: I,
    node: u32,
    /// Bytes walked so far.
    len: usize,
    /// The current node's words not yet given.
    pending: std::ops::Range<u32>,
}

impl<I: Iterator<Item = char>> Iterator for Walk<'_, I> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            if let Some(i) = self.pending.next() {
                return Some((self.trie.words[i as usize] as usize, self.len));
            }
            if self.node == u32::MAX {
                return None;
            }
            let next = self.chars.next().and_then(|c| {
                self.len += c.len_utf8();
                self.trie.child(self.node, c)
            });
            let Some(next) = next else {
                self.node = u32::MAX;
                return None;
            };
            self.node = next;
            let n = self.trie.nodes[next as usize];
            self.pending = n.words.0..n.words.1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharTrie;

    #[test]
    fn prefixes_and_suffixes_shortest_first() {
        let t = CharTrie::new(["ab", "a", "abc", "b", "ab", "𠀀x"]);
        assert_eq!(
            t.prefixes("abcd").collect::<Vec<_>>(),
            [(1, 1), (0, 2), (4, 2), (2, 3)]
        );
        assert_eq!(t.prefixes("c").count(), 0);
        assert_eq!(t.prefixes("").count(), 0);
        assert_eq!(t.prefixes("𠀀xy").collect::<Vec<_>>(), [(5, 5)]);
        let r = CharTrie::new_reversed(["bc", "c", "abc", "x"]);
        assert_eq!(
            r.suffixes("zabc").collect::<Vec<_>>(),
            [(1, 1), (0, 2), (2, 3)]
        );
        assert_eq!(r.suffixes("ab").count(), 0);
        let text = "xabé𠀀xab";
        let starts: Vec<usize> = t.candidates(text).collect();
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(i, _)| t.prefixes(&text[i..]).next().is_some())
            .map(|(i, _)| i)
            .collect();
        assert!(
            want.iter().all(|i| starts.contains(i)),
            "{starts:?} {want:?}"
        );
    }
}
