//! The colours of agreement: the reading most witnesses share, the others, an omission.

use egui::Color32;

/// The background of a reading: `index` is its rank at its place (0: the most witnesses),
/// `omission` whether it reads nothing, `variant` whether the witnesses differ there at all.
pub fn reading_fill(index: usize, omission: bool, variant: bool, dark: bool) -> Color32 {
    if !variant {
        return Color32::TRANSPARENT;
    }
    if omission {
        return if dark {
            Color32::from_rgb(0x3a, 0x3a, 0x3a)
        } else {
            Color32::from_rgb(0xdd, 0xdd, 0xdd)
        };
    }
    const LIGHT: [Color32; 6] = [
        Color32::from_rgb(0xd6, 0xee, 0xd2),
        Color32::from_rgb(0xfa, 0xde, 0xb4),
        Color32::from_rgb(0xc9, 0xde, 0xf5),
        Color32::from_rgb(0xf4, 0xc8, 0xd8),
        Color32::from_rgb(0xe4, 0xd6, 0xf2),
        Color32::from_rgb(0xf0, 0xea, 0xb0),
    ];
    const DARK: [Color32; 6] = [
        Color32::from_rgb(0x24, 0x4a, 0x2c),
        Color32::from_rgb(0x5a, 0x40, 0x1c),
        Color32::from_rgb(0x23, 0x3f, 0x62),
        Color32::from_rgb(0x5c, 0x2a, 0x3e),
        Color32::from_rgb(0x45, 0x33, 0x5e),
        Color32::from_rgb(0x52, 0x4c, 0x1a),
    ];
    let palette = if dark { &DARK } else { &LIGHT };
    palette[index % palette.len()]
}

/// The colour of a share of variation (0: none, 1: all differ) in the overview.
pub fn heat(share: f64, dark: bool) -> Color32 {
    let share = share.clamp(0.0, 1.0) as f32;
    let (cold, hot) = if dark {
        (
            Color32::from_rgb(0x26, 0x28, 0x2c),
            Color32::from_rgb(0xe0, 0x5a, 0x2b),
        )
    } else {
        (
            Color32::from_rgb(0xf3, 0xf1, 0xec),
            Color32::from_rgb(0xd2, 0x3c, 0x1e),
        )
    };
    cold.lerp_to_gamma(hot, share.sqrt())
}
