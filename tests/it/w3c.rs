//! The MUST assertions of the W3C Web Annotation test suite, run against Lectern's W3C export.
//!
//! `tests/data/w3c-annotation-model/` holds copies of the suite's `annotationMusts.test`, the
//! fourteen assertion files it lists and the six definitions files they refer to (its README says
//! where they come from and under what licence). Each assertion is a draft-04 JSON Schema with a
//! few control keys. This module evaluates every annotation of a document against them with the
//! rules of the suite's harness (`annotation-model/scripts/JSONtest.js`, which validated with
//! ajv 4.x), and writes the same report as the command-line checker Lectern used before:
//!
//! * **Assertion references.** A name without `/` is relative to the `.test` file's folder, a
//!   relative path with `/` to the suite's root; an object with `assertionFile` loads that file
//!   and overrides its keys; nested lists are evaluated in order; a condition object (an
//!   `assertions` list, with `compareWith` `and` or `or`) takes its result from its children.
//! * **Control keys.** `expectedResult` (`valid` unless it says otherwise) and
//!   `onUnexpectedResult`: after an unexpected result `failAndSkip` skips the rest of its list,
//!   `failAndAbort` the rest of the enclosing lists too, anything else continues. Only
//!   `assertionType: must` (the default) decides pass or fail; a failed `should` or `may` is
//!   reported as a warning.
//! * **Definitions.** The six definitions files are registered under their `id` before any
//!   assertion is compiled, as the harness's `schemaDefs` are; nothing is fetched.
//! * **JSON Schema as ajv 4.x read it** (see [`as_ajv4`]): keywords beside `$ref` are evaluated,
//!   `1.0` is an integer, and `format` is checked for `uri` and `date-time` only, with ajv's
//!   "fast" regular expressions.
//!
//! A document may hold one annotation, an array of them, an `AnnotationPage` with `items`, or an
//! `AnnotationCollection` whose `first` is an embedded page (embedded `next` pages followed too)
//! or which has `items` itself.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jsonschema::{Draft, Registry, Validator};
use serde_json::{Map, Value, json};

/// The suite's folder, relative to the repository's root.
const SUITE_DIR: &str = "tests/data/w3c-annotation-model";

/// The `.test` files run, relative to the suite's folder.
const TESTS: &[&str] = &["annotations/annotationMusts.test"];

/// The definitions preloaded for every assertion: the `schemaDefs` list of the suite's
/// `annotations/annotationMusts-manual.html`.
const DEFINITIONS: &[&str] = &[
    "definitions/specificResource.json",
    "definitions/choiceSet.json",
    "definitions/bodyTarget.json",
    "definitions/annotations.json",
    "definitions/otherProperties.json",
    "definitions/id.json",
];

/// The base URI the suite's relative `id`s and `$ref`s resolve against (the assertion files
/// and definitions name each other by bare file names such as `annotations.json`).
const BASE_URI: &str = "json-schema:///";

/// The loaded suite: each `.test` file with its assertions compiled.
pub struct Suite {
    tests: Vec<Vec<Entry>>,
}

/// An item of an assertion list.
enum Entry {
    /// A nested list, evaluated in order; it gives no result of its own.
    List(Vec<Entry>),
    Assertion(Assertion),
}

/// One assertion of the suite.
struct Assertion {
    /// How the `.test` file refers to it (a file name, or `inline`).
    source: String,
    title: String,
    /// `errorMessage`, or "Result was not …".
    message: String,
    kind: Kind,
    /// `onUnexpectedResult`, when it is a string.
    on_unexpected: Option<String>,
    check: Check,
}

/// What an assertion checks.
enum Check {
    /// The annotation is valid against the schema (or, if `expect_valid` is false, invalid).
    Schema {
        validator: Box<Validator>,
        expect_valid: bool,
    },
    /// The results of the children, all of them true (`and`) or any of them (`or`).
    Condition { any: bool, children: Vec<Entry> },
}

/// `assertionType`: only `Must` decides whether an annotation passes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Must,
    Should,
    May,
}

/// What an assertion list does after an assertion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Action {
    Continue,
    /// The rest of this list is not run.
    Skip,
    /// The rest of this list and of the lists around it are not run.
    Abort,
}

