//! Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (a superset of
//! GBK and GB2312); binary and empty input told apart. Touches no file system: the caller names
//! the file in its error.

use encoding_rs::{DecoderResult, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes are not a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but white space.
    Empty,
    /// NUL bytes or many control bytes: not a text file.
    Binary,
    /// Neither UTF-8 nor GB18030; `offset` is the first byte no decoder could read past.
    Undecodable { offset: usize },
}

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Gb18030,
}

/// Decodes `bytes`: a BOM decides (UTF-8, UTF-16); valid UTF-8 is UTF-8; otherwise GB18030 if it
/// decodes without error. UTF-8 with a rare bad byte (at most one bad sequence per hundred
/// well-formed Chinese characters) stays UTF-8, each bad sequence read as U+FFFD.
///
/// # Errors
/// [`DecodeError::Empty`] for empty or white-space-only input, [`DecodeError::Binary`] for
/// NUL or control bytes, [`DecodeError::Undecodable`] with the byte offset where decoding failed
/// (the furthest any decoder got).
///
/// # Complexity
/// Linear: one pass to classify, one or two to decode.
///
/// # Example
/// ```
/// use zhitu::ingest::decode::{decode, DecodeError, Encoding};
/// let gbk = [0xBC, 0xC3, 0xC4, 0xCF]; // 济南 in GBK
/// assert_eq!(decode(&gbk), Ok(("济南".to_string(), Encoding::Gb18030)));
/// assert_eq!(decode(b" \n"), Err(DecodeError::Empty));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if is_binary(body) {
        return Err(DecodeError::Binary);
    }
    // encoding_rs checks UTF-8 several times faster than `std::str::from_utf8` on Chinese text.
    let text = match UTF_8.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => (s.into_owned(), Encoding::Utf8),
        // GB18030 reads almost any byte pair, so UTF-8 with a stray bad byte would come out as
        // mojibake: mostly-UTF-8 text stays UTF-8, the bad bytes replaced by U+FFFD.
        None if mostly_utf8(body) => (String::from_utf8_lossy(body).into_owned(), Encoding::Utf8),
        None => match gb18030(body) {
            Ok(s) => (s, Encoding::Gb18030),
            Err(gb_offset) => {
                let utf8 = std::str::from_utf8(body);
                let utf8_offset = utf8.err().map_or(body.len(), |e| e.valid_up_to());
                return Err(DecodeError::Undecodable {
                    offset: gb_offset.max(utf8_offset) + (bytes.len() - body.len()),
                });
            }
        },
    };
    if text.0.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// NUL bytes anywhere, or more than one control byte in twenty (other than tab, line feed,
/// carriage return, form feed and escape).
fn is_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    // Written without short-circuits so the count compiles to vector code.
    let is_control = |b: u8| {
        let low =
            (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x1B);
        low | (b == 0x7F)
    };
    let control: usize = bytes
        .chunks(255)
        .map(|c| usize::from(c.iter().map(|&b| u8::from(is_control(b))).sum::<u8>()))
        .sum();
    control > 0 && control * 20 > bytes.len()
}

/// At least 20 well-formed multi-byte UTF-8 characters and at most one bad sequence per 100.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 20 && bad * 100 <= good
}

/// GB18030 without replacement; the error is the offset of the first malformed sequence.
fn gb18030(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => {
            Err(read.saturating_sub(bad as usize + after as usize))
        }
        // The buffer was sized for the whole input; report where decoding stopped.
        DecoderResult::OutputFull => Err(read),
    }
}

fn utf16(bytes: &[u8], little_endian: bool) -> Result<(String, Encoding), DecodeError> {
    let enc = if little_endian { UTF_16LE } else { UTF_16BE };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Undecodable {
            offset: first_bad_utf16(bytes, little_endian) + 2,
        });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if text
        .chars()
        .any(|c| c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')))
    {
        return Err(DecodeError::Binary);
    }
    Ok((text.into_owned(), Encoding::Utf16))
}

/// The byte offset of the first unpaired surrogate (or odd trailing byte) in UTF-16 data.
fn first_bad_utf16(bytes: &[u8], le: bool) -> usize {
    let units = bytes.chunks(2).map(|c| match (c, le) {
        ([a, b], true) => Some(u16::from_le_bytes([*a, *b])),
        ([a, b], false) => Some(u16::from_be_bytes([*a, *b])),
        _ => None,
    });
    let mut expect_low = false;
    for (i, u) in units.enumerate() {
        let Some(u) = u else { return i * 2 };
        let is_high = (0xD800..0xDC00).contains(&u);
        let is_low = (0xDC00..0xE000).contains(&u);
        if expect_low != is_low {
            return if expect_low { i * 2 - 2 } else { i * 2 };
        }
        expect_low = is_high;
    }
    bytes.len().saturating_sub(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("济南".as_bytes()).unwrap().0, "济南");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE6\xB5\x8E").unwrap().0, "济");
    }

    #[test]
    fn gbk_and_gb18030() {
        let (bytes, _, _) = GB18030.encode("济南市章丘区 2023年，𠀀");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "济南市章丘区 2023年，𠀀");
        assert_eq!(enc, Encoding::Gb18030);
    }

    #[test]
    fn utf8_with_a_stray_bad_byte_is_not_read_as_gb18030() {
        let mut bytes = "济南市工业和信息化发展".repeat(10).into_bytes();
        bytes.insert(9, 0xFF);
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert!(text.starts_with("济南市\u{FFFD}工业"), "{text}");
        // GBK text is never mostly UTF-8.
        let gbk = GB18030
            .encode(&"济南市工业和信息化发展".repeat(30))
            .0
            .into_owned();
        assert_eq!(decode(&gbk).unwrap().1, Encoding::Gb18030);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "济南 ok".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes), Ok(("济南 ok".into(), Encoding::Utf16)));
    }

    #[test]
    fn empty_binary_undecodable() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \t\r\n"), Err(DecodeError::Empty));
        assert_eq!(decode("\u{3000}\n".as_bytes()), Err(DecodeError::Empty));
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x01\x02\x03abc"), Err(DecodeError::Binary));
        // 0xFF is not a GB18030 lead byte; UTF-8 fails at 3 as well.
        assert_eq!(
            decode(b"abc\xFFdef"),
            Err(DecodeError::Undecodable { offset: 3 })
        );
        // GBK text that goes bad late: GB18030 got further than UTF-8.
        let mut bytes = GB18030.encode("济南市").0.into_owned();
        bytes.extend(b"\xFF\xFF");
        assert_eq!(decode(&bytes), Err(DecodeError::Undecodable { offset: 6 }));
    }
}
