//! The `lectern` binary: parses the command line, starts logging, then runs a command or the
//! window (see [`lectern::cli`]).

use clap::Parser as _;

fn main() -> anyhow::Result<()> {
    let cli = lectern::cli::Cli::parse();
    if cli.trace_startup {
        lectern::startup::begin();
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        // The PDF parser's warnings are about damaged files, which the import reports itself.
        .filter_module("lopdf", log::LevelFilter::Error)
        .init();
    lectern::cli::run(cli)
}
