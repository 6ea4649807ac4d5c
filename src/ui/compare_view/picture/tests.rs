use super::*;
use crate::ui::compare_view::marks::mark_colors;

/// Clause 1 as bundled, compared by wording, with two notes on its differences.
fn clause_1() -> PictureOf {
    let comparison = crate::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.id == "clause-1")
        .expect("Clause 1 is bundled");
    let normalization = Normalization::wording();
    let result =
        crate::model::comparison::compute_all(&comparison, &normalization, Reference::Previous);
    let mut notes = Vec::new();
    for (id, difference, text) in [
        (
            "first",
            result.differences.first(),
            "Entry means absorption",
        ),
        (
            "last",
            result.differences.last(),
            "Equality, not absorption",
        ),
    ] {
        let difference = difference.expect("Clause 1 has differences");
        let mut note = ComparisonNote::new(
            id.into(),
            &comparison,
            difference.segment,
            Some(difference),
            &"2026-12-07T00:00:00Z".into(),
        );
        note.note = text.into();
        notes.push(note);
    }
    PictureOf {
        comparison,
        result,
        notes,
        normalization,
        reference: Reference::Previous,
        inline: false,
    }
}

/// The first `rows` rows of `of`, compared again.
fn first_rows(of: &PictureOf, rows: usize) -> PictureOf {
    let mut comparison = of.comparison.clone();
    comparison.segments.truncate(rows);
    for witness in &mut comparison.witnesses {
        witness.segments.truncate(rows);
    }
    let result =
        crate::model::comparison::compute_all(&comparison, &of.normalization, of.reference);
    PictureOf {
        comparison,
        result,
        notes: of
            .notes
            .iter()
            .filter(|n| n.segment < rows)
            .cloned()
            .collect(),
        ..of.clone()
    }
}

fn decode(picture: &Picture) -> image::RgbaImage {
    let decoded = image::load_from_memory_with_format(&picture.png, image::ImageFormat::Png)
        .expect("a PNG")
        .to_rgba8();
    assert_eq!(
        [decoded.width() as usize, decoded.height() as usize],
        picture.size
    );
    decoded
}

/// The bands of rows of pixels (runs of rows) that are nearly all `color`: the lines
/// drawn across the picture.
fn bands(image: &image::RgbaImage, color: Color32) -> usize {
    let near = |p: &image::Rgba<u8>| {
        (0..3).all(|i| p.0[i].abs_diff([color.r(), color.g(), color.b()][i]) <= 2)
    };
    let mut count = 0;
    let mut inside = false;
    for y in 0..image.height() {
        let across = (0..image.width())
            .filter(|&x| near(image.get_pixel(x, y)))
            .count();
        let line = across * 10 >= image.width() as usize * 9;
        if line && !inside {
            count += 1;
        }
        inside = line;
    }
    count
}

/// Whether the picture has a block of `size` × `size` pixels all of `color` (a button or
/// a banner is such a block; letters are not).
fn has_block(image: &image::RgbaImage, color: Color32, size: u32) -> bool {
    let is = |x: u32, y: u32| image.get_pixel(x, y).0 == color.to_srgba_unmultiplied();
    (0..image.height().saturating_sub(size))
        .step_by(size as usize / 2)
        .any(|y| {
            (0..image.width().saturating_sub(size))
                .step_by(size as usize / 2)
                .any(|x| (0..size).all(|dy| (0..size).all(|dx| is(x + dx, y + dy))))
        })
}

/// Clause 1's picture has every row, one band each (a line under each), grows with its
/// rows, is taller than a screen, and shows none of the window's buttons or banners.
#[test]
fn the_picture_of_clause_1_has_every_row_and_nothing_of_the_window() {
    let of = clause_1();
    let style = PictureStyle::default();
    let whole = picture(&of, &style).unwrap();
    assert_eq!((whole.rows, whole.shown), (4, 4));
    assert_eq!(whole.left_out, None);
    let image = decode(&whole);
    // LECTERN_PICTURE=FILE keeps the picture to look at.
    if let Some(file) = std::env::var_os("LECTERN_PICTURE") {
        std::fs::write(file, &whole.png).unwrap();
    }
    assert_eq!(bands(&image, row_rule(false)), 4, "a line under each row");
    let [width, height] = whole.size;
    assert!(height > 1080, "taller than a screen: {height}");
    // As wide as its six columns, whatever the window.
    let columns = 2.0 * MARGIN + SEGMENTS + 6.0 * (COLUMN + GAP);
    assert_eq!(width, (columns * style.pixels_per_point).ceil() as usize);
    // None of the window's furniture: buttons, the banner, the note editor.
    let light = egui::Visuals::light();
    for furniture in [
        light.widgets.inactive.weak_bg_fill,
        light.widgets.inactive.bg_fill,
        light.extreme_bg_color,
        Color32::from_rgb(0xff, 0xf1, 0xc2),
    ] {
        assert!(!has_block(&image, furniture, 8), "{furniture:?}");
    }
    // The view's marks are there, in its colours.
    let (added, _, changed, _) = mark_colors(false);
    assert!(has_block(&image, added, 4) || has_block(&image, changed, 4));
    // Fewer rows make a shorter picture with fewer bands.
    for rows in [1, 2, 3] {
        let part = picture(&first_rows(&of, rows), &style).unwrap();
        assert!(part.size[1] < height);
        assert_eq!(part.size[0], width);
        assert_eq!(bands(&decode(&part), row_rule(false)), rows);
    }
}

