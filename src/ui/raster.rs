//! Painting off screen: an egui context with no window, whose shapes are tessellated by epaint
//! and filled on the CPU into an image. Exports use it for pictures of whole views (every row,
//! not the part a window shows), and it needs no GPU and no display, so tests run it as is.
//!
//! The rasteriser is small: epaint gives triangles whose vertices carry a position (points),
//! a place in a texture (uv, 0..1) and a colour (premultiplied sRGB); each pixel whose centre
//! is in a triangle gets the colour at that centre times the texture's texel there (the font
//! atlas; its top-left texel is white for solid shapes), blended over what is below it with
//! premultiplied alpha, as egui's own painters blend, in gamma space.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex, textures::TexturesDelta};
use egui::{Color32, ColorImage, Painter, Rect, TextureId};

/// An egui context that paints into memory at `pixels_per_point`.
pub struct Offscreen {
    ctx: egui::Context,
    pixels_per_point: f32,
    textures: HashMap<TextureId, ColorImage>,
}

impl Offscreen {
    /// A context with egui's default fonts and the light or `dark` theme.
    pub fn new(pixels_per_point: f32, dark: bool) -> Self {
        let ctx = egui::Context::default();
        ctx.set_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        Self {
            ctx,
            pixels_per_point,
            textures: HashMap::new(),
        }
    }

