//! `cargo xtask`: the one entry point for every routine task (build and launch the app, run every
//! test, end-to-end tests, benchmark, formatting, prerequisites). Standard library only, so it
//! compiles in seconds on a fresh clone.

mod prereqs;
mod steps;
mod util;

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use prereqs::Needs;
use steps::Steps;
use util::{cargo, npm, run, Error, Result};

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  app [--db PATH]        install what is missing, build the app (debug) and launch it
  test                   run every check: rustfmt, clippy, core-has-no-Tauri, Rust tests,
                         UI type check, lint and unit tests, app build, end-to-end tests
  e2e [--no-build]       build the app (unless --no-build) and run only the end-to-end tests
  bench [--contacts N] [--interactions N] [--engagement-only]
                         release-build benchmark of the core (default N = 1000000), JSON output
  fmt                    format Rust (cargo fmt) and fix what ESLint can fix in ui/
  deps                   install the prerequisites only (system packages, npm packages, tauri-driver)
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("app") => app(&args[1..]),
        Some("test") => no_options("test", &args[1..]).and_then(|()| test()),
        Some("e2e") => e2e(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("fmt") => no_options("fmt", &args[1..]).and_then(|()| fmt()),
        Some("deps") => no_options("deps", &args[1..]).and_then(|()| deps()),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Error::new(format!("unknown command `{other}`\n\n{USAGE}"))),
        None => Err(Error::new(USAGE.to_string())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (this crate lives in `<root>/xtask`).
fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn no_options(command: &str, args: &[String]) -> Result<()> {
    match args.first() {
        None => Ok(()),
        Some(arg) => Err(Error::new(format!(
            "`cargo xtask {command}` takes no options (got `{arg}`)"
        ))),
    }
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set, else `<root>/target`.
fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .filter(|dir| !dir.is_empty())
        .map(|dir| root.join(dir))
        .unwrap_or_else(|| root.join("target"))
}

/// Path of the debug binary the Tauri CLI builds.
fn app_binary(root: &Path) -> PathBuf {
    let name = if cfg!(windows) {
        "rapport-app.exe"
    } else {
        "rapport-app"
    };
    target_dir(root).join("debug").join(name)
}

/// The copy of the CLI-built app that the end-to-end tests run. A later plain `cargo build` or
/// `cargo test` rewrites target/debug/rapport-app as a dev binary (it loads the Vite dev server
/// instead of the embedded UI), so the tests run a copy taken right after the Tauri CLI build.
fn e2e_binary(root: &Path) -> PathBuf {
    let name = if cfg!(windows) {
        "rapport-app.exe"
    } else {
        "rapport-app"
    };
    target_dir(root).join("e2e").join(name)
}

fn stage_for_e2e(root: &Path) -> Result<()> {
    let (from, to) = (app_binary(root), e2e_binary(root));
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::new(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::copy(&from, &to).map_err(|e| {
        Error::new(format!(
            "cannot copy {} to {}: {e}",
            from.display(),
            to.display()
        ))
    })?;
    println!("staged {} for the end-to-end tests", to.display());
    Ok(())
}

fn tauri_cli(root: &Path) -> PathBuf {
    let name = if cfg!(windows) { "tauri.cmd" } else { "tauri" };
    root.join("ui").join("node_modules").join(".bin").join(name)
}

/// `tauri build --debug --no-bundle` from the repository root: builds the UI (its
/// `beforeBuildCommand`), embeds `ui/dist` and writes `target/debug/rapport-app`.
fn build_app(root: &Path) -> Result<()> {
    let mut cmd = std::process::Command::new(tauri_cli(root));
    cmd.args(["build", "--debug", "--no-bundle"])
        .current_dir(root);
    run(&mut cmd)
}

/// The app as the end-to-end tests run it: with the test-only commands of the `e2e` feature
/// (standing in for a file drop and the file dialog), copied to `target/e2e`.
fn build_e2e_app(root: &Path) -> Result<()> {
    let mut cmd = std::process::Command::new(tauri_cli(root));
    cmd.args(["build", "--debug", "--no-bundle", "--features", "e2e"])
        .current_dir(root);
    run(&mut cmd).and_then(|()| stage_for_e2e(root))
}

/// Runs `npm ci` in `dir` when its `node_modules` is missing or older than its lockfile.
fn npm_ci_if_needed(dir: &Path) -> Result<bool> {
    if !util::node_modules_stale(dir) {
        println!(
            "{}/node_modules is up to date with its package-lock.json",
            dir.display()
        );
        return Ok(false);
    }
    let mut cmd = npm();
    cmd.args(["ci", "--no-audit", "--no-fund"]).current_dir(dir);
    run(&mut cmd)?;
    Ok(true)
}

fn app(args: &[String]) -> Result<()> {
    let mut db: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--db" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Error::new("`--db` needs a path".into()))?;
                db = Some(util::absolute(Path::new(value)));
            }
            other => {
                return Err(Error::new(format!(
                    "`cargo xtask app` takes only `--db PATH` (got `{other}`)"
                )))
            }
        }
    }
    let root = root();
    let mut steps = Steps::new();
    steps.step("prerequisites", || prereqs::ensure(Needs::Build))?;
    steps.step("npm ci (ui)", || {
        npm_ci_if_needed(&root.join("ui")).map(|_| ())
    })?;
    steps.step("app build (tauri build --debug --no-bundle)", || {
        build_app(&root)
    })?;
    steps.summary();

    let binary = app_binary(&root);
    let database = match &db {
        Some(path) => path.clone(),
        None => match env::var_os("RAPPORT_DB") {
            Some(path) => util::absolute(Path::new(&path)),
            None => prereqs::default_database(&root),
        },
    };
    println!();
    println!("App:      {}", binary.display());
    println!(
        "Database: {}{}",
        database.display(),
        if database.exists() {
            ""
        } else {
            " (created with the demo organisation on first start)"
        }
    );
    println!("          (choose another with `cargo xtask app --db PATH` or RAPPORT_DB=PATH)");
    if cfg!(target_os = "linux")
        && env::var_os("DISPLAY").is_none()
        && env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(Error::new(format!(
            "no display (DISPLAY and WAYLAND_DISPLAY are unset): the app is built at {}; \
             start it from a desktop session, or headless with `xvfb-run -a {}`",
            binary.display(),
            binary.display()
        )));
    }
    println!("Starting Rapport; close its window to return.");
    let mut cmd = std::process::Command::new(&binary);
    cmd.current_dir(&root);
    if let Some(path) = &db {
        cmd.arg("--db").arg(path);
    }
    run(&mut cmd)
}

