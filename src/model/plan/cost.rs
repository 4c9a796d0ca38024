//! Monthly cost estimates from the price table: every figure is a quantity times a price,
//! each price carries its source, and what has no price is listed rather than guessed.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::schema::Price;
use super::Setup;

/// Hours in the month every estimate uses.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Prices OpsDeck's estimates ask for that the table may lack; a user may still give them
/// (`--price KEY=USD`).
pub const PRICE_NEEDED: &[(&str, &str, &str)] = &[
    ("rds-storage-gb-month", "RDS storage", "GB-month"),
    (
        "transfer-inter-region-gb",
        "Data transfer between Regions",
        "GB",
    ),
];

/// A price as an estimate used it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceUse {
    /// Key in the price table.
    pub key: String,
    /// What is priced.
    pub label: String,
    /// US dollars per unit.
    pub usd: f64,
    /// The unit priced.
    pub unit: String,
    /// Where it was read, when it comes from the table.
    pub url: Option<String>,
    /// When it was checked.
    pub checked: Option<String>,
    /// Why it could not be confirmed on an AWS page, when it could not.
    pub unverified: Option<String>,
    /// The user gave this price.
    pub overridden: bool,
}

/// The price table with the user's overrides on top.
#[derive(Debug, Clone)]
pub struct Prices<'a> {
    table: &'a [Price],
    overrides: BTreeMap<String, f64>,
}

impl<'a> Prices<'a> {
    /// The table alone.
    pub fn new(table: &'a [Price]) -> Self {
        Prices {
            table,
            overrides: BTreeMap::new(),
        }
    }

    /// Reads overrides from raw answers (`price:KEY` = dollars). A key must be in the table
    /// or among the prices estimates ask for; a value must be a number of dollars.
    pub fn with_overrides<'k>(
        table: &'a [Price],
        raw: impl IntoIterator<Item = (&'k str, &'k str)>,
    ) -> Result<Self, String> {
        let mut overrides = BTreeMap::new();
        for (key, value) in raw {
            let known = table.iter().any(|p| p.key == key)
                || PRICE_NEEDED.iter().any(|(k, _, _)| *k == key);
            if !known {
                return Err(format!(
                    "no price has the key {key:?}; `opsdeck prices` lists the keys"
                ));
            }
            let usd: f64 = value
                .trim()
                .trim_start_matches('$')
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| {
                    format!("the price of {key:?} must be a number of US dollars, e.g. 0.096; got {value:?}")
                })?;
            overrides.insert(key.to_owned(), usd);
        }
        Ok(Prices { table, overrides })
    }

    /// The price for a key, the user's first.
    pub fn get(&self, key: &str) -> Option<PriceUse> {
        let row = self.table.iter().find(|p| p.key == key);
        if let Some(usd) = self.overrides.get(key) {
            let (label, unit) = match row {
                Some(p) => (p.label.clone(), p.unit.clone()),
                None => PRICE_NEEDED
                    .iter()
                    .find(|(k, _, _)| *k == key)
                    .map(|(_, l, u)| ((*l).to_owned(), (*u).to_owned()))
                    .unwrap_or_else(|| (key.to_owned(), String::new())),
            };
            return Some(PriceUse {
                key: key.to_owned(),
                label,
                usd: *usd,
                unit,
                url: None,
                checked: None,
                unverified: None,
                overridden: true,
            });
        }
        row.map(|p| PriceUse {
            key: p.key.clone(),
            label: p.label.clone(),
            usd: p.usd,
            unit: p.unit.clone(),
            url: Some(p.source.url.clone()),
            checked: p.source.checked.clone(),
            unverified: p.source.unverified.clone(),
            overridden: false,
        })
    }
}

/// What a workload is made of, for costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    /// Application instances in production.
    pub instances: u64,
    /// Price key of one instance-hour.
    pub instance_price: String,
    /// Price key of one database instance-hour, if there is a database.
    pub database: Option<String>,
    /// Database storage, GB.
    pub db_gb: u64,
    /// Other data backed up, GB.
    pub data_gb: u64,
    /// Data changed per day, GB.
    pub change_gb: u64,
    /// Share of the application tier a warm standby runs, percent.
    pub standby_percent: u64,
}

/// Which part of a setup a cost belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// What production runs in its Region.
    Primary,
    /// What spreading over zones adds.
    MultiAz,
    /// Backups for point-in-time restore.
    Backups,
    /// What the recovery Region holds.
    RecoveryRegion,
}

impl Part {
    /// A heading for the part.
    pub fn label(self) -> &'static str {
        match self {
            Part::Primary => "Production",
            Part::MultiAz => "Multi-AZ",
            Part::Backups => "Backups",
            Part::RecoveryRegion => "Recovery Region",
        }
    }
}

/// One line of an estimate: a quantity times a price.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Where the cost belongs.
    pub part: Part,
    /// What is paid for.
    pub what: String,
    /// How many units a month.
    pub quantity: f64,
    /// The unit, e.g. `hour`.
    pub unit: String,
    /// The price used, when there is one.
    pub price: Option<PriceUse>,
    /// Quantity times price, when priced.
    pub monthly: Option<f64>,
}

/// A monthly estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// Every line, priced or not.
    pub lines: Vec<Line>,
    /// The sum of the priced lines, US dollars a month.
    pub monthly: f64,
    /// What could not be priced, in words.
    pub unpriced: Vec<String>,
    /// Whether any price used is unverified.
    pub unverified: bool,
}

