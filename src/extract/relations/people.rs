//! WORKS_FOR: a person and the body, company or place whose title the text gives them
//! (`某某市某某局党组书记、局长张三` → 某某市某某局; `某某集团董事长李四`; `某某市市长王五` → the city).

use super::{has_break, Ctx};
use crate::model::{EntityType, RelationType};

/// Words of office between an employer and a name.
const TITLES: [&str; 40] = [
    "书记",
    "局长",
    "主任",
    "处长",
    "部长",
    "市长",
    "区长",
    "县长",
    "省长",
    "董事长",
    "总经理",
    "经理",
    "院长",
    "厅长",
    "主席",
    "委员",
    "成员",
    "秘书长",
    "总裁",
    "总监",
    "记者",
    "编辑",
    "负责人",
    "专员",
    "巡视员",
    "科长",
    "所长",
    "校长",
    "行长",
    "社长",
    "总编",
    "主编",
    "教授",
    "研究员",
    "工程师",
    "创始人",
    "会长",
    "理事长",
    "首席",
    "发言人",
];

/// Runs the WORKS_FOR rule: the nearest employer before each person in its sentence, with only
/// titles between.
pub(crate) fn run(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for (k, &p) in top.iter().enumerate() {
            if ctx.kind(p) != EntityType::Person || k == 0 {
                continue;
            }
            let e = top[k - 1];
            let kind = ctx.kind(e);
            if !matches!(
                kind,
                EntityType::Organization | EntityType::Enterprise | EntityType::Place
            ) {
                continue;
            }
            let gap = ctx.between(ctx.m(e).span.end, ctx.m(p).span.start);
            let gap = gap.trim();
            if has_break(gap) || gap.chars().count() > 25 || gap.is_empty() {
                continue;
            }
            let titled = TITLES.iter().any(|t| gap.ends_with(t) || gap.contains(t));
            let place_title = ["市长", "区长", "县长", "省长", "书记"]
                .iter()
                .any(|t| gap.contains(t));
            if titled && (kind != EntityType::Place || place_title) {
                ctx.link(p, RelationType::WorksFor, e, 0.8);
            }
        }
    }
}
