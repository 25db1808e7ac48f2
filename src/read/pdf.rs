//! PDF articles, read with pdf-extract. A PDF with no text layer (a scan)
//! is refused with the reason, and a damaged or hostile one never takes the
//! app down: pdf-extract has no depth or size limits of its own (a Form
//! XObject that draws itself overflows the stack and aborts the process; a
//! 3 MB deflate bomb asks for 6 GB), so where the `detente` executable is at
//! hand (the window and the command line) the PDF is read by a child process
//! of it, `detente read-pdf`, under a memory limit ([`MAX_PDF_MEMORY`]) and a
//! time limit ([`MAX_PDF_SECONDS`]). A child that crashes, runs out of memory
//! or time is a refusal with the reason. Elsewhere (this crate's own tests, a
//! program using it as a library) it is read in this process, guarded
//! against panics only.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

pub use crate::core::limits::{MAX_PDF_MEMORY, MAX_PDF_SECONDS};
use crate::read::docx::Doc;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Read a PDF's text, in a child process where one can be started.
pub fn read_pdf(bytes: &[u8]) -> Result<Doc, String> {
    let text = match worker() {
        Some(exe) => read_in_child(&exe, bytes)?,
        None => extract(bytes)?,
    };
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err("the PDF has no text layer (a scanned PDF?); run OCR on it first".into());
    }
    Ok(Doc { text, title: None })
}

/// The text of a PDF, read in this process (what `detente read-pdf` runs).
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    // pdf-extract may panic on malformed files.
    std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| "the PDF could not be read (damaged or unsupported)".to_string())?
        .map_err(|e| format!("the PDF could not be read: {e}"))
}

/// The executable that can read a PDF in a child: `DETENTE_WORKER`, else
/// this process's own executable when it is `detente`.
fn worker() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DETENTE_WORKER") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    (exe.file_stem()? == "detente").then_some(exe)
}

/// The memory a PDF's reader may use, in bytes: [`MAX_PDF_MEMORY`], or
/// `DETENTE_PDF_MEMORY_MB` (so a test can show a bomb refused cheaply).
fn memory_limit() -> u64 {
    std::env::var("DETENTE_PDF_MEMORY_MB")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(MAX_PDF_MEMORY, |mb| mb << 20)
}

fn read_in_child(exe: &Path, bytes: &[u8]) -> Result<String, String> {
    let mut cmd = Command::new(exe);
    cmd.arg("read-pdf")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let memory = memory_limit();
        // SAFETY: only async-signal-safe calls (setrlimit) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                let limit = |what, n: u64| {
                    let r = libc::rlimit {
                        rlim_cur: n as libc::rlim_t,
                        rlim_max: n as libc::rlim_t,
                    };
                    libc::setrlimit(what, &r)
                };
                limit(libc::RLIMIT_AS, memory);
                // A crash must not leave a core file of a hostile document.
                limit(libc::RLIMIT_CORE, 0);
                Ok(())
            });
        }
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("the PDF reader could not be started: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        // A reader that dies early closes its end: that is reported below.
        let _ = stdin.write_all(&input);
    });
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = vec![];
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + Duration::from_secs(MAX_PDF_SECONDS);
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "the PDF could not be read in {MAX_PDF_SECONDS} s (a damaged or hostile file?)"
                ));
            }
        }
    };
    let _ = writer.join();
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    if status.success() {
        return Ok(String::from_utf8_lossy(&out).into_owned());
    }
    if status.code() == Some(1) {
        // The reader's own refusal ("detente: the PDF could not be read: ...").
        let msg = String::from_utf8_lossy(&err);
        let msg = msg.trim().trim_start_matches("detente: ");
        return Err(msg.to_string());
    }
    Err(format!(
        "the PDF could not be read: reading it crashed or needed more than {} MiB \
         (a damaged or hostile file)",
        memory_limit() >> 20
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_damaged_pdf_is_refused_not_panicked() {
        assert!(super::read_pdf(b"%PDF-1.4 garbage").is_err());
    }
}
