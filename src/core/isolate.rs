//! One input's failure stays that input's: a panic inside work done for one
//! file, page, feed, project, export or merge (ours or a dependency's, such
//! as an HTML parser's `unwrap`) is caught at the worker boundary and turned
//! into that input's refusal, so a batch goes on and a window job ends.
//!
//! Why not let it unwind: a scoped worker's panic re-raises in its parent,
//! so one page once ended an import of 770 (exit 101, nothing saved) and
//! left the window's import job waiting forever. Why a quiet hook: a batch
//! reports each refusal on its own line; the default hook would also print
//! a raw "thread panicked at" line for every caught panic. Panics outside an
//! isolated call still reach the previous hook (and the crash report).
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a caught panic said, and where in the code it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked {
    /// The panic's message, cut to a line's length.
    pub message: String,
    /// `file:line` of the panic, file name only (`tendril.rs:900`).
    pub location: String,
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.location.is_empty() {
            write!(f, "internal error: {}", self.message)
        } else {
            write!(f, "internal error at {}: {}", self.location, self.message)
        }
    }
}

thread_local! {
    /// How many isolated calls this thread is inside.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// The last panic caught on this thread, noted by the hook.
    static CAUGHT: RefCell<Option<Panicked>> = const { RefCell::new(None) };
}

static HOOK: std::sync::Once = std::sync::Once::new();

/// Install the hook that stays quiet inside isolated calls (once per process).
fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if DEPTH.with(Cell::get) == 0 {
                previous(info);
                return;
            }
            let message = payload_text(info.payload());
            let location = info.location().map_or_else(String::new, |l| {
                let file = std::path::Path::new(l.file()).file_name().map_or_else(
                    || l.file().to_string(),
                    |f| f.to_string_lossy().into_owned(),
                );
                format!("{file}:{}", l.line())
            });
            CAUGHT.with(|c| *c.borrow_mut() = Some(Panicked { message, location }));
        }));
    });
}

/// A panic payload as text (a `&str` or `String` message; anything else is
/// named as such), on one line of at most 200 chars.
fn payload_text(p: &(dyn std::any::Any + Send)) -> String {
    let s = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string());
    let line = crate::text::normalise::one_line(&s);
    match line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// Run `f`, turning a panic inside it into `Err` with what it said.
///
/// What `f` changed before it panicked may be half done: callers give it
/// work on a copy (or on nothing shared), and drop that copy on `Err`.
pub fn isolate<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    install_hook();
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get() - 1));
    r.map_err(|payload| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| Panicked {
                message: payload_text(payload.as_ref()),
                location: String::new(),
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_where_it_happened() {
        let e = isolate(|| -> u32 { panic!("bad page {}", 7) }).unwrap_err();
        assert_eq!(e.message, "bad page 7");
        assert!(e.location.starts_with("isolate.rs:"), "{}", e.location);
        assert!(
            e.to_string().contains("internal error at isolate.rs:"),
            "{e}"
        );
        assert_eq!(isolate(|| 5).unwrap(), 5);
    }

    #[test]
    fn nested_and_repeated_calls_each_report_their_own_panic() {
        let outer = isolate(|| {
            let inner = isolate(|| -> () { panic!("inner") }).unwrap_err();
            assert_eq!(inner.message, "inner");
            panic!("outer")
        })
        .unwrap_err();
        assert_eq!(outer.message, "outer");
        // An unwrap on an Err, as a dependency does it.
        let e = isolate(|| "x".parse::<u8>().unwrap()).unwrap_err();
        assert!(
            e.message.contains("called `Result::unwrap()`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_long_message_is_cut_to_one_line() {
        let e = isolate(|| -> () { panic!("{}\nforged line", "x".repeat(1000)) }).unwrap_err();
        assert!(!e.message.contains('\n'));
        assert!(e.message.chars().count() <= 201, "{}", e.message.len());
    }
}
