//! Curating what was collected: edits that correct or remove whole objects
//! and everything that hangs on them, each built as one reversible
//! [`Edit`] for the window (and the command line) to apply. Deleting an
//! article takes its passages and, as the user chooses, the events only it
//! supports.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::history::Edit;
use crate::core::model::{Id, Workspace};

/// What deleting an article does to the events that cite it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleDeletion {
    /// Passages in the article, removed with it.
    pub passages: usize,
    /// Events whose every passage is in the article (they lose all
    /// evidence): deleted, or kept without evidence, as the user chose.
    pub only_here: usize,
    /// Events that keep evidence in other articles.
    pub elsewhere_too: usize,
}

/// The undoable edit that deletes article `id` with its passages, and
/// what it does. An event whose every passage is in the article is deleted
/// too, or, with `keep_events`, kept without evidence, its notes saying
/// where its evidence went (so a colleague reading it knows why). Memos
/// linking the article or its passages keep their links, shown as deleted.
pub fn delete_article_edit(
    ws: &Workspace,
    id: &Id,
    keep_events: bool,
) -> Option<(crate::core::history::Edit, ArticleDeletion)> {
    let article = ws.article(id)?;
    let mut d = ArticleDeletion::default();
    let mut edits = vec![];
    for e in &ws.events {
        let here = e.evidence.iter().filter(|p| &p.article == id).count();
        if here == 0 {
            continue;
        }
        d.passages += here;
        let mut after = (**e).clone();
        after.evidence.retain(|p| &p.article != id);
        if after.evidence.is_empty() {
            d.only_here += 1;
            if !keep_events {
                edits.push(Edit::delete_event((**e).clone()));
                continue;
            }
            let why = format!(
                "Its evidence was in the article “{}”, deleted {}.",
                article.title,
                crate::core::ids::now().get(..10).unwrap_or_default()
            );
            after.notes = if after.notes.trim().is_empty() {
                why
            } else {
                format!("{}\n\n{why}", after.notes)
            };
        } else {
            d.elsewhere_too += 1;
        }
        edits.push(Edit::change_event((**e).clone(), after));
    }
    edits.push(Edit::Article {
        before: Some(Box::new(article.clone())),
        after: None,
    });
    Some((Edit::Batch(edits), d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Article;
    use crate::core::ops::{NewEvent, add_evidence, locate_quote, tag_new_event};

    fn ws_with(text: &str) -> (Workspace, Id) {
        let mut ws = Workspace::new("t");
        let a = Article::new("A", text);
        let id = a.id.clone();
        ws.articles.push(a.into());
        (ws, id)
    }

    #[test]
    fn deleting_an_article_deletes_or_keeps_the_events_only_it_supports() {
        let (mut ws, a) = ws_with("Blinken met Qin Gang in Beijing. Later, Blinken met Wang Yi.");
        let b_art = Article::new("B", "Blinken met Qin Gang, the ministry said.");
        let b = b_art.id.clone();
        ws.articles.push(b_art.into());
        let tag = |ws: &mut Workspace, art: &Id, q: &str| {
            let anchor = locate_quote(ws, art, q, None).unwrap();
            tag_new_event(
                ws,
                art,
                anchor,
                NewEvent {
                    headline: q.into(),
                    kind: "043".into(),
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let only_a = tag(&mut ws, &a, "Blinken met Wang Yi");
        let both = tag(&mut ws, &a, "Blinken met Qin Gang in Beijing");
        let in_b = locate_quote(&ws, &b, "Blinken met Qin Gang", None).unwrap();
        add_evidence(&mut ws, &both, &b, in_b).unwrap();
        let before = ws.clone();
        // Deleting A, its events deleted with it.
        let (edit, d) = delete_article_edit(&ws, &a, false).unwrap();
        assert_eq!(
            d,
            ArticleDeletion {
                passages: 2,
                only_here: 1,
                elsewhere_too: 1
            }
        );
        let undo = edit.apply(&mut ws);
        assert!(ws.article(&a).is_none() && ws.event(&only_a).is_none());
        assert_eq!(ws.event(&both).unwrap().evidence.len(), 1);
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        undo.apply(&mut ws);
        assert_eq!(ws.articles.len(), before.articles.len());
        assert_eq!(ws.event(&only_a), before.event(&only_a));
        assert_eq!(ws.event(&both), before.event(&both));
        // Kept: the event stays, without evidence, and says why.
        let (edit, _) = delete_article_edit(&ws, &a, true).unwrap();
        edit.apply(&mut ws);
        let kept = ws.event(&only_a).unwrap();
        assert!(kept.evidence.is_empty());
        assert!(
            kept.notes.contains("in the article “A”, deleted"),
            "{}",
            kept.notes
        );
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    }
}
