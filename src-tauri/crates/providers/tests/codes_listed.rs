//! Every code a provider call can end in is in the closed list (whose own test checks that each
//! has a message in both languages).

use mostrador_codes::{ErrorCode, Provider};
use mostrador_providers::FailureKind;
use mostrador_providers::cryptopocket::Refusal;
use mostrador_providers::cryptopocket::errors::UNKNOWN_ERROR;
use mostrador_providers::undostres;

fn listed(provider: Provider, suffix: &str) {
    let code = ErrorCode::of_provider(provider, suffix);
    assert_eq!(
        code.as_str(),
        format!("{}.{suffix}", provider.as_str()),
        "{suffix} is not listed for {provider:?}"
    );
}

#[test]
fn every_provider_code_is_listed() {
    for provider in Provider::ALL {
        for kind in FailureKind::ALL {
            listed(provider, kind.as_str());
        }
    }
    for refusal in Refusal::ALL {
        listed(Provider::CryptoPocket, refusal.as_str());
    }
    listed(Provider::CryptoPocket, UNKNOWN_ERROR);
    for refusal in undostres::Refusal::ALL {
        listed(Provider::Undostres, refusal.as_str());
    }
    listed(Provider::Undostres, undostres::errors::UNKNOWN_ERROR);
    assert_eq!(ErrorCode::CryptopocketUnknownError.params(), ["text"]);
    assert_eq!(ErrorCode::UndostresUnknownError.params(), ["text"]);
}
