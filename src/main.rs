//! `cargo workbook`: the launcher. It depends on no chapter (see the harness's `launcher`).

fn main() {
    harness::launcher::main();
}
