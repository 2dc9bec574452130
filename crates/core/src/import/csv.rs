//! Text tables as the Chinese apps write them: CSV in UTF-8 (with or without a byte-order mark)
//! or in GBK (Alipay), a block of free text above the header row, padding spaces and a trailing
//! tab in cells (so that spreadsheets keep long order numbers as text), and a trailing comma.
//!
//! Read row by row from a [`Read`]: one row is held at a time, and a row longer than
//! [`MAX_ROW_BYTES`] is refused, so a file of any length (or one without a line break) costs
//! the same memory. Lines are split at `\n` before decoding, which is safe in GBK too: its
//! second bytes are 0x40–0xFE, never 0x0A. A quoted cell may hold line breaks; the row then
//! goes on to the next line.

use std::io::{BufRead, BufReader, Read};

use super::ImportError;

/// Longest row read (quoted line breaks included); real bills have rows under 1 KiB.
pub const MAX_ROW_BYTES: usize = 64 * 1024;

/// Rows of a table, whatever the file they come from (a CSV here, a spreadsheet in `xlsx`): the
/// bill and flight readers take one of these, so there is one code path for rows.
pub(crate) trait RowSource {
    /// The next row's cells, trimmed; `None` at the end.
    fn next_row(&mut self) -> Result<Option<Vec<String>>, ImportError>;
    /// Number of the last row read (1-based, as the person sees it in the file), for errors.
    fn line_no(&self) -> u64;
    /// Names the kind of file in errors from now on (once the header says what it is).
    fn set_format(&mut self, format: &'static str);
}

impl RowSource for Rows<'_> {
    fn next_row(&mut self) -> Result<Option<Vec<String>>, ImportError> {
        Rows::next_row(self)
    }
    fn line_no(&self) -> u64 {
        self.line_no
    }
    fn set_format(&mut self, format: &'static str) {
        self.format = format;
    }
}

/// Reads CSV rows, decoding each line from UTF-8 or, failing that, GBK.
pub(crate) struct Rows<'a> {
    reader: BufReader<&'a mut dyn Read>,
    line: Vec<u8>,
    /// Number of the last line read (1-based), for errors.
    pub line_no: u64,
    format: &'static str,
}

impl<'a> Rows<'a> {
    pub fn new(reader: &'a mut dyn Read, format: &'static str) -> Rows<'a> {
        Rows {
            reader: BufReader::with_capacity(64 * 1024, reader),
            line: Vec::new(),
            line_no: 0,
            format,
        }
    }

    /// One line as text, without its line break; `None` at the end.
    fn next_line(&mut self) -> Result<Option<String>, ImportError> {
        self.line.clear();
        let n = (&mut self.reader)
            .take(MAX_ROW_BYTES as u64 + 1)
            .read_until(b'\n', &mut self.line)
            .map_err(|e| ImportError::Read(e.to_string()))?;
        if n == 0 {
            return Ok(None);
        }
        self.line_no += 1;
        if self.line.len() > MAX_ROW_BYTES {
            return Err(self.too_long());
        }
        let mut bytes = self.line.as_slice();
        if self.line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        while let [rest @ .., b'\n' | b'\r'] = bytes {
            bytes = rest;
        }
        Ok(Some(decode(bytes)))
    }

    fn too_long(&self) -> ImportError {
        ImportError::Malformed {
            format: self.format,
            detail: format!(
                "row {} is longer than {} KB, which no bill or trip list has",
                self.line_no,
                MAX_ROW_BYTES >> 10
            ),
        }
    }

    /// The next row's cells, trimmed of spaces and tabs; `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<Vec<String>>, ImportError> {
        let Some(first) = self.next_line()? else {
            return Ok(None);
        };
        let mut text = first;
        // A quoted cell with a line break in it: the row goes on.
        while text.matches('"').count() % 2 == 1 {
            match self.next_line()? {
                Some(more) => {
                    if text.len() + more.len() > MAX_ROW_BYTES {
                        return Err(self.too_long());
                    }
                    text.push('\n');
                    text.push_str(&more);
                }
                None => {
                    return Err(ImportError::Truncated {
                        format: self.format,
                        detail: format!("row {} opens a quote that never closes", self.line_no),
                    });
                }
            }
        }
        Ok(Some(split(&text)))
    }
}

