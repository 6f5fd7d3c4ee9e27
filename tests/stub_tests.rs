//! Every exercise's tests are fine-grained enough that partial progress shows: a test calls
//! only the stubs its name says, so that a learner who wrote `slow_digits` sees its tests pass
//! before `slow_grouped` exists. This reads each test's code and names the test and the stub
//! where a test mentions a stub its name does not.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What a stub is called in a test's code, and what the test's name must then contain: a
/// method `Type::name` is reached through its type (`ScopeTimer::new(..)`, then
/// `timer.elapsed()`), so a test that mentions `ScopeTimer` must say `scope_timer`.
fn mention_and_name(stub: &str) -> (String, String) {
    match stub.split_once("::") {
        Some((ty, _)) => (ty.to_string(), snake_case(ty)),
        None => (stub.to_string(), stub.to_string()),
    }
}

fn snake_case(ty: &str) -> String {
    let mut out = String::new();
    for (i, c) in ty.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The identifiers of `code`, with comments and the text of string literals left out.
fn identifiers(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        // Drop the insides of "...": the quotes alternate outside, inside, outside.
        let outside: String = line.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        words.extend(
            outside
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

/// Each `#[test]` function of `text`: its name and its body (to the `}` that closes it at the
/// start of a line, as rustfmt writes it).
fn tests_of(text: &str) -> Vec<(String, String)> {
    let mut tests = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[test]") {
        rest = &rest[at + "#[test]".len()..];
        let Some(start) = rest.find("fn ") else { break };
        let after = &rest[start + 3..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let end = after.find("\n}").unwrap_or(after.len());
        let body = &after[name.len()..end];
        tests.push((name, body.to_string()));
    }
    tests
}

#[test]
fn every_exercise_test_names_the_stubs_it_calls() {
    let mut wrong = Vec::new();
    let mut counted = 0;
    for chapter in harness::catalog::all().expect("every chapter.toml parses") {
        let mut stubs: Vec<(String, String)> =
            chapter.stubs().into_iter().map(mention_and_name).collect();
        stubs.dedup();
        let dir = root().join(chapter.exercise_dir()).join("tests");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (test, body) in tests_of(&text) {
                counted += 1;
                let words = identifiers(&body);
                for (mention, name) in &stubs {
                    if words.contains(mention) && !test.contains(name.as_str()) {
                        wrong.push(format!(
                            "{}: test `{test}` calls `{mention}` but its name does not say `{name}`",
                            path.strip_prefix(root()).unwrap().display()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        counted > 50,
        "only {counted} tests found: is the parsing right?"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reading_of_tests_finds_what_they_call() {
    let text = "#[test]\nfn slow_digits_adds() {\n    // slow_grouped would be wrong here\n    assert_eq!(slow_digits(3), in_order(\"slow_grouped\"));\n    let t = ScopeTimer::new(\"x\", f);\n}\n\nfn helper() {\n    slow_grouped(1);\n}\n";
    let tests = tests_of(text);
    assert_eq!(tests.len(), 1);
    let (name, body) = &tests[0];
    assert_eq!(name, "slow_digits_adds");
    let words = identifiers(body);
    assert!(words.contains(&"slow_digits".to_string()), "{words:?}");
    assert!(words.contains(&"ScopeTimer".to_string()), "{words:?}");
    // Neither a comment, a string, nor another function's body.
    assert!(!words.contains(&"slow_grouped".to_string()), "{words:?}");
    assert_eq!(
        mention_and_name("ScopeTimer::elapsed"),
        ("ScopeTimer".to_string(), "scope_timer".to_string())
    );
    assert_eq!(mention_and_name("has_nine").1, "has_nine");
}
