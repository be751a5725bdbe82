//! The random-number core behind pyco's `random` module.
//!
//! Why this exists: a Python program that calls `random.seed(n)` expects the
//! same numbers every run, and pyco promises to print exactly what CPython
//! 3.11 prints. So this module reproduces CPython bit for bit after `seed(n)`:
//! the MT19937 generator and its seeding from `Modules/_randommodule.c`, and,
//! on top of it, the Python-level algorithms of `Lib/random.py` in 3.11 —
//! same number of draws from the generator, same float operations in the same
//! order, same exception messages. Any deviation, even one extra 32-bit draw,
//! would shift every later value.
//!
//! The module knows nothing of interpreter values. Integers are [`BigInt`]
//! (Python ints are unbounded), floats are `f64`, and sequences appear only as
//! their length: `choice`, `sample` and `choices` return indices into the
//! caller's sequence, and `shuffle` permutes any slice. Argument conversion
//! (for example rejecting a float passed to `randrange`) belongs to the caller;
//! failures that CPython's algorithms raise themselves come back as an
//! [`RngError`] carrying CPython's exception class and wording.
//!
//! Like CPython, a few distributions never return for some non-finite
//! parameters (`gammavariate` with a NaN or infinite `alpha`,
//! `vonmisesvariate` with a NaN `kappa`): their rejection loops never accept.
//! The functions are faithful to that rather than inventing a result.

mod sha512;

use std::collections::HashSet;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Number of 32-bit words in the MT19937 state.
/// Words of MT19937 state.
pub const N: usize = 624;
/// MT19937's middle word offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `random.NV_MAGICCONST`, `4 * exp(-0.5) / sqrt(2.0)`, as CPython computes it.
const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;
/// `random.LOG4`, `log(4.0)`.
const LOG4: f64 = 1.386_294_361_119_890_6;
/// `random.SG_MAGICCONST`, `1.0 + log(4.5)`.
const SG_MAGICCONST: f64 = 2.504_077_396_776_274;
/// `random.TWOPI`, `2.0 * pi`.
const TWOPI: f64 = std::f64::consts::TAU;

/// Largest bit count [`MersenneTwister::getrandbits`] will produce.
///
/// CPython accepts any `k` that fits a C `int` (up to 2**31 - 1 bits, a
/// 256 MiB result). pyco stops at 2**28 bits (a 32 MiB int) and reports a
/// `MemoryError` beyond it, so a stray huge argument cannot exhaust memory.
/// `randbytes(n)` shares the cap (at most 32 MiB).
pub const MAX_GETRANDBITS: i64 = 1 << 28;

/// Version tag of the tuple `random.getstate()` returns (`Random.VERSION`).
pub const STATE_VERSION: i64 = 3;

/// The Python exception class an [`RngError`] is raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyExceptionKind {
    /// `ValueError`.
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `IndexError`.
    IndexError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError` (raised with an empty message).
    MemoryError,
}

impl PyExceptionKind {
    /// The exception's class name as Python prints it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::ValueError => "ValueError",
            Self::TypeError => "TypeError",
            Self::IndexError => "IndexError",
            Self::ZeroDivisionError => "ZeroDivisionError",
            Self::OverflowError => "OverflowError",
            Self::MemoryError => "MemoryError",
        }
    }
}

/// A caller-owned sequence that CPython subscripts out of range.
///
/// The `IndexError` text then names the sequence's type (`list index out of
/// range`, `tuple index out of range`, `range object index out of range`…),
/// which only the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscripted {
    /// The `population` argument of `choices` (or `sample` with `counts`).
    Population,
    /// The `cum_weights` argument of `choices`, subscripted at `[-1]` while empty.
    CumWeights,
}

/// An exception raised by one of `random`'s algorithms, worded as CPython words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RngError {
    /// CPython raises `kind` with exactly `message`.
    Raise {
        /// The exception class.
        kind: PyExceptionKind,
        /// The exception's argument, verbatim.
        message: String,
    },
    /// CPython subscripts a caller-owned sequence out of range: the caller
    /// raises that sequence's own `IndexError`.
    IndexOutOfRange(Subscripted),
}

