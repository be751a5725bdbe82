//! The report of an exploration: distinct outputs, the seeds that printed
//! each, and how each differs from the default order's output.

use super::{ExploreOptions, Output, RunResult};
use crate::testing::labeled_diff;
use std::collections::HashSet;
use std::fmt::Write as _;

/// A distinct output and the runs that printed it.
#[derive(Clone, Debug)]
pub struct Distinct {
    /// The output.
    pub output: Output,
    /// The runs that printed it: `None` for the default order, else the
    /// schedule seed.
    pub seeds: Vec<Option<u64>>,
}

/// The outcome of an exploration.
#[derive(Clone, Debug)]
pub struct Report {
    /// How the program is named on the command line (`FILE.py ARGS`), for
    /// replay commands.
    pub command: String,
    /// The options explored with.
    pub options: ExploreOptions,
    /// Distinct outputs in order of first appearance; the first is the
    /// default order's.
    pub distinct: Vec<Distinct>,
    /// How many different schedules the seeded runs followed.
    pub schedules: usize,
}

/// Seeds listed in full before the rest is summarised.
const SHOWN_SEEDS: usize = 20;

impl Report {
    /// Groups runs (the default order first, then by seed) by output.
    #[must_use]
    pub fn from_runs(command: &str, options: &ExploreOptions, runs: Vec<RunResult>) -> Self {
        let mut distinct: Vec<Distinct> = Vec::new();
        let mut fingerprints = HashSet::new();
        for run in runs {
            if let Some(f) = run.fingerprint {
                fingerprints.insert(f);
            }
            match distinct.iter_mut().find(|d| d.output == run.output) {
                Some(d) => d.seeds.push(run.seed),
                None => distinct.push(Distinct {
                    output: run.output,
                    seeds: vec![run.seed],
                }),
            }
        }
        Self {
            command: command.to_string(),
            options: options.clone(),
            distinct,
            schedules: fingerprints.len(),
        }
    }

    /// Whether every run printed the same.
    #[must_use]
    pub fn agree(&self) -> bool {
        self.distinct.len() <= 1
    }

