//! What Python does for every `+`: its numbers are objects that carry their type, so each
//! operation first looks at the types of both operands, then picks the arithmetic, then makes
//! a new object for the result. [`Value`] is that object's tag and payload; the operators
//! match on both tags at every step. [`mandelbrot_values`] pays for the matching,
//! [`mandelbrot_boxed_values`] also for a heap allocation per result, as CPython does for
//! every float it computes.

use crate::{LIMIT, Plane, dispatch::grid_with};
use std::hint::black_box;
use std::ops::{Add, Mul, Sub};

/// A dynamically typed number: what the operation does depends on the tags, known only when
/// it runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Value {
    /// The value as a float, as Python promotes an int (or a bool) meeting a float.
    fn float(self) -> f64 {
        match self {
            Value::Int(i) => i as f64,
            Value::Float(x) => x,
            Value::Bool(b) => f64::from(u8::from(b)),
        }
    }

    /// The value as an int, for ints and bools.
    fn int(self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(i64::from(b)),
            Value::Float(_) => None,
        }
    }

    /// `self < other`, a new Bool.
    pub fn lt(self, other: Value) -> Value {
        Value::Bool(match (self.int(), other.int()) {
            (Some(a), Some(b)) => a < b,
            _ => self.float() < other.float(),
        })
    }

    /// Python's truth test, for `and` and `while`.
    pub fn truthy(self) -> bool {
        match self {
            Value::Int(i) => i != 0,
            Value::Float(x) => x != 0.0,
            Value::Bool(b) => b,
        }
    }
}

// ANCHOR: value_ops
/// Int with int stays an int; anything with a float is a float. The match runs on every call.
fn arithmetic(a: Value, b: Value, int: fn(i64, i64) -> i64, float: fn(f64, f64) -> f64) -> Value {
    match (a.int(), b.int()) {
        (Some(x), Some(y)) => Value::Int(int(x, y)),
        _ => Value::Float(float(a.float(), b.float())),
    }
}

impl Add for Value {
    type Output = Value;
    fn add(self, other: Value) -> Value {
        arithmetic(self, other, i64::wrapping_add, |x, y| x + y)
    }
}
// ANCHOR_END: value_ops

impl Sub for Value {
    type Output = Value;
    fn sub(self, other: Value) -> Value {
        arithmetic(self, other, i64::wrapping_sub, |x, y| x - y)
    }
}

impl Mul for Value {
    type Output = Value;
    fn mul(self, other: Value) -> Value {
        arithmetic(self, other, i64::wrapping_mul, |x, y| x * y)
    }
}

// ANCHOR: values
/// The course's Python kernel line by line on [`Value`]s: `zr` and `zi` start as the int 0,
/// as the course's caller passes them, and become floats at the first `+ cr`.
fn escape_values(cr: Value, ci: Value, cutoff: Value) -> u32 {
    let (mut zr, mut zi) = (Value::Int(0), Value::Int(0));
    let lim = Value::Float(LIMIT);
    let mut count = Value::Int(0);
    while (zr * zr + zi * zi).lt(lim * lim).truthy() && count.lt(cutoff).truthy() {
        (zr, zi) = (zr * zr - zi * zi + cr, Value::Int(2) * zr * zi + ci);
        count = count + Value::Int(1);
    }
    count.int().map_or(0, |c| c as u32)
}

/// Every point through the dynamically typed kernel.
pub fn mandelbrot_values(plane: &Plane) -> Vec<u32> {
    grid_with(plane, |cx, cy, max_iter| {
        escape_values(
            Value::Float(cx),
            Value::Float(cy),
            Value::Int(i64::from(max_iter)),
        )
    })
}
// ANCHOR_END: values

// ANCHOR: boxed_values
/// A result on the heap, as an interpreter's object. `black_box` keeps the allocation: the
/// optimiser removes a `Box` that nothing reads through.
fn object(v: Value) -> Box<Value> {
    black_box(Box::new(v))
}

/// The same kernel with every value an object on the heap: each operation reads its operands
/// through their pointers and allocates its result, and the old values are freed.
fn escape_boxed(cr: &Value, ci: &Value, cutoff: &Value) -> u32 {
    let (mut zr, mut zi) = (object(Value::Int(0)), object(Value::Int(0)));
    let lim = object(Value::Float(LIMIT));
    let (two, one) = (object(Value::Int(2)), object(Value::Int(1)));
    let mut count = object(Value::Int(0));
    loop {
        let zr2 = object(*zr * *zr);
        let zi2 = object(*zi * *zi);
        let abs2 = object(*zr2 + *zi2);
        let lim2 = object(*lim * *lim);
        if !abs2.lt(*lim2).truthy() || !count.lt(*cutoff).truthy() {
            break;
        }
        let re = object(*zr2 - *zi2);
        let re = object(*re + *cr);
        let im = object(*two * *zr);
        let im = object(*im * *zi);
        (zr, zi) = (re, object(*im + *ci));
        count = object(*count + *one);
    }
    count.int().map_or(0, |c| c as u32)
}

/// Every point through the kernel on heap objects.
pub fn mandelbrot_boxed_values(plane: &Plane) -> Vec<u32> {
    grid_with(plane, |cx, cy, max_iter| {
        escape_boxed(
            &Value::Float(cx),
            &Value::Float(cy),
            &Value::Int(i64::from(max_iter)),
        )
    })
}
// ANCHOR_END: boxed_values
