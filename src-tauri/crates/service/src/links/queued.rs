//! Links created while Billpocket could not be reached, listed before Billpocket confirms them.
//!
//! They are read from the outbox, not kept as provisional rows in the links cache: a sync
//! replaces the merchant's cached set (it deletes every row the fetched list did not confirm),
//! so a provisional row would vanish at the next sync, or need an exception in every cache write
//! and in the search index. Syncs leave the outbox alone, and a create's entry closes in the
//! same transaction that caches the link Billpocket made, so a queued create is listed exactly
//! once: from the outbox while its entry is open, from the cache once it is done.

use mostrador_providers::billpocket::clock::to_unix;
use mostrador_store::{Link, LinkQuery, LinkStatus, Store, StoreError, UnixSeconds};

use super::writes::{LinkIntent, PendingWrite};
use super::{LinkRow, LinkState};

/// The queued creates among `open` that match `query`, newest first, as rows. A create the
/// cache already holds (sent, answer lost, then found by a sync) is left to its cached row.
pub(super) fn rows(
    store: &Store,
    query: &LinkQuery,
    open: &[PendingWrite],
    now: UnixSeconds,
) -> Result<Vec<LinkRow>, StoreError> {
    let mut rows = Vec::new();
    for write in open.iter().rev() {
        let LinkIntent::Create { merchant_id, link } = &write.intent else {
            continue;
        };
        if query.merchant_id.as_ref().is_some_and(|m| m != merchant_id)
            || store.slug_taken(&query.profile_id, merchant_id, &link.slug, None)?
        {
            continue;
        }
        let link = Link {
            // Not Billpocket's: it has none yet. Stable while the entry is open.
            id: format!("outbox-{}", write.seq),
            merchant_id: Some(merchant_id.clone()),
            description: link.description.clone(),
            amount_centavos: link.amount_centavos,
            secondary_link: link.slug.clone(),
            // Billpocket gives the URL when it creates the link: nothing to share before.
            custom_link_path: String::new(),
            status: LinkStatus::Active,
            link_type: link.link_type,
            expired_at: link.expired_at().map(to_unix),
            months: link.months.clone(),
            is_fixed_term: link.is_fixed_term,
            created_at: write.created_at,
            updated_at: write.updated_at,
            synced_at: None,
        };
        let state = LinkState::of(&link, now);
        if matches(query, &link, state, now) {
            rows.push(LinkRow {
                link,
                state,
                write: Some(write.clone()),
            });
        }
    }
    Ok(rows)
}

/// The query's filters, as the cache search applies them; its text as words that each start a
/// word of the description or the slug, accents and case ignored.
fn matches(query: &LinkQuery, link: &Link, state: LinkState, now: UnixSeconds) -> bool {
    let within = |min: Option<i64>, value: i64, max: Option<i64>| {
        min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max)
    };
    let has_msi = !link.months.is_empty();
    let expiring = query.expiring_within_days.is_none_or(|days| {
        let until = now.saturating_add(i64::from(days) * 86_400);
        link.expired_at.is_some_and(|at| at >= now && at < until)
    });
    query.status.is_none_or(|status| status == link.status)
        && within(
            query.amount_min_centavos,
            link.amount_centavos,
            query.amount_max_centavos,
        )
        && query
            .created_from
            .is_none_or(|from| link.created_at >= from)
        && query.created_to.is_none_or(|to| link.created_at < to)
        && query.with_msi.is_none_or(|msi| msi == has_msi)
        && query
            .expired
            .is_none_or(|expired| expired == (state == LinkState::Expired))
        && expiring
        && text_matches(
            &query.text,
            &[link.description.as_str(), link.secondary_link.as_str()],
        )
}

fn text_matches(typed: &str, fields: &[&str]) -> bool {
    let words: Vec<String> = fields.iter().flat_map(|field| words(field)).collect();
    words_of(typed).all(|typed| words.iter().any(|word| word.starts_with(&typed)))
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

fn words(text: &str) -> Vec<String> {
    words_of(text).collect()
}

/// Lower case without the accents Spanish and its neighbours use, as the search index folds
/// them (`unicode61 remove_diacritics`): "Piñata" and "piñata" both match "pinata".
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_matches_word_prefixes_ignoring_accents_and_case() {
        let fields = ["Piñata de cumpleaños", "fiesta-2026"];
        assert!(text_matches("", &fields));
        assert!(text_matches("pinata", &fields));
        assert!(text_matches("CUMPLE piñ", &fields));
        assert!(text_matches("fiesta 2026", &fields));
        assert!(
            !text_matches("ata", &fields),
            "a word's middle does not match"
        );
        assert!(
            !text_matches("piñata boda", &fields),
            "every word must match"
        );
    }
}
