//! The words of a count's freshness and its day: a lagging row, the pace, the
//! sell-out estimate (always called one) and a stalled count.

use super::pick;
use crate::config::Lang;
use crate::time::TaipeiDateTime;

/// "10:12": a Taipei time of day.
pub fn clock(at: TaipeiDateTime) -> String {
    format!("{:02}:{:02}", at.hour, at.minute)
}

/// "Updated 10:12".
pub fn updated_at(lang: Lang, at: TaipeiDateTime) -> String {
    format!("{} {}", super::updated(lang), clock(at))
}

/// "10:12", of seconds since midnight.
pub fn clock_of_day(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 3600, seconds / 60 % 60)
}

/// The chart of today's counts, named: its top and its span.
pub fn chart_label(lang: Lang, most: u32, from: &str, until: &str) -> String {
    match lang {
        Lang::ZhTw => format!("今天的數量，{from} 至 {until}，最高 {most}"),
        Lang::En => format!("Today's counts, {from} to {until}, at most {most}"),
    }
}

/// A lagging row, with what to do about it.
pub fn lagging(lang: Lang, updated: TaipeiDateTime) -> String {
    match lang {
        Lang::ZhTw => format!("{} 後未更新：去之前請先打電話", clock(updated)),
        Lang::En => format!("Not updated since {}: call before you go", clock(updated)),
    }
}

/// A lagging row in a pin's name, after its stock.
pub fn not_updated_since(lang: Lang, updated: TaipeiDateTime) -> String {
    match lang {
        Lang::ZhTw => format!("{} 後未更新", clock(updated)),
        Lang::En => format!("not updated since {}", clock(updated)),
    }
}

/// The pace, whole items an hour.
pub fn selling(lang: Lang, per_hour: u32) -> String {
    match lang {
        Lang::ZhTw => format!("每小時約賣出 {per_hour}"),
        Lang::En => format!("Selling about {per_hour} an hour"),
    }
}

pub fn restocked(lang: Lang) -> &'static str {
    pick(lang, "剛補貨", "Just restocked")
}

/// The estimate, labelled as one.
pub fn sellout(lang: Lang, at: TaipeiDateTime) -> String {
    match lang {
        Lang::ZhTw => format!("照這個速度，約 {} 售完（估計）", clock(at)),
        Lang::En => format!("At this pace, sold out around {} (an estimate)", clock(at)),
    }
}

/// The pace and the estimate in one short phrase (the nearest list).
pub fn pace_phrase(lang: Lang, per_hour: u32, sellout: Option<TaipeiDateTime>) -> String {
    match (lang, sellout) {
        (Lang::ZhTw, Some(at)) => format!("每小時 {per_hour} · 約 {} 售完（估）", clock(at)),
        (Lang::ZhTw, None) => format!("每小時 {per_hour}"),
        (Lang::En, Some(at)) => format!("selling {per_hour}/h · out ~{} (est.)", clock(at)),
        (Lang::En, None) => format!("selling {per_hour}/h"),
    }
}

/// A count that has not moved while the pharmacy is open.
pub fn stalled(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::ZhTw => format!(
            "藥局營業中，數量已 {minutes} 分鐘沒有變動：可能採號碼牌發放，請看藥局的公告。"
        ),
        Lang::En => format!(
            "The count has not moved for {minutes} min while the pharmacy is open: it may be selling by numbered tickets. Check its notice."
        ),
    }
}

/// A stalled count in the nearest list's few words.
pub fn stalled_phrase(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::ZhTw => format!("數量 {minutes} 分鐘未動：請看藥局公告"),
        Lang::En => format!("count still for {minutes} min: check its notice"),
    }
}
