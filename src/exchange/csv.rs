//! The events as CSV for R, pandas and Stata: one row per event, or per
//! passage, with the columns of [`crate::exchange::rows`].
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::Workspace;
use crate::exchange::rows::{event_rows, passage_rows};

/// A cell a spreadsheet would not run as a formula: text from others (a
/// headline, a quote, a page's title) that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, as OWASP advises against
/// CSV injection, since this CSV is made to be opened in spreadsheets. A
/// number or date (`-0044`, `+1`, `-12.5`) is left as it is: no formula
/// can hide in digits. TSV and JSON stay exact (they are for programs).
pub fn neutralise(cell: String) -> String {
    let Some(first) = cell.chars().next() else {
        return cell;
    };
    let numeric = |rest: &str| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || "-./:X?~%".contains(c))
    };
    match first {
        '-' | '+' if numeric(&cell[1..]) => cell,
        '=' | '+' | '-' | '@' | '\t' | '\r' => format!("'{cell}"),
        _ => cell,
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// CSV with a header row. Lists are joined with "; " (quotes with " | ").
pub fn to_csv(ws: &Workspace, per_passage: bool) -> String {
    let mut w = ::csv::Writer::from_writer(vec![]);
    let res: Result<(), ::csv::Error> = (|| {
        if per_passage {
            w.write_record([
                "event_id",
                "headline",
                "kind",
                "kind_label",
                "date",
                "earliest",
                "latest",
                "status",
                "passage_id",
                "article_id",
                "article_title",
                "outlet",
                "published",
                "start",
                "end",
                "quote",
                "passage_date",
            ])?;
            for r in passage_rows(ws) {
                w.write_record(
                    [
                        r.event_id,
                        r.headline,
                        r.kind,
                        r.kind_label,
                        opt(&r.date),
                        opt(&r.earliest),
                        opt(&r.latest),
                        r.status.into(),
                        r.passage_id,
                        r.article_id,
                        r.article_title,
                        r.outlet,
                        opt(&r.published),
                        r.start.to_string(),
                        r.end.to_string(),
                        r.quote,
                        opt(&r.passage_date),
                    ]
                    .map(neutralise),
                )?;
            }
        } else {
            w.write_record([
                "id",
                "headline",
                "kind",
                "kind_label",
                "date",
                "earliest",
                "latest",
                "status",
                "actors",
                "actor_codes",
                "place",
                "tags",
                "passages",
                "quotes",
                "articles",
                "sources_disagree",
                "date_review",
            ])?;
            for r in event_rows(ws) {
                w.write_record(
                    [
                        r.id,
                        r.headline,
                        r.kind,
                        r.kind_label,
                        opt(&r.date),
                        opt(&r.earliest),
                        opt(&r.latest),
                        r.status.into(),
                        r.actors
                            .iter()
                            .map(|a| format!("{} ({})", a.name, a.role))
                            .collect::<Vec<_>>()
                            .join("; "),
                        r.actors
                            .iter()
                            .map(|a| a.code.clone())
                            .collect::<Vec<_>>()
                            .join("; "),
                        r.place,
                        r.tags.join("; "),
                        r.passages.to_string(),
                        r.quotes.join(" | "),
                        r.articles
                            .iter()
                            .map(|a| a.title.clone())
                            .collect::<Vec<_>>()
                            .join("; "),
                        opt(&r.disagreement),
                        opt(&r.date_review),
                    ]
                    .map(neutralise),
                )?;
            }
        }
        Ok(())
    })();
    res.expect("writing CSV to memory cannot fail");
    String::from_utf8(w.into_inner().expect("in-memory writer"))
        .expect("CSV of UTF-8 fields is UTF-8")
}

/// The passages of a retrieval (the Retrieve tab) as CSV, one row per
/// passage, text cells neutralised as in every CSV (see [`neutralise`]).
pub fn hits_to_csv(hits: &[crate::core::retrieve::Hit]) -> String {
    let mut w = ::csv::Writer::from_writer(vec![]);
    let res: Result<(), ::csv::Error> = (|| {
        w.write_record([
            "event_id",
            "headline",
            "date",
            "date_edtf",
            "event_type",
            "actors",
            "passage_id",
            "article_id",
            "article_title",
            "outlet",
            "published",
            "published_edtf",
            "quote",
            "prefix",
            "suffix",
        ])?;
        for h in hits {
            w.write_record(
                [
                    h.event.clone(),
                    h.headline.clone(),
                    h.date.clone(),
                    h.date_edtf.clone(),
                    h.event_type.clone(),
                    h.actors.clone(),
                    h.passage.clone(),
                    h.article.clone(),
                    h.article_title.clone(),
                    h.outlet.clone(),
                    h.published.clone(),
                    h.published_edtf.clone(),
                    h.quote.clone(),
                    h.prefix.clone(),
                    h.suffix.clone(),
                ]
                .map(neutralise),
            )?;
        }
        Ok(())
    })();
    debug_assert!(res.is_ok());
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {

    #[test]
    fn retrieved_passages_go_out_with_edtf_dates_type_and_actors() {
        use crate::core::retrieve::{Query, retrieve};
        let ws = crate::core::sample::sample_workspace();
        let wang = ws.actor_by_name("Wang Yi").unwrap().id.clone();
        let hits = retrieve(&ws, &Query::Actor(wang));
        let csv = hits_to_csv(&hits);
        let mut r = ::csv::Reader::from_reader(csv.as_bytes());
        let head = r.headers().unwrap().clone();
        let col = |n: &str| head.iter().position(|h| h == n).unwrap();
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), hits.len());
        for row in &rows {
            assert!(row[col("actors")].contains("Wang Yi"), "{row:?}");
            let edtf = &row[col("date_edtf")];
            assert!(
                edtf.is_empty() || crate::dates::edtf::DateValue::parse(edtf).is_ok(),
                "{edtf}"
            );
            assert!(
                row[col("event_type")].starts_with('0') || row[col("event_type")].starts_with('1')
            );
        }
        assert!(
            rows.iter()
                .any(|r| r[col("date_edtf")].starts_with("2023-"))
        );
        assert!(
            rows.iter()
                .any(|r| r[col("published_edtf")].starts_with("2023-"))
        );
    }

    use super::*;
    use crate::core::sample::sample_workspace;
    use crate::dates::edtf::DateValue;

    #[test]
    fn disagreeing_sources_and_their_review_are_exported() {
        let mut ws = sample_workspace();
        let id = ws
            .events
            .iter()
            .find(|e| e.evidence.len() >= 2)
            .unwrap()
            .id
            .clone();
        let e = ws.event_mut(&id).unwrap();
        e.evidence[0].date = Some(DateValue::parse("2023-05-10").unwrap());
        e.evidence[1].date = Some(DateValue::parse("2023-05-12").unwrap());
        e.date_review = "Reuters dates it by its dateline".into();
        let text = to_csv(&ws, false);
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let head = r.headers().unwrap().clone();
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        let (d, n, i) = (col("sources_disagree"), col("date_review"), col("id"));
        let row = r
            .records()
            .map(|x| x.unwrap())
            .find(|x| x[i] == *id)
            .unwrap();
        assert!(row[d].contains("sources disagree"), "{:?}", &row[d]);
        assert_eq!(&row[n], "Reuters dates it by its dateline");
        let json = crate::exchange::json::to_json(&ws, false);
        assert!(json.contains("\"date_review\": \"Reuters dates it by its dateline\""));
    }
}
