//! The one place errors are shown.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    pub error: Option<String>,
}

#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    // Always rendered, so screen readers announce a new message in the live region.
    html! {
        <div class="error" data-testid="error" role="alert" aria-live="assertive"
             hidden={props.error.is_none()}>
            { props.error.clone().unwrap_or_default() }
        </div>
    }
}
