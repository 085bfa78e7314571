//! Figures in a sentence: a number (Arabic or Chinese numerals) with its unit as written,
//! magnitude prefix included (`1.3万个`, `五千亿`, `过千亿元`), ranges (`1—2家`, `10%—15%`),
//! shared units (`55和50户`), ranks (`第3位`) and the comparators around it (`突破…`, `…以上`).
//! Dates, years, phone numbers, counts inside names (`“12345”工程`, `十四五`) and descriptors
//! (`千亿级`) are left out. One left-to-right pass; byte offsets are relative to the text given.

use super::lexicon::{ends_with_any, starts_with_any, UnitClass, LEXICON};
use super::numerals::{is_cn_numeral, is_digit, next_numeral, read_cn_simple, read_number};

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset of the number's first character.
    pub start: usize,
    /// Byte offset just past the unit and any comparator that follows it.
    pub end: usize,
    pub value: f64,
    /// The unit as written, magnitude prefix included; empty for an index (`指数达到110`).
    pub unit: String,
    pub class: UnitClass,
    /// The comparator right before the number (`突破`), if any.
    pub before: Option<&'static str>,
    /// The comparator right after the unit (`以上`), or `多`/`余` written before it.
    pub after: Option<&'static str>,
    /// A number whose unit is written only on the next number (`55` in `55和50户`).
    pub shares_next_unit: bool,
}

const RANGE_SEPS: [&str; 8] = ["——", "—", "–", "-", "~", "～", "至", "到"];
const LIST_SEPS: [&str; 4] = ["和", "、", "及", "与"];
const APPROX: [&str; 2] = ["多", "余"];
fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// A unit at `pos`: (unit, class, end). Base units alone or after a magnitude prefix, the
/// longest reading first; a bare prefix (`15亿`) is read as money.
fn read_unit(text: &str, pos: usize) -> Option<(String, UnitClass, usize)> {
    let rest = text.get(pos..)?;
    let base = |s: &str| LEXICON.units.at_start(s);
    let mut best: Option<(String, UnitClass, usize)> = None;
    if let Some((u, class)) = base(rest) {
        best = Some((u.to_string(), class, u.len()));
    }
    if let Some(p) = starts_with_any(rest, &LEXICON.prefixes) {
        // `14万余家`: the approximation may stand between the magnitude and the unit
        let gap = starts_with_any(&rest[p.len()..], &APPROX).map_or(0, str::len);
        match base(&rest[p.len() + gap..]) {
            Some((u, class))
                if class.takes_prefix()
                    && best.as_ref().is_none_or(|b| p.len() + gap + u.len() > b.2) =>
            {
                best = Some((format!("{p}{u}"), class, p.len() + gap + u.len()));
            }
            Some(_) => {}
            None if best.is_none() => best = Some((p.to_string(), UnitClass::Money, p.len())),
            None => {}
        }
    }
    if best.is_none() {
        if let Some(u) = starts_with_any(rest, &LEXICON.ascii_units) {
            let after = &rest[u.len()..];
            let next = after.chars().next();
            let ok = match next {
                None => true,
                Some(c) if c.is_ascii_alphanumeric() || "”\"’」+-".contains(c) => false,
                Some(c) if is_cjk(c) => {
                    starts_with_any(after, &LEXICON.after).is_some()
                        || ["和", "、", "至", "到", "及"]
                            .iter()
                            .any(|s| after.starts_with(s))
                }
                Some(_) => true,
            };
            if ok {
                best = Some((u.to_string(), UnitClass::Measure, u.len()));
            }
        }
    }
    let (mut unit, class, len) = best?;
    let mut end = pos + len;
    if let Some(after) = text[end..]
        .strip_prefix('/')
        .or_else(|| text[end..].strip_prefix('／'))
    {
        if let Some(per) = starts_with_any(after, &LEXICON.per) {
            unit.push('/');
            unit.push_str(per);
            end += text[end..].len() - after.len() + per.len();
        }
    }
    Some((unit, class, end))
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Finds the figures of `text`, in order, none overlapping.
///
/// # Complexity
/// Linear in the length of `text` (the word lists are of constant size).
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut pos = 0;
    // only a digit or a Chinese numeral can open a figure: skip to the next one
    while let Some((at, c)) = next_numeral(text, pos) {
        pos = at;
        let found = if is_digit(c) {
            arabic(text, pos)
        } else if !prev_char(text, pos).is_some_and(is_cn_numeral) {
            chinese(text, pos)
        } else {
            Err(pos + c.len_utf8())
        };
        match found {
            Ok(q) => {
                pos = q.end.max(pos + c.len_utf8());
                out.push(q);
            }
            Err(next) => pos = next.max(pos + c.len_utf8()),
        }
    }
    out
}

