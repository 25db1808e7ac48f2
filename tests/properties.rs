//! Property tests: random workspaces round-trip; random bytes never panic
//! the loader or the importer; offsets never drift on any text.

use detente::core::model::{Anchor, Role, Status, Workspace};
use detente::core::ops::{self, NewEvent};
use detente::core::store::{from_bytes, to_bytes};
use detente::dates::edtf::DateValue;
use detente::read::prepare::prepare_bytes;
use detente::text::normalise::normalise;
use proptest::prelude::*;

/// Text mixing ASCII, CJK, Cyrillic, Arabic, emoji and combining accents.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Wang Yi ",
        "王毅",
        "会见",
        "Лавров ",
        "بكين ",
        "🇺🇸",
        "👍🏽",
        "e\u{301}",
        "Café ",
        "\n",
        "\r\n",
        ". ",
        "Blinken ",
        "\t",
        "ﬁ",
        "한국 ",
    ]);
    prop::collection::vec(pieces, 1..60).prop_map(|v| v.concat())
}

fn date_strategy() -> impl Strategy<Value = Option<DateValue>> {
    let one = (2000i32..2030, 1u32..13, 1u32..29, 0usize..6).prop_map(|(y, m, d, form)| {
        let s = match form {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            2 => format!("{y:04}-{m:02}-{d:02}"),
            3 => format!("{y:04}-{m:02}-{d:02}/{:04}-{m:02}-{d:02}", y + 1),
            4 => format!("{y:04}-{m:02}~"),
            _ => format!("{y:04}-{m:02}-{d:02}?"),
        };
        DateValue::parse(&s).unwrap()
    });
    prop::option::of(one)
}

