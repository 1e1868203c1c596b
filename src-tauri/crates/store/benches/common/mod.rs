//! What both store benches share: deterministic data, percentiles and the budget lines that
//! `scripts/bench.sh` collects.

#![allow(dead_code)] // each bench uses part of it

use std::time::Duration;

use mostrador_store::{Environment, Profile};

/// The Sandbox profile the bench's rows belong to.
pub fn bench_profile(id: &str, at: i64) -> Profile {
    Profile {
        id: id.into(),
        name: "Bench".into(),
        environment: Environment::Sandbox,
        billpocket_base_url: None,
        cryptopocket_base_url: None,
        undostres_base_url: None,
        created_at: at,
        updated_at: at,
    }
}

pub const QUERY_BUDGET_MS: f64 = 5.0;

pub const FIRST: &[&str] = &[
    "José",
    "María",
    "Juan",
    "Guadalupe",
    "Luis",
    "Ana",
    "Carlos",
    "Sofía",
    "Jorge",
    "Lucía",
    "Miguel",
    "Fernanda",
    "Ramón",
    "Verónica",
    "Héctor",
    "Mónica",
    "Raúl",
    "Inés",
    "Andrés",
    "Begoña",
];

/// Weighted like Mexican surnames: the first ones are far more common.
pub const SURNAMES: &[&str] = &[
    "Hernández",
    "García",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Rodríguez",
    "Sánchez",
    "Ramírez",
    "Cruz",
    "Flores",
    "Gómez",
    "Morales",
    "Vázquez",
    "Jiménez",
    "Reyes",
    "Díaz",
    "Torres",
    "Gutiérrez",
    "Ruiz",
    "Mendoza",
    "Aguilar",
    "Ortiz",
    "Moreno",
    "Castillo",
    "Romero",
    "Álvarez",
    "Méndez",
    "Chávez",
    "Rivera",
    "Juárez",
    "Ramos",
    "Domínguez",
    "Herrera",
    "Medina",
    "Castro",
    "Vargas",
    "Guzmán",
    "Velázquez",
    "Muñoz",
    "Rojas",
    "Contreras",
    "Salazar",
    "Luna",
    "Ortega",
    "Santiago",
    "Guerrero",
    "Estrada",
    "Bautista",
    "Cortés",
    "Soto",
    "Alvarado",
    "Espinoza",
    "Lara",
    "Ávila",
    "Ríos",
    "Cervantes",
    "Silva",
    "Delgado",
    "Zúñiga",
];

/// Deterministic pseudo-random numbers (SplitMix64), so every run builds the same data.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed pick: index i with weight ~ 1/(i+1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let h: f64 = (1..=n).map(|i| 1.0 / i as f64).sum();
        let mut x = (self.next() as f64 / u64::MAX as f64) * h;
        for i in 0..n {
            x -= 1.0 / (i + 1) as f64;
            if x <= 0.0 {
                return i;
            }
        }
        n - 1
    }
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The budget lines, printed last for scripts/bench.sh to collect.
#[derive(Default)]
pub struct Budgets(pub Vec<String>);

impl Budgets {
    /// `measured` must not exceed `budget`.
    pub fn at_most(&mut self, name: &str, measured: f64, budget: f64) {
        self.push(name, measured, budget, measured <= budget);
    }

    /// `measured` must reach `budget`.
    pub fn at_least(&mut self, name: &str, measured: f64, budget: f64) {
        self.push(name, measured, budget, measured >= budget);
    }

    pub fn push(&mut self, name: &str, measured: f64, budget: f64, ok: bool) {
        let verdict = if ok { "ok" } else { "MISSED" };
        self.0
            .push(format!("BUDGET {name} {measured:.2} {budget} {verdict}"));
    }

    pub fn query_p95(&mut self, name: &str, p95: Duration) {
        self.at_most(
            &format!("store_{name}_p95_ms"),
            p95.as_secs_f64() * 1e3,
            QUERY_BUDGET_MS,
        );
    }
}
