//! The case's facts as the letters state them: the frozen platforms and their account ids, and
//! the stays near a screened area (with their dates), which the police and the platforms ask for.

use super::ScriptError;
use super::writer::Writer;
use crate::case::{Location, Platform};
use crate::screening::Relation;

impl Writer<'_> {
    pub(super) fn platform_name(&self, p: Platform) -> Result<String, ScriptError> {
        self.c(&format!("platform_{}", p.id()), &[])
    }

    /// "微信、QQ", or the placeholder when the case names none.
    pub(super) fn platforms(&self) -> Result<String, ScriptError> {
        let names = self
            .input
            .case
            .platforms
            .iter()
            .map(|p| self.platform_name(*p))
            .collect::<Result<Vec<_>, _>>()?;
        if names.is_empty() {
            return self.c("ph_platforms", &[]);
        }
        Ok(names.join(&self.c("list_sep", &[])?))
    }

    /// The account label and id a platform is known by, if any.
    pub(super) fn account_id(&self, p: Platform) -> Result<Option<(String, String)>, ScriptError> {
        Ok(match p {
            Platform::Wechat => Some((self.c("label_wechat_id", &[])?, self.wechat_id()?)),
            Platform::Qq => Some((self.c("label_qq", &[])?, self.qq()?)),
            Platform::Alipay | Platform::Phone => {
                Some((self.c("label_phone", &[])?, self.phone()?))
            }
            _ => None,
        })
    }

    /// "QQ号：123；微信号：abc" for the case's WeChat and QQ accounts (placeholders when blank).
    pub(super) fn account_ids(&self) -> Result<String, ScriptError> {
        let mut parts = Vec::new();
        for p in &self.input.case.platforms {
            if matches!(p, Platform::Wechat | Platform::Qq)
                && let Some((label, value)) = self.account_id(*p)?
            {
                parts.push(self.c("account_id", &[("label", &label), ("value", &value)])?);
            }
        }
        if parts.is_empty() {
            let label = self.c("label_qq", &[])?;
            parts.push(self.c("account_id", &[("label", &label), ("value", &self.qq()?)])?);
        }
        Ok(parts.join(&self.c("account_id_sep", &[])?))
    }

    pub(super) fn account_line(&self, p: Platform) -> Result<String, ScriptError> {
        let platform = self.platform_name(p)?;
        let frozen_on = self.frozen_on()?;
        match self.account_id(p)? {
            Some((label, value)) => self.c(
                "account_line",
                &[
                    ("platform", &platform),
                    ("label", &label),
                    ("value", &value),
                    ("frozen_on", &frozen_on),
                ],
            ),
            None => self.c(
                "account_line_plain",
                &[("platform", &platform), ("frozen_on", &frozen_on)],
            ),
        }
    }

    pub(super) fn accounts(&self) -> Result<String, ScriptError> {
        let platforms = &self.input.case.platforms;
        if platforms.is_empty() {
            let platform = self.c("ph_platforms", &[])?;
            let frozen_on = self.frozen_on()?;
            return self.c(
                "account_line_plain",
                &[("platform", &platform), ("frozen_on", &frozen_on)],
            );
        }
        let lines = platforms
            .iter()
            .map(|p| self.account_line(*p))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(lines.join("\n"))
    }

    /// The stays the screening put near a border region (any relation but `far`), one line each
    /// with dates, place and reason; or a line saying there is none.
    pub(super) fn visits(&self) -> Result<String, ScriptError> {
        let mut stays: Vec<usize> = self
            .input
            .screening
            .findings
            .iter()
            .filter(|f| f.relation != Relation::Far)
            .map(|f| f.stay)
            .collect();
        stays.sort_unstable();
        stays.dedup();
        let mut lines = Vec::new();
        for index in stays {
            let Some(stay) = self.input.case.stays.get(index) else {
                continue;
            };
            let place = match &stay.location {
                Location::Named(name) => name.clone(),
                Location::Point { lat, lon, .. } => self.c(
                    "stay_point",
                    &[("lat", &format!("{lat:.2}")), ("lon", &format!("{lon:.2}"))],
                )?,
            };
            let reason = self.field(&stay.note, "ph_reason")?;
            let spoken = self.spoken_range(stay.from, stay.to);
            let line = if stay.from == stay.to || spoken.is_some() {
                let date = match spoken {
                    Some(span) if stay.from != stay.to => span,
                    _ => self.date_text(stay.from),
                };
                self.c(
                    "visit_line_day",
                    &[("date", &date), ("place", &place), ("reason", &reason)],
                )?
            } else {
                self.c(
                    "visit_line",
                    &[
                        ("from", &stay.from.to_string()),
                        ("to", &stay.to.to_string()),
                        ("place", &place),
                        ("reason", &reason),
                    ],
                )?
            };
            lines.push(line);
        }
        if lines.is_empty() {
            // No stay entered at all: nothing to assert either way, so a placeholder.
            if self.input.case.stays.is_empty() {
                return self.c("visits_unknown", &[]);
            }
            return self.c("visits_none", &[]);
        }
        Ok(lines.join("\n"))
    }

    pub(super) fn has_border_visit(&self) -> bool {
        self.input
            .screening
            .findings
            .iter()
            .any(|f| f.relation != Relation::Far)
    }
}
