//! Where a run starts and ends: parsing (help and version written like any output), and writing
//! the buffered output, where a failed write is a message and exit 1 and a closed pipe is quiet.

use super::{Cli, output, run};
use clap::Parser;
use std::process::ExitCode;

/// Parse the command line and run it. Help and version text go out like any output (a failed
/// write is a message and exit 1); a usage error is clap's message on stderr and exit 2.
pub fn main() -> ExitCode {
    use clap::error::ErrorKind;
    crate::signals::survive_file_size_limit();
    match Cli::try_parse() {
        Ok(cli) => run(&cli),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            match write_stdout(&e.render().to_string()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
        Err(e) => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
    }
}

/// Write buffered output, every control character in it shown as a visible stand-in (prep's own
/// colour codes aside). A reader that went away (`prep list | head`) is a quiet exit; any other
/// failed write (a full disk) is a message and exit 1.
pub(crate) fn emit(text: &str, color: bool) -> Result<(), ExitCode> {
    write_stdout(&output::clean_output(text, color))
}

/// Write to stdout: a closed pipe (the reader went away) is no message and no change to the exit
/// code; any other failure is a message and exit 1. Never a panic.
pub(crate) fn write_stdout(text: &str) -> Result<(), ExitCode> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("prep: cannot write the output: {e}");
            Err(ExitCode::from(1))
        }
    }
}
