//! Check-digit arithmetic shared by the identifiers (CURP, RFC, CLABE, RUT, CUIT, RUC, NIT, …)
//! and the input clean-up they all start with.

/// Uppercases and drops the separators people type inside identifiers: spaces, dots, hyphens
/// and underscores ("20-05536168-2", "GODE 561231 GR8", "12.345.678-5").
pub(crate) fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '_') && !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The decimal digits of `s`, or `None` when any character is not an ASCII digit.
pub(crate) fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Σ valueᵢ·weightᵢ, the weights cycling when shorter than the values.
pub(crate) fn weighted_sum(values: &[u32], weights: &[u32]) -> u32 {
    values
        .iter()
        .zip(weights.iter().cycle())
        .map(|(v, w)| v * w)
        .sum()
}

/// The usual "round up to the next ten" digit: (10 − s mod 10) mod 10.
pub(crate) fn mod10_complement(sum: u32) -> u32 {
    (10 - sum % 10) % 10
}

/// Σ over digits read from the right with weights 2,3,4,5,6,7,2,3,…: the modulo-11 scheme
/// shared by Chile's RUT, Argentina's CUIT and Peru's RUC.
pub(crate) fn mod11_sum_from_right(values: &[u32]) -> u32 {
    let reversed: Vec<u32> = values.iter().rev().copied().collect();
    weighted_sum(&reversed, &[2, 3, 4, 5, 6, 7])
}

/// Position of `c` in a check-digit alphabet (CURP and RFC use such alphabets).
pub(crate) fn alphabet_index(alphabet: &str, c: char) -> Option<u32> {
    alphabet
        .chars()
        .position(|a| a == c)
        .and_then(|i| u32::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_strips_separators_and_uppercases() {
        assert_eq!(compact(" gode-561231 gr8 "), "GODE561231GR8");
        assert_eq!(compact("12.345.678-k"), "12345678K");
        assert_eq!(compact("ñ"), "Ñ");
    }

    #[test]
    fn digits_rejects_non_ascii_digits() {
        assert_eq!(digits("0912"), Some(vec![0, 9, 1, 2]));
        assert_eq!(digits("12a"), None);
        // Arabic-Indic digit three is numeric but not an ASCII digit.
        assert_eq!(digits("1\u{663}"), None);
    }

    #[test]
    fn weights_cycle() {
        assert_eq!(weighted_sum(&[1, 1, 1, 1], &[3, 7, 1]), 3 + 7 + 1 + 3);
        assert_eq!(
            mod11_sum_from_right(&[1, 1, 1, 1, 1, 1, 1]),
            2 + 3 + 4 + 5 + 6 + 7 + 2
        );
        assert_eq!(mod10_complement(30), 0);
        assert_eq!(mod10_complement(31), 9);
    }
}
