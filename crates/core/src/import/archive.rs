//! A zip of any of the other formats (a Google Takeout archive, a folder of photos).
//!
//! Guards, all from [`Limits`]: the number of entries is read from the end-of-central-directory
//! record *before* the zip crate builds its index (so a zip claiming millions of entries costs
//! nothing); an entry whose header promises more than `max_zip_ratio` times its packed size is
//! refused before it is unpacked; while unpacking, the bytes actually produced are counted, so a
//! header that lies about the size, or a stream that inflates past the total budget, is stopped
//! at once. Entries are unpacked one at a time and streamed into the same parsers as files; nested
//! zips are not opened. Entries that are not location data (a Takeout archive holds many other
//! files) are skipped; an entry that is location data but broken refuses the whole zip.

use std::io::{self, Cursor, Read, SeekFrom};

use zip::ZipArchive;

use super::stays::Collector;
use super::{
    Format, ImportError, Limits, ReadSeek, Sniffed, huawei, json, photo, read_prefix, sniff, xlsx,
    xml,
};
use crate::data::Gazetteer;

/// What a zip gave.
pub(crate) struct ZipOutcome {
    pub used: usize,
    pub skipped: usize,
    /// Set when the zip is itself a document (an .xlsx bill): what it was.
    pub format: Option<Format>,
}

/// The zip an .xlsx spreadsheet is: it has a workbook part.
const WORKBOOK: &str = "xl/workbook.xml";

fn open_error(e: zip::result::ZipError) -> ImportError {
    match e {
        zip::result::ZipError::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            ImportError::Truncated {
                format: "zip",
                detail: io.to_string(),
            }
        }
        other => damaged(other),
    }
}

fn bomb(detail: String) -> ImportError {
    ImportError::ZipBomb { detail }
}

fn damaged(e: impl std::fmt::Display) -> ImportError {
    ImportError::Malformed {
        format: "zip",
        detail: e.to_string(),
    }
}

/// Imports every location file inside the zip `reader` into `sink`.
pub(crate) fn parse(
    reader: &mut dyn ReadSeek,
    zip_name: &str,
    limits: &Limits,
    sink: &mut Collector,
    sources: &mut Vec<String>,
    places: Option<&Gazetteer>,
) -> Result<ZipOutcome, ImportError> {
    let entries = count_entries(reader)?;
    if entries > limits.max_zip_entries as u64 {
        return Err(bomb(format!(
            "holds {entries} files, more than the {} this app opens",
            limits.max_zip_entries
        )));
    }
    reader.seek(SeekFrom::Start(0)).map_err(damaged)?;
    let mut archive = ZipArchive::new(&mut *reader).map_err(open_error)?;
    if archive.len() > limits.max_zip_entries {
        return Err(bomb(format!(
            "holds {} files, more than the {} this app opens",
            archive.len(),
            limits.max_zip_entries
        )));
    }
    if archive.index_for_name(WORKBOOK).is_some() {
        sink.set_source(sources.len() as u32);
        sources.push(zip_name.to_owned());
        let format = spreadsheet(&mut archive, limits, places, sink)?;
        return Ok(ZipOutcome {
            used: 1,
            skipped: 0,
            format: Some(format),
        });
    }
    let mut unpacked_total = 0u64;
    let mut outcome = ZipOutcome {
        used: 0,
        skipped: 0,
        format: None,
    };
    let mut locked = 0usize;
    for index in 0..archive.len() {
        // Encrypted, or packed with a method other than deflate: not a Takeout file.
        if archive.by_index_raw(index).is_ok_and(|f| f.encrypted()) {
            locked += 1;
            outcome.skipped += 1;
            continue;
        }
        let file = match archive.by_index(index) {
            Ok(file) => file,
            Err(zip::result::ZipError::UnsupportedArchive(why)) => {
                // AES (Huawei Health's download) may be refused before its flag is read.
                if why.contains("crypt") || why.contains("assword") || why.contains("AES") {
                    locked += 1;
                }
                outcome.skipped += 1;
                continue;
            }
            Err(e) => return Err(damaged(e)),
        };
        if file.is_dir() {
            continue;
        }
        let entry = file.name().to_owned();
        let (declared, packed) = (file.size(), file.compressed_size());
        if declared > 1 << 20 && declared / packed.max(1) > limits.max_zip_ratio {
            return Err(bomb(format!(
                "says {entry} unpacks to {} MB from {} KB ({}×)",
                declared >> 20,
                packed >> 10,
                declared / packed.max(1)
            )));
        }
        let mut guard = Guard {
            inner: file,
            entry: &entry,
            produced: 0,
            declared,
            packed,
            total: &mut unpacked_total,
            limits,
            tripped: None,
        };
        let source = sources.len() as u32;
        sources.push(format!("{zip_name}/{entry}"));
        sink.set_source(source);
        let result = parse_entry(&mut guard, limits, sink, places);
        if let Some(detail) = guard.tripped.take() {
            return Err(bomb(detail));
        }
        match result {
            Ok(()) => outcome.used += 1,
            Err(e) if e.is_skippable_in_zip() => {
                sources.pop();
                outcome.skipped += 1;
            }
            Err(error) => {
                return Err(ImportError::InZip {
                    entry,
                    error: Box::new(error),
                });
            }
        }
    }
    if outcome.used == 0 && locked > 0 {
        return Err(ImportError::Locked);
    }
    if outcome.used == 0 {
        return Err(ImportError::NothingInZip);
    }
    Ok(outcome)
}

