//! Schema of the guidance data: `messages.json` (block-screen texts → cause), `channels.json`
//! (who decides and how to reach them) and `legal.json` (articles quoted in letters).
//!
//! The three files are built from hand-written, sourced inputs in `data/guidance/` by
//! `cargo run -p prescreen-core --example build_guidance`, which reads them through these types,
//! runs [`validate`] and pretty-prints them into `static/data/`.
//!
//! # Matching a freeze message
//!
//! A [`MessagePattern`] matches a text when **any** of its [`MatchRule`]s matches; a rule matches
//! when the [normalised](normalise) text contains **every** phrase of `all_of` and **none** of
//! `none_of`. Phrases are stored already normalised (simplified characters, no spaces, no
//! punctuation, ASCII lower-case), so the engine normalises the user's text once and tests
//! substrings. When several patterns match, the one with the highest `weight` is the best guess;
//! `also_possible` lists the other causes the same words were seen with.
//!
//! ```
//! use prescreen_core::data_guidance::normalise;
//! assert_eq!(normalise("該帳號因使用非官方QQ客戶端被暫時 凍結！"), "该账号因使用非官方qq客户端被暂时冻结");
//! assert_eq!(normalise("(错误码：45)"), "错误码45");
//! ```
//!
//! Every record that states a fact carries at least one [`Source`] and a [`Confidence`]; a contact
//! detail (number, e-mail, address, URL) carries its own, and is absent when no source gives it.

use serde::{Deserialize, Serialize};

pub use crate::data::{Confidence, Source};

/// What probably caused the block the user saw. The same list as the CLI's `cause.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// An area-based anti-fraud freeze ordered by the authorities (2019-10-14 China–Myanmar border).
    BorderAreaFreeze,
    /// The platform's own rules: bots, unofficial clients, reports, content.
    PlatformViolation,
    /// The platform's risk control or theft protection: unusual device, network or login.
    AccountSecurity,
    /// Money frozen or stopped on an authority's order (police, court), not by the platform alone.
    FundsFrozenByAuthority,
    /// The bank's or payment company's own risk control (ATFL Art. 18): non-counter business
    /// suspended, 只收不付, "come to a branch to verify". The bank decides and lifts it after a check.
    BankRiskControl,
    /// 断卡 / joint sanctions: cards or accounts suspected of being sold, rented or lent.
    CardTradingSanction,
    /// A phone number restricted or suspended by the carrier's anti-fraud check.
    PhoneNumberFlagged,
    /// Looks like a penalty but is not one on the user's account (policy block, limit, payee warning).
    NotAFreeze,
    /// Nothing recognisable.
    Unknown,
}

impl Cause {
    /// Every cause, in declaration order.
    pub const ALL: [Cause; 9] = [
        Cause::BorderAreaFreeze,
        Cause::PlatformViolation,
        Cause::AccountSecurity,
        Cause::FundsFrozenByAuthority,
        Cause::BankRiskControl,
        Cause::CardTradingSanction,
        Cause::PhoneNumberFlagged,
        Cause::NotAFreeze,
        Cause::Unknown,
    ];

    /// The snake_case id used in the data files and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::BorderAreaFreeze => "border_area_freeze",
            Cause::PlatformViolation => "platform_violation",
            Cause::AccountSecurity => "account_security",
            Cause::FundsFrozenByAuthority => "funds_frozen_by_authority",
            Cause::BankRiskControl => "bank_risk_control",
            Cause::CardTradingSanction => "card_trading_sanction",
            Cause::PhoneNumberFlagged => "phone_number_flagged",
            Cause::NotAFreeze => "not_a_freeze",
            Cause::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The services a pattern is seen on; the case file's `platforms` ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Wechat,
    Qq,
    Alipay,
    Bank,
    Phone,
    Game,
    Other,
}

/// One text in the three UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    #[serde(rename = "zh-TW")]
    pub zh_tw: String,
    pub en: String,
}

impl Localized {
    /// The text for a UI language code (`zh-CN`, `zh-TW`, anything else → English).
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "zh-CN" | "zh" | "zh-Hans" => &self.zh_cn,
            "zh-TW" | "zh-HK" | "zh-Hant" => &self.zh_tw,
            _ => &self.en,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// messages.json
// ---------------------------------------------------------------------------------------------

/// `messages.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagesFile {
    pub data_version: String,
    pub licence: String,
    pub patterns: Vec<MessagePattern>,
    /// What to do for each cause (one record per cause): who decides, what to bring, how long,
    /// the next step, the law and the channels. Absent in files made before 2026-12.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triage: Vec<Triage>,
}

/// What to do about one cause, every statement with its sources and confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triage {
    pub cause: Cause,
    /// Who can lift the measure (and who only carries it out).
    pub who_decides: Note,
    /// What to bring or ask for, most important first.
    #[serde(default)]
    pub what_to_bring: Vec<Note>,
    /// How long the measure lasts or its lifting takes; only where a source states it (empty:
    /// no source gives a time, and the page must not guess one).
    #[serde(default)]
    pub usual_time: Vec<Note>,
    /// What to do first.
    pub next_step: Note,
    /// Ids in `legal.json`: the articles the measure rests on and the ones a letter may cite.
    pub legal_basis: Vec<String>,
    /// Ids in `channels.json`, most useful first.
    pub channels: Vec<String>,
    /// The documents (CLI `script --kind` values) that fit this cause, most useful first.
    #[serde(default)]
    pub documents: Vec<String>,
    /// What this advice cannot say or do, what is unverified, and what not to do.
    #[serde(default)]
    pub limits: Vec<Note>,
}

