//! CryptoPocket request and response bodies, field for field as documented. Requests are written
//! exactly as the create-customer seed shows them (and refuse unknown fields when the double reads
//! them); responses are read tolerantly: unknown fields ignored, ids as numbers or text, a
//! `kyc_form_url` without a scheme given `https://`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::credential::Credential;
use crate::wire::{number_or_string, optional_number_or_string};

/// `POST /authenticate` body (documented).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthenticateRequest {
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub api_key: Credential,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub api_secret: Credential,
}

/// `POST /registerUser` body: every field of the seed's example, plus the integration guide's
/// `callback_url`. Only `name` and `email` appear in the guide's minimal example; the rest are
/// left out of the body when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRequest {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    /// Second surname.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_name2: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// English country name ("Argentina", "Spain").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// ISO 3166 alpha-3 ("ARG").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country_code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identification_number: String,
    /// The customer's password for their CryptoPocket account: a credential.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "exposed_option"
    )]
    pub password: Option<Credential>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub professional_activity: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address_state: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zipcode: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dob: String,
    /// An API value of core's `IdType` that belongs to the country.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identification_type: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub iban: String,
    /// Where the customer returns after the KYC form.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub callback_url: String,
}

/// The answer to `POST /registerUser`: the customer and the link to its KYC form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    #[serde(deserialize_with = "number_or_string")]
    pub id: i64,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub identification_number: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub kyc_valid: bool,
    /// Documented without a scheme (`forms.amlbot.com/…`): read with `https://` in front.
    #[serde(default, deserialize_with = "https_url")]
    pub kyc_form_url: Option<String>,
}

/// `POST /register/company` body (documented: both required, e-mail ≤ 254, name ≤ 255).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyRequest {
    pub email: String,
    pub company_name: String,
}

/// The answer to `POST /register/company`. The KYB form needs both the link (valid 90 days) and
/// the 12-character password; the password is a credential for the vault only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Company {
    #[serde(deserialize_with = "number_or_string")]
    pub id: i64,
    pub uuid: String,
    pub kyb_link: String,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub password: Credential,
}

/// Where a customer's KYC (or a company's KYB) stands. Anything else the provider may say is read
/// as still in progress, as the integration guide and the legacy clients do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum KycStatus {
    /// The form has not been completed.
    Unused,
    Valid,
    Fail,
    /// Being verified (`processing`, or any value not listed here).
    #[serde(other)]
    Processing,
}

impl KycStatus {
    pub const ALL: [KycStatus; 4] = [Self::Unused, Self::Processing, Self::Valid, Self::Fail];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unused => "unused",
            Self::Processing => "processing",
            Self::Valid => "valid",
            Self::Fail => "fail",
        }
    }

    /// Settled: `valid` or `fail` never change again on their own.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Valid | Self::Fail)
    }
}

/// `GET /kyc/check` answer (`data`; fields besides `kyc_status` assumed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KycCheck {
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub user_id: Option<i64>,
    pub kyc_status: KycStatus,
    #[serde(default)]
    pub kyc_valid: Option<bool>,
}

/// `POST /onboarding-form` body (documented as starting with `user_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnboardingRequest {
    pub user_id: i64,
}

/// `POST /onboarding-form` answer (`data`; the field name is inferred from `kyc_reinforced_required`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingLink {
    #[serde(deserialize_with = "https_url_required")]
    pub onboarding_link: String,
}

/// The documented `type` values of `POST /customers/{user_id}/documents`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    OnboardingForm,
    BankStatement,
    Payslip,
    EmploymentContract,
    TaxReturn,
    TaxCertificate,
    CompanyAccounts,
    DividendStatement,
    InvestmentStatement,
    CryptoWalletStatement,
    SaleOfProperty,
    SaleOfVehicle,
    SaleOfCompanyShares,
    InheritanceDocument,
    GiftDeclaration,
    LoanAgreement,
    SavingsEvidence,
    Invoice,
    FreelanceIncomeEvidence,
    PensionStatement,
    UnemploymentBenefitStatement,
    SourceOfFundsDeclaration,
    Other,
}

impl DocumentType {
    /// Every documented type, in the documentation's order (the upload form lists them so).
    pub const ALL: [Self; 23] = [
        Self::OnboardingForm,
        Self::BankStatement,
        Self::Payslip,
        Self::EmploymentContract,
        Self::TaxReturn,
        Self::TaxCertificate,
        Self::CompanyAccounts,
        Self::DividendStatement,
        Self::InvestmentStatement,
        Self::CryptoWalletStatement,
        Self::SaleOfProperty,
        Self::SaleOfVehicle,
        Self::SaleOfCompanyShares,
        Self::InheritanceDocument,
        Self::GiftDeclaration,
        Self::LoanAgreement,
        Self::SavingsEvidence,
        Self::Invoice,
        Self::FreelanceIncomeEvidence,
        Self::PensionStatement,
        Self::UnemploymentBenefitStatement,
        Self::SourceOfFundsDeclaration,
        Self::Other,
    ];