impl RngError {
    /// The exception class this error is raised as.
    #[must_use]
    pub fn kind(&self) -> PyExceptionKind {
        match self {
            Self::Raise { kind, .. } => *kind,
            Self::IndexOutOfRange(_) => PyExceptionKind::IndexError,
        }
    }

    fn raise(kind: PyExceptionKind, message: impl Into<String>) -> Self {
        Self::Raise {
            kind,
            message: message.into(),
        }
    }

    fn value(message: impl Into<String>) -> Self {
        Self::raise(PyExceptionKind::ValueError, message)
    }

    fn type_error(message: impl Into<String>) -> Self {
        Self::raise(PyExceptionKind::TypeError, message)
    }

    fn memory() -> Self {
        Self::raise(PyExceptionKind::MemoryError, "")
    }

    fn float_division() -> Self {
        Self::raise(PyExceptionKind::ZeroDivisionError, "float division by zero")
    }

    fn math_domain() -> Self {
        Self::value("math domain error")
    }
}

impl fmt::Display for RngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Raise { kind, message } if message.is_empty() => f.write_str(kind.name()),
            Self::Raise { kind, message } => write!(f, "{}: {message}", kind.name()),
            Self::IndexOutOfRange(Subscripted::Population) => {
                f.write_str("IndexError: population index out of range")
            }
            Self::IndexOutOfRange(Subscripted::CumWeights) => {
                f.write_str("IndexError: cum_weights index out of range")
            }
        }
    }
}

impl std::error::Error for RngError {}

/// A snapshot of the generator, as `random.getstate()` exposes it.
///
/// `getstate()` returns `(3, (*words, index), gauss_next)`.
#[derive(Debug, Clone, PartialEq)]
pub struct RngState {
    /// The 624 MT19937 state words.
    pub words: [u32; N],
    /// Position of the next word to temper; 624 means "twist first".
    pub index: usize,
    /// The second normal deviate saved by `gauss`, if any.
    pub gauss_next: Option<f64>,
}

/// CPython's `random.Random`: MT19937 plus the saved `gauss` deviate.
///
/// Every method consumes generator output exactly as CPython 3.11 does, so
/// interleaved calls stay in step with CPython after the same seed.
#[derive(Clone)]
pub struct MersenneTwister {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl fmt::Debug for MersenneTwister {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MersenneTwister")
            .field("index", &self.index)
            .field("gauss_next", &self.gauss_next)
            .finish_non_exhaustive()
    }
}

impl MersenneTwister {
    /// A generator seeded as `random.Random(seed)` is for an int `seed`.
    #[must_use]
    pub fn from_seed(seed: &BigInt) -> Self {
        let mut rng = Self::unseeded();
        rng.seed_int(seed);
        rng
    }

    /// A generator seeded from OS entropy, as `random.Random()` is.
    #[must_use]
    pub fn from_entropy() -> Self {
        let mut rng = Self::unseeded();
        rng.seed_from_entropy();
        rng
    }

    /// All-zero state, to be overwritten by one of the seeding methods.
    fn unseeded() -> Self {
        Self {
            mt: [0; N],
            index: N,
            gauss_next: None,
        }
    }

    // ---- seeding -----------------------------------------------------------

    /// `seed(n)` for an int `n`: all bits of `abs(n)` are used.
    pub fn seed_int(&mut self, seed: &BigInt) {
        let mut key = seed.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `seed(x)` for a hashable non-int `x` (a float, say), given `hash(x)`.
    ///
    /// CPython seeds from the hash reinterpreted as an unsigned machine word,
    /// not from its absolute value: `seed(-1.5)` equals
    /// `seed(2**64 + hash(-1.5))`.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&BigInt::from(hash as u64));
    }

