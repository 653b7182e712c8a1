//! Shorter names for what a build's wasm and its script call each other
//! by.
//!
//! wasm-bindgen names each function the wasm imports from its script
//! after the Rust item and a hash (`__wbg_lineTo_91262b25fb37c461`): about
//! 240 names, 7.8 KB, in every build's wasm and again in its script, where
//! the hashes' random digits hardly compress (2.5 to 3 KB of gzip in the
//! script alone); and the closures' entry points it exports by their
//! mangled Rust paths (`wasm_bindgen_d73a…___convert__closures…`, 1.2 KB
//! for seven). [`shorten`] gives each of them a short name, the same in
//! the wasm and in the script, and leaves everything else as it was; a
//! build whose names it cannot match in both is left whole.

use std::collections::HashMap;

/// The wasm and the script of one build with those names shortened, or
/// `None` if there is nothing to rename (a build done already) or the two
/// do not match (a name missing from the script, a name both imported and
/// exported, a wasm this reader does not understand).
pub fn shorten(wasm: &[u8], js: &str) -> Option<(Vec<u8>, String)> {
    let sections = sections(wasm)?;
    let imports = match sections.iter().find(|s| s.id == 2) {
        Some(s) => import_entries(s.body)?,
        None => Vec::new(),
    };
    let exports = match sections.iter().find(|s| s.id == 7) {
        Some(s) => export_entries(s.body)?,
        None => Vec::new(),
    };
    let mut names: HashMap<String, String> = HashMap::new();
    for e in &imports {
        if generated(e.field) && !names.contains_key(e.field) {
            if exports.iter().any(|x| x.name == e.field) {
                return None;
            }
            let short = short_name(names.len());
            names.insert(e.field.to_string(), short);
        }
    }
    let mut exported = 0;
    for e in &exports {
        if e.name.starts_with("wasm_bindgen_") && !names.contains_key(e.name) {
            names.insert(e.name.to_string(), format!("_{exported}"));
            exported += 1;
        }
    }
    if names.is_empty() {
        return None;
    }
    // A short name that an import or export kept whole already has.
    let kept = imports
        .iter()
        .map(|e| e.field)
        .chain(exports.iter().map(|e| e.name))
        .filter(|n| !names.contains_key(*n));
    let short: std::collections::HashSet<&str> = names.values().map(String::as_str).collect();
    if kept.into_iter().any(|n| short.contains(n)) {
        return None;
    }
    let (js, found) = rename_in_script(js, &names);
    if found.len() != names.len() {
        return None;
    }
    let renamed = |n: &'_ str| names.get(n).cloned().unwrap_or_else(|| n.to_string());
    let mut import_body = Vec::new();
    push_leb(&mut import_body, imports.len());
    for e in &imports {
        push_name(&mut import_body, e.module);
        push_name(&mut import_body, &renamed(e.field));
        import_body.extend_from_slice(e.rest);
    }
    let mut export_body = Vec::new();
    push_leb(&mut export_body, exports.len());
    for e in &exports {
        push_name(&mut export_body, &renamed(e.name));
        export_body.extend_from_slice(e.rest);
    }
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&wasm[..8]);
    for s in &sections {
        out.push(s.id);
        let b = match s.id {
            2 => &import_body[..],
            7 => &export_body[..],
            _ => s.body,
        };
        push_leb(&mut out, b.len());
        out.extend_from_slice(b);
    }
    Some((out, js))
}

/// How many imports a wasm module has, and how many of them are
/// functions; `None` if it is not a module this reader understands. Two
/// builds of the same code import alike, whatever their names
/// (`scripts/trace.sh --named` checks its build is `dist/`'s).
pub fn import_counts(wasm: &[u8]) -> Option<(usize, usize)> {
    let sections = sections(wasm)?;
    let imports = match sections.iter().find(|s| s.id == 2) {
        Some(s) => import_entries(s.body)?,
        None => Vec::new(),
    };
    let functions = imports
        .iter()
        .filter(|e| e.rest.first() == Some(&0))
        .count();
    Some((imports.len(), functions))
}

/// Whether wasm-bindgen made the name (not one a crate chose).
fn generated(name: &str) -> bool {
    name.starts_with("__wbg_") || name.starts_with("__wbindgen_")
}

