//! `cargo workbook reset CHAPTER [KERNEL]`: puts the original stubs of a chapter's exercise back,
//! from the workbook's git history (`git show HEAD:FILE`), and keeps the learner's version of
//! every file it replaces as a backup (`FILE.bak`). With KERNEL, only that stub's function is
//! put back and the rest of its file stays as the learner left it.

use crate::data::ChapterData;
use crate::files;
use crate::source::{self, Missing};
use anyhow::{Result, bail};
use std::path::Path;
use std::process::Command;

pub fn run(chapter: &ChapterData, kernel: Option<&str>) -> Result<()> {
    let root = files::root();
    let dir = format!("{}/src", chapter.exercise_dir());
    let git = Git::open(root, &dir)?;
    let committed = git.files(&dir)?;
    if committed.is_empty() {
        bail!(
            "the last commit (HEAD) has no {dir}, so there is no original to reset from: restore the folder from a fresh clone of the workbook"
        );
    }
    match kernel {
        None => reset_files(chapter, &git, &dir, &committed),
        Some(typed) => reset_function(chapter, &git, &committed, chapter.stub_for(typed)?),
    }
}

fn reset_files(chapter: &ChapterData, git: &Git, dir: &str, committed: &[String]) -> Result<()> {
    let root = files::root();
    let mut changed = Vec::new();
    for path in committed {
        let original = git.show(path)?;
        let current = std::fs::read(root.join(path)).ok();
        if current.as_deref() != Some(original.as_slice()) {
            changed.push((path, original));
        }
    }
    if changed.is_empty() {
        bail!(
            "{dir} is as committed: nothing to reset (the next step: `cargo workbook check {}`)",
            chapter.name
        );
    }
    for (path, original) in changed {
        match files::write_file(&root.join(path), &original)? {
            Some(backup) => println!(
                "{path}: the original stubs are back; your version is kept in {}",
                shown(&backup)
            ),
            None => println!("{path}: the original stubs are back (the file was missing)"),
        }
    }
    println!(
        "Start again from the page, then run `cargo workbook check {}`.",
        chapter.name
    );
    Ok(())
}

fn reset_function(
    chapter: &ChapterData,
    git: &Git,
    committed: &[String],
    stub: &str,
) -> Result<()> {
    let root = files::root();
    let mut original = None;
    for path in committed {
        let text = String::from_utf8_lossy(&git.show(path)?).into_owned();
        if source::find(&source::functions(&text), stub).is_some() {
            original = Some((path, text));
            break;
        }
    }
    let Some((path, original)) = original else {
        bail!(
            "fn {stub} is in no committed file of {}: `cargo workbook reset {}` puts the whole exercise back",
            chapter.exercise_dir(),
            chapter.name
        );
    };
    let Ok(current) = std::fs::read_to_string(root.join(path)) else {
        bail!(
            "{path} is missing: `cargo workbook reset {}` puts the whole exercise back",
            chapter.name
        );
    };
    let text = match source::replace_fn(&current, &original, stub) {
        Ok(Some(text)) => text,
        Ok(None) => bail!("fn {stub} in {path} is as committed: nothing to reset"),
        Err(Missing::InCurrent) => bail!(
            "cannot find fn {stub} in {path} (renamed, or braces that do not match): `cargo workbook reset {}` puts the whole exercise back",
            chapter.name
        ),
        Err(Missing::InOriginal) => unreachable!("the original was chosen for holding fn {stub}"),
    };
    let backup = files::write_file(&root.join(path), text.as_bytes())?;
    let kept = backup
        .map(|b| format!("; the file as you left it is kept in {}", shown(&b)))
        .unwrap_or_default();
    println!("fn {stub} in {path} is the original stub again{kept}.");
    println!(
        "Write it again, then run `cargo workbook check {}`.",
        chapter.name
    );
    Ok(())
}

/// A backup's path relative to the workbook, as the learner would type it.
fn shown(path: &Path) -> String {
    path.strip_prefix(files::root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The workbook's git repository, as far as `reset` needs it.
struct Git<'r> {
    root: &'r Path,
}

impl<'r> Git<'r> {
    /// Refuses, with what to do, when git is missing or the workbook has no commit.
    fn open(root: &'r Path, dir: &str) -> Result<Git<'r>> {
        let git = Git { root };
        let out = match git.command(&["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) {
            Ok(out) => out,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
                "reset takes the original stubs from git, which is not installed: install git (https://git-scm.com/downloads), or copy {dir} from a fresh download of the workbook"
            ),
            Err(e) => bail!("cannot run git: {e}"),
        };
        if !out.status.success() {
            bail!(
                "{} is not a git clone with a commit, so there is no original to reset from: get the workbook with `git clone`, or copy {dir} from a fresh download",
                root.display()
            );
        }
        Ok(git)
    }

    fn command(&self, args: &[&str]) -> std::io::Result<std::process::Output> {
        Command::new("git")
            .current_dir(self.root)
            .args(args)
            .output()
    }

    /// The committed files under `dir`, relative to the workbook's folder.
    fn files(&self, dir: &str) -> Result<Vec<String>> {
        let out = self.command(&["ls-tree", "-r", "--name-only", "HEAD", "--", dir])?;
        if !out.status.success() {
            bail!(
                "git could not list {dir}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.ends_with(".rs"))
            .map(str::to_string)
            .collect())
    }

    /// A file as committed.
    fn show(&self, path: &str) -> Result<Vec<u8>> {
        let out = self.command(&["show", &format!("HEAD:./{path}")])?;
        if !out.status.success() {
            bail!(
                "git could not show {path}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(out.stdout)
    }
}
