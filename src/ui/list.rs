//! The list of pharmacies matching the filters and a search: the accessible
//! alternative to the map, so every matching pharmacy is in it. Sorted by
//! distance when a location is known, else by county, town and name.
//!
//! At 200,000 pharmacies neither the work nor the rows fit in a frame: the
//! order and the matching are worked out by [`Lister`] in slices with task
//! boundaries between them (typing goes on meanwhile; a newer query takes
//! over), and only the rows in view are in the page, each saying its place
//! among all matching (`aria-posinset` of `aria-setsize`), inside a spacer
//! as tall as all of them.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::coords::distance_m;
use crate::feed::listing::{ListQuery, Lister};
use crate::feed::{Inventory, Pharmacy};
use crate::i18n;
use crate::state::AppState;
use crate::time::TaipeiDateTime;
use crate::timers::taipei_now;

/// A row's height (CSS px) until one is measured: `--row` in style/main.css.
const ROW_PX: f64 = 72.0;
/// Rows rendered past each edge of the view: Tab and a short scroll find
/// the next rows already there.
const OVERSCAN: usize = 3;
/// Rows a new answer or a jump adds to the page in each frame: a screenful
/// of new rows laid out at once made a frame too long for a slow phone.
const ROWS_PER_FRAME: usize = 4;
/// The longest stretch of list work in one task, as for feed parsing.
const SLICE_MS: f64 = 8.0;

/// An answer and what it answers.
#[derive(Clone)]
struct Shown {
    inventory: Arc<Inventory>,
    query: ListQuery,
    order: Arc<[u32]>,
}

