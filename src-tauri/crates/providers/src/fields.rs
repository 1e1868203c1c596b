//! Provider field names → our form field names, for every provider's table.

/// The form field of a provider field path, looked up by its head (`rates.0.months` and
/// `rates[0].months` → the row of `rates`).
pub(crate) fn lookup(table: &[(&str, &'static str)], provider_field: &str) -> Option<&'static str> {
    let head = provider_field
        .split(['.', '['])
        .next()
        .unwrap_or(provider_field);
    table
        .iter()
        .find(|(provider, _)| *provider == head)
        .map(|(_, form)| *form)
}