fn test() -> Result<()> {
    let root = root();
    let ui = root.join("ui");
    let mut steps = Steps::new();
    let outcome = (|| -> Result<()> {
        steps.step("prerequisites", || prereqs::ensure(Needs::Test))?;
        steps.step("rustfmt (cargo fmt --all -- --check)", || {
            run(cargo()
                .args(["fmt", "--all", "--", "--check"])
                .current_dir(&root))
        })?;
        steps.step("core has no Tauri dependency (cargo tree)", || {
            core_has_no_tauri(&root)
        })?;
        steps.step("keyring uses every native store (cargo tree)", || {
            keyring_uses_native_stores(&root)
        })?;
        steps.step("npm ci (ui)", || npm_ci_if_needed(&ui).map(|_| ()))?;
        steps.step("UI type check (npm run typecheck)", || {
            run(npm().args(["run", "typecheck"]).current_dir(&ui))
        })?;
        steps.step("UI lint (npm run lint)", || {
            run(npm().args(["run", "lint"]).current_dir(&ui))
        })?;
        steps.step("UI unit tests (npm test)", || {
            run(npm().args(["test"]).current_dir(&ui))
        })?;
        // The Tauri CLI builds the UI (`npm run build` into ui/dist) and then the app. It comes
        // before clippy and the Rust tests because the Tauri crate embeds ui/dist when it compiles.
        steps.step(
            "app build for the end-to-end tests (--features e2e)",
            || build_e2e_app(&root),
        )?;
        steps.step(
            "clippy (cargo clippy --workspace --all-targets -- -D warnings)",
            || {
                run(cargo()
                    .args([
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ])
                    .current_dir(&root))
            },
        )?;
        steps.step(
            "clippy of the test-only commands (cargo clippy -p rapport-app --features e2e)",
            || {
                run(cargo()
                    .args([
                        "clippy",
                        "-p",
                        "rapport-app",
                        "--features",
                        "e2e",
                        "--",
                        "-D",
                        "warnings",
                    ])
                    .current_dir(&root))
            },
        )?;
        steps.step(
            "Rust tests incl. binding drift (cargo test --workspace)",
            || {
                let mut cmd = with_keychain(&root, cargo());
                run(cmd.args(["test", "--workspace"]).current_dir(&root))
            },
        )?;
        run_e2e(&root, &mut steps)
    })();
    steps.summary();
    outcome
}

