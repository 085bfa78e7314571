//! The document's city: the mention that stands for it (ingest's `doc.city`, else the most
//! frequent city named, none for a province's document), and whether a name belongs to it.

use rustc_hash::FxHashMap;

use super::places::{self, Level};
use super::Ctx;
use crate::model::EntityType;
use crate::segment::divisions::{self, Division, Divisions};

/// The mention standing for the document's city: `doc.city` where ingest found one, else the
/// most frequent city-level place mention.
pub(crate) fn find_city(ctx: &Ctx) -> Option<usize> {
    let mut places: Vec<usize> = (0..ctx.mentions.len())
        .filter(|&i| ctx.kind(i) == EntityType::Place && super::valid(ctx.doc, ctx.m(i)))
        .collect();
    places.sort_by_key(|&i| ctx.m(i).span.start);
    let wanted: String = match &ctx.doc.city {
        Some(c) => places::short(c).to_string(),
        None => {
            // a province's document (its title names a province and no city) has no city
            let divs = Divisions::get();
            let title_province = divs.find_in(&ctx.doc.title).any(|m| {
                m.candidates
                    .first()
                    .is_some_and(|d| d.level == divisions::Level::Province && !divs.is_city(d))
            });
            if title_province {
                return None;
            }
            let mut count: FxHashMap<&str, usize> = FxHashMap::default();
            let mut first: Vec<&str> = Vec::new();
            for &i in &places {
                let name = ctx.m(i).name.as_str();
                if places::level(name) == Level::City {
                    let k = places::short(name);
                    let c = count.entry(k).or_insert(0);
                    if *c == 0 {
                        first.push(k);
                    }
                    *c += 1;
                }
            }
            // the earliest of the most frequent
            let top = first.iter().map(|k| count[k]).max()?;
            first.iter().find(|k| count[**k] == top)?.to_string()
        }
    };
    let pick = |exact: bool| {
        places.iter().copied().find(|&i| {
            let n = ctx.m(i).name.as_str();
            if exact {
                n != places::short(n) && places::short(n) == wanted
            } else {
                places::short(n) == wanted
            }
        })
    };
    pick(true).or_else(|| pick(false))
}

/// Whether a place is the document's city.
pub(crate) fn is_city(ctx: &Ctx, i: usize) -> bool {
    ctx.city
        .is_some_and(|c| places::short(&ctx.m(c).name) == places::short(&ctx.m(i).name))
}

/// Whether a name opens with a city or province other than the document's city and its
/// province (`苏州工业园区` in a 合肥 document).
pub(crate) fn foreign(ctx: &Ctx, name: &str) -> bool {
    let Some(p) = places::leading_place(name) else {
        return false;
    };
    let Some(city) = city_division(ctx) else {
        return false;
    };
    !places::within(p, city) && places::province_of(&city.name).is_none_or(|h| h.name != p.name)
}

/// The division of the document's city.
pub(crate) fn city_division(ctx: &Ctx) -> Option<&'static Division> {
    let c = ctx.city?;
    places::division(&ctx.m(c).name, None)
}

/// For a province's document (no city, its title naming a province): the mention of that
/// province, the home of the local firms, projects and bodies it names.
pub(crate) fn province_home(ctx: &Ctx) -> Option<usize> {
    if ctx.city.is_some() {
        return None;
    }
    let divs = Divisions::get();
    let province = divs.find_in(&ctx.doc.title).find_map(|m| {
        m.candidates
            .first()
            .copied()
            .filter(|d| d.level == divisions::Level::Province && !divs.is_city(d))
    })?;
    (0..ctx.mentions.len()).find(|&i| {
        ctx.kind(i) == EntityType::Place
            && super::valid(ctx.doc, ctx.m(i))
            && places::division(&ctx.m(i).name, None).is_some_and(|d| d.name == province.name)
    })
}