impl MessagesFile {
    /// The triage record for a cause, when the file has one.
    pub fn triage(&self, cause: Cause) -> Option<&Triage> {
        self.triage.iter().find(|t| t.cause == cause)
    }
}

/// The document kinds of the CLI contract (`prescreen script --kind`, DESIGN.md).
pub const DOCUMENT_KINDS: [&str; 12] = [
    "hotline",
    "platform-appeal",
    "pi-access",
    "game-decouple",
    "bank-counter",
    "carrier-counter",
    "call-96110",
    "police-inquiry",
    "human-review",
    "complaint-12300",
    "complaint-12378",
    "follow-up",
];

/// A kind of block-screen / SMS text, what it usually means and who can lift it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagePattern {
    pub id: String,
    /// The usual cause when this pattern is the best match.
    pub cause: Cause,
    /// Other causes the same words have been seen with (the stated reason does not always match
    /// the trigger).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_possible: Vec<Cause>,
    /// Where the text is shown. A hint for ranking, not a condition of the match.
    pub platforms: Vec<Platform>,
    /// The pattern matches when any rule matches.
    pub rules: Vec<MatchRule>,
    /// Higher wins when several patterns match (0–100).
    pub weight: u32,
    /// A short name for the kind of message.
    pub label: Localized,
    /// What the message usually means, honestly, with its uncertainty.
    pub explanation: Localized,
    /// What to do first.
    pub next_step: Localized,
    /// Real texts (from the corpus in ../shared/data/messages-real.tsv and the 2019 reports).
    #[serde(default)]
    pub examples: Vec<MessageExample>,
    /// Ids in `channels.json`, most useful first.
    pub channels: Vec<String>,
    /// Ids in `legal.json` a letter about this kind of block may cite.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// Matches when the normalised text contains every `all_of` phrase and no `none_of` phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchRule {
    pub all_of: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

impl MatchRule {
    /// Whether the rule matches an already [normalised](normalise) text.
    pub fn matches(&self, normalised: &str) -> bool {
        !self.all_of.is_empty()
            && self.all_of.iter().all(|p| normalised.contains(p.as_str()))
            && !self.none_of.iter().any(|p| normalised.contains(p.as_str()))
    }
}

impl MessagePattern {
    /// Whether any rule matches an already [normalised](normalise) text.
    pub fn matches(&self, normalised: &str) -> bool {
        self.rules.iter().any(|r| r.matches(normalised))
    }
}

impl MessagesFile {
    /// The patterns that match `text` (normalised here), best first: highest weight, then file
    /// order.
    pub fn matching(&self, text: &str) -> Vec<&MessagePattern> {
        let n = normalise(text);
        let mut hits: Vec<(usize, &MessagePattern)> = self
            .patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.matches(&n))
            .collect();
        hits.sort_by(|(ia, a), (ib, b)| b.weight.cmp(&a.weight).then(ia.cmp(ib)));
        hits.into_iter().map(|(_, p)| p).collect()
    }
}

/// A real text of this kind, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageExample {
    /// The text exactly as in the source (or its paraphrase when `verbatim` is false).
    pub text: String,
    /// The service as the source names it (`WeChat`, `QQ`, `WeChat Pay` …).
    pub platform: String,
    pub verbatim: bool,
    /// The row id in ../shared/data/messages-real.tsv, when it comes from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus_id: Option<u32>,
    /// When it was seen (ISO date, or as precise as the source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The page that shows it; absent only when the corpus did not record one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What actually caused it, as the source reports.
    pub reported_cause: String,
}

// ---------------------------------------------------------------------------------------------
// channels.json
// ---------------------------------------------------------------------------------------------

/// `channels.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    pub data_version: String,
    pub licence: String,
    pub channels: Vec<Channel>,
}

impl ChannelsFile {
    /// The channel with this id.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }
}

/// How a channel is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    Phone,
    Web,
    App,
    Email,
    Post,
    InPerson,
}

/// Who to contact, what they can decide, and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    pub name: Localized,
    /// The main way in; `contacts` may offer others.
    pub how: How,
    /// What this channel can decide.
    pub decides: Localized,
    #[serde(default)]
    pub handles: Vec<Localized>,
    #[serde(default)]
    pub does_not_handle: Vec<Localized>,
    /// True for lines that warn, advise or take reports but cannot lift a freeze.
    #[serde(default)]
    pub does_not_unfreeze: bool,
    /// True when the numbers are not shipped: the user copies them from their own block screen or
    /// notice; `numbers_from_user_why` says why.
    #[serde(default)]
    pub numbers_from_user: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers_from_user_why: Option<Localized>,
    /// Phone numbers, e-mail, postal address, web pages: each with its own source.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    /// What the channel asks the caller for (case-file fields), when a source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asks_for: Option<AsksFor>,
    /// Further sourced facts: time limits, caveats, what happened to others.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// ISO date the sources were last read.
    pub checked_on: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// The kind of a contact detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Phone,
    Web,
    Email,
    Post,
    App,
}

/// One contact detail, exactly as its source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Localized>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// Opening hours: on `days`, during each of `ranges`, in time zone `tz`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// `mon` … `sun`.
    pub days: Vec<String>,
    pub ranges: Vec<TimeRange>,
    /// IANA zone, `Asia/Shanghai`.
    pub tz: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// `HH:MM`–`HH:MM`, local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    pub from: String,
    pub to: String,
}

