//! Operators: arithmetic, bitwise, comparison and truth, with Python's
//! numeric semantics (floor division and modulo of negatives, int/float
//! promotion, unbounded ints) and the dunder protocol for user classes.

use super::Vm;
use super::errors::{
    division_by_zero, overflow_error, type_error, unsupported_operands, value_error, vec_with_room,
};
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::{PyResult, Symbol, Value, sym};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// The largest exponent `int ** int` computes before refusing (the result
/// would have tens of millions of digits).
const MAX_POW_BITS: u64 = 1 << 26;

/// A comparison of two small ints (not `in`/`not in`, which need a container).
#[inline]
#[must_use]
pub fn int_compare(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::Eq | CmpOp::Is => a == b,
        CmpOp::NotEq | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => a != b,
        CmpOp::Lt => a < b,
        CmpOp::LtE => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::GtE => a >= b,
    }
}

/// `a op b` for two small ints when the result needs no promotion.
#[inline]
#[must_use]
pub fn int_fast_binop(op: BinOp, a: i64, b: i64) -> Option<Value> {
    Some(Value::Int(match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mul => a.checked_mul(b)?,
        BinOp::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            if a % b != 0 && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod if b != 0 => {
            let r = a.checked_rem(b)?;
            if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        _ => return None,
    }))
}

fn dunder_for(op: BinOp) -> (Symbol, Symbol, Symbol) {
    match op {
        BinOp::Add => (sym::__add__, sym::__radd__, sym::__iadd__),
        BinOp::Sub => (sym::__sub__, sym::__rsub__, sym::__isub__),
        BinOp::Mul => (sym::__mul__, sym::__rmul__, sym::__imul__),
        BinOp::MatMul => (sym::__matmul__, sym::__rmatmul__, sym::__imatmul__),
        BinOp::Div => (sym::__truediv__, sym::__rtruediv__, sym::__itruediv__),
        BinOp::FloorDiv => (sym::__floordiv__, sym::__rfloordiv__, sym::__ifloordiv__),
        BinOp::Mod => (sym::__mod__, sym::__rmod__, sym::__imod__),
        BinOp::Pow => (sym::__pow__, sym::__rpow__, sym::__ipow__),
        BinOp::LShift => (sym::__lshift__, sym::__rlshift__, sym::__ilshift__),
        BinOp::RShift => (sym::__rshift__, sym::__rrshift__, sym::__irshift__),
        BinOp::BitOr => (sym::__or__, sym::__ror__, sym::__ior__),
        BinOp::BitXor => (sym::__xor__, sym::__rxor__, sym::__ixor__),
        BinOp::BitAnd => (sym::__and__, sym::__rand__, sym::__iand__),
    }
}

/// A number viewed for arithmetic.
enum Num {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Int(i) => Num::Int(*i),
        Value::Bool(b) => Num::Int(i64::from(*b)),
        Value::BigInt(b) => Num::Big(b.clone()),
        Value::Float(f) => Num::Float(*f),
        _ => return None,
    })
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (**b).clone(),
        Num::Float(_) => unreachable!("floats are handled before big-int arithmetic"),
    }
}

/// An int as `f64`, with CPython's OverflowError for huge values.
pub fn int_to_f64(n: &Value) -> PyResult<f64> {
    match n {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(b) => crate::format::bigint_to_f64(b).map_err(overflow_error),
        Value::Float(f) => Ok(*f),
        _ => Err(type_error("must be real number")),
    }
}

fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => crate::format::bigint_to_f64(b).map_err(overflow_error),
        Num::Float(f) => Ok(*f),
    }
}

/// Python's float floor division and modulo (`divmod` for floats).
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(division_by_zero("float divmod()"));
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m == 0.0 {
        m = 0.0_f64.copysign(b);
    } else if (b < 0.0) != (m < 0.0) {
        m += b;
        div -= 1.0;
    }
    let floordiv = if div == 0.0 {
        0.0_f64.copysign(a / b)
    } else {
        let mut fl = div.floor();
        if div - fl > 0.5 {
            fl += 1.0;
        }
        fl
    };
    Ok((floordiv, m))
}

fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(division_by_zero("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
        return Err(value_error(
            "pyco does not support complex numbers (negative number raised to a fractional power)",
        ));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

fn float_binop(op: BinOp, a: f64, b: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(division_by_zero("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(division_by_zero("float floor division by zero"));
            }
            float_divmod(a, b)?.0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(division_by_zero("float modulo"));
            }
            float_divmod(a, b)?.1
        }
        BinOp::Pow => float_pow(a, b)?,
        _ => return Ok(None),
    })))
}

fn int_binop(op: BinOp, a: &Num, b: &Num) -> PyResult<Option<Value>> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if let Some(v) = int_fast_binop(op, *x, *y) {
            return Ok(Some(v));
        }
        match op {
            BinOp::Div => {
                if *y == 0 {
                    return Err(division_by_zero("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Some(Value::Float(*x as f64 / *y as f64)));
                }
            }
            BinOp::LShift if *y >= 0 && *y < 64 => {
                let shifted = x.checked_shl(*y as u32).filter(|s| s >> *y == *x);
                if let Some(s) = shifted {
                    return Ok(Some(Value::Int(s)));
                }
            }
            BinOp::RShift if *y >= 0 => {
                return Ok(Some(Value::Int(if *y >= 64 {
                    if *x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                })));
            }
            _ => {}
        }
    }
    let (x, y) = (big(a), big(b));
    Ok(Some(match op {
        BinOp::Add => Value::from_bigint(x + y),
        BinOp::Sub => Value::from_bigint(x - y),
        BinOp::Mul => {
            // Bounded like `**`: one multiplication of huge ints would run
            // for minutes, beyond the reach of the step and time limits.
            if x.bits().saturating_add(y.bits()) > MAX_POW_BITS {
                return Err(overflow_error(
                    "pyco refuses to build an int with tens of millions of digits",
                ));
            }
            Value::from_bigint(x * y)
        }
        BinOp::Div => Value::Float(crate::format::int_true_divide(&x, &y).map_err(|m| {
            if y.is_zero() {
                division_by_zero(&m)
            } else {
                overflow_error(m)
            }
        })?),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(division_by_zero("integer division or modulo by zero"));
            }
            Value::from_bigint(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(division_by_zero("integer modulo by zero"));
            }
            Value::from_bigint(x.mod_floor(&y))
        }
        BinOp::Pow => return int_pow(&x, &y).map(Some),
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let n = y
                .to_u64()
                .filter(|n| *n <= MAX_POW_BITS)
                .ok_or_else(|| overflow_error("too many digits in integer"))?;
            Value::from_bigint(x << n)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) => Value::from_bigint(x >> n),
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => Value::from_bigint(x & y),
        BinOp::BitOr => Value::from_bigint(x | y),
        BinOp::BitXor => Value::from_bigint(x ^ y),
        BinOp::MatMul => return Ok(None),
    }))
}

fn int_pow(x: &BigInt, y: &BigInt) -> PyResult {
    if y.is_negative() {
        if x.is_zero() {
            return Err(division_by_zero("0.0 cannot be raised to a negative power"));
        }
        let fx = crate::format::bigint_to_f64(x).map_err(overflow_error)?;
        let fy = crate::format::bigint_to_f64(y).map_err(overflow_error)?;
        return float_pow(fx, fy).map(Value::Float);
    }
    let Some(e) = y.to_u64() else {
        return match x.to_i64() {
            Some(0 | 1) => Ok(Value::from_bigint(x.clone())),
            Some(-1) => Ok(Value::Int(if y.is_even() { 1 } else { -1 })),
            _ => Err(overflow_error("exponent too large")),
        };
    };
    if x.bits().saturating_mul(e) > MAX_POW_BITS && x.bits() > 1 {
        return Err(overflow_error(
            "pyco refuses to build an int with tens of millions of digits",
        ));
    }
    if let (Some(b), Ok(e32)) = (x.to_i64(), u32::try_from(e))
        && let Some(r) = b.checked_pow(e32)
    {
        return Ok(Value::Int(r));
    }
    Ok(Value::from_bigint(num_traits::pow::Pow::pow(x, e)))
}

