//! `find`: scanning nodes by type and a `where` condition. Fields are `name` (the name or any
//! alias), `alias`, `type` (English or Chinese), `id`, `doc`, `year` (a target's year, else the
//! years a node appears in) and any other node attribute (`value`, `unit`, `metric`…). A field a
//! node lacks makes its comparison false (`!=` included).

use std::borrow::Cow;

use super::ast::{CmpOp, Cond, Literal};
use super::view::GraphView;
use super::Value;
use crate::graph::{Node, NodeId};

/// A field's value, as compared.
#[derive(Debug, Clone, PartialEq)]
enum Scalar<'a> {
    Num(f64),
    Str(Cow<'a, str>),
}

fn scalars<'a>(v: &'a serde_json::Value, out: &mut Vec<Scalar<'a>>) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                out.push(Scalar::Num(f));
            }
        }
        serde_json::Value::String(s) => out.push(Scalar::Str(Cow::Borrowed(s))),
        serde_json::Value::Bool(b) => out.push(Scalar::Str(Cow::Owned(b.to_string()))),
        serde_json::Value::Array(a) => a.iter().for_each(|v| scalars(v, out)),
        serde_json::Value::Null | serde_json::Value::Object(_) => {}
    }
}

fn is(field: &str, names: &[&str]) -> bool {
    names.iter().any(|n| field.eq_ignore_ascii_case(n))
}

/// The values `field` has on node `id`.
fn field_values<'a>(id: NodeId, n: &'a Node, field: &str) -> Vec<Scalar<'a>> {
    let mut out = Vec::new();
    fn strs<'a>(v: &'a [impl AsRef<str>]) -> impl Iterator<Item = Scalar<'a>> {
        v.iter().map(|s| Scalar::Str(Cow::Borrowed(s.as_ref())))
    }
    if is(field, &["name", "名称"]) {
        out.push(Scalar::Str(Cow::Borrowed(&n.name)));
        out.extend(strs(&n.aliases));
    } else if is(field, &["alias", "aliases", "别名"]) {
        out.extend(strs(&n.aliases));
    } else if is(field, &["type", "类型"]) {
        out.push(Scalar::Str(Cow::Borrowed(n.kind.as_str())));
        out.push(Scalar::Str(Cow::Borrowed(n.kind.chinese())));
    } else if is(field, &["id"]) {
        out.push(Scalar::Num(f64::from(id.0)));
    } else if is(field, &["doc", "docs", "文档"]) {
        out.extend(strs(&n.docs));
    } else if is(field, &["year", "years", "年份"]) {
        match n.attrs.get("year") {
            Some(v) => scalars(v, &mut out),
            None => out.extend(n.years.iter().map(|y| Scalar::Num(f64::from(*y)))),
        }
    } else if let Some(v) = n.attrs.get(field) {
        scalars(v, &mut out);
    }
    out
}

fn as_num(s: &Scalar) -> Option<f64> {
    match s {
        Scalar::Num(n) => Some(*n),
        Scalar::Str(s) => s.trim().parse().ok(),
    }
}

/// Whether `hay` contains `needle`, ignoring ASCII case, without allocating in the usual case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let upper = |s: &str| s.bytes().any(|b| b.is_ascii_uppercase());
    if upper(hay) || upper(needle) {
        hay.to_ascii_lowercase()
            .contains(&needle.to_ascii_lowercase())
    } else {
        hay.contains(needle)
    }
}

fn compare(v: &Scalar, op: CmpOp, lit: &Literal) -> bool {
    use std::cmp::Ordering;
    if op == CmpOp::Contains {
        return match (v, lit) {
            (Scalar::Str(h), Literal::Str(n)) => contains_ci(h, n),
            (Scalar::Str(h), Literal::Num(n)) => h.contains(&n.to_string()),
            (Scalar::Num(h), Literal::Str(n)) => contains_ci(&h.to_string(), n),
            (Scalar::Num(h), Literal::Num(n)) => h.to_string().contains(&n.to_string()),
        };
    }
    let ord = match (v, lit) {
        (Scalar::Str(a), Literal::Str(b)) => {
            match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
                (Ok(x), Ok(y)) => x.partial_cmp(&y),
                _ => Some(
                    a.bytes()
                        .map(|c| c.to_ascii_lowercase())
                        .cmp(b.bytes().map(|c| c.to_ascii_lowercase())),
                ),
            }
        }
        (_, Literal::Num(b)) => as_num(v).and_then(|a| a.partial_cmp(b)),
        (Scalar::Num(a), Literal::Str(b)) => {
            b.trim().parse::<f64>().ok().and_then(|b| a.partial_cmp(&b))
        }
    };
    let Some(ord) = ord else { return false };
    match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
        CmpOp::Contains => false,
    }
}

/// Whether node `id` satisfies `cond`.
pub fn matches(id: NodeId, n: &Node, cond: &Cond) -> bool {
    match cond {
        Cond::Or(a, b) => matches(id, n, a) || matches(id, n, b),
        Cond::And(a, b) => matches(id, n, a) && matches(id, n, b),
        Cond::Cmp { field, op, value } => {
            let vals = field_values(id, n, &field.text);
            if *op == CmpOp::Ne {
                !vals.is_empty() && vals.iter().all(|v| compare(v, CmpOp::Ne, value))
            } else {
                vals.iter().any(|v| compare(v, *op, value))
            }
        }
    }
}

/// A field's first value on a node, for a result cell.
pub fn cell(g: &dyn GraphView, id: NodeId, field: &str) -> Value {
    let Some(n) = g.node(id) else {
        return Value::Null;
    };
    match field_values(id, n, field).into_iter().next() {
        Some(Scalar::Num(f)) if f.fract() == 0.0 && f.abs() < 9e15 => Value::Int(f as i64),
        Some(Scalar::Num(f)) => Value::Float(f),
        Some(Scalar::Str(s)) => Value::Str(s.into_owned()),
        None => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ast::{Span, Word};

    fn cmp(field: &str, op: CmpOp, value: Literal) -> Cond {
        Cond::Cmp {
            field: Word {
                text: field.into(),
                span: Span::default(),
            },
            op,
            value,
        }
    }

    #[test]
    fn attribute_comparisons() {
        let mut attrs = indexmap::IndexMap::new();
        attrs.insert("value".to_string(), serde_json::json!(600));
        attrs.insert("unit".to_string(), serde_json::json!("亿元"));
        attrs.insert("year".to_string(), serde_json::json!(2025));
        let n = Node {
            name: "数字经济核心产业增加值".into(),
            kind: crate::model::EntityType::Target,
            aliases: vec![],
            docs: vec![],
            years: vec![],
            attrs,
        };
        let id = NodeId(1);
        assert!(matches(
            id,
            &n,
            &cmp("value", CmpOp::Gt, Literal::Num(100.0))
        ));
        assert!(!matches(
            id,
            &n,
            &cmp("value", CmpOp::Lt, Literal::Num(100.0))
        ));
        assert!(matches(
            id,
            &n,
            &cmp("unit", CmpOp::Eq, Literal::Str("亿元".into()))
        ));
        assert!(matches(
            id,
            &n,
            &cmp("year", CmpOp::Eq, Literal::Str("2025".into()))
        ));
        assert!(matches(
            id,
            &n,
            &cmp("name", CmpOp::Contains, Literal::Str("经济".into()))
        ));
        assert!(matches(
            id,
            &n,
            &cmp("type", CmpOp::Eq, Literal::Str("目标".into()))
        ));
        assert!(!matches(
            id,
            &n,
            &cmp("missing", CmpOp::Ne, Literal::Num(1.0))
        ));
    }
}
