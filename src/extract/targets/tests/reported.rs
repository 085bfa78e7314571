//! Snapshot tests of the year of figures whose sentence names none: reported-to-date figures
//! (`目前`, `已`), the paragraph's earlier year, recurring figures (`每年`) and spans.

use expect_test::expect;

use super::check;

#[test]
fn reported_to_date_figures_take_the_documents_year() {
    check(
        "某市产业发展新闻发布会实录\n发布时间：2023年6月16日\n目前，全市已集聚整车企业7家。我们建设了某某产业园，已入驻企业68家。",
        expect![[r#"
            集聚整车企业 | 7家 | 2023 | -
            入驻企业 | 68家 | 2023 | -"#]],
    );
}

#[test]
fn a_reposted_pages_timestamp_is_not_the_documents_year() {
    check(
        "某市“十四五”发展规划新闻发布会\n某某 - 2024/12/22 18:22:00\n目前已建成基站5万个。",
        expect!["建成基站 | 5万个 | - | -"],
    );
}

#[test]
fn a_past_or_present_year_holds_for_its_paragraph() {
    check(
        "发布时间：2023年6月16日\n一是规模扩张。2022年,全市产量达到25万辆;今年1至5月,产量达到22万辆。全市规模以上企业达到350家。\n谢谢提问。今年共梳理重点项目168个。1至5月,重点项目完成投资236亿元。\n我们将提供标准化厂房120万平方米。",
        expect![[r#"
            产量 | 25万辆 | 2022 | 达到
            产量 | 22万辆 | 2023 | 达到
            规模以上企业 | 350家 | 2023 | 达到
            共梳理重点项目 | 168个 | 2023 | -
            重点项目完成投资 | 236亿元 | 2023 | -
            我们将提供标准化厂房 | 120万平方米 | - | -"#]],
    );
}

#[test]
fn a_deadline_binds_only_its_sentence() {
    check(
        "发布日期:2023-06-30\n6.加快数字化发展。每年培育标杆工厂30家。到2025年,培育工业互联网园区10家以上。持续推进贯标,两化融合发展指数达到110。",
        expect![[r#"
            每年培育标杆工厂 | 30家 | - | -
            培育工业互联网园区 | 10家 | 2025 | 以上
            两化融合发展指数 | 110 | - | 达到"#]],
    );
}

#[test]
fn recurring_figures_and_spans_have_no_year() {
    check(
        "发布日期:2023-06-30\n今年计划新建充电桩5000个,每年培养专业人才3000人。今年居民补助标准提高至每人每年700元。去年以来,新签约项目96个,总投资1860亿元。",
        expect![[r#"
            计划新建充电桩 | 5000个 | 2023 | -
            每年培养专业人才 | 3000人 | - | -
            居民补助标准提高至每人每年 | 700元 | 2023 | -
            新签约项目 | 96个 | - | -
            总投资 | 1860亿元 | - | -"#]],
    );
}

#[test]
fn mobile_generations_are_not_quantities() {
    check(
        "推动5G、人工智能融合发展,出口带宽达到1080G。",
        expect!["出口带宽 | 1080G | - | 达到"],
    );
}

#[test]
fn a_facilitys_design_attributes_have_no_year() {
    check(
        "发布时间：2023年6月16日\n今年,某某基地开工建设,规划年产能100万辆;某某产业园总面积10平方公里,已入驻企业68家。",
        expect![[r#"
            规划年产能 | 100万辆 | - | -
            某某产业园总面积 | 10平方公里 | - | -
            入驻企业 | 68家 | 2023 | -"#]],
    );
}

#[test]
fn plan_periods_projections_and_technical_grades() {
    check(
        "某市工业工作情况\n发布日期:2023-06-30\n“十三五”期间全市先进制造业增加值占比重60%。“十四五”时期是关键期,产值增长8%。目前在谈项目共50个,预计全部达产后新增产值超600亿元。完成800兆数字集群工程建设,2兆以上宽带网络覆盖全部行政村,城区接入速率达到20兆至1G。",
        expect![[r#"
            十三五期间全市先进制造业增加值占比重 | 60% | 2020 | -
            产值增长 | 8% | - | -
            在谈项目 | 50个 | 2023 | -
            全部达产后新增产值 | 600亿元 | - | 超
            城区接入速率 | 20兆 | - | 达到"#]],
    );
}