    /// The documented spelling, as sent in `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnboardingForm => "onboarding_form",
            Self::BankStatement => "bank_statement",
            Self::Payslip => "payslip",
            Self::EmploymentContract => "employment_contract",
            Self::TaxReturn => "tax_return",
            Self::TaxCertificate => "tax_certificate",
            Self::CompanyAccounts => "company_accounts",
            Self::DividendStatement => "dividend_statement",
            Self::InvestmentStatement => "investment_statement",
            Self::CryptoWalletStatement => "crypto_wallet_statement",
            Self::SaleOfProperty => "sale_of_property",
            Self::SaleOfVehicle => "sale_of_vehicle",
            Self::SaleOfCompanyShares => "sale_of_company_shares",
            Self::InheritanceDocument => "inheritance_document",
            Self::GiftDeclaration => "gift_declaration",
            Self::LoanAgreement => "loan_agreement",
            Self::SavingsEvidence => "savings_evidence",
            Self::Invoice => "invoice",
            Self::FreelanceIncomeEvidence => "freelance_income_evidence",
            Self::PensionStatement => "pension_statement",
            Self::UnemploymentBenefitStatement => "unemployment_benefit_statement",
            Self::SourceOfFundsDeclaration => "source_of_funds_declaration",
            Self::Other => "other",
        }
    }
}

/// `POST /customers/{user_id}/documents` body: `file` is a `data:{mime};base64,…` URL (or, as
/// documented too, a public http(s) URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    #[serde(rename = "type")]
    pub document_type: DocumentType,
    pub file: String,
}

/// One customer as the list and find endpoints return it (assumed shape: the create answer's
/// fields plus status, type and creation time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    #[serde(deserialize_with = "number_or_string")]
    pub id: i64,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub company_name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub identification_type: Option<String>,
    #[serde(default)]
    pub identification_number: Option<String>,
    #[serde(default)]
    pub kyc_status: Option<KycStatus>,
    /// `2026-06-26T10:30:00.000000Z`, as the provider's other timestamps.
    #[serde(default)]
    pub created_at: Option<String>,
}

/// Laravel paginator fields (assumed), found beside `data` or inside it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub current_page: Option<u32>,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub last_page: Option<u32>,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub per_page: Option<u32>,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub total: Option<u32>,
}

/// A URL as given, or with `https://` in front when it has no scheme.
pub fn with_https(url: &str) -> String {
    let url = url.trim();
    if url.contains("://") || url.is_empty() {
        url.to_owned()
    } else {
        format!("https://{}", url.trim_start_matches('/'))
    }
}

fn https_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?
        .map(|url| with_https(&url))
        .filter(|url| !url.is_empty()))
}

fn https_url_required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::deserialize(deserializer).map(|url| with_https(&url))
}

fn exposed_option<S: Serializer>(
    secret: &Option<Credential>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => Credential::serialize_exposed(secret, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_without_a_scheme_get_https() {
        assert_eq!(
            with_https("forms.amlbot.com/dadf68e4"),
            "https://forms.amlbot.com/dadf68e4"
        );
        assert_eq!(with_https("http://127.0.0.1:9/x"), "http://127.0.0.1:9/x");
        assert_eq!(with_https(" https://a.test "), "https://a.test");
    }

    #[test]
    fn an_unknown_kyc_status_reads_as_still_in_progress() {
        let status: KycStatus = serde_json::from_str("\"pending\"").unwrap();
        assert_eq!(status, KycStatus::Processing);
        for status in KycStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
    }

    #[test]
    fn every_document_type_is_listed_once_with_its_documented_spelling() {
        let mut seen = std::collections::HashSet::new();
        for document_type in DocumentType::ALL {
            let json = serde_json::to_string(&document_type).unwrap();
            assert_eq!(json, format!("\"{}\"", document_type.as_str()));
            assert!(seen.insert(document_type), "{json} listed twice");
        }
    }

    #[test]
    fn ids_and_pages_read_as_numbers_or_text() {
        let check: KycCheck =
            serde_json::from_str(r#"{"user_id":"100067","kyc_status":"valid"}"#).unwrap();
        assert_eq!(check.user_id, Some(100_067));
        let page: Pagination =
            serde_json::from_str(r#"{"current_page":"2","last_page":3,"total":null}"#).unwrap();
        assert_eq!(
            (page.current_page, page.last_page, page.total),
            (Some(2), Some(3), None)
        );
    }
}
