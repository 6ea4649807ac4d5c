use super::*;
use crate::model::text::CharRange;
use crate::testing::text_of;

fn member(id: &str, name: &str) -> Member {
    Member {
        id: id.to_owned(),
        name: name.to_owned(),
        colour: colour_text(first_colour(id)),
    }
}

fn key(seed: u8) -> MemberKey {
    MemberKey::from_secret([seed; 32])
}

fn at(minute: u32) -> Timestamp {
    Timestamp::from(format!("2026-12-07T10:{minute:02}:00Z").as_str())
}

fn shared_note(note: &str) -> Shared {
    let text = text_of(&["Comrade Kamenev! Stalin has probably already sent you his theses."]);
    let mut annotation = Annotation::new("a-1", &text, CharRange(0..15), None, &at(0));
    annotation.note = note.to_owned();
    Shared::annotation(&annotation, &[])
}

/// Anna and her key, Boris and his, their key cards and their records, each with its folder.
type Seminar = (
    Member,
    MemberKey,
    Member,
    MemberKey,
    Vec<(String, KeyCard)>,
    Vec<(String, GroupRecord)>,
);

/// Anna (key 1) and Boris (key 2), with one record each, and Anna's reply to Boris's.
fn seminar() -> Seminar {
    let anna = member("anna", "Anna");
    let boris = member("boris", "Boris");
    let (ka, kb) = (key(1), key(2));
    let cards = vec![
        ("anna".to_owned(), KeyCard::new(&anna, &ka, at(0), None)),
        ("boris".to_owned(), KeyCard::new(&boris, &kb, at(0), None)),
    ];
    let records = vec![
        (
            "anna".to_owned(),
            GroupRecord::signed("r-a".into(), &anna, &ka, at(1), shared_note("Why 'entry'?")),
        ),
        (
            "boris".to_owned(),
            GroupRecord::signed(
                "r-b".into(),
                &boris,
                &kb,
                at(2),
                Shared::Reply {
                    to: "r-a".into(),
                    note: "Because Stalin wrote it so.".into(),
                },
            ),
        ),
    ];
    (anna, ka, boris, kb, cards, records)
}

#[test]
fn a_signed_record_verifies_and_names_its_author() {
    let (_, _, _, _, cards, records) = seminar();
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert_eq!(layer.entries.len(), 2);
    assert!(
        layer
            .entries
            .iter()
            .all(|e| e.authorship == Authorship::Verified)
    );
    assert_eq!(layer.member_name("anna"), "Anna");
    assert_eq!(layer.member_name("boris"), "Boris");
}

#[test]
fn a_record_edited_by_hand_is_unverified() {
    let (_, _, _, _, cards, mut records) = seminar();
    if let Shared::Annotation { annotation, .. } = &mut records[0].1.body {
        annotation.note = "Why 'entry'? Stalin is right.".into();
    }
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    assert!(layer.entry("r-b").unwrap().authorship.is_verified());
}

#[test]
fn a_change_of_spacing_is_no_change() {
    let (_, _, _, _, cards, records) = seminar();
    let pretty = serde_json::to_string_pretty(&records[0].1).unwrap();
    let compact: GroupRecord =
        serde_json::from_str(&pretty.replace("\n", "").replace("  ", " ")).unwrap();
    let layer = GroupLayer::assemble("Seminar", cards, vec![("anna".into(), compact)]);
    assert!(layer.entries[0].authorship.is_verified());
}

