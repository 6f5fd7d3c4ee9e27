//! Writing result files without ever losing one of the learner's: only a regular file is ever
//! replaced, and the destination is checked before any work starts ([`check_destination`]); an
//! existing file outside `target/workbook/` is kept as its one `.bak`; every write goes through
//! a unique temporary file and a rename ([`write_file`], [`Pending`]), so that a failure leaves
//! the old file whole. And where the workbook is: found at run time, never compiled in.

use anyhow::{Context, Result, anyhow, bail};
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, OnceLock};

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

/// Refuses, before any work is done, a destination the tools must not or cannot replace: only
/// a regular file (or nothing) is ever replaced, never a folder, a device such as `/dev/null`,
/// a FIFO, a socket or a symbolic link (whose target would be written), and the folder must
/// exist, be a folder and take a new file. Every message names the real cause.
pub fn check_destination(path: &Path) -> Result<()> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            if let Some(what) = not_regular(&meta) {
                if meta.file_type().is_symlink() {
                    let target = std::fs::read_link(path)
                        .map(|t| format!(" (to {})", t.display()))
                        .unwrap_or_default();
                    bail!(
                        "cannot write {shown}: it is a symbolic link{target}; the tools replace only regular files, so name the file itself"
                    );
                }
                bail!("cannot write {shown}: it is {what}, not a regular file");
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        // ENOTDIR and the like: the folder check below names the cause.
        Err(_) => {}
    }
    let parent = parent_of(path);
    match std::fs::metadata(&parent) {
        Ok(meta) if meta.is_dir() => {
            if meta.permissions().readonly() {
                bail!(
                    "cannot write {shown}: folder {} is read-only",
                    parent.display()
                );
            }
        }
        Ok(_) => bail!(
            "cannot write {shown}: {} is a file, not a folder",
            parent.display()
        ),
        Err(_) => {
            // The nearest part of the path that exists says why the folder is missing.
            match parent.ancestors().skip(1).find(|a| a.exists()) {
                Some(a) if !a.as_os_str().is_empty() && !a.is_dir() => bail!(
                    "cannot write {shown}: {} is a file, not a folder",
                    a.display()
                ),
                _ => bail!(
                    "cannot write {shown}: folder {} does not exist",
                    parent.display()
                ),
            }
        }
    }
    // Permissions, a read-only file system, quotas: only trying tells.
    temporary_in(&parent, path).map_err(|e| {
        anyhow!(
            "cannot write {shown}: cannot create a file in folder {}: {e}",
            parent.display()
        )
    })?;
    if let Some(backup) = backup_for(path) {
        match std::fs::symlink_metadata(&backup) {
            Ok(meta) if not_regular(&meta).is_some() => bail!(
                "cannot keep a backup of {shown}: {} is {}",
                backup.display(),
                not_regular(&meta).unwrap_or("not a regular file")
            ),
            _ => {}
        }
    }
    Ok(())
}

