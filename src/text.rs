//! The app's own words, in zh-CN, zh-TW and en. (Sentences about findings come from the core.)

use prescreen_core::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Tagline,
    WhatHappenedHeading,
    PlatformsLabel,
    MessageLabel,
    MessageHint,
    CauseLabel,
    WhoDecides,
    DoesNotUnfreeze,
    StayHeading,
    Place,
    PlaceHint,
    From,
    To,
    Run,
    DataNotReady,
    DataFailed,
    VerdictLikely,
    VerdictPossible,
    VerdictUnlikely,
    VerdictNone,
    NoPromise,
    Privacy,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Text) -> &'static str {
    use Text::*;
    let (zh_cn, zh_tw, en) = match key {
        Title => ("解封预检", "解封預檢", "Appeal Pre-Screener"),
        Tagline => (
            "账号被冻结了？先看看可能的原因、谁能处理、该怎么说。",
            "帳號被凍結了？先看看可能的原因、誰能處理、該怎麼說。",
            "Account frozen? See the probable cause, who decides, and what to say.",
        ),
        WhatHappenedHeading => ("发生了什么", "發生了什麼", "What happened"),
        PlatformsLabel => (
            "哪些账号被冻结了",
            "哪些帳號被凍結了",
            "Which accounts were frozen",
        ),
        MessageLabel => (
            "你看到的封号提示（可只粘贴一部分）",
            "你看到的封號提示（可只貼上一部分）",
            "The block message you saw (a part of it is enough)",
        ),
        MessageHint => (
            "例如：该微信号因涉及欺诈，国务院……通报封停",
            "例如：該微信號因涉及欺詐，國務院……通報封停",
            "e.g. 该微信号因涉及欺诈，国务院……通报封停",
        ),
        CauseLabel => ("可能的原因", "可能的原因", "Probable cause"),
        WhoDecides => ("谁能处理", "誰能處理", "Who decides"),
        DoesNotUnfreeze => (
            "（只能咨询或举报，不能解封）",
            "（只能諮詢或舉報，不能解封）",
            "(advice or reports only; cannot unfreeze)",
        ),
        StayHeading => ("你去过的地方", "你去過的地方", "Where you stayed"),
        Place => ("地点", "地點", "Place"),
        PlaceHint => (
            "例如：打洛镇、daluo、Mong La",
            "例如：打洛鎮、daluo、Mong La",
            "e.g. 打洛镇, daluo, Mong La",
        ),
        From => ("从", "從", "From"),
        To => ("到", "到", "To"),
        Run => ("开始预检", "開始預檢", "Screen"),
        DataNotReady => (
            "数据还在加载，请稍等几秒再试。",
            "資料還在載入，請稍等幾秒再試。",
            "The data is still loading; try again in a few seconds.",
        ),
        DataFailed => (
            "数据加载失败，请刷新页面。你填写的内容不会丢失。",
            "資料載入失敗，請重新整理頁面。你填寫的內容不會遺失。",
            "The data failed to load; reload the page. What you entered is kept.",
        ),
        VerdictLikely => (
            "很可能与边境地区封停有关",
            "很可能與邊境地區封停有關",
            "Likely the border-area freeze",
        ),
        VerdictPossible => (
            "可能与边境地区封停有关",
            "可能與邊境地區封停有關",
            "Possibly the border-area freeze",
        ),
        VerdictUnlikely => (
            "不太像边境地区封停",
            "不太像邊境地區封停",
            "Unlikely to be the border-area freeze",
        ),
        VerdictNone => (
            "你的行程与已知的边境封停区域无关",
            "你的行程與已知的邊境封停區域無關",
            "Your stays do not match any known border-area freeze",
        ),
        NoPromise => (
            "这只是根据公开资料的估计，不是结论，也不能保证解封。",
            "這只是根據公開資料的估計，不是結論，也不能保證解封。",
            "This is an estimate from public sources, not a finding, and no promise of unfreezing.",
        ),
        Privacy => (
            "你填写的内容只留在这台设备上，不会上传。",
            "你填寫的內容只留在這台裝置上，不會上傳。",
            "What you enter stays on this device; nothing is uploaded.",
        ),
    };
    lang.pick(zh_cn, zh_tw, en)
}
