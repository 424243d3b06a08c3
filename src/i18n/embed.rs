//! The words of the embed dialog.

use super::pick;
use crate::config::Lang;

pub fn embed_button(lang: Lang) -> &'static str {
    pick(lang, "嵌入這張地圖", "Embed this map")
}

pub fn embed_heading(lang: Lang) -> &'static str {
    pick(lang, "在您的網頁嵌入地圖", "Embed this map in your page")
}

pub fn embed_explained(lang: Lang) -> &'static str {
    pick(
        lang,
        "把這段程式碼貼到網頁中：它會顯示目前的地圖範圍與篩選條件。",
        "Paste this into your page: it shows the current view and filters.",
    )
}

pub fn copy(lang: Lang) -> &'static str {
    pick(lang, "複製", "Copy")
}

pub fn copied(lang: Lang) -> &'static str {
    pick(lang, "已複製", "Copied")
}

pub fn open_full_map(lang: Lang) -> &'static str {
    pick(lang, "開啟完整地圖", "Open the full map")
}
