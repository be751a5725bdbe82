//! The C library's calendar functions behind `time.gmtime`,
//! `time.localtime`, `time.mktime` and `time.strftime` (CPython calls the
//! same ones, so local time zones and `strftime`'s output agree with it).
//! The Python side (`python/time.py`) builds `struct_time` from the fields.

use crate::builtins::args::arity;
use crate::interp::Vm;
use crate::interp::errors::{overflow_error, type_error, value_error};
use crate::value::{PyResult, Symbol, Value};
use nix::libc;

/// `_tm(seconds, local)`: the broken-down time of `seconds` since the
/// epoch, as `(year, mon, mday, hour, min, sec, wday, yday, isdst, zone,
/// gmtoff)` with Python's conventions (months from 1, Monday = 0).
pub fn tm_fields(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_tm", args, 2, 2)?;
    let secs = match &args[0] {
        Value::Int(n) => *n,
        Value::Float(f) if f.is_finite() => f.floor() as i64,
        Value::Float(_) => return Err(value_error("Invalid value NaN (not a number)")),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )));
        }
    };
    let local = vm.truthy(&args[1])?;
    let tm = broken_down(secs, local)
        .ok_or_else(|| overflow_error("timestamp out of range for platform time_t"))?;
    let zone = zone_name(&tm);
    Ok(Value::tuple(vec![
        Value::Int(i64::from(tm.tm_year) + 1900),
        Value::Int(i64::from(tm.tm_mon) + 1),
        Value::Int(i64::from(tm.tm_mday)),
        Value::Int(i64::from(tm.tm_hour)),
        Value::Int(i64::from(tm.tm_min)),
        Value::Int(i64::from(tm.tm_sec)),
        Value::Int((i64::from(tm.tm_wday) + 6) % 7),
        Value::Int(i64::from(tm.tm_yday) + 1),
        Value::Int(i64::from(tm.tm_isdst)),
        Value::str(zone),
        Value::Int(tm.tm_gmtoff),
    ]))
}

/// `_strftime(format, fields)`: C's `strftime` of nine `struct_time`
/// fields (plus zone and offset when given).
pub fn strftime(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_strftime", args, 2, 2)?;
    let Value::Str(format) = &args[0] else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let tm = to_tm(vm, &args[1])?;
    if format.as_str().contains('\0') {
        return Err(value_error("embedded null character"));
    }
    let c_format = std::ffi::CString::new(format.as_str())
        .map_err(|_| value_error("embedded null character"))?;
    let mut size = 256 + 4 * format.as_str().len();
    loop {
        let mut buf = vec![0u8; size];
        let n = c_strftime(&mut buf, &c_format, &tm);
        if n > 0 || format.as_str().is_empty() || size > 1 << 20 {
            buf.truncate(n);
            return Ok(Value::str(String::from_utf8_lossy(&buf).as_ref()));
        }
        size *= 4;
    }
}

/// `_mktime(fields)`: seconds since the epoch of a local broken-down time.
pub fn mktime(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_mktime", args, 1, 1)?;
    let mut tm = to_tm(vm, &args[0])?;
    let t = c_mktime(&mut tm);
    if t == -1 && tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// A `struct tm` from Python's nine fields (months from 1, Monday = 0).
fn to_tm(vm: &Vm, fields: &Value) -> PyResult<libc::tm> {
    let items = vm.collect_iterable(fields)?;
    if items.len() < 9 {
        return Err(type_error("time tuple must have 9 elements"));
    }
    let int = |v: &Value| -> PyResult<i32> {
        match v {
            Value::Int(n) => i32::try_from(*n)
                .map_err(|_| overflow_error("Python int too large to convert to C int")),
            Value::Bool(b) => Ok(i32::from(*b)),
            other => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))),
        }
    };
    let mut tm: libc::tm = zeroed_tm();
    tm.tm_year = int(&items[0])? - 1900;
    tm.tm_mon = int(&items[1])? - 1;
    tm.tm_mday = int(&items[2])?;
    tm.tm_hour = int(&items[3])?;
    tm.tm_min = int(&items[4])?;
    tm.tm_sec = int(&items[5])?;
    tm.tm_wday = (int(&items[6])? + 1) % 7;
    tm.tm_yday = int(&items[7])? - 1;
    tm.tm_isdst = int(&items[8])?;
    if let Some(Value::Int(off)) = items.get(10) {
        tm.tm_gmtoff = *off;
    }
    Ok(tm)
}

#[expect(unsafe_code, reason = "the C library's calendar functions")]
fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is a plain C struct; all-zero bytes are a valid value
    // (a null `tm_zone` is never read by the callers here).
    unsafe { std::mem::zeroed() }
}

#[expect(unsafe_code, reason = "the C library's calendar functions")]
fn broken_down(secs: i64, local: bool) -> Option<libc::tm> {
    let t: libc::time_t = secs;
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call; the `_r` variants
    // write only into `tm`.
    let ok = unsafe {
        if local {
            !libc::localtime_r(&raw const t, &raw mut tm).is_null()
        } else {
            !libc::gmtime_r(&raw const t, &raw mut tm).is_null()
        }
    };
    ok.then_some(tm)
}

#[expect(unsafe_code, reason = "the C library's calendar functions")]
fn zone_name(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return "UTC".to_owned();
    }
    // SAFETY: a non-null `tm_zone` set by `localtime_r`/`gmtime_r` points
    // to a NUL-terminated string owned by the C library.
    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
        .to_string_lossy()
        .into_owned()
}

#[expect(unsafe_code, reason = "the C library's calendar functions")]
fn c_strftime(buf: &mut [u8], format: &std::ffi::CStr, tm: &libc::tm) -> usize {
    // SAFETY: `buf` is writable for its length, `format` is NUL-terminated
    // and `tm` is a valid struct (its zone pointer null or the C library's).
    unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), format.as_ptr(), tm) }
}

#[expect(unsafe_code, reason = "the C library's calendar functions")]
fn c_mktime(tm: &mut libc::tm) -> i64 {
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, writable struct.
    unsafe { libc::mktime(tm) }
}
