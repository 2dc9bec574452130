//! The `why` sentence of each finding. Never stronger than the evidence: a few kilometres from a
//! region means "your phone may have used the other side's network", never "you were there".

use std::fmt::Write;

use super::finding::{Finding, Relation};
use crate::i18n::Lang;

/// One sentence (or two) saying where the stay was relative to the region, and when.
pub fn why(finding: &Finding, region: &str, lang: Lang) -> String {
    let mut text = String::new();
    let distance = distance_phrase(finding, lang);
    let _ = match (finding.relation, lang) {
        (Relation::Inside, Lang::ZhCn) => write!(text, "该地点位于{region}范围内。"),
        (Relation::Inside, Lang::ZhTw) => write!(text, "該地點位於{region}範圍內。"),
        (Relation::Inside, Lang::En) => write!(text, "This place lies inside {region}."),
        (Relation::BorderZone, Lang::ZhCn) => write!(
            text,
            "距{region}{distance}。这么近时，手机可能连上境外网络或被定位到对面，但这不代表你去过那里。"
        ),
        (Relation::BorderZone, Lang::ZhTw) => write!(
            text,
            "距{region}{distance}。這麼近時，手機可能連上境外網路或被定位到對面，但這不代表你去過那裡。"
        ),
        (Relation::BorderZone, Lang::En) => write!(
            text,
            "{distance} from {region}. This close, a phone may roam onto, or be located on, the other side's network; it does not mean you were there."
        ),
        (Relation::Near, Lang::ZhCn) => {
            write!(
                text,
                "距{region}{distance}，较近，但一般不会被当作在该地区。"
            )
        }
        (Relation::Near, Lang::ZhTw) => {
            write!(
                text,
                "距{region}{distance}，較近，但一般不會被當作在該地區。"
            )
        }
        (Relation::Near, Lang::En) => write!(
            text,
            "{distance} from {region}: near, but not usually taken as being there."
        ),
        (Relation::Far, Lang::ZhCn) => write!(text, "距{region}{distance}，很远。"),
        (Relation::Far, Lang::ZhTw) => write!(text, "距{region}{distance}，很遠。"),
        (Relation::Far, Lang::En) => write!(text, "{distance} from {region}: far away."),
    };
    let window_to = finding.window_to.as_deref().unwrap_or("");
    let _ = match (finding.in_window, lang) {
        (true, Lang::ZhCn) => write!(
            text,
            "停留日期（{}至{}）在该次封停的回溯期（{}至{}）内。",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
        (true, Lang::ZhTw) => write!(
            text,
            "停留日期（{}至{}）在該次封停的回溯期（{}至{}）內。",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
        (true, Lang::En) => write!(
            text,
            " The stay ({} to {}) falls within the freeze's look-back window ({} to {}).",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
        (false, Lang::ZhCn) => write!(
            text,
            "停留日期（{}至{}）不在该次封停的回溯期（{}至{}）内。",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
        (false, Lang::ZhTw) => write!(
            text,
            "停留日期（{}至{}）不在該次封停的回溯期（{}至{}）內。",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
        (false, Lang::En) => write!(
            text,
            " The stay ({} to {}) is outside the freeze's look-back window ({} to {}).",
            finding.stay_from, finding.stay_to, finding.window_from, window_to
        ),
    };
    // The window's length is ours, not the authorities' (events.json `lookback_reason`).
    if let (Ok(from), Some(Ok(to))) = (
        finding.window_from.parse::<jiff::civil::Date>(),
        finding
            .window_to
            .as_deref()
            .map(str::parse::<jiff::civil::Date>),
    ) {
        // Whole days between two dates (`duration_until` cannot fail; `until` links jiff's
        // error formatting into the screening worker).
        let days = from.duration_until(to).as_hours() / 24;
        let _ = match lang {
            Lang::ZhCn => write!(
                text,
                "（官方从未公布回溯多久；回溯期按约{days}天估算，是我们的推断。）"
            ),
            Lang::ZhTw => write!(
                text,
                "（官方從未公布回溯多久；回溯期按約{days}天估算，是我們的推斷。）"
            ),
            Lang::En => write!(
                text,
                " (No look-back period was ever published; about {days} days is our own estimate.)"
            ),
        };
    }
    text
}

/// "约 3 公里" for a point, "0–9 公里（该地点范围内的不同位置）" for a place with an extent.
fn distance_phrase(finding: &Finding, lang: Lang) -> String {
    let near = finding.distance_km;
    let far = finding.distance_max_km;
    if finding.radius_km > 0.0 {
        match lang {
            Lang::ZhCn => format!("{near:.0}–{far:.0} 公里（视在该地点内的具体位置而定）"),
            Lang::ZhTw => format!("{near:.0}–{far:.0} 公里（視在該地點內的具體位置而定）"),
            Lang::En => format!("{near:.0}–{far:.0} km (depending on where in the place you were)"),
        }
    } else {
        match lang {
            Lang::ZhCn | Lang::ZhTw => format!("约 {near:.1} 公里"),
            Lang::En => format!("About {near:.1} km"),
        }
    }
}

/// One short sentence for the first screen of the result: the place, where it lies relative to
/// the region (inside, or a distance range), the dates of the stay and whether they count, e.g.
/// "打洛镇：距小勐拉 0–9 公里，2019-09-03 至 2019-09-05，在封停的回溯期内。". Never stronger than
/// [`why`], which follows it on the page.
pub fn clue(finding: &Finding, region: &str, lang: Lang) -> String {
    let place = finding
        .place
        .clone()
        .unwrap_or_else(|| format!("{:.4}, {:.4}", finding.lat, finding.lon));
    let km = if finding.radius_km > 0.0 {
        format!("{:.0}–{:.0}", finding.distance_km, finding.distance_max_km)
    } else {
        format!("{:.1}", finding.distance_km)
    };
    let (from, to) = (&finding.stay_from, &finding.stay_to);
    let inside = finding.relation == Relation::Inside;
    let when = match (finding.in_window, lang) {
        (true, Lang::ZhCn) => "在封停的回溯期内",
        (true, Lang::ZhTw) => "在封停的回溯期內",
        (true, Lang::En) => "within the freeze's look-back window",
        (false, Lang::ZhCn) => "不在封停的回溯期内",
        (false, Lang::ZhTw) => "不在封停的回溯期內",
        (false, Lang::En) => "outside the freeze's look-back window",
    };
    match (inside, lang) {
        (true, Lang::ZhCn) => format!("{place}：在{region}范围内，{from} 至 {to}，{when}。"),
        (true, Lang::ZhTw) => format!("{place}：在{region}範圍內，{from} 至 {to}，{when}。"),
        (true, Lang::En) => format!("{place}: inside {region}, {from} to {to}, {when}."),
        (false, Lang::ZhCn) => format!("{place}：距{region} {km} 公里，{from} 至 {to}，{when}。"),
        (false, Lang::ZhTw) => format!("{place}：距{region} {km} 公里，{from} 至 {to}，{when}。"),
        (false, Lang::En) => format!("{place}: {km} km from {region}, {from} to {to}, {when}."),
    }
}

/// How sure the sources are, in a few words (for the findings of later events).
fn sureness(confidence: crate::data::Confidence, lang: Lang) -> &'static str {
    use crate::data::Confidence as C;
    match confidence {
        C::Official => lang.pick("官方文件", "官方文件", "an official text"),
        C::Media | C::Single => lang.pick("媒体报道", "媒體報導", "news reports"),
        C::Inferred => lang.pick("我们的推断", "我們的推斷", "our own inference"),
        C::Unverified | C::User => {
            lang.pick("未经核实的报道", "未經核實的報導", "unverified reports")
        }
    }
}

/// `template` with each `{key}` replaced (a few short sentences: one `replace` per key keeps
/// the screening worker smaller than a `format!` per language).
fn put(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// The `why` of a stay in one of a later event's places: where (and, for coordinates, by which
/// gazetteer place), how sure the place is, then the event's own summary, worded as its sources
/// allow, with the stay's and the window's dates filled in.
pub fn place_why(
    finding: &Finding,
    m: &super::places::PlaceMatch<'_>,
    area: &str,
    summary: &str,
    lang: Lang,
) -> String {
    let mut template = String::from(if m.relation == Relation::Inside {
        lang.pick(
            "这次停留在{area}范围内",
            "這次停留在{area}範圍內",
            "This stay is in {area}",
        )
    } else {
        lang.pick(
            "{place}包括{area}，看不出你是否到过{area}",
            "{place}包括{area}，看不出你是否到過{area}",
            "{place} includes {area}; we cannot tell whether you were in {area}",
        )
    });
    let (via, km) = m.via.map_or((String::new(), String::new()), |(p, km)| {
        template.push_str(lang.pick(
            "（按最近的已知地点{via}判断，约 {km} 公里；靠近边界时可能不准）",
            "（按最近的已知地點{via}判斷，約 {km} 公里；靠近邊界時可能不準）",
            " (judged by the nearest place we know, {via}, about {km} km away; near a boundary this may be wrong)",
        ));
        (lang.pick(&p.zh, &p.zh_tw, &p.en).to_owned(), format!("{km:.0}"))
    });
    template.push_str(lang.pick(
        "；把{area}算进这项措施，依据是{sure}。",
        "；把{area}算進這項措施，依據是{sure}。",
        "; that {area} belongs to this measure rests on {sure}. ",
    ));
    template.push_str(summary);
    let wt = finding
        .window_to
        .as_deref()
        .unwrap_or_else(|| lang.pick("今", "今", "now"));
    put(
        &template,
        &[
            ("place", &place_name(finding)),
            ("area", area),
            ("via", &via),
            ("km", &km),
            ("from", &finding.stay_from),
            ("to", &finding.stay_to),
            ("wf", &finding.window_from),
            ("wt", wt),
            ("sure", sureness(finding.region_confidence, lang)),
        ],
    )
}

/// The one-sentence clue of a stay in one of a later event's places.
pub fn place_clue(
    finding: &Finding,
    m: &super::places::PlaceMatch<'_>,
    area: &str,
    lang: Lang,
) -> String {
    let template = if m.relation == Relation::Inside {
        lang.pick(
            "{place}：在{area}，{from} 至 {to}，与一项后来的措施相符（{sure}）。",
            "{place}：在{area}，{from} 至 {to}，與一項後來的措施相符（{sure}）。",
            "{place}: in {area}, {from} to {to}, matches a later measure ({sure}).",
        )
    } else {
        lang.pick(
            "{place}：可能在{area}，{from} 至 {to}，与一项后来的措施相符（{sure}）。",
            "{place}：可能在{area}，{from} 至 {to}，與一項後來的措施相符（{sure}）。",
            "{place}: maybe in {area}, {from} to {to}, matches a later measure ({sure}).",
        )
    };
    put(
        template,
        &[
            ("place", &place_name(finding)),
            ("area", area),
            ("from", &finding.stay_from),
            ("to", &finding.stay_to),
            ("sure", sureness(finding.region_confidence, lang)),
        ],
    )
}

fn place_name(finding: &Finding) -> String {
    finding
        .place
        .clone()
        .unwrap_or_else(|| format!("{:.4}, {:.4}", finding.lat, finding.lon))
}
