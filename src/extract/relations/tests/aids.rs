//! Development aids run by hand (relations over the gold's own mentions, the real extractor's
//! output for a sentence) and the check that no input makes the rules panic.

use super::*;

/// Development aid, not a check: runs the rules on the sample corpus with the gold entities as
/// mentions (every occurrence of every variant, quotes ignored) and writes
/// `source\tRELATION\ttarget` lines to `$ZHITU_REL_OUT/<doc>.tsv`. Run with
/// `ZHITU_REL_OUT=/tmp/rel cargo test --lib oracle -- --ignored`.
#[test]
#[ignore]
fn oracle_mentions_on_corpus() {
    let Ok(out) = std::env::var("ZHITU_REL_OUT") else {
        return;
    };
    let _ = std::fs::create_dir_all(&out);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(dir) = std::fs::read_dir(root.join("tests/fixtures/gold")) else {
        return;
    };
    for entry in dir.flatten() {
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(entry.path()).unwrap_or_default())
                .unwrap_or_default();
        let id = gold["doc"].as_str().unwrap_or("").to_string();
        let Ok(bytes) = std::fs::read(root.join("graphs/corpus").join(&id)) else {
            continue;
        };
        let d = parse_document(&id, Path::new(&id), &bytes).expect("corpus text");
        // text without quotes, with a map back to byte offsets
        let mut plain = String::new();
        let mut back: Vec<usize> = Vec::new();
        for (b, c) in d.text.char_indices() {
            if matches!(c, '“' | '”' | '‘' | '’' | '"' | '《' | '》') {
                continue;
            }
            for _ in 0..c.len_utf8() {
                back.push(b);
            }
            plain.push(c);
        }
        back.push(d.text.len());
        let mut ms: Vec<Mention> = Vec::new();
        for e in gold["entities"].as_array().into_iter().flatten() {
            let kind = EntityType::parse(e["type"].as_str().unwrap_or("")).unwrap_or(Unknown);
            for v in e["variants"].as_array().into_iter().flatten() {
                let v = v.as_str().unwrap_or("");
                if v.is_empty() {
                    continue;
                }
                for (at, _) in plain.match_indices(v) {
                    let (start, end) = (back[at], back[at + v.len() - 1]);
                    let end = end + d.text[end..].chars().next().map_or(0, char::len_utf8);
                    let Some(sentence) = d
                        .sentences
                        .iter()
                        .position(|s| s.span.start <= start && end <= s.span.end)
                    else {
                        continue;
                    };
                    ms.push(Mention {
                        name: v.to_string(),
                        kind,
                        sentence,
                        span: start..end,
                        confidence: 1.0,
                    });
                }
            }
        }
        ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let rels = extract_relations(&d, &ms, &[]);
        let mut lines = String::new();
        for r in rels {
            if let (Endpoint::Mention(a), Endpoint::Mention(b)) = (r.source, r.target) {
                lines.push_str(&format!(
                    "{}\t{}\t{}\t{:.2}\t{}\n",
                    ms[a].name,
                    r.relation,
                    ms[b].name,
                    r.confidence,
                    d.text.get(r.span.clone()).unwrap_or("")
                ));
            }
        }
        let _ = std::fs::write(Path::new(&out).join(format!("{id}.tsv")), lines);
    }
}

/// Development aid: prints the real extractor's mentions and this module's relations for the
/// sentences of `$ZHITU_DOC` holding `$ZHITU_GREP`.
#[test]
#[ignore]
fn debug_real_mentions() {
    let (Ok(path), Ok(grep)) = (std::env::var("ZHITU_DOC"), std::env::var("ZHITU_GREP")) else {
        return;
    };
    let Ok(d) = crate::ingest::read_document(Path::new(&path)) else {
        return;
    };
    let seg = crate::segment::Segmenter::new();
    let ex = crate::extract::extract(&d, &seg, &Default::default());
    for (s, _) in d.sentences.iter().enumerate() {
        let text = d.sentence_text(s);
        if !text.contains(grep.as_str()) {
            continue;
        }
        println!("== {s} {text}");
        for m in ex.mentions.iter().filter(|m| m.sentence == s) {
            println!("   {} {:?} {:?}", m.name, m.kind, m.span);
        }
        for r in ex.relations.iter().filter(|r| r.sentence == s) {
            let name = |e: Endpoint| match e {
                Endpoint::Mention(i) => ex.mentions[i].name.clone(),
                other => format!("{other:?}"),
            };
            println!("   -> {} {} {}", name(r.source), r.relation, name(r.target));
        }
    }
}

/// No input makes the rules panic: random texts in the genre's alphabet, with mentions and
/// targets at random char boundaries (and some out of range), of random kinds.
#[test]
fn random_mentions_never_panic() {
    use rand::{Rng, SeedableRng};
    let alphabet: Vec<char> = "市区县省中国合肥苏州高新区建设推进打造等、和与，。；：（）()“”《》即其中占比重位于落户由投资的企业集团项目产业园基地行动计划责任单位局长书记合作签约 1234567890\n"
        .chars()
        .collect();
    let kinds = EntityType::NAMED;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    for _ in 0..300 {
        let len = rng.gen_range(1..120);
        let text: String = (0..len)
            .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
            .collect();
        let Ok(d) = parse_document("r.txt", Path::new("r.txt"), text.as_bytes()) else {
            continue;
        };
        let bounds: Vec<usize> = d
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([d.text.len()])
            .collect();
        let n = rng.gen_range(0..25);
        let ms: Vec<Mention> = (0..n)
            .map(|_| {
                let a = bounds[rng.gen_range(0..bounds.len())];
                let b = bounds[rng.gen_range(0..bounds.len())];
                let (a, b) = (a.min(b), a.max(b) + rng.gen_range(0..3) * 50);
                let sentence = rng.gen_range(0..d.sentences.len() + 2);
                Mention {
                    name: d.text.get(a..b).unwrap_or("某某").to_string(),
                    kind: kinds[rng.gen_range(0..kinds.len())],
                    sentence,
                    span: a..b,
                    confidence: 1.0,
                }
            })
            .collect();
        let ts: Vec<TargetMention> = (0..rng.gen_range(0..3))
            .map(|_| TargetMention {
                metric: "某".into(),
                value: 1.0,
                unit: "%".into(),
                year: None,
                comparator: None,
                text: "某".into(),
                sentence: rng.gen_range(0..d.sentences.len() + 2),
                span: 0..rng.gen_range(0..d.text.len() + 10),
                subject: Some(rng.gen_range(0..n + 2)),
            })
            .collect();
        let rels = extract_relations(&d, &ms, &ts);
        for r in rels {
            assert!(r.sentence < d.sentences.len());
            for e in [r.source, r.target] {
                match e {
                    Endpoint::Mention(i) => assert!(i < ms.len()),
                    Endpoint::Target(i) => assert!(i < ts.len()),
                    Endpoint::Document => {}
                }
            }
        }
    }
}
