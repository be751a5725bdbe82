//! The REPL's own commands, typed with a leading `:` (no Python statement
//! starts with one).

use super::session::Session;
use crate::modules::asyncio::{leaves, native_coroutine};
use crate::runtime::clock::ns_to_secs;
use crate::runtime::future::{Fut, WaitReason};
use crate::runtime::task_name;
use crate::value::Value;
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

const HELP: &str = "\
:tasks          the live tasks as a tree: state, what each awaits, and where
:time           the event loop's clock (loop.time())
:advance SECS   move the virtual clock, firing the timers that fall due
                (with --virtual-time)
:help           this list

Top-level await works (await asyncio.sleep(1), r = await fetch()); tasks
created here keep running between inputs. Ctrl-C cancels the running input,
Ctrl-D exits.
";

/// Runs the command on `line` (it starts with `:`).
pub fn run(session: &Rc<Session>, line: &str) {
    let mut words = line[1..].split_whitespace();
    let command = words.next().unwrap_or("");
    let args: Vec<&str> = words.collect();
    let vm = &session.vm;
    match (command, args.as_slice()) {
        ("help" | "h" | "?", []) => vm.write_stdout(HELP),
        ("tasks", []) => vm.write_stdout(&task_tree(session)),
        ("time", []) => vm.write_stdout(&format!("{}\n", clock_line(session))),
        ("advance", [secs]) => {
            if advance(session, secs) {
                // The input goes on as a task; it reports when done.
                return;
            }
        }
        ("help" | "tasks" | "time" | "advance", _) => {
            vm.write_stderr(&format!("usage: {}\n", usage(command)));
        }
        _ => vm.write_stderr(&format!(
            "unknown command ':{command}' (:help lists the commands)\n"
        )),
    }
    session.input_finished();
}

fn usage(command: &str) -> &'static str {
    match command {
        "advance" => ":advance SECS",
        "tasks" => ":tasks",
        "time" => ":time",
        _ => ":help",
    }
}

fn clock_line(session: &Session) -> String {
    let now = ns_to_secs(session.lp.clock.peek());
    let text = crate::format::float::float_repr(now);
    if session.virtual_time {
        format!("loop.time() = {text} (virtual clock)")
    } else {
        format!("loop.time() = {text}")
    }
}

/// `:advance SECS`: sleeps `SECS` on the virtual clock as an input of its
/// own, so every timer due before then fires in order, and Ctrl-C stops it.
/// False when it did not start.
fn advance(session: &Rc<Session>, secs: &str) -> bool {
    let vm = &session.vm;
    if !session.virtual_time {
        vm.write_stderr(":advance needs the virtual clock (start pyco with --virtual-time)\n");
        return false;
    }
    let secs = match secs.parse::<f64>() {
        Ok(s) if s.is_finite() && s >= 0.0 => s,
        _ => {
            vm.write_stderr(&format!(
                ":advance takes a number of seconds, not '{secs}'\n"
            ));
            return false;
        }
    };
    let vm_rc = vm.rc();
    let coro = native_coroutine(vm, "advance", async move {
        leaves::sleep(&vm_rc, secs, Value::None).await
    });
    session.run_task(
        coro,
        Some(Box::new(|s: &Session| {
            let line = clock_line(s);
            s.vm.write_stdout(&format!("{line}\n"));
        })),
    );
    true
}

/// The live tasks, each under the task that awaits it.
fn task_tree(session: &Session) -> String {
    let tasks = session.lp.pending_tasks();
    if tasks.is_empty() {
        return "no live tasks\n".into();
    }
    let index: HashMap<*const Fut, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (Rc::as_ptr(t), i))
        .collect();
    let mut children = vec![Vec::new(); tasks.len()];
    let mut awaited = vec![false; tasks.len()];
    for (i, t) in tasks.iter().enumerate() {
        let waiter = t.task().and_then(|p| p.fut_waiter.borrow().clone());
        if let Some(w) = waiter
            && let Some(&j) = index.get(&Rc::as_ptr(&w))
            && j != i
            && !awaited[j]
        {
            children[i].push(j);
            awaited[j] = true;
        }
    }
    let mut out = String::new();
    let mut shown = vec![false; tasks.len()];
    let roots: Vec<usize> = (0..tasks.len()).filter(|&i| !awaited[i]).collect();
    for i in roots {
        render(
            session, &tasks, &children, &mut shown, i, "", None, &mut out,
        );
    }
    // Tasks awaiting each other in a cycle have no root.
    for i in 0..tasks.len() {
        if !shown[i] {
            render(
                session, &tasks, &children, &mut shown, i, "", None, &mut out,
            );
        }
    }
    out
}

#[expect(
    clippy::too_many_arguments,
    reason = "a recursive walk carrying the tree and its output"
)]
fn render(
    session: &Session,
    tasks: &[Rc<Fut>],
    children: &[Vec<usize>],
    shown: &mut [bool],
    i: usize,
    prefix: &str,
    last: Option<bool>,
    out: &mut String,
) {
    if shown[i] {
        return;
    }
    shown[i] = true;
    let branch = match last {
        None => "",
        Some(true) => "└── ",
        Some(false) => "├── ",
    };
    let _ = writeln!(out, "{prefix}{branch}{}", describe(session, &tasks[i]));
    let inner = match last {
        None => prefix.to_string(),
        Some(true) => format!("{prefix}    "),
        Some(false) => format!("{prefix}│   "),
    };
    let kids = &children[i];
    for (k, &j) in kids.iter().enumerate() {
        render(
            session,
            tasks,
            children,
            shown,
            j,
            &inner,
            Some(k + 1 == kids.len()),
            out,
        );
    }
}

/// `Task-2 ticker(): sleeping, wakes in 0.730s, at <stdin>:4`.
fn describe(session: &Session, task: &Rc<Fut>) -> String {
    let name = task_name(task);
    let Some(part) = task.task() else {
        return name;
    };
    let coro = session
        .vm
        .as_generator(&part.coro)
        .map(|g| format!(" {}()", g.qualname))
        .unwrap_or_default();
    let current = session
        .lp
        .current_task()
        .is_some_and(|c| Rc::ptr_eq(&c, task));
    let state = if current {
        "running".to_string()
    } else if !part.started.get() {
        "created, not started yet".to_string()
    } else if part.must_cancel.get() || part.num_cancels.get() > 0 {
        "cancelling".to_string()
    } else {
        match &*part.waiting.borrow() {
            WaitReason::None => "ready to run".to_string(),
            WaitReason::Sleep(when) => {
                let left = ns_to_secs(*when - session.lp.clock.peek()).max(0.0);
                format!("sleeping, wakes in {left:.3}s")
            }
            WaitReason::Future(what) => format!("awaiting {what}"),
        }
    };
    let site = part
        .await_site
        .borrow()
        .as_ref()
        .filter(|_| part.started.get() && !current)
        .map(|s| format!(", at {s}"))
        .unwrap_or_default();
    format!("{name}{coro}: {state}{site}")
}