#[component]
pub fn PharmacyList(open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::get();
    let AppState {
        feed_later: feed,
        filters,
        here,
        lang,
        ..
    } = state;
    let query = RwSignal::new(String::new());
    // A kiosk's reset clears the search.
    state.on_next_visit(move || query.set(String::new()));
    let shown = RwSignal::new(None::<Shown>);
    // How many rows in view to render for now: all but just after a new
    // answer or a jump (see `reveal_in_frames`).
    let first_rows = RwSignal::new(usize::MAX);
    let reveals = StoredValue::new(0u32);
    let busy = RwSignal::new(false);
    let scroller = NodeRef::<html::Div>::new();
    // The scroll offset, the view's and a row's height, in CSS px.
    let scroll = RwSignal::new((0.0, 0.0, ROW_PX));
    let reveal = move || reveal_in_frames(first_rows, scroll, reveals);
    // Where the rows are scrolled to; with `rows_too`, a row's height
    // measured again as well (a layout, so not on every scroll).
    let measure = move |rows_too: bool| {
        // Closed (hidden), the list has nothing to measure.
        let Some(element) = scroller.get_untracked().filter(|e| e.client_height() > 0) else {
            return;
        };
        let row = rows_too
            .then(|| element.query_selector(".list-item").ok().flatten())
            .flatten()
            .and_then(|li| li.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|li| f64::from(li.offset_height()))
            .filter(|&h| h > 0.0)
            .unwrap_or(scroll.get_untracked().2);
        let now = (
            f64::from(element.scroll_top()),
            f64::from(element.client_height()),
            row,
        );
        let (top, height, row) = scroll.get_untracked();
        if (top, height, row) != now {
            // A jump (a dragged scroll bar) brings in a screenful of new
            // rows, a few a frame, as a new answer does.
            if (now.0 - top).abs() > height {
                reveal();
            }
            scroll.set(now);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure(true));
    on_cleanup(move || resize.remove());

    let lister = Rc::new(RefCell::new(None::<Lister>));
    let generation = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        generation.set(generation.get().wrapping_add(1));
        let inventory = feed.with(|f| f.inventory.clone());
        let open = open.get();
        // A replaced inventory is let go at once (and kept for no reopening).
        let current =
            |held: &Arc<Inventory>| inventory.as_ref().is_some_and(|i| Arc::ptr_eq(i, held));
        let stale = lister
            .borrow()
            .as_ref()
            .is_some_and(|l| !current(l.inventory()));
        if stale {
            if let Some(old) = lister.borrow_mut().take() {
                let_go(old.into_inventory());
            }
        }
        if !open && shown.with_untracked(|s| s.as_ref().is_some_and(|s| !current(&s.inventory))) {
            if let Some(old) = shown.try_update(Option::take).flatten() {
                let_go(old.inventory);
            }
        }
        let (Some(inventory), true) = (inventory, open) else {
            return;
        };
        let filters = filters.get();
        let ask = ListQuery {
            product: inventory.product_to_show(filters.product),
            filters,
            now: taipei_now(),
            search: query.get(),
            from: here.get(),
        };
        busy.set(true);
        let work = Work {
            lister: lister.clone(),
            generation: generation.clone(),
            mine: generation.get(),
            inventory: inventory.clone(),
            query: ask.clone(),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let Some(order) = work.run().await else {
                return;
            };
            let same_list = shown.with_untracked(|s| {
                s.as_ref().is_some_and(|s| {
                    (&s.query.filters, &s.query.search, s.query.from)
                        == (&ask.filters, &ask.search, ask.from)
                })
            });
            // A new search, filter or place starts at the top; a refreshed
            // feed keeps the reader's place.
            if !same_list {
                if let Some(element) = scroller.get_untracked() {
                    element.set_scroll_top(0);
                }
            }
            reveal();
            let old = shown.try_update(|s| {
                s.replace(Shown {
                    inventory,
                    query: ask,
                    order,
                })
            });
            if let Some(old) = old.flatten() {
                let_go(old.inventory);
            }
            busy.set(false);
            // Once a frame has laid the rows out, measuring one costs nothing.
            crate::timers::after_next_frame().await;
            measure(true);
        });
    });

    // The positions rendered (those in view and the overscan), how many
    // match, and a row's height.
    let window = move || {
        let (top, height, row) = scroll.get();
        let total = shown.with(|s| s.as_ref().map_or(0, |s| s.order.len()));
        let first = (top / row) as usize;
        let last = first + (height / row).ceil() as usize + 1;
        let end = (last + OVERSCAN).min(total);
        // All of them, or at first only the first few in view.
        let start = match first_rows.get() {
            usize::MAX => first.saturating_sub(OVERSCAN),
            few => return (first.min(total), end.min(first + few), total, row),
        };
        (start.min(total), end, total, row)
    };
    // Keyed by the answer's inventory, the position, the pharmacy and how
    // many match: a row stays in the page (with the focus) while it scrolls.
    let rows = move || {
        let (start, end, total, _) = window();
        shown.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                let inventory = Arc::as_ptr(&s.inventory) as usize;
                (start..end)
                    .map(|at| (inventory, at, s.order[at], total))
                    .collect()
            })
        })
    };
    let row = move |(_, at, index, total): (usize, usize, u32, usize)| {
        shown.with_untracked(|s| {
            s.as_ref().map(|s| {
                list_row(
                    state,
                    &s.inventory.pharmacies[index as usize],
                    at,
                    total,
                    &s.query,
                    s.inventory.as_of,
                )
            })
        })
    };
    // The list is as tall as all its rows; those rendered sit where they
    // would be. (Set through the CSSOM: the page's policy refuses style
    // attributes.)
    let height = move || {
        let (_, _, total, row) = window();
        px(total as f64 * row)
    };
    let above = move || {
        let (start, _, _, row) = window();
        px(start as f64 * row)
    };
    // One listener for every row's button: rows come and go as the list
    // scrolls, and a listener each was a closure made and dropped each time.
    let choose = move |e: leptos::ev::MouseEvent| {
        let code = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".list-item > button").ok().flatten())
            .and_then(|button| button.parent_element())
            .and_then(|row| row.get_attribute("data-id"));
        if code.is_some() {
            state.selected.set(code);
        }
    };
    let count = move || {
        shown.with(|s| {
            s.as_ref().map(|s| {
                let total = s.order.len();
                view! {
                    <p class="list__count" data-testid="list-count" data-count=total>
                        {i18n::list_count(lang, total)}
                    </p>
                }
            })
        })
    };

    view! {
        // Built once and hidden while closed: opening it then only shows
        // it, in a task short enough for a slow phone.
        <section
            class="list"
            data-testid="list"
            hidden=move || !open.get()
            aria-labelledby="list-heading"
            aria-busy=move || busy.get().to_string()
        >
            <div class="list__head">
                <h2 id="list-heading" class="list__heading">{i18n::list_heading(lang)}</h2>
                <button class="details__close" on:click=move |_| open.set(false) aria-label=i18n::close(lang)>
                    "×"
                </button>
            </div>
            <input
                class="list__search"
                data-testid="list-search"
                type="search"
                placeholder=i18n::search_placeholder(lang)
                aria-label=i18n::search_placeholder(lang)
                prop:value=move || query.get()
                on:input=move |e| {
                    busy.set(true);
                    query.set(event_target_value(&e));
                }
            />
            {count}
            <div class="list__scroller" node_ref=scroller on:scroll=move |_| measure(false)>
                <ol class="list__items" style:height=height style:padding-top=above on:click=choose>
                    <For each=rows key=|key| *key children=row />
                </ol>
            </div>
        </section>
    }
}

