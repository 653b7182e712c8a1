//! `tien-do-data`: the publishers' tool. Run `tien-do-data help`.

use std::path::PathBuf;
use std::process::ExitCode;
use tien_do_data::synthetic::COMMUNES_2025;
use tien_do_data::{
    build::build_with_warnings, report, schema_json, synthetic, validate_file, DATA_ERRORS, OK,
    USAGE,
};

const HELP: &str = "\
tien-do-data: check and build the published progress data

USAGE
  tien-do-data validate FILE.json
      Checks the file against the format and the rules (unknown unit codes,
      duplicates, values out of range, missing sources, ...). Exit status 0:
      valid (warnings allowed); 1: errors, do not publish; 2: unreadable.
  tien-do-data build DIR [-o OUT.json] [--pretty]
      Builds the published JSON from the CSV files in DIR (see
      data/demo/README.md), validates it, and writes it to OUT.json (or to
      standard output). Nothing is written if there are errors. Commune
      codes written without their leading zeros (4) are read as 5 digits
      (00004), with a warning naming the rows; with the built-in communes
      (units builtin:vn-commune-2025), a code that is not one of the 3,321
      is an error naming the commune nearest to the row's name. Template:
      data/templates/commune-criteria.csv.
  tien-do-data embeds DIST [--site-url URL] [--data-origins ORIGINS]
      Finishes a built site (the folder DIST, with index.html and
      data/progress.json): its Content Security Policy in every page,
      replacing the one an earlier run wrote (the data may be read from
      the site itself and from ORIGINS, a space-separated list of origins,
      or $TIEN_DO_DATA_ORIGINS: publishers whose JSON lives elsewhere); the
      embed pages embed-<figure>.html with their oEmbed discovery links; the
      oEmbed documents oembed/<figure>.json (their iframes point at URL, the
      address the site is published at; default http://127.0.0.1:8080/, or
      $TIEN_DO_SITE_URL); static images figures/<figure>.svg for readers
      without JavaScript; the data release data/releases/<as_of>.json for
      pinned embeds; the Atom feeds feed.xml and feed.en.xml, one entry per
      meeting with its figures and task counts, linked from URL (a warning
      when URL is the default); and sw.js, the service worker that keeps
      the site for offline use, its copy named after the files it keeps (new
      data, a new name). Run it again after updating the data.
  tien-do-data schema
      Prints the JSON Schema of the published format.
  tien-do-data wasm-imports FILE.wasm
      Prints how many imports a build's wasm has and how many of them are
      functions (for scripts/trace.sh, which checks that two builds are of
      the same code).
  tien-do-data synthetic DIR [--communes N]
      Writes a SYNTHETIC commune-level dataset (N units, 3321 by default, x
      16 criteria x 8 periods) and its SYNTHETIC boundary layer (an irregular
      grid over the mainland) to DIR/synthetic-communes.json and
      DIR/synthetic-communes.topo.json, and the same SYNTHETIC values on the
      built-in set of the 3,321 real communes (vn-commune-2025, drawn on the
      site's official commune boundaries, no boundary file of its own) to
      DIR/synthetic-communes-official.json, for benchmarks and tests. All
      say they are synthetic; never publish them as real.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    ExitCode::from(code as u8)
}

fn run(args: &[&str]) -> i32 {
    match args {
        ["validate", file] => {
            let (code, out) = validate_file(&PathBuf::from(file));
            print!("{out}");
            code
        }
        ["build", dir, rest @ ..] => build_command(dir, rest),
        ["synthetic", dir] => synthetic_command(dir, COMMUNES_2025),
        ["synthetic", dir, "--communes", n] => match n.parse() {
            Ok(n) if n > 0 => synthetic_command(dir, n),
            _ => {
                eprintln!("--communes needs a positive number, not {n:?}");
                USAGE
            }
        },
        ["embeds", dist, rest @ ..] => embeds_command(dist, rest),
        ["wasm-imports", file] => match std::fs::read(file)
            .ok()
            .and_then(|w| tien_do_data::imports::import_counts(&w))
        {
            Some((all, functions)) => {
                println!("{all} {functions}");
                OK
            }
            None => {
                eprintln!("{file}: not a wasm module this tool reads");
                USAGE
            }
        },
        ["schema"] => {
            print!("{}", schema_json());
            OK
        }
        ["help" | "--help" | "-h"] => {
            print!("{HELP}");
            OK
        }
        _ => {
            eprint!("{HELP}");
            USAGE
        }
    }
}

fn build_command(dir: &str, rest: &[&str]) -> i32 {
    let (mut out, mut pretty) = (None, false);
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--pretty" => pretty = true,
            "-o" | "--output" => match it.next() {
                Some(path) => out = Some(PathBuf::from(path)),
                None => {
                    eprintln!("-o needs a file name");
                    return USAGE;
                }
            },
            other => {
                eprintln!("unknown option {other:?}\n\n{HELP}");
                return USAGE;
            }
        }
    }
    let built = build_with_warnings(&PathBuf::from(dir));
    if !built.warnings.is_empty() {
        eprintln!(
            "{dir}: {} warning(s) in the CSV files:",
            built.warnings.len()
        );
        for w in &built.warnings {
            eprintln!("  warning: {w}");
        }
    }
    let data = match built.result {
        Ok(d) => d,
        Err(errors) => {
            eprintln!("{dir}: {} problem(s) in the CSV files:", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            return DATA_ERRORS;
        }
    };
    let name = out
        .as_ref()
        .map_or("(standard output)".to_string(), |p| p.display().to_string());
    let (code, report) = report(&name, &data);
    eprint!("{report}");
    if code != OK {
        return code;
    }
    let json = if pretty {
        serde_json::to_string_pretty(&data)
    } else {
        serde_json::to_string(&data)
    };
    let mut json = match json {
        Ok(j) => j,
        Err(e) => {
            eprintln!("the data cannot be written as JSON: {e}");
            return DATA_ERRORS;
        }
    };
    json.push('\n');
    match out {
        Some(path) => match std::fs::write(&path, json) {
            Ok(()) => OK,
            Err(e) => {
                eprintln!("{}: cannot be written: {e}", path.display());
                USAGE
            }
        },
        None => {
            print!("{json}");
            OK
        }
    }
}

fn synthetic_command(dir: &str, communes: usize) -> i32 {
    match synthetic::write_files(&PathBuf::from(dir), communes, 16, 8) {
        Ok(paths) => {
            for p in paths {
                eprintln!("wrote {} (SYNTHETIC)", p.display());
            }
            OK
        }
        Err(e) => {
            eprintln!("{dir}: {e}");
            USAGE
        }
    }
}

fn embeds_command(dist: &str, rest: &[&str]) -> i32 {
    let mut site = std::env::var("TIEN_DO_SITE_URL")
        .unwrap_or_else(|_| tien_do_data::embeds::DEFAULT_SITE_URL.to_string());
    let mut connect = std::env::var("TIEN_DO_DATA_ORIGINS").unwrap_or_default();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match (*arg, it.next()) {
            ("--site-url", Some(url)) => site = url.to_string(),
            ("--data-origins", Some(list)) => connect = list.to_string(),
            _ => {
                eprint!("{HELP}");
                return USAGE;
            }
        }
    }
    match tien_do_data::embeds::write_embeds(std::path::Path::new(dist), &site, &connect) {
        Ok(log) => {
            print!("{log}");
            OK
        }
        Err(e) => {
            eprintln!("embeds: {e}");
            DATA_ERRORS
        }
    }
}