/// The `n`-th short name: `a` to `z`, then `aa`, `ab`, … (letters only:
/// never a number, and no name is a prefix a script could mistake, since
/// the script's names are replaced whole).
fn short_name(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
        n -= 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `js` with each whole name of `names` (a maximal run of identifier
/// characters) replaced, and the names that were found.
fn rename_in_script(js: &str, names: &HashMap<String, String>) -> (String, Vec<String>) {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(js.len());
    let mut found: Vec<String> = Vec::new();
    let mut rest = js;
    while let Some(at) = rest.find(ident) {
        out.push_str(&rest[..at]);
        let len = rest[at..]
            .find(|c: char| !ident(c))
            .unwrap_or(rest.len() - at);
        let word = &rest[at..at + len];
        match names.get(word) {
            Some(short) => {
                out.push_str(short);
                if !found.iter().any(|f| f == word) {
                    found.push(word.to_string());
                }
            }
            None => out.push_str(word),
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    (out, found)
}

/// A section of a wasm module.
struct Section<'a> {
    id: u8,
    body: &'a [u8],
}

/// The module's sections, in order; `None` if it is not a wasm module.
fn sections(wasm: &[u8]) -> Option<Vec<Section<'_>>> {
    if wasm.get(..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut out = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.leb()?;
        out.push(Section {
            id,
            body: r.take(len)?,
        });
    }
    Some(out)
}

/// An import: its module and field, and the rest of its entry as it is.
struct Import<'a> {
    module: &'a str,
    field: &'a str,
    rest: &'a [u8],
}

fn import_entries(body: &[u8]) -> Option<Vec<Import<'_>>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.leb()?;
    let mut out = Vec::with_capacity(count.min(body.len()));
    for _ in 0..count {
        let module = r.name()?;
        let field = r.name()?;
        let start = r.at;
        match r.byte()? {
            // A function: its type's index.
            0 => {
                r.leb()?;
            }
            // A table: its type and limits.
            1 => {
                r.byte()?;
                r.limits()?;
            }
            // A memory: its limits.
            2 => r.limits()?,
            // A global: its type and mutability.
            3 => {
                r.byte()?;
                r.byte()?;
            }
            // A tag: its attribute and type.
            4 => {
                r.byte()?;
                r.leb()?;
            }
            _ => return None,
        }
        out.push(Import {
            module,
            field,
            rest: &body[start..r.at],
        });
    }
    (r.at == body.len()).then_some(out)
}

/// An export: its name, and the rest of its entry as it is.
struct Export<'a> {
    name: &'a str,
    rest: &'a [u8],
}

fn export_entries(body: &[u8]) -> Option<Vec<Export<'_>>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.leb()?;
    let mut out = Vec::with_capacity(count.min(body.len()));
    for _ in 0..count {
        let name = r.name()?;
        let start = r.at;
        r.byte()?;
        r.leb()?;
        out.push(Export {
            name,
            rest: &body[start..r.at],
        });
    }
    (r.at == body.len()).then_some(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn leb(&mut self) -> Option<usize> {
        let mut out: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            out |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return usize::try_from(out).ok();
            }
        }
        None
    }

    fn name(&mut self) -> Option<&'a str> {
        let n = self.leb()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn limits(&mut self) -> Option<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Some(())
    }
}

