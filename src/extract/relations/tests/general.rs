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
