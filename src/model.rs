//! The shared vocabulary: entity types and relation types, with their English names (used in the
//! query language and the saved graph) and Chinese labels (accepted in queries, used in displays).
//! Touches nothing else; every stage imports it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of thing a node is. `Unknown` is for graphs made elsewhere whose nodes carry no type
/// or one zhitu does not know (the original label is kept as the node attribute `type_label`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    Place,
    Enterprise,
    Organization,
    Project,
    Industry,
    Policy,
    Person,
    Event,
    Target,
    Document,
    Unknown,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 11] = [
        EntityType::Place,
        EntityType::Enterprise,
        EntityType::Organization,
        EntityType::Project,
        EntityType::Industry,
        EntityType::Policy,
        EntityType::Person,
        EntityType::Event,
        EntityType::Target,
        EntityType::Document,
        EntityType::Unknown,
    ];

    /// The eight types of named entity the annotation guideline defines.
    pub const NAMED: [EntityType; 8] = [
        EntityType::Place,
        EntityType::Enterprise,
        EntityType::Organization,
        EntityType::Project,
        EntityType::Industry,
        EntityType::Policy,
        EntityType::Person,
        EntityType::Event,
    ];

    /// The English name, as written in queries and in the saved graph.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Place => "Place",
            EntityType::Enterprise => "Enterprise",
            EntityType::Organization => "Organization",
            EntityType::Project => "Project",
            EntityType::Industry => "Industry",
            EntityType::Policy => "Policy",
            EntityType::Person => "Person",
            EntityType::Event => "Event",
            EntityType::Target => "Target",
            EntityType::Document => "Document",
            EntityType::Unknown => "Unknown",
        }
    }

    /// The Chinese label.
    pub fn chinese(self) -> &'static str {
        match self {
            EntityType::Place => "地点",
            EntityType::Enterprise => "企业",
            EntityType::Organization => "机构",
            EntityType::Project => "项目",
            EntityType::Industry => "产业",
            EntityType::Policy => "政策",
            EntityType::Person => "人物",
            EntityType::Event => "活动",
            EntityType::Target => "目标",
            EntityType::Document => "文档",
            EntityType::Unknown => "未知",
        }
    }

    /// Parses an English name (any case) or a Chinese label.
    ///
    /// # Example
    /// ```
    /// use zhitu::model::EntityType;
    /// assert_eq!(EntityType::parse("企业"), Some(EntityType::Enterprise));
    /// assert_eq!(EntityType::parse("enterprise"), Some(EntityType::Enterprise));
    /// assert_eq!(EntityType::parse("公司"), None);
    /// ```
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s) || t.chinese() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed relation between two nodes. `Related` stands for any label zhitu does not know, in
/// graphs made elsewhere (the original label is kept as the edge attribute `label`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RelationType {
    LocatedIn,
    InIndustry,
    Develops,
    PartnersWith,
    WorksFor,
    PartOf,
    SetsTarget,
    Measures,
    ResponsibleFor,
    Mentions,
    CoOccurs,
    Related,
}

impl RelationType {
    /// Every relation, in display order.
    pub const ALL: [RelationType; 12] = [
        RelationType::LocatedIn,
        RelationType::InIndustry,
        RelationType::Develops,
        RelationType::PartnersWith,
        RelationType::WorksFor,
        RelationType::PartOf,
        RelationType::SetsTarget,
        RelationType::Measures,
        RelationType::ResponsibleFor,
        RelationType::Mentions,
        RelationType::CoOccurs,
        RelationType::Related,
    ];

    /// The name as written in queries and in the saved graph (`LOCATED_IN`).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::LocatedIn => "LOCATED_IN",
            RelationType::InIndustry => "IN_INDUSTRY",
            RelationType::Develops => "DEVELOPS",
            RelationType::PartnersWith => "PARTNERS_WITH",
            RelationType::WorksFor => "WORKS_FOR",
            RelationType::PartOf => "PART_OF",
            RelationType::SetsTarget => "SETS_TARGET",
            RelationType::Measures => "MEASURES",
            RelationType::ResponsibleFor => "RESPONSIBLE_FOR",
            RelationType::Mentions => "MENTIONS",
            RelationType::CoOccurs => "CO_OCCURS",
            RelationType::Related => "RELATED",
        }
    }

    /// The Chinese label, used in displays.
    pub fn chinese(self) -> &'static str {
        match self {
            RelationType::LocatedIn => "位于",
            RelationType::InIndustry => "属于产业",
            RelationType::Develops => "建设",
            RelationType::PartnersWith => "合作",
            RelationType::WorksFor => "任职",
            RelationType::PartOf => "组成部分",
            RelationType::SetsTarget => "设定目标",
            RelationType::Measures => "衡量",
            RelationType::ResponsibleFor => "负责",
            RelationType::Mentions => "提及",
            RelationType::CoOccurs => "共现",
            RelationType::Related => "相关",
        }
    }

    /// Parses a name (any case, `located_in` or `LOCATED_IN`) or a Chinese label.
    ///
    /// # Example
    /// ```
    /// use zhitu::model::RelationType;
    /// assert_eq!(RelationType::parse("in_industry"), Some(RelationType::InIndustry));
    /// assert_eq!(RelationType::parse("位于"), Some(RelationType::LocatedIn));
    /// ```
    pub fn parse(s: &str) -> Option<RelationType> {
        RelationType::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s) || r.chinese() == s)
    }

    /// Whether traversals follow this relation by default: every relation but MENTIONS and
    /// CO_OCCURS, which would join any two entities of one document.
    pub fn is_semantic(self) -> bool {
        !matches!(self, RelationType::Mentions | RelationType::CoOccurs)
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
