//! The default vocabulary of event types: CAMEO 1.1b3 codes for diplomatic
//! contact and friction, with Goldstein scale values and the PLOVER
//! type/mode each maps to. Codes are strings ("040"), never integers.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventType {
    /// CAMEO code ("042") or a user's own code.
    pub code: String,
    pub label: String,
    /// Goldstein conflict-cooperation value, -10 to +10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goldstein: Option<f64>,
    /// PLOVER event type ("CONSULT").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plover_type: String,
    /// PLOVER mode ("visit", "phone").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plover_mode: String,
    /// Highlight and timeline colour, "#rrggbb".
    pub colour: String,
    /// A user's own type: the code it sits under, a CAMEO root ("04") or
    /// another own type; empty for CAMEO types and own types at the top.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent: String,
    /// What the type covers, in the user's words (a codebook's definition).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl EventType {
    /// The type as lists, legends and tables name it: a CAMEO type by code
    /// and name ("042 Make a visit"); an own type by its name alone (its
    /// code is made from the name: "back-channel Back-channel contact"
    /// would say it twice).
    pub fn shown(&self) -> String {
        if self.code.chars().all(|c| c.is_ascii_digit()) {
            format!("{} {}", self.code, self.label)
        } else {
            self.label.clone()
        }
    }

    /// The CAMEO root code: the first two digits ("04" for "042").
    pub fn root(&self) -> &str {
        root_of(&self.code)
    }

    /// The colour as RGB bytes; grey when the stored colour is malformed.
    pub fn rgb(&self) -> [u8; 3] {
        parse_colour(&self.colour).unwrap_or([128, 128, 128])
    }
}

