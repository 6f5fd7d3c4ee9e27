use clap::Parser;
use workbook::cli::{self, Cli};

fn main() {
    workbook::register_chapters();
    workbook::guard::install_quiet_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => cli::exit_with_usage_error(e),
    };
    if let Err(e) = cli::run(cli) {
        cli::exit_with_error(e);
    }
}
