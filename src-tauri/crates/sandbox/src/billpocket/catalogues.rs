//! The catalogues behind Create user's `estado`, `municipio`, `actividad_comercial` and
//! `tipo_sociedad`. States come from core (INEGI ids); the rest is sandbox data: municipality ids
//! are sequential per state (the real ids are unknown), and only the main municipalities of each
//! state are listed.

use mostrador_core::mx::state::MxState;
use mostrador_providers::billpocket::types::CatalogItem;

const MUNICIPALITIES: [(&str, &[&str]); 32] = [
    (
        "01",
        &[
            "Aguascalientes",
            "Jesús María",
            "Calvillo",
            "Rincón de Romos",
        ],
    ),
    (
        "02",
        &[
            "Mexicali",
            "Tijuana",
            "Ensenada",
            "Tecate",
            "Playas de Rosarito",
        ],
    ),
    (
        "03",
        &["La Paz", "Los Cabos", "Comondú", "Mulegé", "Loreto"],
    ),
    ("04", &["Campeche", "Carmen", "Champotón", "Escárcega"]),
    (
        "05",
        &[
            "Saltillo",
            "Torreón",
            "Monclova",
            "Piedras Negras",
            "Ramos Arizpe",
        ],
    ),
    (
        "06",
        &["Colima", "Manzanillo", "Tecomán", "Villa de Álvarez"],
    ),
    (
        "07",
        &[
            "Tuxtla Gutiérrez",
            "Tapachula",
            "San Cristóbal de las Casas",
            "Comitán de Domínguez",
        ],
    ),
    (
        "08",
        &[
            "Chihuahua",
            "Juárez",
            "Cuauhtémoc",
            "Delicias",
            "Hidalgo del Parral",
        ],
    ),
    (
        "09",
        &[
            "Álvaro Obregón",
            "Azcapotzalco",
            "Benito Juárez",
            "Coyoacán",
            "Cuajimalpa de Morelos",
            "Cuauhtémoc",
            "Gustavo A. Madero",
            "Iztacalco",
            "Iztapalapa",
            "La Magdalena Contreras",
            "Miguel Hidalgo",
            "Milpa Alta",
            "Tláhuac",
            "Tlalpan",
            "Venustiano Carranza",
            "Xochimilco",
        ],
    ),
    ("10", &["Durango", "Gómez Palacio", "Lerdo", "Pueblo Nuevo"]),
    (
        "11",
        &[
            "León",
            "Irapuato",
            "Celaya",
            "Salamanca",
            "Guanajuato",
            "San Miguel de Allende",
        ],
    ),
    (
        "12",
        &[
            "Chilpancingo de los Bravo",
            "Acapulco de Juárez",
            "Iguala de la Independencia",
            "Zihuatanejo de Azueta",
        ],
    ),
    (
        "13",
        &[
            "Pachuca de Soto",
            "Tulancingo de Bravo",
            "Mineral de la Reforma",
            "Tula de Allende",
        ],
    ),
    (
        "14",
        &[
            "Guadalajara",
            "Zapopan",
            "San Pedro Tlaquepaque",
            "Tlajomulco de Zúñiga",
            "Tonalá",
            "Puerto Vallarta",
        ],
    ),
    (
        "15",
        &[
            "Toluca",
            "Ecatepec de Morelos",
            "Nezahualcóyotl",
            "Naucalpan de Juárez",
            "Tlalnepantla de Baz",
            "Chimalhuacán",
        ],
    ),
    ("16", &["Morelia", "Uruapan", "Zamora", "Lázaro Cárdenas"]),
    ("17", &["Cuernavaca", "Jiutepec", "Cuautla", "Temixco"]),
    (
        "18",
        &[
            "Tepic",
            "Bahía de Banderas",
            "Santiago Ixcuintla",
            "Compostela",
        ],
    ),
    (
        "19",
        &[
            "Monterrey",
            "Guadalupe",
            "Apodaca",
            "San Nicolás de los Garza",
            "General Escobedo",
            "San Pedro Garza García",
        ],
    ),
    (
        "20",
        &[
            "Oaxaca de Juárez",
            "San Juan Bautista Tuxtepec",
            "Salina Cruz",
            "Juchitán de Zaragoza",
        ],
    ),
    (
        "21",
        &[
            "Puebla",
            "Tehuacán",
            "San Martín Texmelucan",
            "Atlixco",
            "San Andrés Cholula",
        ],
    ),
    (
        "22",
        &["Querétaro", "San Juan del Río", "Corregidora", "El Marqués"],
    ),
    (
        "23",
        &[
            "Othón P. Blanco",
            "Benito Juárez",
            "Solidaridad",
            "Cozumel",
            "Tulum",
        ],
    ),
    (
        "24",
        &[
            "San Luis Potosí",
            "Soledad de Graciano Sánchez",
            "Ciudad Valles",
            "Matehuala",
        ],
    ),
    (
        "25",
        &["Culiacán", "Mazatlán", "Ahome", "Guasave", "Navolato"],
    ),
    (
        "26",
        &[
            "Hermosillo",
            "Cajeme",
            "Nogales",
            "San Luis Río Colorado",
            "Navojoa",
        ],
    ),
    ("27", &["Centro", "Cárdenas", "Comalcalco", "Macuspana"]),
    (
        "28",
        &[
            "Victoria",
            "Reynosa",
            "Matamoros",
            "Nuevo Laredo",
            "Tampico",
        ],
    ),
    ("29", &["Tlaxcala", "Apizaco", "Huamantla", "Chiautempan"]),
    (
        "30",
        &[
            "Xalapa",
            "Veracruz",
            "Coatzacoalcos",
            "Córdoba",
            "Poza Rica de Hidalgo",
            "Boca del Río",
        ],
    ),
    (
        "31",
        &["Mérida", "Kanasín", "Valladolid", "Tizimín", "Progreso"],
    ),
    ("32", &["Zacatecas", "Fresnillo", "Guadalupe", "Jerez"]),
];

