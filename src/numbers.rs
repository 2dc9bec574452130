//! Numbers read and written with the browser's own routines (JavaScript `Number`).
//!
//! Rust's float parsing and formatting carry tables of powers of ten and five (tens of KiB in the
//! wasm); the page only reads a typed coordinate and prints a few distances, which the browser
//! does exactly as well. The engine worker, which does the real arithmetic, uses Rust's.

/// The value of a decimal number the core's reader has already accepted
/// (`prescreen_core::coords::parse_degrees_with` decides what counts as one number), or `None`
/// when it is not finite.
pub fn decimal(text: &str) -> Option<f64> {
    // `Number(text)` is NaN unless the whole text is one number.
    let value = text.parse::<js_sys::Number>().ok()?.value_of();
    value.is_finite().then_some(value)
}

/// `value` with `digits` decimals ("3.2").
pub fn fixed(value: f64, digits: u8) -> String {
    js_sys::Number::from(value)
        .to_fixed(digits)
        .map(String::from)
        .unwrap_or_default()
}
