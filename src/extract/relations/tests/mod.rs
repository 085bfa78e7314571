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

#[test]
fn districts_and_city_and_province() {
    check(
        "合肥市2024年工业经济工作报告\n蜀山区、包河区和合肥高新区增速高于全市平均水平。合肥市位于安徽省中部，长江流域。对口支援甘肃省临夏州。",
        &[
            ("合肥市", Place),
            ("蜀山区", Place),
            ("包河区", Place),
            ("合肥高新区", Place),
            ("安徽省", Place),
            ("长江流域", Place),
            ("甘肃省", Place),
            ("临夏州", Place),
        ],
        expect![[r#"
            临夏州 -LOCATED_IN-> 甘肃省 0.80 «甘肃省临夏州»
            包河区 -LOCATED_IN-> 合肥市 0.80 «包河区»
            合肥市 -LOCATED_IN-> 安徽省 0.80 «合肥市»
            合肥高新区 -LOCATED_IN-> 合肥市 0.75 «合肥高新区»
            蜀山区 -LOCATED_IN-> 合肥市 0.80 «蜀山区»
        "#]],
    );
}

#[test]
fn province_documents_and_the_country() {
    check(
        "江苏省制造业发展报告\n南京、苏州、苏州增长较快。某某集团加快发展。省工业和信息化厅、国务院、南京某某研究院。",
        &[
            ("江苏省", Place),
            ("南京", Place),
            ("苏州", Place),
            ("某某集团", Enterprise),
            ("省工业和信息化厅", Organization),
            ("国务院", Organization),
            ("南京某某研究院", Organization),
        ],
        expect![[r#"
            南京 -LOCATED_IN-> 江苏省 0.60 «南京»
            南京某某研究院 -LOCATED_IN-> 南京 0.75 «南京某某研究院»
            某某集团 -LOCATED_IN-> 江苏省 0.40 «某某集团»
            省工业和信息化厅 -LOCATED_IN-> 江苏省 0.50 «省工业和信息化厅»
            苏州 -LOCATED_IN-> 江苏省 0.60 «苏州»
        "#]],
    );
    check(
        "深圳市工作报告\n深圳是中国改革开放的窗口。华为、腾讯增长较快。",
        &[
            ("深圳市", Place),
            ("深圳", Place),
            ("中国", Place),
            ("华为", Enterprise),
            ("腾讯", Enterprise),
        ],
        expect![[r#"
            华为 -LOCATED_IN-> 深圳市 0.50 «华为»
            深圳 -LOCATED_IN-> 中国 0.40 «深圳是中国»
            深圳市 -LOCATED_IN-> 中国 0.40 «深圳市»
            腾讯 -LOCATED_IN-> 深圳市 0.50 «腾讯»
        "#]],
    );
}

#[test]
fn a_city_body_is_not_in_a_district_its_name_starts_like() {
    check(
        "内江市工作报告\n内江市市中区、市中心医院加快建设。",
        &[
            ("内江市", Place),
            ("市中区", Place),
            ("市中心医院", Organization),
        ],
        expect![[r#"
            市中区 -LOCATED_IN-> 内江市 0.80 «内江市市中区»
            市中心医院 -LOCATED_IN-> 内江市 0.50 «市中心医院»
        "#]],
    );
}

#[test]
fn local_firms_projects_and_bodies() {
    check(
        "合肥市工业和信息化局2024年工作总结\n合肥市全年工业增长8%。合肥市工业和信息化局会同市发展改革委推动江淮集团、晶合集成加快发展。包河区加快建设滨湖科学城、量子信息产业园。苏州工业园区、国务院、安徽大学、合肥实验室苏州基地。3.推动新站区建设全面起势。全力推进显示产业基地等平台建设。\n量子信息产业园落户蜀山区。",
        &[
            ("合肥市", Place),
            ("合肥市工业和信息化局", Organization),
            ("市发展改革委", Organization),
            ("江淮集团", Enterprise),
            ("晶合集成", Enterprise),
            ("包河区", Place),
            ("蜀山区", Place),
            ("新站区", Place),
            ("滨湖科学城", Project),
            ("量子信息产业园", Project),
            ("显示产业基地", Project),
            ("苏州工业园区", Place),
            ("苏州", Place),
            ("国务院", Organization),
            ("合肥", Place),
            ("安徽大学", Organization),
            ("合肥实验室苏州基地", Organization),
        ],
        expect![[r#"
            包河区 -LOCATED_IN-> 合肥市 0.80 «包河区»
            合肥实验室苏州基地 -LOCATED_IN-> 合肥市 0.75 «合肥实验室苏州基地»
            合肥市工业和信息化局 -LOCATED_IN-> 合肥市 0.75 «合肥市工业和信息化局»
            市发展改革委 -LOCATED_IN-> 合肥市 0.50 «市发展改革委»
            新站区 -LOCATED_IN-> 合肥市 0.60 «新站区»
            显示产业基地 -LOCATED_IN-> 合肥市 0.50 «显示产业基地»
            显示产业基地 -LOCATED_IN-> 新站区 0.45 «显示产业基地»
            晶合集成 -LOCATED_IN-> 合肥市 0.50 «晶合集成»
            江淮集团 -LOCATED_IN-> 合肥市 0.50 «江淮集团»
            滨湖科学城 -LOCATED_IN-> 包河区 0.50 «包河区加快建设滨湖科学城»
            滨湖科学城 -LOCATED_IN-> 合肥市 0.50 «滨湖科学城»
            蜀山区 -LOCATED_IN-> 合肥市 0.80 «蜀山区»
            量子信息产业园 -LOCATED_IN-> 包河区 0.50 «包河区加快建设滨湖科学城、量子信息产业园»
            量子信息产业园 -LOCATED_IN-> 合肥市 0.50 «量子信息产业园»
            量子信息产业园 -LOCATED_IN-> 蜀山区 0.80 «量子信息产业园落户蜀山区»
        "#]],
    );
}

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
            江淮集团 -IN_INDUSTRY-> 新能源汽车 0.60 «新能源汽车龙头企业蔚来、江淮集团»
            江淮集团 -LOCATED_IN-> 合肥市 0.50 «江淮集团»
            研发中心 -LOCATED_IN-> 上海 0.60 «上海设立研发中心»
            科大讯飞 -LOCATED_IN-> 高新区 0.60 «高新区的科大讯飞»
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
