//! Prerequisites: system packages (installed with apt on Debian/Ubuntu, only the missing
//! ones; elsewhere stated precisely and left to the user), Node.js + npm, and tauri-driver for
//! the end-to-end tests.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, run, Error, Result};

/// What the command about to run needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Build and launch the app.
    Build,
    /// Build, plus a virtual display and WebKitWebDriver for the end-to-end tests.
    Test,
}

/// Debian/Ubuntu packages to build the app (Tauri 2 on WebKitGTK 4.1).
const DEBIAN_BUILD: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libsoup-3.0-dev",
    "libdbus-1-dev",
    "libxdo-dev",
    "file",
];

/// Debian/Ubuntu packages the tests add: a virtual X server, the WebKit WebDriver, a D-Bus
/// session with a Secret Service (gnome-keyring) for the database keys, screenshots, and fonts
/// that cover the demo data's scripts.
const DEBIAN_TEST: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus",
    "dbus-x11",
    "gnome-keyring",
    "libsecret-tools",
    "at-spi2-core",
    "imagemagick",
    "fonts-dejavu-core",
    "fonts-noto-core",
    "fonts-noto-cjk",
];

/// pkg-config modules that stand for the build packages on other Linux distributions.
const PKG_CONFIG_MODULES: &[&str] = &[
    "webkit2gtk-4.1",
    "gtk+-3.0",
    "libsoup-3.0",
    "librsvg-2.0",
    "openssl",
    "dbus-1",
];

const TAURI_DRIVER_VERSION: &str = "2.1.0";
const NODE_MIN: (u32, u32) = (20, 19);

enum Platform {
    Debian,
    OtherLinux(String),
    MacOs,
    Windows,
    Other,
}