/// What using the channel costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// `free`, or a short code for what is charged.
    pub value: String,
    pub text: Localized,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// The facts a channel asks for: case-file fields (`name`, `id_number`, `wechat_id`, `qq`,
/// `phone`) and `border_visit` (when the person was near the border, and why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsksFor {
    pub fields: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// A sourced statement about a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: Localized,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

// ---------------------------------------------------------------------------------------------
// legal.json
// ---------------------------------------------------------------------------------------------

/// `legal.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalFile {
    pub data_version: String,
    pub licence: String,
    pub laws: Vec<Law>,
    pub articles: Vec<Article>,
}

impl LegalFile {
    /// The article with this id (`atfl-32`).
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The law with this id (`atfl`).
    pub fn law(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.id == id)
    }
}

impl Article {
    /// The paragraphs letters quote: the `cited` ones, or all when none is singled out.
    pub fn cited_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| self.cited.is_empty() || self.cited.contains(&p.number))
    }
}

/// A law or regulation the letters cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// `atfl`, `pipl`, `telecom-reg`, `nbpi-reg`, `joint-sanctions`.
    pub id: String,
    pub name: Localized,
    /// ISO date it took effect.
    pub in_force: String,
    pub url: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// One article, with the paragraphs (款) letters quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// `atfl-32`.
    pub id: String,
    /// A [`Law`] id.
    pub law: String,
    pub article: u32,
    /// `第三十二条`.
    pub article_zh: String,
    /// The article's paragraphs, numbered from 1; the text is verbatim when `verbatim` is true.
    pub paragraphs: Vec<Paragraph>,
    /// The paragraph numbers letters cite (empty: the whole article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<u32>,
    /// False when the official text was not found and `paragraphs` hold a report's description.
    pub verbatim: bool,
    /// Our own short summary, not an official translation.
    pub our_summary: Localized,
    pub in_force: String,
    pub url: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// A paragraph (款) of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub number: u32,
    pub text_zh: String,
}

// ---------------------------------------------------------------------------------------------
// Normalising a message
// ---------------------------------------------------------------------------------------------

