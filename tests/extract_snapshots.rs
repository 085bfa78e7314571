//! Extraction pinned on small made-up documents in the genre (a fictional city's work report):
//! the mentions found, with their types, and the short forms the text declares.

use std::path::Path;
use std::sync::LazyLock;

use expect_test::{expect, Expect};
use zhitu::extract::{extract, Lexicon};
use zhitu::ingest::parse_document;
use zhitu::model::EntityType;
use zhitu::segment::Segmenter;

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

fn render(text: &str, lexicon: &Lexicon) -> String {
    let doc = parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("document");
    let ex = extract(&doc, &SEG, lexicon);
    let mut out = String::new();
    for m in &ex.mentions {
        assert!(doc.text[m.span.clone()].contains(m.name.chars().next().unwrap_or(' ')));
        out.push_str(&format!("{} {}\n", m.kind, m.name));
    }
    for a in &ex.aliases {
        out.push_str(&format!(
            "alias {} -> {}\n",
            a.alias, ex.mentions[a.mention].name
        ));
    }
    out
}

fn check(text: &str, want: Expect) {
    want.assert_eq(&render(text, &Lexicon::default()));
}

#[test]
fn enterprise_list_and_industries() {
    check(
        "以远航集团、海川电子等企业为代表的集成电路、生物医药等行业增长较快。",
        expect![[r#"
            Enterprise 远航集团
            Enterprise 海川电子
            Industry 集成电路
            Industry 生物医药
        "#]],
    );
}

#[test]
fn policies_in_titles_and_quotes() {
    check(
        "印发《洛川市加快建设制造强市三年行动计划》，实施“5+3”工程，深入开展“林长制”。",
        expect![[r#"
            Policy 洛川市加快建设制造强市三年行动计划
            Place 洛川市
            Policy 5+3工程
            Policy 林长制
        "#]],
    );
}

#[test]
fn generic_phrases_are_not_entities() {
    check(
        "全市重点项目开工90个，龙头企业和中小企业发展良好，传统产业加快升级。",
        expect![""],
    );
}

#[test]
fn government_bodies_and_people() {
    check(
        "市科技局局长王建国主持会议，市发展改革委、市财政局参加。",
        expect![[r#"
            Organization 市科技局
            Person 王建国
            Organization 市发展改革委
            Organization 市财政局
        "#]],
    );
}

#[test]
fn declared_short_form() {
    check(
        "《洛川市数字经济发展规划》（以下简称《规划》）经市政府批复印发。",
        expect![[r#"
            Policy 洛川市数字经济发展规划
            Place 洛川市
            Policy 规划
            Organization 市政府
            alias 规划 -> 洛川市数字经济发展规划
        "#]],
    );
}

#[test]
fn places_and_events() {
    check(
        "成功举办第三届中国数字经济博览会，绍兴市上虞区签约项目20个。",
        expect![[r#"
            Event 第三届中国数字经济博览会
            Place 中国
            Place 绍兴市
            Place 上虞区
        "#]],
    );
}

#[test]
fn user_dictionary_wins() {
    let lexicon = Lexicon {
        entries: vec![("海川电子".to_string(), Some(EntityType::Organization))],
    };
    let got = render("海川电子增长12%，远航集团增长8%。", &lexicon);
    assert!(got.contains("Organization 海川电子"), "{got}");
}

#[test]
fn odd_input_does_not_panic_and_spans_hold() {
    let texts = [
        "《》“”（以下简称“”）《《规划》》“a”工程、、等企业为代表的",
        "以、为代表的等行业增长1%，增长2%。——集团—公司（ ）( )",
        "abc 123 ÿ 😀 局局长 主持： 记者 整理：",
    ];
    for t in texts {
        let doc = parse_document("t.txt", Path::new("t.txt"), t.as_bytes()).expect("document");
        let ex = extract(&doc, &SEG, &Lexicon::default());
        for m in &ex.mentions {
            assert!(doc.text.get(m.span.clone()).is_some(), "{m:?}");
        }
        assert!(ex
            .mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }
}

#[test]
fn parenthesised_abbreviations() {
    check(
        "组建华辰产业技术研究院（华辰产研院），建设中央商务区(CBD)。",
        expect![[r#"
            Organization 华辰产业技术研究院
            Place 中央商务区
            alias 华辰产研院 -> 华辰产业技术研究院
            alias CBD -> 中央商务区
        "#]],
    );
}

#[test]
fn meetings_with_ordinals_and_city_programmes() {
    check(
        "市第十二次党代会提出，推进智慧洛阳建设，落实中原制造2025。",
        expect![[r#"
            Event 市第十二次党代会
            Policy 智慧洛阳
            Place 洛阳
            Place 中原
            Policy 中原制造2025
        "#]],
    );
}

#[test]
fn projects_named_after_enterprises() {
    check(
        "加快推进鑫瑞达新能源电池项目，支持海川电子、远航集团增长。",
        expect![[r#"
            Enterprise 鑫瑞达
            Project 鑫瑞达新能源电池项目
            Enterprise 海川电子
            Enterprise 远航集团
        "#]],
    );
}

#[test]
fn growth_figures_name_enterprises_not_districts() {
    check(
        "南山区增长5.2%，宝安区增长6.1%。玫瑰铸造增长26.9%，金星集团增长37.5%。",
        expect![[r#"
            Place 南山区
            Place 宝安区
            Enterprise 玫瑰铸造
            Enterprise 金星集团
        "#]],
    );
}

#[test]
fn facility_owner_before_a_place() {
    check(
        "推动星河微电子南京工厂、蓝鲸生物西部总部建成，中科院武汉分院参与。",
        expect![[r#"
            Enterprise 星河微电子
            Project 星河微电子南京工厂
            Place 南京
            Enterprise 蓝鲸生物
            Project 蓝鲸生物西部总部
            Organization 中科院武汉分院
            Place 武汉
        "#]],
    );
}

#[test]
fn outlets_in_a_press_conference_and_roles_after_names() {
    check(
        "东海晨报记者：\n请问如何推进？分管副市长韩明任副组长，由市长吴立新任组长。",
        expect![[r#"
            Place 东海
            Organization 东海晨报
            Person 韩明
            Person 吴立新
        "#]],
    );
}

#[test]
fn lists_closed_by_a_count_or_a_modified_noun() {
    check(
        "支持星河、蓝鲸等互联网龙头企业发展，以远航存储、海川微电为代表的产业集群加快成长，壮大新材料、生物医药、高端装备三大先进制造业，通过贴息、风险补偿等方式降低制造企业成本。",
        expect![[r#"
            Enterprise 星河
            Enterprise 蓝鲸
            Enterprise 远航存储
            Enterprise 海川微电
            Industry 新材料
            Industry 生物医药
            Industry 高端装备
            Industry 先进制造业
        "#]],
    );
}

#[test]
fn phase_projects_keep_their_phase() {
    check(
        "推进鑫瑞达南京基地一期项目和海川科技园二期建设。",
        expect![[r#"
            Enterprise 鑫瑞达
            Project 鑫瑞达南京基地一期项目
            Place 南京
            Project 海川科技园
        "#]],
    );
}

#[test]
fn fields_in_metrics_and_product_fields() {
    check(
        "装备制造业增加值增长11.2%。支持家电芯片研发，发展氢能储能。",
        expect![[r#"
            Industry 装备制造业
            Industry 家电芯片
            Industry 氢能
            Industry 储能
        "#]],
    );
}

#[test]
fn a_threshold_names_a_class_not_an_entity() {
    check(
        "新增省级以上瞪羚、远航集团等企业12家，规模以上工业增加值增长8%。",
        expect![[r#"
            Enterprise 远航集团
        "#]],
    );
}

#[test]
fn a_material_before_a_facility_is_no_enterprise() {
    check(
        "洛川市重点推动氮化硼单晶基地、聚乙烯新材料产业园等项目建设。",
        expect![[r#"
            Place 洛川市
            Project 氮化硼单晶基地
            Project 聚乙烯新材料产业园
        "#]],
    );
}

#[test]
fn a_province_abbreviation_with_directions_is_a_region() {
    check(
        "洛川市向苏北地区转出项目30个，与鲁西南开展产业协作。",
        expect![[r#"
            Place 洛川
            Project 洛川市向苏北地区转出项目
            Place 苏北地区
            Place 鲁西南
        "#]],
    );
}

#[test]
fn quoted_figures_of_speech_are_no_policy() {
    check(
        "工业是洛川经济的“顶梁柱”。坚持“一张蓝图绘到底”，为企业开辟“绿色通道”，形成“三横两纵”发展格局，深入开展“云帆行动”。",
        expect![[r#"
            Place 洛川
            Policy 云帆行动
        "#]],
    );
}

#[test]
fn a_quote_closed_by_deng_names_no_class_after_it() {
    check(
        "洛川市加快建设“云杉谷”等高能级功能区，发展“芯片、封装”等行业。",
        expect![[r#"
            Place 洛川市
            Project 云杉谷
            Industry 芯片
        "#]],
    );
}

#[test]
fn a_measure_word_glued_to_a_name_is_trimmed() {
    check(
        "洛川市新增1家省制造业创新中心。",
        expect![[r#"
        Place 洛川市
        Organization 省制造业创新中心
    "#]],
    );
}

#[test]
fn a_verb_before_water_is_no_place() {
    check(
        "洛川市完成沿线入河排污口整治。",
        expect![[r#"
        Place 洛川市
    "#]],
    );
}

#[test]
fn a_chair_ends_the_name_before_a_meeting() {
    check(
        "中共洛川市委宣传部新闻发布处处长张建华主持新闻发布会。",
        expect![[r#"
            Organization 中共洛川市委宣传部
            Place 洛川
            Person 张建华
        "#]],
    );
}

#[test]
fn a_name_ends_before_a_joint_founding() {
    check(
        "支持云杉大学共建新材料现代产业学院。",
        expect![[r#"
        Organization 云杉大学
        Organization 新材料现代产业学院
    "#]],
    );
}

#[test]
fn a_city_before_yu_is_one_party_not_part_of_a_body() {
    check(
        "洛川市与云杉大学签署合作协议，洛川市和云杉研究院共同推进。",
        expect![[r#"
            Place 洛川市
            Organization 云杉大学
            Place 洛川市
            Organization 云杉研究院
        "#]],
    );
}

#[test]
fn verbs_before_a_programme_are_not_in_its_name() {
    check(
        "洛川市把产业强区战略作为全市制造强市战略的核心，准确把握国家重大战略，全年超出计划。",
        expect![[r#"
            Place 洛川市
            Policy 产业强区战略
            Policy 制造强市战略
        "#]],
    );
}

#[test]
fn a_common_word_that_names_a_district_elsewhere_is_no_place() {
    check(
        "洛川市的城区工业用地持续优化。",
        expect![[r#"
        Place 洛川市
    "#]],
    );
}

#[test]
fn common_word_districts_name_no_city_for_context() {
    // 矿区 is one city's district: it must not make that city the document's context either
    check(
        "工作报告\n城区改造，矿区治理，矿区复垦。\n",
        expect![[r#""#]],
    );
}