    /// `seed(s)` (version 2) for a `bytes`/`bytearray` value, or for a `str`
    /// given its UTF-8 encoding: the seed is
    /// `int.from_bytes(s + sha512(s).digest(), 'big')`.
    pub fn seed_bytes(&mut self, bytes: &[u8]) {
        let mut all = Vec::with_capacity(bytes.len() + 64);
        all.extend_from_slice(bytes);
        all.extend_from_slice(&sha512::digest(bytes));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    /// `seed()` / `seed(None)`: 624 words from the OS, or, failing that, the
    /// clock and process id, as CPython falls back to.
    pub fn seed_from_entropy(&mut self) {
        let key = os_entropy().unwrap_or_else(time_pid_key);
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `init_genrand` of the reference MT19937 code.
    fn init_genrand(&mut self, seed: u32) {
        self.mt[0] = seed;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253_u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array` of the reference MT19937 code, which CPython uses for
    /// every seed (`key` is non-empty).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    // ---- state -------------------------------------------------------------

    /// `getstate()`: the state words, the index and the saved gauss deviate.
    #[must_use]
    pub fn getstate(&self) -> RngState {
        RngState {
            words: self.mt,
            index: self.index,
            gauss_next: self.gauss_next,
        }
    }

    /// `setstate(state)` for a version-3 state.
    ///
    /// The caller unpacks the tuple: it checks the version (see
    /// [`STATE_VERSION`]), the length (625) and converts each word as CPython
    /// does (`int` to C `unsigned long`, then truncated to 32 bits). The index
    /// is the tuple's last item; outside `0..=624` it is rejected with
    /// CPython's `ValueError: invalid state`.
    pub fn setstate(
        &mut self,
        words: &[u32; N],
        index: i64,
        gauss_next: Option<f64>,
    ) -> Result<(), RngError> {
        let index = usize::try_from(index)
            .ok()
            .filter(|&i| i <= N)
            .ok_or_else(|| RngError::value("invalid state"))?;
        self.mt = *words;
        self.index = index;
        self.gauss_next = gauss_next;
        Ok(())
    }

    // ---- raw output ----------------------------------------------------------

    /// The next tempered 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Regenerates all 624 words at once.
    fn twist(&mut self) {
        let mt = &mut self.mt;
        let mix = |upper: u32, lower: u32, far: u32| {
            let y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
            far ^ (y >> 1) ^ if y & 1 == 0 { 0 } else { MATRIX_A }
        };
        for kk in 0..N - M {
            mt[kk] = mix(mt[kk], mt[kk + 1], mt[kk + M]);
        }
        for kk in N - M..N - 1 {
            mt[kk] = mix(mt[kk], mt[kk + 1], mt[kk + M - N]);
        }
        mt[N - 1] = mix(mt[N - 1], mt[0], mt[M - 1]);
        self.index = 0;
    }

    /// `random()`: a float in `[0.0, 1.0)` with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: a non-negative int of `k` random bits.
    ///
    /// CPython's errors come in its order: a `k` that does not fit a C `int`
    /// is an `OverflowError`, a negative one a `ValueError`. A caller holding
    /// an int beyond `i64` may saturate it to `i64::MIN`/`i64::MAX` and get
    /// the same error. Beyond [`MAX_GETRANDBITS`] pyco raises `MemoryError`.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigInt, RngError> {
        let bits = checked_bit_count(k)?;
        Ok(BigInt::from(self.random_biguint(bits)))
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: i64) -> Result<Vec<u8>, RngError> {
        let bits = checked_bit_count(n.saturating_mul(8))?;
        let len = (bits / 8) as usize;
        let mut bytes = try_vec(len.next_multiple_of(4))?;
        self.fill_words(bits, |word| bytes.extend_from_slice(&word.to_le_bytes()));
        bytes.truncate(len);
        Ok(bytes)
    }

    /// Draws the words of a `bits`-bit number least significant first, the
    /// last one shifted right to keep its top bits, as CPython's getrandbits.
    fn fill_words(&mut self, bits: u64, mut push: impl FnMut(u32)) {
        let mut left = bits;
        while left > 0 {
            let word = self.next_u32();
            if left < 32 {
                push(word >> (32 - left));
                left = 0;
            } else {
                push(word);
                left -= 32;
            }
        }
    }

    /// `getrandbits(bits)` without argument checks, for internal use.
    fn random_biguint(&mut self, bits: u64) -> BigUint {
        let mut words = Vec::new();
        self.fill_words(bits, |word| words.push(word));
        BigUint::new(words)
    }

    /// `getrandbits(bits)` for `1 <= bits <= 64`.
    fn random_u64(&mut self, bits: u32) -> u64 {
        if bits <= 32 {
            u64::from(self.next_u32() >> (32 - bits))
        } else {
            let low = u64::from(self.next_u32());
            let high = u64::from(self.next_u32() >> (64 - bits));
            low | (high << 32)
        }
    }

    /// `_randbelow(n)` for a machine-sized `n`: uniform in `[0, n)`.
    ///
    /// For `n == 0` CPython loops forever; this returns 0 without drawing.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let bits = u64::BITS - n.leading_zeros();
        loop {
            let r = self.random_u64(bits);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for a `usize` bound (sequence lengths).
    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`): uniform in `[0, n)`,
    /// by drawing `n.bit_length()` bits until the result is below `n`.
    ///
    /// For `n <= 0` CPython loops forever; this returns 0 without drawing.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let bound = n.magnitude();
        loop {
            let r = self.random_biguint(bound.bits());
            if &r < bound {
                return BigInt::from(r);
            }
        }
    }

    // ---- integers ------------------------------------------------------------

    /// `randrange(start)`, `randrange(start, stop)` or
    /// `randrange(start, stop, step)` with int arguments.
    ///
    /// `step` is `None` when omitted. CPython tests an omitted `stop` with
    /// `step is not 1`, which for ints means "a step other than 1 was given":
    /// that is a `TypeError`. Converting non-int arguments (and the
    /// float-related `ValueError`s and warnings) is the caller's job.
    #[expect(clippy::similar_names, reason = "start/stop/step are Python's names")]
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> Result<BigInt, RngError> {
        let Some(stop) = stop else {
            if step.is_some_and(|step| !step.is_one()) {
                return Err(RngError::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(RngError::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(RngError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = match step.sign() {
            Sign::Plus => (width + step - &one).div_floor(step),
            Sign::Minus => (width + step + &one).div_floor(step),
            Sign::NoSign => return Err(RngError::value("zero step for randrange()")),
        };
        if !n.is_positive() {
            return Err(RngError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`, so its error names `b + 1`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RngError> {
        self.randrange(a, Some(&(b + 1)), None)
    }

    // ---- sequences -----------------------------------------------------------

    /// `choice(seq)` for a sequence of length `len`: the index to pick.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RngError> {
        if len == 0 {
            return Err(RngError::raise(
                PyExceptionKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `shuffle(x)`: the same swaps, in the same order, as CPython.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of length `n`: the indices
    /// picked, in selection order.
    ///
    /// CPython either pops from a copy of the population or redraws until it
    /// hits an unselected index, choosing by comparing `n` with the memory of
    /// a `k`-element set; the same rule is applied here, since the two
    /// strategies consume the generator differently. A `k` outside `i64` is
    /// out of range either way: saturate it.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RngError> {
        let k = usize::try_from(k)
            .ok()
            .filter(|&k| k <= n)
            .ok_or_else(|| RngError::value("Sample larger than population or is negative"))?;
        let mut result = try_vec(k)?;
        // "size of a small set minus size of an empty list", plus the table
        // size of a big set: `21 + 4 ** ceil(log(k * 3, 4))`.
        let mut setsize: u128 = 21;
        if k > 5 {
            let exponent = (((k as u128) * 3) as f64).ln() / 4.0_f64.ln();
            setsize += 4_u128.saturating_pow(exponent.ceil() as u32);
        }
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::new();
            selected.try_reserve(k).map_err(|_| RngError::memory())?;
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)` for a population of length
    /// `n`: the population indices picked.
    ///
    /// CPython samples `range(total)` and maps each pick back through the
    /// cumulative counts with `bisect_right`.
    pub fn sample_counts_indices(
        &mut self,
        n: usize,
        counts: &[BigInt],
        k: i64,
    ) -> Result<Vec<usize>, RngError> {
        let mut cum_counts = Vec::with_capacity(counts.len());
        let mut running = BigInt::zero();
        for count in counts {
            running += count;
            cum_counts.push(running.clone());
        }
        if cum_counts.len() != n {
            return Err(RngError::value(
                "The number of counts does not match the population",
            ));
        }
        let Some(total) = cum_counts.pop() else {
            return Err(RngError::raise(
                PyExceptionKind::IndexError,
                "pop from empty list",
            ));
        };
        if !total.is_positive() {
            return Err(RngError::value("Total of counts must be greater than zero"));
        }
        let total = total.to_isize().ok_or_else(|| {
            RngError::raise(
                PyExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })?;
        let selections = self.sample_indices(total as usize, k)?;
        Ok(selections
            .into_iter()
            .map(|s| {
                let s = BigInt::from(s);
                bisect_right(&cum_counts, cum_counts.len(), |c| s < *c)
            })
            .collect())
    }

    /// `choices(population, weights, cum_weights=..., k=k)` for a population
    /// of length `n`: the indices picked, with replacement.
    ///
    /// Unweighted picks are `floor(random() * n)`; weighted ones bisect the
    /// cumulative weights at `random() * total`. Weights are taken as floats:
    /// int weights agree with CPython while their running sums stay below
    /// 2**53. A `k` of zero or less gives `[]`, as `repeat(None, k)` does.
    pub fn choices_indices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: i64,
    ) -> Result<Vec<usize>, RngError> {
        let k = usize::try_from(k).unwrap_or(0);
        let (cum_weights, empty_error) = match (weights, cum_weights) {
            (None, None) => return self.unweighted_choices(n, k),
            (Some(_), Some(_)) => {
                return Err(RngError::type_error(
                    "Cannot specify both weights and cumulative weights",
                ));
            }
            (Some(weights), None) => {
                let mut cum = try_vec(weights.len())?;
                let mut running = None;
                for &w in weights {
                    let next = running.map_or(w, |acc: f64| acc + w);
                    cum.push(next);
                    running = Some(next);
                }
                // `list(accumulate(weights))` is a list.
                let error = RngError::raise(PyExceptionKind::IndexError, "list index out of range");
                (std::borrow::Cow::Owned(cum), error)
            }
            (None, Some(cum)) => (
                std::borrow::Cow::Borrowed(cum),
                RngError::IndexOutOfRange(Subscripted::CumWeights),
            ),
        };
        if cum_weights.len() != n {
            return Err(RngError::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum_weights.last() else {
            return Err(empty_error);
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(RngError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RngError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        let mut picks = try_vec(k)?;
        for _ in 0..k {
            let x = self.random() * total;
            picks.push(bisect_right(&cum_weights, hi, |c| x < *c));
        }
        Ok(picks)
    }

    /// `[population[floor(random() * n)] for i in repeat(None, k)]`.
    fn unweighted_choices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, RngError> {
        let scale = n as f64;
        let mut picks = try_vec(k)?;
        for _ in 0..k {
            let index = (self.random() * scale).floor();
            // Only reachable for n == 0, or for n above 2**53 where `n + 0.0`
            // rounds up: CPython then subscripts past the end.
            if index >= scale {
                return Err(RngError::IndexOutOfRange(Subscripted::Population));
            }
            picks.push(index as usize);
        }
        Ok(picks)
    }

    // ---- real-valued distributions ----------------------------------------------

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    ///
    /// Returns `None` where CPython returns the `low` argument object itself:
    /// a `mode` was given and `high - low` is zero (one draw is still made).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> Option<f64> {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(_) if high - low == 0.0 => return None,
            Some(mode) => (mode - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        Some(low + (high - low) * (u * c).sqrt())
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, RngError> {
        let normal = self.normalvariate(mu, sigma);
        math_exp(normal)
    }

    /// `gauss(mu, sigma)`: Box–Muller, keeping the second deviate for the
    /// next call (reset by every seed).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = if let Some(z) = self.gauss_next.take() {
            z
        } else {
            let x2pi = self.random() * TWOPI;
            let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
            self.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        };
        mu + z * sigma
    }

    /// `expovariate(lambd)`: `-log(1.0 - random()) / lambd`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RngError> {
        float_div(-(1.0 - self.random()).ln(), lambd)
    }

    /// `vonmisesvariate(mu, kappa)`: Fisher's algorithm for circular data.
    #[expect(
        clippy::many_single_char_names,
        reason = "the names of random.py, which follow the published algorithm"
    )]
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, RngError> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = float_div(z, r + z)?;
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * math_exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = float_div(q + z, 1.0 + q * z)?;
        let u3 = self.random();
        let acos = math_acos(f)?;
        let theta = if u3 > 0.5 { mu + acos } else { mu - acos };
        Ok(float_mod(theta, TWOPI))
    }

    /// `gammavariate(alpha, beta)` (the distribution, not the function).
    #[expect(clippy::float_cmp, reason = "random.py tests `alpha == 1.0` exactly")]
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RngError> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(RngError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            // R.C.H. Cheng, "The generation of Gamma variables with
            // non-integral shape parameters", Applied Statistics (1977).
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.999_999_9) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * math_exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= math_log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            // ALGORITHM GS of Statistical Computing, Kennedy & Gentle.
            loop {
                let u = self.random();
                let b = (std::f64::consts::E + alpha) / std::f64::consts::E;
                let p = b * u;
                let x = if p <= 1.0 {
                    float_pow(p, 1.0 / alpha)?
                } else {
                    -math_log(float_div(b - p, alpha)?)?
                };
                let u1 = self.random();
                let accept = if p > 1.0 {
                    u1 <= float_pow(x, alpha - 1.0)?
                } else {
                    u1 <= math_exp(-x)?
                };
                if accept {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`, from two gamma variates.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RngError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y == 0.0 {
            return Ok(0.0);
        }
        let other = self.gammavariate(beta, 1.0)?;
        float_div(y, y + other)
    }

    /// `paretovariate(alpha)`: `(1.0 - random()) ** (-1.0 / alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, RngError> {
        let u = 1.0 - self.random();
        float_pow(u, float_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`: `alpha * (-log(u)) ** (1.0 / beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RngError> {
        let u = 1.0 - self.random();
        Ok(alpha * float_pow(-u.ln(), float_div(1.0, beta)?)?)
    }
}

/// Validates a `getrandbits` bit count with CPython's errors and pyco's cap.
fn checked_bit_count(k: i64) -> Result<u64, RngError> {
    if i32::try_from(k).is_err() {
        return Err(RngError::raise(
            PyExceptionKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if k < 0 {
        return Err(RngError::value("number of bits must be non-negative"));
    }
    if k > MAX_GETRANDBITS {
        return Err(RngError::memory());
    }
    Ok(k as u64)
}

/// An empty vector with room for `len` items, or CPython's `MemoryError`
/// instead of an allocation failure.
fn try_vec<T>(len: usize) -> Result<Vec<T>, RngError> {
    let mut vec = Vec::new();
    vec.try_reserve_exact(len).map_err(|_| RngError::memory())?;
    Ok(vec)
}

/// `bisect.bisect_right(items, x, 0, hi)`, step for step (so that unsorted
/// input, such as cumulative sums of negative weights, probes the same items).
/// `is_below(item)` answers `x < item`.
fn bisect_right<T>(items: &[T], hi: usize, is_below: impl Fn(&T) -> bool) -> usize {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if is_below(&items[mid]) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// 624 seed words from the operating system, when it offers them.
fn os_entropy() -> Option<Vec<u32>> {
    use std::io::Read;
    let mut bytes = [0u8; N * 4];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut file| file.read_exact(&mut bytes))
        .ok()?;
    Some(
        bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

/// CPython's fallback seed: wall clock, process id and a clock reading
/// (here std's per-process hashing keys stand in for the monotonic clock).
fn time_pid_key() -> Vec<u32> {
    use std::hash::{BuildHasher, Hasher};
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(now);
    let mixed = hasher.finish();
    vec![
        now as u32,
        (now >> 32) as u32,
        std::process::id(),
        mixed as u32,
        (mixed >> 32) as u32,
    ]
}

// ---- CPython float semantics the distributions rely on --------------------------

/// Python's float `/`: dividing by zero raises instead of giving inf or NaN.
fn float_div(a: f64, b: f64) -> Result<f64, RngError> {
    if b == 0.0 {
        return Err(RngError::float_division());
    }
    Ok(a / b)
}

/// Python's float `%` by a non-zero divisor: the result takes the divisor's sign.
fn float_mod(a: f64, b: f64) -> f64 {
    let rem = a % b;
    if rem == 0.0 {
        0.0_f64.copysign(b)
    } else if (b < 0.0) != (rem < 0.0) {
        rem + b
    } else {
        rem
    }
}

/// `math.exp`: overflow from a finite argument raises.
fn math_exp(x: f64) -> Result<f64, RngError> {
    let y = x.exp();
    if y.is_infinite() && x.is_finite() {
        return Err(RngError::raise(
            PyExceptionKind::OverflowError,
            "math range error",
        ));
    }
    Ok(y)
}

/// `math.log` of one argument: zero and negative arguments raise.
fn math_log(x: f64) -> Result<f64, RngError> {
    if x <= 0.0 {
        return Err(RngError::math_domain());
    }
    Ok(x.ln())
}

/// `math.acos`: arguments outside `[-1, 1]` raise (NaN passes through).
fn math_acos(x: f64) -> Result<f64, RngError> {
    if x.abs() > 1.0 {
        return Err(RngError::math_domain());
    }
    Ok(x.acos())
}

/// Python's float `**` (`float_pow`) for a base that is not negative, which
/// is all this module needs: special cases first, then the C library `pow`,
/// with overflow raised as CPython raises it.
#[expect(
    clippy::float_cmp,
    reason = "CPython's special cases are exact comparisons"
)]
fn float_pow(base: f64, exp: f64) -> Result<f64, RngError> {
    let is_odd_integer = |x: f64| x % 2.0 == 1.0 || x % 2.0 == -1.0;
    if exp == 0.0 {
        return Ok(1.0);
    }
    if base.is_nan() {
        return Ok(base);
    }
    if exp.is_nan() {
        return Ok(if base == 1.0 { 1.0 } else { exp });
    }
    if exp.is_infinite() {
        let base = base.abs();
        return Ok(if base == 1.0 {
            1.0
        } else if (exp > 0.0) == (base > 1.0) {
            exp.abs()
        } else {
            0.0
        });
    }
    if base.is_infinite() {
        return Ok(if exp > 0.0 { base } else { 0.0 });
    }
    if base == 0.0 {
        if exp < 0.0 {
            return Err(RngError::raise(
                PyExceptionKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(exp) { base } else { 0.0 });
    }
    if base == 1.0 {
        return Ok(1.0);
    }
    let result = base.powf(exp);
    if result.is_infinite() {
        return Err(RngError::raise(
            PyExceptionKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_constants_match_their_formulas() {
        assert_eq!(
            NV_MAGICCONST.to_bits(),
            (4.0 * (-0.5_f64).exp() / 2.0_f64.sqrt()).to_bits()
        );
        assert_eq!(LOG4.to_bits(), 4.0_f64.ln().to_bits());
        assert_eq!(SG_MAGICCONST.to_bits(), (1.0 + 4.5_f64.ln()).to_bits());
        assert_eq!(TWOPI.to_bits(), (2.0 * std::f64::consts::PI).to_bits());
    }

    #[test]
    fn bisect_right_matches_python() {
        // bisect.bisect_right([1, 2, 2, 3], x) for x in 0, 1, 2, 2.5, 3, 4
        let items = [1.0, 2.0, 2.0, 3.0];
        let got: Vec<usize> = [0.0, 1.0, 2.0, 2.5, 3.0, 4.0]
            .iter()
            .map(|&x| bisect_right(&items, items.len(), |c| x < *c))
            .collect();
        assert_eq!(got, [0, 1, 3, 3, 4, 4]);
    }

    #[test]
    fn float_helpers_follow_python() {
        assert_eq!(float_mod(-1.0, TWOPI).to_bits(), (TWOPI - 1.0).to_bits());
        assert_eq!(float_mod(-0.0, 2.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(float_pow(-0.0, 3.0), Ok(-0.0));
        assert_eq!(float_pow(2.0, f64::INFINITY), Ok(f64::INFINITY));
        assert!(float_pow(0.0, -1.0).is_err());
        assert!(float_pow(10.0, 400.0).is_err());
        assert!(math_exp(1000.0).is_err());
        assert!(math_log(0.0).is_err());
    }

    #[test]
    fn randbelow_of_nonpositive_bound_draws_nothing() {
        let mut rng = MersenneTwister::from_seed(&BigInt::from(5));
        let before = rng.getstate();
        assert_eq!(rng.randbelow(&BigInt::zero()), BigInt::zero());
        assert_eq!(rng.randbelow(&BigInt::from(-4)), BigInt::zero());
        assert_eq!(rng.randbelow_u64(0), 0);
        assert_eq!(rng.getstate(), before);
    }

    #[test]
    fn extreme_arguments_are_errors_not_panics() {
        let mut rng = MersenneTwister::from_seed(&BigInt::from(5));
        for k in [i64::MIN, i64::MAX, -1, MAX_GETRANDBITS + 1] {
            assert!(rng.getrandbits(k).is_err());
            assert!(rng.randbytes(k).is_err());
        }
        let kind = |r: Result<Vec<usize>, RngError>| r.map_err(|e| e.kind());
        assert_eq!(
            kind(rng.sample_indices(usize::MAX, i64::MAX)),
            Err(PyExceptionKind::MemoryError)
        );
        assert_eq!(
            kind(rng.sample_indices(3, i64::MIN)),
            Err(PyExceptionKind::ValueError)
        );
        assert_eq!(
            kind(rng.choices_indices(3, None, None, i64::MAX)),
            Err(PyExceptionKind::MemoryError)
        );
        assert_eq!(rng.sample_indices(usize::MAX, 3).map(|v| v.len()), Ok(3));
        assert_eq!(
            rng.choices_indices(usize::MAX, None, None, 3)
                .map(|v| v.len()),
            Ok(3)
        );
        let huge = [BigInt::from(u128::MAX), BigInt::from(-1)];
        assert_eq!(
            kind(rng.sample_counts_indices(2, &huge, 1)),
            Err(PyExceptionKind::OverflowError)
        );
        let zero_width = rng.randrange(&BigInt::from(i64::MIN), None, Some(&BigInt::zero()));
        assert_eq!(
            zero_width.map_err(|e| e.kind()),
            Err(PyExceptionKind::TypeError)
        );
        let mut empty: [u8; 0] = [];
        rng.shuffle(&mut empty);
    }

    #[test]
    fn getrandbits_cap_is_an_error() {
        let mut rng = MersenneTwister::from_seed(&BigInt::from(5));
        let err = rng.getrandbits(MAX_GETRANDBITS + 1).unwrap_err();
        assert_eq!(err.kind(), PyExceptionKind::MemoryError);
        assert_eq!(err.to_string(), "MemoryError");
    }
}
