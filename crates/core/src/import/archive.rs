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

use super::stays::Collector;
use super::{ImportError, Limits, ReadSeek, Sniffed, json, photo, read_prefix, sniff, xml};

/// What a zip gave.
pub(crate) struct ZipOutcome {
    pub used: usize,
    pub skipped: usize,
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
) -> Result<ZipOutcome, ImportError> {
    let entries = count_entries(reader)?;
    if entries > limits.max_zip_entries as u64 {
        return Err(bomb(format!(
            "holds {entries} files, more than the {} this app opens",
            limits.max_zip_entries
        )));
    }
    reader.seek(SeekFrom::Start(0)).map_err(damaged)?;
    let mut archive = zip::ZipArchive::new(&mut *reader).map_err(|e| match e {
        zip::result::ZipError::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            ImportError::Truncated {
                format: "zip",
                detail: io.to_string(),
            }
        }
        other => damaged(other),
    })?;
    if archive.len() > limits.max_zip_entries {
        return Err(bomb(format!(
            "holds {} files, more than the {} this app opens",
            archive.len(),
            limits.max_zip_entries
        )));
    }
    let mut unpacked_total = 0u64;
    let mut outcome = ZipOutcome {
        used: 0,
        skipped: 0,
    };
    for index in 0..archive.len() {
        let file = match archive.by_index(index) {
            Ok(file) => file,
            // Encrypted, or packed with a method other than deflate: not a Takeout file.
            Err(zip::result::ZipError::UnsupportedArchive(_)) => {
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
        let result = parse_entry(&mut guard, limits, sink);
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
    if outcome.used == 0 {
        return Err(ImportError::NothingInZip);
    }
    Ok(outcome)
}

fn parse_entry(
    entry: &mut dyn Read,
    limits: &Limits,
    sink: &mut Collector,
) -> Result<(), ImportError> {
    let prefix = read_prefix(entry).map_err(|e| ImportError::Read(e.to_string()))?;
    let mut whole = Cursor::new(prefix.clone()).chain(entry);
    match sniff(&prefix) {
        Sniffed::Json => json::parse(&mut whole, sink).map(drop),
        Sniffed::Xml => xml::parse(&mut whole, sink).map(drop),
        Sniffed::Photo => {
            let mut bytes = Vec::new();
            whole
                .take(limits.max_photo_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| ImportError::Read(e.to_string()))?;
            if bytes.len() as u64 > limits.max_photo_bytes {
                return Err(ImportError::TooLarge {
                    limit_mb: limits.max_photo_bytes >> 20,
                });
            }
            photo::parse(&mut Cursor::new(bytes), sink)
        }
        // Nested zips are not opened (that is how recursive zip bombs work).
        // Tables (bills) are read as files of their own, where the gazetteer is at hand.
        Sniffed::Zip | Sniffed::Text | Sniffed::Unknown => Err(ImportError::NotRecognized),
    }
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