#[test]
fn a_forged_record_is_unverified() {
    let (anna, _, _, kb, cards, mut records) = seminar();
    // Boris writes a record in Anna's name, into Anna's folder, signed with his key…
    let forged = GroupRecord::signed(
        "r-f".into(),
        &anna,
        &kb,
        at(3),
        shared_note("I take it back."),
    );
    records.push(("anna".into(), forged.clone()));
    // …and one naming Anna's key, but signed with his.
    let mut forged_key = forged.clone();
    forged_key.id = "r-g".into();
    forged_key.key = key(1).id();
    records.push(("anna".into(), forged_key));
    // …and one in Anna's name placed in his own folder.
    let mut elsewhere =
        GroupRecord::signed("r-h".into(), &anna, &key(1), at(4), shared_note("mine"));
    elsewhere.id = "r-h".into();
    records.push(("boris".into(), elsewhere));
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert_eq!(
        layer.entry("r-f").unwrap().authorship,
        Authorship::Unverified(Unverified::UnknownKey)
    );
    assert_eq!(
        layer.entry("r-g").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    assert_eq!(
        layer.entry("r-h").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    assert_eq!(
        layer
            .entries
            .iter()
            .filter(|e| e.authorship.is_verified())
            .count(),
        2
    );
}

#[test]
fn a_key_card_in_another_folder_or_not_self_signed_publishes_nothing() {
    let (anna, ka, _, kb, mut cards, records) = seminar();
    // Boris publishes a card for Anna with his key, in Anna's folder: it is self-signed by his
    // key, so it is a second key of Anna's — which the reader is told of as a key change.
    // A card whose signature does not check is dropped.
    let mut bad = KeyCard::new(&anna, &kb, at(5), None);
    bad.name = "Anna (really)".into();
    cards.push(("anna".into(), bad));
    // A card for Anna placed in Boris's folder is not Anna's.
    cards.push(("boris".into(), KeyCard::new(&anna, &key(9), at(5), None)));
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert_eq!(layer.members["anna"].keys.len(), 1);
    assert!(layer.members["anna"].keys.contains_key(&ka.id()));
    assert_eq!(layer.members["anna"].name, "Anna");
    assert_eq!(layer.members["boris"].keys.len(), 1);
}

#[test]
fn a_member_whose_key_changed_is_told_once_and_old_signatures_are_unverified() {
    let (anna, ka, _, _, cards, records) = seminar();
    let mut seen = Seen::default();
    let layer = GroupLayer::assemble("Seminar", cards.clone(), records.clone());
    assert!(
        seen.take_key_changes(&layer).is_empty(),
        "first sight is no change"
    );

    // Anna replaces her key: the new card is endorsed by the old one, which she withdraws.
    let new_key = key(7);
    let mut cards2: Vec<(String, KeyCard)> =
        cards.into_iter().filter(|(m, _)| m != "anna").collect();
    cards2.push((
        "anna".into(),
        KeyCard::new(&anna, &new_key, at(9), Some(&ka)),
    ));
    let layer = GroupLayer::assemble("Seminar", cards2.clone(), records.clone());
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::UnknownKey),
        "a record signed by a key no longer published"
    );
    let changes = seen.take_key_changes(&layer);
    assert_eq!(
        changes,
        vec![KeyChange {
            member: "anna".into(),
            name: "Anna".into(),
            endorsed: true
        }]
    );
    assert!(seen.take_key_changes(&layer).is_empty(), "told once");

    // She signs her records again with the new key: verified again.
    let resigned: Vec<(String, GroupRecord)> = records
        .iter()
        .map(|(m, r)| {
            if m == "anna" {
                (m.clone(), r.resigned(&new_key))
            } else {
                (m.clone(), r.clone())
            }
        })
        .collect();
    let layer = GroupLayer::assemble("Seminar", cards2.clone(), resigned);
    assert!(layer.entries.iter().all(|e| e.authorship.is_verified()));

    // A key put in her folder by someone else, with no endorsement, is a change not signed:
    // told once, and what it signs is unverified until the reader trusts it.
    let mut cards3 = cards2;
    cards3.push(("anna".into(), KeyCard::new(&anna, &key(8), at(10), None)));
    let mut forged = records.clone();
    forged.push((
        "anna".into(),
        GroupRecord::signed("r-x".into(), &anna, &key(8), at(11), shared_note("forged")),
    ));
    let mut layer = GroupLayer::assemble("Seminar", cards3.clone(), forged.clone());
    assert_eq!(
        seen.take_key_changes(&layer),
        vec![KeyChange {
            member: "anna".into(),
            name: "Anna".into(),
            endorsed: false
        }]
    );
    assert!(seen.take_key_changes(&layer).is_empty(), "told once");
    assert!(
        layer.entry("r-x").unwrap().authorship.is_verified(),
        "its signature checks"
    );
    layer.apply_trust(&seen);
    assert_eq!(
        layer.entry("r-x").unwrap().authorship,
        Authorship::Unverified(Unverified::UntrustedKey),
        "but no trusted key signed the change"
    );
    assert!(seen.distrusts(&layer, "anna"));
    // Once the reader trusts it (they asked Anna: a new device), it is hers.
    seen.trust(&layer, "anna");
    let mut layer = GroupLayer::assemble("Seminar", cards3, forged);
    layer.apply_trust(&seen);
    assert!(layer.entry("r-x").unwrap().authorship.is_verified());
    assert!(!seen.distrusts(&layer, "anna"));
}

