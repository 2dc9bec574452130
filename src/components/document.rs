//! One script or letter of step 4: to read (or read aloud in large type), copy, download, send
//! by e-mail or dial, with its deadline and what to know before sending.

use yew::prelude::*;

use crate::context::Store;
use crate::engine::protocol::{Page, Problem};
use crate::files::{copy, download};
use crate::state::Action;
use crate::text::{Text, t};

/// Document `n` (0 first) of the chosen kind; `large` shows the body in short, large lines for
/// reading aloud. A view function rather than a component: every component costs page bytes.
pub fn document(store: &Store, n: usize, doc: &Page, large: bool) -> Html {
    let lang = store.lang;
    // A confirmation or a problem, for the one message area.
    let say = {
        let store = store.clone();
        Callback::from(move |said: Result<&'static str, String>| {
            store.dispatch(match said {
                Ok(text) => Action::ShowNotice(text.to_owned()),
                Err(problem) => Action::ShowError(Problem::new(problem)),
            })
        })
    };
    let text = doc.page_text.clone();
    let on_copy = {
        let text = doc.letter_text.clone();
        let say = say.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let say = say.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match copy(&text).await {
                    Ok(()) => say.emit(Ok(t(lang, Text::Copied))),
                    Err(()) => say.emit(Err(t(lang, Text::CopyFailed).to_owned())),
                }
            });
        })
    };
    let on_download = {
        let text = text.clone();
        let name = format!("{}-{}.txt", doc.kind, n + 1);
        let say = say.clone();
        Callback::from(move |_| {
            if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
                say.emit(Err(e));
            }
        })
    };
    let deadline = doc.deadline.as_ref().map(|deadline| {
        let ics = deadline.ics.clone();
        let say = say.clone();
        let on_ics = Callback::from(move |_| {
            if let Err(e) = download("deadline.ics", "text/calendar;charset=utf-8", &ics) {
                say.emit(Err(e));
            }
        });
        html! {
            <p class="deadline">
                { format!("{} → {}", deadline.sent_on, deadline.due) }
                { " " }
                <button type="button" class="secondary" data-testid="download-ics" onclick={on_ics}>{ ".ics" }</button>
            </p>
        }
    });
    html! {
        <article class="document" data-testid={format!("document-{n}")}>
            <h3>{ &doc.title }</h3>
            if !doc.recipient.is_empty() {
                <ul class="recipient">{ for doc.recipient.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
            if !doc.tel.is_empty() {
                <p class="tel">
                    { for doc.tel.iter().map(|(tel, display)| html! {
                        <a class="button" href={tel.clone()} data-testid="tel-link">
                            { t(lang, Text::Call) }{ " " }{ display }
                        </a>
                    }) }
                </p>
            }
            if large {
                <ol class="read-aloud" data-testid="read-aloud">
                    { for doc.lines.iter().map(|line| html! { <li>{ line }</li> }) }
                </ol>
            } else {
                <pre class="script" data-testid="script-text" tabindex="0">{ &doc.letter_text }</pre>
            }
            <div class="actions">
                <button type="button" data-testid="copy-script" onclick={on_copy}>{ t(lang, Text::Copy) }</button>
                <button type="button" class="secondary" data-testid="download-script" onclick={on_download}>
                    { t(lang, Text::Download) }
                </button>
                { crate::components::share::share_button(lang, &doc.title, &doc.letter_text) }
                if let Some(mailto) = &doc.mailto {
                    <a class="button secondary" href={mailto.clone()} data-testid="mailto">{ t(lang, Text::SendEmail) }</a>
                }
            </div>
            { for deadline }
            <details class="guidance" open=true>
                <summary>{ lang.pick("打之前/发之前要知道的", "打之前/寄之前要知道的", "Before you call or send") }</summary>
                <pre class="script">{ &doc.guidance }</pre>
            </details>
        </article>
    }
}
