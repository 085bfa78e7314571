//! Snapshot tests of LOCATED_IN and the city context: districts, provinces, the country, local
//! firms, projects and bodies.

use super::*;

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