    /// The exit status of `pyco --explore`: 0 when all runs agree, 1 when
    /// the output depends on the schedule.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        i32::from(!self.agree())
    }

    /// The report as printed on standard output.
    #[must_use]
    pub fn render(&self) -> String {
        let o = &self.options;
        let runs = o.runs.max(1);
        let clock = if o.virtual_time {
            "virtual time"
        } else {
            "real time"
        };
        let mut out = format!("explore: {}, {runs} runs under {clock}\n", self.command);
        if runs > 1 {
            let last = o.first_seed.wrapping_add(runs as u64 - 2);
            let seeds = if runs == 2 {
                format!("run 1: schedule seed {}", o.first_seed)
            } else {
                format!(
                    "runs 1-{}: schedule seeds {}-{last}",
                    runs - 1,
                    o.first_seed
                )
            };
            let _ = writeln!(
                out,
                "run 0: the default order (CPython's); {seeds} ({} distinct schedule{})",
                self.schedules,
                plural(self.schedules)
            );
        } else {
            out.push_str("run 0: the default order (CPython's)\n");
        }
        let Some(baseline) = self.distinct.first().map(|d| &d.output) else {
            return out;
        };
        for (k, d) in self.distinct.iter().enumerate() {
            out.push('\n');
            let label = if k == 0 { ", the default order" } else { "" };
            let _ = writeln!(
                out,
                "output {}{label}: {} run{} ({})",
                k + 1,
                d.seeds.len(),
                plural(d.seeds.len()),
                seed_list(&d.seeds)
            );
            if k == 0 {
                continue;
            }
            let Some(seed) = d.seeds.iter().flatten().next() else {
                continue;
            };
            let real = if o.virtual_time { "" } else { " --real-time" };
            let _ = writeln!(
                out,
                "replay: pyco --schedule-seed {seed}{real} {}",
                self.command
            );
            out.push_str(&describe_difference(baseline, &d.output, *seed));
        }
        let n = self.distinct.len();
        let verdict = if self.agree() {
            "every schedule printed the same"
        } else {
            "the output depends on the schedule"
        };
        let _ = writeln!(
            out,
            "\n{n} distinct output{} in {runs} run{}: {verdict}",
            plural(n),
            plural(runs)
        );
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn seed_list(seeds: &[Option<u64>]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let explored: Vec<u64> = seeds.iter().flatten().copied().collect();
    if seeds.contains(&None) {
        parts.push("default".into());
    }
    if !explored.is_empty() {
        let shown: Vec<String> = explored
            .iter()
            .take(SHOWN_SEEDS)
            .map(u64::to_string)
            .collect();
        let mut s = format!("seed{} {}", plural(explored.len()), shown.join(" "));
        if explored.len() > SHOWN_SEEDS {
            let _ = write!(s, " and {} more", explored.len() - SHOWN_SEEDS);
        }
        parts.push(s);
    }
    parts.join(", ")
}

/// Diffs of stdout and stderr, and the exit statuses, where they differ.
fn describe_difference(baseline: &Output, other: &Output, seed: u64) -> String {
    let mut out = String::new();
    let theirs = format!("schedule seed {seed}");
    if baseline.stdout != other.stdout {
        out.push_str(&labeled_diff(
            &baseline.stdout,
            &other.stdout,
            "default order",
            &theirs,
        ));
    }
    if baseline.stderr != other.stderr {
        out.push_str(&labeled_diff(
            &baseline.stderr,
            &other.stderr,
            "default order (stderr)",
            &format!("{theirs} (stderr)"),
        ));
    }
    if baseline.status != other.status {
        let _ = writeln!(
            out,
            "exit status {} (default order: {})",
            other.status, baseline.status
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(seed: Option<u64>, stdout: &str, status: i32, fingerprint: u64) -> RunResult {
        RunResult {
            seed,
            output: Output {
                stdout: stdout.into(),
                stderr: String::new(),
                status,
            },
            fingerprint: seed.map(|_| fingerprint),
        }
    }

    #[test]
    fn report_lists_seeds_and_diffs() {
        let options = ExploreOptions {
            runs: 4,
            first_seed: 7,
            ..ExploreOptions::default()
        };
        let runs = vec![
            run(None, "a\nb\n", 0, 0),
            run(Some(7), "b\na\n", 1, 1),
            run(Some(8), "a\nb\n", 0, 2),
            run(Some(9), "b\na\n", 1, 1),
        ];
        let report = Report::from_runs("race.py", &options, runs);
        let text = report.render();
        assert!(text.starts_with("explore: race.py, 4 runs under virtual time\n"));
        assert!(text.contains("runs 1-3: schedule seeds 7-9 (2 distinct schedules)"));
        assert!(text.contains("output 1, the default order: 2 runs (default, seed 8)\n"));
        assert!(text.contains("output 2: 2 runs (seeds 7 9)\n"));
        assert!(text.contains("replay: pyco --schedule-seed 7 race.py\n"));
        assert!(text.contains("--- default order\n+++ schedule seed 7\n"));
        assert!(text.contains("exit status 1 (default order: 0)\n"));
        assert!(
            text.ends_with("2 distinct outputs in 4 runs: the output depends on the schedule\n")
        );
        assert_eq!(report.exit_code(), 1);
    }

    #[test]
    fn agreeing_runs_exit_zero() {
        let options = ExploreOptions {
            runs: 2,
            virtual_time: false,
            ..ExploreOptions::default()
        };
        let runs = vec![run(None, "x\n", 0, 0), run(Some(1), "x\n", 0, 5)];
        let report = Report::from_runs("ok.py", &options, runs);
        let text = report.render();
        assert!(text.contains("2 runs under real time"));
        assert!(text.contains("run 1: schedule seed 1 (1 distinct schedule)"));
        assert!(text.ends_with("1 distinct output in 2 runs: every schedule printed the same\n"));
        assert_eq!(report.exit_code(), 0);
    }

    #[test]
    fn long_seed_lists_are_summarised() {
        let seeds: Vec<Option<u64>> = (1..=25).map(Some).collect();
        assert_eq!(
            seed_list(&seeds),
            "seeds 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 and 5 more"
        );
    }
}
