//! `lectern generate-text` and `lectern generate-corpus`: generated texts for trying Lectern on
//! long texts and large profiles.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::model::generate;
use crate::model::words::count;
use crate::storage::open::Access;

/// Writes a generated text of about `bytes` bytes (from `seed`) to `output`, and says so on
/// `out`.
pub fn text(bytes: usize, seed: u64, output: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = generate::large_text(seed, bytes);
    let paragraphs: Vec<&str> = (0..text.paragraphs().len())
        .map(|i| text.paragraph_text(i))
        .collect();
    let file = crate::formats::text_format::write_text_file(text.meta(), &paragraphs);
    std::fs::write(output, file).with_context(|| format!("writing {}", output.display()))?;
    writeln!(
        out,
        "{}: {} bytes, {} paragraphs",
        output.display(),
        text.content().len(),
        text.paragraphs().len()
    )?;
    Ok(())
}

/// Adds `volumes` generated volumes (about `bytes` together) and `annotations` generated
/// annotations on them to `profile`.
pub fn corpus(
    profile: Option<&Path>,
    bytes: usize,
    volumes: usize,
    annotations: usize,
    seed: u64,
) -> anyhow::Result<()> {
    use crate::storage::import::add_text;
    let mut opened = super::open(profile, Access::Write)?;
    let texts = generate::collected_works(seed, bytes, volumes);
    for text in &texts {
        add_text(&opened.profile, text)?;
    }
    let mut contents = opened.notebook.to_contents();
    let mut added = 0;
    for annotation in generate::annotations(&texts, annotations, seed) {
        added += usize::from(
            contents
                .annotations
                .apply(crate::model::annotation_set::AnnotationEdit::Add(
                    annotation,
                ))
                .is_some(),
        );
    }
    opened.notebook = crate::model::notebook::Notebook::new(contents);
    opened.save_notebook()?;
    let total: usize = texts.iter().map(|t| t.content().len()).sum();
    eprintln!(
        "Added {} ({:.1} MB) and {} to {}",
        count(texts.len(), "generated volume", "generated volumes"),
        total as f64 / 1e6,
        count(added, "annotation", "annotations"),
        opened.profile.dir().display()
    );
    Ok(())
}

/// Writes a generated study group into `dir`: `members` members (keys drawn from `seed`), each
/// sharing `annotations` generated annotations on the bundled texts, signed; for trying a
/// group at scale. Says on `out` what it wrote.
pub fn group(
    dir: &Path,
    members: usize,
    annotations: usize,
    seed: u64,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::model::group::{GroupFile, MEMBER_COLOURS, Member, MemberKey, Shared, colour_text};
    use crate::storage::groups::{Identity, JoinedGroup, publish_card, share_new};
    let library = crate::bundled::bundled_library();
    let texts: Vec<crate::model::text::Text> =
        library.texts().iter().map(|t| (**t).clone()).collect();
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let group_file = serde_json::to_vec_pretty(&GroupFile::new("Generated seminar"))?;
    std::fs::write(dir.join("group.json"), group_file)?;
    let group = JoinedGroup {
        name: "Generated seminar".into(),
        dir: dir.to_path_buf(),
    };
    let now = crate::model::clock::now();
    for m in 0..members {
        let mut secret = [0u8; 32];
        secret[..8].copy_from_slice(&seed.to_le_bytes());
        secret[8..16].copy_from_slice(&(m as u64).to_le_bytes());
        let id = format!("m-generated-{m:03}");
        let identity = Identity {
            member: Member {
                // Each member a colour of their own, in the order offered (as a seminar's
                // members would choose them), rather than by their ids' hash.
                colour: colour_text(MEMBER_COLOURS[m % MEMBER_COLOURS.len()]),
                name: format!("Member {}", m + 1),
                id,
            },
            key: MemberKey::from_secret(secret),
        };
        publish_card(dir, &identity, now.clone(), None)?;
        for annotation in generate::annotations(&texts, annotations, seed + m as u64) {
            share_new(
                &group,
                &identity,
                Shared::annotation(&annotation, &[]),
                now.clone(),
            )?;
        }
    }
    writeln!(
        out,
        "{}: {} members, {} records",
        dir.display(),
        members,
        members * annotations
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_generated_group_is_signed_and_its_members_have_colours_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut said = Vec::new();
        super::group(dir.path(), 3, 2, 1, &mut said).unwrap();
        let read = crate::storage::groups::read_group("Generated seminar", dir.path());
        assert!(read.refused.is_empty(), "{:?}", read.refused);
        assert_eq!(read.layer.entries.len(), 6);
        assert!(
            read.layer
                .entries
                .iter()
                .all(|e| e.authorship.is_verified())
        );
        let colours: std::collections::BTreeSet<[u8; 3]> =
            read.layer.members.values().map(|m| m.colour).collect();
        assert_eq!(colours.len(), 3);
    }
}
