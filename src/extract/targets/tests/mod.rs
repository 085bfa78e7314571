//! Snapshot tests of target extraction on short texts (invented, in the style of policy
//! documents): metric, figure, year and comparator of each target found.

use std::path::Path;

use expect_test::{expect, Expect};

use super::extract_targets;
use crate::extract::Mention;
use crate::ingest::parse_document;
use crate::model::EntityType;

fn check(text: &str, expected: Expect) {
    let doc = parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("doc");
    let got: Vec<String> = extract_targets(&doc, &[])
        .iter()
        .map(|t| {
            format!(
                "{} | {}{} | {} | {}",
                t.metric,
                t.value,
                t.unit,
                t.year.map_or("-".into(), |y| y.to_string()),
                t.comparator.as_deref().unwrap_or("-")
            )
        })
        .collect();
    expected.assert_eq(&got.join("\n"));
}

#[test]
fn goals_with_comparators() {
    check(
        "到2025年,规模以上工业营业收入突破1万亿元,先进制造业营业收入占工业比重达到67%左右。",
        expect![[r#"
            规模以上工业营业收入 | 1万亿元 | 2025 | 突破
            先进制造业营业收入占工业比重 | 67% | 2025 | 左右"#]],
    );
}

#[test]
fn continuations_take_the_previous_metric() {
    check(
        "一、2023年工作回顾\n全市地区生产总值完成8235.6亿元,同比增长6.2%,高于全国0.8个百分点;工业用电量148.9亿千瓦时,占全社会用电量的58.7%。",
        expect![[r#"
            地区生产总值 | 8235.6亿元 | 2023 | -
            地区生产总值同比增长 | 6.2% | 2023 | -
            地区生产总值高于全国 | 0.8个百分点 | 2023 | -
            工业用电量 | 148.9亿千瓦时 | 2023 | -
            工业用电量占全社会用电量比重 | 58.7% | 2023 | -"#]],
    );
}

#[test]
fn lists_are_distributed_over_their_members() {
    check(
        "甲钢、乙化收入分别增长2%和1%。东区、西区分别净增55和50户。城镇居民人均可支配收入5.6万元,农村居民人均可支配收入2.8万元,分别增长5.1%和7.3%。",
        expect![[r#"
            甲钢增长 | 2% | - | -
            乙化收入增长 | 1% | - | -
            东区净增 | 55户 | - | -
            西区净增 | 50户 | - | -
            城镇居民人均可支配收入 | 5.6万元 | - | -
            农村居民人均可支配收入 | 2.8万元 | - | -
            城镇居民人均可支配收入增长 | 5.1% | - | -
            农村居民人均可支配收入增长 | 7.3% | - | -"#]],
    );
}

#[test]
fn counts_before_their_noun_take_the_noun() {
    check(
        "培育10个智慧城市应用示范工程,新增1家省级创新中心、20家左右研发中心,直接连通20个国家47个城市。",
        expect![[r#"
            培育智慧城市应用示范工程 | 10个 | - | -
            新增省级创新中心 | 1家 | - | -
            新增研发中心 | 20家 | - | 左右
            直接连通国家 | 20个 | - | -
            直接连通城市 | 47个 | - | -"#]],
    );
}

#[test]
fn ranges_numerals_and_ranks() {
    check(
        "增长10%—15%,培育年产10万辆以上整车企业3-5家,全市GDP过万亿元,推动建设五千亿产业,排名跃升至全省第3位。",
        expect![[r#"
            增长 | 10% | - | -
            培育年产10万辆以上整车企业 | 3家 | - | -
            GDP | 1万亿元 | - | 过
            推动建设产业 | 5千亿 | - | -
            排名跃升至全省 | 3位 | - | -"#]],
    );
}

#[test]
fn years_relative_and_spans() {
    check(
        "发布日期:2023-06-30\n去年新增就业12万人。力争3年内引进500个项目。能耗比2020年降低17%左右。",
        expect![[r#"
            新增就业 | 12万人 | 2022 | -
            引进项目 | 500个 | - | -
            能耗比2020年降低 | 17% | - | 左右"#]],
    );
}

#[test]
fn thresholds_are_not_targets() {
    check(
        "对投资1000万元以上的项目给予奖励。实施投资500万元以上技术改造项目1000个。推进5G+工业互联网。",
        expect!["实施投资500万元以上技术改造项目 | 1000个 | - | -"],
    );
}

#[test]
fn dates_codes_and_names_are_skipped() {
    check(
        "6月18日,实施“12345”工程,落实“4个1”机制,“十四五”时期,党的二十大,电话0531-12345678,5G基站,1:27。",
        expect![[r#""#]],
    );
}

#[test]
fn subject_is_the_mention_inside_the_metric() {
    let text = "软件产业营业收入达到6000亿元。";
    let doc = parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("doc");
    let mention = Mention {
        name: "软件产业".into(),
        kind: EntityType::Industry,
        sentence: 0,
        span: 0.."软件产业".len(),
        confidence: 1.0,
    };
    let t = extract_targets(&doc, &[mention]);
    assert_eq!(t[0].subject, Some(0));
    assert_eq!(t[0].display_name(), "软件产业营业收入 6000亿元");
}

#[test]
fn no_panic_on_random_text() {
    use rand::{Rng, SeedableRng};
    let alphabet: Vec<char> =
        "0123456789.．％%-—~至到和、,，;；。:\n 第一二两三十百千万亿元个家户以上左右多余达到突破占比重增长年月日“”()（）/G分别每年去年2025年"
            .chars()
            .collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    for _ in 0..3000 {
        let len = rng.gen_range(1..80);
        let text: String = (0..len)
            .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
            .collect();
        let Ok(doc) = parse_document("r.txt", Path::new("r.txt"), text.as_bytes()) else {
            continue;
        };
        for t in extract_targets(&doc, &[]) {
            assert!(doc.text.get(t.span.clone()).is_some(), "{text:?}");
            assert!(t.value.is_finite());
        }
    }
}
