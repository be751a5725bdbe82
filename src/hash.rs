//! Python's `hash()` for built-in values, bit-for-bit as CPython 3.11 on
//! 64-bit Linux started with `PYTHONHASHSEED=0`.
//!
//! Why: set and dict iteration order follows the hash table layout, so pyco
//! prints `{'b', 'a'}` in CPython's order only if its hashes are CPython's.
//! `PYTHONHASHSEED=0` turns string-hash randomisation off (the SipHash key is
//! all zeros), which makes that order reproducible run to run.
//!
//! * Numbers hash by value modulo the Mersenne prime 2^61 - 1, so equal ints
//!   and floats hash alike (`hash(1.0) == hash(1) == 1`, `hash(0.5) ==
//!   2**60`).
//! * Strings and bytes use SipHash-1-3 (3.11's `sys.hash_info.algorithm`)
//!   over the bytes of CPython's internal representation: latin-1 bytes when
//!   every character is below U+0100, else little-endian UCS-2 when all are
//!   below U+10000, else UCS-4.
//! * Tuples mix item hashes with 3.11's xxHash-based `tuplehash`, frozensets
//!   with `frozenset_hash`.
//! * `None`, NaN and plain objects hash by identity in 3.11
//!   ([`hash_pointer`]); their values differ between runs even in CPython.
//!
//! No hash is ever -1 (CPython reserves it for errors; -1 becomes -2).

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// The modulus of numeric hashes, `sys.hash_info.modulus` = 2^61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;

/// `hash(float('inf'))`, `sys.hash_info.inf`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314_159;

/// `hash(v)` for an int: `|v| mod (2^61 - 1)` with `v`'s sign.
#[must_use]
pub fn hash_int(v: &BigInt) -> i64 {
    if let Some(small) = v.to_i64() {
        return hash_i64(small);
    }
    let residue = (v.magnitude() % MODULUS).to_u64().unwrap_or(0);
    signed_residue(residue, v.sign() == Sign::Minus)
}

/// `hash(v)` for an int that fits in an `i64`.
#[must_use]
pub fn hash_i64(v: i64) -> i64 {
    signed_residue(v.unsigned_abs() % MODULUS, v < 0)
}

/// `hash(b)` for a bool: `hash(True) == 1`, `hash(False) == 0`.
#[must_use]
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

