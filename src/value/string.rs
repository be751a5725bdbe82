//! Python's `str`: immutable text indexed by code point.

use std::cell::Cell;

/// A Python string: UTF-8 text plus what makes indexing and hashing cheap.
#[derive(Debug)]
pub struct PyStr {
    /// A `String` (not a boxed `str`) so that `s += t` on a string nobody
    /// else holds can grow it in place, amortised, as CPython does.
    text: String,
    /// Number of code points (`len()`); equals the byte length for ASCII.
    char_len: usize,
    /// Cached `hash()`, computed on first use.
    hash: Cell<Option<i64>>,
}

impl PyStr {
    /// Wraps `text`.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        Self {
            text,
            char_len,
            hash: Cell::new(None),
        }
    }

    /// Appends `other` (for `s += t` when this string is not shared).
    pub fn push_str(&mut self, other: &PyStr) {
        self.text.push_str(&other.text);
        self.char_len += other.char_len;
        self.hash.set(None);
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether byte offsets and code point offsets coincide.
    #[must_use]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The code point at index `i` (already normalised to `0..len`).
    #[must_use]
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The byte offset of code point `i` (`i == len` gives the text length).
    #[must_use]
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// The cached hash, computing it with `f` on first use.
    pub fn hash_with(&self, f: impl FnOnce(&str) -> i64) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = f(&self.text);
        self.hash.set(Some(h));
        h
    }
}
