use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = prep::cli::Cli::parse();
    prep::cli::run(&cli)
}
