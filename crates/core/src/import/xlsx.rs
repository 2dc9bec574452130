//! A spreadsheet (.xlsx) bill: its first sheet read row by row and handed to the same bill and
//! flight-list code as a CSV ([`super::table_rows`]).
//!
//! ## The files
//!
//! WeChat Pay e-mails newer bills as `微信支付账单流水文件(YYYYMMDD-YYYYMMDD)_….xlsx`, inside a
//! zip locked with a password that WeChat Pay sends in a message; one sheet ("Sheet1") holding
//! the same 16 lines of header and the same columns (`交易时间, 交易类型, 交易对方, 商品, 收/支,
//! 金额(元), 支付方式, 当前状态, 交易单号, 商户单号, 备注`) as the CSV, the data from the 18th row
//! on; 交易时间 may be text or an Excel date number (days since 1899-12-30, read by
//! [`super::csv::china_time`]). Sources: data/research/chinese-exports.md.
//!
//! ## Why a small reader, not a spreadsheet crate
//!
//! An .xlsx is a zip of XML parts; the zip and XML crates are already in the import worker, so
//! reading `xl/sharedStrings.xml` (the text cells point into it) and the first sheet costs a few
//! kilobytes of wasm, where a general spreadsheet crate (formulas, styles, .xls, .ods) would
//! bring its own copies (the measured figures are in data/research/chinese-exports.md).
//! Formulas, styles and other sheets are not read: a bill has none that matter.
//!
//! ## Memory
//!
//! The shared strings are held (a year's bill has a few thousand distinct texts), at most
//! [`MAX_SHARED_BYTES`] of them; the sheet is streamed with quick-xml, one row at a time, with
//! the same guard on the length of one tag or text as GPX and KML.

use std::io::{BufReader, Read};

use quick_xml::events::Event;

use super::ImportError;
use super::csv::RowSource;
use super::xml::RunGuard;

/// Most bytes of shared text held (a real bill has well under 1 MB).
pub const MAX_SHARED_BYTES: usize = 64 << 20;
/// Cells right of this column are ignored (a bill has 11 columns; Excel allows 16 384).
const MAX_COLUMNS: usize = 256;

const FORMAT: &str = "spreadsheet (xlsx)";

/// quick-xml's messages quote the tags they met, line breaks and all: an error stays one line.
fn one_line(detail: impl std::fmt::Display) -> String {
    detail
        .to_string()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn damaged(detail: impl std::fmt::Display) -> ImportError {
    ImportError::Malformed {
        format: FORMAT,
        detail: one_line(detail),
    }
}

fn xml_error(e: quick_xml::Error) -> ImportError {
    match e {
        quick_xml::Error::Io(io) => ImportError::Read(one_line(io)),
        other => damaged(other),
    }
}

/// The text of a character or predefined entity reference (`&amp;`, `&#20013;`).
fn entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Reads `xl/sharedStrings.xml`: the text of each `<si>` (its `<t>`s joined; phonetic runs
/// `<rPh>` left out), in order.
pub(crate) fn shared_strings(reader: &mut dyn Read) -> Result<Vec<String>, ImportError> {
    let mut guard = RunGuard::new(reader);
    let result = read_shared_strings(&mut guard);
    if guard.tripped {
        return Err(too_long());
    }
    result
}

/// Over `&mut dyn Read`, as GPX and KML are read: quick-xml's parser is compiled once for both.
fn read_shared_strings(reader: &mut dyn Read) -> Result<Vec<String>, ImportError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buf = Vec::new();
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_t, mut in_phonetic) = (false, false);
    let mut total = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => current = Some(String::new()),
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => strings.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                "si" => strings.push(current.take().unwrap_or_default()),
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    total += t.len();
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t && !in_phonetic => {
                if let (Some(s), Some(c)) = (current.as_mut(), entity(&r)) {
                    total += 1;
                    s.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if total > MAX_SHARED_BYTES {
            return Err(damaged(format!(
                "its shared texts pass {} MB, which no bill has",
                MAX_SHARED_BYTES >> 20
            )));
        }
    }
    Ok(strings)
}

/// The error for a tag or text longer than [`super::xml::MAX_RUN_BYTES`].
pub(crate) fn too_long() -> ImportError {
    damaged(format!(
        "one tag or text is longer than {} MB, which no bill has",
        super::xml::MAX_RUN_BYTES >> 20
    ))
}

/// The column of a cell reference: `A18` → 0, `K18` → 10, `AA3` → 26.
fn column(reference: &str) -> Option<usize> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .try_fold(0usize, |n, b| {
            let n = n.checked_mul(26)? + usize::from(b.to_ascii_uppercase() - b'A') + 1;
            (n <= 1 << 20).then_some(n)
        })?;
    letters.checked_sub(1)
}