/// Traditional (and variant) characters → the simplified form the patterns use, sorted by the
/// traditional character. Covers the traditional forms of every character in a pattern phrase
/// (generated with the zhconv tables, then 帐/帳/賬 → 账 added by hand).
#[rustfmt::skip]
const TRAD_TO_SIMP: &[(char, char)] = &[
    ('乾', '干'), ('亂', '乱'), ('亞', '亚'), ('佈', '布'), ('來', '来'), ('係', '系'), ('俠', '侠'), ('倉', '仓'),
    ('個', '个'), ('們', '们'), ('倫', '伦'), ('側', '侧'), ('偵', '侦'), ('偽', '伪'), ('備', '备'), ('傭', '佣'),
    ('傳', '传'), ('傷', '伤'), ('僅', '仅'), ('僞', '伪'), ('價', '价'), ('儀', '仪'), ('億', '亿'), ('儘', '尽'),
    ('優', '优'), ('儲', '储'), ('兒', '儿'), ('內', '内'), ('兩', '两'), ('冊', '册'), ('凃', '涂'), ('凍', '冻'),
    ('凱', '凯'), ('別', '别'), ('刪', '删'), ('則', '则'), ('剛', '刚'), ('創', '创'), ('劃', '划'), ('劇', '剧'),
    ('劍', '剑'), ('劑', '剂'), ('勁', '劲'), ('動', '动'), ('務', '务'), ('勞', '劳'), ('勢', '势'), ('勳', '勋'),
    ('勵', '励'), ('勸', '劝'), ('匯', '汇'), ('區', '区'), ('協', '协'), ('卻', '却'), ('厲', '厉'), ('參', '参'),
    ('吳', '吴'), ('員', '员'), ('問', '问'), ('啓', '启'), ('啞', '哑'), ('啟', '启'), ('喚', '唤'), ('喪', '丧'),
    ('喬', '乔'), ('單', '单'), ('嗎', '吗'), ('嘆', '叹'), ('嘗', '尝'), ('嘩', '哗'), ('嚇', '吓'), ('嚴', '严'),
    ('國', '国'), ('圍', '围'), ('園', '园'), ('圓', '圆'), ('圖', '图'), ('執', '执'), ('堅', '坚'), ('報', '报'),
    ('場', '场'), ('塊', '块'), ('塗', '涂'), ('塵', '尘'), ('墊', '垫'), ('墜', '坠'), ('墳', '坟'), ('壇', '坛'),
    ('壓', '压'), ('壘', '垒'), ('壞', '坏'), ('壯', '壮'), ('夠', '够'), ('夢', '梦'), ('夾', '夹'), ('奧', '奥'),
    ('奪', '夺'), ('奮', '奋'), ('婦', '妇'), ('媽', '妈'), ('嬰', '婴'), ('孫', '孙'), ('學', '学'), ('宮', '宫'),
    ('實', '实'), ('寧', '宁'), ('審', '审'), ('寫', '写'), ('寬', '宽'), ('寶', '宝'), ('將', '将'), ('專', '专'),
    ('尋', '寻'), ('對', '对'), ('導', '导'), ('屆', '届'), ('層', '层'), ('屬', '属'), ('岡', '冈'), ('峯', '峰'),
    ('島', '岛'), ('嶺', '岭'), ('帐', '账'), ('師', '师'), ('帳', '账'), ('帶', '带'), ('幣', '币'), ('幫', '帮'),
    ('幹', '干'), ('幾', '几'), ('庫', '库'), ('廁', '厕'), ('廟', '庙'), ('廠', '厂'), ('廢', '废'), ('廣', '广'),
    ('廳', '厅'), ('張', '张'), ('強', '强'), ('彈', '弹'), ('彙', '汇'), ('後', '后'), ('徑', '径'), ('從', '从'),
    ('復', '复'), ('徵', '征'), ('徹', '彻'), ('悅', '悦'), ('惡', '恶'), ('愛', '爱'), ('態', '态'), ('慘', '惨'),
    ('慣', '惯'), ('慶', '庆'), ('慾', '欲'), ('憑', '凭'), ('憲', '宪'), ('憶', '忆'), ('應', '应'), ('懲', '惩'),
    ('懷', '怀'), ('懸', '悬'), ('戀', '恋'), ('戰', '战'), ('戲', '戏'), ('戶', '户'), ('捨', '舍'), ('掃', '扫'),
    ('掛', '挂'), ('採', '采'), ('揚', '扬'), ('換', '换'), ('揮', '挥'), ('損', '损'), ('搖', '摇'), ('搶', '抢'),
    ('搾', '榨'), ('撥', '拨'), ('撫', '抚'), ('撲', '扑'), ('擁', '拥'), ('擇', '择'), ('擊', '击'), ('擋', '挡'),
    ('擔', '担'), ('據', '据'), ('擬', '拟'), ('擲', '掷'), ('擴', '扩'), ('擺', '摆'), ('擾', '扰'), ('攔', '拦'),
    ('攜', '携'), ('敍', '叙'), ('敗', '败'), ('敘', '叙'), ('敵', '敌'), ('數', '数'), ('斷', '断'), ('於', '于'),
    ('昇', '升'), ('時', '时'), ('暈', '晕'), ('暢', '畅'), ('暫', '暂'), ('曉', '晓'), ('曠', '旷'), ('書', '书'),
    ('會', '会'), ('東', '东'), ('條', '条'), ('棄', '弃'), ('棧', '栈'), ('楊', '杨'), ('業', '业'), ('極', '极'),
    ('構', '构'), ('槍', '枪'), ('樂', '乐'), ('標', '标'), ('樣', '样'), ('樹', '树'), ('橋', '桥'), ('機', '机'),
    ('檢', '检'), ('檯', '台'), ('櫃', '柜'), ('欄', '栏'), ('權', '权'), ('歐', '欧'), ('歡', '欢'), ('歲', '岁'),
    ('歷', '历'), ('歸', '归'), ('殘', '残'), ('殺', '杀'), ('毆', '殴'), ('氣', '气'), ('氫', '氢'), ('決', '决'),
    ('沈', '沉'), ('沒', '没'), ('況', '况'), ('涼', '凉'), ('淚', '泪'), ('淨', '净'), ('減', '减'), ('測', '测'),
    ('渾', '浑'), ('湯', '汤'), ('準', '准'), ('溝', '沟'), ('滅', '灭'), ('滙', '汇'), ('滬', '沪'), ('滯', '滞'),
    ('滿', '满'), ('漢', '汉'), ('潑', '泼'), ('潔', '洁'), ('澤', '泽'), ('濁', '浊'), ('濃', '浓'), ('濟', '济'),
    ('瀏', '浏'), ('灑', '洒'), ('灣', '湾'), ('災', '灾'), ('為', '为'), ('烏', '乌'), ('無', '无'), ('煉', '炼'),
    ('煩', '烦'), ('熱', '热'), ('燈', '灯'), ('燒', '烧'), ('營', '营'), ('爐', '炉'), ('爭', '争'), ('爲', '为'),
    ('爾', '尔'), ('牽', '牵'), ('犧', '牺'), ('狀', '状'), ('猶', '犹'), ('獨', '独'), ('獲', '获'), ('獵', '猎'),
    ('獸', '兽'), ('獻', '献'), ('現', '现'), ('瑪', '玛'), ('環', '环'), ('產', '产'), ('甦', '苏'), ('畝', '亩'),
    ('畫', '画'), ('異', '异'), ('當', '当'), ('疊', '叠'), ('療', '疗'), ('癒', '愈'), ('發', '发'), ('盜', '盗'),
    ('盡', '尽'), ('監', '监'), ('盤', '盘'), ('盧', '卢'), ('盪', '荡'), ('眾', '众'), ('瞭', '了'), ('矚', '瞩'),
    ('確', '确'), ('碼', '码'), ('磚', '砖'), ('礦', '矿'), ('祕', '秘'), ('禍', '祸'), ('禦', '御'), ('禮', '礼'),
    ('種', '种'), ('稱', '称'), ('積', '积'), ('穩', '稳'), ('窮', '穷'), ('竊', '窃'), ('競', '竞'), ('筆', '笔'),
    ('節', '节'), ('範', '范'), ('築', '筑'), ('簡', '简'), ('簽', '签'), ('籤', '签'), ('糧', '粮'), ('紀', '纪'),
    ('約', '约'), ('紅', '红'), ('紙', '纸'), ('級', '级'), ('紛', '纷'), ('細', '细'), ('終', '终'), ('組', '组'),
    ('結', '结'), ('絕', '绝'), ('絡', '络'), ('給', '给'), ('統', '统'), ('絲', '丝'), ('綁', '绑'), ('經', '经'),
    ('綜', '综'), ('綠', '绿'), ('綫', '线'), ('維', '维'), ('網', '网'), ('綴', '缀'), ('緊', '紧'), ('線', '线'),
    ('緬', '缅'), ('練', '练'), ('縣', '县'), ('總', '总'), ('績', '绩'), ('繫', '系'), ('繼', '继'), ('續', '续'),
    ('罰', '罚'), ('罷', '罢'), ('羅', '罗'), ('羣', '群'), ('義', '义'), ('習', '习'), ('聖', '圣'), ('聯', '联'),
    ('聰', '聪'), ('聲', '声'), ('職', '职'), ('聽', '听'), ('脅', '胁'), ('腦', '脑'), ('膚', '肤'), ('臉', '脸'),
    ('臨', '临'), ('臺', '台'), ('與', '与'), ('興', '兴'), ('舉', '举'), ('舊', '旧'), ('莊', '庄'), ('華', '华'),
    ('萬', '万'), ('葉', '叶'), ('著', '着'), ('蕩', '荡'), ('薦', '荐'), ('藝', '艺'), ('藥', '药'), ('蘇', '苏'),
    ('蘋', '苹'), ('處', '处'), ('虛', '虚'), ('號', '号'), ('虧', '亏'), ('蝕', '蚀'), ('螢', '萤'), ('蟲', '虫'),
    ('衆', '众'), ('衊', '蔑'), ('術', '术'), ('衛', '卫'), ('衝', '冲'), ('衞', '卫'), ('裏', '里'), ('補', '补'),
    ('裝', '装'), ('裡', '里'), ('製', '制'), ('複', '复'), ('褲', '裤'), ('襲', '袭'), ('見', '见'), ('規', '规'),
    ('視', '视'), ('親', '亲'), ('覺', '觉'), ('覽', '览'), ('觀', '观'), ('觸', '触'), ('訂', '订'), ('計', '计'),
    ('訊', '讯'), ('討', '讨'), ('訓', '训'), ('託', '托'), ('記', '记'), ('訪', '访'), ('設', '设'), ('許', '许'),
    ('訴', '诉'), ('診', '诊'), ('註', '注'), ('証', '证'), ('詐', '诈'), ('評', '评'), ('詞', '词'), ('詢', '询'),
    ('試', '试'), ('詩', '诗'), ('詮', '诠'), ('話', '话'), ('該', '该'), ('詳', '详'), ('認', '认'), ('誕', '诞'),
    ('語', '语'), ('誠', '诚'), ('誤', '误'), ('說', '说'), ('説', '说'), ('誰', '谁'), ('課', '课'), ('誼', '谊'),
    ('調', '调'), ('談', '谈'), ('請', '请'), ('論', '论'), ('諮', '咨'), ('諸', '诸'), ('謀', '谋'), ('講', '讲'),
    ('謝', '谢'), ('謠', '谣'), ('謹', '谨'), ('譁', '哗'), ('證', '证'), ('識', '识'), ('譜', '谱'), ('譯', '译'),
    ('議', '议'), ('護', '护'), ('讀', '读'), ('變', '变'), ('讓', '让'), ('貓', '猫'), ('貝', '贝'), ('負', '负'),
    ('財', '财'), ('貧', '贫'), ('貨', '货'), ('貫', '贯'), ('責', '责'), ('貯', '贮'), ('貴', '贵'), ('買', '买'),
    ('貸', '贷'), ('費', '费'), ('貼', '贴'), ('賀', '贺'), ('賄', '贿'), ('資', '资'), ('賊', '贼'), ('賓', '宾'),
    ('賜', '赐'), ('賞', '赏'), ('賠', '赔'), ('賣', '卖'), ('質', '质'), ('賬', '账'), ('購', '购'), ('贈', '赠'),
    ('贊', '赞'), ('趕', '赶'), ('趙', '赵'), ('跡', '迹'), ('蹟', '迹'), ('蹤', '踪'), ('躍', '跃'), ('車', '车'),
    ('軌', '轨'), ('軍', '军'), ('軟', '软'), ('較', '较'), ('載', '载'), ('輔', '辅'), ('輕', '轻'), ('輪', '轮'),
    ('輸', '输'), ('轉', '转'), ('辦', '办'), ('辭', '辞'), ('辯', '辩'), ('農', '农'), ('這', '这'), ('連', '连'),
    ('週', '周'), ('進', '进'), ('遊', '游'), ('運', '运'), ('過', '过'), ('達', '达'), ('違', '违'), ('遙', '遥'),
    ('遞', '递'), ('遠', '远'), ('適', '适'), ('遲', '迟'), ('遷', '迁'), ('選', '选'), ('遼', '辽'), ('邁', '迈'),
    ('還', '还'), ('邊', '边'), ('郵', '邮'), ('鄉', '乡'), ('鄧', '邓'), ('鄭', '郑'), ('鄰', '邻'), ('醜', '丑'),
    ('醫', '医'), ('釋', '释'), ('針', '针'), ('釣', '钓'), ('鈕', '钮'), ('鈴', '铃'), ('鉗', '钳'), ('銀', '银'),
    ('銷', '销'), ('鋒', '锋'), ('鋪', '铺'), ('錄', '录'), ('錢', '钱'), ('錦', '锦'), ('錯', '错'), ('錶', '表'),
    ('鍋', '锅'), ('鍵', '键'), ('鍾', '钟'), ('鎖', '锁'), ('鎮', '镇'), ('鏈', '链'), ('鏡', '镜'), ('鐘', '钟'),
    ('鐵', '铁'), ('鑑', '鉴'), ('鑒', '鉴'), ('長', '长'), ('門', '门'), ('閃', '闪'), ('閉', '闭'), ('開', '开'),
    ('閒', '闲'), ('間', '间'), ('閣', '阁'), ('閱', '阅'), ('閲', '阅'), ('闆', '板'), ('闖', '闯'), ('關', '关'),
    ('陞', '升'), ('陣', '阵'), ('陰', '阴'), ('陳', '陈'), ('陸', '陆'), ('陽', '阳'), ('隊', '队'), ('階', '阶'),
    ('際', '际'), ('隨', '随'), ('險', '险'), ('隱', '隐'), ('隸', '隶'), ('隻', '只'), ('雖', '虽'), ('雙', '双'),
    ('雛', '雏'), ('雞', '鸡'), ('離', '离'), ('難', '难'), ('雲', '云'), ('電', '电'), ('霧', '雾'), ('靈', '灵'),
    ('靜', '静'), ('韓', '韩'), ('響', '响'), ('頁', '页'), ('頂', '顶'), ('項', '项'), ('順', '顺'), ('須', '须'),
    ('預', '预'), ('頓', '顿'), ('領', '领'), ('頭', '头'), ('頻', '频'), ('題', '题'), ('額', '额'), ('顏', '颜'),
    ('願', '愿'), ('類', '类'), ('顧', '顾'), ('顯', '显'), ('風', '风'), ('颱', '台'), ('飛', '飞'), ('飯', '饭'),
    ('飲', '饮'), ('飾', '饰'), ('養', '养'), ('餘', '余'), ('館', '馆'), ('饋', '馈'), ('馬', '马'), ('馮', '冯'),
    ('駕', '驾'), ('騙', '骗'), ('騰', '腾'), ('騷', '骚'), ('驅', '驱'), ('驗', '验'), ('驚', '惊'), ('驟', '骤'),
    ('體', '体'), ('鬆', '松'), ('鬥', '斗'), ('魚', '鱼'), ('鮮', '鲜'), ('鳥', '鸟'), ('鳳', '凤'), ('鴻', '鸿'),
    ('麗', '丽'), ('麥', '麦'), ('麼', '么'), ('黃', '黄'), ('點', '点'), ('黨', '党'), ('齊', '齐'), ('齡', '龄'),
    ('龍', '龙'), ('龜', '龟'),
];

