//! The window's security settings: a recent Tauri, a strict CSP, no global Tauri object, no
//! asset protocol, and a capability granting exactly the app's commands.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Command names the generated bindings invoke.
fn bound_commands() -> BTreeSet<String> {
    read("../ui/src/ipc/bindings.ts")
        .split("__TAURI_INVOKE(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn tauri_is_at_least_2_11_1() {
    let lock = read("../Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"tauri\"\n"))
        .and_then(|p| p.split("version = \"").nth(1))
        .and_then(|v| v.split('"').next())
        .expect("tauri in Cargo.lock");
    let parts: Vec<u32> = version
        .split(['.', '-'])
        .take(3)
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    assert!(parts >= vec![2, 11, 1], "tauri {version}");
}

#[test]
fn the_window_has_a_strict_csp_no_global_tauri_and_no_asset_protocol() {
    let config: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let app = &config["app"];
    assert_eq!(app["withGlobalTauri"], false);
    assert_eq!(app["security"]["assetProtocol"]["enable"], false);
    let csp = app["security"]["csp"].as_str().expect("a CSP");
    for required in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(required), "CSP lacks {required}: {csp}");
    }
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    let scripts = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(!scripts.contains("unsafe-inline"), "{scripts}");
    // Nothing remote: the only http origin is Tauri's own IPC endpoint.
    for source in csp
        .split([';', ' '])
        .filter(|s| s.contains("://") || *s == "*")
    {
        assert_eq!(source, "http://ipc.localhost", "remote source in the CSP");
    }
}

#[test]
fn the_capability_grants_exactly_the_app_commands_and_no_core_api() {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).unwrap();
    let mut granted = BTreeSet::new();
    for permission in capability["permissions"].as_array().unwrap() {
        match permission.as_str() {
            Some(name) => {
                assert!(!name.contains(':'), "only app commands are granted: {name}");
                let command = name.strip_prefix("allow-").expect("allow-<command>");
                granted.insert(command.replace('-', "_"));
            }
            None => assert_eq!(permission["identifier"], "opener:allow-open-url"),
        }
    }
    assert_eq!(
        granted,
        bound_commands(),
        "capability vs generated bindings"
    );
    let build = read("build.rs");
    let listed: BTreeSet<String> = build
        .split("const COMMANDS")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .unwrap()
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert_eq!(
        listed,
        bound_commands(),
        "build.rs COMMANDS vs generated bindings"
    );
}

/// The end-to-end tests' stand-ins for a file drop and the file dialog are compiled only with
/// the `e2e` feature: this binary is built as a release is (without it) and must not hold them.
#[cfg(not(feature = "e2e"))]
#[test]
fn builds_without_the_e2e_feature_hold_no_test_only_command() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_rapport-app")).unwrap();
    let build = read("build.rs");
    let test_only: Vec<&str> = build
        .split("const E2E_COMMANDS")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .unwrap()
        .split('"')
        .skip(1)
        .step_by(2)
        .collect();
    assert!(!test_only.is_empty());
    // Found in the binary, a command name would be dispatchable.
    assert!(
        contains(&binary, b"watch_file_drops"),
        "the scan must see command names"
    );
    for command in test_only {
        assert!(
            !contains(&binary, command.as_bytes()),
            "{command} is in a build without the e2e feature"
        );
    }
    let manifest = read("Cargo.toml");
    let default = manifest
        .split("[features]")
        .nth(1)
        .and_then(|f| f.lines().find(|l| l.trim_start().starts_with("default")));
    assert!(
        default.is_none_or(|l| !l.contains("e2e")),
        "e2e is a default feature"
    );
}

#[cfg(not(feature = "e2e"))]
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
