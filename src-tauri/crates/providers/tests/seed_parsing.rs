//! The seeds' example bodies, verbatim, against our wire types: responses parse, and our requests
//! serialise to exactly the documented JSON.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_core::{BillpocketAmount, Centavos};
use mostrador_providers::Credential;
use mostrador_providers::billpocket::types::{
    CreateUserRequest, Link, LinkRequest, RateRequest, UserToken, naive_datetime,
};
use serde_json::Value;

const CREATE_LINK_REQUEST: &str = include_str!("fixtures/billpocket_create_link_request.json");
const CREATE_LINK_RESPONSE: &str = include_str!("fixtures/billpocket_create_link_response.json");
const LIST_LINKS_RESPONSE: &str = include_str!("fixtures/billpocket_list_links_response.json");
const CREATE_USER_REQUEST: &str = include_str!("fixtures/billpocket_create_user_request.json");
const CREATE_USER_RESPONSE: &str = include_str!("fixtures/billpocket_create_user_response.json");

fn pesos(centavos: i64) -> BillpocketAmount {
    BillpocketAmount(Centavos::new(centavos))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn create_link_request_serialises_as_documented() {
    let request = LinkRequest {
        url_path: Some("customLink".into()),
        expired_at: Some(naive_datetime::parse("2028-05-22T15:20:34").unwrap()),
        amount: pesos(5500),
        link_type: 2,
        description: "Test link".into(),
        rates: vec![RateRequest {
            months: "12".into(),
            rate_type: "MSI".into(),
        }],
        is_fixed_term: false,
    };
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json(CREATE_LINK_REQUEST)
    );
    let parsed: LinkRequest = serde_json::from_str(CREATE_LINK_REQUEST).unwrap();
    assert_eq!(parsed, request);
}

#[test]
fn create_link_response_parses_with_months_as_integer() {
    let link: Link = serde_json::from_str(CREATE_LINK_RESPONSE).unwrap();
    assert_eq!(link.id, "61529dc5fee00754d48088ec51da557ae578f");
    assert_eq!(link.user_id, 61234);
    assert_eq!(link.amount, pesos(5500));
    assert_eq!(link.available_rates[0].months, 12);
    assert_eq!(link.available_rates[0].rate_type, "MSI");
    assert_eq!(
        link.custom_link_path,
        "https://test.pay.billpocket.com/mylink/customLink"
    );
    assert_eq!(
        naive_datetime::format(&link.created_at),
        "2024-06-13T21:57:43"
    );
    assert_eq!(
        link.expired_at
            .map(|t| naive_datetime::format(&t))
            .as_deref(),
        Some("2028-05-22T15:20:34")
    );
    // Writing it back gives the documented object again (what the sandbox sends).
    assert_eq!(
        serde_json::to_value(&link).unwrap(),
        json(CREATE_LINK_RESPONSE)
    );
}

#[test]
fn list_links_response_is_a_bare_array() {
    let links: Vec<Link> = serde_json::from_str(LIST_LINKS_RESPONSE).unwrap();
    assert_eq!(links.len(), 5);
    assert_eq!(links[0].secondary_link, "ll33q0rh");
    assert_eq!(links[0].description, " (LL33Q0RH)");
    assert!(links[0].expired_at.is_none());
    assert_eq!(links[4].status, 0);
    assert_eq!(
        serde_json::to_value(&links).unwrap(),
        json(LIST_LINKS_RESPONSE)
    );
}

#[test]
fn create_user_request_round_trips_with_all_21_fields() {
    let request: CreateUserRequest = serde_json::from_str(CREATE_USER_REQUEST).unwrap();
    assert_eq!(request.telefono, "stringstri");
    assert_eq!(request.password, Credential::new("string"));
    let value = serde_json::to_value(&request).unwrap();
    assert_eq!(value.as_object().unwrap().len(), 21);
    assert_eq!(value, json(CREATE_USER_REQUEST));
}

#[test]
fn create_user_response_parses_and_redacts_the_token() {
    let created: UserToken = serde_json::from_str(CREATE_USER_RESPONSE).unwrap();
    assert_eq!(created.user_token.expose(), "XYZ");
    assert_eq!(created.user_id, 123);
    assert!(!format!("{created:?}").contains("XYZ"));
}

#[test]
fn months_as_string_and_fractional_amounts_are_read_tolerantly() {
    let mut value = json(CREATE_LINK_RESPONSE);
    value["available_rates"][0]["months"] = Value::from("6");
    value["amount"] = Value::from(55.5);
    value["unknown_field"] = Value::from(true);
    // Through text: core reads amounts from the exact JSON number, never through f64.
    let link: Link = serde_json::from_str(&value.to_string()).unwrap();
    assert_eq!(link.available_rates[0].months, 6);
    assert_eq!(link.amount, pesos(5550));
    assert_eq!(
        serde_json::to_value(link.amount).unwrap(),
        Value::from(55.5)
    );
}

mod cryptopocket {
    use mostrador_providers::cryptopocket::types::{Company, Customer, PersonRequest};
    use serde_json::Value;

    use super::json;

    const CREATE_CUSTOMER_REQUEST: &str =
        include_str!("fixtures/cryptopocket_create_customer_request.json");
    const CREATE_CUSTOMER_RESPONSE: &str =
        include_str!("fixtures/cryptopocket_create_customer_response.json");
    const CREATE_COMPANY_RESPONSE: &str =
        include_str!("fixtures/cryptopocket_create_company_response.json");

    fn data<T: serde::de::DeserializeOwned>(text: &str) -> T {
        let mut answer = json(text);
        assert_eq!(answer["status"], "ok");
        serde_json::from_value(answer["data"].take()).unwrap()
    }

    #[test]
    fn the_create_customer_example_reads_and_writes_back_verbatim() {
        let person: PersonRequest = serde_json::from_str(CREATE_CUSTOMER_REQUEST).unwrap();
        assert_eq!(person.identification_type, "DNI");
        assert_eq!(person.password.as_ref().unwrap().expose(), "123456");
        assert_eq!(format!("{:?}", person.password), "Some([redacted])");
        assert_eq!(
            serde_json::to_value(&person).unwrap(),
            json(CREATE_CUSTOMER_REQUEST)
        );
    }

    #[test]
    fn the_create_customer_answer_gets_a_scheme() {
        let customer: Customer = data(CREATE_CUSTOMER_RESPONSE);
        assert_eq!(customer.id, 186);
        assert!(!customer.kyc_valid);
        assert_eq!(
            customer.kyc_form_url.as_deref(),
            Some("https://forms.amlbot.com/dadf68e429bec5529e1bdde41a189ccc532c")
        );
        assert_eq!(customer.identification_number.as_deref(), Some("111111h"));
    }

    #[test]
    fn the_company_answer_keeps_its_password_redacted() {
        let company: Company = data(CREATE_COMPANY_RESPONSE);
        assert_eq!(company.id, 1234);
        assert_eq!(company.password.expose(), "xK9mP2nQ4rTv");
        assert!(!format!("{company:?}").contains("xK9mP2nQ4rTv"));
        let value: Value = json(CREATE_COMPANY_RESPONSE);
        assert_eq!(company.kyb_link, value["data"]["kyb_link"]);
    }
}