/// What the text inside the cell being read is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// An index into the shared strings (`t="s"`).
    Shared,
    /// Text in the cell (`t="inlineStr"`, `t="str"`), a number, a boolean.
    Plain,
}

/// The rows of one sheet, streamed: a [`RowSource`] like a CSV's.
/// The sheet comes through a [`RunGuard`] as `&mut dyn Read`: the caller checks the guard after.
pub(crate) struct SheetRows<'a> {
    xml: quick_xml::Reader<BufReader<&'a mut dyn Read>>,
    strings: &'a [String],
    buf: Vec<u8>,
    row_no: u64,
    format: &'static str,
}

impl<'a> SheetRows<'a> {
    pub fn new(sheet: &'a mut dyn Read, strings: &'a [String]) -> SheetRows<'a> {
        SheetRows {
            xml: quick_xml::Reader::from_reader(BufReader::with_capacity(64 * 1024, sheet)),
            strings,
            buf: Vec::new(),
            row_no: 0,
            format: FORMAT,
        }
    }

    fn event(&mut self) -> Result<Event<'static>, ImportError> {
        self.buf.clear();
        match self.xml.read_event_into(&mut self.buf) {
            Ok(e) => Ok(e.into_owned()),
            Err(e) => Err(match xml_error(e) {
                ImportError::Malformed { detail, .. } => ImportError::Malformed {
                    format: self.format,
                    detail: format!("after row {}: {detail}", self.row_no),
                },
                other => other,
            }),
        }
    }
}

