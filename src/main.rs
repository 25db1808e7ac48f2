//! The `detente` binary: the window when no subcommand is given, the
//! command line ([`detente::cli`]) when one is.

// On Windows the program is a GUI one, so the Start menu opens no console
// beside the window; see `attach_console` for the command line.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use clap::Parser;
use detente::cli::{Cli, run};

fn main() {
    attach_console();
    // On Windows the shell leaves `*.txt` to the program: `wild` expands
    // it as a Unix shell would (unquoted patterns only; one that matches
    // nothing is kept, so the command names it). Elsewhere it passes the
    // arguments through.
    let cli = Cli::parse_from(wild::args_os());
    if let Some(a) = &cli.author {
        detente::core::ids::set_author(a);
    }
    let code = match (cli.command, cli.workspace) {
        (Some(_), Some(w)) => {
            eprintln!(
                "detente: give a workspace to open ({}) or a command, not both; see --help",
                w.display()
            );
            2
        }
        (Some(cmd), None) => run(cmd),
        (None, workspace) => window(workspace),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn window(workspace: Option<std::path::PathBuf>) -> i32 {
    detente::ui::run(workspace)
}

#[cfg(not(feature = "gui"))]
fn window(_: Option<std::path::PathBuf>) -> i32 {
    eprintln!("detente: this build has no window (built without the `gui` feature); see --help");
    2
}

/// Run from a terminal on Windows, print there: a GUI-subsystem program
/// starts without a console, so attach to the parent's (nothing happens
/// when started from the Start menu or Explorer, which have none; output
/// redirected to a file or pipe already has its handles).
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and has no other effect
    // than giving this process a console; failure is harmless.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_console() {}