fn platform() -> Platform {
    if cfg!(target_os = "macos") {
        return Platform::MacOs;
    }
    if cfg!(windows) {
        return Platform::Windows;
    }
    if !cfg!(target_os = "linux") {
        return Platform::Other;
    }
    let release = fs::read_to_string("/etc/os-release").unwrap_or_default();
    let field = |key: &str| {
        release
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let family = format!("{} {}", field("ID"), field("ID_LIKE"));
    let debian_like = family
        .split_whitespace()
        .any(|id| id == "debian" || id == "ubuntu");
    if debian_like && util::which("dpkg-query").is_some() && util::which("apt-get").is_some() {
        Platform::Debian
    } else {
        let name = field("PRETTY_NAME");
        Platform::OtherLinux(if name.is_empty() {
            "this Linux distribution".into()
        } else {
            name
        })
    }
}

/// Installs or checks everything `needs` requires; stops with a precise message otherwise.
pub fn ensure(needs: Needs) -> Result<()> {
    match platform() {
        Platform::Debian => debian(needs)?,
        Platform::OtherLinux(name) => other_linux(&name, needs)?,
        Platform::MacOs => macos()?,
        Platform::Windows => windows(),
        Platform::Other => {
            return Err(Error::new(
                "unsupported OS: Rapport builds on Linux, macOS and Windows".into(),
            ))
        }
    }
    check_node()?;
    if needs == Needs::Test && cfg!(target_os = "linux") {
        ensure_tauri_driver()?;
    }
    Ok(())
}

fn installed(package: &str) -> bool {
    util::quiet_output("dpkg-query", ["-W", "-f=${Status}", package])
        .is_some_and(|status| status.trim_end().ends_with("install ok installed"))
}

fn debian(needs: Needs) -> Result<()> {
    let mut wanted: Vec<&str> = DEBIAN_BUILD.to_vec();
    if needs == Needs::Test {
        wanted.extend_from_slice(DEBIAN_TEST);
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        println!("system packages: all present");
        return Ok(());
    }
    println!("system packages missing: {}", missing.join(" "));
    let is_root = util::quiet_output("id", ["-u"]).is_some_and(|uid| uid.trim() == "0");
    let sudo = if is_root {
        None
    } else if util::which("sudo").is_some() {
        Some("sudo")
    } else {
        return Err(Error::new(format!(
            "install them as root, then run this again:\n  \
             apt-get update && apt-get install -y --no-install-recommends {}",
            missing.join(" ")
        )));
    };
    let apt = |args: &[&str]| -> Result<()> {
        let mut cmd = match sudo {
            Some(sudo) => {
                let mut cmd = Command::new(sudo);
                cmd.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
                cmd
            }
            None => Command::new("apt-get"),
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        run(&mut cmd)
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    apt(&install)
}

fn other_linux(name: &str, needs: Needs) -> Result<()> {
    let mut problems = Vec::new();
    if util::which("pkg-config").is_none() || util::which("cc").is_none() {
        problems.push("a C toolchain (cc, make) and pkg-config".to_string());
    } else {
        for module in PKG_CONFIG_MODULES {
            if util::quiet_output("pkg-config", ["--exists", module]).is_none() {
                problems.push(format!("development files for `{module}` (pkg-config)"));
            }
        }
    }
    if needs == Needs::Test {
        for (program, what) in [
            (
                "xvfb-run",
                "xvfb-run (Xvfb with its xvfb-run wrapper, and xauth)",
            ),
            (
                "WebKitWebDriver",
                "WebKitWebDriver (the WebKitGTK WebDriver)",
            ),
            ("dbus-run-session", "dbus-run-session (D-Bus)"),
            (
                "gnome-keyring-daemon",
                "gnome-keyring (the Secret Service the tests keep database keys in)",
            ),
        ] {
            if util::which(program).is_none() {
                problems.push(what.to_string());
            }
        }
    }
    if problems.is_empty() {
        println!("system libraries: found through pkg-config on {name}");
        return Ok(());
    }
    Err(Error::new(format!(
        "{name} is not Debian/Ubuntu, so xtask does not install system packages here.\n\
         Install these with your package manager, then run this again:\n  - {}\n\
         Also needed to build: libayatana-appindicator3 and libxdo development files, `file`.\n\
         The Debian names, for reference: {}",
        problems.join("\n  - "),
        DEBIAN_BUILD.join(" ")
    )))
}

fn macos() -> Result<()> {
    if util::quiet_output("xcode-select", ["-p"]).is_some() {
        println!("Xcode command line tools: present (WKWebView ships with macOS)");
        Ok(())
    } else {
        Err(Error::new(
            "the Xcode command line tools are missing: run `xcode-select --install`, then \
             run this again"
                .into(),
        ))
    }
}

fn windows() {
    println!(
        "Windows: xtask does not check system packages here. You need the Microsoft C++ Build \
         Tools (\"Desktop development with C++\": MSVC and the Windows SDK) and the WebView2 \
         runtime (preinstalled on Windows 10 1803+ and 11)."
    );
}

/// Node.js >= 20.19 (Vite 8's minimum) and npm.
pub fn check_node() -> Result<()> {
    let install = "install Node.js 20.19 or newer (it includes npm), e.g. from nodejs.org or \
                   with nvm/fnm; Debian 12's own `nodejs` package is too old";
    let version = util::quiet_output(
        if cfg!(windows) { "node.exe" } else { "node" },
        ["--version"],
    )
    .ok_or_else(|| Error::new(format!("`node` was not found: {install}")))?;
    let version = version.trim();
    let mut parts = version.trim_start_matches('v').split('.');
    let major: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    if (major, minor) < NODE_MIN {
        return Err(Error::new(format!("node {version} is too old: {install}")));
    }
    let npm = util::quiet_output(if cfg!(windows) { "npm.cmd" } else { "npm" }, ["--version"])
        .ok_or_else(|| Error::new(format!("`npm` was not found: {install}")))?;
    println!("node {version}, npm {}", npm.trim());
    Ok(())
}

/// tauri-driver on PATH or in ~/.cargo/bin.
pub fn tauri_driver_path() -> Option<PathBuf> {
    util::which("tauri-driver").or_else(|| {
        let name = if cfg!(windows) {
            "tauri-driver.exe"
        } else {
            "tauri-driver"
        };
        let candidate = util::home()?.join(".cargo").join("bin").join(name);
        candidate.is_file().then_some(candidate)
    })
}

fn ensure_tauri_driver() -> Result<()> {
    if let Some(path) = tauri_driver_path() {
        println!("tauri-driver: {}", path.display());
        return Ok(());
    }
    println!("tauri-driver is missing: installing {TAURI_DRIVER_VERSION} with cargo (~1 min)");
    run(crate::util::cargo().args([
        "install",
        "tauri-driver",
        "--version",
        TAURI_DRIVER_VERSION,
        "--locked",
    ]))
}

/// Where the app keeps its database when neither `--db` nor RAPPORT_DB is given:
/// `<OS app-data dir>/<bundle identifier>/rapport.sqlite3`, as Tauri resolves it.
pub fn default_database(root: &Path) -> PathBuf {
    let identifier = identifier(root).unwrap_or_else(|| "rapport".into());
    let var = |name: &str| env::var_os(name).map(PathBuf::from);
    let home = util::home().unwrap_or_default();
    let data = if cfg!(target_os = "macos") {
        home.join("Library").join("Application Support")
    } else if cfg!(windows) {
        var("APPDATA").unwrap_or_else(|| home.join("AppData").join("Roaming"))
    } else {
        var("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .unwrap_or_else(|| home.join(".local").join("share"))
    };
    data.join(identifier).join("rapport.sqlite3")
}

/// The `"identifier"` in src-tauri/tauri.conf.json (read without a JSON parser).
fn identifier(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join("src-tauri").join("tauri.conf.json")).ok()?;
    let after = &text[text.find("\"identifier\"")? + "\"identifier\"".len()..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    let value = after.strip_prefix('"')?;
    Some(value[..value.find('"')?].to_string())
}
