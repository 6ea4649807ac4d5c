//! Measures of colour for the theme's tests: CIEDE2000 colour difference (Sharma, Wu and Dalal,
//! 2005) and WCAG 2 contrast.

use egui::Color32;

use super::{highlight_fill, reading_colors};
use crate::model::annotation::default_categories;

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(c: Color32) -> f64 {
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// WCAG 2 contrast ratio of two opaque colours.
pub(crate) fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIE L*a*b* (D65) of an sRGB colour.
fn lab(c: Color32) -> (f64, f64, f64) {
    let (r, g, b) = (linear(c.r()), linear(c.g()), linear(c.b()));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
    let f = |t: f64| {
        if t > 0.008_856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    (116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz))
}

/// CIEDE2000 difference of two opaque colours.
fn delta_e(c1: Color32, c2: Color32) -> f64 {
    let ((l1, a1, b1), (l2, a2, b2)) = (lab(c1), lab(c2));
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| b.atan2(a).to_degrees().rem_euclid(360.0);
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let (dl, dc) = (l2 - l1, c2p - c1p);
    let dhh = 2.0 * (c1p * c2p).sqrt() * (dh / 2.0).to_radians().sin();
    let (l_bar, cp_bar) = ((l1 + l2) / 2.0, (c1p + c2p) / 2.0);
    let h_bar = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cp_bar.powi(7) / (cp_bar.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_bar;
    let sh = 1.0 + 0.015 * cp_bar * t;
    let rt = -(2.0 * d_theta).to_radians().sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dhh / sh).powi(2) + rt * (dc / sc) * (dhh / sh))
        .sqrt()
}

/// A translucent colour as it shows over an opaque one.
fn over(fill: Color32, page: Color32) -> Color32 {
    let alpha = f64::from(fill.a()) / 255.0;
    let [r, g, b, _] = fill.to_srgba_unmultiplied();
    let mix = |c: u8, p: u8| (f64::from(c) * alpha + f64::from(p) * (1.0 - alpha)).round() as u8;
    Color32::from_rgb(mix(r, page.r()), mix(g, page.g()), mix(b, page.b()))
}

/// How far apart two colours must be to be told apart at a glance (CIEDE2000).
const APART: f64 = 20.0;
/// WCAG 2 AA for body text.
const AA: f64 = 4.5;

#[test]
fn the_measures_agree_with_published_values() {
    // Sharma, Wu and Dalal's test pair 1 (given in Lab) cannot be fed in sRGB; these are
    // well-known sRGB values: black on white is 21:1, and white differs from black by 100.
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((delta_e(Color32::BLACK, Color32::WHITE) - 100.0).abs() < 0.01);
    assert!(delta_e(Color32::from_rgb(10, 20, 30), Color32::from_rgb(10, 20, 30)) < 1e-9);
    // Lab of sRGB red is (53.24, 80.09, 67.20).
    let (l, a, b) = lab(Color32::from_rgb(255, 0, 0));
    assert!((l - 53.24).abs() < 0.05 && (a - 80.09).abs() < 0.1 && (b - 67.20).abs() < 0.1);
}

#[test]
fn every_category_stands_apart_from_the_selection_and_the_find_marks_with_text_readable_on_all() {
    for dark in [false, true] {
        let colors = reading_colors(dark);
        let theme = if dark { "dark" } else { "light" };
        assert!(
            contrast(colors.selection_text, colors.selection) >= AA,
            "{theme} selection"
        );
        assert!(
            contrast(colors.found_text, colors.found) >= AA,
            "{theme} find marks"
        );
        assert!(
            delta_e(colors.selection, colors.found) >= APART,
            "{theme}: selection and find"
        );
        for category in default_categories() {
            let [r, g, b] = category.color;
            let fill = over(
                highlight_fill(Color32::from_rgb(r, g, b), dark),
                colors.background,
            );
            let name = &category.name;
            let from_selection = delta_e(fill, colors.selection);
            let from_found = delta_e(fill, colors.found);
            assert!(
                from_selection >= APART,
                "{theme}: {name} ({fill:?}) is {from_selection:.1} from the selection"
            );
            assert!(
                from_found >= APART,
                "{theme}: {name} ({fill:?}) is {from_found:.1} from the find marks"
            );
            assert!(
                contrast(colors.text, fill) >= AA,
                "{theme}: text on {name} has contrast {:.2}",
                contrast(colors.text, fill)
            );
        }
    }
}
