//! Focus follows the step: the new step's heading gets it, so keyboard and screen-reader users
//! follow along.

use yew::prelude::*;

use crate::state::Step;

/// The ref to put on the step heading; focused on every step change after the first render.
#[hook]
pub fn use_step_focus(step: Step) -> NodeRef {
    let heading = use_node_ref();
    let first = use_mut_ref(|| true);
    {
        let heading = heading.clone();
        use_effect_with(step, move |_| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(element)) = (first, heading.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    heading
}
