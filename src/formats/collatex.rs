//! CollateX's JSON: the witness input its tools read (`{"witnesses": [{"id": …, "content":
//! …}]}`, or pre-tokenised `"tokens": [{"t": …, "n": …}]`), and the alignment table it
//! writes (`collate(…, output="json")` in the Python port, 2.3): the witnesses' sigla, and a
//! row per witness with a cell per column, each cell `null` (nothing there) or a list of
//! tokens `{"_sigil": siglum, "_token_array_position": n, "n": normalised, "t": as written}`
//! (CollateX's default normal form is the token without the white space after it; Lectern
//! adds `"_key"`, what it compared the token as).
//!
//! ```json
//! {"table": [[[{"_sigil": "A", "_token_array_position": 0, "n": "The", "t": "The "}], null]],
//!  "witnesses": ["A"]}
//! ```

use serde::{Deserialize, Serialize};

/// CollateX's witness input.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct WitnessInput {
    /// The witnesses, in order.
    pub witnesses: Vec<InputWitness>,
}

/// One witness of the input.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct InputWitness {
    /// Its siglum.
    pub id: String,
    /// Its text, when given whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Its tokens, when given tokenised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<InputToken>>,
}

/// A pre-tokenised token: `t` is the text as written; `n`, if given, its normal form.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct InputToken {
    /// The token as written.
    pub t: String,
    /// Its normal form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
}

/// Why a witness input was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CollatexError {
    /// Not JSON of the witness input's shape.
    #[error("this is not CollateX's witness input ({0})")]
    NotWitnessInput(String),
    /// A witness has neither content nor tokens.
    #[error("witness “{0}” has neither “content” nor “tokens”")]
    NoText(String),
    /// Two witnesses have one id.
    #[error("two witnesses are called “{0}”: each needs an id of its own")]
    DuplicateId(String),
    /// Fewer than two witnesses.
    #[error("a collation needs at least two witnesses; this input has {0}")]
    TooFew(usize),
}

/// The witnesses of a CollateX witness input, as (id, text): a tokenised witness's text is
/// its tokens' `t` joined with a space where the previous one does not end in white space.
pub fn read_witnesses(json: &str) -> Result<Vec<(String, String)>, CollatexError> {
    let input: WitnessInput =
        serde_json::from_str(json).map_err(|e| CollatexError::NotWitnessInput(e.to_string()))?;
    let mut out: Vec<(String, String)> = Vec::with_capacity(input.witnesses.len());
    for witness in input.witnesses {
        if out.iter().any(|(id, _)| *id == witness.id) {
            return Err(CollatexError::DuplicateId(witness.id));
        }
        let text = match (witness.content, witness.tokens) {
            (Some(content), _) => content,
            (None, Some(tokens)) => joined(&tokens),
            (None, None) => return Err(CollatexError::NoText(witness.id)),
        };
        out.push((witness.id, text));
    }
    if out.len() < 2 {
        return Err(CollatexError::TooFew(out.len()));
    }
    Ok(out)
}

fn joined(tokens: &[InputToken]) -> String {
    let mut text = String::new();
    for token in tokens {
        if !text.is_empty() && !text.ends_with(char::is_whitespace) {
            text.push(' ');
        }
        text.push_str(&token.t);
    }
    text
}

/// CollateX's alignment table (see the module docs).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct AlignmentTable {
    /// A row per witness, in the order of `witnesses`; a cell per column.
    pub table: Vec<Vec<Option<Vec<TableToken>>>>,
    /// The sigla.
    pub witnesses: Vec<String>,
}

/// A token of the table: its witness's siglum, its place in the collation's token array (the
/// witnesses' tokens one after another, one place between two witnesses, as CollateX counts),
/// `n` normalised and `t` as written (with the white space after it).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct TableToken {
    /// The witness's siglum.
    #[serde(rename = "_sigil")]
    pub sigil: String,
    /// The token's place in the token array of all witnesses.
    #[serde(rename = "_token_array_position")]
    pub position: usize,
    /// As written, without the white space after it (CollateX's default normal form).
    pub n: String,
    /// As written, with the white space after it.
    pub t: String,
    /// What Lectern compared it as, under the collation's normalisation (readings whose
    /// tokens' keys agree are one reading); CollateX's own tables have none.
    #[serde(rename = "_key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn witnesses_are_read_whole_or_from_tokens() {
        let json = r#"{"witnesses": [
            {"id": "A", "content": "The cat."},
            {"id": "B", "tokens": [{"t": "The", "n": "the"}, {"t": "dog"}, {"t": "."}]}
        ]}"#;
        let witnesses = read_witnesses(json).unwrap();
        assert_eq!(
            witnesses,
            vec![
                ("A".to_owned(), "The cat.".to_owned()),
                ("B".to_owned(), "The dog .".to_owned())
            ]
        );
    }

    #[test]
    fn bad_inputs_are_refused_with_their_reason() {
        assert!(matches!(
            read_witnesses("[1, 2]"),
            Err(CollatexError::NotWitnessInput(_))
        ));
        assert_eq!(
            read_witnesses(r#"{"witnesses": [{"id": "A"}, {"id": "B", "content": "x"}]}"#),
            Err(CollatexError::NoText("A".to_owned()))
        );
        assert_eq!(
            read_witnesses(
                r#"{"witnesses": [{"id": "A", "content": "x"}, {"id": "A", "content": "y"}]}"#
            ),
            Err(CollatexError::DuplicateId("A".to_owned()))
        );
        assert_eq!(
            read_witnesses(r#"{"witnesses": [{"id": "A", "content": "x"}]}"#),
            Err(CollatexError::TooFew(1))
        );
    }

    #[test]
    fn the_table_has_collatex_s_shape() {
        let table = AlignmentTable {
            table: vec![vec![
                Some(vec![TableToken {
                    sigil: "A".into(),
                    position: 0,
                    n: "The".into(),
                    t: "The ".into(),
                    key: None,
                }]),
                None,
            ]],
            witnesses: vec!["A".into()],
        };
        let collatex_s = r#"{"table":[[[{"_sigil":"A","_token_array_position":0,"n":"The","t":"The "}],null]],"witnesses":["A"]}"#;
        assert_eq!(serde_json::to_string(&table).unwrap(), collatex_s);
        // CollateX's own table reads as it is; Lectern's key is an extra field beside.
        assert_eq!(
            serde_json::from_str::<AlignmentTable>(collatex_s).unwrap(),
            table
        );
        let mut keyed = table.clone();
        if let Some(Some(tokens)) = keyed.table[0].get_mut(0) {
            tokens[0].key = Some("the".into());
        }
        assert!(
            serde_json::to_string(&keyed)
                .unwrap()
                .contains(r#""t":"The ","_key":"the"}"#)
        );
    }
}
