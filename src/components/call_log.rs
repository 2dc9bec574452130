//! Step 4's records, kept with the case like every other field (storage, export, erase): the
//! call log — each try at a number: when, which number, what happened, what they said or told
//! you to do — so a busy line is retried without losing track and a later letter can cite the
//! tries; and the documents sent or handed in, with the day, which the follow-up letter names
//! and counts its reply period from.
//!
//! A view function with one template per kind of element: every component and every html! call
//! site costs first-screen bytes. The entries stay the case file's plain strings (`at`, `number`,
//! `result`, `note`); the core checks them when it reads the case.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::context::Store;
use crate::state::Action;

use prescreen_core::letters::ScriptKind;

/// The results (case-file ids) and their labels: the core's call-log words.
const RESULTS: [(&str, &str, &str, &str); 5] = [
    ("busy", "占线", "忙線", "busy"),
    ("no_answer", "无人接听", "無人接聽", "no answer"),
    ("got_through", "打通了", "打通了", "got through"),
    (
        "closed",
        "不在工作时间",
        "不在工作時間",
        "outside the hours",
    ),
    ("wrong_number", "号码不对", "號碼不對", "wrong number"),
];

fn element(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The trimmed text of input `id` ("" when it is not there).
fn typed(id: &str) -> String {
    element(id)
        .map(|e| {
            e.unchecked_into::<HtmlInputElement>()
                .value()
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

/// A labelled input of a record's form (`id` is its test id too).
fn field(id: &'static str, label: &'static str, kind: &'static str) -> Html {
    html! {
        <span>
            <label for={id}>{ label }</label>
            <input {id} data-testid={id} type={kind} required={kind == "tel"} autocomplete="off" />
        </span>
    }
}

/// One record: its text and a button that removes entry `i` of the call log, or of the sent
/// documents when `sent` (test ids `call-entry`/`call-remove`, `sent-entry`/`sent-remove`).
fn entry(store: &Store, i: usize, sent: bool, text: String) -> Html {
    let remove = {
        let store = store.clone();
        Callback::from(move |_| {
            let draft = &store.draft;
            let mut list = if sent {
                draft.sent.clone()
            } else {
                draft.calls.clone()
            };
            list.remove(i);
            store.dispatch(if sent {
                Action::SetSent(list)
            } else {
                Action::SetCalls(list)
            });
        })
    };
    let name = if sent { "sent" } else { "call" };
    html! {
        <li data-testid={format!("{name}-entry")}>
            { text }
            <button type="button" class="link" data-testid={format!("{name}-remove")} onclick={remove}>
                { store.lang.pick("删除", "刪除", "Remove") }
            </button>
        </li>
    }
}

/// The log and a form for the next try.
pub fn call_log(store: &Store) -> Html {
    let lang = store.lang;
    let calls = &store.draft.calls;
    let on_add = {
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // A blank time is now (China time, to the minute).
            let at = Some(typed("call-at"))
                .filter(|t| !t.is_empty())
                .or_else(|| store.now.clone())
                .unwrap_or_default();
            let Some(at) = at.get(..16) else {
                return;
            };
            let mut call = BTreeMap::from([("at".to_owned(), at.to_owned())]);
            if let Some(select) = element("call-result") {
                let result = select.unchecked_into::<HtmlSelectElement>().value();
                call.insert("result".to_owned(), result);
            }
            for key in ["number", "note"] {
                let value = typed(&format!("call-{key}"));
                if !value.is_empty() {
                    call.insert(key.to_owned(), value);
                }
            }
            let mut calls = store.draft.calls.clone();
            let later = calls
                .iter()
                .position(|c| c.get("at").is_some_and(|t| t.as_str() > at));
            calls.insert(later.unwrap_or(calls.len()), call);
            store.dispatch(Action::SetCalls(calls));
            if let Some(note) = element("call-note") {
                note.unchecked_into::<HtmlInputElement>().set_value("");
            }
        })
    };
    let get =
        |call: &BTreeMap<String, String>, key: &str| call.get(key).cloned().unwrap_or_default();
    html! {
        <details class="more" data-testid="call-log" open={!calls.is_empty()}>
            <summary>{ lang.pick("通话记录", "通話紀錄", "Call log") }{ format!(" ({})", calls.len()) }</summary>
            <p class="hint">{ lang.pick(
                "每打一次记一笔，没打通也记；导出案例时一并保存。",
                "每打一次記一筆，沒打通也記；匯出案例時一併儲存。",
                "Note every try, even unanswered ones; they are exported with the case.",
            ) }</p>
            <ol>
                { for calls.iter().enumerate().map(|(i, call)| {
                    let result = get(call, "result");
                    let label = RESULTS.iter().find(|r| r.0 == result)
                        .map_or(result.as_str(), |&(_, zh_cn, zh_tw, en)| lang.pick(zh_cn, zh_tw, en));
                    let note = get(call, "note");
                    let note = if note.is_empty() { note } else { format!(" · {note}") };
                    let text = format!("{}  {} · {label}{note} ", get(call, "at").replacen('T', " ", 1), get(call, "number"));
                    entry(store, i, false, text)
                }) }
            </ol>
            <form class="person-fields" onsubmit={on_add}>
                { field("call-at", lang.pick("时间（不填即现在）", "時間（不填即現在）", "Time (blank: now)"), "datetime-local") }
                { field("call-number", lang.pick("拨打的号码", "撥打的號碼", "Number dialled"), "tel") }
                <span>
                    <label for="call-result">{ lang.pick("结果", "結果", "Result") }</label>
                    <select id="call-result" data-testid="call-result">
                        { for RESULTS.iter().map(|&(id, zh_cn, zh_tw, en)| html! {
                            <option value={id}>{ lang.pick(zh_cn, zh_tw, en) }</option>
                        }) }
                    </select>
                </span>
                { field("call-note", lang.pick("对方怎么说、让你做什么（可不填）", "對方怎麼說、要你做什麼（可不填）", "What they said or told you to do (optional)"), "text") }
                <button type="submit" class="secondary" data-testid="call-add">{ lang.pick("记下这次通话", "記下這次通話", "Add this call") }</button>
            </form>
        </details>
    }
}

/// The documents sent or handed in (the case file's `sent`: `kind`, `on`), and for the document
/// shown (`kind`), a button to record it with its day (today unless changed).
pub fn sent_log(store: &Store, kind: Option<ScriptKind>) -> Html {
    let lang = store.lang;
    let on_add = {
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // A blank day is today (China time). The follow-up takes the latest day, whatever
            // the order: kept as entered.
            let on = Some(typed("sent-on"))
                .filter(|on| !on.is_empty())
                .or_else(|| {
                    store
                        .now
                        .as_deref()
                        .and_then(|now| now.get(..10))
                        .map(str::to_owned)
                });
            if let (Some(kind), Some(on)) = (kind, on) {
                let mut sent = store.draft.sent.clone();
                sent.push(BTreeMap::from([
                    ("kind".to_owned(), kind.id().to_owned()),
                    ("on".to_owned(), on),
                ]));
                store.dispatch(Action::SetSent(sent));
            }
        })
    };
    // A document's name as the result offers it, else its kind.
    let name = |id: &str| {
        let offered = store.screening.iter().flat_map(|s| s.documents.iter());
        offered
            .clone()
            .find(|(kind, _)| kind == id)
            .map_or(id.to_owned(), |(_, label)| label.clone())
    };
    html! {
        <>
            <ol data-testid="sent-log">
                { for store.draft.sent.iter().enumerate().map(|(i, sent)| {
                    let get = |key: &str| sent.get(key).cloned().unwrap_or_default();
                    let text = format!("{}{} · {} ", lang.pick("已寄出或提交：", "已寄出或提交：", "Sent or handed in: "), get("on"), name(&get("kind")));
                    entry(store, i, true, text)
                }) }
            </ol>
            if kind.is_some() {
                <form class="person-fields" onsubmit={on_add}>
                    { field("sent-on", lang.pick("寄出或提交的日期（不填即今天）", "寄出或提交的日期（不填即今天）", "Day sent or handed in (blank: today)"), "date") }
                    <button type="submit" class="secondary" data-testid="sent-add">
                        { lang.pick("我已寄出/已提交", "我已寄出／已提交", "I sent / handed this in") }
                    </button>
                </form>
            }
        </>
    }
}