/// What a file that is not a regular one is, in words; `None` for a regular file.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_symlink() {
        return Some("a symbolic link");
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The folder `path` goes in (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` safely; returns the backup's path when an existing file was kept.
///
/// The bytes go to a unique temporary file in the same folder (`.NAME.XXXXXX.tmp`), flushed to
/// disk, then renamed over `path`: a reader sees the old file or the new one, never half of
/// one; two writers to one path both succeed, the last rename wins; a failure (a full disk
/// included) or Ctrl-C leaves the old file as it was and no temporary file behind.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>> {
    let mut pending = Pending::new(path)?;
    let written = pending
        .file()
        .and_then(|f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written {
        bail!("cannot write {}: {e}", path.display());
    }
    pending.commit()
}

/// A file on its way to `path`: a unique temporary file in the same folder, written by the
/// caller (or by a library given [`Pending::path`]), then [`Pending::commit`]ted into place. Dropped
/// without a commit, or on Ctrl-C, it is removed.
pub struct Pending {
    temp: Option<tempfile::NamedTempFile>,
    dest: PathBuf,
}

impl Pending {
    /// Checks `dest` ([`check_destination`]) and creates the temporary file.
    pub fn new(dest: &Path) -> Result<Pending> {
        check_destination(dest)?;
        let parent = parent_of(dest);
        let temp = temporary_in(&parent, dest)
            .map_err(|e| anyhow!("cannot write {}: {e}", dest.display()))?;
        remember_pending(temp.path());
        Ok(Pending {
            temp: Some(temp),
            dest: dest.to_path_buf(),
        })
    }

    /// The temporary file's path, for a library that writes its file itself.
    pub fn path(&self) -> &Path {
        self.temp.as_ref().map_or(Path::new(""), |t| t.path())
    }

    fn file(&mut self) -> std::io::Result<&mut std::fs::File> {
        self.temp
            .as_mut()
            .map(|t| t.as_file_mut())
            .ok_or_else(|| std::io::Error::other("already committed"))
    }

    /// Renames the temporary file over the destination, keeping a file that was there as its
    /// one `.bak` (unless it is the tools' own); returns the backup's path when one was kept.
    /// Refuses an empty file: whoever was to write it did not.
    pub fn commit(mut self) -> Result<Option<PathBuf>> {
        let shown = self.dest.display().to_string();
        let Some(temp) = self.temp.take() else {
            bail!("cannot write {shown}: already written");
        };
        forget_pending(temp.path());
        let size = std::fs::metadata(temp.path()).map(|m| m.len()).unwrap_or(0);
        if size == 0 {
            bail!("cannot write {shown}: nothing was written to it (is the disk full?)");
        }
        // Checked again: the destination may have changed during a long run.
        check_destination(&self.dest)?;
        let backup = match backup_for(&self.dest) {
            Some(b) if self.dest.exists() => {
                keep_backup(&self.dest, &b)
                    .map_err(|e| anyhow!("cannot keep a backup of {shown}: {e}"))?;
                Some(b)
            }
            _ => None,
        };
        temp.into_temp_path()
            .persist(&self.dest)
            .map_err(|e| anyhow!("cannot write {shown}: {}", e.error))?;
        Ok(backup)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(t) = &self.temp {
            forget_pending(t.path());
        }
    }
}

/// A new, empty, unique temporary file for `dest` in `dir`, removed on drop.
fn temporary_in(dir: &Path, dest: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A result file is as readable as one `File::create` makes (tempfile's default is 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}

/// Copies `path` to `backup` atomically: a hard link (or a copy where links are not allowed)
/// under a temporary name, renamed over the previous backup. `path` itself is never missing.
fn keep_backup(path: &Path, backup: &Path) -> std::io::Result<()> {
    let dir = parent_of(backup);
    let builder = {
        let mut b = tempfile::Builder::new();
        b.prefix(".workbook-backup.").suffix(".tmp");
        b
    };
    let copy = match builder.make_in(&dir, |p| std::fs::hard_link(path, p)) {
        Ok(link) => link,
        Err(_) => builder.make_in(&dir, |p| {
            let mut to = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(p)?;
            std::io::copy(&mut std::fs::File::open(path)?, &mut to)?;
            to.sync_all()
        })?,
    };
    let copy = copy.into_temp_path();
    let name = copy.to_path_buf();
    copy.persist(backup).map_err(|e| e.error)?;
    // A rename between two names of one file (the backup already was this very file, as when
    // two writers keep a backup at once) succeeds and leaves both names: drop the temporary one.
    if name.exists() {
        let _ = std::fs::remove_file(&name);
    }
    Ok(())
}

/// `FILE.bak` for a file the learner may care about; `None` for the tools' own files.
fn backup_for(path: &Path) -> Option<PathBuf> {
    if is_ours(path) {
        return None;
    }
    let mut name = path.as_os_str().to_os_string();
    name.push(".bak");
    Some(PathBuf::from(name))
}

/// Temporary files not yet renamed into place, removed by the Ctrl-C handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the Ctrl-C handler that removes pending temporary files (once per process). The
/// runner calls it at start-up: its thread must not start inside a heap profile, where its
/// own allocations would be counted as the kernel's.
pub fn clean_up_on_interrupt() {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // Fails when the process has its own handler (the launcher's, which stops its runner):
        // then the default stays, and a temporary file may outlive a Ctrl-C in the
        // milliseconds a write takes.
        let _ = ctrlc::set_handler(|| {
            if let Ok(pending) = PENDING.lock() {
                for p in pending.iter() {
                    let _ = std::fs::remove_file(p);
                }
            }
            std::process::exit(130);
        });
    });
}

fn remember_pending(path: &Path) {
    clean_up_on_interrupt();
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
}

fn forget_pending(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn one_backup_per_file_replaced_each_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.npy");
        assert_eq!(write_file(&path, b"first").unwrap(), None);
        let backup = write_file(&path, b"second").unwrap();
        assert_eq!(backup, Some(dir.path().join("out.npy.bak")));
        write_file(&path, b"third").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(
            std::fs::read(dir.path().join("out.npy.bak")).unwrap(),
            b"second"
        );
        assert_eq!(names(dir.path()), ["out.npy", "out.npy.bak"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, b"mine").unwrap();
        // What write_file does when the disk fills or the writer fails: the pending file is
        // dropped without a commit.
        let pending = Pending::new(&path).unwrap();
        assert!(pending.path().exists());
        drop(pending);
        // A library that wrote nothing (dhat on a full disk) is refused at the commit.
        let pending = Pending::new(&path).unwrap();
        let e = pending.commit().unwrap_err().to_string();
        assert!(e.contains("nothing was written"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"mine");
        assert_eq!(names(dir.path()), ["out.txt"]);
        assert!(
            PENDING
                .lock()
                .unwrap()
                .iter()
                .all(|p| !p.starts_with(dir.path()))
        );
    }

    #[test]
    fn concurrent_writes_to_one_path_all_succeed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.bin");
        std::fs::write(&path, b"the learner's").unwrap();
        let contents: Vec<Vec<u8>> = (0..8u8).map(|i| vec![i; 1 << 16]).collect();
        std::thread::scope(|s| {
            for bytes in &contents {
                let path = &path;
                s.spawn(move || write_file(path, bytes).unwrap());
            }
        });
        let last = std::fs::read(&path).unwrap();
        assert!(contents.contains(&last), "the file is one writer's, whole");
        let backup = std::fs::read(dir.path().join("shared.bin.bak")).unwrap();
        assert!(backup == b"the learner's" || contents.contains(&backup));
        assert_eq!(names(dir.path()), ["shared.bin", "shared.bin.bak"]);
    }

    #[test]
    fn only_regular_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let refused = |path: &Path, needle: &str| {
            let e = write_file(path, b"x").unwrap_err().to_string();
            assert!(e.contains(needle), "{}: {e}", path.display());
            assert_eq!(e.lines().count(), 1, "{e}");
        };
        refused(dir.path(), "it is a folder");
        let real = dir.path().join("real.txt");
        std::fs::write(&real, b"kept").unwrap();
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            refused(&link, "it is a symbolic link");
            assert_eq!(std::fs::read(&real).unwrap(), b"kept");
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );

            let null = Path::new("/dev/null");
            refused(null, "/dev/null: it is a device, not a regular file");
            use std::os::unix::fs::FileTypeExt;
            assert!(
                std::fs::metadata(null)
                    .unwrap()
                    .file_type()
                    .is_char_device()
            );

            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                refused(&fifo, "it is a FIFO (named pipe)");
            }
        }
        assert_eq!(
            names(dir.path())
                .iter()
                .filter(|n| n.ends_with(".tmp"))
                .count(),
            0
        );
    }

    #[test]
    fn missing_read_only_and_file_folders_name_the_cause() {
        let dir = tempfile::tempdir().unwrap();
        let check = |path: PathBuf, needle: &str| {
            let e = check_destination(&path).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        };
        check(dir.path().join("nope").join("out.npy"), "folder");
        check(dir.path().join("nope").join("out.npy"), "does not exist");
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"").unwrap();
        check(file.join("out.npy"), "a-file is a file, not a folder");
        check(
            file.join("deeper").join("out.npy"),
            "a-file is a file, not a folder",
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let locked = dir.path().join("locked");
            std::fs::create_dir(&locked).unwrap();
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
            check(locked.join("out.npy"), "locked is read-only");
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        check_destination(&dir.path().join("fine.npy")).unwrap();
    }
}
