//! Named steps with timings: each step prints a header and its duration; the first failure
//! stops the run with a "step X failed" line; `summary` prints a table at the end.

use std::time::{Duration, Instant};

use crate::util::{Error, Result};

enum Outcome {
    Passed,
    Failed,
    Skipped(String),
}

pub struct Steps {
    started: Instant,
    done: Vec<(String, Duration, Outcome)>,
}

impl Steps {
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
            done: Vec::new(),
        }
    }

    pub fn step(&mut self, name: &str, work: impl FnOnce() -> Result<()>) -> Result<()> {
        println!();
        println!("==> {name}");
        let started = Instant::now();
        let result = work();
        let took = started.elapsed();
        match result {
            Ok(()) => {
                println!("<== {name}: ok ({})", seconds(took));
                self.done.push((name.to_string(), took, Outcome::Passed));
                Ok(())
            }
            Err(error) => {
                println!("<== {name}: FAILED ({})", seconds(took));
                eprintln!("step `{name}` failed: {error}");
                self.done.push((name.to_string(), took, Outcome::Failed));
                Err(Error::new(format!("step `{name}` failed")))
            }
        }
    }

    pub fn skip(&mut self, name: &str, why: &str) {
        println!();
        println!("==> {name}: skipped ({why})");
        self.done.push((
            name.to_string(),
            Duration::ZERO,
            Outcome::Skipped(why.into()),
        ));
    }

    pub fn summary(&self) {
        if self.done.is_empty() {
            return;
        }
        println!();
        println!("Summary:");
        let (mut passed, mut failed, mut skipped) = (0, 0, 0);
        for (name, took, outcome) in &self.done {
            match outcome {
                Outcome::Passed => {
                    passed += 1;
                    println!("  ok      {:>9}  {name}", seconds(*took));
                }
                Outcome::Failed => {
                    failed += 1;
                    println!("  FAILED  {:>9}  {name}", seconds(*took));
                }
                Outcome::Skipped(why) => {
                    skipped += 1;
                    println!("  skipped {:>9}  {name} ({why})", "");
                }
            }
        }
        println!("  total   {:>9}", seconds(self.started.elapsed()));
        let skipped = if skipped > 0 {
            format!(", {skipped} skipped")
        } else {
            String::new()
        };
        println!("steps: {passed} passed, {failed} failed{skipped}");
    }
}

fn seconds(took: Duration) -> String {
    let secs = took.as_secs_f64();
    if secs >= 60.0 {
        format!("{}m{:04.1}s", (secs / 60.0).floor(), secs % 60.0)
    } else {
        format!("{secs:.1}s")
    }
}
