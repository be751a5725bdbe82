//! Sizes (`512MB`, `64MiB`) and durations (`10s`, `250ms`, `1h`) as the
//! command line writes them, and back.

use std::time::Duration;

/// Why a size or duration did not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitError(String);

impl std::fmt::Display for UnitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnitError {}

const SIZE_UNITS: &[(&str, u64)] = &[
    ("", 1),
    ("B", 1),
    ("K", 1_000),
    ("KB", 1_000),
    ("M", 1_000_000),
    ("MB", 1_000_000),
    ("G", 1_000_000_000),
    ("GB", 1_000_000_000),
    ("KiB", 1 << 10),
    ("MiB", 1 << 20),
    ("GiB", 1 << 30),
];

/// Parses a size in bytes: a number followed by nothing or `B` (bytes),
/// `K`/`KB`, `M`/`MB`, `G`/`GB` (powers of 1000) or `KiB`, `MiB`, `GiB`
/// (powers of 1024). Suffixes are case-insensitive; a fraction is allowed
/// (`1.5GB`).
///
/// ```
/// use pyco::limits::units::parse_size;
/// assert_eq!(parse_size("512MB"), Ok(512_000_000));
/// assert_eq!(parse_size("64MiB"), Ok(64 << 20));
/// assert_eq!(parse_size("1000"), Ok(1000));
/// assert!(parse_size("12 parsecs").is_err());
/// ```
pub fn parse_size(text: &str) -> Result<u64, UnitError> {
    let (number, suffix) = split_number(text);
    let unit = SIZE_UNITS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(suffix.trim()))
        .map(|(_, n)| *n)
        .ok_or_else(|| {
            UnitError(format!(
                "invalid size '{text}': use a number with B, K, KB, M, MB, G, GB, KiB, MiB or GiB"
            ))
        })?;
    let value: f64 = number
        .parse()
        .map_err(|_| UnitError(format!("invalid size '{text}': no number")))?;
    let bytes = value * unit as f64;
    if !(0.0..1.8e19).contains(&bytes) {
        return Err(UnitError(format!("invalid size '{text}': out of range")));
    }
    Ok(bytes as u64)
}

/// Parses a duration: a number followed by `ms`, `s`, `m` or `h` (seconds
/// when there is no suffix).
///
/// ```
/// use pyco::limits::units::parse_duration;
/// use std::time::Duration;
/// assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
/// assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
/// assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
/// assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
/// assert!(parse_duration("soon").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<Duration, UnitError> {
    let (number, suffix) = split_number(text);
    let unit = match suffix.trim() {
        "ms" => 0.001,
        "" | "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => {
            return Err(UnitError(format!(
                "invalid duration '{text}': use a number with ms, s, m or h"
            )));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| UnitError(format!("invalid duration '{text}': no number")))?;
    Duration::try_from_secs_f64(value * unit)
        .map_err(|_| UnitError(format!("invalid duration '{text}': out of range")))
}

fn split_number(text: &str) -> (&str, &str) {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_'))
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// A size in the largest unit that writes it exactly (`512MB`, `64MiB`),
/// or in bytes.
#[must_use]
pub fn format_size(bytes: u64) -> String {
    for (name, unit) in [
        ("GiB", 1u64 << 30),
        ("GB", 1_000_000_000),
        ("MiB", 1 << 20),
        ("MB", 1_000_000),
        ("KiB", 1 << 10),
        ("KB", 1_000),
    ] {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{}{name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

/// A duration in the largest unit that writes it exactly (`1h`, `10s`,
/// `250ms`), or in seconds with a fraction.
#[must_use]
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if d.subsec_nanos() % 1_000_000 != 0 || ms == 0 {
        return format!("{}s", d.as_secs_f64());
    }
    for (name, unit) in [("h", 3_600_000u128), ("m", 60_000), ("s", 1_000)] {
        if ms % unit == 0 {
            return format!("{}{name}", ms / unit);
        }
    }
    format!("{ms}ms")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_trip_through_their_text() {
        for text in ["512MB", "64MiB", "1GiB", "10KB", "100 bytes"] {
            let bytes = parse_size(text.trim_end_matches(" bytes")).expect("parses");
            assert_eq!(format_size(bytes), text);
        }
        assert_eq!(parse_size("1.5GB"), Ok(1_500_000_000));
        assert_eq!(parse_size("4kib"), Ok(4096));
    }

    #[test]
    fn durations_round_trip_through_their_text() {
        for text in ["1h", "10s", "2m", "250ms", "90s"] {
            assert_eq!(format_duration(parse_duration(text).expect("parses")), text);
        }
        assert_eq!(format_duration(Duration::from_micros(1500)), "0.0015s");
    }
}