#[test]
fn an_endorsement_by_a_key_never_seen_is_not_taken() {
    let anna = member("anna", "Anna");
    let mut seen = Seen::default();
    let first = GroupLayer::assemble(
        "S",
        vec![("anna".into(), KeyCard::new(&anna, &key(1), at(0), None))],
        vec![],
    );
    seen.take_key_changes(&first);
    // A stranger makes a key, endorses a second with it, and publishes only the second.
    let stranger = key(3);
    let card = KeyCard::new(&anna, &key(4), at(1), Some(&stranger));
    assert!(card.endorsed(), "the endorsement itself checks");
    let layer = GroupLayer::assemble("S", vec![("anna".into(), card)], vec![]);
    assert!(!seen.take_key_changes(&layer)[0].endorsed);
}

#[test]
fn replies_from_two_members_at_once_make_one_thread_and_resolve_and_reopen() {
    let (anna, ka, boris, kb, cards, mut records) = seminar();
    let vera = member("vera", "Vera");
    let kv = key(3);
    let mut cards = cards;
    cards.push(("vera".into(), KeyCard::new(&vera, &kv, at(0), None)));
    // Boris and Vera reply in the same minute, each in their own folder.
    records.push((
        "vera".into(),
        GroupRecord::signed(
            "r-v".into(),
            &vera,
            &kv,
            at(2),
            Shared::Reply {
                to: "r-a".into(),
                note: "See the letter of 26 September.".into(),
            },
        ),
    ));
    let layer = GroupLayer::assemble("Seminar", cards.clone(), records.clone());
    let thread = layer.thread("r-a");
    assert_eq!(thread.replies.len(), 2);
    assert!(!thread.resolved);

    records.push((
        "anna".into(),
        GroupRecord::signed(
            "t-1".into(),
            &anna,
            &ka,
            at(5),
            Shared::Thread {
                thread: "r-a".into(),
                resolved: true,
            },
        ),
    ));
    let layer = GroupLayer::assemble("Seminar", cards.clone(), records.clone());
    assert!(layer.thread("r-a").resolved);

    records.push((
        "boris".into(),
        GroupRecord::signed(
            "t-2".into(),
            &boris,
            &kb,
            at(6),
            Shared::Thread {
                thread: "r-a".into(),
                resolved: false,
            },
        ),
    ));
    let layer = GroupLayer::assemble("Seminar", cards.clone(), records.clone());
    assert!(!layer.thread("r-a").resolved, "reopened by the later word");

    // An unverified word does not change a thread's state.
    let mut forged = GroupRecord::signed(
        "t-3".into(),
        &boris,
        &kb,
        at(7),
        Shared::Thread {
            thread: "r-a".into(),
            resolved: true,
        },
    );
    forged.written = at(8);
    records.push(("boris".into(), forged));
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert!(!layer.thread("r-a").resolved);
    assert_eq!(layer.roots().count(), 1);
}

#[test]
fn layers_and_filters_show_and_hide_members_groups_and_records() {
    let (_, _, boris, kb, cards, mut records) = seminar();
    records.push((
        "boris".into(),
        GroupRecord::signed(
            "r-b2".into(),
            &boris,
            &kb,
            at(3),
            shared_note("Boris's highlight"),
        ),
    ));
    let layer = GroupLayer::assemble("Seminar", cards, records);
    let text = TextId::from("t-1");
    let on = |filter: &LayerFilter| -> Vec<String> {
        layer
            .annotations_on(&text, filter)
            .map(|(e, _)| e.record.id.clone())
            .collect()
    };
    let mut filter = LayerFilter::default();
    // The shared annotations carry the text id of the note in `shared_note`.
    let text_id = match &layer.entry("r-a").unwrap().record.body {
        Shared::Annotation { annotation, .. } => annotation.text_id.clone(),
        _ => unreachable!(),
    };
    let on_text = |filter: &LayerFilter| -> Vec<String> {
        layer
            .annotations_on(&text_id, filter)
            .map(|(e, _)| e.record.id.clone())
            .collect()
    };
    assert!(on(&filter).is_empty(), "another text has none");
    assert_eq!(on_text(&filter), ["r-a", "r-b2"]);
    filter.set_member("Seminar", "boris", false);
    assert_eq!(on_text(&filter), ["r-a"]);
    assert!(!filter.shows_member("Seminar", "boris"));
    assert!(
        filter.shows_member("Other", "boris"),
        "a layer is hidden in its group only"
    );
    filter.set_member("Seminar", "boris", true);
    filter.hidden_records.insert("r-a".into());
    assert_eq!(on_text(&filter), ["r-b2"]);
    filter.hidden_groups.insert("Seminar".into());
    assert!(on_text(&filter).is_empty());
}