impl Assertion {
    fn new(schema: &Map<String, Value>, source: &str, check: Check) -> Self {
        let text = |key: &str| {
            schema.get(key).map(|value| match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        let expected = text("expectedResult").unwrap_or_else(|| "valid".to_owned());
        let kind = match schema.get("assertionType").and_then(Value::as_str) {
            Some(kind) if kind.eq_ignore_ascii_case("should") => Kind::Should,
            Some(kind) if kind.eq_ignore_ascii_case("may") => Kind::May,
            _ => Kind::Must,
        };
        Assertion {
            source: source.to_owned(),
            title: text("title").unwrap_or_else(|| source.to_owned()),
            message: text("errorMessage").unwrap_or_else(|| format!("Result was not {expected}")),
            kind,
            on_unexpected: schema
                .get("onUnexpectedResult")
                .and_then(Value::as_str)
                .map(str::to_owned),
            check,
        }
    }

    fn action_after(&self, ok: bool) -> Action {
        if ok {
            return Action::Continue;
        }
        match self.on_unexpected.as_deref() {
            Some("failAndSkip" | "passAndSkip") => Action::Skip,
            Some("failAndAbort" | "passAndAbort") => Action::Abort,
            _ => Action::Continue,
        }
    }
}

/// Reads the suite's files and compiles its assertions: every file must be there and load.
struct Loader {
    root: PathBuf,
    registry: Registry<'static>,
}

fn load_json(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("cannot load {}: {e}", path.display()))
}

impl Loader {
    /// The file an assertion reference names.
    fn resolve(&self, name: &str, test_dir: &Path) -> Result<PathBuf, String> {
        if !name.contains('/') {
            return Ok(test_dir.join(name));
        }
        if name.starts_with('/') || name.starts_with("http:") || name.starts_with("https:") {
            return Err(format!(
                "absolute assertion reference not supported: {name}"
            ));
        }
        Ok(self.root.join(name))
    }

    fn load_entries(&self, items: &[Value], test_dir: &Path) -> Result<Vec<Entry>, String> {
        items
            .iter()
            .map(|item| self.load_entry(item, test_dir))
            .collect()
    }

    fn load_entry(&self, item: &Value, test_dir: &Path) -> Result<Entry, String> {
        let (schema, source) = match item {
            Value::Array(list) => return Ok(Entry::List(self.load_entries(list, test_dir)?)),
            Value::String(name) => (load_json(&self.resolve(name, test_dir)?)?, name.clone()),
            Value::Object(object) if object.contains_key("assertionFile") => {
                let Some(name) = object["assertionFile"].as_str() else {
                    return Err(format!("assertionFile is not a string: {item}"));
                };
                let mut schema = load_json(&self.resolve(name, test_dir)?)?;
                let Value::Object(fields) = &mut schema else {
                    return Err(format!("{name} is not a JSON object"));
                };
                for (key, value) in object {
                    if key != "assertionFile" {
                        fields.insert(key.clone(), value.clone());
                    }
                }
                (schema, name.to_owned())
            }
            Value::Object(_) => (item.clone(), "inline".to_owned()),
            other => return Err(format!("unexpected assertion entry: {other}")),
        };
        let Value::Object(fields) = &schema else {
            return Err(format!("{source} is not a JSON object"));
        };
        let check = if let Some(Value::Array(children)) = fields.get("assertions") {
            Check::Condition {
                any: fields.get("compareWith").and_then(Value::as_str) == Some("or"),
                children: self.load_entries(children, test_dir)?,
            }
        } else {
            let expected = fields.get("expectedResult");
            Check::Schema {
                validator: Box::new(self.compile(schema.clone(), &source)?),
                expect_valid: expected.is_none() || expected == Some(&json!("valid")),
            }
        };
        Ok(Entry::Assertion(Assertion::new(fields, &source, check)))
    }

