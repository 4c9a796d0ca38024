//! `--screenshot`: draw the requested view, wait until it has settled, save a PNG, exit.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What to capture and where.
#[derive(Debug, Clone)]
pub struct ScreenshotRequest {
    /// The PNG to write.
    pub path: PathBuf,
    /// Window size in points.
    pub size: [f32; 2],
}

/// Frames drawn before capturing: egui settles layout in its first passes, and three frames
/// leave room for a scroll or focus change made in the first one.
const SETTLE_FRAMES: u32 = 3;

/// What happened to the screenshot, for the CLI's exit code.
static OUTCOME: Mutex<Option<Result<(), String>>> = Mutex::new(None);

/// Takes what happened to the screenshot (once the window has closed).
pub fn take_outcome() -> Option<Result<(), String>> {
    OUTCOME.lock().ok().and_then(|mut o| o.take())
}

/// Drives one screenshot.
pub struct Shooter {
    request: ScreenshotRequest,
    frames: u32,
    asked: bool,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
}

impl Shooter {
    /// Prepares a screenshot.
    pub fn new(request: ScreenshotRequest) -> Shooter {
        Shooter {
            request,
            frames: 0,
            asked: false,
            image: Arc::default(),
        }
    }

    /// Called once per frame.
    pub fn tick(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 1 {
            // --size is the window in pixels whatever the zoom: egui sizes windows in points,
            // which a zoom (given or remembered) scales.
            let zoom = ctx.zoom_factor();
            let [w, h] = self.request.size;
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(
                w / zoom,
                h / zoom,
            )));
        }
        let taken = self.image.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = taken {
            let result = self
                .check_size(ctx, &image)
                .and_then(|()| save_png(&self.request.path, &image));
            if let Ok(mut outcome) = OUTCOME.lock() {
                *outcome = Some(result);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !self.asked && self.frames >= SETTLE_FRAMES {
            self.asked = true;
            let slot = Arc::clone(&self.image);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(image);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

impl Shooter {
    /// A window the screen could not fit comes out smaller or larger than asked; saying so
    /// beats saving a picture of another size.
    fn check_size(&self, ctx: &egui::Context, image: &egui::ColorImage) -> Result<(), String> {
        let (native, monitor) = ctx.input(|i| {
            let v = i.viewport();
            (v.native_pixels_per_point.unwrap_or(1.0), v.monitor_size)
        });
        match size_problem(self.request.size, image.size, native, monitor) {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}

/// What is wrong when a window of `want` points came out as a `got`-pixel picture.
fn size_problem(
    want: [f32; 2],
    got: [usize; 2],
    native: f32,
    monitor: Option<egui::Vec2>,
) -> Option<String> {
    let [w, h] = want;
    let pixels = [(w * native).round() as usize, (h * native).round() as usize];
    let [got_w, got_h] = got;
    if got_w.abs_diff(pixels[0]) <= 2 && got_h.abs_diff(pixels[1]) <= 2 {
        return None;
    }
    let screen = monitor.map_or(String::new(), |m| {
        format!(" (the screen is {:.0}x{:.0})", m.x, m.y)
    });
    Some(format!(
        "the window came out {got_w}x{got_h} pixels, not the {w:.0}x{h:.0} asked for{screen}; \
         give a --size that fits the screen, or start Xvfb with a larger screen \
         (e.g. Xvfb :99 -screen 0 1920x1600x24)"
    ))
}

/// Writes the image as a PNG, through a temporary file so no partial PNG is ever left.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for pixel in &image.pixels {
        bytes.extend_from_slice(&pixel.to_array());
    }
    let mut encoded = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut encoded, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| format!("encoding the PNG: {e}"))?;
        writer
            .write_image_data(&bytes)
            .map_err(|e| format!("encoding the PNG: {e}"))?;
    }
    crate::platform::write_atomic(path, &encoded, crate::platform::Access::Shared)
        .map_err(|e| format!("{}: cannot be written: {e}", path.display()))
}

/// Parses `WxH`, e.g. `1280x800`.
pub fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let bad = || format!("size {text:?} is not WIDTHxHEIGHT, e.g. 1280x800 (each 320–7680)");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(320..=7680).contains(&w) || !(320..=7680).contains(&h) {
        return Err(bad());
    }
    Ok([w as f32, h as f32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_the_screen_cannot_fit_is_an_error() {
        assert_eq!(size_problem([800.0, 600.0], [800, 600], 1.0, None), None);
        assert_eq!(size_problem([800.0, 600.0], [1600, 1200], 2.0, None), None);
        let problem = size_problem(
            [1180.0, 1400.0],
            [1180, 1200],
            1.0,
            Some(egui::vec2(1600.0, 1200.0)),
        )
        .unwrap();
        assert!(
            problem.contains("1180x1200 pixels, not the 1180x1400"),
            "{problem}"
        );
        assert!(problem.contains("the screen is 1600x1200"), "{problem}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1280x800"), Ok([1280.0, 800.0]));
        assert_eq!(parse_size("640X480"), Ok([640.0, 480.0]));
        for bad in ["", "1280", "x800", "12x8", "1280x-1", "axb", "99999x800"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
