#!/usr/bin/env python3
"""Regenerates src/format/unicode_tables.rs from CPython 3.11's unicodedata.

Run: python3 tools/gen_unicode_tables.py > src/format/unicode_tables.rs && cargo fmt
"""
import unicodedata
rs=[]; start=None
for c in range(0x80, 0x110000):
    np = not chr(c).isprintable()
    if np and start is None: start=c
    if not np and start is not None: rs.append((start,c-1)); start=None
if start is not None: rs.append((start,0x10ffff))
zs=[c for c in range(0x110000) if unicodedata.decimal(chr(c), None) == 0]
def hexlit(c):
    """A Rust hex literal, with `_` before the last four digits when longer."""
    if c > 0xFFFF:
        return "0x%X_%04X" % (c >> 16, c & 0xFFFF)
    return "0x%04X" % c

out=[]
out.append("//! Unicode data that Python's `str` methods consult, generated from CPython")
out.append("//! 3.11's `unicodedata` (Unicode %s) so pyco agrees with it character for" % unicodedata.unidata_version)
out.append("//! character. Regenerate with the script in `tools/gen_unicode_tables.py`.")
out.append("")
out.append("/// Inclusive ranges of non-ASCII code points that `str.isprintable()` rejects")
out.append("/// (categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs), sorted and disjoint.")
out.append("pub(crate) const NON_PRINTABLE: &[(u32, u32)] = &[")
for a,b in rs:
    out.append("    (%s, %s)," % (hexlit(a), hexlit(b)))
out.append("];")
out.append("")
out.append("/// First code point (the digit zero) of every run of ten Unicode decimal")
out.append("/// digits (category Nd), sorted; `int()` and `float()` accept them all.")
out.append("pub(crate) const DECIMAL_ZEROS: &[u32] = &[")
for z in zs:
    out.append("    %s," % hexlit(z))
out.append("];")
print("\n".join(out))