fn push_leb(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module that imports two functions from its script (one of them
    /// twice over, as wasm-bindgen never does, to see it renamed alike),
    /// one of another name and a memory, and exports `exported` and a
    /// closure's entry point; then a code section, left as it is.
    fn module_exporting(exported: &str) -> Vec<u8> {
        let mut imports = Vec::new();
        push_leb(&mut imports, 5);
        for f in [
            "__wbg_lineTo_91262b25fb37c461",
            "__wbindgen_cast_0000000000000001",
            "__wbg_lineTo_91262b25fb37c461",
            "kept",
        ] {
            push_name(&mut imports, "./app_bg.js");
            push_name(&mut imports, f);
            imports.extend_from_slice(&[0, 0]);
        }
        push_name(&mut imports, "./app_bg.js");
        push_name(&mut imports, "memory");
        imports.extend_from_slice(&[2, 1, 17, 0xac, 0x02]);
        let mut exports = Vec::new();
        push_leb(&mut exports, 2);
        for f in [exported, CLOSURE] {
            push_name(&mut exports, f);
            exports.extend_from_slice(&[0, 1]);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [
            (1u8, vec![1, 0x60, 0, 0]),
            (2, imports),
            (7, exports),
            (10, vec![9; 200]),
        ] {
            wasm.push(id);
            push_leb(&mut wasm, body.len());
            wasm.extend_from_slice(&body);
        }
        wasm
    }

    const CLOSURE: &str =
        "wasm_bindgen_d73a798eb60dce8c___convert__closures_____invoke_______true_";

    const SCRIPT: &str =
        "imports.wbg.__wbg_lineTo_91262b25fb37c461 = function(a, b, c) { a.lineTo(b, c); };\n\
        imports.wbg.__wbindgen_cast_0000000000000001 = function(a) { return a; };\n\
        const x = wasm.__wbindgen_malloc(4); const y = my__wbg_lineTo_91262b25fb37c461;\n\
        wasm.wasm_bindgen_d73a798eb60dce8c___convert__closures_____invoke_______true_(x);";

    /// Guards the renaming: the script's generated functions get short
    /// names, alike in the wasm and the script (every use of a name, a
    /// name twice imported alike), and so does the closure's entry point
    /// the wasm exports; the memory, an import of another name, the other
    /// exports, the other sections and a longer identifier that holds a
    /// name are left as they were; a second pass finds nothing to do.
    #[test]
    fn the_generated_names_get_short_names_in_the_wasm_and_the_script() {
        let wasm = module_exporting("__wbindgen_malloc");
        let (short, js) = shorten(&wasm, SCRIPT).expect("renamed");
        assert!(short.len() < wasm.len());
        let s = sections(&short).expect("a module");
        let imports = import_entries(s[1].body).expect("imports");
        let fields: Vec<(&str, &str)> = imports.iter().map(|e| (e.module, e.field)).collect();
        assert_eq!(
            fields,
            [
                ("./app_bg.js", "a"),
                ("./app_bg.js", "b"),
                ("./app_bg.js", "a"),
                ("./app_bg.js", "kept"),
                ("./app_bg.js", "memory")
            ]
        );
        assert_eq!(imports[4].rest, &[2, 1, 17, 0xac, 0x02]);
        let exports = export_entries(s[2].body).expect("exports");
        let names: Vec<&str> = exports.iter().map(|e| e.name).collect();
        assert_eq!(names, ["__wbindgen_malloc", "_0"]);
        assert_eq!(exports[1].rest, &[0, 1]);
        assert_eq!(s[0].body, &[1, 0x60, 0, 0]);
        assert_eq!(s[3].body, &[9; 200][..]);
        assert_eq!(
            js,
            "imports.wbg.a = function(a, b, c) { a.lineTo(b, c); };\n\
             imports.wbg.b = function(a) { return a; };\n\
             const x = wasm.__wbindgen_malloc(4); const y = my__wbg_lineTo_91262b25fb37c461;\n\
             wasm._0(x);"
        );
        assert_eq!(shorten(&short, &js), None, "done once");
        assert_eq!(import_counts(&wasm), Some((5, 4)));
        assert_eq!(import_counts(&short), Some((5, 4)), "the same imports");
        assert_eq!(import_counts(b"not wasm at all"), None);
    }

    /// Guards a build left whole where the two do not match: a name the
    /// script lacks, a name both imported and exported, a short name an
    /// export has already, bytes that are no wasm, a wasm cut short.
    #[test]
    fn a_build_whose_script_and_wasm_do_not_match_is_left_whole() {
        let wasm = module_exporting("__wbindgen_malloc");
        let without = SCRIPT.replace("imports.wbg.__wbindgen_cast_0000000000000001", "x");
        assert_eq!(shorten(&wasm, &without), None);
        let both = module_exporting("__wbindgen_cast_0000000000000001");
        assert_eq!(shorten(&both, SCRIPT), None);
        let taken = module_exporting("b");
        assert_eq!(shorten(&taken, SCRIPT), None);
        assert_eq!(shorten(b"not wasm at all", SCRIPT), None);
        assert_eq!(shorten(&wasm[..wasm.len() - 3], SCRIPT), None, "cut short");
    }

    /// The short names: one letter, then two, in order, all distinct.
    #[test]
    fn short_names_are_letters_and_distinct() {
        let names: Vec<String> = (0..800).map(short_name).collect();
        assert_eq!(names[0], "a");
        assert_eq!(names[25], "z");
        assert_eq!(names[26], "aa");
        assert_eq!(names[27], "ab");
        assert_eq!(names[26 + 26 * 26], "aaa");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
