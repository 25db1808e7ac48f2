//! The hidden `read-pdf` worker: reads a PDF from standard input and
//! writes its text to standard output. The importer runs it as a child
//! process under memory and time limits (see [`crate::read::pdf`]), so a
//! hostile PDF can crash only the child.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{Failure, Res};
use clap::Subcommand;
use std::io::{Read, Write};

#[derive(Subcommand, Debug)]
pub enum WorkerCommand {
    /// Read a PDF from standard input; write its text to standard output.
    #[command(hide = true)]
    ReadPdf,
}

pub fn run(cmd: WorkerCommand, out: &mut dyn Write) -> Res {
    match cmd {
        WorkerCommand::ReadPdf => {
            let mut bytes = vec![];
            std::io::stdin()
                .take(crate::core::limits::MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)?;
            let text = crate::read::pdf::extract(&bytes).map_err(Failure)?;
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
    }
}
