//! The four steps of the flow, in order.

use serde::{Deserialize, Serialize};

/// The steps of the flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Step {
    #[default]
    WhatHappened,
    WhereYouWere,
    Result,
    WhatToDo,
}

impl Step {
    pub const ALL: [Step; 4] = [
        Step::WhatHappened,
        Step::WhereYouWere,
        Step::Result,
        Step::WhatToDo,
    ];

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub(super) fn next(self) -> Step {
        Step::ALL.get(self.number()).copied().unwrap_or(self)
    }

    pub(super) fn back(self) -> Step {
        Step::ALL
            .get(self.number().saturating_sub(2))
            .copied()
            .unwrap_or(self)
    }
}
