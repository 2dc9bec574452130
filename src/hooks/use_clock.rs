//! "Now" in China time, read when the last step opens, for "open now" on the hotline script.

use yew::prelude::*;

use crate::context::Store;
use crate::files::china_now;
use crate::state::{Action, Step};

#[hook]
pub fn use_clock(store: &Store) {
    let store = store.clone();
    use_effect_with(store.step, move |step| {
        if let (Step::WhatToDo, Some(now)) = (*step, china_now()) {
            store.dispatch(Action::SetNow(now));
        }
    });
}