impl Vm {
    /// Truth value (`bool(v)`).
    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => {
                let ty = self.type_of(v);
                if let Some(b) = ty.lookup(sym::__bool__) {
                    let r = self.call(&b, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&r)
                        ))),
                    };
                }
                if let Some(l) = ty.lookup(sym::__len__) {
                    let r = self.call(&l, std::slice::from_ref(v), &[])?;
                    return Ok(self.to_index(&r)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `a op b`.
    pub fn binary_op(&self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        if let Some(v) = self.builtin_binop(op, a, b)? {
            return Ok(v);
        }
        self.dunder_binop(op, a, b)
    }

    /// `a op= b`: mutates lists and sets in place, else `a op b`.
    pub fn inplace_op(&self, op: BinOp, a: Value, b: &Value) -> PyResult {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect_iterable(b)?;
                self.reserve_concat(l.borrow().len() + items.len(), size_of::<Value>())?;
                l.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::List(l), BinOp::Mul) if is_int(b) => {
                let len = l.borrow().len();
                let n = self.repeat_count(b, len, size_of::<Value>())?;
                let mut v = l.borrow_mut();
                let orig = v.clone();
                v.clear();
                for _ in 0..n {
                    v.extend(orig.iter().cloned());
                }
                drop(v);
                return Ok(a);
            }
            (Value::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                if let Some(v) = self.set_inplace(op, &a, b)? {
                    return Ok(v);
                }
            }
            (Value::Dict(d), BinOp::BitOr) => {
                let mut map = d.borrow().clone();
                self.dict_update_from(&mut map, b, false)?;
                *d.borrow_mut() = map;
                return Ok(a);
            }
            _ => {}
        }
        if let Value::Instance(_) = &a {
            let (_, _, inplace) = dunder_for(op);
            if let Some(m) = self.type_of(&a).lookup(inplace) {
                let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        self.binary_op(op, &a, b)
    }

    fn builtin_binop(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return match (&x, &y) {
                (Num::Float(_), _) | (_, Num::Float(_)) => {
                    if matches!(
                        op,
                        BinOp::LShift
                            | BinOp::RShift
                            | BinOp::BitAnd
                            | BinOp::BitOr
                            | BinOp::BitXor
                    ) {
                        return Ok(None);
                    }
                    float_binop(op, num_to_f64(&x)?, num_to_f64(&y)?)
                }
                _ => {
                    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                        match op {
                            BinOp::BitAnd => return Ok(Some(Value::Bool(*p && *q))),
                            BinOp::BitOr => return Ok(Some(Value::Bool(*p || *q))),
                            BinOp::BitXor => return Ok(Some(Value::Bool(*p ^ *q))),
                            _ => {}
                        }
                    }
                    int_binop(op, &x, &y)
                }
            };
        }
        Ok(match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                self.reserve_concat(x.as_str().len() + y.as_str().len(), 1)?;
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::str(s))
            }
            (Value::Str(s), n, BinOp::Mul) | (n, Value::Str(s), BinOp::Mul) if is_int(n) => {
                let count = self.repeat_count(n, s.as_str().len(), 1)?;
                Some(Value::str(s.as_str().repeat(count)))
            }
            (Value::Str(s), args, BinOp::Mod) => {
                Some(Value::str(self.percent_format(s.as_str(), args)?))
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                self.reserve_concat(x.borrow().len() + y.borrow().len(), size_of::<Value>())?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(Value::list(v))
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                self.reserve_concat(x.len() + y.len(), size_of::<Value>())?;
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (Value::List(l), n, BinOp::Mul) | (n, Value::List(l), BinOp::Mul) if is_int(n) => {
                let items = l.borrow();
                let count = self.repeat_count(n, items.len(), size_of::<Value>())?;
                let mut v = vec_with_room(items.len() * count)?;
                for _ in 0..count {
                    v.extend(items.iter().cloned());
                }
                Some(Value::list(v))
            }
            (Value::Tuple(t), n, BinOp::Mul) | (n, Value::Tuple(t), BinOp::Mul) if is_int(n) => {
                let count = self.repeat_count(n, t.len(), size_of::<Value>())?;
                let mut v = vec_with_room(t.len() * count)?;
                for _ in 0..count {
                    v.extend(t.iter().cloned());
                }
                Some(Value::tuple(v))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_), _) => {
                self.set_binop(op, a, b)?
            }
            (Value::Dict(x), Value::Dict(y), BinOp::BitOr) => {
                let mut map = x.borrow().clone();
                self.dict_update_from(&mut map, &Value::Dict(y.clone()), false)?;
                Some(Value::dict(map))
            }
            _ => None,
        })
    }

    /// Checks the memory limit before a concatenation of `items` items of
    /// `item_bytes` each (only large results are worth the look).
    fn reserve_concat(&self, items: usize, item_bytes: usize) -> PyResult<()> {
        let bytes = items.saturating_mul(item_bytes);
        if bytes < 1 << 16 {
            return Ok(());
        }
        self.budget.reserve(bytes as u64)
    }

    /// The count of `seq * n` for a sequence of `unit` items of `item_bytes`
    /// each, refused before allocating when the result is too big.
    fn repeat_count(&self, n: &Value, unit: usize, item_bytes: usize) -> PyResult<usize> {
        let n = match n {
            Value::BigInt(b) if b.is_negative() => 0,
            Value::BigInt(_) => {
                return Err(overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            _ => self.to_index(n)?.max(0),
        };
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        // Past the memory limit is the script's limit; past the hard cap
        // is CPython's MemoryError on any machine.
        self.budget
            .reserve((n.saturating_mul(unit).saturating_mul(item_bytes)) as u64)?;
        // In bytes: with an allocator that overcommits (mimalloc), asking
        // for `[0] * 10**10` succeeds and then fills the machine's memory.
        if unit > 0 && n.saturating_mul(unit).saturating_mul(item_bytes) > (1 << 34) {
            return Err(super::errors::memory_error(""));
        }
        Ok(n)
    }

    fn dunder_binop(&self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        let (fwd, rev, _) = dunder_for(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let user = |v: &Value| matches!(v, Value::Instance(_) | Value::Native(_));
        // A subclass's reflected method goes first.
        let b_first = user(b) && !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        if b_first && let Some(m) = tb.lookup(rev) {
            let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if user(a)
            && let Some(m) = ta.lookup(fwd)
        {
            let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first
            && user(b)
            && let Some(m) = tb.lookup(rev)
        {
            let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if op == BinOp::BitOr
            && let Some(u) = crate::builtins::generic::union_of(self, a, b)?
        {
            return Ok(u);
        }
        if op == BinOp::Mul {
            let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
            // `seq * n` with an `n` that has `__index__`: its value repeats.
            if seq(a) && user(b) && tb.lookup(sym::__index__).is_some() {
                return self.binary_op(op, a, &Value::Int(self.to_index(b)?));
            }
            if seq(b) && user(a) && ta.lookup(sym::__index__).is_some() {
                return self.binary_op(op, &Value::Int(self.to_index(a)?), b);
            }
            if seq(a) && !is_int(b) {
                return Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    tb.name
                )));
            }
            if seq(b) && !is_int(a) {
                return Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    ta.name
                )));
            }
        }
        if op == BinOp::Add
            && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            && !Rc::ptr_eq(&ta, &tb)
        {
            return Err(type_error(format!(
                "can only concatenate {} (not \"{}\") to {}",
                ta.name, tb.name, ta.name
            )));
        }
        let symbol = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.symbol()
        };
        Err(unsupported_operands(symbol, &ta.name, &tb.name))
    }

    /// `op v`.
    pub fn unary_op(&self, op: UnaryOp, v: &Value) -> PyResult {
        match (op, v) {
            (UnaryOp::Not, _) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Value::Int(i)) => Ok(i
                .checked_neg()
                .map_or_else(|| Value::from_bigint(-BigInt::from(*i)), Value::Int)),
            (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-i64::from(*b))),
            (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnaryOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(v.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!i64::from(*b))),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => {
                let name = match op {
                    UnaryOp::Neg => sym::__neg__,
                    UnaryOp::Pos => sym::__pos__,
                    UnaryOp::Invert => sym::__invert__,
                    UnaryOp::Not => unreachable!("handled above"),
                };
                let ty = self.type_of(v);
                if matches!(v, Value::Instance(_) | Value::Native(_))
                    && let Some(m) = ty.lookup(name)
                {
                    return self.call(&m, std::slice::from_ref(v), &[]);
                }
                Err(type_error(format!(
                    "bad operand type for {}: '{}'",
                    super::expr::unary_symbol(op),
                    ty.name
                )))
            }
        }
    }

    /// A comparison's value: what a rich comparison of a user object
    /// returned (any object), else a bool.
    #[inline]
    pub fn compare_value(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        if (matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)))
            && !super::expr::is_identity_or_membership(op)
        {
            return self.rich_compare(op, a, b);
        }
        Ok(Value::Bool(self.compare_bool(op, a, b)?))
    }

    /// A comparison's truth value.
    pub fn compare_bool(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        match op {
            CmpOp::Eq => self.eq(a, b),
            CmpOp::NotEq => self.ne(a, b),
            CmpOp::Is => Ok(a.is(b)),
            CmpOp::IsNot => Ok(!a.is(b)),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                let r = self.rich_compare(op, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a == b`.
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = primitive_eq(a, b) {
            return Ok(r);
        }
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(x, y),
            (Value::Dict(x), Value::Dict(y)) => self.dict_eq(&x.borrow(), &y.borrow()),
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                self.set_eq(a, b)
            }
            (Value::Range(x), Value::Range(y)) => Ok(x.len_exact() == y.len_exact()
                && (x.is_empty()
                    || (x.start == y.start && (x.len_exact() == 1 || x.step == y.step)))),
            (
                Value::BoundMethod(_) | Value::Builtin(_),
                Value::BoundMethod(_) | Value::Builtin(_),
            ) => Ok(same_method(a, b)),
            _ => {
                let r = self.rich_compare(CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a != b`.
    pub fn ne(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            let r = self.rich_compare(CmpOp::NotEq, a, b)?;
            return self.truthy(&r);
        }
        Ok(!self.eq(a, b)?)
    }

    fn seq_eq(&self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !a.is(b) && !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering comparison of two values, falling back to dunders; the result
    /// is whatever the comparison returned (usually a bool).
    pub fn rich_compare(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        if let Some(r) = self.builtin_order(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let (fwd, rev) = match op {
            CmpOp::Lt => (sym::__lt__, sym::__gt__),
            CmpOp::LtE => (sym::__le__, sym::__ge__),
            CmpOp::Gt => (sym::__gt__, sym::__lt__),
            CmpOp::GtE => (sym::__ge__, sym::__le__),
            CmpOp::Eq => (sym::__eq__, sym::__eq__),
            CmpOp::NotEq => (sym::__ne__, sym::__ne__),
            _ => unreachable!("identity and membership are not rich comparisons"),
        };
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let user = |v: &Value| matches!(v, Value::Instance(_) | Value::Native(_));
        let b_first = user(b) && !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        if b_first && let Some(m) = tb.lookup(rev) {
            let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if user(a)
            && let Some(m) = ta.lookup(fwd)
        {
            let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first
            && user(b)
            && let Some(m) = tb.lookup(rev)
        {
            let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                // Default `__ne__` inverts `__eq__`.
                if user(a) && ta.lookup(sym::__eq__).is_some() {
                    let r = self.rich_compare(CmpOp::Eq, a, b)?;
                    return Ok(Value::Bool(!self.truthy(&r)?));
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name,
                tb.name
            ))),
        }
    }

    fn builtin_order(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        let ord = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            _ if as_num(a).is_some() && as_num(b).is_some() => num_cmp(a, b),
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.seq_order(op, &x, &y).map(Some);
            }
            (Value::Tuple(x), Value::Tuple(y)) => return self.seq_order(op, x, y).map(Some),
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                return self.set_order(op, a, b).map(Some);
            }
            _ => return Ok(None),
        };
        let Some(ord) = ord else {
            // NaN compares false with everything.
            return Ok(Some(false));
        };
        Ok(Some(match op {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::LtE => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::GtE => ord != Ordering::Less,
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::NotEq => ord != Ordering::Equal,
            _ => return Ok(None),
        }))
    }

    fn seq_order(&self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (a, b) in x.iter().zip(y) {
            if !a.is(b) && !self.eq(a, b)? {
                return self.compare_bool(op, a, b);
            }
        }
        Ok(match op {
            CmpOp::Lt => x.len() < y.len(),
            CmpOp::LtE => x.len() <= y.len(),
            CmpOp::Gt => x.len() > y.len(),
            CmpOp::GtE => x.len() >= y.len(),
            _ => false,
        })
    }

    /// The value as an index (`__index__`): ints and bools.
    pub fn to_index(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::BigInt(_) => Err(super::errors::index_error(
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(_) => {
                if let Some(m) = self.type_of(v).lookup(sym::__index__) {
                    let r = self.call(&m, std::slice::from_ref(v), &[])?;
                    return self.to_index(&r);
                }
                Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }
}

/// Bound methods are equal when they bind the same object (identity) to
/// the same function, as in CPython.
fn same_method(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::BoundMethod(x), Value::BoundMethod(y)) => {
            x.receiver.is(&y.receiver) && x.function.is(&y.function)
        }
        (Value::Builtin(x), Value::Builtin(y)) => match (&x.receiver, &y.receiver) {
            (Some(p), Some(q)) => {
                p.is(q)
                    && x.name == y.name
                    && x.owner == y.owner
                    && std::ptr::fn_addr_eq(x.func, y.func)
            }
            _ => Rc::ptr_eq(x, y),
        },
        _ => false,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// Equality of immediates and strings without the interpreter; `None` when
/// the interpreter is needed.
#[must_use]
pub fn primitive_eq(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => *x == i64::from(*y),
        _ if as_num(a).is_some() && as_num(b).is_some() => {
            num_cmp(a, b) == Some(std::cmp::Ordering::Equal)
        }
        (
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::BigInt(_),
            Value::Str(_),
        )
        | (
            Value::Str(_),
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::BigInt(_),
        ) => false,
        (Value::None, _) | (_, Value::None)
            if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) =>
        {
            false
        }
        _ => return None,
    })
}

/// Exact comparison of two numbers (ints of any size and floats).
fn num_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let (x, y) = (as_num(a)?, as_num(b)?);
    match (&x, &y) {
        (Num::Float(p), Num::Float(q)) => p.partial_cmp(q),
        (Num::Float(p), _) => float_int_cmp(*p, &big(&y)),
        (_, Num::Float(q)) => float_int_cmp(*q, &big(&x)).map(Ordering::reverse),
        _ => Some(big(&x).cmp(&big(&y))),
    }
}

fn float_int_cmp(f: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(small) = i.to_i64()
        && small.unsigned_abs() < (1 << 53)
    {
        return f.partial_cmp(&(small as f64));
    }
    let fl = f.floor();
    let whole = crate::format::float_to_bigint(fl).ok()?;
    match whole.cmp(i) {
        Ordering::Equal if f > fl => Some(Ordering::Greater),
        o => Some(o),
    }
}