/// A figure starting with an Arabic number at `pos`, or the offset to resume scanning at.
fn arabic(text: &str, pos: usize) -> Result<Quantity, usize> {
    let Some((value, num_end)) = read_number(text, pos) else {
        return Err(skip_digits(text, pos));
    };
    // digits glued to letters or signs are codes; a number opening a quotation names something
    // (`“4个1”工作体系`, `双“30条”`)
    // a minus sign after a word, not after a digit or letter (`增长-2.1%`)
    let negative = prev_char(text, pos).is_some_and(|m| {
        matches!(m, '-' | '－')
            && prev_char(text, pos - m.len_utf8())
                .is_some_and(|p| !p.is_ascii_alphanumeric() && !is_digit(p))
    });
    let glued = prev_char(text, pos)
        .is_some_and(|p| p.is_ascii_alphanumeric() || "._-/:+：×*#“\"「".contains(p));
    if glued && !negative {
        return Err(num_end);
    }
    let value = if negative { -value } else { value };
    let ordinal = prev_char(text, pos) == Some('第');
    let (mut after, mut p) = approx_at(text, num_end);
    let mut unit = read_unit(text, p);
    let mut shares_next_unit = false;
    let mut end;
    if let Some(range_end) = range_at(text, unit.as_ref().map_or(p, |u| u.2)) {
        if unit.is_none() {
            unit = range_end.1;
        }
        end = range_end.0;
    } else if unit.is_none() {
        unit = shared_unit(text, p);
        shares_next_unit = unit.is_some();
        end = p;
    } else {
        end = unit.as_ref().map_or(p, |u| u.2);
    }
    if unit.is_none() {
        let before = trim_before(&text[..pos]);
        if text[p..].starts_with('年') && before.ends_with("连续") {
            unit = Some(("年".into(), UnitClass::Time, p + '年'.len_utf8()));
            end = p + '年'.len_utf8();
        } else if before.ends_with("指数") && !text[p..].starts_with(['年', '月', '日', '.']) {
            unit = Some((String::new(), UnitClass::Measure, p));
            end = p;
        }
    }
    let Some((unit, mut class, unit_end)) = unit else {
        return Err(num_end);
    };
    // `5G`, `4G`: a generation of mobile networks, not a quantity of `G`
    if unit == "G"
        && num_end - pos == 1
        && text[pos..num_end]
            .parse::<u8>()
            .is_ok_and(|d| (2..=6).contains(&d))
    {
        return Err(unit_end);
    }
    if ordinal {
        if !(unit == "位" || unit == "名") {
            return Err(unit_end);
        }
        class = UnitClass::Rank;
    }
    if shares_next_unit {
        p = num_end;
    } else {
        p = end;
    }
    if starts_with_any(&text[p..], &LEXICON.stop).is_some() {
        return Err(p);
    }
    if let Some(s) = starts_with_any(&text[p..], &LEXICON.after) {
        after = Some(s);
        p += s.len();
    }
    // the figure starts at its minus sign
    let start = if negative {
        prev_char(text, pos).map_or(pos, |m| pos - m.len_utf8())
    } else {
        pos
    };
    Ok(Quantity {
        start,
        end: if shares_next_unit { num_end } else { p },
        value,
        unit,
        class,
        before: ends_with_any(&text[..start], &LEXICON.before),
        after,
        shares_next_unit,
    })
}

fn skip_digits(text: &str, pos: usize) -> usize {
    text[pos..]
        .char_indices()
        .find(|&(_, c)| !(is_digit(c) || c == '.'))
        .map_or(text.len(), |(i, _)| pos + i)
}

/// `多` or `余` at `pos`: the word and the offset past it.
fn approx_at(text: &str, pos: usize) -> (Option<&'static str>, usize) {
    match starts_with_any(&text[pos..], &APPROX) {
        Some(a) => (Some(a), pos + a.len()),
        None => (None, pos),
    }
}

/// The end of a range's upper bound at `pos` (`—2家`, `至15%`), with its unit.
#[allow(clippy::type_complexity)]
fn range_at(text: &str, pos: usize) -> Option<(usize, Option<(String, UnitClass, usize)>)> {
    let sep = starts_with_any(&text[pos..], &RANGE_SEPS)?;
    let (_, num_end) = read_number(text, pos + sep.len())?;
    let (_, p) = approx_at(text, num_end);
    let unit = read_unit(text, p)?;
    Some((unit.2, Some(unit)))
}

/// The unit written after a list of bare numbers (`55和50户`): the unit, its class and the end
/// of the first number's unit (the first number's own end).
fn shared_unit(text: &str, pos: usize) -> Option<(String, UnitClass, usize)> {
    let mut p = pos;
    for _ in 0..6 {
        let sep = starts_with_any(&text[p..], &LIST_SEPS)?;
        let (_, num_end) = read_number(text, p + sep.len())?;
        let (_, q) = approx_at(text, num_end);
        if let Some((unit, class, _)) = read_unit(text, q) {
            return Some((unit, class, pos));
        }
        p = q;
    }
    None
}

/// `text` without the comparators and link words at its end (`指数达到` → `指数`).
fn trim_before(text: &str) -> &str {
    let mut t = text;
    while let Some(w) =
        ends_with_any(t, &LEXICON.link).or_else(|| ends_with_any(t, &LEXICON.before))
    {
        t = &t[..t.len() - w.len()];
    }
    t
}