fn trad_to_simp(c: char) -> char {
    TRAD_TO_SIMP
        .binary_search_by_key(&c, |(t, _)| *t)
        .map_or(c, |i| TRAD_TO_SIMP[i].1)
}

/// Whether `c` is punctuation or a symbol the matcher ignores (ASCII and CJK punctuation,
/// brackets, quotes, dashes, ellipses, arrows, bullets).
fn is_ignored(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_control()
        || matches!(c,
            '\u{2000}'..='\u{206F}'   // general punctuation: dashes, quotes, ellipsis, zero-width
            | '\u{2190}'..='\u{21FF}' // arrows
            | '\u{2500}'..='\u{25FF}' // box drawing, geometric shapes (■ ● ▼)
            | '\u{3000}'..='\u{303F}' // CJK punctuation: 。、「」《》【】〔〕
            | '\u{FE10}'..='\u{FE1F}' // vertical forms
            | '\u{FE30}'..='\u{FE6F}' // CJK compatibility forms, small forms
            | '\u{FEFF}'
            | '\u{00A0}'..='\u{00BF}' // Latin-1 punctuation: « » · ¡ ¿
            | '\u{00D7}' | '\u{00F7}'
            | '\u{FF5F}'..='\u{FF65}' // half-width CJK punctuation
        )
}

