//! Mexico's 32 federal entities with the three codes other fields refer to: the INEGI id
//! (Billpocket's 2-character `estado`), RENAPO's CURP code and the postal-code prefixes.

use serde::{Deserialize, Serialize};

/// A Mexican state (or Mexico City), serialised as its INEGI id ("09").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub enum MxState {
    #[serde(rename = "01")]
    Aguascalientes,
    #[serde(rename = "02")]
    BajaCalifornia,
    #[serde(rename = "03")]
    BajaCaliforniaSur,
    #[serde(rename = "04")]
    Campeche,
    #[serde(rename = "05")]
    Coahuila,
    #[serde(rename = "06")]
    Colima,
    #[serde(rename = "07")]
    Chiapas,
    #[serde(rename = "08")]
    Chihuahua,
    #[serde(rename = "09")]
    CiudadDeMexico,
    #[serde(rename = "10")]
    Durango,
    #[serde(rename = "11")]
    Guanajuato,
    #[serde(rename = "12")]
    Guerrero,
    #[serde(rename = "13")]
    Hidalgo,
    #[serde(rename = "14")]
    Jalisco,
    #[serde(rename = "15")]
    EstadoDeMexico,
    #[serde(rename = "16")]
    Michoacan,
    #[serde(rename = "17")]
    Morelos,
    #[serde(rename = "18")]
    Nayarit,
    #[serde(rename = "19")]
    NuevoLeon,
    #[serde(rename = "20")]
    Oaxaca,
    #[serde(rename = "21")]
    Puebla,
    #[serde(rename = "22")]
    Queretaro,
    #[serde(rename = "23")]
    QuintanaRoo,
    #[serde(rename = "24")]
    SanLuisPotosi,
    #[serde(rename = "25")]
    Sinaloa,
    #[serde(rename = "26")]
    Sonora,
    #[serde(rename = "27")]
    Tabasco,
    #[serde(rename = "28")]
    Tamaulipas,
    #[serde(rename = "29")]
    Tlaxcala,
    #[serde(rename = "30")]
    Veracruz,
    #[serde(rename = "31")]
    Yucatan,
    #[serde(rename = "32")]
    Zacatecas,
}

/// The codes of one state. Postal prefixes are the first two digits of its códigos postales
/// (billpocket-research §6 [V3]: 01–16 CDMX, 20 Ags … 98–99 Zac; 00 and 17–19 unused).
struct StateData {
    inegi: &'static str,
    name: &'static str,
    curp: &'static str,
    postal: (u8, u8),
}

impl MxState {
    pub const ALL: [MxState; 32] = {
        use MxState::*;
        [
            Aguascalientes,
            BajaCalifornia,
            BajaCaliforniaSur,
            Campeche,
            Coahuila,
            Colima,
            Chiapas,
            Chihuahua,
            CiudadDeMexico,
            Durango,
            Guanajuato,
            Guerrero,
            Hidalgo,
            Jalisco,
            EstadoDeMexico,
            Michoacan,
            Morelos,
            Nayarit,
            NuevoLeon,
            Oaxaca,
            Puebla,
            Queretaro,
            QuintanaRoo,
            SanLuisPotosi,
            Sinaloa,
            Sonora,
            Tabasco,
            Tamaulipas,
            Tlaxcala,
            Veracruz,
            Yucatan,
            Zacatecas,
        ]
    };

