//! A chapter is one name and one number, in book order, shared by its page, its data file and
//! its three crates. These tests fail when any of them disagree, or when a folder belongs to no
//! chapter.

use harness::data::ChapterData;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chapters() -> Vec<ChapterData> {
    harness::catalog::all().expect("every chapter.toml parses")
}

fn package(dir: &str) -> toml::Table {
    let path = root().join(dir).join("Cargo.toml");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
    text.parse().expect("a valid Cargo.toml")
}

fn package_name(manifest: &toml::Table) -> &str {
    manifest["package"]["name"].as_str().unwrap()
}

/// Every `.rs` file under `dir`, concatenated.
fn sources(dir: &Path) -> String {
    let mut text = String::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "wgsl") {
                text.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    text
}

#[test]
fn chapters_are_numbered_one_to_n_in_book_order() {
    let chapters = chapters();
    for (i, c) in chapters.iter().enumerate() {
        assert_eq!(
            c.number as usize,
            i + 1,
            "chapter {} should be number {}",
            c.name,
            i + 1
        );
        assert_eq!(
            c.page,
            format!("{}.md", c.folder()),
            "chapter {}'s page",
            c.name
        );
    }
    // SUMMARY.md lists the chapters' pages in the same order, each with the chapter's title;
    // pages nested under a chapter share its number.
    let summary = std::fs::read_to_string(root().join("book/src/SUMMARY.md")).unwrap();
    let mut listed = Vec::new();
    let mut current = String::new();
    for line in summary.lines() {
        let Some((title, page)) = line
            .trim_start()
            .strip_prefix("- [")
            .and_then(|l| l.split_once("]("))
        else {
            continue;
        };
        let page = page.trim_end_matches(')');
        if line.starts_with("- ") {
            listed.push((title.to_string(), page.to_string()));
            current = page.split('_').next().unwrap_or("").to_string();
        } else {
            assert!(
                page.starts_with(&format!("{current}_")),
                "SUMMARY.md: {page} is nested under chapter {current} but not numbered so"
            );
        }
    }
    let expected: Vec<(String, String)> = chapters
        .iter()
        .map(|c| (c.title.clone(), c.page.clone()))
        .collect();
    assert_eq!(
        listed, expected,
        "SUMMARY.md and the chapters' data disagree"
    );
}

#[test]
fn each_chapter_has_its_three_crates_under_one_name() {
    for c in chapters() {
        let exercise = package(&c.exercise_dir());
        assert_eq!(package_name(&exercise), c.name, "{}", c.exercise_dir());
        let solution = package(&c.solution_dir());
        assert_eq!(
            package_name(&solution),
            c.solution_package(),
            "{}",
            c.solution_dir()
        );
        let runner_dir = format!("chapters/{}", c.folder());
        let runner = package(&runner_dir);
        assert_eq!(package_name(&runner), c.runner_package(), "{runner_dir}");
        // The runner builds without the exercise (the solution side, the root tests) and
        // with it (feature `exercise`, which `cargo workbook` turns on).
        let feature = runner["features"]["exercise"].as_array();
        assert_eq!(
            feature.map(|f| f.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>()),
            Some(vec![format!("dep:{}", c.name).as_str()]),
            "{runner_dir}: feature `exercise` must be exactly [\"dep:{}\"]",
            c.name
        );
        assert_eq!(
            runner["dependencies"][&c.name]["optional"].as_bool(),
            Some(true),
            "{runner_dir}: the exercise must be an optional dependency"
        );
        // The stubs the data names are in the exercise, and solved in the solution.
        let exercise_src = sources(&root().join(c.exercise_dir()).join("src"));
        let solution_src = sources(&root().join(c.solution_dir()).join("src"));
        let kernel_stubs = c.kernels.iter().filter_map(|k| k.stub.as_deref());
        for stub in c.stubs().into_iter().chain(kernel_stubs) {
            // `FibCache::get` is the method `get`.
            // `fn square<'py>(` has generics.
            let name = stub.rsplit("::").next().unwrap_or(stub);
            let defines = |src: &str| {
                src.contains(&format!("fn {name}(")) || src.contains(&format!("fn {name}<"))
            };
            assert!(defines(&exercise_src), "{}: no fn {name}", c.exercise_dir());
            assert!(defines(&solution_src), "{}: no fn {name}", c.solution_dir());
        }
        // The tests are written once, in the exercise, and the solution includes them.
        let tests = sources(&root().join(c.solution_dir()).join("tests"));
        assert!(
            tests.contains(&format!("include!(\"../../../{}/tests/", c.exercise_dir())),
            "{}: its tests must include the exercise's",
            c.solution_dir()
        );
    }
}

#[test]
fn every_crate_folder_belongs_to_a_chapter() {
    let folders: Vec<String> = chapters().iter().map(|c| c.folder()).collect();
    for side in ["exercises", "solutions", "chapters"] {
        for entry in std::fs::read_dir(root().join(side)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                folders.contains(&name),
                "{side}/{name} belongs to no chapter (chapters: {})",
                folders.join(", ")
            );
        }
    }
}

