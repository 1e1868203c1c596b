//! The customers view as CSV: the same rows as the list's query, in its order, in the UI
//! language, Excel-ready (the links export's writer), and never a link or a secret.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{NOW, cryptopocket, world};
use mostrador_service::customers::export::export_customers;
use mostrador_service::customers::sync::sync_customers;
use mostrador_service::customers::{self};
use mostrador_service::preferences::{KycPreferences, Locale};
use mostrador_service::profiles::SANDBOX_PROFILE_ID as PROFILE;
use mostrador_store::{CustomerQuery, CustomerSort, KycStatus};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn rows(csv: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(csv.strip_prefix(BOM).expect("a byte-order mark")).unwrap();
    assert!(text.contains("\r\n"), "CRLF line endings");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_export_has_the_rows_of_the_view_and_no_link_or_secret() {
    let world = world().await;
    let client = cryptopocket(&world);
    sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    let query = CustomerQuery {
        profile_id: PROFILE.into(),
        kyc_status: Some(KycStatus::Processing),
        sort: CustomerSort::NameAscending,
        limit: 3,
        ..CustomerQuery::default()
    };
    let mut view = Vec::new();
    customers::every(&world.store, &query, |c| {
        view.push(c);
        Ok(())
    })
    .unwrap();
    assert!(view.len() > 3, "more than one page of the list");

    let kyc = KycPreferences::default();
    let export = export_customers(&world.store, &query, kyc, NOW, Locale::EsMx).unwrap();
    assert_eq!(export.rows, view.len());
    assert!(
        export.file_name.starts_with("clientes-20"),
        "{}",
        export.file_name
    );
    let rows = rows(&export.csv);
    assert_eq!(rows[0][0], "Proveedor");
    assert_eq!(rows[0][7], "Estado KYC");
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[13].as_str()).collect();
    let expected: Vec<&str> = view.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected, "the view's rows in the view's order");
    for row in &rows[1..] {
        assert_eq!(row[7], "en revisión");
        assert!(!row[9].is_empty(), "a pending case has its age in days");
    }

    // Every customer: nothing a provider gave as a link, and no secret the double knows.
    let all = CustomerQuery {
        profile_id: PROFILE.into(),
        ..CustomerQuery::default()
    };
    let export = export_customers(&world.store, &all, kyc, NOW, Locale::En).unwrap();
    let text = String::from_utf8(export.csv.clone()).unwrap();
    assert!(text.contains("KYC status"));
    let secrets = world.sandbox.cryptopocket().inspect(|state| {
        let mut secrets: Vec<String> = state
            .customers
            .iter()
            .filter_map(|c| {
                c.company
                    .as_ref()
                    .map(|company| company.password.expose().to_owned())
            })
            .collect();
        secrets.extend(state.tokens.iter().map(|t| t.token.expose().to_owned()));
        secrets
    });
    assert!(!secrets.is_empty());
    for secret in &secrets {
        assert!(!text.contains(secret.as_str()), "a secret in the export");
    }
    let links = customers::list(&world.store, &all).unwrap().items;
    for link in links.iter().filter_map(|c| c.kyc_url.as_deref()) {
        assert!(!text.contains(link), "{link} in the export");
    }
    assert!(!text.contains("http"), "no address of any kind");
}