    fn compile(&self, mut schema: Value, source: &str) -> Result<Validator, String> {
        as_ajv4(&mut schema);
        jsonschema::options()
            .with_draft(Draft::Draft4)
            .with_base_uri(BASE_URI)
            .with_registry(&self.registry)
            .offline()
            .should_validate_formats(true)
            .with_format("uri", is_ajv_uri)
            .with_format("date-time", is_ajv_date_time)
            .build(&schema)
            .map_err(|e| format!("cannot compile the assertion {source}: {e}"))
    }
}

impl Suite {
    /// Loads the suite from the repository. An error names the file that is missing or bad.
    pub fn load() -> Result<Suite, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUITE_DIR);
        let mut definitions = Vec::new();
        for name in DEFINITIONS {
            let mut contents = load_json(&root.join(name))?;
            as_ajv4(&mut contents);
            let id = match contents.get("id").and_then(Value::as_str) {
                Some(id) if !id.is_empty() => id.to_owned(),
                _ => name.rsplit('/').next().unwrap_or(name).to_owned(),
            };
            definitions.push((
                format!("{BASE_URI}{id}"),
                Draft::Draft4.create_resource(contents),
            ));
        }
        let registry = Registry::new()
            .draft(Draft::Draft4)
            .extend(definitions)
            .and_then(|builder| builder.prepare())
            .map_err(|e| format!("cannot register the suite's definitions: {e}"))?;
        let loader = Loader {
            root: root.clone(),
            registry,
        };
        let mut tests = Vec::new();
        for name in TESTS {
            let path = root.join(name);
            let test = load_json(&path)?;
            let assertions = match test.get("assertions") {
                Some(Value::Array(list)) if !list.is_empty() => list,
                _ => return Err(format!("{name} has no assertion list")),
            };
            let test_dir = path.parent().unwrap_or(&root);
            tests.push(loader.load_entries(assertions, test_dir)?);
        }
        Ok(Suite { tests })
    }

    /// How many assertions the suite checks (those inside lists and conditions included).
    pub fn assertion_count(&self) -> usize {
        fn count(entries: &[Entry]) -> usize {
            entries
                .iter()
                .map(|entry| match entry {
                    Entry::List(list) => count(list),
                    Entry::Assertion(Assertion {
                        check: Check::Condition { children, .. },
                        ..
                    }) => 1 + count(children),
                    Entry::Assertion(_) => 1,
                })
                .sum()
        }
        self.tests.iter().map(|test| count(test)).sum()
    }

    /// Checks every annotation the document holds. An error says why the document holds no
    /// list of annotations (neither an object nor an array, or a collection whose first page is
    /// only a link).
    pub fn check(&self, document: &Value) -> Result<Report, String> {
        let mut report = Report::default();
        for (index, annotation) in annotations_in(document)?.into_iter().enumerate() {
            let label = match annotation.get("id") {
                Some(Value::String(id)) => format!("#{} {id}", index + 1),
                _ => format!("#{}", index + 1),
            };
            let mut findings = Vec::new();
            for test in &self.tests {
                run_list(test, annotation, &mut findings);
            }
            let (musts, others): (Vec<&Assertion>, Vec<&Assertion>) =
                findings.into_iter().partition(|a| a.kind == Kind::Must);
            if !musts.is_empty() {
                let parts: Vec<String> = musts
                    .iter()
                    .map(|a| format!("{} -- {}", plain(&a.title), a.message))
                    .collect();
                report
                    .lines
                    .push(format!("FAIL {label}: {}", parts.join(" | ")));
            }
            for assertion in &others {
                let prefix = match assertion.kind {
                    Kind::Should => "WARNING: ",
                    Kind::May => "INFORMATIONAL: ",
                    Kind::Must => "",
                };
                report.lines.push(format!(
                    "{prefix}{label}: {} -- {}",
                    plain(&assertion.title),
                    assertion.message
                ));
            }
            for assertion in &musts {
                if let Check::Schema { validator, .. } = &assertion.check
                    && let Some(error) = validator.iter_errors(annotation).next()
                {
                    report.details.push(format!(
                        "{label}, {}: at {}: {error}",
                        assertion.source,
                        error.instance_path()
                    ));
                }
            }
            report.annotations.push(AnnotationVerdict {
                failed_musts: musts.iter().map(|a| a.source.clone()).collect(),
            });
        }
        Ok(report)
    }
}

/// Evaluates an assertion list as the harness does; gives what the list's last assertion asks
/// for next, and the result of each assertion run (nested lists give none).
fn run_list<'s>(
    entries: &'s [Entry],
    content: &Value,
    findings: &mut Vec<&'s Assertion>,
) -> (Action, Vec<bool>) {
    let mut action = Action::Continue;
    let mut results = Vec::new();
    for entry in entries {
        if action != Action::Continue {
            break;
        }
        let assertion = match entry {
            Entry::List(list) => {
                if run_list(list, content, findings).0 == Action::Abort {
                    action = Action::Abort;
                }
                continue;
            }
            Entry::Assertion(assertion) => assertion,
        };
        let ok = match &assertion.check {
            // A failed child is a finding of its own, whatever the condition's result.
            Check::Condition { any, children } => {
                let (_, child_results) = run_list(children, content, findings);
                if *any {
                    child_results.contains(&true)
                } else {
                    !child_results.contains(&false)
                }
            }
            Check::Schema {
                validator,
                expect_valid,
            } => validator.is_valid(content) == *expect_valid,
        };
        results.push(ok);
        if !ok {
            findings.push(assertion);
        }
        action = assertion.action_after(ok);
    }
    (action, results)
}

