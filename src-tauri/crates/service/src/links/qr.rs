//! QR codes of a link: the module matrix the UI draws as SVG, and a black-on-white bitmap for the
//! clipboard (RGBA) and for saving (greyscale PNG).

use qrcode::{Color, EcLevel};
use serde::Serialize;
use specta::Type;

use super::share::ShareError;

/// Pixels per module and quiet-zone modules the shell uses for images: about 8 px per module
/// prints sharply, and scanners want a 4-module margin (ISO/IEC 18004).
pub const IMAGE_SCALE: u32 = 8;
pub const IMAGE_QUIET_ZONE: u32 = 4;

/// Bounds that keep a bitmap small whatever a caller asks for.
const MAX_SCALE: u32 = 32;
const MAX_QUIET_ZONE: u32 = 16;

/// A QR code as a square of modules, without quiet zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QrCode {
    /// Modules per side.
    pub size: u32,
    /// `size * size` modules, row by row from the top left; `true` is dark.
    pub modules: Vec<bool>,
}

impl QrCode {
    /// Whether the module at column `x`, row `y` is dark; anything outside the code is light.
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        if x >= self.size || y >= self.size {
            return false;
        }
        usize::try_from(u64::from(y) * u64::from(self.size) + u64::from(x))
            .ok()
            .and_then(|i| self.modules.get(i))
            .copied()
            .unwrap_or(false)
    }
}

/// Encodes `text` (a link's URL) with error correction level M, which survives a smudged print.
pub fn qr_matrix(text: &str) -> Result<QrCode, ShareError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|error| ShareError::Qr(error.to_string()))?;
    let size = u32::try_from(code.width()).map_err(|_| ShareError::Qr("too large".into()))?;
    let modules = code
        .into_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(QrCode { size, modules })
}

/// A greyscale image, one byte per pixel (0 black, 255 white), row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitmap {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Bitmap {
    /// RGBA bytes, as the clipboard takes images.
    pub fn to_rgba(&self) -> Vec<u8> {
        self.pixels.iter().flat_map(|&g| [g, g, g, 255]).collect()
    }

    /// An 8-bit greyscale PNG.
    pub fn to_png(&self) -> Result<Vec<u8>, ShareError> {
        let failed = |error: png::EncodingError| ShareError::Qr(error.to_string());
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(failed)?;
        writer.write_image_data(&self.pixels).map_err(failed)?;
        writer.finish().map_err(failed)?;
        Ok(out)
    }
}

/// The QR code of `text` as black modules of `scale` × `scale` pixels on white, with
/// `quiet_zone` white modules around (scale 1–32, quiet zone at most 16; larger asks are capped).
pub fn qr_bitmap(text: &str, scale: u32, quiet_zone: u32) -> Result<Bitmap, ShareError> {
    let code = qr_matrix(text)?;
    let scale = scale.clamp(1, MAX_SCALE);
    let quiet_zone = quiet_zone.min(MAX_QUIET_ZONE);
    let side_modules = code.size + 2 * quiet_zone;
    let side = side_modules * scale;
    let mut pixels = Vec::with_capacity(usize::try_from(u64::from(side).pow(2)).unwrap_or(0));
    for py in 0..side {
        let my = (py / scale).checked_sub(quiet_zone);
        for px in 0..side {
            let mx = (px / scale).checked_sub(quiet_zone);
            let dark = match (mx, my) {
                (Some(x), Some(y)) => code.is_dark(x, y),
                _ => false,
            };
            pixels.push(if dark { 0 } else { 255 });
        }
    }
    Ok(Bitmap {
        width: side,
        height: side,
        pixels,
    })
}