#[test]
fn what_is_new_is_what_was_not_seen_or_changed_since() {
    let (anna, ka, _, _, cards, mut records) = seminar();
    let mut seen = Seen::default();
    let layer = GroupLayer::assemble("Seminar", cards.clone(), records.clone());
    assert_eq!(layer.new_entries(&seen, "").count(), 2);
    seen.mark(layer.entry("r-a").unwrap());
    assert_eq!(
        layer
            .new_entries(&seen, "")
            .map(|e| e.record.id.as_str())
            .collect::<Vec<_>>(),
        ["r-b"]
    );
    seen.mark_all(&layer);
    assert_eq!(layer.new_entries(&seen, "").count(), 0);
    // Anna changes her note: it is new again.
    records[0].1 = GroupRecord::signed(
        "r-a".into(),
        &anna,
        &ka,
        at(4),
        shared_note("Why 'entry', not 'unification'?"),
    );
    let layer = GroupLayer::assemble("Seminar", cards, records);
    assert_eq!(
        layer
            .new_entries(&seen, "")
            .map(|e| e.record.id.as_str())
            .collect::<Vec<_>>(),
        ["r-a"]
    );
}

#[test]
fn sharing_leaves_other_devices_notes_behind_and_names_the_category() {
    let text = text_of(&["The formal unification of the republics."]);
    let mut annotation = Annotation::new("a-2", &text, CharRange(4..10), Some("key"), &at(0));
    annotation.note = "shared".into();
    annotation.diverged_notes.push(DivergedNoteFor::private());
    let categories = crate::model::annotation::default_categories();
    let Shared::Annotation {
        annotation: shared,
        category,
    } = Shared::annotation(&annotation, &categories)
    else {
        unreachable!()
    };
    assert!(shared.diverged_notes.is_empty());
    assert_eq!(shared.note, "shared");
    let expected = categories
        .iter()
        .find(|c| c.category_id == "key")
        .map(|c| c.shown_name());
    assert_eq!(category.map(|c| c.name), expected);
}

struct DivergedNoteFor;
impl DivergedNoteFor {
    fn private() -> crate::model::annotation::DivergedNote {
        crate::model::annotation::DivergedNote {
            note: "a private draft".into(),
            device: "laptop".into(),
            modified: at(1),
        }
    }
}

#[test]
fn ids_that_could_be_paths_are_refused() {
    for bad in [
        "",
        "..",
        "a/b",
        "a\\b",
        ".hidden",
        "a b",
        &"x".repeat(65),
        "é",
    ] {
        assert!(!valid_id(bad), "{bad:?}");
    }
    for good in [
        "anna",
        "r-0123abcd",
        &key(1).id(),
        "A_b-9",
        "-starts-with-a-dash",
    ] {
        assert!(valid_id(good), "{good:?}");
    }
}

#[test]
fn colours_read_and_write() {
    assert_eq!(parse_colour("#d95f02"), Some([0xd9, 0x5f, 0x02]));
    assert_eq!(parse_colour("d95f02"), None);
    assert_eq!(parse_colour("#d95f0"), None);
    assert_eq!(
        parse_colour("#d95fé"),
        None,
        "six bytes, not six hex digits"
    );
    assert_eq!(colour_text([1, 2, 255]), "#0102ff");
    assert!(MEMBER_COLOURS.contains(&first_colour("anna")));
}

