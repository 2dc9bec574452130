//! `prescreen`: the Appeal Pre-Screener on the command line, for people who help many others,
//! and for tests. JSON in, JSON out; exit 0 on success, 2 on invalid input with a one-line
//! message naming the field, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod import_cmd;
mod script_cmd;
use prescreen_core::case::CaseFile;
use prescreen_core::classify::classify;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{Screening, check};

#[derive(Parser)]
#[command(
    name = "prescreen",
    version,
    about = "Screen a frozen-account case: was it probably the border-area freeze, or something else?"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen a case file's stays against the freeze events and print the result.
    Check {
        /// The case file (JSON, version 1; see DESIGN.md).
        case: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of the `why` sentences: zh-CN, zh-TW or en.
        #[arg(long, default_value = "zh-CN")]
        lang: String,
    },
    /// Classify a freeze message: the probable cause and who can lift it.
    Classify {
        /// The text shown on the block screen or in the SMS (any part of it).
        #[arg(long)]
        message: String,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(long, default_value = "zh-CN")]
        lang: String,
    },
    /// Write the call script or a letter for a case: what to say or send.
    Script {
        /// The case file (JSON, version 1).
        case: PathBuf,
        /// hotline, platform-appeal, pi-access or game-decouple.
        #[arg(long)]
        kind: String,
        #[arg(long, default_value = "zh-CN")]
        lang: String,
        /// China time for "open now", e.g. 2019-10-16T09:30 (default: no opening-hours check).
        #[arg(long)]
        now: Option<String>,
        /// A phone number copied from your own block screen or notice (repeatable).
        #[arg(long = "number")]
        numbers: Vec<String>,
    },
    /// Look a place up in the gazetteer: what a name resolves to, and the candidates.
    Places {
        /// A place name (Chinese, pinyin or English) or an address ("云南省大理市").
        query: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// How many candidates to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Import location-history files and photos as a case file with the stays found.
    ///
    /// Also reads WeChat Pay and Alipay bills (CSV or XLSX as e-mailed, or an unlocked zip of
    /// one; a zip locked with a password must be unzipped first): a shop whose name names a place
    /// gives a day there. Huawei Health's data download: `motion path detail data.json` (or an
    /// unlocked zip holding it): the track points of workouts recorded with GPS. And flight lists in this
    /// documented CSV layout (航旅纵横 has no export of its own; save its trip list in it): a
    /// header with 日期, 航班号, 出发城市, 出发时间, 到达城市, 到达时间 (optional 客票状态), one
    /// flight a row. 12306 has no trip export that this reads: type train trips by hand.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(output) => {
            // A closed pipe (`prescreen check … | head`) is not an error worth a panic.
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{output}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("prescreen: could not write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("prescreen: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command; an `Err` is the one-line message for stderr.
fn run(command: Command) -> Result<String, String> {
    match command {
        Command::Check { case, format, lang } => {
            let lang = parse_lang(&lang)?;
            let text = read_text(&case)?;
            let case = CaseFile::from_json(&text)
                .and_then(|file| file.validate())
                .map_err(|e| e.to_string())?;
            let data = shipped_data()?;
            let screening = check(&case, &data, lang).map_err(|e| e.to_string())?;
            Ok(match format {
                Format::Json => serde_json::to_string_pretty(&screening)
                    .map_err(|e| format!("could not write the result: {e}"))?,
                Format::Text => as_text(&screening),
            })
        }
        Command::Classify {
            message,
            format,
            lang,
        } => {
            let lang = parse_lang(&lang)?;
            let data = shipped_data()?;
            let messages = data
                .messages()
                .ok_or("the message patterns are missing from this build")?;
            let result = classify(messages, &message, lang);
            Ok(match format {
                Format::Json => serde_json::to_string_pretty(&result)
                    .map_err(|e| format!("could not write the result: {e}"))?,
                Format::Text => format!(
                    "cause: {}  ({})\n{}\n{}",
                    result.cause, result.label, result.explanation, result.next_step
                ),
            })
        }
        Command::Script {
            case,
            kind,
            lang,
            now,
            numbers,
        } => script_cmd::run(&case, &kind, &lang, now.as_deref(), &numbers),
        Command::Places {
            query,
            format,
            limit,
        } => places_cmd(&query, format, limit),
        // The case file is JSON; --format is accepted for symmetry with the other commands.
        Command::Import { files, format: _ } => import_cmd::run(&files),
    }
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code)
        .ok_or_else(|| format!("--lang: unknown language {code:?}; use zh-CN, zh-TW or en"))
}

/// The data compiled into the binary (so it works anywhere); a failure here is a build
/// problem, not the user's.
pub(crate) fn shipped_data() -> Result<DataSet, String> {
    DataSet::load(&SHIPPED).map_err(|e| format!("the built-in data does not load ({e})"))
}

/// The largest case file read (the same cap as the app's). A case file of 10,000 stays is under
/// 1 MiB; without a cap a 1 GB file (or /dev/zero) would be read whole into memory first.
const MAX_CASE_BYTES: u64 = prescreen_core::case::MAX_CASE_FILE_BYTES;

pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        format!(
            "{}: cannot read the case file ({e}); check the path and that it is UTF-8 JSON",
            path.display()
        )
    };
    let too_large = || {
        format!(
            "{}: the case file is larger than {} MiB; a case file lists stays by hand (10,000 stays fit in 1 MiB), so check that this is the right file",
            path.display(),
            MAX_CASE_BYTES / (1024 * 1024)
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The size on disk, when there is one, refuses a huge file before reading a byte of it.
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_CASE_BYTES)
    {
        return Err(too_large());
    }
    // Devices and pipes have no size: read at most one byte past the cap.
    let mut bytes = Vec::new();
    file.take(MAX_CASE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_CASE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: cannot read the case file (stream did not contain valid UTF-8); check the path and that it is UTF-8 JSON",
            path.display()
        )
    })
}

