//! Real files mangled the way hurried exports and broken transfers mangle
//! them, for the property tests (native only: proptest).

use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, &'static [u8]),
    Delete(usize, usize),
}

/// What broken exports and transfers put where it does not belong.
pub const NOISE: &[&[u8]] = &[
    b",",
    b"\"",
    b"\n",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"-1",
    b"{",
    b"}",
    b"]",
    b"null",
    b"1e999",
    b"\xff",
    "臺".as_bytes(),
];

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), prop::sample::select(NOISE)).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 0usize..200).prop_map(|(at, n)| Mutation::Delete(at, n)),
    ]
}

pub fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Flip(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Mutation::Flip(..) => {}
            Mutation::Insert(at, s) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, s.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
        }
    }
    bytes
}

/// 512 cases a property unless PROPTEST_CASES says otherwise.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| u32::from_str_radix(&n, 10).ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
