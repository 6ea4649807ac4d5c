use std::collections::BTreeSet;
use std::path::Path;

use super::*;

#[test]
fn every_message_file_parses_in_both_languages() {
    for language in Language::OFFERED {
        assert_eq!(parse_errors(language), Vec::<String>::new(), "{language:?}");
    }
}

#[test]
fn both_languages_have_the_same_messages() {
    let english: BTreeSet<String> = message_ids(Language::English).into_iter().collect();
    let russian: BTreeSet<String> = message_ids(Language::Russian).into_iter().collect();
    let only_english: Vec<_> = english.difference(&russian).collect();
    let only_russian: Vec<_> = russian.difference(&english).collect();
    assert!(only_english.is_empty(), "not in Russian: {only_english:?}");
    assert!(only_russian.is_empty(), "not in English: {only_russian:?}");
    assert!(english.len() > 300, "{} messages", english.len());
}

#[test]
fn no_message_is_defined_twice() {
    for language in Language::OFFERED {
        let ids = message_ids(language);
        let mut seen = BTreeSet::new();
        let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
        assert!(twice.is_empty(), "{language:?}: {twice:?}");
    }
}

/// Every message the code asks for (`tr!("id"` and `message("id"`) is in the files, and every
/// message of the files is asked for somewhere (the commands' by the table's names).
#[test]
fn the_code_asks_for_exactly_the_messages_there_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut asked = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for opening in ["tr!(\"", "message(\"", "message_in(language, \""] {
                    for (at, _) in source.match_indices(opening) {
                        let rest = &source[at + opening.len()..];
                        let id: String = rest.chars().take_while(|c| *c != '"').collect();
                        asked.insert(id);
                    }
                }
            }
        }
    }
    // The commands' messages are asked for by name (`cmd-Name`, `cmd-Name-tip`).
    let table = include_str!("../ui/action/table.rs");
    let entries = &table[table.find("command_table! {").unwrap()..];
    for line in entries.lines().skip(1) {
        if let Some((name, _)) = line.trim().split_once(':') {
            asked.insert(format!("cmd-{name}"));
            asked.insert(format!("cmd-{name}-tip"));
        }
    }
    asked.remove("id");
    let there: BTreeSet<String> = message_ids(Language::English).into_iter().collect();
    let missing: Vec<_> = asked.difference(&there).collect();
    assert!(
        missing.is_empty(),
        "asked for, not in the files: {missing:?}"
    );
    let unused: Vec<_> = there
        .difference(&asked)
        .filter(|id| !id.starts_with("dynamic-"))
        .collect();
    assert!(
        unused.is_empty(),
        "in the files, never asked for: {unused:?}"
    );
}

#[test]
fn russian_counts_take_the_three_plural_forms() {
    let say = |n: usize| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        message_in(Language::Russian, "count-notes", Some(&args))
    };
    assert_eq!(say(1), "1 заметка");
    assert_eq!(say(2), "2 заметки");
    assert_eq!(say(5), "5 заметок");
    assert_eq!(say(11), "11 заметок");
    assert_eq!(say(21), "21 заметка");
    assert_eq!(say(24), "24 заметки");
    assert_eq!(say(0), "0 заметок");
    let mut args = FluentArgs::new();
    args.set("count", 1);
    assert_eq!(
        message_in(Language::English, "count-notes", Some(&args)),
        "1 note"
    );
    args.set("count", 3);
    assert_eq!(
        message_in(Language::English, "count-notes", Some(&args)),
        "3 notes"
    );
}

#[test]
fn the_pseudo_locale_brackets_every_message_and_the_thread_keeps_its_language() {
    set_language(Language::Pseudo);
    assert_eq!(crate::tr!("cmd-Undo"), "⟦Undo⟧");
    let worker = std::thread::spawn(|| crate::tr!("cmd-Undo"))
        .join()
        .unwrap();
    assert_eq!(worker, "Undo", "another thread speaks its own language");
    set_language(Language::Russian);
    assert_eq!(crate::tr!("cmd-Undo"), "Отменить");
    set_language(Language::English);
    assert_eq!(crate::tr!("cmd-Undo"), "Undo");
    assert_eq!(message("no-such-message", None), "no-such-message");
}

#[test]
fn a_locale_names_its_language() {
    assert_eq!(Language::of_locale(Some("ru_RU.UTF-8")), Language::Russian);
    assert_eq!(Language::of_locale(Some("ru-RU")), Language::Russian);
    assert_eq!(Language::of_locale(Some("en_GB.UTF-8")), Language::English);
    assert_eq!(Language::of_locale(Some("de_DE.UTF-8")), Language::English);
    assert_eq!(Language::of_locale(Some("C")), Language::English);
    assert_eq!(Language::of_locale(None), Language::English);
    assert_eq!(Language::from_code("ru"), Some(Language::Russian));
    assert_eq!(Language::from_code("fr"), None);
}