/// Normalises a freeze message for matching: full-width ASCII → half-width, ASCII lower-case,
/// traditional → simplified (for the characters in [`TRAD_TO_SIMP`]), 帐/賬 → 账, and whitespace,
/// punctuation and symbols removed. Letters, digits and CJK characters are kept, so error codes
/// survive (`(错误码：45)` → `错误码45`, `Code: 45` → `code45`).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Full-width forms U+FF01..=U+FF5E map onto ASCII U+0021..=U+007E; U+3000 is a space.
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if is_ignored(c) {
            continue;
        }
        let c = trad_to_simp(c.to_ascii_lowercase());
        out.push(c);
    }
    out
}

/// Whether `phrase` is already in normal form (what every pattern phrase must be).
pub fn is_normalised(phrase: &str) -> bool {
    normalise(phrase) == phrase
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

fn check_sources(what: &str, sources: &[Source], problems: &mut Vec<String>) {
    if sources.is_empty() {
        problems.push(format!("{what}: no source; add at least one with its url"));
    }
    for s in sources {
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            problems.push(format!(
                "{what}: source url {:?} is not an http(s) url",
                s.url
            ));
        }
        if s.title.trim().is_empty() {
            problems.push(format!("{what}: source {} has an empty title", s.url));
        }
    }
}

