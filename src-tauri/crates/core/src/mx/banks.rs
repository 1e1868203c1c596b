//! Banxico's SPEI institution catalogue, keyed by the 3-digit bank code that opens a CLABE.
//!
//! Source: Banxico's list of SPEI participants (https://www.banxico.org.mx/cep-scl/listaInstituciones.do)
//! as mirrored by cuenca-mx/clabe-python `clabe/banks.py` and a later re-sync of it (Nu's current
//! 638 → 40638 included). Institutions join SPEI every year, so an unknown code only warns.

/// (CLABE bank code, institution name), sorted by code.
const BANKS: &[(&str, &str)] = &[
    ("001", "Banxico"),
    ("002", "Banamex"),
    ("006", "Bancomext"),
    ("009", "Banobras"),
    ("012", "BBVA México"),
    ("014", "Santander"),
    ("019", "Banjercito"),
    ("021", "HSBC"),
    ("030", "Bajío"),
    ("036", "Inbursa"),
    ("042", "Mifel"),
    ("044", "Scotiabank"),
    ("058", "Banregio"),
    ("059", "Invex"),
    ("060", "Bansi"),
    ("062", "Afirme"),
    ("072", "Banorte"),
    ("106", "Bank of America"),
    ("108", "MUFG"),
    ("110", "JP Morgan"),
    ("112", "Bmonex"),
    ("113", "Ve por Más"),
    ("124", "Citi México"),
    ("127", "Azteca"),
    ("128", "Kapital"),
    ("129", "Barclays"),
    ("130", "Compartamos"),
    ("132", "Multiva Banco"),
    ("133", "Actinver"),
    ("135", "Nafin"),
    ("136", "Intercam Banco"),
    ("137", "BanCoppel"),
    ("138", "Ualá"),
    ("140", "Consubanco"),
    ("141", "Volkswagen"),
    ("143", "CIBanco"),
    ("145", "BBase"),
    ("147", "Bankaool"),
    ("148", "PagaTodo"),
    ("150", "Inmobiliario"),
    ("151", "Donde"),
    ("152", "Bancrea"),
    ("154", "Banco Covalto"),
    ("155", "ICBC"),
    ("156", "Sabadell"),
    ("157", "Shinhan"),
    ("158", "Mizuho Bank"),
    ("159", "Bank of China"),
    ("160", "Banco S3"),
    ("166", "Banco del Bienestar"),
    ("167", "Hey Banco"),
    ("168", "Hipotecaria Federal"),
    ("170", "Revolut Bank"),
    ("600", "Monexcb"),
    ("601", "GBM"),
    ("602", "Masari"),
    ("605", "Value"),
    ("616", "Finamex"),
    ("617", "Valmex"),
    ("620", "Profuturo"),
    ("630", "CB Intercam"),
    ("631", "TRF"),
    ("634", "Fincomún"),
    ("638", "Nu México"),
    ("646", "STP"),
    ("652", "Credicapital"),
    ("653", "Kuspit"),
    ("656", "Unagra"),
    ("659", "ASP Integra OPC"),
    ("660", "Altor"),
    ("661", "Klar"),
    ("670", "Libertad"),
    ("677", "Caja Popular Mexicana"),
    ("680", "Cristóbal Colón"),
    ("683", "Caja Telefonistas"),
    ("684", "Transfer"),
    ("685", "Fondo (FIRA)"),
    ("688", "Crediclub"),
    ("689", "Fomped"),
    ("699", "Fondeadora"),
    ("703", "Tesored"),
    ("706", "Arcus"),
    ("710", "NVIO"),
    ("714", "PPBALANCEMX"),
    ("715", "Cashi Cuenta"),
    ("720", "MexPago"),
    ("721", "Albo"),
    ("722", "Mercado Pago"),
    ("723", "Cuenca"),
    ("725", "Coopdesarrollo"),
    ("727", "Transfer Directo"),
    ("728", "Spin by OXXO"),
    ("729", "Dep y Pag Dig"),
    ("730", "Clip"),
    ("732", "Peibo"),
    ("734", "Finco Pay"),
    ("738", "Fintoc"),
    ("901", "CLS"),
    ("902", "Indeval"),
    ("903", "CoDi Valida"),
];

/// The institution whose CLABEs start with this 3-digit code.
pub fn bank_name(code: &str) -> Option<&'static str> {
    BANKS
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .and_then(|i| BANKS.get(i))
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_for_binary_search() {
        assert!(BANKS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BANKS.iter().all(|(c, _)| c.len() == 3));
    }

    #[test]
    fn resolves_known_codes() {
        assert_eq!(bank_name("002"), Some("Banamex"));
        assert_eq!(bank_name("012"), Some("BBVA México"));
        assert_eq!(bank_name("646"), Some("STP"));
        assert_eq!(bank_name("999"), None);
    }
}
