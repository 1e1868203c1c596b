//! The list itself. Add a code here, then its message in
//! `ui/src/i18n/locales/{es-MX,en}/errors.json` (or `validation.json` for a validator's).

use serde::{Deserialize, Serialize};

use crate::declare::codes;

/// Whether an issue blocks the form or only asks the user to double-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

codes! {
    validation {
        /// Nothing was typed (after trimming).
        FieldRequired = "field.required", Error, [];

        CurpLength = "curp.length", Error, ["length"];
        CurpFormat = "curp.format", Error, [];
        CurpDate = "curp.date", Error, [];
        CurpSex = "curp.sex", Error, [];
        CurpState = "curp.state", Error, ["state"];
        CurpCheckDigit = "curp.check_digit", Error, [];
        /// RENAPO replaces the 2nd letter of these words with X, so a CURP never starts with one.
        CurpInconvenientWord = "curp.inconvenient_word", Error, ["word"];

        RfcLength = "rfc.length", Error, ["length"];
        RfcFormat = "rfc.format", Error, [];
        RfcDate = "rfc.date", Error, [];
        RfcHomoclave = "rfc.homoclave", Error, [];
        /// About 1.5 % of real RFCs fail the check character, so it never blocks.
        RfcCheckDigit = "rfc.check_digit", Warning, [];
        RfcInconvenientWord = "rfc.inconvenient_word", Error, ["word"];
        RfcExpectedFisica = "rfc.expected_fisica", Error, [];
        RfcExpectedMoral = "rfc.expected_moral", Error, [];
        /// XAXX010101000 / XEXX010101000: SAT's generic RFCs, valid but not a real taxpayer.
        RfcGeneric = "rfc.generic", Warning, [];
        RfcCurpDateMismatch = "rfc.curp_date_mismatch", Error, [];
        /// Without the names: the RFC's name letters differ from the CURP's in a way the keys
        /// alone show no registry rule explains.
        RfcCurpNameMismatch = "rfc.curp_name_mismatch", Error, [];
        /// Without the names: SAT and RENAPO replace an inconvenient word's letters differently.
        RfcCurpNameInconvenientWord = "rfc.curp_name_inconvenient_word", Warning, [];
        /// Without the names: with one surname, RENAPO writes X for the second and SAT takes two
        /// letters of the name.
        RfcCurpNameSingleSurname = "rfc.curp_name_single_surname", Warning, [];
        /// The RFC's letters are not what SAT derives from the names, nor a known variant.
        RfcNameMismatch = "rfc.name_mismatch", Error, [];
        /// The CURP's letters are not what RENAPO derives from the names, nor a known variant.
        CurpNameMismatch = "curp.name_mismatch", Error, [];
        /// A key's letters follow the other registry's or an older treatment of an inconvenient word.
        NameLettersInconvenientWord = "name_letters.inconvenient_word", Warning, [];
        /// A key's letters follow the other registry's form for a single or one- or two-letter surname.
        NameLettersSurnameForm = "name_letters.surname_form", Warning, [];
        /// A key kept a particle (DE, LA, MC, …) or skipped one by the other registry's list.
        NameLettersParticle = "name_letters.particle", Warning, [];
        /// A key kept MARÍA or JOSÉ of a compound first name.
        NameLettersCompound = "name_letters.compound", Warning, [];

        ClabeLength = "clabe.length", Error, ["length"];
        ClabeDigits = "clabe.digits", Error, [];
        ClabeCheckDigit = "clabe.check_digit", Error, [];
        /// The catalogue may lag Banxico's, so an unknown bank code only warns.
        ClabeBankUnknown = "clabe.bank_unknown", Warning, ["bank_code"];
        /// 000 is no bank: a CLABE starting with it was mistyped or made up.
        ClabeBankZero = "clabe.bank_zero", Error, [];

        PostalCodeFormat = "postal_code.format", Error, [];
        PostalCodeUnknownPrefix = "postal_code.unknown_prefix", Error, ["prefix"];
        PostalCodeStateMismatch = "postal_code.state_mismatch", Error, ["state"];

        PhoneMxLength = "phone_mx.length", Error, ["length"];
        PhoneMxCharacters = "phone_mx.characters", Error, [];
        PhoneMxOldPrefix = "phone_mx.old_prefix", Error, [];
        PhoneMxAreaCode = "phone_mx.area_code", Error, [];

        PhoneFormat = "phone.format", Error, [];
        PhoneLength = "phone.length", Error, ["min", "max"];

        EmailFormat = "email.format", Error, [];
        EmailTooLong = "email.too_long", Error, ["max"];

        NameCharacters = "name.characters", Error, [];
        NameTooLong = "name.too_long", Error, ["max"];

        UrlPathLength = "url_path.length", Error, ["min", "max"];
        UrlPathCharacters = "url_path.characters", Error, [];
        UrlPathEdge = "url_path.edge", Error, [];

        AmountFormat = "amount.format", Error, [];
        /// "$1 234,50", "1.234,50", "1,5": separators that read differently across locales.
        AmountAmbiguous = "amount.ambiguous", Error, [];
        AmountDecimals = "amount.decimals", Error, [];
        AmountPositive = "amount.positive", Error, [];
        AmountMax = "amount.max", Error, ["max"];

        CreditLineNegative = "credit_line.negative", Error, [];
        CreditLineMax = "credit_line.max", Error, ["max"];

        ExpiryFormat = "expiry.format", Error, [];
        ExpiryPast = "expiry.past", Error, [];
        /// The caller did not pass "now"; a programming error surfaced rather than skipped.
        ExpiryClockMissing = "expiry.clock_missing", Error, [];

        IdCountryRequired = "id.country_required", Error, [];
        IdTypeRequired = "id.type_required", Error, [];
        IdTypeUnknown = "id.type_unknown", Error, ["id_type"];
        IdTypeCountry = "id.type_country", Error, ["id_type"];
        IdLength = "id.length", Error, ["id_type", "min", "max"];
        IdDigits = "id.digits", Error, ["id_type"];
        IdCharacters = "id.characters", Error, ["id_type"];
        IdFormat = "id.format", Error, ["id_type"];
        IdPrefix = "id.prefix", Error, ["id_type", "prefix"];
        IdCheckDigit = "id.check_digit", Error, ["id_type"];
    }
    errors {
        /// The UI's own fallback for a code it has no message for; also a provider suffix the
        /// list lacks.
        Unknown = "unknown", [];
        /// The UI's own: the window got no answer from the backend (Tauri refused the call).
        IpcFailed = "ipc.failed", [];

        AppDataDir = "app.data_dir", [];
        /// A background task panicked or was cancelled.
        AppTask = "app.task", [];
        PreferencesWrite = "preferences.write", [];
        /// The KYC target age is outside 1–90 days.
        PreferencesKycTargetDays = "preferences.kyc_target_days", [];

        ProfileNameRequired = "profile.name_required", [];
        ProfileNameTooLong = "profile.name_too_long", [];
        ProfileUrlInvalid = "profile.url_invalid", [];
        ProfileUrlHttpNotLocal = "profile.url_http_not_local", [];
        ProfileEnvironment = "profile.environment", [];
        ProfileBuiltin = "profile.builtin", [];

        CredentialEmpty = "credential.empty", [];
        CredentialMissingBillpocketApiKey = "credential.missing.billpocketApiKey", [];
        CredentialMissingBillpocketUserToken = "credential.missing.billpocketUserToken", [];
        CredentialMissingCryptopocketApiKey = "credential.missing.cryptopocketApiKey", [];
        CredentialMissingCryptopocketApiSecret = "credential.missing.cryptopocketApiSecret", [];
        CredentialMissingUndostresEcommerceToken = "credential.missing.undostresEcommerceToken", [];
        CredentialMissingUndostresRefreshToken = "credential.missing.undostresRefreshToken", [];

        VaultUnavailable = "vault.unavailable", [];
        VaultBackend = "vault.backend", [];
        VaultNotSet = "vault.not_set", [];
        VaultInvalidName = "vault.invalid_name", [];

        StoreNewerSchema = "store.newer_schema", [];
        StoreBusy = "store.busy", [];
        StoreNotFound = "store.not_found", [];
        StoreConflict = "store.conflict", [];
        StoreIllegalTransition = "store.illegal_transition", [];
        StoreInvalid = "store.invalid", [];
        StoreCorrupt = "store.corrupt", [];
        StoreIo = "store.io", [];
        StoreSqlite = "store.sqlite", [];

        SandboxIo = "sandbox.io", [];
        SandboxBind = "sandbox.bind", [];
        SandboxCorruptState = "sandbox.corrupt_state", [];
        /// The UnDosTres double has no such account.
        SandboxNoAccount = "sandbox.no_account", [];
        SandboxRefused = "sandbox.refused", [];

        OutboxNotOpen = "outbox.not_open", [];
        OutboxNotFound = "outbox.not_found", [];
        OutboxIntent = "outbox.intent", [];
        /// An uncertain write the provider's list showed absent: it waits for the user.
        OutboxNotApplied = "outbox.not_applied", [];
        OutboxDiscarded = "outbox.discarded", [];
        /// A write left `sent` by a crash.
        OutboxInterrupted = "outbox.interrupted", [];

        SharePhone = "share.phone", [];
        ShareEmail = "share.email", [];
        ShareUrl = "share.url", [];
        ShareQr = "share.qr", [];
        ShareIo = "share.io", [];
        ShareClipboard = "share.clipboard", [];
        ShareDialog = "share.dialog", [];
        ShareOpener = "share.opener", [];

        DraftNoKind = "draft.no_kind", [];
        DraftNotFound = "draft.not_found", [];
        DraftBody = "draft.body", [];

        MerchantDuplicate = "merchant.duplicate", [];
        MerchantCredentials = "merchant.credentials", [];
        MerchantInvalid = "merchant.invalid", [];

        CatalogueUnknown = "catalogue.unknown", [];
        CatalogueInvalidState = "catalogue.invalid_state", [];

        /// A field refused without a more precise code.
        FieldInvalid = "field.invalid", [];
        /// A field the provider does not take.
        FieldUnknown = "field.unknown", [];
        DateFormat = "date.format", [];
        DateFuture = "date.future", [];

        UrlPathTaken = "url_path.taken", [];
        MainLinkNotConfigured = "main_link.not_configured", [];
        LinkDescriptionLength = "link.description_length", [];
        LinkInstallments = "link.installments", [];
        LinkType = "link.type", [];
        RatesMonths = "rates.months", [];
        RatesType = "rates.type", [];
        StatusUnknown = "status.unknown", [];

        CustomerNoteEmpty = "customer_note.empty", [];
        CustomerNoteTooLong = "customer_note.too_long", ["max"];
        CustomerTagInvalid = "customer_tag.invalid", ["max"];

        CountryMismatch = "country.mismatch", [];
        DobFormat = "dob.format", [];
        UrlInvalid = "url.invalid", [];
        CompanyNameTooLong = "company_name.too_long", [];
        DocumentType = "document.type", [];
        DocumentSize = "document.size", [];
        DocumentEmpty = "document.empty", [];
        DocumentContent = "document.content", [];
        DocumentEncoding = "document.encoding", [];
        EmailTaken = "email.taken", [];
        FieldNotForBusiness = "field.not_for_business", [];
        FieldRepeated = "field.repeated", [];
        KycLevelRange = "kyc_level.range", [];
        MobileCountryCodeUnsupported = "mobile_country_code.unsupported", [];

        // Billpocket: what any provider call can end in, then its own.
        BillpocketNetworkUnreachable = "billpocket.network_unreachable", [];
        BillpocketTimeout = "billpocket.timeout", [];
        BillpocketUnknownOutcome = "billpocket.unknown_outcome", [];
        BillpocketUnauthorized = "billpocket.unauthorized", [];
        BillpocketForbidden = "billpocket.forbidden", [];
        BillpocketConflict = "billpocket.conflict", [];
        BillpocketInvalid = "billpocket.invalid", [];
        BillpocketNotFound = "billpocket.not_found", [];
        BillpocketRateLimited = "billpocket.rate_limited", [];
        BillpocketProviderError = "billpocket.provider_error", [];
        BillpocketUnreadableResponse = "billpocket.unreadable_response", [];
        BillpocketMissingCredential = "billpocket.missing_credential", [];
        BillpocketInvalidConfiguration = "billpocket.invalid_configuration", [];
        BillpocketInvalidPathId = "billpocket.invalid_path_id", [];
        BillpocketUnknownAddress = "billpocket.unknown_address", [];
        BillpocketNoBaseUrl = "billpocket.no_base_url", [];
        BillpocketNotApplied = "billpocket.not_applied", [];

        // CryptoPocket: what any provider call can end in, then its documented refusals.
        CryptopocketNetworkUnreachable = "cryptopocket.network_unreachable", [];
        CryptopocketTimeout = "cryptopocket.timeout", [];
        CryptopocketUnknownOutcome = "cryptopocket.unknown_outcome", [];
        CryptopocketUnauthorized = "cryptopocket.unauthorized", [];
        CryptopocketForbidden = "cryptopocket.forbidden", [];
        CryptopocketConflict = "cryptopocket.conflict", [];
        CryptopocketInvalid = "cryptopocket.invalid", [];
        CryptopocketNotFound = "cryptopocket.not_found", [];
        CryptopocketRateLimited = "cryptopocket.rate_limited", [];
        CryptopocketProviderError = "cryptopocket.provider_error", [];
        CryptopocketUnreadableResponse = "cryptopocket.unreadable_response", [];
        CryptopocketMissingCredential = "cryptopocket.missing_credential", [];
        CryptopocketInvalidConfiguration = "cryptopocket.invalid_configuration", [];
        CryptopocketInvalidPathId = "cryptopocket.invalid_path_id", [];
        CryptopocketUnknownAddress = "cryptopocket.unknown_address", [];
        CryptopocketNoBaseUrl = "cryptopocket.no_base_url", [];
        /// CryptoPocket answered a write without what was asked (the differing fields are named).
        CryptopocketNotApplied = "cryptopocket.not_applied", [];
        CryptopocketAuthorizationIncorrect = "cryptopocket.authorization_incorrect", [];
        CryptopocketUserAlreadyExists = "cryptopocket.user_already_exists", [];
        CryptopocketEmailNotAllowed = "cryptopocket.email_not_allowed", [];
        CryptopocketUserNotInIntegration = "cryptopocket.user_not_in_integration", [];
        CryptopocketUserNotFound = "cryptopocket.user_not_found", [];
        CryptopocketInvalidFile = "cryptopocket.invalid_file", [];
        CryptopocketFailMandatoryField = "cryptopocket.fail_mandatory_field", [];
        CryptopocketUnexpectedError = "cryptopocket.unexpected_error", [];
        /// A refusal with a code CryptoPocket does not document; `text` is its own words.
        CryptopocketUnknownError = "cryptopocket.unknown_error", ["text"];

        // UnDosTres: what any provider call can end in, then its documented refusals.
        UndostresNetworkUnreachable = "undostres.network_unreachable", [];
        UndostresTimeout = "undostres.timeout", [];
        UndostresUnknownOutcome = "undostres.unknown_outcome", [];
        UndostresUnauthorized = "undostres.unauthorized", [];
        UndostresForbidden = "undostres.forbidden", [];
        UndostresConflict = "undostres.conflict", [];
        UndostresInvalid = "undostres.invalid", [];
        UndostresNotFound = "undostres.not_found", [];
        UndostresRateLimited = "undostres.rate_limited", [];
        UndostresProviderError = "undostres.provider_error", [];
        UndostresUnreadableResponse = "undostres.unreadable_response", [];
        UndostresMissingCredential = "undostres.missing_credential", [];
        UndostresInvalidConfiguration = "undostres.invalid_configuration", [];
        UndostresInvalidPathId = "undostres.invalid_path_id", [];
        UndostresUnknownAddress = "undostres.unknown_address", [];
        UndostresBadParameters = "undostres.bad_parameters", [];
        UndostresDatabaseError = "undostres.database_error", [];
        UndostresDeviceAlreadyLinked = "undostres.device_already_linked", [];
        UndostresDeviceNotLinked = "undostres.device_not_linked", [];
        UndostresExtraLoginDataMissing = "undostres.extra_login_data_missing", [];
        UndostresExtraLoginDataRequired = "undostres.extra_login_data_required", [];
        UndostresIncompleteRequest = "undostres.incomplete_request", [];
        UndostresInsufficientBalance = "undostres.insufficient_balance", [];
        UndostresMonthlyLimitReached = "undostres.monthly_limit_reached", [];
        UndostresRefreshTokenExpired = "undostres.refresh_token_expired", [];
        UndostresServerError = "undostres.server_error", [];
        UndostresValidationError = "undostres.validation_error", [];
        UndostresWalletInactive = "undostres.wallet_inactive", [];
        /// A refusal with a code UnDosTres does not document; `text` is its own words.
        UndostresUnknownError = "undostres.unknown_error", ["text"];
        // UnDosTres account creation through the write engine.
        /// The account was answered as created but a read of it finds no such account.
        UndostresNotApplied = "undostres.not_applied", [];
        /// A lost create answer could not be settled: the accounts after the last known one
        /// did not show it within the lookup window.
        UndostresLookupInconclusive = "undostres.lookup_inconclusive", [];
        /// The account exists but the keyring refused its credentials: they wait in memory
        /// until stored again (a restart loses them).
        UndostresSecretsWaiting = "undostres.secrets_waiting", [];
        /// The account exists but its credentials never reached the vault (a lost answer, or
        /// a restart while they waited): they cannot be recovered.
        UndostresSecretsLost = "undostres.secrets_lost", [];
    }
}
