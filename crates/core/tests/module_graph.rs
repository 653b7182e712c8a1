//! Guards the layering of core: no two modules import each other, however
//! long the way round (`url_state → figure → figures → export → figures`
//! was such a loop). Each file's `crate::` paths outside its tests are read
//! as text; a folder module (`figures/`) counts as one module; `lib.rs`,
//! the root that only lists the modules, is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level module of a file under `src/`: `figures/ranking.rs` is
/// `figures`, `charts.rs` is `charts`.
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The modules a file's code (its tests and comments left out) names as
/// `crate::name`.
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or(text)
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `crate::{Lang, Msg}` and `crate::Lang` name the root's
        // re-exports of i18n; lower-case names are modules.
        if !name.is_empty() && name.chars().next().unwrap().is_ascii_lowercase() {
            out.insert(name);
        }
    }
    out
}

fn walk(dir: &Path, root: &Path, graph: &mut BTreeMap<String, BTreeSet<String>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, root, graph);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap();
            if rel == Path::new("lib.rs") {
                continue;
            }
            let module = module_of(rel);
            let uses = imports(&fs::read_to_string(&path).unwrap());
            let entry = graph.entry(module.clone()).or_default();
            entry.extend(uses.into_iter().filter(|m| *m != module));
        }
    }
}

/// A cycle through `start`, if the graph has one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|k| visit(k, graph, &mut Vec::new(), &mut done))
}

#[test]
fn core_modules_import_each_other_in_no_loop() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    walk(&root, &root, &mut graph);
    assert!(graph.len() > 15, "the modules were read: {graph:?}");
    assert!(
        graph["figures"].contains("export"),
        "the figures' tables are the export's: {graph:?}"
    );
    if let Some(c) = cycle(&graph) {
        panic!("modules that import each other: {}", c.join(" → "));
    }
}

/// The check can fail: a loop planted in a made-up graph is found.
#[test]
fn a_planted_loop_is_found() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("url_state".into())
        .or_default()
        .insert("figure".into());
    g.entry("figure".into())
        .or_default()
        .insert("figures".into());
    g.entry("figures".into())
        .or_default()
        .insert("url_state".into());
    let c = cycle(&g).expect("a loop");
    assert_eq!(c.first(), c.last());
    assert_eq!(c.len(), 4);
    assert_eq!(
        imports("use crate::figures::Chart;\n#[cfg(test)]\nuse crate::x;"),
        BTreeSet::from(["figures".to_string()])
    );
}