/// The annotations a document holds.
fn annotations_in(document: &Value) -> Result<Vec<&Value>, String> {
    let object = match document {
        Value::Array(items) => return Ok(items.iter().collect()),
        Value::Object(object) => object,
        _ => return Err("top level is neither an object nor an array".to_owned()),
    };
    let types: Vec<&Value> = match object.get("type") {
        Some(Value::Array(types)) => types.iter().collect(),
        Some(one @ Value::String(_)) => vec![one],
        _ => Vec::new(),
    };
    let is_a = |name: &str| types.iter().any(|t| t.as_str() == Some(name));
    let is_container = is_a("AnnotationCollection")
        || is_a("AnnotationPage")
        || (!object.contains_key("target")
            && (object.contains_key("first") || object.contains_key("items")));
    if !is_container {
        return Ok(vec![document]);
    }
    fn items_of<'v>(page: &'v Map<String, Value>, found: &mut Vec<&'v Value>) {
        match page.get("items") {
            Some(Value::Array(items)) => found.extend(items),
            Some(item) => found.push(item),
            None => {}
        }
    }
    let mut found = Vec::new();
    match object.get("first") {
        None | Some(Value::Null) => {}
        Some(Value::Object(_)) => {
            let mut page = object.get("first");
            while let Some(Value::Object(fields)) = page {
                items_of(fields, &mut found);
                page = fields.get("next"); // embedded next pages only
            }
        }
        Some(link) => {
            return Err(format!(
                "collection 'first' is a link ({link}), not an embedded page"
            ));
        }
    }
    items_of(object, &mut found);
    Ok(found)
}

/// The verdict on one annotation.
pub struct AnnotationVerdict {
    /// The MUST assertions it fails, as the `.test` file names them.
    pub failed_musts: Vec<String>,
}

/// The verdicts on a document's annotations. Displayed, it is one `FAIL` line for each
/// annotation that fails a MUST assertion (each failed assertion's title and error message),
/// a line for each failed SHOULD or MAY assertion, then `N annotations, M failed`.
#[derive(Default)]
pub struct Report {
    /// The verdict on each annotation, in the document's order.
    pub annotations: Vec<AnnotationVerdict>,
    lines: Vec<String>,
    /// For each failed MUST assertion, the first schema error found: not part of the report,
    /// for test failure messages.
    details: Vec<String>,
}

impl Report {
    /// How many annotations fail a MUST assertion.
    pub fn failed(&self) -> usize {
        self.annotations
            .iter()
            .filter(|a| !a.failed_musts.is_empty())
            .count()
    }

    /// True when the document holds annotations and none fails a MUST assertion.
    pub fn passed(&self) -> bool {
        !self.annotations.is_empty() && self.failed() == 0
    }

    /// The report followed by the first schema error of each failed MUST assertion.
    pub fn with_details(&self) -> String {
        let mut text = self.to_string();
        for detail in &self.details {
            text.push_str("    ");
            text.push_str(detail);
            text.push('\n');
        }
        text
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        writeln!(
            f,
            "{} annotations, {} failed",
            self.annotations.len(),
            self.failed()
        )
    }
}

/// A title without the Markdown the suite writes in it: links become their text, and `**`,
/// `__` and a `_` that does not join two letters or digits go.
fn plain(title: &str) -> String {
    static LINK: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
    let text: Vec<char> = LINK.replace_all(title, "$1").chars().collect();
    let joins = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let next = text.get(i + 1);
        if (text[i] == '*' && next == Some(&'*')) || (text[i] == '_' && next == Some(&'_')) {
            i += 2;
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| text.get(p));
        if text[i] == '_' && !(joins(previous) && joins(next)) {
            i += 1;
            continue;
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

// The `format` checks: ajv 4.x's "fast" regular expressions for `uri` and `date-time`
// (lib/compile/formats.js), case-insensitive, as the checker Lectern used before ran them with
// Python's `re`. Written out without a case-insensitive flag so that they match the same
// characters: Python's `[a-z]` under IGNORECASE also takes İ, ı, ſ and the Kelvin sign, and its
// `\s` is str.isspace() (with U+001C–U+001F, without U+FEFF).

/// Python's `\s`.
const SPACE: &str = r"\t\n\x0B\x0C\r\x1C-\x1F \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";
/// Python's `[a-z]` under IGNORECASE.
const LETTER: &str = r"a-zA-Z\x{130}\x{131}\x{17F}\x{212A}";

/// A date-time needs a time zone (`Z` or `±hh:mm`).
fn is_ajv_date_time(value: &str) -> bool {
    static DATE_TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"^[0-9]{{4}}-[0-1][0-9]-[0-3][0-9][tT{SPACE}][0-2][0-9]:[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[zZ]|[+-][0-9]{{2}}:[0-9]{{2}})\z"
        ))
        .unwrap()
    });
    DATE_TIME.is_match(value)
}