/// Reads an .xlsx (a zip with a workbook): its shared texts, then its first sheet row by row,
/// as a table. Each part is unpacked behind the same guard as any zip entry.
fn spreadsheet(
    archive: &mut ZipArchive<&mut dyn ReadSeek>,
    limits: &Limits,
    places: Option<&Gazetteer>,
    sink: &mut Collector,
) -> Result<Format, ImportError> {
    let places = places.ok_or(ImportError::NoPlaces)?;
    let mut total = 0u64;
    let strings = match archive.index_for_name("xl/sharedStrings.xml") {
        Some(index) => {
            let mut guard = guard(archive, index, &mut total, limits)?;
            let strings = xlsx::shared_strings(&mut guard);
            if let Some(detail) = guard.tripped.take() {
                return Err(bomb(detail));
            }
            strings?
        }
        None => Vec::new(),
    };
    // The first sheet: `sheet1.xml` as every spreadsheet program names it, else the first by name.
    let sheet = archive
        .index_for_name("xl/worksheets/sheet1.xml")
        .or_else(|| {
            let mut sheets: Vec<(&str, usize)> = (0..archive.len())
                .filter_map(|i| Some((archive.name_for_index(i)?, i)))
                .filter(|(n, _)| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
                .collect();
            sheets.sort_unstable();
            sheets.first().map(|&(_, i)| i)
        });
    let Some(sheet) = sheet else {
        return Err(damaged("it has no sheet"));
    };
    let mut guard = guard(archive, sheet, &mut total, limits)?;
    let (result, too_long) = {
        let mut run = xml::RunGuard::new(&mut guard);
        let result = {
            let mut rows = xlsx::SheetRows::new(&mut run, &strings);
            super::table_rows(&mut rows, places, sink)
        };
        (result, run.tripped)
    };
    if let Some(detail) = guard.tripped.take() {
        return Err(bomb(detail));
    }
    if too_long {
        return Err(xlsx::too_long());
    }
    result
}

/// One part of a zip, unpacked behind a [`Guard`].
fn guard<'a, 'r>(
    archive: &'a mut ZipArchive<&'r mut dyn ReadSeek>,
    index: usize,
    total: &'a mut u64,
    limits: &'a Limits,
) -> Result<Guard<'a, zip::read::ZipFile<'a, &'r mut dyn ReadSeek>>, ImportError> {
    let file = match archive.by_index(index) {
        Ok(file) => file,
        Err(zip::result::ZipError::UnsupportedArchive(_)) => return Err(ImportError::Locked),
        Err(e) => return Err(damaged(e)),
    };
    let (declared, packed) = (file.size(), file.compressed_size());
    if declared > 1 << 20 && declared / packed.max(1) > limits.max_zip_ratio {
        return Err(bomb(format!(
            "says a part unpacks to {} MB from {} KB",
            declared >> 20,
            packed >> 10
        )));
    }
    Ok(Guard {
        inner: file,
        entry: "a part",
        produced: 0,
        declared,
        packed,
        total,
        limits,
        tripped: None,
    })
}

