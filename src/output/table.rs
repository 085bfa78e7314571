//! The aligned text table of a result, for the REPL and `--format table`: columns padded by
//! display width (a Chinese character is two columns), numbers right-aligned, a footer line.
//!
//! ```text
//! 名称      类型        度
//! --------  ----------  --
//! 济南市    Place       12
//! 星海集团  Enterprise   3
//! (2 rows)
//! ```

use std::io::Write;

use super::text::{cell_text, one_line, width};
use crate::query::{GraphView, QueryOutput, Value};

/// The gap between two columns.
const GAP: &str = "  ";

/// Writes `result` as its title (`-- no path from A to B`, where it has one), an aligned table,
/// and `(N rows)`.
///
/// Cells are [`cell_text`] on one line (line breaks become spaces). Integer and float cells are
/// right-aligned in a column of numbers, the rest left-aligned; the last column is not padded, so no line ends in
/// spaces. A result without columns prints only the footer.
///
/// # Errors
/// Any I/O error of `w`.
///
/// # Complexity
/// O(cells), two passes.
pub fn write_table(
    graph: &dyn GraphView,
    result: &QueryOutput,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    if let Some(title) = &result.title {
        writeln!(w, "-- {title}")?;
    }
    let ncols = result
        .columns
        .len()
        .max(result.rows.iter().map(|r| r.len()).max().unwrap_or(0));
    if ncols > 0 {
        let header: Vec<Cell> = (0..ncols)
            .map(|i| Cell::left(one_line(result.columns.get(i).map_or("", |c| c.as_ref()))))
            .collect();
        let mut body: Vec<Vec<Cell>> = result
            .rows
            .iter()
            .map(|row| {
                (0..ncols)
                    .map(|i| match row.get(i) {
                        Some(v) => Cell::of(graph, v),
                        None => Cell::left(String::new()),
                    })
                    .collect()
            })
            .collect();
        // Numbers are right-aligned only in a column of numbers (a card mixes text and counts).
        for i in 0..ncols {
            let numeric = result.rows.iter().all(|row| {
                matches!(
                    row.get(i),
                    None | Some(Value::Null | Value::Int(_) | Value::Float(_))
                )
            });
            if !numeric {
                body.iter_mut().for_each(|row| row[i].right = false);
            }
        }
        let mut widths: Vec<usize> = header.iter().map(|c| c.width).collect();
        for row in &body {
            for (i, c) in row.iter().enumerate() {
                widths[i] = widths[i].max(c.width);
            }
        }
        write_row(w, &header, &widths)?;
        let rule: Vec<Cell> = widths.iter().map(|&n| Cell::left("-".repeat(n))).collect();
        write_row(w, &rule, &widths)?;
        for row in &body {
            write_row(w, row, &widths)?;
        }
    }
    let n = result.rows.len();
    writeln!(w, "({n} {})", super::plural(n, "row", "rows"))
}

struct Cell {
    text: String,
    width: usize,
    right: bool,
}

impl Cell {
    fn left(text: String) -> Cell {
        Cell {
            width: width(&text),
            text,
            right: false,
        }
    }

    fn of(graph: &dyn GraphView, v: &Value) -> Cell {
        let mut c = Cell::left(one_line(&cell_text(graph, v)));
        c.right = matches!(v, Value::Int(_) | Value::Float(_));
        c
    }
}

fn write_row(w: &mut dyn Write, cells: &[Cell], widths: &[usize]) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, (c, &cw)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str(GAP);
        }
        let pad = " ".repeat(cw.saturating_sub(c.width));
        if c.right {
            line.push_str(&pad);
            line.push_str(&c.text);
        } else {
            line.push_str(&c.text);
            line.push_str(&pad);
        }
    }
    writeln!(w, "{}", line.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::KnowledgeGraph;

    fn table(out: &QueryOutput) -> String {
        let mut buf = Vec::new();
        write_table(&KnowledgeGraph::default(), out, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn aligns_chinese_by_display_width() {
        let out = QueryOutput {
            columns: vec!["名称".into(), "类型".into(), "度".into()],
            rows: vec![
                vec![
                    Value::Str("济南市".into()),
                    Value::Str("Place".into()),
                    Value::Int(12),
                ]
                .into(),
                vec![
                    Value::Str("星海集团".into()),
                    Value::Str("Enterprise".into()),
                    Value::Int(3),
                ]
                .into(),
            ],
            ..Default::default()
        };
        assert_eq!(
            table(&out),
            "名称      类型        度\n\
             --------  ----------  --\n\
             济南市    Place       12\n\
             星海集团  Enterprise   3\n\
             (2 rows)\n"
        );
    }

    #[test]
    fn empty_results() {
        assert_eq!(table(&QueryOutput::default()), "(0 rows)\n");
        let out = QueryOutput {
            columns: vec!["a".into()],
            ..Default::default()
        };
        assert_eq!(table(&out), "a\n-\n(0 rows)\n");
    }

    #[test]
    fn ragged_rows_and_line_breaks() {
        let out = QueryOutput {
            columns: vec!["a".into()],
            rows: vec![vec![Value::Str("x\ny".into()), Value::Null, Value::Int(1)].into()],
            ..Default::default()
        };
        assert_eq!(table(&out), "a\n---    -\nx y    1\n(1 row)\n");
    }
}
