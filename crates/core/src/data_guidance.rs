//! Schema of the guidance data: `messages.json` (block-screen texts → cause), `channels.json`
//! (who decides and how to reach them) and `legal.json` (articles quoted in letters).