/// Whether `code` is a CAMEO code (digits only, "04" or "042"), not a
/// user's own.
pub fn is_cameo(code: &str) -> bool {
    code.len() >= 2 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `code` is one of CAMEO's twenty roots, "01" to "20".
pub fn is_cameo_root(code: &str) -> bool {
    code.len() == 2 && is_cameo(code) && ("01"..="20").contains(&code)
}

pub fn root_of(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Parse "#rrggbb".
pub fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Names of the CAMEO root codes used for grouping in pickers.
pub fn root_label(root: &str) -> &'static str {
    match root {
        "01" => "Make public statement",
        "02" => "Appeal",
        "03" => "Express intent to cooperate",
        "04" => "Consult",
        "05" => "Engage in diplomatic cooperation",
        "06" => "Engage in material cooperation",
        "07" => "Provide aid",
        "08" => "Yield",
        "09" => "Investigate",
        "10" => "Demand",
        "11" => "Disapprove",
        "12" => "Reject",
        "13" => "Threaten",
        "14" => "Protest",
        "15" => "Exhibit force posture",
        "16" => "Reduce relations",
        "17" => "Coerce",
        "18" => "Assault",
        "19" => "Fight",
        "20" => "Use unconventional mass violence",
        _ => "Other",
    }
}

/// (code, label, Goldstein, PLOVER type, PLOVER mode, colour)
const DEFAULTS: &[(&str, &str, f64, &str, &str, &str)] = &[
    (
        "036",
        "Express intent to meet or negotiate",
        4.0,
        "AGREE",
        "meet",
        "#7fb3d5",
    ),
    ("040", "Consult", 1.0, "CONSULT", "", "#2e86c1"),
    (
        "041",
        "Discuss by telephone",
        1.0,
        "CONSULT",
        "phone",
        "#5dade2",
    ),
    ("042", "Make a visit", 1.9, "CONSULT", "visit", "#1f618d"),
    ("043", "Host a visit", 2.8, "CONSULT", "visit", "#2874a6"),
    (
        "044",
        "Meet at a third location",
        2.5,
        "CONSULT",
        "third-party",
        "#17a589",
    ),
    ("045", "Mediate", 5.0, "CONSULT", "mediation", "#48c9b0"),
    (
        "046",
        "Engage in negotiation",
        7.0,
        "CONSULT",
        "multilateral",
        "#138d75",
    ),
    (
        "050",
        "Engage in diplomatic cooperation",
        3.5,
        "COOPERATE",
        "",
        "#52be80",
    ),
    ("051", "Praise or endorse", 3.4, "SUPPORT", "", "#82e0aa"),
    ("057", "Sign formal agreement", 8.0, "AGREE", "", "#229954"),
    (
        "061",
        "Cooperate economically",
        6.4,
        "COOPERATE",
        "economic",
        "#7dcea0",
    ),
    (
        "111",
        "Criticize or denounce",
        -2.0,
        "ACCUSE",
        "",
        "#f5b041",
    ),
    ("112", "Accuse", -2.0, "ACCUSE", "", "#eb984e"),
    ("114", "Complain officially", -2.0, "ACCUSE", "", "#f0b27a"),
    (
        "125",
        "Reject proposal to meet, discuss, or negotiate",
        -5.0,
        "REJECT",
        "meet",
        "#cb4335",
    ),
    ("130", "Threaten", -4.4, "THREATEN", "", "#af601a"),
    (
        "150",
        "Demonstrate military or police power",
        -7.2,
        "MOBILIZE",
        "",
        "#884ea0",
    ),
    ("160", "Reduce relations", -4.0, "SANCTION", "", "#c0392b"),
    (
        "161",
        "Reduce or break diplomatic relations",
        -4.0,
        "SANCTION",
        "break relations",
        "#a93226",
    ),
    (
        "163",
        "Impose embargo, boycott, or sanctions",
        -8.0,
        "SANCTION",
        "embargo",
        "#922b21",
    ),
    (
        "164",
        "Halt negotiations",
        -7.0,
        "SANCTION",
        "halt negotiations",
        "#e74c3c",
    ),
    (
        "166",
        "Expel or withdraw",
        -7.0,
        "SANCTION",
        "expel",
        "#d98880",
    ),
    (
        "171",
        "Seize or damage property",
        -9.2,
        "COERCE",
        "seize",
        "#6e2c00",
    ),
    (
        "195",
        "Employ aerial weapons",
        -10.0,
        "ASSAULT",
        "aerial",
        "#4a235a",
    ),
];

/// The default event types, in code order.
pub fn default_event_types() -> Vec<EventType> {
    DEFAULTS
        .iter()
        .map(|&(code, label, g, t, m, c)| EventType {
            code: code.into(),
            label: label.into(),
            goldstein: Some(g),
            plover_type: t.into(),
            plover_mode: m.into(),
            colour: c.into(),
            ..Default::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_sorted_unique_and_well_formed() {
        let types = default_event_types();
        let codes: Vec<_> = types.iter().map(|t| t.code.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for t in &types {
            assert_eq!(t.code.len(), 3, "{}", t.code);
            assert!(parse_colour(&t.colour).is_some(), "{}", t.colour);
            let g = t.goldstein.unwrap();
            assert!((-10.0..=10.0).contains(&g));
            assert_ne!(root_label(t.root()), "Other", "{}", t.code);
        }
        let visit = types.iter().find(|t| t.code == "042").unwrap();
        assert_eq!(
            (visit.plover_type.as_str(), visit.plover_mode.as_str()),
            ("CONSULT", "visit")
        );
    }

    #[test]
    fn colour_parsing() {
        assert_eq!(parse_colour("#ff8000"), Some([255, 128, 0]));
        assert_eq!(parse_colour("ff8000"), None);
        assert_eq!(parse_colour("#ff80"), None);
        assert_eq!(parse_colour("#ééé"), None);
    }
}

/// Codes for international organisations and groupings accepted where an
/// actor's country goes (CAMEO codes IGOs this way).
pub const IGO_CODES: &[&str] = &[
    "IGO", "UNO", "NATO", "EUR", "ASN", "AFU", "APEC", "G7", "G20", "OPC", "WTO", "IMF", "WBK",
    "SCO", "BRICS", "OSCE", "OAS", "ARL", "GCC", "ICC", "IAEA", "WHO",
];

/// CAMEO's region codes, accepted where a country goes ("WST" for the
/// West, "MEA" for the Middle East).
pub const CAMEO_REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

/// Whether `code` is an ISO 3166-1 alpha-3 country code ("USA"; the list is
/// the celes crate's, not ours, so "XYZ" is refused), a CAMEO region code
/// ("WST") or a known IGO code ("NATO").
pub fn is_actor_country(code: &str) -> bool {
    let iso = code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && celes::Country::from_alpha3(code).is_ok();
    iso || IGO_CODES.contains(&code) || CAMEO_REGIONS.contains(&code)
}

#[cfg(test)]
mod country_tests {
    #[test]
    fn country_codes() {
        assert!(super::is_actor_country("CHN"));
        assert!(super::is_actor_country("NATO"));
        assert!(!super::is_actor_country("China"));
        assert!(!super::is_actor_country("us"));
        // Shaped like a code, but no country's.
        assert!(!super::is_actor_country("XYZ"));
        assert!(super::is_actor_country("KOR") && super::is_actor_country("TWN"));
        assert!(super::is_actor_country("WST"));
    }
}