    /// Runs a pass on a screen of `size` points, in which `paint` lays out what it needs
    /// (through the context's fonts) and paints it on the painter it is given, answering what
    /// it has to say and how many points from the top it painted; returns that answer and the
    /// picture of those points (no more than `size`), on `background`. Should egui run the
    /// pass again (it may, when a pass is discarded), `paint` is called again and its last
    /// answer kept.
    pub fn paint<R>(
        &mut self,
        size: egui::Vec2,
        background: Color32,
        mut paint: impl FnMut(&egui::Context, &Painter) -> (R, f32),
    ) -> (R, ColorImage) {
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, size)),
            max_texture_side: Some(8192),
            ..Default::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(self.pixels_per_point);
        let mut answer = None;
        let mut output = self.ctx.run_pass(input, |ctx| {
            let painter = ctx.layer_painter(egui::LayerId::background());
            answer = Some(paint(ctx, &painter));
        });
        self.apply(&output.textures_delta);
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let ppp = output.pixels_per_point;
        let (result, height) = answer.expect("egui runs a pass at least once");
        let width = (size.x * ppp).round().max(1.0) as usize;
        let height = (height.min(size.y) * ppp).ceil().max(1.0) as usize;
        let mut image = ColorImage::filled([width, height], background);
        rasterize(&mut image, &primitives, &self.textures, ppp);
        (result, image)
    }

    /// Keeps the textures as `delta` leaves them (the font atlas, whole or a patch of it).
    fn apply(&mut self, delta: &TexturesDelta) {
        for (id, change) in delta
            .set
            .iter()
            .flat_map(|(id, changes)| changes.iter().map(move |c| (id, c)))
        {
            let egui::ImageData::Color(patch) = &change.image;
            match change.pos {
                None => {
                    self.textures.insert(*id, ColorImage::clone(patch));
                }
                Some([x, y]) => {
                    if let Some(texture) = self.textures.get_mut(id) {
                        let [w, h] = patch.size;
                        let [tw, th] = texture.size;
                        for row in 0..h.min(th.saturating_sub(y)) {
                            for column in 0..w.min(tw.saturating_sub(x)) {
                                texture.pixels[(y + row) * tw + x + column] =
                                    patch.pixels[row * w + column];
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.textures.remove(id);
        }
    }
}

/// Fills the triangles of `primitives` into `image` (pixels; positions are in points, times
/// `pixels_per_point`), each within its clip rectangle.
pub fn rasterize(
    image: &mut ColorImage,
    primitives: &[ClippedPrimitive],
    textures: &HashMap<TextureId, ColorImage>,
    pixels_per_point: f32,
) {
    let [width, height] = image.size;
    for clipped in primitives {
        let mesh = match &clipped.primitive {
            Primitive::Mesh(mesh) => mesh,
            // Lectern paints no custom GPU callbacks off screen.
            Primitive::Callback(_) => continue,
        };
        let clip = clipped.clip_rect;
        // As a GPU's scissor rectangle: whole pixels.
        let clip_x = (
            ((clip.min.x * pixels_per_point).round().max(0.0) as usize).min(width),
            ((clip.max.x * pixels_per_point).round().max(0.0) as usize).min(width),
        );
        let clip_y = (
            ((clip.min.y * pixels_per_point).round().max(0.0) as usize).min(height),
            ((clip.max.y * pixels_per_point).round().max(0.0) as usize).min(height),
        );
        if clip_x.0 >= clip_x.1 || clip_y.0 >= clip_y.1 {
            continue;
        }
        let texture = textures.get(&mesh.texture_id);
        for triangle in mesh.indices.chunks_exact(3) {
            let corner = |i: usize| mesh.vertices.get(triangle[i] as usize);
            let (Some(a), Some(b), Some(c)) = (corner(0), corner(1), corner(2)) else {
                continue;
            };
            let bounds = Bounds {
                x: clip_x,
                y: clip_y,
            };
            fill_triangle(image, [a, b, c], texture, pixels_per_point, &bounds);
        }
    }
}

/// The pixels a triangle may touch: [start, end) across and down.
struct Bounds {
    x: (usize, usize),
    y: (usize, usize),
}

/// Whether an edge from `from` to `to` (of a triangle wound so that its area is positive) is a
/// top or a left edge: pixels exactly on such an edge are the triangle's, on the others its
/// neighbour's, so that no pixel of a shared edge is blended twice.
fn top_left(from: [f32; 2], to: [f32; 2]) -> bool {
    let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
    (dy == 0.0 && dx > 0.0) || dy < 0.0
}

/// A triangle ready to be filled, wound so that its area is positive: its edges' functions and
/// what its pixels are coloured with.
struct Triangle<'a> {
    /// Each edge's function, a·x + b·y + c: positive inside, zero on the edge; with whether a
    /// pixel exactly on it is the triangle's.
    edges: [(f32, f32, f32, bool); 3],
    /// One over the area, which makes the edge functions barycentric weights.
    weight: f32,
    /// Whether all three corners have the one colour.
    solid: bool,
    /// The corners' colours (premultiplied sRGB).
    colors: [[u8; 4]; 3],
    /// The corners' places in the texture.
    uvs: [egui::Pos2; 3],
    /// The texture, unless every corner is on its white texel.
    texture: Option<&'a ColorImage>,
}

/// Fills the triangle of `corners` into `image`, within `bounds`, pixel by pixel (see the
/// module's doc); nothing for a triangle with no area.
fn fill_triangle(
    image: &mut ColorImage,
    corners: [&Vertex; 3],
    texture: Option<&ColorImage>,
    pixels_per_point: f32,
    bounds: &Bounds,
) {
    let at = |v: &Vertex| [v.pos.x * pixels_per_point, v.pos.y * pixels_per_point];
    let points = corners.map(at);
    let Some(triangle) = Triangle::new(points, corners, texture) else {
        return;
    };
    let low = points[0][1].min(points[1][1]).min(points[2][1]);
    let high = points[0][1].max(points[1][1]).max(points[2][1]);
    // Rows whose pixel centres can be inside.
    let y_start = ((low - 0.5).floor().max(0.0) as usize).max(bounds.y.0);
    let y_end = ((high + 0.5).ceil().max(0.0) as usize).min(bounds.y.1);
    for y in y_start..y_end {
        let py = y as f32 + 0.5;
        if let Some(span) = triangle.span(py, bounds) {
            fill_span(image, &triangle, y, span);
        }
    }
}

impl<'a> Triangle<'a> {
    /// The triangle with its corners at `points` (pixels) and the colours and texture places of
    /// `corners`; none when it has no area.
    fn new(
        [mut p0, p1, mut p2]: [[f32; 2]; 3],
        [mut v0, v1, mut v2]: [&Vertex; 3],
        texture: Option<&'a ColorImage>,
    ) -> Option<Self> {
        let area = |p: [f32; 2], q: [f32; 2], r: [f32; 2]| {
            (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        };
        let mut whole = area(p0, p1, p2);
        if whole == 0.0 || !whole.is_finite() {
            return None;
        }
        if whole < 0.0 {
            std::mem::swap(&mut p0, &mut p2);
            std::mem::swap(&mut v0, &mut v2);
            whole = -whole;
        }
        let edges = [(p1, p2), (p2, p0), (p0, p1)].map(|(p, q)| {
            let (a, b) = (p[1] - q[1], q[0] - p[0]);
            (a, b, -(a * p[0] + b * p[1]), top_left(p, q))
        });
        let white = |v: &Vertex| v.uv == egui::epaint::WHITE_UV;
        Some(Self {
            edges,
            weight: 1.0 / whole,
            solid: v0.color == v1.color && v1.color == v2.color,
            colors: [
                v0.color.to_array(),
                v1.color.to_array(),
                v2.color.to_array(),
            ],
            uvs: [v0.uv, v1.uv, v2.uv],
            texture: texture.filter(|_| !(white(v0) && white(v1) && white(v2))),
        })
    }

    /// The pixels across, first and last, of the row whose centres are at `py` that may be
    /// inside all three edges (within `bounds`); none when no pixel may.
    fn span(&self, py: f32, bounds: &Bounds) -> Option<(f32, f32)> {
        let (mut from, mut to) = (bounds.x.0 as f32, bounds.x.1 as f32 - 1.0);
        for &(a, b, c, _) in &self.edges {
            let k = b * py + c;
            if a > 0.0 {
                from = from.max((-k / a - 0.5).floor());
            } else if a < 0.0 {
                to = to.min((-k / a - 0.5).ceil());
            } else if k < 0.0 {
                to = -1.0;
            }
        }
        if to < from || to < 0.0 {
            None
        } else {
            Some((from, to))
        }
    }
}

/// Blends the pixels of row `y` from `from` to `to` that are inside `triangle` with its colour
/// there (mixed between the corners and times the texture's texel).
fn fill_span(image: &mut ColorImage, triangle: &Triangle, y: usize, (from, to): (f32, f32)) {
    let py = y as f32 + 0.5;
    let row = y * image.size[0];
    let (weight, colors, uvs) = (triangle.weight, &triangle.colors, &triangle.uvs);
    // Written out, not iterated: this loop is most of the time, even in debug builds.
    let [(a0, b0, c0, i0), (a1, b1, c1, i1), (a2, b2, c2, i2)] = triangle.edges;
    let (k0, k1, k2) = (b0 * py + c0, b1 * py + c1, b2 * py + c2);
    for x in from.max(0.0) as usize..=to as usize {
        let px = x as f32 + 0.5;
        let (e0, e1, e2) = (a0 * px + k0, a1 * px + k1, a2 * px + k2);
        let inside = (e0 > 0.0 || (e0 == 0.0 && i0))
            && (e1 > 0.0 || (e1 == 0.0 && i1))
            && (e2 > 0.0 || (e2 == 0.0 && i2));
        if !inside {
            continue;
        }
        let w = [e0 * weight, e1 * weight, e2 * weight];
        let mut color = if triangle.solid {
            colors[0]
        } else {
            let mix = |i: usize| {
                let mix = w[0] * f32::from(colors[0][i])
                    + w[1] * f32::from(colors[1][i])
                    + w[2] * f32::from(colors[2][i]);
                mix.round().clamp(0.0, 255.0) as u8
            };
            [mix(0), mix(1), mix(2), mix(3)]
        };
        if let Some(texture) = triangle.texture {
            let u = w[0] * uvs[0].x + w[1] * uvs[1].x + w[2] * uvs[2].x;
            let v = w[0] * uvs[0].y + w[1] * uvs[1].y + w[2] * uvs[2].y;
            let t = sample(texture, u, v);
            let times = |c: u8, t: u8| ((u16::from(c) * u16::from(t) + 127) / 255) as u8;
            color = [
                times(color[0], t[0]),
                times(color[1], t[1]),
                times(color[2], t[2]),
                times(color[3], t[3]),
            ];
        }
        if color[3] == 0 && color == [0; 4] {
            continue;
        }
        let pixel = &mut image.pixels[row + x];
        *pixel = over(color, *pixel);
    }
}

/// The texel under (u, v), nearest: epaint places glyphs on whole pixels, so that each pixel
/// centre falls on a texel centre.
fn sample(texture: &ColorImage, u: f32, v: f32) -> [u8; 4] {
    let [w, h] = texture.size;
    if w == 0 || h == 0 {
        return [255; 4];
    }
    let x = ((u * w as f32).floor().max(0.0) as usize).min(w - 1);
    let y = ((v * h as f32).floor().max(0.0) as usize).min(h - 1);
    texture.pixels[y * w + x].to_array()
}

/// `top` (premultiplied) over `below`.
fn over(top: [u8; 4], below: Color32) -> Color32 {
    if top[3] == 255 {
        return Color32::from_rgba_premultiplied(top[0], top[1], top[2], top[3]);
    }
    let keep = 255 - u16::from(top[3]);
    let below = below.to_array();
    let mix =
        |i: usize| (u16::from(top[i]) + (u16::from(below[i]) * keep + 127) / 255).min(255) as u8;
    Color32::from_rgba_premultiplied(mix(0), mix(1), mix(2), mix(3))
}

/// `image` encoded as PNG. `opaque`: every pixel is (as when painted over an opaque
/// background), so that its premultiplied bytes are written as they are; else they are
/// unmultiplied first.
pub fn encode_png(image: &ColorImage, opaque: bool) -> Result<Vec<u8>, String> {
    use image::ImageEncoder as _;
    let [width, height] = image.size;
    let unmultiplied: Vec<u8>;
    let bytes = if opaque {
        image.as_raw()
    } else {
        unmultiplied = image
            .pixels
            .iter()
            .flat_map(|p| p.to_srgba_unmultiplied())
            .collect();
        &unmultiplied
    };
    let (w, h) = (
        u32::try_from(width).map_err(|e| e.to_string())?,
        u32::try_from(height).map_err(|e| e.to_string())?,
    );
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    )
    .write_image(bytes, w, h, image::ExtendedColorType::Rgba8)
    .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A red square and a half-transparent blue one over it, painted off screen: the pixels
    /// are the squares' where they are, blended where they overlap, and the background
    /// elsewhere; each square's edge pixels are its own (no seam where its two triangles meet).
    #[test]
    fn shapes_are_filled_and_blended_where_they_are() {
        let mut offscreen = Offscreen::new(2.0, false);
        let ((), image) = offscreen.paint(egui::vec2(40.0, 30.0), Color32::WHITE, |_, painter| {
            let red = Rect::from_min_size(egui::pos2(2.0, 2.0), egui::vec2(10.0, 10.0));
            painter.rect_filled(red, 0.0, Color32::RED);
            let blue = Rect::from_min_size(egui::pos2(7.0, 7.0), egui::vec2(10.0, 10.0));
            painter.rect_filled(blue, 0.0, Color32::from_rgba_unmultiplied(0, 0, 255, 128));
            ((), 20.0)
        });
        assert_eq!(image.size, [80, 40], "cut to the height painted, in pixels");
        let pixel = |x: usize, y: usize| image.pixels[y * 80 + x];
        assert_eq!(pixel(0, 0), Color32::WHITE);
        assert_eq!(pixel(8, 8), Color32::RED);
        let mixed = pixel(20, 20);
        assert!(
            mixed.r() > 100 && mixed.b() > 100 && mixed.g() < 10,
            "{mixed:?}"
        );
        let light = pixel(30, 30);
        assert!(
            light.b() == 255 && light.r() > 100 && light.r() == light.g(),
            "{light:?}"
        );
        // Inside the red square, along its diagonal, every pixel is red.
        for i in 5..14 {
            assert_eq!(pixel(i, i), Color32::RED, "at {i}");
        }
    }

    /// Text is drawn from the font atlas: a word leaves dark pixels where it is written and
    /// none elsewhere.
    #[test]
    fn text_is_drawn_from_the_font_atlas() {
        let mut offscreen = Offscreen::new(1.0, false);
        let (width, image) =
            offscreen.paint(egui::vec2(200.0, 60.0), Color32::WHITE, |ctx, painter| {
                let galley = ctx.fonts_mut(|f| {
                    f.layout_no_wrap(
                        "Lectern".into(),
                        egui::FontId::proportional(20.0),
                        Color32::BLACK,
                    )
                });
                let width = galley.size().x;
                painter.galley(egui::pos2(10.0, 10.0), galley, Color32::BLACK);
                (width, 60.0)
            });
        let dark = |x0: usize, x1: usize| {
            (0..60)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| image.pixels[y * 200 + x].r() < 100)
                .count()
        };
        let end = (10.0 + width).ceil() as usize;
        assert!(dark(10, end) > 50, "the word is written");
        assert_eq!(dark(end + 2, 200), 0, "nothing after it");
        assert_eq!(dark(0, 9), 0, "nothing before it");
    }

    /// A picture encoded and read back has its colours: opaque ones as they are, others
    /// unmultiplied.
    #[test]
    fn a_picture_encoded_as_png_reads_back_with_its_colours() {
        let mut image = ColorImage::filled([3, 2], Color32::from_rgb(10, 20, 30));
        let png = encode_png(&image, true).unwrap();
        let back = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert!(back.pixels().all(|p| p.0 == [10, 20, 30, 255]));
        image.pixels[1] = Color32::from_rgba_unmultiplied(200, 100, 0, 128);
        let png = encode_png(&image, false).unwrap();
        let back = image::load_from_memory(&png).unwrap().to_rgba8();
        let half = back.get_pixel(1, 0).0;
        assert!(half[3] == 128 && half[0].abs_diff(200) <= 2 && half[1].abs_diff(100) <= 2);
    }
}
