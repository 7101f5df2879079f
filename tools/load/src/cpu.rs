//! CPU time of a process, from `/proc/<pid>/stat` (Linux).

/// Kernel clock ticks per second (`USER_HZ`), 100 on every Linux architecture this runs on.
const TICKS_PER_SECOND: f64 = 100.0;

/// User plus system CPU seconds process `pid` has used, or `None` if it cannot be read.
pub fn seconds_of(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: the fields after it are counted from its `)`.
    let after_name = stat.get(stat.rfind(')')?.checked_add(1)?..)?;
    let mut fields = after_name.split_whitespace();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let user: f64 = fields.nth(11)?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / TICKS_PER_SECOND)
}
