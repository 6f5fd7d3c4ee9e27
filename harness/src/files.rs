//! Writing result files without ever losing one of the learner's: parent folders must exist,
//! an existing file outside `target/workbook/` is kept as a `.bak`, and every write goes through
//! a temporary file and a rename so that a failure leaves the old file whole. And where the
//! workbook is: found at run time, never compiled in.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Set by the launcher for the runners it starts, so that both act on the same folder.
pub const ROOT_VARIABLE: &str = "WORKBOOK_ROOT";

/// Finds the workbook's folder at run time: `WORKBOOK_ROOT` when set, else the nearest folder
/// at or above the current one that holds `Cargo.toml`, `book/book.toml` and `chapters/`. The
/// binaries call this first, so a copied or moved clone works on itself, never on the folder
/// it was built in.
pub fn find_root() -> Result<&'static Path> {
    if let Some(root) = ROOT.get() {
        return Ok(root);
    }
    let found = match std::env::var_os(ROOT_VARIABLE) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if !is_root(&dir) {
                bail!("{ROOT_VARIABLE}={} is not a workbook folder", dir.display());
            }
            dir
        }
        None => {
            let here = std::env::current_dir().context("cannot read the current folder")?;
            match here.ancestors().find(|d| is_root(d)) {
                Some(dir) => dir.to_path_buf(),
                None => bail!(
                    "{} is not inside the workbook: run this command in the workbook's folder",
                    here.display()
                ),
            }
        }
    };
    Ok(ROOT.get_or_init(|| found))
}

fn is_root(dir: &Path) -> bool {
    dir.join("Cargo.toml").is_file()
        && dir.join("book").join("book.toml").is_file()
        && dir.join("chapters").is_dir()
}

/// The workbook's folder; [`find_root`] must have succeeded first (the binaries call it at
/// start-up), else this is the current folder.
pub fn root() -> &'static Path {
    match find_root() {
        Ok(root) => root,
        Err(_) => Path::new("."),
    }
}

/// Where the tools write by default: `target/workbook/` in the workspace.
pub fn workbook_dir() -> PathBuf {
    root().join("target").join("workbook")
}

/// `target/workbook/NAME`, creating the folder.
pub fn default_path(name: &str) -> Result<PathBuf> {
    let dir = workbook_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir.join(name))
}

/// Writes `bytes` to `path` safely; returns the backup's path when an existing file was kept.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>> {
    let shown = path.display();
    if path.is_dir() {
        bail!("cannot write {shown}: it is a folder");
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        bail!(
            "cannot write {shown}: folder {} does not exist",
            parent.display()
        );
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.workbook-tmp"));
    std::fs::write(&temp, bytes).map_err(|e| anyhow::anyhow!("cannot write {shown}: {e}"))?;
    let backup = if path.exists() && !is_ours(path) {
        Some(backup_path(path))
    } else {
        None
    };
    if let Some(b) = &backup {
        std::fs::rename(path, b).with_context(|| format!("cannot keep a backup of {shown}"))?;
    }
    if let Err(e) = std::fs::rename(&temp, path) {
        let _ = std::fs::remove_file(&temp);
        bail!("cannot write {shown}: {e}");
    }
    Ok(backup)
}

/// Files under target/workbook/ and the book's measured figures are the tools' own and are
/// simply replaced.
fn is_ours(path: &Path) -> bool {
    let Ok(p) = path.canonicalize() else {
        return false;
    };
    [workbook_dir(), measured_dir()]
        .iter()
        .filter_map(|dir| dir.canonicalize().ok())
        .any(|dir| p.starts_with(dir))
}

/// Where `cargo workbook reproduce` writes the figures the book includes.
pub fn measured_dir() -> PathBuf {
    root().join("book").join("src").join("measured")
}

/// A path as the learner would type it: relative to the workspace when it is inside it.
pub fn shown(path: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let root = root();
    let here = std::env::current_dir().unwrap_or_default();
    match absolute.strip_prefix(root) {
        Ok(rel) if here == root => rel.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// `FILE.bak`, or `FILE.bak.2`, `FILE.bak.3`, ... if that one is taken.
fn backup_path(path: &Path) -> PathBuf {
    let base = path.as_os_str().to_string_lossy().into_owned();
    let first = PathBuf::from(format!("{base}.bak"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|i| PathBuf::from(format!("{base}.bak.{i}")))
        .find(|p| !p.exists())
        .expect("an unused backup name")
}
