//! WeChat Pay and Alipay bills (CSV, or XLSX through `xlsx`) → days at the places their merchants' names name.
//!
//! ## The files, as the apps write them
//!
//! - **WeChat Pay** (微信 → 我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单, sent by e-mail): UTF-8
//!   with a byte-order mark; 16 lines of header ("微信支付账单明细", nickname, 起始时间 …, a
//!   "----微信支付账单明细列表----" line), then the columns
//!   `交易时间, 交易类型, 交易对方, 商品, 收/支, 金额(元), 支付方式, 当前状态, 交易单号, 商户单号, 备注`;
//!   order numbers end with a tab. Newer bills come as XLSX (the same rows in "Sheet1") inside a
//!   zip locked with a password that WeChat Pay sends in a message: the .xlsx is read by
//!   `xlsx`, whose rows come here like a CSV's; a locked zip is refused with a message saying to
//!   unzip it first.
//! - **Alipay** (支付宝 → 我的 → 账单 → … → 开具交易流水证明 → 用于个人对账, sent by e-mail), GBK:
//!   about 24 lines of header (导出信息, 起始时间, 特别提示 1.–9., a "----支付宝（中国）网络技术有限公司
//!   电子客户回单----" line), then `交易时间, 交易分类, 交易对方, 对方账号, 商品说明, 收/支, 金额,
//!   收/付款方式, 交易状态, 交易订单号, 商家订单号, 备注,` — cells padded with spaces, a trailing
//!   comma. The older web export ("支付宝交易记录明细查询") has `交易号, 商家订单号, 交易创建时间,
//!   付款时间, 最近修改时间, 交易来源地, 类型, 交易对方, 商品名称, 金额（元）, 收/支, 交易状态,
//!   服务费（元）, 成功退款（元）, 备注, 资金状态` and a footer; both are read.
//!
//! Sources for the layouts (no official specification is published): the sample files and the
//! Alipay provider (which opens the file as GBK) of double-entry-generator,
//! https://github.com/deb-sig/double-entry-generator (`example/wechat/example-wechat-records.csv`,
//! `example/alipay/example-alipay-records.csv`, `pkg/provider/alipay/alipay.go`); the older Alipay
//! columns as several public bookkeeping importers list them. Confidence: medium for WeChat and
//! the new Alipay layout, weak–medium for the old one; see data/research/chinese-exports.md.
//!
//! ## What is kept
//!
//! Only days at places. Amounts, counterparties, goods, order numbers and payment methods are
//! read one row at a time and dropped: a counterparty is looked up in the gazetteer (by
//! [`Matcher`], which remembers answers by a hash, not the name) and only the place it names, if
//! any, and the day are handed to the collector. Rows that are not purchases in a shop (transfers,
//! red packets, top-ups, refunds, investments, repayments) and rows whose status says the payment
//! did not happen are skipped: their counterparty is a person or a fund, not a place.

use super::ImportError;
use super::csv::{RowSource, china_time};
use super::names::{Match, Matcher};
use super::stays::Collector;

/// Which bill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Bill {
    WeChat,
    Alipay,
}

impl Bill {
    pub fn name(self) -> &'static str {
        match self {
            Bill::WeChat => "WeChat Pay bill",
            Bill::Alipay => "Alipay bill",
        }
    }
}

/// Where the columns a bill needs are.
pub(crate) struct Columns {
    time: usize,
    kind: Option<usize>,
    counterparty: usize,
    status: Option<usize>,
    /// Cells a row needs to reach every column used.
    needed: usize,
}

/// The bill a header row starts, if it is one: WeChat's or Alipay's (new or old).
pub(crate) fn header(cells: &[String]) -> Option<(Bill, Columns)> {
    let at = |name: &str| cells.iter().position(|c| c == name);
    let counterparty = at("交易对方")?;
    let (bill, time, kind, status) = if let Some(time) = at("交易时间") {
        if at("交易分类").is_some() || at("收/付款方式").is_some() {
            (Bill::Alipay, time, at("交易分类"), at("交易状态"))
        } else {
            (Bill::WeChat, time, at("交易类型"), at("当前状态"))
        }
    } else {
        let time = at("付款时间").or(at("交易创建时间"))?;
        (Bill::Alipay, time, at("类型"), at("交易状态"))
    };
    let needed = [Some(time), kind, Some(counterparty), status]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
        + 1;
    Some((
        bill,
        Columns {
            time,
            kind,
            counterparty,
            status,
            needed,
        },
    ))
}

/// Kinds of row whose counterparty is a person, a bank or a fund: never a place one went to.
const NOT_A_SHOP: [&str; 17] = [
    "转账",
    "红包",
    "提现",
    "充值",
    "理财",
    "还款",
    "退款",
    "零钱通",
    "余额宝",
    "亲属卡",
    "亲情卡",
    "亲友代付",
    "赞赏",
    "收款",
    "信用借还",
    "投资",
    "缴费",
];

/// Statuses of payments that did not happen.
const NOT_PAID: [&str; 4] = ["关闭", "失败", "已退", "撤销"];

/// What a bill gave, for the summary.
#[derive(Debug, Default)]
pub(crate) struct BillCounts {
    pub rows: u64,
    pub placed: u64,
    pub unsure: u64,
}

/// Reads the rows after the header into `sink`.
pub(crate) fn rows(
    rows: &mut dyn RowSource,
    bill: Bill,
    cols: &Columns,
    matcher: &mut Matcher<'_>,
    sink: &mut Collector,
) -> Result<BillCounts, ImportError> {
    let mut counts = BillCounts::default();
    while let Some(cells) = rows.next_row()? {
        // The old Alipay export ends with a line of dashes and a footer ("共25笔记录", "已收入:0笔,
        // 0.00元" …): the rows are over.
        if cells.first().is_some_and(|c| c.starts_with("---")) {
            break;
        }
        if cells.iter().filter(|c| !c.is_empty()).count() <= 1 {
            continue;
        }
        if cells.len() < cols.needed {
            return Err(ImportError::Malformed {
                format: bill.name(),
                detail: format!(
                    "row {} has {} cells, the header has at least {}; export the bill again and do not edit it",
                    rows.line_no(),
                    cells.len(),
                    cols.needed
                ),
            });
        }
        counts.rows += 1;
        let Some(at) = china_time(&cells[cols.time]) else {
            return Err(ImportError::Malformed {
                format: bill.name(),
                detail: format!(
                    "row {}: the time {:?} is not a date and time like 2019-09-04 12:45:27",
                    rows.line_no(),
                    cells[cols.time]
                ),
            });
        };
        let kind = cols.kind.map_or("", |k| cells[k].as_str());
        let status = cols.status.map_or("", |s| cells[s].as_str());
        if NOT_A_SHOP.iter().any(|w| kind.contains(w))
            || NOT_PAID.iter().any(|w| status.contains(w))
        {
            continue;
        }
        match matcher.merchant(&cells[cols.counterparty]) {
            Match::One(lat, lon, _) => {
                counts.placed += 1;
                sink.point(lat, lon, at);
            }
            Match::Ambiguous(candidates) => {
                counts.unsure += 1;
                sink.unsure(candidates, at);
            }
            Match::Leading(candidates, points) => {
                counts.unsure += 1;
                sink.unsure_leading(candidates, points, at);
            }
            Match::None => {}
        }
    }
    Ok(counts)
}