fn as_text(screening: &Screening) -> String {
    let mut lines = vec![format!(
        "verdict: {}  cause: {:?} (confidence {:.1})  data: {}",
        screening.verdict.id(),
        screening.cause.kind,
        screening.cause.confidence,
        screening.data_version
    )];
    lines.push(screening.headline.clone());
    lines.extend(screening.border_line.iter().cloned());
    if let Some(triage) = &screening.triage {
        lines.push(triage.next_step.clone());
    }
    lines.extend(screening.explanation.iter().cloned());
    for finding in &screening.findings {
        lines.push(format!(
            "stay {} → {} {:?} {:.1} km: {}",
            finding.stay, finding.region, finding.relation, finding.distance_km, finding.why
        ));
    }
    if !screening.documents.is_empty() {
        let kinds: Vec<String> = screening
            .documents
            .iter()
            .map(|d| format!("{} (to {})", d.kind, d.to))
            .collect();
        lines.push(format!("documents: {}", kinds.join(", ")));
    }
    lines.join("\n")
}

/// One gazetteer candidate as `prescreen places` prints it.
#[derive(serde::Serialize)]
struct Candidate<'a> {
    id: &'a str,
    zh: &'a str,
    zh_tw: &'a str,
    pinyin: &'a str,
    en: &'a str,
    admin: &'a str,
    country: &'a str,
    kind: &'a str,
    lat: f64,
    lon: f64,
    radius_km: f64,
    confidence: prescreen_core::data::Confidence,
    source: &'a str,
}

/// `prescreen places QUERY`: what the name resolves to (or why not) and the candidates.
fn places_cmd(query: &str, format: Format, limit: usize) -> Result<String, String> {
    if query.trim().is_empty() {
        return Err("places: the query is empty; give a place name, pinyin or an address".into());
    }
    let data = DataSet::load(&SHIPPED.without_guidance())
        .map_err(|e| format!("the built-in data does not load ({e})"))?;
    let g = &data.gazetteer;
    let resolved = g.resolve("query", query);
    let mut list: Vec<&prescreen_core::data::Place> = Vec::new();
    if let Ok(p) = &resolved {
        list.push(p);
    }
    for p in g.search(query, limit) {
        if list.len() >= limit.max(1) {
            break;
        }
        if !list.iter().any(|q| q.id == p.id) {
            list.push(p);
        }
    }
    let candidates: Vec<Candidate> = list
        .iter()
        .map(|p| Candidate {
            id: &p.id,
            zh: &p.zh,
            zh_tw: &p.zh_tw,
            pinyin: &p.pinyin,
            en: &p.en,
            admin: &p.admin,
            country: &p.country,
            kind: &p.kind,
            lat: p.lat,
            lon: p.lon,
            radius_km: p.radius_km,
            confidence: p.confidence,
            source: p.sources.first().map_or("", |s| s.url.as_str()),
        })
        .collect();
    let error = resolved.as_ref().err().map(|e| e.to_string());
    let resolved_id = resolved.as_ref().ok().map(|p| p.id.as_str());
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({
            "query": query,
            "resolved": resolved_id,
            "error": error,
            "candidates": candidates,
        }))
        .map_err(|e| format!("could not write the result: {e}"))?,
        Format::Text => {
            let mut out = String::new();
            match (&resolved_id, &error) {
                (Some(id), _) => out.push_str(&format!("resolves to {id}\n")),
                (None, Some(e)) => out.push_str(&format!("{e}\n")),
                _ => {}
            }
            for c in &candidates {
                out.push_str(&format!(
                    "{}  {} ({}, {})  {:.4},{:.4} ±{} km  {:?}  {}\n",
                    c.id,
                    c.zh,
                    c.admin,
                    c.country,
                    c.lat,
                    c.lon,
                    c.radius_km,
                    c.confidence,
                    c.source
                ));
            }
            out.trim_end().to_owned()
        }
    })
}