fn check_localized(what: &str, t: &Localized, problems: &mut Vec<String>) {
    for (lang, s) in [("zh-CN", &t.zh_cn), ("zh-TW", &t.zh_tw), ("en", &t.en)] {
        if s.trim().is_empty() {
            problems.push(format!("{what}: {lang} text is empty"));
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn is_hhmm(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && s[..2].parse::<u32>().is_ok_and(|h| h <= 24)
        && s[3..].parse::<u32>().is_ok_and(|m| m < 60)
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

/// Checks the three files together: unique ids, known references, normalised phrases, a source
/// on every record and every contact detail, no number on a channel whose numbers come from the
/// user, dates and hours in shape. Returns every problem found (empty when all is well).
pub fn validate(
    messages: &MessagesFile,
    channels: &ChannelsFile,
    legal: &LegalFile,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, v) in [
        ("messages.json", &messages.data_version),
        ("channels.json", &channels.data_version),
        ("legal.json", &legal.data_version),
    ] {
        if v.trim().is_empty() {
            problems.push(format!("{name}: data_version is empty"));
        }
    }
    for (name, l) in [
        ("messages.json", &messages.licence),
        ("channels.json", &channels.licence),
        ("legal.json", &legal.licence),
    ] {
        if l.trim().is_empty() {
            problems.push(format!("{name}: licence is empty"));
        }
    }

    let channel_ids: std::collections::BTreeSet<&str> =
        channels.channels.iter().map(|c| c.id.as_str()).collect();
    let article_ids: std::collections::BTreeSet<&str> =
        legal.articles.iter().map(|a| a.id.as_str()).collect();
    let law_ids: std::collections::BTreeSet<&str> =
        legal.laws.iter().map(|l| l.id.as_str()).collect();

    for d in duplicates(messages.patterns.iter().map(|p| p.id.as_str())) {
        problems.push(format!("messages.json: pattern id {d:?} is used twice"));
    }
    for d in duplicates(channels.channels.iter().map(|c| c.id.as_str())) {
        problems.push(format!("channels.json: channel id {d:?} is used twice"));
    }
    for d in duplicates(legal.articles.iter().map(|a| a.id.as_str())) {
        problems.push(format!("legal.json: article id {d:?} is used twice"));
    }
    for d in duplicates(legal.laws.iter().map(|l| l.id.as_str())) {
        problems.push(format!("legal.json: law id {d:?} is used twice"));
    }

    for p in &messages.patterns {
        let what = format!("messages.json pattern {:?}", p.id);
        check_sources(&what, &p.sources, &mut problems);
        check_localized(&format!("{what} label"), &p.label, &mut problems);
        check_localized(
            &format!("{what} explanation"),
            &p.explanation,
            &mut problems,
        );
        check_localized(&format!("{what} next_step"), &p.next_step, &mut problems);
        if p.rules.is_empty() {
            problems.push(format!("{what}: no match rule"));
        }
        if p.weight > 100 {
            problems.push(format!("{what}: weight {} is above 100", p.weight));
        }
        if p.platforms.is_empty() {
            problems.push(format!("{what}: no platform"));
        }
        if p.also_possible.contains(&p.cause) {
            problems.push(format!("{what}: also_possible repeats the cause"));
        }
        for r in &p.rules {
            if r.all_of.is_empty() {
                problems.push(format!("{what}: a rule has an empty all_of"));
            }
            for phrase in r.all_of.iter().chain(&r.none_of) {
                if phrase.is_empty() || !is_normalised(phrase) {
                    problems.push(format!(
                        "{what}: phrase {phrase:?} is not normalised; write {:?}",
                        normalise(phrase)
                    ));
                }
            }
        }
        for c in &p.channels {
            if !channel_ids.contains(c.as_str()) {
                problems.push(format!("{what}: unknown channel {c:?}"));
            }
        }
        for a in &p.legal {
            if !article_ids.contains(a.as_str()) {
                problems.push(format!("{what}: unknown article {a:?}"));
            }
        }
        for e in &p.examples {
            if e.text.trim().is_empty() {
                problems.push(format!("{what}: an example is empty"));
            }
            if e.verbatim && !p.matches(&normalise(&e.text)) {
                problems.push(format!(
                    "{what}: does not match its own verbatim example {:?}",
                    e.text
                ));
            }
            if let Some(u) = &e.url
                && !(u.starts_with("https://") || u.starts_with("http://"))
            {
                problems.push(format!("{what}: example url {u:?} is not an http(s) url"));
            }
        }
    }

    for d in duplicates(messages.triage.iter().map(|t| t.cause.as_str())) {
        problems.push(format!("messages.json: triage for {d} is given twice"));
    }
    for t in &messages.triage {
        let what = format!("messages.json triage {}", t.cause);
        let notes = std::iter::once(("who_decides", &t.who_decides))
            .chain(std::iter::once(("next_step", &t.next_step)))
            .chain(t.what_to_bring.iter().map(|n| ("what_to_bring", n)))
            .chain(t.usual_time.iter().map(|n| ("usual_time", n)))
            .chain(t.limits.iter().map(|n| ("limits", n)));
        for (field, n) in notes {
            check_sources(&format!("{what} {field}"), &n.sources, &mut problems);
            check_localized(&format!("{what} {field}"), &n.text, &mut problems);
        }
        for a in &t.legal_basis {
            if !article_ids.contains(a.as_str()) {
                problems.push(format!("{what}: unknown article {a:?}"));
            }
        }
        for c in &t.channels {
            if !channel_ids.contains(c.as_str()) {
                problems.push(format!("{what}: unknown channel {c:?}"));
            }
        }
        for d in &t.documents {
            if !DOCUMENT_KINDS.contains(&d.as_str()) {
                problems.push(format!(
                    "{what}: unknown document kind {d:?}; one of {DOCUMENT_KINDS:?}"
                ));
            }
        }
    }

    for c in &channels.channels {
        let what = format!("channels.json channel {:?}", c.id);
        check_sources(&what, &c.sources, &mut problems);
        check_localized(&format!("{what} name"), &c.name, &mut problems);
        check_localized(&format!("{what} decides"), &c.decides, &mut problems);
        for t in c.handles.iter().chain(&c.does_not_handle) {
            check_localized(&format!("{what} handles"), t, &mut problems);
        }
        if !is_iso_date(&c.checked_on) {
            problems.push(format!(
                "{what}: checked_on {:?} is not YYYY-MM-DD",
                c.checked_on
            ));
        }
        for k in &c.contacts {
            check_sources(
                &format!("{what} contact {:?}", k.value),
                &k.sources,
                &mut problems,
            );
            if c.numbers_from_user && k.kind == ContactKind::Phone {
                problems.push(format!(
                    "{what}: ships phone {:?} although its numbers come from the user",
                    k.value
                ));
            }
        }
        if c.numbers_from_user && c.numbers_from_user_why.is_none() {
            problems.push(format!(
                "{what}: numbers_from_user without numbers_from_user_why"
            ));
        }
        if let Some(h) = &c.hours {
            check_sources(&format!("{what} hours"), &h.sources, &mut problems);
            if h.tz != "Asia/Shanghai" {
                problems.push(format!("{what}: hours tz {:?} is not Asia/Shanghai", h.tz));
            }
            const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            for d in &h.days {
                if !DAYS.contains(&d.as_str()) {
                    problems.push(format!("{what}: hours day {d:?} is not one of {DAYS:?}"));
                }
            }
            for r in &h.ranges {
                if !is_hhmm(&r.from) || !is_hhmm(&r.to) || r.from >= r.to {
                    problems.push(format!(
                        "{what}: hours range {}–{} is not HH:MM–HH:MM",
                        r.from, r.to
                    ));
                }
            }
        }
        if let Some(cost) = &c.cost {
            check_sources(&format!("{what} cost"), &cost.sources, &mut problems);
        }
        if let Some(a) = &c.asks_for {
            check_sources(&format!("{what} asks_for"), &a.sources, &mut problems);
        }
        for n in &c.notes {
            check_sources(&format!("{what} note"), &n.sources, &mut problems);
            check_localized(&format!("{what} note"), &n.text, &mut problems);
        }
    }

    for l in &legal.laws {
        let what = format!("legal.json law {:?}", l.id);
        check_sources(&what, &l.sources, &mut problems);
        check_localized(&format!("{what} name"), &l.name, &mut problems);
        if !is_iso_date(&l.in_force) {
            problems.push(format!(
                "{what}: in_force {:?} is not YYYY-MM-DD",
                l.in_force
            ));
        }
    }
    for a in &legal.articles {
        let what = format!("legal.json article {:?}", a.id);
        check_sources(&what, &a.sources, &mut problems);
        check_localized(
            &format!("{what} our_summary"),
            &a.our_summary,
            &mut problems,
        );
        if !law_ids.contains(a.law.as_str()) {
            problems.push(format!("{what}: unknown law {:?}", a.law));
        }
        if a.id != format!("{}-{}", a.law, a.article) {
            problems.push(format!("{what}: id should be \"{}-{}\"", a.law, a.article));
        }
        if a.paragraphs.is_empty() {
            problems.push(format!("{what}: no paragraph text"));
        }
        for (i, para) in a.paragraphs.iter().enumerate() {
            if para.text_zh.trim().is_empty() {
                problems.push(format!("{what}: paragraph {} is empty", para.number));
            }
            if a.verbatim && para.number as usize != i + 1 {
                problems.push(format!("{what}: paragraphs must be numbered 1, 2, …"));
            }
        }
        for n in &a.cited {
            if !a.paragraphs.iter().any(|p| p.number == *n) {
                problems.push(format!("{what}: cites paragraph {n} it does not hold"));
            }
        }
        if !is_iso_date(&a.in_force) {
            problems.push(format!(
                "{what}: in_force {:?} is not YYYY-MM-DD",
                a.in_force
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_width_case_script_and_punctuation() {
        assert_eq!(normalise("Ｃｏｄｅ：４５"), "code45");
        assert_eq!(
            normalise("[安全提醒] 當前登錄存在安全風險。"),
            "安全提醒当前登录存在安全风险"
        );
        assert_eq!(normalise("帐号 賬號 帳號"), "账号账号账号");
        assert_eq!(normalise("“涉及欺诈”……"), "涉及欺诈");
        assert_eq!(normalise("Web WeChat"), "webwechat");
    }

    #[test]
    fn a_rule_needs_all_phrases_and_no_excluded_one() {
        let r = MatchRule {
            all_of: vec!["涉及欺诈".into(), "联席会议".into()],
            none_of: vec!["违规行为".into()],
        };
        assert!(r.matches("因涉及欺诈部际联席会议办公室通报封停"));
        assert!(!r.matches("因涉及欺诈通报封停"));
        assert!(!r.matches("涉及欺诈联席会议违规行为"));
        let empty = MatchRule {
            all_of: vec![],
            none_of: vec![],
        };
        assert!(!empty.matches("anything"));
    }

    #[test]
    fn the_script_table_is_sorted_and_has_no_duplicate() {
        assert!(TRAD_TO_SIMP.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRAD_TO_SIMP.iter().all(|(t, s)| t != s));
    }

    #[test]
    fn every_cause_has_its_snake_case_id() {
        for c in Cause::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }
}
