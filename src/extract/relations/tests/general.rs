//! Snapshot tests of rules drawn from documents of other cities than the samples: bare titles,
//! group leaders, counted lists, context industries, plan titles, respective lists.

use super::*;

#[test]
fn bare_city_titles_and_group_leaders() {
    check(
        "洛阳市2021年工业工作报告\n副市长赵一鸣在会上指出，要抓好落实。市长钱二表示，要坚定信心。建立由市长钱二任组长、分管副市长赵一鸣任副组长的市先进制造业发展领导小组。",
        &[
            ("洛阳市", Place),
            ("赵一鸣", Person),
            ("钱二", Person),
            ("市先进制造业发展领导小组", Organization),
        ],
        expect![[r#"
            市先进制造业发展领导小组 -LOCATED_IN-> 洛阳市 0.50 «市先进制造业发展领导小组»
            赵一鸣 -WORKS_FOR-> 市先进制造业发展领导小组 0.55 «赵一鸣任副组长的市先进制造业发展领导小组»
            赵一鸣 -WORKS_FOR-> 洛阳市 0.60 «赵一鸣»
            钱二 -WORKS_FOR-> 市先进制造业发展领导小组 0.55 «钱二任组长、分管副市长赵一鸣任副组长的市先进制造业发展领导小组»
            钱二 -WORKS_FOR-> 洛阳市 0.60 «钱二»
        "#]],
    );
}

#[test]
fn counted_list_with_unrecognised_items() {
    check(
        "洛阳市围绕智能装备、新材料、现代物流、文化旅游四大支柱产业推进建设。",
        &[
            ("洛阳市", Place),
            ("智能装备", Industry),
            ("新材料", Industry),
            ("支柱产业", Industry),
        ],
        expect![[r#"
            新材料 -PART_OF-> 支柱产业 0.65 «新材料、现代物流、文化旅游四大支柱产业»
            智能装备 -PART_OF-> 支柱产业 0.65 «智能装备、新材料、现代物流、文化旅游四大支柱产业»
        "#]],
    );
}

#[test]
fn firm_lists_take_the_heading_industry() {
    check(
        "洛阳市2021年工业工作报告\n（一）做强智能装备产业。推进某某产业园建设，支持甲重工、乙机械等龙头企业扩大产能。\n（二）发展新材料产业。丙钢铁、丁铝业实现增产。",
        &[
            ("洛阳市", Place),
            ("智能装备产业", Industry),
            ("新材料产业", Industry),
            ("某某产业园", Project),
            ("甲重工", Enterprise),
            ("乙机械", Enterprise),
            ("丙钢铁", Enterprise),
            ("丁铝业", Enterprise),
        ],
        expect![[r#"
            丁铝业 -LOCATED_IN-> 洛阳市 0.50 «丁铝业»
            丙钢铁 -LOCATED_IN-> 洛阳市 0.50 «丙钢铁»
            乙机械 -IN_INDUSTRY-> 智能装备产业 0.40 «乙机械»
            乙机械 -LOCATED_IN-> 洛阳市 0.50 «乙机械»
            某某产业园 -LOCATED_IN-> 洛阳市 0.50 «某某产业园»
            甲重工 -IN_INDUSTRY-> 智能装备产业 0.40 «甲重工»
            甲重工 -LOCATED_IN-> 洛阳市 0.50 «甲重工»
        "#]],
    );
}

#[test]
fn firm_lists_take_the_title_industry() {
    check(
        "襄阳市新能源汽车产业发展新闻发布会\n目前，全市已集聚甲汽车、乙新能源等5家整车企业。",
        &[
            ("襄阳市", Place),
            ("新能源汽车产业", Industry),
            ("甲汽车", Enterprise),
            ("乙新能源", Enterprise),
        ],
        expect![[r#"
            乙新能源 -IN_INDUSTRY-> 新能源汽车产业 0.40 «乙新能源»
            乙新能源 -LOCATED_IN-> 襄阳市 0.50 «乙新能源»
            甲汽车 -IN_INDUSTRY-> 新能源汽车产业 0.40 «甲汽车»
            甲汽车 -LOCATED_IN-> 襄阳市 0.50 «甲汽车»
        "#]],
    );
}

#[test]
fn headings_join_the_full_title_of_the_plan() {
    check(
        "绵阳市加快电子信息及数字经济产业发展三年行动计划（2024—2026年）\n各县(市、区)人民政府:\n《绵阳市加快电子信息及数字经济产业发展三年行动计划(2024-2026年)》已经市政府审议通过。\n(一)实施创新平台提升工程\n1.建设研发平台。",
        &[
            ("绵阳市", Place),
            ("数字经济产业发展三年行动计划", Policy),
            ("绵阳市加快电子信息及数字经济产业发展三年行动计划(2024-2026年)", Policy),
            ("创新平台提升工程", Policy),
        ],
        expect![[r#"
            创新平台提升工程 -PART_OF-> 绵阳市加快电子信息及数字经济产业发展三年行动计划(2024-2026年) 0.60 «创新平台提升工程»
        "#]],
    );
}

#[test]
fn built_respectively_pairs_item_by_item() {
    check(
        "襄阳市2021年工业工作报告\n在樊城区、襄州区、枣阳市分别布局建设某某智能装备产业园、襄阳现代物流港、襄阳汽车零部件产业园；在襄城区、樊城区建设甲乙产业园。",
        &[
            ("襄阳市", Place),
            ("樊城区", Place),
            ("襄州区", Place),
            ("枣阳市", Place),
            ("襄城区", Place),
            ("襄阳", Place),
            ("襄阳汽车零部件产业园", Project),
            ("甲乙产业园", Project),
        ],
        expect![[r#"
            枣阳市 -LOCATED_IN-> 襄阳市 0.80 «枣阳市»
            樊城区 -LOCATED_IN-> 襄阳市 0.80 «樊城区»
            甲乙产业园 -LOCATED_IN-> 樊城区 0.60 «樊城区建设甲乙产业园»
            甲乙产业园 -LOCATED_IN-> 襄城区 0.60 «襄城区、樊城区建设甲乙产业园»
            襄城区 -LOCATED_IN-> 襄阳市 0.80 «襄城区»
            襄州区 -LOCATED_IN-> 襄阳市 0.80 «襄州区»
            襄阳汽车零部件产业园 -LOCATED_IN-> 枣阳市 0.65 «枣阳市分别布局建设某某智能装备产业园、襄阳现代物流港、襄阳汽车零部件产业园»
            襄阳汽车零部件产业园 -LOCATED_IN-> 襄阳市 0.75 «襄阳汽车零部件产业园»
        "#]],
    );
}

#[test]
fn co_built_by_a_body_and_a_firm() {
    check(
        "襄阳某某大学与甲乙科技公司共建的“某某产业创新基地”正式揭牌。",
        &[
            ("襄阳某某大学", Organization),
            ("甲乙科技公司", Enterprise),
            ("某某产业创新基地", Project),
        ],
        expect![[r#"
            甲乙科技公司 -DEVELOPS-> 某某产业创新基地 0.55 «甲乙科技公司共建的“某某产业创新基地»
            襄阳某某大学 -PARTNERS_WITH-> 甲乙科技公司 0.70 «襄阳某某大学与甲乙科技公司»
        "#]],
    );
}

#[test]
fn every_office_before_a_name() {
    check(
        "主持人（市委组织部副部长、市政府研究室主任 周三）：各位记者，上午好。",
        &[
            ("市委组织部", Organization),
            ("市政府研究室", Organization),
            ("周三", Person),
        ],
        expect![[r#"
            周三 -WORKS_FOR-> 市委组织部 0.70 «市委组织部副部长、市政府研究室主任 周三»
            周三 -WORKS_FOR-> 市政府研究室 0.80 «市政府研究室主任 周三»
        "#]],
    );
}

#[test]
fn firms_going_into_industries() {
    check(
        "推动甲电气集团、乙重工集团发展氢能和储能装备，支持丙钢铁、丁化工等企业开展节能改造。",
        &[
            ("甲电气集团", Enterprise),
            ("乙重工集团", Enterprise),
            ("丙钢铁", Enterprise),
            ("丁化工", Enterprise),
            ("氢能", Industry),
            ("储能", Industry),
        ],
        expect![[r#"
            乙重工集团 -IN_INDUSTRY-> 储能 0.45 «乙重工集团发展氢能和储能»
            乙重工集团 -IN_INDUSTRY-> 氢能 0.45 «乙重工集团发展氢能»
            甲电气集团 -IN_INDUSTRY-> 储能 0.45 «甲电气集团、乙重工集团发展氢能和储能»
            甲电气集团 -IN_INDUSTRY-> 氢能 0.45 «甲电气集团、乙重工集团发展氢能»
        "#]],
    );
}

#[test]
fn partners_listed_after_yu() {
    check(
        "推动襄阳某某创新中心与某某交通大学、某某理工大学开展联合攻关。",
        &[
            ("襄阳某某创新中心", Organization),
            ("某某交通大学", Organization),
            ("某某理工大学", Organization),
        ],
        expect![[r#"
            襄阳某某创新中心 -PARTNERS_WITH-> 某某交通大学 0.70 «襄阳某某创新中心与某某交通大学»
            襄阳某某创新中心 -PARTNERS_WITH-> 某某理工大学 0.70 «襄阳某某创新中心与某某交通大学、某某理工大学»
        "#]],
    );
}

#[test]
fn development_zone_written_after_its_district() {
    check(
        "襄阳市2021年工业工作报告\n樊城区襄阳经济技术开发区汽车产业实现产值800亿元。",
        &[
            ("襄阳市", Place),
            ("樊城区", Place),
            ("襄阳经济技术开发区", Place),
        ],
        expect![[r#"
            樊城区 -LOCATED_IN-> 襄阳市 0.80 «樊城区»
            襄阳经济技术开发区 -LOCATED_IN-> 樊城区 0.70 «樊城区襄阳经济技术开发区»
            襄阳经济技术开发区 -LOCATED_IN-> 襄阳市 0.75 «襄阳经济技术开发区»
        "#]],
    );
}

#[test]
fn representatives_of_a_cluster_and_a_title_inside_an_event() {
    check(
        "襄阳市新能源汽车产业发展新闻发布会实录\n襄阳集成电路产业已形成以甲存储、乙微电为代表的产业集群。目前已集聚丙汽车、丁汽车等5家整车企业。襄阳新能源汽车产业规模持续扩大。",
        &[
            ("襄阳市新能源汽车产业发展新闻发布会", Event),
            ("襄阳", Place),
            ("集成电路产业", Industry),
            ("新能源汽车产业", Industry),
            ("甲存储", Enterprise),
            ("乙微电", Enterprise),
            ("丙汽车", Enterprise),
            ("丁汽车", Enterprise),
        ],
        expect![[r#"
            丁汽车 -IN_INDUSTRY-> 新能源汽车产业 0.40 «丁汽车»
            丁汽车 -LOCATED_IN-> 襄阳 0.50 «丁汽车»
            丙汽车 -IN_INDUSTRY-> 新能源汽车产业 0.40 «丙汽车»
            丙汽车 -LOCATED_IN-> 襄阳 0.50 «丙汽车»
            乙微电 -IN_INDUSTRY-> 集成电路产业 0.50 «集成电路产业已形成以甲存储、乙微电»
            乙微电 -LOCATED_IN-> 襄阳 0.50 «襄阳集成电路产业已形成以甲存储、乙微电»
            甲存储 -IN_INDUSTRY-> 集成电路产业 0.50 «集成电路产业已形成以甲存储»
            甲存储 -LOCATED_IN-> 襄阳 0.50 «襄阳集成电路产业已形成以甲存储»
        "#]],
    );
}