/// Past the size limit the last rows are left out, and the picture and its message say
/// which, how tall the whole would be, and where to find it.
#[test]
fn the_size_limit_leaves_the_last_rows_out_and_says_so() {
    let of = clause_1();
    let whole = picture(&of, &PictureStyle::default()).unwrap();
    let two = picture(&first_rows(&of, 2), &PictureStyle::default()).unwrap();
    // Room for two rows and the last line.
    let style = PictureStyle {
        max_height: two.size[1] + 120,
        ..PictureStyle::default()
    };
    let cut = picture(&of, &style).unwrap();
    assert!(cut.size[1] <= style.max_height);
    assert_eq!((cut.rows, cut.shown), (4, 2));
    let said = cut.left_out.as_deref().expect("it says what it left out");
    assert!(
        said.starts_with("Rows 3–4 of 4 left out: the image would be about "),
        "{said}"
    );
    assert!(
        said.ends_with(" px tall; export Markdown or HTML for the whole."),
        "{said}"
    );
    let tall: usize = said["Rows 3–4 of 4 left out: the image would be about ".len()..]
        .split(" px")
        .next()
        .unwrap()
        .replace(' ', "")
        .parse()
        .unwrap();
    let actual = whole.size[1];
    assert!(
        tall * 2 > actual && tall < actual * 2,
        "{tall} for {actual}"
    );
    let image = decode(&cut);
    assert_eq!(bands(&image, row_rule(false)), 2);
    // The last line is written below the last row's line, in the warning colour.
    let warn = egui::Visuals::light().warn_fg_color;
    let last_rule = (0..image.height())
        .rev()
        .find(|&y| {
            image.get_pixel(image.width() / 2, y).0 == row_rule(false).to_srgba_unmultiplied()
        })
        .unwrap();
    let warned = (last_rule..image.height())
        .flat_map(|y| (0..image.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let p = image.get_pixel(x, y).0;
            (0..3).all(|i| p[i].abs_diff(warn.to_srgba_unmultiplied()[i]) <= 8)
        })
        .count();
    assert!(warned > 100, "{warned}");
    // A limit too small for even one row leaves them all out.
    let none = picture(
        &of,
        &PictureStyle {
            max_height: 400,
            ..PictureStyle::default()
        },
    )
    .unwrap();
    assert_eq!(none.shown, 0);
    assert!(none.left_out.unwrap().starts_with("Rows 1–4 of 4 left out"));
}

/// Inline, the picture is one column of every witness's wording against its reference,
/// still a band per row, and narrower than the columns.
#[test]
fn an_inline_picture_has_every_row_in_one_column() {
    let columns = clause_1();
    let of = PictureOf {
        inline: true,
        ..columns.clone()
    };
    let style = PictureStyle {
        dark: true,
        ..PictureStyle::default()
    };
    let inline = picture(&of, &style).unwrap();
    if let Some(file) = std::env::var_os("LECTERN_PICTURE_INLINE") {
        std::fs::write(file, &inline.png).unwrap();
    }
    assert_eq!((inline.rows, inline.shown), (4, 4));
    let image = decode(&inline);
    assert_eq!(bands(&image, row_rule(true)), 4);
    let wide = picture(&columns, &style).unwrap();
    assert!(inline.size[0] < wide.size[0]);
    assert!(inline.size[1] > wide.size[1]);
}

#[test]
fn large_numbers_are_grouped_by_thousands() {
    assert_eq!(thousands(30_000), "30 000");
    assert_eq!(thousands(1_234_567), "1 234 567");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(0), "0");
}