#[test]
fn every_kind_of_shared_record_round_trips_and_verifies() {
    let anna = member("anna", "Anna");
    let ka = key(1);
    let bodies = [
        shared_note("n"),
        Shared::ComparisonNote {
            note: crate::model::comparison::ComparisonNote {
                note_id: "c-1".into(),
                comparison_id: "cmp".into(),
                comparison_title: "Clause 1".into(),
                segment: 0,
                segment_label: "1".into(),
                witness: Some("Lenin".into()),
                reference: Some("Stalin".into()),
                quote: "formal unification".into(),
                reference_quote: "entry".into(),
                note: "the amendment".into(),
                category_id: None,
                created: at(0),
                modified: at(0),
                carried_from: None,
            },
            category: None,
        },
        Shared::Comparison {
            comparison: crate::bundled::bundled_comparisons()
                .into_iter()
                .next()
                .unwrap(),
        },
        Shared::Reply {
            to: "r".into(),
            note: "yes".into(),
        },
        Shared::Thread {
            thread: "r".into(),
            resolved: true,
        },
    ];
    let mut kinds = BTreeSet::new();
    for (i, body) in bodies.into_iter().enumerate() {
        kinds.insert(body.kind());
        let record = GroupRecord::signed(format!("r-{i}"), &anna, &ka, at(1), body);
        let json = serde_json::to_string(&record).unwrap();
        let back: GroupRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
        let layer = GroupLayer::assemble(
            "S",
            vec![("anna".into(), KeyCard::new(&anna, &ka, at(0), None))],
            vec![("anna".into(), back)],
        );
        assert!(layer.entries[0].authorship.is_verified(), "{json}");
    }
    assert_eq!(kinds.len(), 5, "every kind");
}

#[test]
fn a_key_whose_id_begins_with_a_dash_names_its_card() {
    // One key in 64 has an id beginning with '-': its card must still be read.
    let dashed = (0..=255u8)
        .map(key)
        .find(|k| k.id().starts_with('-'))
        .expect("a key among 256 whose id begins with '-'");
    assert!(valid_id(&dashed.id()));
}

#[test]
fn a_record_id_two_members_use_leaves_both_unverified() {
    let (_, _, boris, kb, cards, mut records) = seminar();
    // Boris signs, as himself, a record with the id of Anna's.
    records.push((
        "boris".into(),
        GroupRecord::signed(
            "r-a".into(),
            &boris,
            &kb,
            at(0),
            shared_note("I take it back."),
        ),
    ));
    let layer = GroupLayer::assemble("Seminar", cards, records);
    let both: Vec<_> = layer
        .entries
        .iter()
        .filter(|e| e.record.id == "r-a")
        .collect();
    assert_eq!(both.len(), 2);
    assert!(
        both.iter()
            .all(|e| e.authorship == Authorship::Unverified(Unverified::DuplicateId))
    );
    assert!(layer.entry("r-b").unwrap().authorship.is_verified());
}

#[test]
fn a_retired_key_stays_retired_when_its_card_comes_back() {
    let (anna, ka, _, _, cards, records) = seminar();
    let mut seen = Seen::default();
    seen.take_key_changes(&GroupLayer::assemble("S", cards.clone(), records.clone()));
    // Anna moves to a new key, which her old one signs.
    let new_key = key(7);
    let mut rotated: Vec<(String, KeyCard)> =
        cards.iter().filter(|(m, _)| m != "anna").cloned().collect();
    rotated.push((
        "anna".into(),
        KeyCard::new(&anna, &new_key, at(9), Some(&ka)),
    ));
    seen.take_key_changes(&GroupLayer::assemble("S", rotated.clone(), records.clone()));
    assert!(seen.revoked.contains(&ka.id()));
    // Someone puts her old card back, and a record signed with the old key (a leaked key).
    let mut back = rotated.clone();
    back.push(("anna".into(), KeyCard::new(&anna, &ka, at(0), None)));
    let mut more = records.clone();
    more.push((
        "anna".into(),
        GroupRecord::signed("r-old".into(), &anna, &ka, at(12), shared_note("old key")),
    ));
    let mut layer = GroupLayer::assemble("S", back, more);
    assert!(
        seen.take_key_changes(&layer).is_empty(),
        "a retired key is not news"
    );
    layer.apply_trust(&seen);
    assert_eq!(
        layer.entry("r-old").unwrap().authorship,
        Authorship::Unverified(Unverified::UnknownKey)
    );
    assert!(
        !seen.distrusts(&layer, "anna"),
        "nothing to accept: the old key is retired"
    );
    seen.trust(&layer, "anna");
    assert!(
        !seen.keys["anna"].contains(&ka.id()),
        "trust never takes back a retired key"
    );
}

#[test]
fn trust_takes_only_the_keys_the_reader_was_told_of() {
    let (anna, ka, _, _, cards, records) = seminar();
    let mut seen = Seen::default();
    seen.take_key_changes(&GroupLayer::assemble("S", cards.clone(), records.clone()));
    let mut more = cards.clone();
    more.push(("anna".into(), KeyCard::new(&anna, &key(8), at(10), None)));
    let told = GroupLayer::assemble("S", more.clone(), records.clone());
    assert_eq!(seen.take_key_changes(&told).len(), 1);
    // Another key arrives after the reader was told of the first, before they trust.
    more.push(("anna".into(), KeyCard::new(&anna, &key(9), at(11), None)));
    let later = GroupLayer::assemble("S", more, records);
    seen.trust(&later, "anna");
    assert!(seen.keys["anna"].contains(&key(8).id()));
    assert!(
        !seen.keys["anna"].contains(&key(9).id()),
        "never told of: not trusted"
    );
    assert!(seen.keys["anna"].contains(&ka.id()));
}

