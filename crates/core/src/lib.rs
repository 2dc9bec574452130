pub mod data;
pub mod data_guidance;
