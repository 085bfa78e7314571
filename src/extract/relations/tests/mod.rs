//! Snapshot tests of the relation rules on made-up sentences in the genre, with hand-made
//! mentions standing in for the entity extractor (every occurrence of each listed name, longest
//! first).

use std::path::Path;

use expect_test::{expect, Expect};

use super::extract_relations;
use crate::extract::{Endpoint, Mention, RelationMention, TargetMention};
use crate::ingest::{parse_document, Document};
use crate::model::EntityType::{self, *};

fn doc(text: &str) -> Document {
    parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("test text")
}

/// Every occurrence of every listed name, an occurrence inside a longer one dropped.
fn mentions(doc: &Document, names: &[(&str, EntityType)]) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for &(name, kind) in names {
        for (at, _) in doc.text.match_indices(name) {
            let sentence = doc
                .sentences
                .iter()
                .position(|s| s.span.start <= at && at < s.span.end)
                .unwrap_or(0);
            found.push(Mention {
                name: name.to_string(),
                kind,
                sentence,
                span: at..at + name.len(),
                confidence: 1.0,
            });
        }
    }
    let all = found.clone();
    found.retain(|m| {
        !all.iter().any(|o| {
            o.span.start <= m.span.start && m.span.end <= o.span.end && o.span.len() > m.span.len()
        })
    });
    found.sort_by_key(|m| m.span.start);
    found
}

fn render(
    doc: &Document,
    ms: &[Mention],
    ts: &[TargetMention],
    rels: &[RelationMention],
) -> String {
    let end = |e: Endpoint| match e {
        Endpoint::Mention(i) => ms[i].name.clone(),
        Endpoint::Target(i) => format!("target:{}", ts[i].metric),
        Endpoint::Document => "document".to_string(),
    };
    let mut lines: Vec<String> = rels
        .iter()
        .map(|r| {
            format!(
                "{} -{}-> {} {:.2} «{}»",
                end(r.source),
                r.relation,
                end(r.target),
                r.confidence,
                &doc.text[r.span.clone()]
            )
        })
        .collect();
    lines.sort();
    lines.join("\n") + "\n"
}

fn check(text: &str, names: &[(&str, EntityType)], want: Expect) {
    let d = doc(text);
    let ms = mentions(&d, names);
    let rels = extract_relations(&d, &ms, &[]);
    want.assert_eq(&render(&d, &ms, &[], &rels));
}

mod aids;
mod general;
mod located;