    const fn data(self) -> StateData {
        use MxState::*;
        let (inegi, name, curp, postal) = match self {
            Aguascalientes => ("01", "Aguascalientes", "AS", (20, 20)),
            BajaCalifornia => ("02", "Baja California", "BC", (21, 22)),
            BajaCaliforniaSur => ("03", "Baja California Sur", "BS", (23, 23)),
            Campeche => ("04", "Campeche", "CC", (24, 24)),
            Coahuila => ("05", "Coahuila", "CL", (25, 27)),
            Colima => ("06", "Colima", "CM", (28, 28)),
            Chiapas => ("07", "Chiapas", "CS", (29, 30)),
            Chihuahua => ("08", "Chihuahua", "CH", (31, 33)),
            CiudadDeMexico => ("09", "Ciudad de México", "DF", (1, 16)),
            Durango => ("10", "Durango", "DG", (34, 35)),
            Guanajuato => ("11", "Guanajuato", "GT", (36, 38)),
            Guerrero => ("12", "Guerrero", "GR", (39, 41)),
            Hidalgo => ("13", "Hidalgo", "HG", (42, 43)),
            Jalisco => ("14", "Jalisco", "JC", (44, 49)),
            EstadoDeMexico => ("15", "Estado de México", "MC", (50, 57)),
            Michoacan => ("16", "Michoacán", "MN", (58, 61)),
            Morelos => ("17", "Morelos", "MS", (62, 62)),
            Nayarit => ("18", "Nayarit", "NT", (63, 63)),
            NuevoLeon => ("19", "Nuevo León", "NL", (64, 67)),
            Oaxaca => ("20", "Oaxaca", "OC", (68, 71)),
            Puebla => ("21", "Puebla", "PL", (72, 75)),
            Queretaro => ("22", "Querétaro", "QT", (76, 76)),
            QuintanaRoo => ("23", "Quintana Roo", "QR", (77, 77)),
            SanLuisPotosi => ("24", "San Luis Potosí", "SP", (78, 79)),
            Sinaloa => ("25", "Sinaloa", "SL", (80, 82)),
            Sonora => ("26", "Sonora", "SR", (83, 85)),
            Tabasco => ("27", "Tabasco", "TC", (86, 86)),
            Tamaulipas => ("28", "Tamaulipas", "TS", (87, 89)),
            Tlaxcala => ("29", "Tlaxcala", "TL", (90, 90)),
            Veracruz => ("30", "Veracruz", "VZ", (91, 96)),
            Yucatan => ("31", "Yucatán", "YN", (97, 97)),
            Zacatecas => ("32", "Zacatecas", "ZS", (98, 99)),
        };
        StateData {
            inegi,
            name,
            curp,
            postal,
        }
    }

    /// INEGI's two-digit id, e.g. "09".
    pub const fn inegi_id(self) -> &'static str {
        self.data().inegi
    }

    /// The state's name in Spanish (a proper noun, the same in every UI language).
    pub const fn name(self) -> &'static str {
        self.data().name
    }

    /// RENAPO's two-letter code in positions 12–13 of a CURP.
    pub const fn curp_code(self) -> &'static str {
        self.data().curp
    }

    /// Whether a postal code starting with these two digits belongs to this state.
    pub const fn has_postal_prefix(self, prefix: u8) -> bool {
        let (first, last) = self.data().postal;
        first <= prefix && prefix <= last
    }

    /// The state whose postal codes start with `prefix`, if any.
    pub fn from_postal_prefix(prefix: u8) -> Option<MxState> {
        Self::ALL.into_iter().find(|s| s.has_postal_prefix(prefix))
    }

    /// The state with this RENAPO code; `NE` (born abroad) is not a state.
    pub fn from_curp_code(code: &str) -> Option<MxState> {
        Self::ALL.into_iter().find(|s| s.curp_code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_in_order_and_serialised_as_inegi_ids() {
        for (i, state) in MxState::ALL.iter().enumerate() {
            assert_eq!(state.inegi_id(), format!("{:02}", i + 1));
            let json = serde_json::to_string(state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.inegi_id()));
        }
    }

    #[test]
    fn postal_prefixes_cover_01_to_99_except_unused_ones_exactly_once() {
        for prefix in 0..=99u8 {
            let owners = MxState::ALL
                .iter()
                .filter(|s| s.has_postal_prefix(prefix))
                .count();
            let unused = prefix == 0 || (17..=19).contains(&prefix);
            assert_eq!(owners, usize::from(!unused), "prefix {prefix:02}");
        }
        assert_eq!(
            MxState::from_postal_prefix(6),
            Some(MxState::CiudadDeMexico)
        );
        assert_eq!(MxState::from_postal_prefix(64), Some(MxState::NuevoLeon));
    }

    #[test]
    fn curp_codes_are_distinct() {
        let mut codes: Vec<_> = MxState::ALL.iter().map(|s| s.curp_code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 32);
        assert_eq!(MxState::from_curp_code("NE"), None);
        assert_eq!(MxState::from_curp_code("DF"), Some(MxState::CiudadDeMexico));
    }
}
