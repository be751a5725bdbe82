//! Ints to text: `str(int)`, `hex`/`oct`/`bin`, and the int presentation
//! types (`b c d o x X n`, and the float types by conversion) of the
//! format-spec mini-language.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::float::format_float_spec;
use super::parse::bigint_to_f64;
use super::spec::{
    FormatSpec, NumberParts, Target, parse_format_spec, render_number, unknown_format_code,
};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: converting an int
/// with more decimal digits than this to or from a decimal string raises
/// `ValueError` (pyco has no `sys.set_int_max_str_digits`, so it is fixed).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `str(v)`: decimal digits with a leading `-`, subject to the
/// [`INT_MAX_STR_DIGITS`] limit (a `ValueError` past it, as in CPython 3.11).
pub fn int_to_decimal(v: &BigInt) -> Result<String, String> {
    // 2**14300 already has more than 4300 digits: refuse before the
    // quadratic-time conversion.
    if v.bits() > 14_300 {
        return Err(too_many_digits_error());
    }
    let text = v.to_string();
    let digits = text.len() - usize::from(v.is_negative());
    if digits > INT_MAX_STR_DIGITS {
        return Err(too_many_digits_error());
    }
    Ok(text)
}

fn too_many_digits_error() -> String {
    format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// `hex(v)`, `oct(v)`, `bin(v)` and their unprefixed forms: `v` in `base`
/// (2 to 36, lower-case digits) with `0x`/`0o`/`0b` after any sign when
/// `prefix` is set and the base has one (`-0x1f`). Bases outside 2..=36 are
/// treated as 10.
#[must_use]
pub fn int_to_base(v: &BigInt, base: u32, prefix: bool) -> String {
    let base = if (2..=36).contains(&base) { base } else { 10 };
    let digits = v.magnitude().to_str_radix(base);
    let prefix = match (prefix, base) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `format(v, spec)` for an int, with CPython 3.11's output and errors.
///
/// Errors are `ValueError` messages (`Precision not allowed in integer format
/// specifier`, `Unknown format code 'y' for object of type 'int'`, ...) except
/// for type `c` out of range (`%c arg not in range(0x110000)`, or `Python int
/// too large to convert to C long`) and float types on huge ints (`int too
/// large to convert to float`), which are `OverflowError`s. An empty spec
/// gives `str(v)`.
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, String> {
    format_int_named(v, spec, "int")
}

/// Whether an error message of [`format_int`] is one CPython raises as
/// `OverflowError` rather than `ValueError`.
#[must_use]
pub fn is_overflow_message(message: &str) -> bool {
    message.starts_with("%c arg not in range")
        || message.starts_with("Python int too large")
        || message.starts_with("int too large to convert")
}

/// [`format_int`] for an int subclass such as `bool`, whose name appears in
/// error messages. (For an empty spec CPython calls `str()`, which for
/// `bool` is `True`/`False`; the caller handles that case.)
pub fn format_int_named(v: &BigInt, spec: &str, type_name: &str) -> Result<String, String> {
    let parsed = parse_format_spec(
        spec,
        Target {
            type_name,
            ..Target::INT
        },
    )?;
    format_int_spec(v, &parsed, type_name)
}

/// Formats `v` with an already parsed spec; `type_name` names its type in
/// errors.
pub fn format_int_spec(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    match spec.kind {
        // A parsed int spec always has a type; none would mean 'd'.
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') | None => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_spec(bigint_to_f64(v)?, spec, type_name);
        }
        Some(other) => return Err(unknown_format_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_owned());
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_owned(),
        );
    }
    if spec.kind == Some('c') {
        return format_char(v, spec);
    }

    let (base, prefix, group_size) = match spec.kind {
        Some('b') => (2, "0b", 4),
        Some('o') => (8, "0o", 4),
        Some('x') => (16, "0x", 4),
        Some('X') => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let digits = if base == 10 {
        let text = int_to_decimal(v)?;
        match text.strip_prefix('-') {
            Some(rest) => rest.to_owned(),
            None => text,
        }
    } else {
        let text = v.magnitude().to_str_radix(base);
        if spec.kind == Some('X') {
            text.to_ascii_uppercase()
        } else {
            text
        }
    };
    let group = match spec.kind {
        // 'n' groups by the current locale, which for pyco is always "C".
        Some('n') => None,
        _ => spec.grouping.map(|g| (group_size, g.separator())),
    };
    render_number(
        spec,
        &NumberParts {
            negative: v.is_negative(),
            prefix: if spec.alternate { prefix } else { "" },
            digits: &digits,
            decimal_point: false,
            remainder: "",
        },
        group,
    )
}

/// Type `c`: the code point `v` as a one-character string.
fn format_char(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    if spec.sign.is_some() {
        return Err("Sign not allowed with integer format specifier 'c'".to_owned());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_owned());
    }
    let code = v
        .to_i64()
        .ok_or_else(|| "Python int too large to convert to C long".to_owned())?;
    let code = u32::try_from(code)
        .ok()
        .filter(|&c| c <= 0x10_ffff)
        .ok_or_else(|| "%c arg not in range(0x110000)".to_owned())?;
    // A lone surrogate is a valid Python str but cannot live in a Rust one.
    let c = char::from_u32(code).ok_or_else(|| {
        format!("'utf-8' codec can't encode character '\\u{code:04x}' in position 0: surrogates not allowed")
    })?;
    let text = c.to_string();
    render_number(
        spec,
        &NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            decimal_point: false,
            remainder: &text,
        },
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses the tables' `-`-signed hex ints.
    pub(crate) fn hex_int(text: &str) -> BigInt {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let v = BigInt::parse_bytes(digits.as_bytes(), 16).expect("hex literal");
        if negative { -v } else { v }
    }

    /// `format(v, spec)` in CPython 3.11, `v` in hex
    /// (tools/gen_numfmt_tests.py int_format).
    const FORMAT: &[(&str, &str, Result<&str, &str>)] = &[
        ("0", "", Ok("0")),
        ("2a", "", Ok("42")),
        ("-2a", "d", Ok("-42")),
        ("ff", "x", Ok("ff")),
        ("ff", "X", Ok("FF")),
        ("ff", "#x", Ok("0xff")),
        ("ff", "#X", Ok("0XFF")),
        ("ff", "o", Ok("377")),
        ("ff", "#o", Ok("0o377")),
        ("5", "b", Ok("101")),
        ("5", "#b", Ok("0b101")),
        ("-ff", "#x", Ok("-0xff")),
        ("ff", "#010x", Ok("0x000000ff")),
        ("-ff", "#010x", Ok("-0x00000ff")),
        ("41", "c", Ok("A")),
        ("20ac", "c", Ok("\u{20ac}")),
        ("41", "05c", Ok("0000A")),
        ("41", "<3c", Ok("A  ")),
        ("41", "^5c", Ok("  A  ")),
        ("12d687", ",", Ok("1,234,567")),
        ("12d687", "_", Ok("1_234_567")),
        ("12d687", "_d", Ok("1_234_567")),
        ("-12d687", ",d", Ok("-1,234,567")),
        ("12d687", "_x", Ok("12_d687")),
        ("12d687", "_b", Ok("1_0010_1101_0110_1000_0111")),
        ("12d687", "#_o", Ok("0o455_3207")),
        ("4d2", "010,", Ok("00,001,234")),
        ("4d2", "09,", Ok("0,001,234")),
        ("4d2", "08,", Ok("0,001,234")),
        ("4d2", "0=10,", Ok("00,001,234")),
        ("5", "<05", Ok("50000")),
        ("5", "x<05", Ok("5xxxx")),
        ("5", "05d", Ok("00005")),
        ("-5", "05", Ok("-0005")),
        ("5", "+", Ok("+5")),
        ("5", " ", Ok(" 5")),
        ("-5", " ", Ok("-5")),
        ("5", "+5", Ok("   +5")),
        ("-5", "=6", Ok("-    5")),
        ("-5", "*=6", Ok("-****5")),
        ("5", "*^6", Ok("**5***")),
        ("-ff", "=+#12_o", Ok("-0o      377")),
        (
            "c9f2c9cd04674edea40000000",
            ",",
            Ok("1,000,000,000,000,000,000,000,000,000,000"),
        ),
        (
            "-c9f2c9cd04674edea40000000",
            "_",
            Ok("-1_000_000_000_000_000_000_000_000_000_000"),
        ),
        (
            "10000000000000000000000000",
            "#_x",
            Ok("0x10_0000_0000_0000_0000_0000_0000"),
        ),
        (
            "10000000000000000000000000",
            "n",
            Ok("1267650600228229401496703205376"),
        ),
        ("12d687", "n", Ok("1234567")),
        ("12d687", ",n", Err("Cannot specify ',' with 'n'.")),
        ("5", ".2f", Ok("5.00")),
        ("5", "e", Ok("5.000000e+00")),
        ("5", "%", Ok("500.000000%")),
        ("56bc75e2d63100000", "g", Ok("1e+20")),
        (
            "1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f",
            Err("int too large to convert to float"),
        ),
        ("-7", "F", Ok("-7.000000")),
        (
            "5",
            ".1",
            Err("Precision not allowed in integer format specifier"),
        ),
        (
            "5",
            "z",
            Err("Negative zero coercion (z) not allowed in integer format specifier"),
        ),
        (
            "5",
            "zd",
            Err("Negative zero coercion (z) not allowed in integer format specifier"),
        ),
        (
            "5",
            "z.1",
            Err("Precision not allowed in integer format specifier"),
        ),
        (
            "5",
            "0z",
            Err("Unknown format code 'z' for object of type 'int'"),
        ),
        (
            "5",
            "+c",
            Err("Sign not allowed with integer format specifier 'c'"),
        ),
        (
            "5",
            "#c",
            Err("Alternate form (#) not allowed with integer format specifier 'c'"),
        ),
        (
            "5",
            " c",
            Err("Sign not allowed with integer format specifier 'c'"),
        ),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("110000", "c", Err("%c arg not in range(0x110000)")),
        (
            "400000000000000000",
            "c",
            Err("Python int too large to convert to C long"),
        ),
        (
            "5",
            "y",
            Err("Unknown format code 'y' for object of type 'int'"),
        ),
        (
            "5",
            "s",
            Err("Unknown format code 's' for object of type 'int'"),
        ),
        (
            "5",
            "\u{1}",
            Err("Unknown format code '\\x1' for object of type 'int'"),
        ),
        (
            "5",
            "\u{80}",
            Err("Unknown format code '\\x80' for object of type 'int'"),
        ),
        (
            "5",
            "\u{20ac}",
            Err("Unknown format code '\\x20ac' for object of type 'int'"),
        ),
        (
            "5",
            "abc",
            Err("Invalid format specifier 'abc' for object of type 'int'"),
        ),
        ("5", ",_", Err("Cannot specify both ',' and '_'.")),
        ("5", "_,", Err("Cannot specify both ',' and '_'.")),
        ("5", ",x", Err("Cannot specify ',' with 'x'.")),
        ("5", ",c", Err("Cannot specify ',' with 'c'.")),
        ("5", "_c", Err("Cannot specify '_' with 'c'.")),
        ("5", ".", Err("Format specifier missing precision")),
        (
            "5",
            "9223372036854775808d",
            Err("Too many decimal digits in format string"),
        ),
        (
            "1392bd7c2a1aa84a72e2056d3b17f01cb08800b8238bf7ce68df91012d37248ba88280ed133521896f4bbe4477173d77983ea028148a6c68560c55174c8e426436bf253f076d5e8e5526256c24e1e31e73f490f60869f11dc2402671a6b60c8b3add0f28716b78a85bc71eb7bc6fca26284e8c6e109cfcfbde3f205a6e37bad57b1c6b5961f8d1348a2a7e00eea55da8dbb9addb2e737e5327140077a6d3bd94f6bdb992a0bab5a22c2bcbec2a6e56ca24adb2055357755f6f3ab83081e3e91bb6469429808e92b75e2b977be7cec590799a428cb555e8b7b92638ed280ac3726341808bd6a089e112813cc9eef629e5908bb43b1320886c8b351b6e6487b92a664cc468775555aa9a570dc60b70d3965bf460c7442945ce85a3e24dd76d98d6dea48d137548583914ccdd4305dfd0368d49055494306167e7a3011d080081abace3781ae430f499214b8523e41145ba2fa710933e0b6456bc0b1349b5f8905beeaa3a8aaafc196556bf5edc9819edd96d17c76e58497e6d7ebdcfbdb05154f7a0436b7dc6a5ff911fbef96a3fb45031c82e10afe7729783ccc8ae36a2f7f602a8c9a8162841db2e9cd9f9b0335f6051a84d42c80b904e5990d65f61e5f0748d9b487d4926904e8b6a8061ed54ab47ff818fc3a0862c3276209b349415c25f5fe4c23307f24f999d10914b0eaf71fdca9435cadee7dd14eba127996f2cffbad0d5f63680b42604a7d9a6d1bbb9d9fc3cff29350305c8f80b45f4e385667e5ea1c72db30614bcbee56c523d30f9acf457f1d2b6f1c9d059b9be5bcc4f1e98e7ae27cd5447a57a51ae1e81bc1965058fd2af4a3fd21f34e1d8dde06d62c445dc508260ab0fa2b4306b4ecec0513124402c2c9fd2613f6d58bcee9c1f088909c246b60d9a4629a7c941b15e78f5bb9c7cf3605f3c2a4786eddcaf3197bb198ad5a68e2be0f5e2fbb19ad1e0e55d22913b24bb46ccdb34943b317a594caa8a22048d0bede2d33ef1f1384f78c467264552c8cef24e5c8ca6394c666ee2fb61c441d867b4f0c69a828f201b6683bd9d73347b0afa8e0d1bd263587d95f93652878f6d82ed3ce2ccdcb164cd95a5f68345fe98b02c525b543c854b59c3c1f90334918d679b52b4a2e56cdde0e42afd7e7cea4839ec13c099a97b2608d35a8d60ddd530efac1233aa2f92fd64c9bb6b9db9e61dd5696ae510698e0078880c37b3b55ee0f9691a307ed1f8d49f8383dcac699714dbd5e8d4188903f52d152025749b4a65d8391ee519ff5e434a7e97c1dc83819678b4eb361ac7d12d2a6653fcda7e520653e8dd065063fb1415e036c3a0c93d224a04a588648fe93ff76bf0cdba6ef42c13bc1b976be01ef8f48d3f7ff4b00a3a086c5b6454e16992706af1c8777d50fe0275d453bd2a23ecbb1df1032fe5687385fb3cd26b432c8af0d17819467508f2fa78f5f6a56f955187560d8d4aa1fa480062f9fca86929c627432ca70f53b80c4cd5253418f486714f55ffdb6fcac3c7d96d288aeeaba86260d9d4b53829b7eefdc35c5b56d5b9916e992a477c44b9df5cc8c1f11dc52d3c6eec387366615783239839ad4c586f2ce4cc5c6ded0ab5c126e0b8f916c560295c3ed33dc1b983f40d4f35716fbf50b6ed4e00895978d084e82cde6a4d1920a200c4dcb8beecc82aec8c3e5bac54f3b39ddba1aa296b04aecff3a14f658130513931a8a0f325386782c7ac5ef8f0e3f8991a79ff5d4701e96ca03d884ac5d243488a769a4967177510000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "",
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "1392bd7c2a1aa84a72e2056d3b17f01cb08800b8238bf7ce68df91012d37248ba88280ed133521896f4bbe4477173d77983ea028148a6c68560c55174c8e426436bf253f076d5e8e5526256c24e1e31e73f490f60869f11dc2402671a6b60c8b3add0f28716b78a85bc71eb7bc6fca26284e8c6e109cfcfbde3f205a6e37bad57b1c6b5961f8d1348a2a7e00eea55da8dbb9addb2e737e5327140077a6d3bd94f6bdb992a0bab5a22c2bcbec2a6e56ca24adb2055357755f6f3ab83081e3e91bb6469429808e92b75e2b977be7cec590799a428cb555e8b7b92638ed280ac3726341808bd6a089e112813cc9eef629e5908bb43b1320886c8b351b6e6487b92a664cc468775555aa9a570dc60b70d3965bf460c7442945ce85a3e24dd76d98d6dea48d137548583914ccdd4305dfd0368d49055494306167e7a3011d080081abace3781ae430f499214b8523e41145ba2fa710933e0b6456bc0b1349b5f8905beeaa3a8aaafc196556bf5edc9819edd96d17c76e58497e6d7ebdcfbdb05154f7a0436b7dc6a5ff911fbef96a3fb45031c82e10afe7729783ccc8ae36a2f7f602a8c9a8162841db2e9cd9f9b0335f6051a84d42c80b904e5990d65f61e5f0748d9b487d4926904e8b6a8061ed54ab47ff818fc3a0862c3276209b349415c25f5fe4c23307f24f999d10914b0eaf71fdca9435cadee7dd14eba127996f2cffbad0d5f63680b42604a7d9a6d1bbb9d9fc3cff29350305c8f80b45f4e385667e5ea1c72db30614bcbee56c523d30f9acf457f1d2b6f1c9d059b9be5bcc4f1e98e7ae27cd5447a57a51ae1e81bc1965058fd2af4a3fd21f34e1d8dde06d62c445dc508260ab0fa2b4306b4ecec0513124402c2c9fd2613f6d58bcee9c1f088909c246b60d9a4629a7c941b15e78f5bb9c7cf3605f3c2a4786eddcaf3197bb198ad5a68e2be0f5e2fbb19ad1e0e55d22913b24bb46ccdb34943b317a594caa8a22048d0bede2d33ef1f1384f78c467264552c8cef24e5c8ca6394c666ee2fb61c441d867b4f0c69a828f201b6683bd9d73347b0afa8e0d1bd263587d95f93652878f6d82ed3ce2ccdcb164cd95a5f68345fe98b02c525b543c854b59c3c1f90334918d679b52b4a2e56cdde0e42afd7e7cea4839ec13c099a97b2608d35a8d60ddd530efac1233aa2f92fd64c9bb6b9db9e61dd5696ae510698e0078880c37b3b55ee0f9691a307ed1f8d49f8383dcac699714dbd5e8d4188903f52d152025749b4a65d8391ee519ff5e434a7e97c1dc83819678b4eb361ac7d12d2a6653fcda7e520653e8dd065063fb1415e036c3a0c93d224a04a588648fe93ff76bf0cdba6ef42c13bc1b976be01ef8f48d3f7ff4b00a3a086c5b6454e16992706af1c8777d50fe0275d453bd2a23ecbb1df1032fe5687385fb3cd26b432c8af0d17819467508f2fa78f5f6a56f955187560d8d4aa1fa480062f9fca86929c627432ca70f53b80c4cd5253418f486714f55ffdb6fcac3c7d96d288aeeaba86260d9d4b53829b7eefdc35c5b56d5b9916e992a477c44b9df5cc8c1f11dc52d3c6eec387366615783239839ad4c586f2ce4cc5c6ded0ab5c126e0b8f916c560295c3ed33dc1b983f40d4f35716fbf50b6ed4e00895978d084e82cde6a4d1920a200c4dcb8beecc82aec8c3e5bac54f3b39ddba1aa296b04aecff3a14f658130513931a8a0f325386782c7ac5ef8f0e3f8991a79ff5d4701e96ca03d884ac5d243488a769a4967177510000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            ",d",
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        ("5", "\u{661}\u{660}", Ok("         5")),
    ];

    #[test]
    fn format_matches_cpython() {
        for &(v, spec, expected) in FORMAT {
            let got = format_int(&hex_int(v), spec);
            assert_eq!(
                got.as_deref(),
                expected.map_err(str::to_owned).as_deref(),
                "format(0x{v}, {spec:?})"
            );
        }
    }

    #[test]
    fn bool_names_its_type() {
        // format(True, 'y'), format(True, '>5') in CPython 3.11.
        let one = BigInt::from(1);
        assert_eq!(
            format_int_named(&one, "y", "bool"),
            Err("Unknown format code 'y' for object of type 'bool'".to_owned())
        );
        assert_eq!(format_int_named(&one, ">5", "bool").as_deref(), Ok("    1"));
    }

    #[test]
    fn bases_for_hex_oct_bin() {
        // hex(-31), oct(8), bin(5), hex(0), hex(2**64) in CPython 3.11.
        assert_eq!(int_to_base(&BigInt::from(-31), 16, true), "-0x1f");
        assert_eq!(int_to_base(&BigInt::from(8), 8, true), "0o10");
        assert_eq!(int_to_base(&BigInt::from(5), 2, true), "0b101");
        assert_eq!(int_to_base(&BigInt::from(0), 16, true), "0x0");
        assert_eq!(
            int_to_base(&hex_int("10000000000000000"), 16, true),
            "0x10000000000000000"
        );
        assert_eq!(int_to_base(&BigInt::from(-35), 36, false), "-z");
    }

    #[test]
    fn decimal_digit_limit() {
        let limit = BigInt::from(10).pow(4299);
        assert_eq!(int_to_decimal(&limit).map(|s| s.len()), Ok(4300));
        assert_eq!(int_to_decimal(&-limit.clone()).map(|s| s.len()), Ok(4301));
        assert!(int_to_decimal(&(limit * 10)).is_err());
    }
}