impl RowSource for SheetRows<'_> {
    fn next_row(&mut self) -> Result<Option<Vec<String>>, ImportError> {
        // Find the next <row>.
        loop {
            match self.event()? {
                Event::Start(e) if e.local_name().as_ref() == "row" => {
                    self.row_no = e
                        .try_get_attribute("r")
                        .ok()
                        .flatten()
                        .and_then(|a| a.value.trim().parse().ok())
                        .filter(|&r| r > self.row_no)
                        .unwrap_or(self.row_no + 1);
                    break;
                }
                Event::Empty(e) if e.local_name().as_ref() == "row" => {
                    self.row_no += 1;
                }
                Event::Eof => return Ok(None),
                _ => {}
            }
        }
        let mut cells: Vec<String> = Vec::new();
        let mut at = 0usize;
        let mut kind = Kind::Plain;
        let mut text = String::new();
        let mut in_value = false;
        loop {
            match self.event()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                    at = e
                        .try_get_attribute("r")
                        .ok()
                        .flatten()
                        .and_then(|a| column(&a.value))
                        .unwrap_or(cells.len());
                    kind = match e.try_get_attribute("t").ok().flatten() {
                        Some(t) if &*t.value == "s" => Kind::Shared,
                        _ => Kind::Plain,
                    };
                    text.clear();
                }
                Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = true,
                Event::End(e) => match e.local_name().as_ref() {
                    "v" | "t" => in_value = false,
                    "c" => {
                        let value = match kind {
                            Kind::Shared => text
                                .trim()
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| self.strings.get(i))
                                .cloned()
                                .ok_or_else(|| ImportError::Malformed {
                                    format: self.format,
                                    detail: format!(
                                        "row {}: a cell points to text {:?} that the file does not hold",
                                        self.row_no, text
                                    ),
                                })?,
                            Kind::Plain => std::mem::take(&mut text),
                        };
                        if at < MAX_COLUMNS {
                            if cells.len() <= at {
                                cells.resize(at + 1, String::new());
                            }
                            cells[at] = value.trim_matches([' ', '\t', '\u{3000}']).to_owned();
                        }
                    }
                    // An empty row is one empty cell, as an empty line of a CSV is.
                    "row" if cells.is_empty() => return Ok(Some(vec![String::new()])),
                    "row" => return Ok(Some(cells)),
                    _ => {}
                },
                Event::Text(t) if in_value => {
                    if text.len() + t.len() > super::csv::MAX_ROW_BYTES {
                        return Err(ImportError::Malformed {
                            format: self.format,
                            detail: format!(
                                "row {} is longer than {} KB, which no bill or trip list has",
                                self.row_no,
                                super::csv::MAX_ROW_BYTES >> 10
                            ),
                        });
                    }
                    text.push_str(&t.xml10_content());
                }
                Event::GeneralRef(r) if in_value => {
                    if let Some(c) = entity(&r) {
                        text.push(c);
                    }
                }
                Event::Eof => {
                    return Err(ImportError::Truncated {
                        format: self.format,
                        detail: format!("row {} never ends", self.row_no),
                    });
                }
                _ => {}
            }
        }
    }

    fn line_no(&self) -> u64 {
        self.row_no
    }

    fn set_format(&mut self, format: &'static str) {
        self.format = format;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_sheet_is_one_line_even_when_the_tag_holds_a_line_break() {
        let xml = "<worksheet><sheetData><row><c><is></\n   is></c></row></sheetData></worksheet>";
        let mut input: &[u8] = xml.as_bytes();
        let strings = Vec::new();
        let mut rows = SheetRows::new(&mut input, &strings);
        let err = rows.next_row().unwrap_err().to_string();
        assert!(err.contains("row 1") && !err.contains('\n'), "{err}");
    }

    #[test]
    fn an_empty_row_is_one_empty_cell_as_in_a_csv() {
        let xml = r#"<worksheet><sheetData><row r="1"></row><row r="2"/></sheetData></worksheet>"#;
        let mut input: &[u8] = xml.as_bytes();
        let strings = Vec::new();
        let mut rows = SheetRows::new(&mut input, &strings);
        assert_eq!(rows.next_row().unwrap(), Some(vec![String::new()]));
        assert_eq!(rows.next_row().unwrap(), None);
    }

    #[test]
    fn columns() {
        assert_eq!(column("A18"), Some(0));
        assert_eq!(column("K18"), Some(10));
        assert_eq!(column("AA3"), Some(26));
        assert_eq!(column("18"), None);
    }

    #[test]
    fn shared_strings_join_runs_and_resolve_entities() {
        let xml = r#"<sst><si><t>交易对方</t></si><si><r><t>A&amp;</t></r><r><t>B</t></r><rPh><t>x</t></rPh></si><si/></sst>"#;
        let mut input: &[u8] = xml.as_bytes();
        assert_eq!(
            shared_strings(&mut input).unwrap(),
            vec!["交易对方", "A&B", ""]
        );
    }

    #[test]
    fn sheet_rows_fill_skipped_cells_and_number_rows_as_the_sheet_does() {
        let xml = r#"<worksheet><sheetData>
            <row r="17"><c r="A17" t="s"><v>0</v></c><c r="C17" t="inlineStr"><is><t>x</t></is></c></row>
            <row r="18"><c r="B18"><v>43712.5</v></c></row>
        </sheetData></worksheet>"#;
        let strings = vec!["交易时间".to_owned()];
        let mut input: &[u8] = xml.as_bytes();
        let mut guard = RunGuard::new(&mut input);
        let mut rows = SheetRows::new(&mut guard, &strings);
        assert_eq!(rows.next_row().unwrap().unwrap(), vec!["交易时间", "", "x"]);
        assert_eq!(rows.line_no(), 17);
        assert_eq!(rows.next_row().unwrap().unwrap(), vec!["", "43712.5"]);
        assert_eq!(rows.line_no(), 18);
        assert_eq!(rows.next_row().unwrap(), None);
    }
}