const COMMERCIAL_ACTIVITIES: [&str; 12] = [
    "Abarrotes y misceláneas",
    "Restaurantes y cafeterías",
    "Ropa, calzado y accesorios",
    "Farmacias y salud",
    "Servicios profesionales",
    "Belleza y estética",
    "Educación y capacitación",
    "Transporte y logística",
    "Tecnología y electrónica",
    "Ferretería y construcción",
    "Entretenimiento y eventos",
    "Otros comercios",
];

const COMPANY_TYPES: [&str; 6] = [
    "S.A. de C.V.",
    "S. de R.L. de C.V.",
    "S.A.P.I. de C.V.",
    "S.C.",
    "A.C.",
    "S.A.S.",
];

pub fn states() -> Vec<CatalogItem> {
    MxState::ALL
        .iter()
        .map(|s| item(s.inegi_id(), s.name()))
        .collect()
}

/// `None` when `estado` is not a state id.
pub fn municipalities(estado: &str) -> Option<Vec<CatalogItem>> {
    let (_, names) = MUNICIPALITIES.iter().find(|(id, _)| *id == estado)?;
    Some(numbered(names, 3))
}

pub fn commercial_activities() -> Vec<CatalogItem> {
    numbered(&COMMERCIAL_ACTIVITIES, 2)
}

pub fn company_types() -> Vec<CatalogItem> {
    numbered(&COMPANY_TYPES, 2)
}

/// Whether `id` is an entry of `catalogue`.
pub fn contains(catalogue: &[CatalogItem], id: &str) -> bool {
    catalogue.iter().any(|item| item.id == id)
}

/// Ids "01", "02", … for activities and company types (≤ 2 characters, as the documented
/// field widths suggest); "001", "002", … for municipalities.
fn numbered(names: &[&str], width: usize) -> Vec<CatalogItem> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| item(&format!("{:0width$}", i + 1), name))
        .collect()
}

fn item(id: &str, nombre: &str) -> CatalogItem {
    CatalogItem {
        id: id.to_owned(),
        nombre: nombre.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_municipalities_and_ids_line_up() {
        let states = states();
        assert_eq!(states.len(), 32);
        assert_eq!(states[8], item("09", "Ciudad de México"));
        for (state, (id, _)) in states.iter().zip(MUNICIPALITIES.iter()) {
            assert_eq!(&state.id, id);
            assert!(municipalities(id).is_some_and(|m| m.len() >= 4));
        }
        assert!(municipalities("33").is_none());
    }
}
