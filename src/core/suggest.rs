//! Actors an event's text names: the workspace's actors whose name, an
//! alias or (for a person's name of two or three words) the surname
//! appears as whole words in one of the event's passages or the sentence
//! around it, and that the event does not name yet. The Inspector offers
//! them with one click when an event is tagged.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Actor, Event, Id, Workspace};

/// The most actors offered: beyond this the list is noise.
pub const MAX_SUGGESTED: usize = 6;

/// The names `a` is found by in a text: its name, its aliases, and the
/// last word of a two- or three-word name when that word is capitalised
/// and at least four letters long ("Blinken" for "Antony Blinken";
/// "government" of "Chinese government" is not one).
fn names(a: &Actor) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(&a.name)
        .chain(&a.aliases)
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().count() >= 2)
        .collect();
    let words: Vec<&str> = a.name.split_whitespace().collect();
    if let [_, .., last] = words[..]
        && words.len() <= 3
        && last.chars().count() >= 4
        && last.chars().next().is_some_and(char::is_uppercase)
    {
        out.push(last.to_lowercase());
    }
    out
}

/// Whether `needle` (lower case) is in `hay` (lower case) as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(i, m)| {
        !word(hay[..i].chars().next_back()) && !word(hay[i + m.len()..].chars().next())
    })
}

/// The actors `e`'s passages and their sentences name that `e` does not,
/// in the order their names first appear, at most [`MAX_SUGGESTED`].
pub fn named_actors(ws: &Workspace, e: &Event) -> Vec<Id> {
    let mut texts = vec![];
    for p in &e.evidence {
        let Some(a) = ws.article(&p.article) else {
            continue;
        };
        let chars: Vec<char> = a.text.chars().collect();
        let (s, t) = crate::dates::tense::sentence_bounds(
            &chars,
            p.anchor.start.min(chars.len()),
            p.anchor.end.min(chars.len()),
        );
        let (s, t) = (s.min(p.anchor.start), t.max(p.anchor.end).min(chars.len()));
        texts.push(chars[s..t].iter().collect::<String>().to_lowercase());
    }
    let mut found: Vec<(usize, usize, &Actor)> = vec![];
    for a in &ws.actors {
        if e.actors.iter().any(|r| r.actor == a.id) {
            continue;
        }
        let first = names(a).iter().find_map(|n| {
            texts.iter().enumerate().find_map(|(k, t)| {
                has_words(t, n).then(|| (k, t.find(n.as_str()).unwrap_or(usize::MAX)))
            })
        });
        if let Some((k, at)) = first {
            found.push((k, at, a));
        }
    }
    found.sort_by_key(|(k, at, a)| (*k, *at, a.name.to_lowercase()));
    found
        .into_iter()
        .take(MAX_SUGGESTED)
        .map(|(_, _, a)| a.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ops::tests::ws_with;
    use crate::core::ops::{NewEvent, actor_for_name, locate_quote, tag_new_event};

    #[test]
    fn actors_named_in_the_passage_or_its_sentence_are_suggested_once() {
        let (mut ws, a) = ws_with(
            "Intro. US security advisor Jake Sullivan met top diplomat Wang Yi in Vienna. \
             Later, Blinken flew home. The Chinese government said nothing.",
        );
        let (sullivan, _) = actor_for_name(&mut ws, "Jake Sullivan");
        let (wang, _) = actor_for_name(&mut ws, "Wang Yi");
        let (blinken, _) = actor_for_name(&mut ws, "Antony Blinken");
        let (govt, _) = actor_for_name(&mut ws, "Chinese government");
        let (us, _) = actor_for_name(&mut ws, "United States");
        let (part, _) = actor_for_name(&mut ws, "Vien");
        ws.actors
            .iter_mut()
            .find(|x| x.id == us)
            .unwrap()
            .aliases
            .push("US".into());
        let anchor = locate_quote(&ws, &a, "met top diplomat", None).unwrap();
        let e = tag_new_event(
            &mut ws,
            &a,
            anchor,
            NewEvent {
                headline: "Vienna".into(),
                kind: "044".into(),
                actors: vec![(wang.clone(), crate::core::model::Role::Target)],
                ..Default::default()
            },
        )
        .unwrap();
        let e = ws.event(&e).unwrap().clone();
        // The sentence names the US (by alias) and Sullivan; Wang Yi is
        // on the event already; "Vien" is no whole word of it; Blinken and
        // the government are in other sentences.
        assert_eq!(named_actors(&ws, &e), [us.clone(), sullivan.clone()]);
        let anchor = locate_quote(&ws, &a, "Blinken flew home", None).unwrap();
        let mut e2 = e.clone();
        e2.evidence[0].anchor = anchor;
        // A surname alone finds the person.
        assert_eq!(named_actors(&ws, &e2), [blinken]);
        assert!(!named_actors(&ws, &e2).contains(&govt));
        assert!(!named_actors(&ws, &e).contains(&part));
    }
}