fn run_e2e(root: &Path, steps: &mut Steps) -> Result<()> {
    if !cfg!(target_os = "linux") {
        steps.skip(
            "end-to-end tests",
            "they drive the app through WebKitWebDriver, which exists on Linux only",
        );
        return Ok(());
    }
    let e2e = root.join("tests").join("e2e");
    steps.step("npm ci (tests/e2e)", || npm_ci_if_needed(&e2e).map(|_| ()))?;
    let driver = prereqs::tauri_driver_path()
        .ok_or_else(|| Error::new("tauri-driver is not installed".into()))?;
    // The suite compares the app's counts with the CLI's, edits an audit event behind the
    // app's back to see the app name it, and reads a plaintext copy of the database to prove an
    // erased person's values are gone.
    const TOOLS: [&str; 2] = ["tamper_audit", "plaintext_copy"];
    steps.step(
        "test tooling (cargo build: rapport, tamper_audit, plaintext_copy)",
        || {
            let mut cmd = cargo();
            cmd.args(["build", "-p", "rapport-cli", "--bin", "rapport"]);
            for tool in TOOLS {
                cmd.args(["--example", tool]);
            }
            run(cmd.current_dir(root))
        },
    )?;
    let example = |name: &str| {
        target_dir(root)
            .join("debug")
            .join("examples")
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
    };
    steps.step("end-to-end tests (tests/e2e/run.sh)", || {
        let mut cmd = std::process::Command::new("bash");
        cmd.arg(e2e.join("run.sh"))
            .env("RAPPORT_TAMPER", example("tamper_audit"))
            .env("RAPPORT_PLAINTEXT_COPY", example("plaintext_copy"))
            .env("RAPPORT_APP", e2e_binary(root))
            .env("TAURI_DRIVER", &driver)
            .current_dir(&e2e);
        let result = run(&mut cmd);
        println!("Screenshots: {}", e2e.join("screenshots").display());
        result
    })
}

fn e2e(args: &[String]) -> Result<()> {
    let mut build = true;
    for arg in args {
        match arg.as_str() {
            "--no-build" => build = false,
            other => {
                return Err(Error::new(format!(
                    "`cargo xtask e2e` takes only `--no-build` (got `{other}`)"
                )))
            }
        }
    }
    let root = root();
    let mut steps = Steps::new();
    let outcome = (|| -> Result<()> {
        steps.step("prerequisites", || prereqs::ensure(Needs::Test))?;
        if build {
            steps.step("npm ci (ui)", || {
                npm_ci_if_needed(&root.join("ui")).map(|_| ())
            })?;
            steps.step(
                "app build for the end-to-end tests (--features e2e)",
                || build_e2e_app(&root),
            )?;
        } else if !e2e_binary(&root).exists() {
            return Err(Error::new(format!(
                "{} does not exist: run `cargo xtask e2e` without --no-build",
                e2e_binary(&root).display()
            )));
        }
        run_e2e(&root, &mut steps)
    })();
    steps.summary();
    outcome
}

/// `cargo tree -p rapport-core -e normal` must not list any package named `tauri*`: the core
/// is usable without the desktop shell (CLI, benchmarks, tests).
fn core_has_no_tauri(root: &Path) -> Result<()> {
    let output = util::output(
        cargo()
            .args([
                "tree",
                "-p",
                "rapport-core",
                "-e",
                "normal",
                "--prefix",
                "none",
                "--format",
                "{p}",
            ])
            .current_dir(root),
    )?;
    let offenders: Vec<&str> = output
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            name.starts_with("tauri")
        })
        .collect();
    if offenders.is_empty() {
        let count = output.lines().filter(|l| !l.trim().is_empty()).count();
        println!("rapport-core's normal dependency tree ({count} entries) has no tauri package");
        Ok(())
    } else {
        let mut unique = offenders;
        unique.sort_unstable();
        unique.dedup();
        Err(Error::new(format!(
            "rapport-core depends on Tauri: {}",
            unique.join(", ")
        )))
    }
}