prop_compose! {
    fn workspace()(
        texts in prop::collection::vec(messy_text(), 1..4),
        events in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 1usize..20, date_strategy(), 0usize..5, "[a-zA-Z 王]{1,20}"), 0..8),
        title in "\\PC{0,30}",
    ) -> Workspace {
        let mut ws = Workspace::new(&title);
        let mut ids = vec![];
        for (i, t) in texts.iter().enumerate() {
            if let Ok((a, _)) = prepare_bytes(t.as_bytes(), &format!("{i}.txt"), None)
                && !ws.articles.iter().any(|x| x.text_hash == a.text_hash) {
                ids.push(a.id.clone());
                ws.articles.push(a.into());
            }
        }
        let (actor, _) = ops::actor_for_name(&mut ws, "Wang Yi");
        for (art, pos, len, date, status, headline) in events {
            if ids.is_empty() { break; }
            let id = art.get(&ids).clone();
            let n = ws.article(&id).unwrap().char_len();
            let start = pos.index(n);
            let end = (start + len).min(n);
            let Some(anchor) = Anchor::from_range(&ws.article(&id).unwrap().text, start, end) else { continue };
            let spec = NewEvent {
                headline: format!("h{headline}"),
                kind: "042".into(),
                date,
                actors: vec![(actor.clone(), Role::Source)],
                status: Status::ALL[status],
                tags: vec!["t".into()],
                ..Default::default()
            };
            ops::tag_new_event(&mut ws, &id, anchor, spec).unwrap();
        }
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_workspaces_round_trip(ws in workspace()) {
        prop_assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        let bytes = to_bytes(&ws);
        let back = from_bytes(&bytes, "p.detente").unwrap();
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(to_bytes(&back), bytes);
    }

    #[test]
    fn highlights_never_drift(text in messy_text(), a in any::<prop::sample::Index>(), len in 1usize..10) {
        let Ok((art, _)) = prepare_bytes(text.as_bytes(), "x.txt", None) else { return Ok(()) };
        let chars: Vec<char> = art.text.chars().collect();
        let start = a.index(chars.len());
        let end = (start + len).min(chars.len());
        if let Some(anchor) = Anchor::from_range(&art.text, start, end) {
            let expected: String = chars[start..end].iter().collect();
            prop_assert_eq!(&anchor.exact, &expected);
            prop_assert!(anchor.matches(&art.text));
            // The quote is found again at the same char offsets.
            let hits = detente::text::offsets::find_all(&art.text, &anchor.exact);
            prop_assert!(hits.contains(&(start, end)));
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in messy_text()) {
        let once = normalise(&text);
        prop_assert_eq!(normalise(&once), once.clone());
        prop_assert!(!once.contains('\r'));
    }

    #[test]
    fn random_bytes_never_panic_the_loader_or_importer(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = from_bytes(&bytes, "r.detente");
        let _ = prepare_bytes(&bytes, "r.txt", None);
    }

    #[test]
    fn mutated_workspaces_never_panic_the_loader(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = to_bytes(&sample_ws());
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        if let Ok(ws) = from_bytes(&bytes, "m.detente") {
            prop_assert!(ws.problems().is_empty());
        }
    }

    #[test]
    fn truncated_workspaces_are_refused(cut in any::<prop::sample::Index>()) {
        let bytes = to_bytes(&sample_ws());
        let at = cut.index(bytes.len() - 2);
        prop_assert!(from_bytes(&bytes[..at], "t.detente").is_err());
    }
}

fn sample_ws() -> Workspace {
    let mut ws = Workspace::new("s");
    let (a, _) = prepare_bytes(
        "Sullivan met 王毅 in Vienna on Wednesday.".as_bytes(),
        "a.txt",
        None,
    )
    .unwrap();
    let id = a.id.clone();
    ws.articles.push(a.into());
    let anchor = ops::locate_quote(&ws, &id, "王毅 in Vienna", None).unwrap();
    ops::tag_new_event(
        &mut ws,
        &id,
        anchor,
        NewEvent {
            headline: "Vienna".into(),
            kind: "044".into(),
            date: Some(DateValue::parse("2023-05-10/2023-05-11").unwrap()),
            ..Default::default()
        },
    )
    .unwrap();
    ws
}

mod reanchoring {
    use detente::core::anchor::{Placed, reanchor};
    use detente::core::model::Anchor;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Sullivan",
        "met",
        "Wang",
        "Yi",
        "in",
        "Vienna",
        "on",
        "Wednesday",
        "talks",
        "王毅",
        "会见",
        "Лавров",
        "🇺🇸",
        "e\u{301}",
        "the",
        "and",
        "said",
        "officials",
        "Beijing",
        "Washington",
    ];

    fn text() -> impl Strategy<Value = Vec<&'static str>> {
        prop::collection::vec(prop::sample::select(WORDS), 30..80)
    }

    /// Insert or delete characters at char positions outside `keep`.
    fn edit(
        chars: &mut Vec<char>,
        keep: (usize, usize),
        at: usize,
        del: bool,
        ins: &str,
    ) -> (usize, usize) {
        let (s, e) = keep;
        let at = at % (chars.len() + 1);
        if at > s && at < e {
            return keep;
        }
        if del && at < chars.len() && (at < s || at >= e) {
            chars.remove(at);
            return if at < s { (s - 1, e - 1) } else { keep };
        }
        let n = ins.chars().count();
        for (i, c) in ins.chars().enumerate() {
            chars.insert(at + i, c);
        }
        if at <= s { (s + n, e + n) } else { keep }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn edits_around_a_passage_never_move_it(
            words in text(),
            pick in any::<prop::sample::Index>(),
            len in 2usize..6,
            edits in prop::collection::vec((any::<usize>(), any::<bool>(), "[a-z 王.]{1,6}"), 1..12),
        ) {
            let old = words.join(" ");
            let wstart = pick.index(words.len().saturating_sub(len).max(1));
            let before: usize = words[..wstart].iter().map(|w| w.chars().count() + 1).sum();
            let quote = words[wstart..(wstart + len).min(words.len())].join(" ");
            let (s, e) = (before, before + quote.chars().count());
            let anchor = Anchor::from_range(&old, s, e).unwrap();
            let mut chars: Vec<char> = old.chars().collect();
            let mut keep = (s, e);
            for (at, del, ins) in &edits {
                keep = edit(&mut chars, keep, *at, *del, ins);
            }
            let new: String = chars.iter().collect();
            match &reanchor(&old, &new, std::slice::from_ref(&anchor))[0] {
                Placed::Exact(a) => {
                    prop_assert_eq!(&a.exact, &anchor.exact);
                    prop_assert_eq!((a.start, a.end), keep, "carried to where the edits put it");
                }
                Placed::Moved(a) => prop_assert_eq!(&a.exact, &anchor.exact),
                other => prop_assert!(false, "edits outside the passage lost it: {:?}", other),
            }
        }

        #[test]
        fn edits_anywhere_never_put_it_on_other_words(
            words in text(),
            pick in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), "[a-z ]{1,4}"), 1..8),
        ) {
            let old = words.join(" ");
            let wstart = pick.index(words.len() - 4);
            let before: usize = words[..wstart].iter().map(|w| w.chars().count() + 1).sum();
            let quote = words[wstart..wstart + 4].join(" ");
            let anchor = Anchor::from_range(&old, before, before + quote.chars().count()).unwrap();
            let mut chars: Vec<char> = old.chars().collect();
            for (at, del, ins) in &edits {
                let at = at.index(chars.len());
                if *del { chars.remove(at); } else { for (i, c) in ins.chars().enumerate() { chars.insert(at + i, c); } }
            }
            let new: String = chars.iter().collect();
            match &reanchor(&old, &new, std::slice::from_ref(&anchor))[0] {
                Placed::Exact(a) | Placed::Moved(a) => prop_assert_eq!(&a.exact, &anchor.exact),
                Placed::Fuzzy(a, sim) => {
                    prop_assert!(*sim >= detente::core::anchor::FUZZY_MIN);
                    prop_assert!(strsim::normalized_levenshtein(&a.exact, &anchor.exact) >= detente::core::anchor::FUZZY_MIN);
                }
                Placed::Orphan => {}
            }
        }

        #[test]
        fn a_deleted_passage_becomes_an_orphan(words in text(), pick in any::<prop::sample::Index>()) {
            let old = words.join(" ");
            let wstart = pick.index(words.len() - 3);
            let before: usize = words[..wstart].iter().map(|w| w.chars().count() + 1).sum();
            let quote = format!("{} XQZ {}", words[wstart], words[wstart + 1]);
            // Put a unique marker in the passage so it cannot be found elsewhere.
            let mut marked: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            marked.insert(wstart + 1, "XQZ".into());
            let old_marked = marked.join(" ");
            let _ = old;
            let anchor = Anchor::from_range(&old_marked, before, before + quote.chars().count()).unwrap();
            prop_assert_eq!(&anchor.exact, &quote);
            let new = format!("{}{}", old_marked.chars().take(before).collect::<String>(), old_marked.chars().skip(before + quote.chars().count()).collect::<String>());
            prop_assert_eq!(reanchor(&old_marked, &new, &[anchor]), vec![Placed::Orphan]);
        }
    }
}