/// The functions of every `.rs` file under `dir`: (qualified name, holds a `todo!()`).
fn functions(dir: &Path) -> Vec<(String, bool)> {
    harness::commands::hint::read_sources(dir)
        .into_iter()
        .flat_map(|(_, text, items)| {
            items
                .iter()
                .map(|f| (f.qualified(), f.has_todo(&text)))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_stubs_are_the_functions_left_to_write() {
    for c in chapters() {
        let exercise = functions(&root().join(c.exercise_dir()).join("src"));
        let stubs = c.stubs();
        for (name, todo) in &exercise {
            let bare = name.rsplit("::").next().unwrap_or(name);
            let listed = stubs.iter().any(|s| s == name || *s == bare);
            if *todo {
                assert!(
                    listed,
                    "{}: fn {name} holds a todo!() but is not in the chapter's stubs ({})",
                    c.exercise_dir(),
                    stubs.join(", ")
                );
            }
        }
        let solution = functions(&root().join(c.solution_dir()).join("src"));
        for stub in &stubs {
            let matches = |list: &[(String, bool)]| {
                list.iter()
                    .filter(|(n, _)| n == stub || n.rsplit("::").next() == Some(stub))
                    .map(|(_, todo)| *todo)
                    .collect::<Vec<_>>()
            };
            // Present, solved or not: this test must pass whatever the learner has done
            // (CI's untouched run proves every stub still holds its todo!()).
            assert!(
                !matches(&exercise).is_empty(),
                "{}: stub {stub} is missing",
                c.exercise_dir()
            );
            assert!(
                !matches(&solution).is_empty() && !matches(&solution).contains(&true),
                "{}: stub {stub} is missing or unsolved",
                c.solution_dir()
            );
        }
    }
}

#[test]
fn every_stub_has_at_least_two_hints() {
    for c in chapters() {
        for stub in c.stubs() {
            let n = c.hints_for(stub).len();
            assert!(
                n >= 2,
                "chapters/{}/chapter.toml: stub {stub} has {n} hints, at least 2 wanted ([[hints]] stub = \"{stub}\")",
                c.folder()
            );
        }
    }
}

/// Every `cargo workbook ...` that the README, the book, the exercises, the solutions and the
/// chapters' data name is a command the launcher has, on a chapter, kernel and parameters that
/// exist; and no text names a command without the `cargo workbook` the learner types.
#[test]
fn every_command_the_docs_name_exists() {
    let chapters = chapters();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut add = |path: &Path| {
        let shown = path.strip_prefix(root()).unwrap().display().to_string();
        texts.push((shown, std::fs::read_to_string(path).unwrap()));
    };
    add(&root().join("README.md"));
    let mut dirs = vec![root().join("book/src")];
    for c in &chapters {
        dirs.push(root().join(c.exercise_dir()));
        dirs.push(root().join(c.solution_dir()).join("src"));
        add(&root()
            .join("chapters")
            .join(c.folder())
            .join("chapter.toml"));
    }
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "rs") {
                add(&path);
            }
        }
    }
    let placeholder = |w: &str| w.chars().any(|c| c.is_ascii_uppercase()) || w.contains("...");
    let mut wrong = Vec::new();
    for (file, text) in &texts {
        for (n, line) in text.lines().enumerate() {
            let at = format!("{file}:{}", n + 1);
            for (i, _) in line.match_indices("workbook ") {
                let before = &line[..i];
                let after: Vec<&str> = line[i + "workbook ".len()..]
                    .split(['`', '"', ')', '|'])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .map(|w| w.trim_end_matches([',', '.', ';', ':']))
                    .collect();
                let Some(sub) = after.first().copied() else {
                    continue;
                };
                let Some(options) = harness::cli::options_of(sub) else {
                    let word = sub.chars().all(|c| c.is_ascii_lowercase());
                    if !before.ends_with("cargo ") || !word {
                        continue;
                    }
                    wrong.push(format!("{at}: no command `{sub}`"));
                    continue;
                };
                if !before.ends_with("cargo ") {
                    wrong.push(format!("{at}: `workbook {sub}` without `cargo`"));
                    continue;
                }
                let positional: Vec<&str> = after[1..]
                    .iter()
                    .copied()
                    .take_while(|w| !w.starts_with('-'))
                    .collect();
                let Some(typed) = positional.first().filter(|w| !placeholder(w)) else {
                    continue;
                };
                // `compare` takes a case study as well as a chapter.
                let is_case =
                    |c: &harness::data::ChapterData| c.compare.iter().any(|e| e.case == *typed);
                if sub == "compare" && chapters.iter().any(is_case) {
                    continue;
                }
                let chapter = match harness::catalog::resolve(&chapters, typed) {
                    Ok(c) => c,
                    Err(e) => {
                        wrong.push(format!("{at}: {e}"));
                        continue;
                    }
                };
                if let Some(second) = positional.get(1).filter(|w| !placeholder(w)) {
                    let found = match sub {
                        "hint" | "reset" => chapter.stub_for(second).map(|_| ()),
                        "mpi" => chapter.mpi_kernel(second).map(|_| ()),
                        _ => chapter.kernel(second).map(|_| ()),
                    };
                    if let Err(e) = found {
                        wrong.push(format!("{at}: {e}"));
                    }
                }
                let mut words = after[1..].iter();
                while let Some(w) = words.next() {
                    let Some(flag) = w.strip_prefix("--") else {
                        continue;
                    };
                    let name = flag.split('=').next().unwrap_or(flag);
                    if name == "kernel" {
                        for k in words.next().map_or("", |v| v).split(',') {
                            if let Err(e) = chapter.kernel(k) {
                                wrong.push(format!("{at}: {e}"));
                            }
                        }
                    } else if !options.iter().any(|o| o == name)
                        && !chapter.params.iter().any(|p| p.name == name)
                    {
                        wrong.push(format!(
                            "{at}: chapter {} takes no --{name} in `cargo workbook {sub}`",
                            chapter.name
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