/// One row: the pharmacy at 0-based position `at` among `total`.
fn list_row(
    state: AppState,
    p: &Pharmacy,
    at: usize,
    total: usize,
    query: &ListQuery,
    as_of: Option<TaipeiDateTime>,
) -> impl IntoView {
    let AppState { levels, lang, .. } = state;
    let product = query.product;
    let count = product.and_then(|pr| p.stock.get(pr));
    let level = p.stock_level(product, levels);
    let stock = i18n::count_and_level(lang, count, level);
    let metres = query.from.zip(p.location).map(|(a, b)| distance_m(a, b));
    // A row lagging the feed says so first on its second line.
    let lagging = p.lagging_since(as_of);
    view! {
        <li
            class="list-item"
            data-testid="list-item"
            data-id=p.code.clone()
            aria-posinset=at + 1
            aria-setsize=total
            data-lagging=lagging.is_some().to_string()
        >
            <button class="nearest-item__name">{p.name.clone()}</button>
            <span class=format!("list-item__stock stock--{}", level.as_str())>{stock}</span>
            <span class="list-item__where">
                {lagging.map(|at| view! { <span class="list-item__lagging">{i18n::lagging(lang, at)}</span> })}
                {metres.map(|m| view! { <span class="list-item__distance">{i18n::distance(lang, m)}</span> })}
                <span class="list-item__address">{p.address.clone()}</span>
            </span>
        </li>
    }
}

/// Renders the first [`ROWS_PER_FRAME`] rows in view now and
/// [`ROWS_PER_FRAME`] more in each frame after, until the view and its
/// overscan are full: laying out new rows is most of a frame's work. A newer
/// reveal (`reveals` counts them) takes over.
fn reveal_in_frames(
    first_rows: RwSignal<usize>,
    scroll: RwSignal<(f64, f64, f64)>,
    reveals: StoredValue<u32>,
) {
    let mine = reveals.get_value().wrapping_add(1);
    reveals.set_value(mine);
    first_rows.set(ROWS_PER_FRAME);
    wasm_bindgen_futures::spawn_local(async move {
        // The frame that lays out the first rows may have begun already (a
        // scroll event runs inside one): the next rows wait for the one after.
        crate::timers::next_frame().await;
        loop {
            crate::timers::next_frame().await;
            if reveals.get_value() != mine {
                return;
            }
            let (_, height, row) = scroll.get_untracked();
            // The rows in view and the overscan below; the overscan above
            // comes last.
            let enough = (height / row).ceil() as usize + 1 + OVERSCAN;
            let more = first_rows.get_untracked().saturating_add(ROWS_PER_FRAME);
            if more >= enough {
                first_rows.set(usize::MAX);
                return;
            }
            first_rows.set(more);
        }
    });
}

/// Drops this hold on `inventory`; if it was the last one, its pharmacies
/// are freed a few hundred a task, as the map frees an old inventory's
/// (200,000 of them freed at once are a long task).
fn let_go(inventory: Arc<Inventory>) {
    if let Ok(old) = Arc::try_unwrap(inventory) {
        crate::timers::drop_in_pieces(old.pharmacies, 500);
    }
}

/// CSS pixels, whole: formatting a float would bring float formatting into
/// the wasm.
fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

/// A run of list work for one query, given up when a newer one starts.
struct Work {
    lister: Rc<RefCell<Option<Lister>>>,
    generation: Rc<Cell<u32>>,
    mine: u32,
    inventory: Arc<Inventory>,
    query: ListQuery,
}

impl Work {
    /// The answer, worked out in slices of at most [`SLICE_MS`] with a task
    /// boundary between them; `None` if a newer query took over.
    async fn run(self) -> Option<Arc<[u32]>> {
        // Not in the keystroke's own task: the input shows the letter first.
        crate::timers::next_task().await;
        if self.generation.get() != self.mine {
            return None;
        }
        {
            // The orders are kept for as long as the inventory is.
            let mut lister = self.lister.borrow_mut();
            if !lister
                .as_ref()
                .is_some_and(|l| Arc::ptr_eq(l.inventory(), &self.inventory))
            {
                if let Some(old) = lister.replace(Lister::new(self.inventory.clone())) {
                    let_go(old.into_inventory());
                }
            }
            if let Some(lister) = lister.as_mut() {
                lister.ask(self.query.clone());
            }
        }
        let mut started = js_sys::Date::now();
        loop {
            if self.generation.get() != self.mine {
                return None;
            }
            let done = self.lister.borrow_mut().as_mut().is_none_or(Lister::step);
            if done {
                return self.lister.borrow().as_ref()?.answer().cloned();
            }
            if js_sys::Date::now() - started >= SLICE_MS {
                crate::timers::next_task().await;
                started = js_sys::Date::now();
            }
        }
    }
}