/// A scheme, `:` or `/`, and no white space: a `urn:` identifier is a URI.
fn is_ajv_uri(value: &str) -> bool {
    static URI: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"^[{LETTER}][{LETTER}0-9+\-.]*(?::|/)/?[^{SPACE}]*\z"
        ))
        .unwrap()
    });
    URI.is_match(value)
}

/// Rewrites a draft-04 schema in place so that a draft-04 validator gives the verdicts of
/// ajv 4.x, which the suite was written for:
///
/// * **Keywords beside `$ref` are evaluated** (draft-04 says to ignore them; ajv 4 did not, and
///   the suite relies on it: it recognises a Specific Resource only by a valid selector or
///   state, so a bad `TextQuoteSelector` fails "targetObjectsRecognized"). `{"$ref": R, …}`
///   becomes `{…, "allOf": [{"$ref": R}]}`; an `id` beside `$ref` is dropped, as it is ignored.
/// * **`1.0` is an integer**, as numbers are in JavaScript: `"type": "integer"` becomes
///   `"type": "number"` with `"multipleOf": 1`.
/// * **Only `uri` and `date-time` are checked formats**; any other `format` is left out.
/// * **`$` in a `pattern` (or a `patternProperties` name) also matches before a final line
///   break**, as in Python's `re`, which the checker Lectern used before ran the patterns with.
///   The suite's patterns use nothing else that Python, JavaScript and Rust read differently.
///
/// Only schema positions are rewritten: `enum` values and property names are left alone.
fn as_ajv4(schema: &mut Value) {
    let Value::Object(fields) = schema else {
        return;
    };
    for (keyword, value) in fields.iter_mut() {
        match keyword.as_str() {
            "additionalItems" | "additionalProperties" | "not" => as_ajv4(value),
            "items" | "allOf" | "anyOf" | "oneOf" => match value {
                Value::Array(schemas) => schemas.iter_mut().for_each(as_ajv4),
                one => as_ajv4(one),
            },
            "definitions" | "properties" | "patternProperties" | "dependencies" => {
                if let Value::Object(named) = value {
                    named.values_mut().for_each(as_ajv4);
                }
            }
            _ => {}
        }
    }
    if let Some(Value::Object(named)) = fields.get_mut("patternProperties") {
        *named = std::mem::take(named)
            .into_iter()
            .map(|(pattern, schema)| (with_python_dollar(&pattern), schema))
            .collect();
    }
    if let Some(Value::String(pattern)) = fields.get_mut("pattern") {
        *pattern = with_python_dollar(pattern);
    }
    if fields
        .get("format")
        .is_some_and(|f| f != "uri" && f != "date-time")
    {
        fields.remove("format");
    }
    let mut also = Vec::new();
    match fields.get_mut("type") {
        Some(Value::String(kind)) if kind == "integer" => {
            *kind = "number".to_owned();
            also.push(json!({ "multipleOf": 1 }));
        }
        Some(Value::Array(kinds)) if kinds.iter().any(|k| k == "integer") => {
            let has_number = kinds.iter().any(|k| k == "number");
            kinds.retain(|k| k != "integer");
            if !has_number {
                kinds.push(json!("number"));
                also.push(json!({ "multipleOf": 1 }));
            }
        }
        _ => {}
    }
    if fields.contains_key("$ref") && fields.len() > 1 {
        if let Some(reference) = fields.remove("$ref") {
            also.push(json!({ "$ref": reference }));
        }
        fields.remove("id");
    }
    if !also.is_empty() {
        match fields.get_mut("allOf") {
            Some(Value::Array(all)) => all.extend(also),
            _ => {
                fields.insert("allOf".to_owned(), Value::Array(also));
            }
        }
    }
}

/// The pattern with each `$` outside a character class matching before a final `\n` too.
fn with_python_dollar(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let (mut escaped, mut in_class) = (false, false);
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '$' if !in_class => {
                out.push_str(r"\n?$");
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}
