//! Check-digit arithmetic shared by the identifiers (CURP, RFC, CLABE, RUT, CUIT, RUC, NIT, …)
//! and the input clean-up they all start with.

/// The input with the separators text pasted from a PDF or a word processor brings read as the
/// ASCII ones they look like: typographic dashes and the minus sign as `-`, non-breaking and
/// figure spaces as ` `, zero-width characters (and a stray byte-order mark) as nothing. Every
/// identifier's validator starts from this.
pub(crate) fn plain_separators(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => Some(' '),
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// Uppercases and drops the separators people type inside identifiers: spaces, dots, hyphens
/// and underscores ("20-05536168-2", "GODE 561231 GR8", "12.345.678-5"), and their look-alikes.
pub(crate) fn compact(input: &str) -> String {
    plain_separators(input)
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
    fn pasted_look_alikes_read_as_ascii_separators() {
        assert_eq!(
            plain_separators("12\u{2010}3\u{2011}4\u{2012}5\u{2013}6\u{2014}7\u{2015}8\u{2212}9"),
            "12-3-4-5-6-7-8-9"
        );
        assert_eq!(plain_separators("a\u{00A0}b\u{202F}c\u{2007}d"), "a b c d");
        assert_eq!(
            plain_separators("\u{FEFF}a\u{200B}b\u{200C}c\u{200D}d"),
            "abcd"
        );
        assert_eq!(
            compact("GODE\u{2013}561231\u{202F}GR8\u{200B}"),
            "GODE561231GR8"
        );
        // Letters and digits are never touched.
        assert_eq!(plain_separators("Ñ&ü٣"), "Ñ&ü٣");
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
