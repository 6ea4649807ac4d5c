//! The `lectern` binary: parses the command line, starts logging, then runs a command or the
//! window (see [`lectern::cli`]).

use clap::Parser as _;

fn main() -> anyhow::Result<()> {
    let cli = lectern::cli::Cli::parse();
    if cli.trace_startup {
        lectern::startup::begin();
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    lectern::cli::run(cli)
}
