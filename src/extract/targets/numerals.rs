//! Numbers as written: Arabic digits (half- or full-width, with thousands separators and a
//! decimal point) and Chinese numerals, found and read. What a number counts (its unit, range,
//! comparator) is [`super::quantity`]'s job.

/// The longest integer part read as a figure; longer digit runs are ids or phone numbers.
const MAX_INT_DIGITS: usize = 9;

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese numerals (a `match`: cheaper to test than a list searched per character).
pub(super) fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// The first digit or Chinese numeral at or after byte `from` (a character boundary), and its
/// offset. Reads bytes, a character at a time: every numeral but the ASCII digits is three
/// bytes long, and a three-byte character is decoded only where its code point's low bits are
/// a numeral's ([`NUMERAL_BITS`]), which few Chinese characters' are.
pub(super) fn next_numeral(text: &str, from: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(&b0) = b.get(i) {
        if b0 < 0x80 {
            if b0.is_ascii_digit() {
                return Some((i, char::from(b0)));
            }
            i += 1;
            continue;
        }
        if let (0xE0..=0xEF, Some(&[b1, b2])) = (b0, b.get(i + 1..i + 3)) {
            let cp =
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if may_be_numeral(cp) {
                if let Some(c) = char::from_u32(cp).filter(|&c| is_digit(c) || is_cn_numeral(c)) {
                    return Some((i, c));
                }
            }
        }
        // the width of the character from its lead byte
        i += match b0 {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
    }
    None
}

/// The digits and numerals other than ASCII digits: `０`–`９` and the Chinese numerals
/// ([`is_cn_numeral`]).
const WIDE_NUMERALS: [char; 27] = [
    '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '零', '〇', '一', '二', '两', '三',
    '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿',
];

/// A set of the low twelve bits of the code points of [`WIDE_NUMERALS`], one bit each.
const NUMERAL_BITS: [u64; 64] = {
    let mut out = [0; 64];
    let mut k = 0;
    while k < WIDE_NUMERALS.len() {
        let low = WIDE_NUMERALS[k] as u32 & 0xFFF;
        out[(low >> 6) as usize] |= 1 << (low & 63);
        k += 1;
    }
    out
};

/// Whether code point `cp` may be one of [`WIDE_NUMERALS`] (its low bits are one's).
fn may_be_numeral(cp: u32) -> bool {
    let low = cp & 0xFFF;
    NUMERAL_BITS[(low >> 6) as usize] >> (low & 63) & 1 == 1
}

/// Reads an Arabic number at `pos`: its value and the byte offset past it.
pub(super) fn read_number(text: &str, pos: usize) -> Option<(f64, usize)> {
    let rest = text.get(pos..)?;
    let mut digits = String::new();
    let mut end = pos;
    let mut int_digits = 0;
    let mut seen_dot = false;
    let mut seen_comma = false;
    let mut since_comma = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_digit(c) {
            let d = if c.is_ascii_digit() {
                c
            } else {
                char::from_digit(c as u32 - '０' as u32, 10).unwrap_or('0')
            };
            digits.push(d);
            if !seen_dot {
                int_digits += 1;
                since_comma += 1;
            }
            end = pos + i + c.len_utf8();
        } else if c == ','
            && !seen_dot
            && (if seen_comma {
                since_comma == 3
            } else {
                (1..=3).contains(&int_digits)
            })
            && is_thousands_group(&rest[i + 1..])
        {
            // `12,027.5亿元`: a thousands separator, three digits after it
            seen_comma = true;
            since_comma = 0;
            continue;
        } else if (c == '.' || c == '．')
            && !seen_dot
            && !digits.is_empty()
            && chars.peek().is_some_and(|&(_, n)| is_digit(n))
        {
            seen_dot = true;
            digits.push('.');
        } else {
            break;
        }
    }
    if digits.is_empty() || int_digits > MAX_INT_DIGITS {
        return None;
    }
    digits.parse().ok().map(|v| (v, end))
}

/// Whether `s` opens with exactly three digits (a thousands group).
fn is_thousands_group(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && b.get(3).is_none_or(|c| !c.is_ascii_digit())
}

/// A simple Chinese numeral: 一 … 九, 十, 十五, 二十, 三十五, 两.
pub(super) fn read_cn_simple(s: &str) -> Option<f64> {
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / 3) as f64);
    let cs: Vec<char> = s.chars().collect();
    let one = |c: char| if c == '两' { Some(2.0) } else { digit(c) };
    match cs.as_slice() {
        [a] if *a == '十' => Some(10.0),
        [a] => one(*a),
        ['十', b] => Some(10.0 + digit(*b)?),
        [a, '十'] => Some(one(*a)? * 10.0),
        [a, '十', b] => Some(one(*a)? * 10.0 + digit(*b)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_exactly_the_numerals() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}");
            let found = next_numeral(&text, 1).map(|(_, c)| c);
            let want = (is_digit(c) || is_cn_numeral(c)).then_some(c);
            assert_eq!(found, want, "{c}");
        }
    }
}