#[test]
fn enterprises_projects_and_industries() {
    check(
        "合肥市政府工作报告\n以江淮集团、科大讯飞等企业为代表的汽车、人工智能等行业增长较快。蔚来新能源整车项目竣工投产，江淮集团动力电池项目开工，长安汽车合肥基地建成。长安汽车增长较快。推动长鑫、晶合“芯屏”基地建设。新能源汽车领域重点推动智能网联汽车、动力电池等重点项目建设。依托量子大道、科学岛等重大项目，打造量子信息产业集群。",
        &[
            ("合肥市", Place),
            ("江淮集团", Enterprise),
            ("科大讯飞", Enterprise),
            ("蔚来", Enterprise),
            ("长鑫", Enterprise),
            ("晶合", Enterprise),
            ("汽车", Industry),
            ("人工智能", Industry),
            ("新能源汽车", Industry),
            ("智能网联汽车", Industry),
            ("动力电池", Industry),
            ("量子信息", Industry),
            ("蔚来新能源整车项目", Project),
            ("长安汽车", Enterprise),
            ("长安汽车合肥基地", Project),
            ("江淮集团动力电池项目", Project),
            ("芯屏”基地", Project),
            ("量子大道", Project),
            ("科学岛", Project),
        ],
        expect![[r#"
            动力电池 -PART_OF-> 新能源汽车 0.60 «新能源汽车领域重点推动智能网联汽车、动力电池»
            晶合 -DEVELOPS-> 芯屏”基地 0.60 «晶合“芯屏”基地»
            晶合 -LOCATED_IN-> 合肥市 0.50 «晶合»
            智能网联汽车 -PART_OF-> 新能源汽车 0.60 «新能源汽车领域重点推动智能网联汽车»
            江淮集团 -DEVELOPS-> 江淮集团动力电池项目 0.70 «江淮集团动力电池项目»
            江淮集团 -IN_INDUSTRY-> 动力电池 0.40 «江淮集团动力电池项目»
            江淮集团 -IN_INDUSTRY-> 汽车 0.65 «江淮集团、科大讯飞等企业为代表的汽车»
            江淮集团 -LOCATED_IN-> 合肥市 0.50 «江淮集团»
            江淮集团动力电池项目 -IN_INDUSTRY-> 动力电池 0.60 «江淮集团动力电池项目»
            江淮集团动力电池项目 -LOCATED_IN-> 合肥市 0.50 «江淮集团动力电池项目»
            科大讯飞 -IN_INDUSTRY-> 人工智能 0.65 «科大讯飞等企业为代表的汽车、人工智能»
            科大讯飞 -LOCATED_IN-> 合肥市 0.50 «科大讯飞»
            科学岛 -IN_INDUSTRY-> 量子信息 0.35 «科学岛等重大项目，打造量子信息»
            科学岛 -LOCATED_IN-> 合肥市 0.50 «科学岛»
            芯屏”基地 -LOCATED_IN-> 合肥市 0.50 «芯屏”基地»
            蔚来新能源整车项目 -LOCATED_IN-> 合肥市 0.50 «蔚来新能源整车项目»
            量子大道 -IN_INDUSTRY-> 量子信息 0.35 «量子大道、科学岛等重大项目，打造量子信息»
            量子大道 -LOCATED_IN-> 合肥市 0.50 «量子大道»
            长安汽车 -DEVELOPS-> 长安汽车合肥基地 0.70 «长安汽车合肥基地»
            长安汽车 -IN_INDUSTRY-> 汽车 0.50 «长安汽车»
            长安汽车 -LOCATED_IN-> 合肥市 0.50 «长安汽车»
            长安汽车合肥基地 -LOCATED_IN-> 合肥市 0.75 «长安汽车合肥基地»
            长鑫 -DEVELOPS-> 芯屏”基地 0.60 «长鑫、晶合“芯屏”基地»
            长鑫 -LOCATED_IN-> 合肥市 0.50 «长鑫»
        "#]],
    );
}

#[test]
fn paired_lists_and_clauses() {
    check(
        "苏州市工作报告\n以沙钢、盛虹、亨通等龙头企业为依托，着力提升冶金 钢铁、化纤、光通信等产业。做强生物医药产业，提高原研药、中药等创新能力，加快生物医药产业园、透明质酸谷建设。家具、服装、灯光等都市消费领域推进智能制造。先进制造业增加值占制造业比重达到60%。信息技术产业竞争力提高。收入增长18%，其中软件业增长25%。",
        &[
            ("苏州市", Place),
            ("沙钢", Enterprise),
            ("盛虹", Enterprise),
            ("亨通", Enterprise),
            ("冶金", Industry),
            ("钢铁", Industry),
            ("化纤", Industry),
            ("光通信", Industry),
            ("生物医药", Industry),
            ("生物医药产业园", Project),
            ("透明质酸谷", Project),
            ("家具", Industry),
            ("服装", Industry),
            ("都市消费", Industry),
            ("智能制造", Industry),
            ("先进制造业", Industry),
            ("制造业", Industry),
            ("信息技术产业", Industry),
            ("软件业", Industry),
        ],
        expect![[r#"
            亨通 -IN_INDUSTRY-> 光通信 0.45 «亨通等龙头企业为依托，着力提升冶金 钢铁、化纤、光通信»
            亨通 -LOCATED_IN-> 苏州市 0.50 «亨通»
            先进制造业 -PART_OF-> 制造业 0.50 «先进制造业增加值占制造业»
            家具 -PART_OF-> 都市消费 0.65 «家具、服装、灯光等都市消费»
            服装 -PART_OF-> 都市消费 0.65 «服装、灯光等都市消费»
            沙钢 -IN_INDUSTRY-> 冶金 0.45 «沙钢、盛虹、亨通等龙头企业为依托，着力提升冶金»
            沙钢 -IN_INDUSTRY-> 钢铁 0.45 «沙钢、盛虹、亨通等龙头企业为依托，着力提升冶金 钢铁»
            沙钢 -LOCATED_IN-> 苏州市 0.50 «沙钢»
            生物医药产业园 -IN_INDUSTRY-> 生物医药 0.60 «生物医药产业园»
            生物医药产业园 -LOCATED_IN-> 苏州市 0.50 «生物医药产业园»
            盛虹 -IN_INDUSTRY-> 化纤 0.45 «盛虹、亨通等龙头企业为依托，着力提升冶金 钢铁、化纤»
            盛虹 -LOCATED_IN-> 苏州市 0.50 «盛虹»
            软件业 -PART_OF-> 信息技术产业 0.50 «软件业»
            透明质酸谷 -IN_INDUSTRY-> 生物医药 0.40 «生物医药产业，提高原研药、中药等创新能力，加快生物医药产业园、透明质酸谷»
            透明质酸谷 -LOCATED_IN-> 苏州市 0.50 «透明质酸谷»
        "#]],
    );
}

#[test]
fn firms_partners_and_sites() {
    check(
        "合肥市工作报告\n新能源汽车龙头企业蔚来、江淮集团加快发展。蔚来与江淮集团合作共建先进制造基地。量子产业园由国盾量子投资建设。高新区的科大讯飞加快发展。建成合肥港、合肥港派河港区。支持蔚来在上海设立研发中心。",
        &[
            ("合肥市", Place),
            ("新能源汽车", Industry),
            ("蔚来", Enterprise),
            ("江淮集团", Enterprise),
            ("国盾量子", Enterprise),
            ("科大讯飞", Enterprise),
            ("先进制造基地", Project),
            ("量子产业园", Project),
            ("合肥港", Project),
            ("合肥港派河港区", Project),
            ("高新区", Place),
            ("上海", Place),
            ("研发中心", Organization),
        ],
        expect![[r#"
            先进制造基地 -LOCATED_IN-> 合肥市 0.50 «先进制造基地»
            合肥港 -LOCATED_IN-> 合肥市 0.75 «合肥港»
            合肥港派河港区 -LOCATED_IN-> 合肥市 0.75 «合肥港派河港区»
            合肥港派河港区 -PART_OF-> 合肥港 0.50 «合肥港派河港区»
            国盾量子 -DEVELOPS-> 量子产业园 0.60 «量子产业园由国盾量子»
            国盾量子 -LOCATED_IN-> 合肥市 0.50 «国盾量子»
            江淮集团 -DEVELOPS-> 先进制造基地 0.55 «江淮集团合作共建先进制造基地»
            江淮集团 -IN_INDUSTRY-> 新能源汽车 0.60 «新能源汽车龙头企业蔚来、江淮集团»
            江淮集团 -LOCATED_IN-> 合肥市 0.50 «江淮集团»
            研发中心 -LOCATED_IN-> 上海 0.60 «上海设立研发中心»
            科大讯飞 -LOCATED_IN-> 高新区 0.60 «高新区的科大讯飞»
            蔚来 -DEVELOPS-> 先进制造基地 0.55 «蔚来与江淮集团合作共建先进制造基地»
            蔚来 -IN_INDUSTRY-> 新能源汽车 0.60 «新能源汽车龙头企业蔚来»
            蔚来 -LOCATED_IN-> 合肥市 0.50 «蔚来»
            蔚来 -PARTNERS_WITH-> 江淮集团 0.70 «蔚来与江淮集团»
            量子产业园 -LOCATED_IN-> 合肥市 0.50 «量子产业园»
            高新区 -LOCATED_IN-> 合肥市 0.60 «高新区»
        "#]],
    );
}

#[test]
fn policies_and_their_parts() {
    check(
        "苏州市推进制造业智能化改造三年行动计划\n（一）实施智能工厂培育行动\n1.推进试点。围绕智能工厂培育行动，开展数字诊断专项行动。（责任单位：市工业和信息化局、市财政局）\n突出抓好“3+1”专项行动的实施。即：数字车间建设行动、工业互联网赋能行动和人才培育行动。\n“123”工程：聚焦一个目标；大力实施数字化转型和绿色化转型双轮驱动战略；打造三大品牌。\n实施智能制造战略作为全市制造强市战略的重要组成部分。",
        &[
            ("苏州市", Place),
            ("苏州市推进制造业智能化改造三年行动计划", Policy),
            ("智能工厂培育行动", Policy),
            ("数字诊断专项行动", Policy),
            ("市工业和信息化局", Organization),
            ("市财政局", Organization),
            ("3+1”专项行动", Policy),
            ("数字车间建设行动", Policy),
            ("工业互联网赋能行动", Policy),
            ("人才培育行动", Policy),
            ("123”工程", Policy),
            ("双轮驱动战略", Policy),
            ("智能制造战略", Policy),
            ("制造强市战略", Policy),
        ],
        expect![[r#"
            人才培育行动 -PART_OF-> 3+1”专项行动 0.70 «人才培育行动»
            双轮驱动战略 -PART_OF-> 123”工程 0.50 «双轮驱动战略»
            工业互联网赋能行动 -PART_OF-> 3+1”专项行动 0.70 «工业互联网赋能行动»
            市工业和信息化局 -RESPONSIBLE_FOR-> 数字诊断专项行动 0.60 «市工业和信息化局»
            市工业和信息化局 -RESPONSIBLE_FOR-> 智能工厂培育行动 0.50 «市工业和信息化局»
            市财政局 -RESPONSIBLE_FOR-> 数字诊断专项行动 0.60 «市财政局»
            市财政局 -RESPONSIBLE_FOR-> 智能工厂培育行动 0.50 «市财政局»
            数字车间建设行动 -PART_OF-> 3+1”专项行动 0.70 «数字车间建设行动»
            智能制造战略 -PART_OF-> 制造强市战略 0.55 «智能制造战略作为全市制造强市战略»
            智能工厂培育行动 -PART_OF-> 苏州市推进制造业智能化改造三年行动计划 0.60 «智能工厂培育行动»
        "#]],
    );
}

#[test]
fn people_and_partners() {
    check(
        "苏州市召开新闻发布会\n我们邀请到苏州市工业和信息化局党组书记、局长张某某，苏州市工业和信息化局副局长李某某。恒力集团及时调整产品结构，与吉利合作共建光伏电站。东吴证券和恒力集团等企业增长较快。王某（恒力集团董事长）出席。苏州日报记者 赵某。中共苏州市委宣传部副部长钱某主持，中共苏州市委高度重视。沙钢携手宝武集团发展。",
        &[
            ("苏州市", Place),
            ("苏州市工业和信息化局", Organization),
            ("张某某", Person),
            ("李某某", Person),
            ("恒力集团", Enterprise),
            ("吉利", Enterprise),
            ("东吴证券", Enterprise),
            ("王某", Person),
            ("苏州日报", Organization),
            ("赵某", Person),
            ("钱某", Person),
            ("中共苏州市委宣传部", Organization),
            ("中共苏州市委", Organization),
            ("沙钢", Enterprise),
            ("宝武集团", Enterprise),
        ],
        expect![[r#"
            东吴证券 -LOCATED_IN-> 苏州市 0.50 «东吴证券»
            中共苏州市委 -LOCATED_IN-> 苏州市 0.75 «中共苏州市委»
            中共苏州市委宣传部 -LOCATED_IN-> 苏州市 0.75 «中共苏州市委宣传部»
            吉利 -LOCATED_IN-> 苏州市 0.50 «吉利»
            宝武集团 -LOCATED_IN-> 苏州市 0.50 «宝武集团»
            张某某 -WORKS_FOR-> 苏州市工业和信息化局 0.80 «苏州市工业和信息化局党组书记、局长张某某»
            恒力集团 -LOCATED_IN-> 苏州市 0.50 «恒力集团»
            恒力集团 -PARTNERS_WITH-> 吉利 0.55 «恒力集团及时调整产品结构，与吉利»
            李某某 -WORKS_FOR-> 苏州市工业和信息化局 0.80 «苏州市工业和信息化局副局长李某某»
            沙钢 -LOCATED_IN-> 苏州市 0.50 «沙钢»
            沙钢 -PARTNERS_WITH-> 宝武集团 0.70 «沙钢携手宝武集团»
            王某 -WORKS_FOR-> 恒力集团 0.70 «王某（恒力集团»
            苏州市工业和信息化局 -LOCATED_IN-> 苏州市 0.75 «苏州市工业和信息化局»
            苏州日报 -LOCATED_IN-> 苏州市 0.75 «苏州日报»
            赵某 -WORKS_FOR-> 苏州日报 0.80 «苏州日报记者 赵某»
            钱某 -WORKS_FOR-> 中共苏州市委 0.60 «中共苏州市委宣传部副部长钱某»
            钱某 -WORKS_FOR-> 中共苏州市委宣传部 0.80 «中共苏州市委宣传部副部长钱某»
        "#]],
    );
}

#[test]
fn targets_are_set_and_measure() {
    let d = doc("合肥市“十四五”规划\n到2025年，集成电路产业规模达到2000亿元。");
    let ms = mentions(
        &d,
        &[
            ("合肥市", Place),
            ("十四五”规划", Policy),
            ("集成电路", Industry),
        ],
    );
    let at = d.text.find("集成电路产业规模").unwrap_or(0);
    let ts = vec![TargetMention {
        metric: "集成电路产业规模".into(),
        value: 2000.0,
        unit: "亿元".into(),
        year: Some(2025),
        comparator: None,
        text: "集成电路产业规模达到2000亿元".into(),
        sentence: 1,
        span: at..at + "集成电路产业规模达到2000亿元".len(),
        subject: ms.iter().position(|m| m.name == "集成电路"),
    }];
    let mut unlinked = ts.clone();
    unlinked[0].subject = None;
    let rels = extract_relations(&d, &ms, &unlinked);
    let found = rels
        .iter()
        .any(|r| r.relation == crate::model::RelationType::Measures && r.confidence < 0.6);
    assert!(found, "the subject is found inside the target's words");
    let rels = extract_relations(&d, &ms, &ts);
    expect![[r#"
        document -SETS_TARGET-> target:集成电路产业规模 0.90 «集成电路产业规模达到2000亿元»
        target:集成电路产业规模 -MEASURES-> 集成电路 0.70 «集成电路产业规模达到2000亿元»
    "#]]
    .assert_eq(&render(&d, &ms, &ts, &rels));
}

#[test]
fn no_mentions_no_relations_no_panic() {
    let d = doc("空文档。");
    assert!(extract_relations(&d, &[], &[]).is_empty());
    // mentions pointing outside the text are ignored
    let bad = Mention {
        name: "某地".into(),
        kind: Place,
        sentence: 9,
        span: 100..200,
        confidence: 1.0,
    };
    assert!(extract_relations(&d, &[bad], &[]).is_empty());
}
