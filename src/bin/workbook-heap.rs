//! `workbook heap` in its own process: dhat must be the global allocator of the process it
//! measures, and it locks on every allocation, so it never goes into the timing binary.

use clap::Parser;
use workbook::cli::{self, Cli};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    workbook::register_chapters();
    workbook::guard::install_quiet_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => cli::exit_with_usage_error(e),
    };
    if let Err(e) = cli::heap_main(cli) {
        cli::exit_with_error(e);
    }
}