impl Estimate {
    fn new() -> Self {
        Estimate {
            lines: Vec::new(),
            monthly: 0.0,
            unpriced: Vec::new(),
            unverified: false,
        }
    }

    fn add(&mut self, prices: &Prices<'_>, part: Part, what: &str, quantity: f64, key: &str) {
        if quantity <= 0.0 {
            return;
        }
        let price = prices.get(key);
        let unit = price.as_ref().map(|p| p.unit.clone()).unwrap_or_else(|| {
            PRICE_NEEDED
                .iter()
                .find(|(k, _, _)| *k == key)
                .map(|(_, _, u)| (*u).to_owned())
                .unwrap_or_default()
        });
        let monthly = price.as_ref().map(|p| p.usd * quantity);
        match &price {
            Some(p) => {
                self.monthly += p.usd * quantity;
                self.unverified |= p.unverified.is_some();
            }
            None => {
                let hint = format!("not priced: give a price with --price {key}=USD");
                if !self.unpriced.contains(&hint) {
                    self.unpriced.push(hint);
                }
            }
        }
        self.lines.push(Line {
            part,
            what: what.to_owned(),
            quantity,
            unit,
            price,
            monthly,
        });
    }
}

/// A quantity as people write it: whole numbers without decimals.
pub fn format_quantity(q: f64) -> String {
    if (q - q.round()).abs() < 1e-9 {
        format!("{}", q.round() as i64)
    } else {
        format!("{q:.1}")
    }
}

/// Dollars, rounded to whole dollars above $100 and to cents below.
pub fn format_usd(usd: f64) -> String {
    if usd >= 100.0 {
        let whole = usd.round() as i64;
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        format!("${out}")
    } else {
        format!("${usd:.2}")
    }
}

/// The database's storage price key: Aurora storage for Aurora, RDS storage otherwise.
fn storage_key(database: &str) -> &'static str {
    if database.starts_with("aurora") {
        "aurora-storage-gb-month"
    } else {
        "rds-storage-gb-month"
    }
}

/// The monthly cost of running the workload with a setup: production, what Multi-AZ adds,
/// backups, and what the recovery Region holds.
pub fn estimate(setup: &Setup, w: &Workload, prices: &Prices<'_>) -> Estimate {
    let mut e = Estimate::new();
    let hours = HOURS_PER_MONTH;
    let n = w.instances as f64;
    e.add(
        prices,
        Part::Primary,
        "Application instances",
        n * hours,
        &w.instance_price,
    );
    e.add(prices, Part::Primary, "Load balancer", hours, "alb-hour");
    if let Some(db) = &w.database {
        e.add(prices, Part::Primary, "Database instance", hours, db);
        e.add(
            prices,
            Part::Primary,
            "Database storage",
            w.db_gb as f64,
            storage_key(db),
        );
    }
    if setup.multi_az {
        if let Some(db) = &w.database {
            e.add(
                prices,
                Part::MultiAz,
                "Database standby in a second zone",
                hours,
                db,
            );
        }
        if w.instances < 2 {
            e.add(
                prices,
                Part::MultiAz,
                "Second instance, so each zone has one",
                hours,
                &w.instance_price,
            );
        }
    }
    let backup_gb = (w.db_gb + w.data_gb) as f64;
    e.add(
        prices,
        Part::Backups,
        "Backups for point-in-time restore",
        backup_gb,
        "ebs-snapshot-gb-month",
    );
    let Some(region) = setup.region.as_deref() else {
        return e;
    };
    let monthly_change = (w.change_gb * 30) as f64;
    let part = Part::RecoveryRegion;
    match region {
        "backup-restore" => {
            e.add(
                prices,
                part,
                "Backup copies",
                backup_gb,
                "ebs-snapshot-gb-month",
            );
            e.add(
                prices,
                part,
                "Copying changed data to the Region",
                monthly_change,
                "transfer-inter-region-gb",
            );
        }
        "pilot-light" | "warm-standby" | "multi-site-active-active" => {
            if let Some(db) = &w.database {
                e.add(prices, part, "Database replica", hours, db);
                e.add(
                    prices,
                    part,
                    "Replica storage",
                    w.db_gb as f64,
                    storage_key(db),
                );
            }
            e.add(
                prices,
                part,
                "Copies of the other data",
                w.data_gb as f64,
                "ebs-snapshot-gb-month",
            );
            e.add(
                prices,
                part,
                "Replication traffic to the Region",
                monthly_change,
                "transfer-inter-region-gb",
            );
            let (instances, what) = match region {
                "pilot-light" => (0.0, ""),
                "warm-standby" => (
                    ((n * w.standby_percent as f64) / 100.0).ceil().max(1.0),
                    "Standby application instances",
                ),
                _ => (n, "Application instances serving"),
            };
            if instances > 0.0 {
                e.add(prices, part, what, instances * hours, &w.instance_price);
                e.add(prices, part, "Load balancer", hours, "alb-hour");
            }
            let checks = if region == "multi-site-active-active" {
                2.0
            } else {
                1.0
            };
            e.add(
                prices,
                part,
                "Route 53 health checks",
                checks,
                "route53-health-check-aws-month",
            );
        }
        other => e.unpriced.push(format!(
            "OpsDeck has no cost model for {other:?} in the recovery Region"
        )),
    }
    e
}