fn signed_residue(residue: u64, negative: bool) -> i64 {
    // residue < 2^61, so the cast is exact.
    let h = if negative {
        -(residue as i64)
    } else {
        residue as i64
    };
    fix_minus_one(h)
}

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(x)` for a float: equal to the hash of the rational value it
/// represents, so integral floats hash like the equal int.
///
/// A NaN hashes by identity in CPython 3.11: pass the NaN object's identity
/// (what `id()` reports) as `nan_identity`; it is ignored for other values.
#[must_use]
pub fn hash_float(x: f64, nan_identity: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(nan_identity);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let (m, e) = crate::format::float::decode(x);
    // x = m * 2^e, and 2^61 == 1 (mod 2^61 - 1), so 2^e == 2^(e mod 61).
    let rotation = e.rem_euclid(61) as u32;
    let residue = mul_mod(m % MODULUS, pow2_mod(rotation));
    signed_residue(residue, x < 0.0)
}

fn pow2_mod(k: u32) -> u64 {
    (1u64 << k) % MODULUS
}

fn mul_mod(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(MODULUS)) as u64
}

/// CPython's `_Py_HashPointer`: the hash of an object hashed by identity
/// (`None`, NaN, instances without `__hash__`), from its address or id:
/// the bits rotated right by four.
#[must_use]
pub fn hash_pointer(address: usize) -> i64 {
    fix_minus_one(address.rotate_right(4) as i64)
}

/// `hash(s)` for a str (see the module docs for the byte layout hashed).
#[must_use]
pub fn hash_str(s: &str) -> i64 {
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let mut hasher = SipHasher13::new();
    if widest < 0x100 {
        for c in s.chars() {
            hasher.write(&[u32::from(c) as u8]);
        }
    } else if widest < 0x1_0000 {
        for c in s.chars() {
            hasher.write(&(u32::from(c) as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            hasher.write(&u32::from(c).to_le_bytes());
        }
    }
    finish_bytes_hash(&hasher)
}

/// `hash(b)` for bytes.
#[must_use]
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    let mut hasher = SipHasher13::new();
    hasher.write(bytes);
    finish_bytes_hash(&hasher)
}

fn finish_bytes_hash(hasher: &SipHasher13) -> i64 {
    if hasher.length == 0 {
        // CPython's _Py_HashBytes special-cases the empty string.
        return 0;
    }
    fix_minus_one(hasher.finish() as i64)
}

/// `hash(t)` for a tuple, given its items' hashes: 3.11's xxHash-style
/// `tuplehash`.
#[must_use]
pub fn hash_tuple(items: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &item in items {
        acc = acc.wrapping_add((item as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (PRIME_5 ^ 0x0035_d373));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `hash(fs)` for a frozenset, given the hashes of its (distinct) elements
/// in any order: 3.11's `frozenset_hash`.
#[must_use]
pub fn hash_frozenset(items: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        // CPython writes these as 89869747 and 3644798167.
        ((h ^ 0x055b_4db3) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = items.iter().fold(0u64, |acc, &h| acc ^ shuffle(h as u64));
    hash ^= (items.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// Streaming SipHash-1-3 with the all-zero key `PYTHONHASHSEED=0` selects.
struct SipHasher13 {
    v: [u64; 4],
    /// Bytes not yet forming a full 8-byte word, little-endian.
    tail: u64,
    tail_len: u32,
    length: u64,
}

impl SipHasher13 {
    fn new() -> Self {
        let (k0, k1) = (0u64, 0u64);
        SipHasher13 {
            v: [
                k0 ^ 0x736f_6d65_7073_6575,
                k1 ^ 0x646f_7261_6e64_6f6d,
                k0 ^ 0x6c79_6765_6e65_7261,
                k1 ^ 0x7465_6462_7974_6573,
            ],
            tail: 0,
            tail_len: 0,
            length: 0,
        }
    }

    fn round(&mut self) {
        let [v0, v1, v2, v3] = &mut self.v;
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    }

    fn compress(&mut self, word: u64) {
        self.v[3] ^= word;
        self.round();
        self.v[0] ^= word;
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.tail |= u64::from(b) << (8 * self.tail_len);
            self.tail_len += 1;
            if self.tail_len == 8 {
                let word = self.tail;
                self.compress(word);
                self.tail = 0;
                self.tail_len = 0;
            }
        }
        self.length += bytes.len() as u64;
    }

    fn finish(&self) -> u64 {
        let mut state = SipHasher13 {
            v: self.v,
            tail: 0,
            tail_len: 0,
            length: 0,
        };
        let last = ((self.length & 0xff) << 56) | self.tail;
        state.compress(last);
        state.v[2] ^= 0xff;
        state.round();
        state.round();
        state.round();
        let [v0, v1, v2, v3] = state.v;
        v0 ^ v1 ^ v2 ^ v3
    }
}

#[cfg(test)]
#[expect(
    clippy::unreadable_literal,
    reason = "expected values are CPython's output, copied verbatim"
)]
mod tests {
    use super::*;

    // Expected values: `hash(...)` in CPython 3.11 run with PYTHONHASHSEED=0
    // (tools/gen_numfmt_tests.py hash).

    const STRS: &[(&str, i64)] = &[
        ("", 0),
        ("a", 4644417185603328019),
        ("abc", -4594863902769663758),
        ("\u{e9}", 6047309291227476195),
        ("\u{20ac}x", -483395623852268653),
        ("\u{1f600}", -3536540696076613844),
        ("hello world", -5642461784034726774),
        ("xxxxxxx", 4423015880544474238),
        ("xxxxxxxx", -4724777423671707232),
        ("xxxxxxxxx", 1110956022226650754),
        (
            "\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}",
            -6492513978079487457,
        ),
        (
            "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}",
            -6405029590692266550,
        ),
        ("a\u{1f600}", -6970120874385731343),
        ("\u{0}", 7541581120933061747),
        ("pyco", -2526528134850810163),
    ];

    /// Ints as `-`-signed hex.
    const INTS: &[(&str, i64)] = &[
        ("0", 0),
        ("1", 1),
        ("-1", -2),
        ("-2", -2),
        ("1ffffffffffffffe", 2305843009213693950),
        ("1fffffffffffffff", 0),
        ("2000000000000000", 1),
        ("-2000000000000000", -2),
        ("10000000000000000", 8),
        ("-10000000000000000", -8),
        (
            "1249ad2594c37ceb0b2784c4ce0bf38ace408e211a7caab24308a82e8f10000000000000000000000000",
            910685213754167845,
        ),
        ("7fffffffffffffff", 3),
        ("-8000000000000000", -4),
        ("ab54a98ceb1f0ad2", 816463855166098135),
    ];

    const FLOATS: &[(f64, i64)] = &[
        (0.0, 0),
        (-0.0, 0),
        (1.0, 1),
        (-1.0, -2),
        (0.5, 1152921504606846976),
        (1.5, 1152921504606846977),
        (0.1, 230584300921369408),
        (1e+100, 1822893315824342674),
        (-1e-100, -1735222877707689105),
        (5e-324, 16777216),
        (1.7976931348623157e+308, 2234066890152476671),
        (f64::INFINITY, 314159),
        (f64::NEG_INFINITY, -314159),
        (2.305843009213694e+18, 1),
        (123.456, 1051464412201451643),
    ];

    fn hex_int(text: &str) -> BigInt {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let v = BigInt::parse_bytes(digits.as_bytes(), 16).expect("hex literal");
        if negative { -v } else { v }
    }

    #[test]
    fn strings() {
        for &(s, expected) in STRS {
            assert_eq!(hash_str(s), expected, "hash({s:?})");
        }
        // bytes hash like latin-1 strs: hash(b'abc') == hash('abc').
        assert_eq!(hash_bytes(b"abc"), hash_str("abc"));
        assert_eq!(hash_bytes(b""), 0);
    }

    #[test]
    fn ints() {
        for &(v, expected) in INTS {
            assert_eq!(hash_int(&hex_int(v)), expected, "hash(0x{v})");
        }
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_bool(true), 1);
        assert_eq!(hash_bool(false), 0);
    }

    #[test]
    fn floats() {
        for &(x, expected) in FLOATS {
            assert_eq!(hash_float(x, 0), expected, "hash({x:e})");
        }
        // Integral floats hash like the equal int: 2.0**70 and 2**70.
        assert_eq!(
            hash_float(1_180_591_620_717_411_303_424.0, 0),
            hash_int(&(BigInt::from(1) << 70))
        );
    }

    #[test]
    fn nan_and_none_hash_by_identity() {
        assert_eq!(
            hash_float(f64::NAN, 0x7f00_0000_1230),
            hash_pointer(0x7f00_0000_1230)
        );
        assert_eq!(hash_pointer(0x7f00_0000_1230), 0x07f0_0000_0123);
        assert_eq!(hash_pointer(0x10), 1);
    }

    #[test]
    fn tuples() {
        let cases: Vec<(Vec<i64>, i64)> = vec![
            (vec![], 5740354900026072187),
            (vec![hash_i64(1)], -6644214454873602895),
            (vec![hash_i64(1), hash_i64(2)], -3550055125485641917),
            (
                vec![hash_i64(1), hash_i64(2), hash_i64(3)],
                529344067295497451,
            ),
            (vec![hash_str("a"), hash_str("b")], 7372137184884179083),
            (
                vec![hash_tuple(&[hash_i64(1), hash_i64(2)]), hash_i64(3)],
                -333907151259015829,
            ),
            (vec![hash_i64(-1)], 8078679518589016365),
            (vec![hash_float(1.5, 0), hash_str("x")], 3284398874032286768),
        ];
        for (items, expected) in cases {
            assert_eq!(hash_tuple(&items), expected, "{items:?}");
        }
    }

    #[test]
    fn frozensets() {
        let cases: Vec<(Vec<i64>, i64)> = vec![
            (vec![], 133146708735736),
            (vec![hash_i64(1)], -558064481276695278),
            (
                vec![hash_i64(1), hash_i64(2), hash_i64(3)],
                -272375401224217160,
            ),
            (vec![hash_str("a"), hash_str("b")], 1679668661828516449),
            (vec![hash_frozenset(&[hash_i64(1)])], 5515263749738256364),
        ];
        for (items, expected) in cases {
            assert_eq!(hash_frozenset(&items), expected, "{items:?}");
        }
        // frozenset(range(100)), and the order of elements does not matter.
        let mut items: Vec<i64> = (0..100).map(hash_i64).collect();
        assert_eq!(hash_frozenset(&items), 4411996150312757951);
        items.reverse();
        assert_eq!(hash_frozenset(&items), 4411996150312757951);
    }
}
