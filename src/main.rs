//! The app's entry point; everything else is in the library so tests can mount it.

fn main() {
    unfreeze_app::recovery::install();
    yew::Renderer::<unfreeze_app::app::App>::new().render();
}