#[test]
fn signatures_checked_before_are_taken_and_anything_changed_is_checked_again() {
    let (anna, ka, _, _, cards, records) = seminar();
    let (first, checked) = GroupLayer::assemble_checked(
        "Seminar",
        cards.clone(),
        records.clone(),
        &Checked::default(),
    );
    // Both records verified, and both their checks are kept.
    assert_eq!(checked.len(), 2);
    let (again, kept) =
        GroupLayer::assemble_checked("Seminar", cards.clone(), records.clone(), &checked);
    assert_eq!(again, first, "the same layer, from the checks kept");
    assert_eq!(kept, checked);
    // Anna's record edited by hand since: its check is not the one kept, so it is checked, and
    // fails; only Boris's good check is kept for the next open.
    let mut edited = records.clone();
    if let Shared::Annotation { annotation, .. } = &mut edited[0].1.body {
        annotation.note = "Why 'entry'? Stalin is right.".into();
    }
    let (layer, kept) =
        GroupLayer::assemble_checked("Seminar", cards.clone(), edited.clone(), &checked);
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    assert!(layer.entry("r-b").unwrap().authorship.is_verified());
    assert_eq!(kept.len(), 1);
    // A record moved into another member's folder, or signed by a key its author no longer
    // publishes, is not verified by a check kept from when it was: only the signature's own
    // check is remembered, never who may sign.
    let mut moved = records.clone();
    moved[0].0 = "boris".into();
    let (layer, _) = GroupLayer::assemble_checked("Seminar", cards.clone(), moved, &checked);
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    let new_key = key(9);
    let withdrawn = vec![
        (
            "anna".to_owned(),
            KeyCard::new(&anna, &new_key, at(5), Some(&ka)),
        ),
        cards[1].clone(),
    ];
    let (layer, kept) =
        GroupLayer::assemble_checked("Seminar", withdrawn, records.clone(), &checked);
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::UnknownKey)
    );
    // The check itself still stands (the same bytes, key and signature), so it is kept; that
    // the key may no longer sign is decided at every open, as just now.
    assert_eq!(kept, checked);
    // A record whose author's card has not arrived yet keeps its check for when it does, and
    // one no longer in the folder takes its check away.
    let (layer, kept) = GroupLayer::assemble_checked(
        "Seminar",
        vec![cards[1].clone()],
        records[..1].to_vec(),
        &checked,
    );
    assert_eq!(
        layer.entry("r-a").unwrap().authorship,
        Authorship::Unverified(Unverified::NoKeys)
    );
    assert_eq!(kept.len(), 1);
    let (layer, _) =
        GroupLayer::assemble_checked("Seminar", cards.clone(), records[..1].to_vec(), &kept);
    assert!(layer.entry("r-a").unwrap().authorship.is_verified());
}

#[test]
fn a_check_kept_is_what_verifies_so_the_set_is_the_devices_alone() {
    // The set stands for checks this device made: it is consulted before the signature is.
    // (Which is why it lives in the profile's own area and never in the group's folder.)
    let (_, _, _, _, cards, records) = seminar();
    let (_, checked) = GroupLayer::assemble_checked(
        "Seminar",
        cards.clone(),
        records.clone(),
        &Checked::default(),
    );
    let mut bad = records.clone();
    bad[1].1.signature = bad[0].1.signature.clone();
    let (layer, _) = GroupLayer::assemble_checked("Seminar", cards.clone(), bad.clone(), &checked);
    assert_eq!(
        layer.entry("r-b").unwrap().authorship,
        Authorship::Unverified(Unverified::BadSignature),
        "another signature is another check"
    );
    let planted = Checked::from_fingerprints([checked::fingerprint(
        &bad[1].1.key,
        &bad[1].1.signature,
        &signed_bytes(RECORD_FORMAT, &bad[1].1),
    )]);
    let (layer, _) = GroupLayer::assemble_checked("Seminar", cards, bad, &planted);
    assert!(layer.entry("r-b").unwrap().authorship.is_verified());
}