fn parse_entry(
    entry: &mut dyn Read,
    limits: &Limits,
    sink: &mut Collector,
    places: Option<&Gazetteer>,
) -> Result<(), ImportError> {
    let prefix = read_prefix(entry).map_err(|e| ImportError::Read(e.to_string()))?;
    let mut whole = Cursor::new(prefix.clone()).chain(entry);
    match sniff(&prefix) {
        Sniffed::Json if huawei::looks_like(&prefix) => huawei::parse(&mut whole, sink).map(drop),
        Sniffed::Json => json::parse(&mut whole, sink).map(drop),
        Sniffed::Xml => xml::parse(&mut whole, sink).map(drop),
        Sniffed::Photo => {
            let bytes = read_capped(&mut whole, limits.max_photo_bytes)?;
            photo::parse(&mut Cursor::new(bytes), sink)
        }
        // A bill (CSV) in the zip WeChat Pay or Alipay sent.
        Sniffed::Text => {
            let places = places.ok_or(ImportError::NoPlaces)?;
            super::table(&mut whole, places, sink).map(drop)
        }
        // Nested zips are not opened (that is how recursive zip bombs work), except one level
        // for a spreadsheet (a bill's .xlsx in its zip), read whole (capped) since a zip needs
        // to seek, and never a zip inside that.
        Sniffed::Zip => {
            let bytes = read_capped(&mut whole, limits.max_photo_bytes)?;
            let mut cursor = Cursor::new(bytes);
            let inner: &mut dyn ReadSeek = &mut cursor;
            let mut archive = ZipArchive::new(inner).map_err(open_error)?;
            if archive.index_for_name(WORKBOOK).is_none() {
                return Err(ImportError::NotRecognized);
            }
            spreadsheet(&mut archive, limits, places, sink).map(drop)
        }
        Sniffed::Unknown => Err(ImportError::NotRecognized),
    }
}

/// Reads a whole entry that must be held in memory (a photo's EXIF, a nested spreadsheet's zip),
/// refusing one over `limit` bytes.
fn read_capped(entry: &mut dyn Read, limit: u64) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Read(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            limit_mb: limit >> 20,
        });
    }
    Ok(bytes)
}

/// Counts what an entry really unpacks to, and stops it at the first sign of a bomb.
struct Guard<'a, R> {
    inner: R,
    entry: &'a str,
    produced: u64,
    declared: u64,
    packed: u64,
    total: &'a mut u64,
    limits: &'a Limits,
    tripped: Option<String>,
}

impl<R: Read> Read for Guard<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.tripped.is_some() {
            return Err(io::Error::other("stopped: zip bomb"));
        }
        let n = self.inner.read(buf)?;
        self.produced += n as u64;
        *self.total += n as u64;
        let detail = if self.produced > self.declared {
            Some(format!(
                "unpacks {} to more than the {} bytes its header says",
                self.entry, self.declared
            ))
        } else if self.produced > 1 << 20
            && self.produced / self.packed.max(1) > self.limits.max_zip_ratio
        {
            Some(format!(
                "unpacks {} more than {}× its packed size",
                self.entry, self.limits.max_zip_ratio
            ))
        } else if *self.total > self.limits.max_zip_unpacked_bytes {
            Some(format!(
                "unpacks to more than {} MB in all",
                self.limits.max_zip_unpacked_bytes >> 20
            ))
        } else {
            None
        };
        if let Some(detail) = detail {
            self.tripped = Some(detail);
            return Err(io::Error::other("stopped: zip bomb"));
        }
        Ok(n)
    }
}

/// The number of entries the end-of-central-directory record announces (zip64 aware), read from
/// the last 64 KiB of the file. `Err` when there is no such record (not a zip, or cut off).
fn count_entries(reader: &mut dyn ReadSeek) -> Result<u64, ImportError> {
    let len = reader.seek(SeekFrom::End(0)).map_err(damaged)?;
    let tail_len = len.min(65_557);
    reader
        .seek(SeekFrom::Start(len - tail_len))
        .map_err(damaged)?;
    let mut tail = Vec::with_capacity(tail_len as usize);
    (&mut *reader)
        .take(tail_len)
        .read_to_end(&mut tail)
        .map_err(damaged)?;
    let Some(at) = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
    else {
        return Err(ImportError::Truncated {
            format: "zip",
            detail: "its directory at the end is missing".to_owned(),
        });
    };
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([tail[i], tail[i + 1]]));
    let entries = u16_at(at + 10);
    if entries != 0xFFFF {
        return Ok(entries);
    }
    // Zip64: the locator sits just before the record and points to the zip64 record.
    let Some(locator) = at.checked_sub(20) else {
        return Ok(entries);
    };
    if !tail[locator..].starts_with(b"PK\x06\x07") {
        return Ok(entries);
    }
    let mut offset = [0u8; 8];
    offset.copy_from_slice(&tail[locator + 8..locator + 16]);
    let offset = u64::from_le_bytes(offset);
    let mut record = [0u8; 40];
    reader
        .seek(SeekFrom::Start(offset))
        .and_then(|_| reader.read_exact(&mut record))
        .map_err(damaged)?;
    if !record.starts_with(b"PK\x06\x06") {
        return Err(damaged("its zip64 directory record is missing"));
    }
    let mut total = [0u8; 8];
    total.copy_from_slice(&record[32..40]);
    Ok(u64::from_le_bytes(total))
}
