//! The doubles' deterministic generator (xorshift64): ids, tokens and fault draws replay the same
//! from the same seed, and its state is plain data the state files keep.

/// The next value; `state` must not be zero.
pub(crate) fn next(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// `len` characters drawn from `alphabet`.
pub(crate) fn chars(state: &mut u64, len: usize, alphabet: &[u8]) -> String {
    (0..len)
        .map(|_| char::from(alphabet[(next(state) % alphabet.len() as u64) as usize]))
        .collect()
}