/// keyring without its store features silently keeps keys in memory, so a release that
/// compiles everywhere could still lose every database key on Windows or macOS. Each target's
/// feature set is checked here, where a missing feature fails the build instead.
fn keyring_uses_native_stores(root: &Path) -> Result<()> {
    let wanted: [(&str, &[&str]); 3] = [
        ("x86_64-pc-windows-msvc", &["windows-native"]),
        ("aarch64-apple-darwin", &["apple-native"]),
        (
            "x86_64-unknown-linux-gnu",
            &["sync-secret-service", "crypto-rust"],
        ),
    ];
    for (target, features) in wanted {
        let output = util::output(
            cargo()
                .args([
                    "tree", "--target", target, "-e", "features", "-i", "keyring",
                ])
                .current_dir(root),
        )?;
        for feature in features {
            if !output.contains(&format!("keyring feature \"{feature}\"")) {
                return Err(Error::new(format!(
                    "keyring lacks the `{feature}` feature for {target}: keys would live in \
                     an in-memory mock there"
                )));
            }
        }
        println!("{target}: keyring with {}", features.join(", "));
    }
    Ok(())
}

/// On Linux the tests keep real keys in a Secret Service: `tests/keyring-session.sh` runs the
/// command in a private D-Bus session with an unlocked gnome-keyring in a temporary folder.
/// Windows and macOS tests use the user's keychain (each test removes its entries).
fn with_keychain(root: &Path, cmd: std::process::Command) -> std::process::Command {
    if !cfg!(target_os = "linux") {
        return cmd;
    }
    let mut wrapped = std::process::Command::new("sh");
    wrapped
        .arg(root.join("tests").join("keyring-session.sh"))
        .arg(cmd.get_program())
        .args(cmd.get_args());
    wrapped
}

fn bench(args: &[String]) -> Result<()> {
    let mut contacts: u64 = 1_000_000;
    let mut import_rows: Option<u64> = None;
    let mut interactions: Option<u64> = None;
    let mut engagement_only = false;
    let mut rest = args.iter();
    let number = |flag: &str, value: Option<&String>| -> Result<u64> {
        let value = value.ok_or_else(|| Error::new(format!("`{flag}` needs a number")))?;
        value
            .replace('_', "")
            .parse()
            .map_err(|_| Error::new(format!("`{flag}` needs a number (got `{value}`)")))
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--contacts" => contacts = number(arg, rest.next())?,
            "--import-rows" => import_rows = Some(number(arg, rest.next())?),
            "--interactions" => interactions = Some(number(arg, rest.next())?),
            "--engagement-only" => engagement_only = true,
            other => {
                return Err(Error::new(format!(
                    "`cargo xtask bench` takes only `--contacts N`, `--import-rows N`, `--interactions N` and `--engagement-only` (got `{other}`)"
                )))
            }
        }
    }
    let root = root();
    let contacts = contacts.to_string();
    let import_rows = import_rows.map(|n| n.to_string());
    let mut command = cargo();
    command
        .args(["run", "--release", "-p", "rapport-cli", "--", "bench"])
        .args(["--contacts", contacts.as_str(), "--json"]);
    if let Some(rows) = &import_rows {
        command.args(["--import-rows", rows.as_str()]);
    }
    let interactions = interactions.map(|n| n.to_string());
    if let Some(n) = &interactions {
        command.args(["--interactions", n.as_str()]);
    }
    if engagement_only {
        command.arg("--engagement-only");
    }
    run(command.current_dir(&root))
}

fn fmt() -> Result<()> {
    let root = root();
    let ui = root.join("ui");
    let mut steps = Steps::new();
    let outcome = (|| -> Result<()> {
        steps.step("cargo fmt --all", || {
            run(cargo().args(["fmt", "--all"]).current_dir(&root))
        })?;
        prereqs::check_node()?;
        steps.step("npm ci (ui)", || npm_ci_if_needed(&ui).map(|_| ()))?;
        steps.step("eslint --fix (ui)", || {
            let eslint = ui.join("node_modules").join(".bin").join(if cfg!(windows) {
                "eslint.cmd"
            } else {
                "eslint"
            });
            run(std::process::Command::new(eslint)
                .args([".", "--fix"])
                .current_dir(&ui))
        })
    })();
    steps.summary();
    outcome
}

fn deps() -> Result<()> {
    let root = root();
    let mut steps = Steps::new();
    let outcome = (|| -> Result<()> {
        steps.step("prerequisites", || prereqs::ensure(Needs::Test))?;
        steps.step("npm ci (ui)", || {
            npm_ci_if_needed(&root.join("ui")).map(|_| ())
        })?;
        if cfg!(target_os = "linux") {
            steps.step("npm ci (tests/e2e)", || {
                npm_ci_if_needed(&root.join("tests").join("e2e")).map(|_| ())
            })?;
        }
        Ok(())
    })();
    steps.summary();
    outcome
}
