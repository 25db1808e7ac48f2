//! Sharing: `merge` combines two copies of a workspace (with their common
//! ancestor when known) and lists the conflicts; `git-setup` makes git use
//! it for `*.detente` files, so a `git merge` never writes conflict markers
//! into a workspace.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Failure, Res, in_file, lock, shown, shown_path};
use crate::core::store;
use crate::exchange::merge::merge;
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum MergeCommand {
    /// Merge two copies of a workspace: `merge [BASE] A B -o OUT`.
    ///
    /// With BASE (their common ancestor) a field changed on one side takes
    /// that change; without it, what only one copy has is kept. The same
    /// field changed differently on both sides, or an object edited on one
    /// side and deleted on the other, is a conflict: listed here (exit 1),
    /// and recorded in OUT with both values, so nothing is lost. A is kept
    /// where they conflict. OUT may be A (as git's merge driver does).
    #[command(after_help = EXIT_CODES, display_order = 11)]
    Merge {
        /// [BASE] A B: two copies, after their common ancestor if known.
        #[arg(num_args = 2..=3, required = true)]
        files: Vec<PathBuf>,
        /// Where to write the merged workspace.
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// List the conflicts as JSON.
        #[arg(long)]
        json: bool,
        /// Keep no OUT.bak (git keeps the history; its merge driver uses this).
        #[arg(long)]
        no_backup: bool,
        /// Print only the conflicts, not the summary line.
        #[arg(short, long)]
        quiet: bool,
    },
    /// How far two annotators of the same articles agree: passages matched
    /// by overlap, passage F1, Cohen's kappa on event type, dates that
    /// overlap, and every disagreement with its quote.
    #[command(after_help = EXIT_CODES, display_order = 13)]
    Agree {
        a: PathBuf,
        b: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Make git merge *.detente files with `detente merge` (in DIR's repository).
    #[command(after_help = EXIT_CODES, display_order = 12)]
    GitSetup {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

pub fn run(cmd: MergeCommand, out: &mut dyn Write) -> Res {
    match cmd {
        MergeCommand::Merge {
            files,
            output,
            json,
            no_backup,
            quiet,
        } => {
            let (base, a, b) = match files.as_slice() {
                [a, b] => (None, a, b),
                [base, a, b] => (Some(base), a, b),
                _ => return Err(Failure("give A B, or BASE A B".into())),
            };
            // The lock first, then the reads: when OUT is A (git's merge
            // driver, or a user merging into their copy), an edit saved to A
            // meanwhile waits for this merge or is read by it, never lost.
            let lock = lock_new(&output)?;
            let base = base.map(|p| store::load(p)).transpose()?;
            let ours = store::load(a)?;
            let theirs = store::load(b)?;
            let mut merged = crate::core::isolate::isolate(|| merge(base.as_ref(), &ours, &theirs))
                .map_err(|p| {
                    in_file(&output, format!("the merge failed ({p}); nothing written"))
                })?;
            let problems = merged.problems();
            if let Some(p) = problems.first() {
                return Err(in_file(
                    &output,
                    format!("the merge would not be sound ({p}); nothing written"),
                ));
            }
            if no_backup {
                store::save_locked_without_backup(&mut merged, &output, &lock)?;
            } else {
                store::save_locked(&mut merged, &output, &lock)?;
            }
            let fresh = merged.conflicts.len() - ours.conflicts.len().min(merged.conflicts.len());
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&merged.conflicts)?)?;
            } else {
                for c in &merged.conflicts {
                    let field = if c.field.is_empty() {
                        "(deleted on one side)"
                    } else {
                        &c.field
                    };
                    writeln!(
                        out,
                        "conflict {} {} {}: ours {} | theirs {}",
                        c.kind,
                        shown(&c.id),
                        shown(field),
                        shown(&c.ours.to_string()),
                        shown(&c.theirs.to_string())
                    )?;
                }
                if quiet {
                    if !merged.conflicts.is_empty() {
                        writeln!(
                            out,
                            "{} conflict(s) recorded in the workspace: open it in Detente to settle them",
                            merged.conflicts.len()
                        )?;
                    }
                } else {
                    writeln!(
                        out,
                        "merged into {}: {} articles, {} events, {} actors, {} conflicts ({} new)",
                        shown_path(&output),
                        merged.articles.len(),
                        merged.events.len(),
                        merged.actors.len(),
                        merged.conflicts.len(),
                        fresh
                    )?;
                }
            }
            Ok(i32::from(!merged.conflicts.is_empty()))
        }
        MergeCommand::GitSetup { dir } => git_setup(&dir, out),
        MergeCommand::Agree { a, b, json } => {
            let r = crate::exchange::agree::agree(&store::load(&a)?, &store::load(&b)?);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?;
                return Ok(0);
            }
            write!(out, "{}", crate::exchange::agree::report(&r))?;
            Ok(0)
        }
    }
}

/// The writers' lock of `path`, which may not exist yet.
fn lock_new(path: &Path) -> Result<store::Lock, Failure> {
    if path.exists() {
        lock(path)
    } else {
        Ok(store::lock(path)?)
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<String, Failure> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Failure(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(in_file(
            dir,
            format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn git_setup(dir: &Path, out: &mut dyn Write) -> Res {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    let exe =
        std::env::current_exe().map_err(|e| Failure(format!("cannot find detente itself: {e}")))?;
    let attrs = top.join(".gitattributes");
    let line = "*.detente merge=detente";
    let current = std::fs::read_to_string(&attrs).unwrap_or_default();
    if current.lines().any(|l| l.trim() == line) {
        writeln!(out, "unchanged {}: {line}", shown_path(&attrs))?;
    } else {
        let mut text = current;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        store::save_bytes(text.as_bytes(), &attrs)?;
        writeln!(out, "wrote {}: {line}", shown_path(&attrs))?;
    }
    let driver = format!(
        "'{}' merge %O %A %B -o %A --no-backup --quiet",
        exe.display().to_string().replace('\'', r"'\''")
    );
    git(
        &top,
        &["config", "merge.detente.name", "Detente workspace merge"],
    )?;
    git(&top, &["config", "merge.detente.driver", &driver])?;
    writeln!(
        out,
        "set git config merge.detente.driver = {}",
        shown(&driver)
    )?;
    writeln!(
        out,
        "git now merges *.detente files with detente: conflicts are recorded in the workspace \
         (open it in Detente to resolve them), never written as conflict markers."
    )?;
    // Backups are for folders without history; git has it.
    let exclude = PathBuf::from(git(&top, &["rev-parse", "--git-path", "info/exclude"])?);
    let exclude = if exclude.is_absolute() {
        exclude
    } else {
        top.join(exclude)
    };
    let ignore = "*.detente.bak";
    let current = std::fs::read_to_string(&exclude).unwrap_or_default();
    if !current.lines().any(|l| l.trim() == ignore) {
        let mut text = current;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ignore);
        text.push('\n');
        if let Some(d) = exclude.parent() {
            std::fs::create_dir_all(d)?;
        }
        store::save_bytes(text.as_bytes(), &exclude)?;
        writeln!(
            out,
            "git now ignores {ignore} here ({})",
            shown_path(&exclude)
        )?;
    }
    writeln!(
        out,
        "commit .gitattributes so that everyone's clone merges workspaces this way; each \
         person runs `detente git-setup` once in their clone (git does not share its config)."
    )?;
    Ok(0)
}
