//! The one place errors are shown, and a quieter line for confirmations.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    // Always rendered, so screen readers announce a new message in the live region.
    html! {
        <>
            <div class="error" data-testid="error" role="alert" aria-live="assertive"
                 hidden={props.error.is_none()}>
                { props.error.clone().unwrap_or_default() }
            </div>
            <div class="notice" data-testid="notice" role="status" aria-live="polite"
                 hidden={props.notice.is_none()}>
                { props.notice.clone().unwrap_or_default() }
            </div>
        </>
    }
}