/// The QR code of `text` as a black-on-white greyscale PNG.
pub fn qr_png(text: &str, scale: u32, quiet_zone: u32) -> Result<Vec<u8>, ShareError> {
    qr_bitmap(text, scale, quiet_zone)?.to_png()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use mostrador_codes::Coded;

    use super::*;

    const LINK: &str = "https://test.pay.billpocket.com/laesquina/abc12345";

    /// The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre.
    fn finder_at(code: &QrCode, left: u32, top: u32) -> bool {
        (0..7).all(|y| {
            (0..7).all(|x| {
                let ring = x == 0 || y == 0 || x == 6 || y == 6;
                let centre = (2..=4).contains(&x) && (2..=4).contains(&y);
                code.is_dark(left + x, top + y) == (ring || centre)
            })
        })
    }

    #[test]
    fn the_matrix_is_square_with_three_finder_patterns() {
        let code = qr_matrix(LINK).unwrap();
        assert_eq!(code.size % 4, 1, "QR sizes are 17 + 4 × version");
        assert!(code.size >= 21);
        assert_eq!(code.modules.len(), (code.size * code.size) as usize);
        let far = code.size - 7;
        assert!(finder_at(&code, 0, 0));
        assert!(finder_at(&code, far, 0));
        assert!(finder_at(&code, 0, far));
        assert!(!finder_at(&code, far, far));
        assert!(!code.is_dark(code.size, 0), "outside is light");
        assert!(!code.is_dark(0, code.size), "outside is light");
    }

    #[test]
    fn the_matrix_serialises_for_the_ui() {
        let code = qr_matrix("x").unwrap();
        let json = serde_json::to_value(&code).unwrap();
        assert_eq!(json["size"], 21);
        assert_eq!(json["modules"].as_array().unwrap().len(), 441);
        assert_eq!(json["modules"][0], true);
    }

    #[test]
    fn text_too_long_for_a_qr_code_is_share_qr() {
        let error = qr_matrix(&"x".repeat(5_000)).unwrap_err();
        assert_eq!(error.code(), "share.qr");
    }

    #[test]
    fn the_png_decodes_to_the_code_with_its_quiet_zone() {
        let code = qr_matrix(LINK).unwrap();
        let bytes = qr_png(LINK, IMAGE_SCALE, IMAGE_QUIET_ZONE).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");

        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let side = (code.size + 2 * IMAGE_QUIET_ZONE) * IMAGE_SCALE;
        assert_eq!((info.width, info.height), (side, side));

        let at = |x: u32, y: u32| pixels[(y * side + x) as usize];
        let margin = IMAGE_QUIET_ZONE * IMAGE_SCALE;
        let far = side - margin - 1;
        // The quiet zone is white, the finder patterns' outer corners black.
        for (x, y) in [(0, 0), (side - 1, side - 1), (margin - 1, margin - 1)] {
            assert_eq!(at(x, y), 255, "({x}, {y})");
        }
        for (x, y) in [(margin, margin), (far, margin), (margin, far)] {
            assert_eq!(at(x, y), 0, "({x}, {y})");
        }
        // The centre of the top-left finder is black, its light ring white.
        let module = |m: u32| margin + m * IMAGE_SCALE + IMAGE_SCALE / 2;
        assert_eq!(at(module(3), module(3)), 0);
        assert_eq!(at(module(1), module(1)), 255);
        // Every pixel is pure black or white.
        assert!(pixels.iter().all(|&p| p == 0 || p == 255));
    }

    #[test]
    fn rgba_is_the_same_image_opaque() {
        let bitmap = qr_bitmap("x", 2, 1).unwrap();
        assert_eq!(bitmap.width, (21 + 2) * 2);
        let rgba = bitmap.to_rgba();
        assert_eq!(rgba.len(), bitmap.pixels.len() * 4);
        assert_eq!(&rgba[..4], &[255, 255, 255, 255]);
        let first_dark = (bitmap.width * 2 + 2) as usize;
        assert_eq!(&rgba[first_dark * 4..first_dark * 4 + 4], &[0, 0, 0, 255]);
    }

    #[test]
    fn scale_and_quiet_zone_are_capped() {
        let bitmap = qr_bitmap("x", 0, 1_000).unwrap();
        assert_eq!(bitmap.width, 21 + 2 * MAX_QUIET_ZONE);
        let bitmap = qr_bitmap("x", 1_000, 0).unwrap();
        assert_eq!(bitmap.width, 21 * MAX_SCALE);
    }
}