/// A figure starting with a Chinese numeral at `pos` (`十个`, `五千亿`, `万家`, `第二名`),
/// accepted only after a comparator or an action verb, or as a rank.
fn chinese(text: &str, pos: usize) -> Result<Quantity, usize> {
    let run_end = text[pos..]
        .char_indices()
        .find(|&(_, c)| !is_cn_numeral(c))
        .map_or(text.len(), |(i, _)| pos + i);
    let run = &text[pos..run_end];
    let before_text = &text[..pos];
    let ordinal = before_text.ends_with('第');
    let triggered = ends_with_any(before_text, &LEXICON.before).is_some()
        || ends_with_any(before_text, &LEXICON.action).is_some();
    if !(ordinal || triggered) {
        return Err(run_end);
    }
    let mut prefixes: Vec<&str> = LEXICON
        .prefixes
        .iter()
        .filter(|p| run.ends_with(p))
        .collect();
    prefixes.push("");
    for prefix in prefixes {
        let head = &run[..run.len() - prefix.len()];
        let value = if head.is_empty() {
            if prefix.is_empty() {
                continue;
            }
            1.0
        } else {
            match read_cn_simple(head) {
                Some(v) => v,
                None => continue,
            }
        };
        let base = LEXICON.units.at_start(&text[run_end..]);
        let (unit, class, mut end) = match base {
            Some((u, class)) if prefix.is_empty() || class.takes_prefix() => {
                (format!("{prefix}{u}"), class, run_end + u.len())
            }
            _ if !prefix.is_empty() => (prefix.to_string(), UnitClass::Money, run_end),
            _ => continue,
        };
        let next = text[end..].chars().next();
        let descriptor = head.is_empty()
            && class == UnitClass::Money
            && next.is_some_and(|c| c.is_alphanumeric())
            && starts_with_any(&text[end..], &LEXICON.after).is_none();
        if descriptor || starts_with_any(&text[end..], &LEXICON.stop).is_some() {
            return Err(run_end);
        }
        let class = if ordinal {
            if !(unit == "位" || unit == "名") {
                return Err(run_end);
            }
            UnitClass::Rank
        } else {
            if value == 1.0 && prefix.is_empty() {
                return Err(run_end);
            }
            class
        };
        let mut after = None;
        if let Some(s) = starts_with_any(&text[end..], &LEXICON.after) {
            after = Some(s);
            end += s.len();
        }
        return Ok(Quantity {
            start: pos,
            end,
            value,
            unit,
            class,
            before: ends_with_any(before_text, &LEXICON.before),
            after,
            shares_next_unit: false,
        });
    }
    Err(run_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(text: &str, expected: Expect) {
        let got: Vec<String> = scan(text)
            .iter()
            .map(|q| {
                format!(
                    "{} {}{}{}{}",
                    &text[q.start..q.end],
                    q.value,
                    q.unit,
                    q.before.map(|b| format!(" <{b}")).unwrap_or_default(),
                    q.after.map(|a| format!(" >{a}")).unwrap_or_default(),
                )
            })
            .collect();
        expected.assert_eq(&got.join("\n"));
    }

    #[test]
    fn numbers_with_units_and_comparators() {
        check(
            "营业收入突破1万亿元,比重达到67%左右,净增300多户,拉动2个百分点以上",
            expect![[r#"
                1万亿元 1万亿元 <突破
                67%左右 67% <达到 >左右
                300多户 300户 >多
                2个百分点以上 2个百分点 >以上"#]],
        );
    }

    #[test]
    fn ranges_shared_units_and_ranks() {
        check(
            "增长10%—15%,新培育2—3个,分别净增55和50户,跃升至全省第3位,第二名,第六届",
            expect![[r#"
                10%—15% 10%
                2—3个 2个
                55 55户
                50户 50户
                3位 3位
                二名 2名"#]],
        );
    }

    #[test]
    fn chinese_numerals_need_a_trigger() {
        check(
            "过千亿元,突破五千亿,培育十个小镇,实施百项项目,三年行动,“十四五”,二十大,千亿级,形成一个",
            expect![[r#"
                千亿元 1千亿元 <过
                五千亿 5千亿 <突破
                十个 10个
                百项 1百项"#]],
        );
    }

    #[test]
    fn dates_names_and_ids_are_not_figures() {
        check(
            "2012年6月18日,“12345”工程,“6+1”行动,5G基站,电话0531-12345678,1:27,TOP10,带宽1080G。",
            expect![[r#"1080G 1080G"#]],
        );
    }

    #[test]
    fn thousands_separators_and_minus_signs() {
        check(
            "总值12,027.5亿元,增长-2.1%,分别为3,5和7个",
            expect![[r#"
                12,027.5亿元 12027.5亿元
                -2.1% -2.1%
                5 5个
                7个 7个"#]],
        );
    }

    #[test]
    fn index_without_unit_and_per_units() {
        check(
            "两化融合发展指数达到110,标准提高到995元/月,亩均产值22万元/亩,连续11年",
            expect![[r#"
                110 110 <达到
                995元/月 995元/月
                22万元/亩 22万元/亩
                11年 11年"#]],
        );
    }
}