/// UTF-8 if it is, else GBK (what Alipay writes); a byte GBK does not know becomes U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GBK
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Splits one CSV row; `""` inside quotes is a quote. Cells are trimmed of spaces and tabs.
fn split(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .into_iter()
        .map(|c| c.trim_matches([' ', '\t', '\u{3000}']).to_owned())
        .collect()
}

/// Whether the first bytes of a file look like text (so that it may be a table): no NUL and
/// few control characters. A bill starts with Chinese text or dashes, a trip list with a header.
pub fn looks_like_text(prefix: &[u8]) -> bool {
    if prefix.is_empty() {
        return false;
    }
    let controls = prefix
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .count();
    !prefix.contains(&0) && controls == 0 && prefix.iter().any(|&b| b == b',' || b >= 0x80)
}

/// A local China time `2019-09-26 12:45:27` (also `2019/9/26 12:45`, a date alone, read as
/// noon, or a spreadsheet's date number such as `43712.53`: days since 1899-12-30, as an .xlsx
/// stores a cell formatted as a date) → seconds since the epoch (UTC).
pub(crate) fn china_time(text: &str) -> Option<i64> {
    let text = text.trim();
    // 1990-01-01 … 2100-01-01 as spreadsheet date numbers.
    if let Ok(serial) = text.parse::<f64>() {
        if !(32_874.0..73_051.0).contains(&serial) {
            return None;
        }
        let local = ((serial - 25_569.0) * 86_400.0).round() as i64;
        return Some(local - super::stays::CHINA_OFFSET_SECONDS);
    }
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (text, None),
    };
    let mut parts = date.split(['-', '/', '.']);
    let y: i16 = parts.next()?.trim().parse().ok()?;
    let m: i8 = parts.next()?.trim().parse().ok()?;
    let d: i8 = parts.next()?.trim().parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    let (hh, mm, ss) = match time {
        None | Some("") => (12, 0, 0),
        Some(t) => {
            let mut p = t.split(':');
            let hh: i8 = p.next()?.trim().parse().ok()?;
            let mm: i8 = p.next().unwrap_or("0").trim().parse().ok()?;
            let ss: i8 = p
                .next()
                .unwrap_or("0")
                .trim()
                .split('.')
                .next()?
                .parse()
                .ok()?;
            (hh, mm, ss)
        }
    };
    let civil = jiff::civil::DateTime::new(y, m, d, hh, mm, ss, 0).ok()?;
    let utc = civil
        .to_zoned(jiff::tz::TimeZone::fixed(
            jiff::tz::Offset::from_seconds(super::stays::CHINA_OFFSET_SECONDS as i32).ok()?,
        ))
        .ok()?;
    Some(utc.timestamp().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_and_quotes_kept() {
        assert_eq!(
            split("2023-02-12 21:32:14 ,亲友代付   ,\"a,\"\"b\"\"\",202302\t,"),
            vec!["2023-02-12 21:32:14", "亲友代付", "a,\"b\"", "202302", ""]
        );
    }

    #[test]
    fn gbk_lines_are_decoded_and_quoted_breaks_join_rows() {
        let (gbk, _, _) = encoding_rs::GBK.encode("交易对方,勐海县打洛镇\n");
        let mut bytes = gbk.into_owned();
        bytes.extend_from_slice("a,\"b\nc\",d\n".as_bytes());
        let mut input: &[u8] = &bytes;
        let mut rows = Rows::new(&mut input, "CSV");
        assert_eq!(
            rows.next_row().unwrap().unwrap(),
            vec!["交易对方", "勐海县打洛镇"]
        );
        assert_eq!(rows.next_row().unwrap().unwrap(), vec!["a", "b\nc", "d"]);
        assert_eq!(rows.next_row().unwrap(), None);
    }

    #[test]
    fn china_time_is_utc_plus_8() {
        // 2019-09-04 01:00 in China is 2019-09-03T17:00:00Z.
        assert_eq!(china_time("2019-09-04 01:00:00"), Some(1_567_530_000));
        assert_eq!(china_time("2019/9/4 1:00"), Some(1_567_530_000));
        assert_eq!(china_time("2019-09-04"), Some(1_567_530_000 + 11 * 3600));
        assert_eq!(china_time("2019-02-30 01:00"), None);
        assert_eq!(china_time("/"), None);
        // A spreadsheet date number: 43712 is 2019-09-04, .5 is noon.
        assert_eq!(china_time("43712.5"), Some(1_567_530_000 + 11 * 3600));
        assert_eq!(china_time("12.00"), None);
    }
}
