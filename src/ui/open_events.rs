//! Files the operating system asks Detente to open while it starts or
//! runs. On macOS a double-click in Finder (or `open -a Detente FILE`)
//! starts the app without the file among its arguments: the file comes in
//! an Apple Event (`kAEOpenDocuments`), which winit, under eframe, does not
//! deliver. [`install`] registers Detente's own handler with
//! `NSAppleEventManager` from an observer of
//! `NSApplicationWillFinishLaunchingNotification` (after AppKit's default
//! handlers are in place, before the launch event arrives); the handler
//! queues the files' paths here and wakes the window, which opens a
//! workspace as File > Open does (asking first about unsaved changes) and
//! imports any other file. Elsewhere the files come as arguments and
//! `install` does nothing.
//!
//! When `DETENTE_OPENED_LOG` names a file, every workspace the window opens
//! is appended to it: the release workflow's macOS job reads it to prove
//! that a double-clicked workspace was opened.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

static QUEUE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static CONTEXT: OnceLock<egui::Context> = OnceLock::new();

/// Queue files to open and wake the window (from any thread).
pub fn push(paths: impl IntoIterator<Item = PathBuf>) {
    if let Ok(mut q) = QUEUE.lock() {
        q.extend(paths);
    }
    if let Some(ctx) = CONTEXT.get() {
        ctx.request_repaint();
    }
}

/// The files queued since the last call.
pub fn take() -> Vec<PathBuf> {
    QUEUE
        .lock()
        .map(|mut q| std::mem::take(&mut *q))
        .unwrap_or_default()
}

/// The window's context, to wake it when files come.
pub fn set_context(ctx: &egui::Context) {
    let _ = CONTEXT.set(ctx.clone());
}

/// Note a workspace the window opened, where `DETENTE_OPENED_LOG` asks.
pub fn log_opened(path: &std::path::Path) {
    if let Some(log) = std::env::var_os("DETENTE_OPENED_LOG") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = writeln!(f, "{}", path.display());
        }
    }
}

/// Register the handler for files the system asks to open (macOS).
#[cfg(target_os = "macos")]
pub fn install() {
    mac::install();
}

/// Nothing to register: files come as arguments.
#[cfg(not(target_os = "macos"))]
pub fn install() {}

#[cfg(target_os = "macos")]
mod mac {
    use objc2::rc::Retained;
    use objc2::runtime::{AnyObject, NSObject};
    use objc2::{AllocAnyThread, class, define_class, msg_send, sel};
    use std::ffi::{CStr, c_char};
    use std::path::PathBuf;

    /// Four-character Apple Event codes: 'aevt', 'odoc' and '----'.
    const K_CORE_EVENT_CLASS: u32 = u32::from_be_bytes(*b"aevt");
    const K_AE_OPEN_DOCUMENTS: u32 = u32::from_be_bytes(*b"odoc");
    const KEY_DIRECT_OBJECT: u32 = u32::from_be_bytes(*b"----");

    define_class!(
        // SAFETY: NSObject has no subclassing requirements, and this class
        // holds no state and implements no Drop.
        #[unsafe(super(NSObject))]
        #[name = "DetenteOpenDocuments"]
        struct OpenDocuments;

        impl OpenDocuments {
            /// AppKit has installed its own handlers: ours replaces the one
            /// for opening documents, before the launch event is handled.
            #[unsafe(method(willFinishLaunching:))]
            fn will_finish_launching(&self, _note: &AnyObject) {
                // SAFETY: documented Foundation calls with the signature
                // the handler selector below implements.
                unsafe {
                    let manager: *mut AnyObject =
                        msg_send![class!(NSAppleEventManager), sharedAppleEventManager];
                    if manager.is_null() {
                        return;
                    }
                    let _: () = msg_send![
                        manager,
                        setEventHandler: self,
                        andSelector: sel!(handleOpenDocuments:withReplyEvent:),
                        forEventClass: K_CORE_EVENT_CLASS,
                        andEventID: K_AE_OPEN_DOCUMENTS
                    ];
                }
            }

            /// The files of an "open documents" event, queued for the window.
            #[unsafe(method(handleOpenDocuments:withReplyEvent:))]
            fn handle_open_documents(&self, event: &AnyObject, _reply: &AnyObject) {
                super::push(paths(event));
            }
        }
    );

    /// The paths of the file URLs in an event's direct object (a list, or
    /// one descriptor).
    fn paths(event: &AnyObject) -> Vec<PathBuf> {
        let mut out = vec![];
        // SAFETY: NSAppleEventDescriptor methods; each object is checked
        // for nil before use, and strings are copied out at once.
        unsafe {
            let list: *mut AnyObject =
                msg_send![event, paramDescriptorForKeyword: KEY_DIRECT_OBJECT];
            if list.is_null() {
                return out;
            }
            let n: isize = msg_send![list, numberOfItems];
            let items: Vec<*mut AnyObject> = if n > 0 {
                (1..=n)
                    .map(|i| msg_send![list, descriptorAtIndex: i])
                    .collect()
            } else {
                vec![list]
            };
            for item in items.into_iter().filter(|x| !x.is_null()) {
                let url: *mut AnyObject = msg_send![item, fileURLValue];
                if url.is_null() {
                    continue;
                }
                let path: *mut AnyObject = msg_send![url, path];
                if path.is_null() {
                    continue;
                }
                let utf8: *const c_char = msg_send![path, UTF8String];
                if !utf8.is_null()
                    && let Ok(s) = CStr::from_ptr(utf8).to_str()
                {
                    out.push(PathBuf::from(s));
                }
            }
        }
        out
    }

    /// Observe the launch, to register the handler then; the observer
    /// lives as long as the process.
    pub(super) fn install() {
        // SAFETY: plain NSObject initialisation and NSNotificationCenter
        // registration with a selector the class implements.
        unsafe {
            let handler: Retained<OpenDocuments> = msg_send![OpenDocuments::alloc(), init];
            let center: *mut AnyObject = msg_send![class!(NSNotificationCenter), defaultCenter];
            let name: *mut AnyObject = msg_send![
                class!(NSString),
                stringWithUTF8String: c"NSApplicationWillFinishLaunchingNotification".as_ptr()
            ];
            if center.is_null() || name.is_null() {
                return;
            }
            let _: () = msg_send![
                center,
                addObserver: &*handler,
                selector: sel!(willFinishLaunching:),
                name: name,
                object: std::ptr::null_mut::<AnyObject>()
            ];
            // Kept for the process's life: the center does not retain it.
            std::mem::forget(handler);
        }
    }
}
