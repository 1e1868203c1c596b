//! Where a link write shows in the merchant's list, and which of a link's fields differ from a
//! form: the one comparison behind both the check of an answer and the search for a lost one.

use mostrador_providers::billpocket::types::{LINK_ACTIVE, Link as ProviderLink, LinkConfig};

use super::LinkIntent;
use super::send::LinkAnswer;
use crate::links::form::ValidLink;
use crate::outbox::Lookup;

/// Looks for a write in the merchant's list (a create by its slug, a change by the link's id
/// and the values asked for).
pub(super) fn find(intent: &LinkIntent, links: &[ProviderLink]) -> Lookup<LinkAnswer> {
    let by_id = |id: &str| links.iter().find(|l| l.id == id);
    let found = |l: &ProviderLink| Lookup::Applied(LinkAnswer::Link(Box::new(l.clone())));
    match intent {
        LinkIntent::Create { link, .. } => links
            .iter()
            .find(|l| l.secondary_link.eq_ignore_ascii_case(&link.slug))
            .map_or(Lookup::Absent, found),
        LinkIntent::Update { link_id, link, .. } => match by_id(link_id) {
            None => Lookup::Gone,
            Some(current) if differing_fields(current, link).is_empty() => found(current),
            Some(_) => Lookup::Absent,
        },
        LinkIntent::SetActive {
            link_id, active, ..
        } => match by_id(link_id) {
            None => Lookup::Gone,
            Some(current) if (current.status == LINK_ACTIVE) == *active => found(current),
            Some(_) => Lookup::Absent,
        },
        LinkIntent::Delete { link_id, .. } => match by_id(link_id) {
            None => Lookup::Applied(LinkAnswer::Deleted),
            Some(_) => Lookup::Absent,
        },
        // Every link of the merchant carries its main link: trust them when there are any.
        LinkIntent::ConfigureMainLink { main_link, .. } => match links.first() {
            Some(l) if l.main_link == *main_link => {
                Lookup::Applied(LinkAnswer::Configured(LinkConfig {
                    main_link: l.main_link.clone(),
                    domain: l.domain.clone(),
                }))
            }
            _ => Lookup::Absent,
        },
    }
}

/// The form fields whose value in `current` is not what `link` asked for.
pub(super) fn differing_fields(current: &ProviderLink, link: &ValidLink) -> Vec<String> {
    let months: Vec<u8> = current
        .available_rates
        .iter()
        .filter_map(|r| u8::try_from(r.months).ok())
        .collect();
    [
        (
            "slug",
            current.secondary_link.eq_ignore_ascii_case(&link.slug),
        ),
        ("amount", current.amount.0.get() == link.amount_centavos),
        ("description", current.description == link.description),
        ("installments", months == link.months),
        ("fixedTerm", current.is_fixed_term == link.is_fixed_term),
        (
            "expiresAt",
            link.expired_at.is_none() || current.expired_at == link.expired_at(),
        ),
    ]
    .into_iter()
    .filter(|(_, same)| !same)
    .map(|(field, _)| field.to_owned())
    .collect()
}
