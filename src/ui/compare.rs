//! The compare view: pick strategies, see them side by side, watch each deployment step by
//! step (stage diagrams) and overlaid on a chart of capacity and traffic.

use egui::{Color32, RichText};
use egui_plot::{Line, Plot, PlotPoints};

use crate::model::KnowledgeBase;
use crate::model::compare::{Comparison, compare};
use crate::model::schema::Kind;
use crate::model::simulate::{Simulation, Step, simulate_entry, simulated};
use crate::ui::command::Command;
use crate::ui::theme;

/// The presets offered above the pickers: each family's presets from the data, then every
/// strategy of each family.
pub fn presets(kb: &KnowledgeBase) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    for family in kb.families() {
        for p in &family.presets {
            out.push((p.label.clone(), p.help.clone(), p.ids.clone()));
        }
    }
    for family in kb.families() {
        let all: Vec<String> = kb
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Strategy && e.family.as_deref() == Some(&family.key))
            .map(|e| e.id.clone())
            .collect();
        if !out.iter().any(|(_, _, ids)| *ids == all) {
            out.push((
                format!("All {} strategies", family.label.to_lowercase()),
                format!(
                    "Every {} strategy in the knowledge base",
                    family.label.to_lowercase()
                ),
                all,
            ));
        }
    }
    out
}

/// The comparison a new user sees: the first preset of the first family.
pub fn default_ids(kb: &KnowledgeBase) -> Vec<String> {
    kb.families()
        .iter()
        .find_map(|f| f.presets.first())
        .map(|p| p.ids.clone())
        .unwrap_or_default()
}

/// What the compare view remembers (persisted with the app state).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CompareState {
    /// Entry ids of the columns, in order.
    pub ids: Vec<String>,
    /// Fleet size for the simulator.
    pub instances: u32,
    /// Batch size for the simulator.
    pub batch: u32,
    /// Minutes each simulated step takes, for the cost of a deployment.
    pub step_minutes: u64,
    /// Price key of one instance-hour, for the cost of a deployment.
    pub instance_price: String,
}

impl Default for CompareState {
    fn default() -> Self {
        // No columns yet: the app fills them with the data's default preset.
        CompareState {
            ids: Vec::new(),
            instances: 6,
            batch: 2,
            step_minutes: 10,
            instance_price: "ec2-m5-large-hour".to_owned(),
        }
    }
}

/// The compare view (its state is all in [`CompareState`]).
#[derive(Default)]
pub struct CompareView;

impl CompareView {
    /// Draws the pickers, the table, the diagrams and the chart.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        state: &mut CompareState,
    ) -> Option<Command> {
        let mut command = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.pickers_ui(ui, kb, state);
                ui.separator();
                let owned = state.ids.clone();
                let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
                match compare(kb, &ids) {
                    Ok(table) => {
                        if let Some(c) = export_ui(ui, &table) {
                            command = Some(c);
                        }
                        if let Some(c) = table_ui(ui, &table) {
                            command = Some(c);
                        }
                        let known = simulated(kb);
                        let simulated: Vec<&str> = ids
                            .iter()
                            .copied()
                            .filter(|id| known.contains(id))
                            .collect();
                        if !simulated.is_empty() {
                            ui.add_space(12.0);
                            simulation_ui(ui, kb, state, &simulated);
                        }
                    }
                    Err(e) => {
                        ui.add_space(12.0);
                        ui.label(RichText::new(e.to_string()).color(theme::muted(ui)));
                    }
                }
            });
        command
    }

    fn pickers_ui(&mut self, ui: &mut egui::Ui, kb: &KnowledgeBase, state: &mut CompareState) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Presets").strong());
            for (name, help, ids) in presets(kb) {
                let on = state.ids == ids;
                if ui.selectable_label(on, name).on_hover_text(help).clicked() {
                    state.ids = ids;
                }
            }
        });
        for f in kb.families() {
            let (family, title) = (f.key.as_str(), f.label.as_str());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title).color(theme::muted(ui)));
                for e in kb
                    .entries()
                    .iter()
                    .filter(|e| e.kind == Kind::Strategy && e.family.as_deref() == Some(family))
                {
                    let mut on = state.ids.contains(&e.id);
                    if ui.checkbox(&mut on, &e.title).changed() {
                        if on {
                            // Columns are compared within one family; picking another family
                            // starts a new comparison.
                            state.ids.retain(|id| {
                                kb.get(id).and_then(|x| x.family.as_deref()) == Some(family)
                            });
                            state.ids.push(e.id.clone());
                        } else {
                            state.ids.retain(|id| id != &e.id);
                        }
                    }
                }
            });
        }
    }
}

/// The buttons under the table: keep it on a sheet, copy it, save it.
fn export_ui(ui: &mut egui::Ui, table: &Comparison) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        if ui
            .button("Keep on my sheet")
            .on_hover_text("Add this comparison to the last cheat-sheet used")
            .clicked()
        {
            command = Some(Command::Attach(
                crate::model::sheets::Attachment::Comparison {
                    ids: table.ids.clone(),
                },
            ));
        }
        if ui.button("Copy as Markdown").clicked() {
            command = Some(Command::Copy(
                table.to_markdown(),
                "Copied the table as Markdown.".to_owned(),
            ));
        }
        if ui.button("Save as Markdown…").clicked() {
            command = Some(Command::SaveText {
                file_name: "comparison.md".to_owned(),
                kind: "Markdown".to_owned(),
                text: table.to_markdown(),
            });
        }
    });
    command
}

fn table_ui(ui: &mut egui::Ui, table: &Comparison) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    let best = theme::kind_color(Kind::Concept, dark);
    let cols = table.titles.len().max(1);
    let spacing = 10.0;
    // The row labels take a narrower column; the strategies share the rest, each at least
    // wide enough to read. When even that does not fit, the table scrolls sideways, and says so.
    let available = ui.available_width();
    let label_w = (available * 0.16).clamp(90.0, 170.0);
    let col_w = ((available - label_w - spacing * cols as f32) / cols as f32).clamp(92.0, 320.0);
    let needed = label_w + (col_w + spacing) * cols as f32;
    if needed > available + 1.0 {
        ui.label(
            RichText::new(format!(
                "{cols} columns: scroll sideways to see them all, or widen the window"
            ))
            .small()
            .color(theme::muted(ui)),
        );
    }
    egui::ScrollArea::horizontal()
        .id_salt("compare-table")
        .show(ui, |ui| {
            egui::Grid::new("compare-grid")
                .striped(true)
                .min_col_width(col_w)
                .max_col_width(col_w)
                .spacing([spacing, 6.0])
                .show(ui, |ui| {
                    ui.add_sized([label_w, 0.0], egui::Label::new(""));
                    for (id, title) in table.ids.iter().zip(&table.titles) {
                        if ui.link(RichText::new(title).strong()).clicked() {
                            command = Some(Command::Open(id.clone()));
                        }
                    }
                    ui.end_row();
                    for row in &table.rows {
                        let label = if row.differs {
                            RichText::new(format!("{} •", row.label)).strong()
                        } else {
                            RichText::new(&row.label).color(theme::muted(ui))
                        };
                        ui.add(egui::Label::new(label).wrap());
                        for cell in &row.cells {
                            let text = if cell.text.is_empty() {
                                "—"
                            } else {
                                cell.text.as_str()
                            };
                            let rich = if cell.best {
                                RichText::new(format!("✓ {text}")).color(best).strong()
                            } else {
                                RichText::new(text)
                            };
                            ui.add(egui::Label::new(rich).wrap());
                        }
                        ui.end_row();
                    }
                });
        });
    ui.label(
        RichText::new("✓ best value in its row · • the strategies differ in this row")
            .small()
            .color(theme::muted(ui)),
    );
    command
}

/// Colours of the instance states in the stage diagram.
struct Palette {
    old: Color32,
    new: Color32,
    updating: Color32,
    launching: Color32,
    terminating: Color32,
}

fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            old: Color32::from_rgb(100, 116, 139),
            new: Color32::from_rgb(52, 211, 153),
            updating: Color32::from_rgb(251, 191, 36),
            launching: Color32::from_rgb(96, 165, 250),
            terminating: Color32::from_rgb(248, 113, 113),
        }
    } else {
        Palette {
            old: Color32::from_rgb(148, 163, 184),
            new: Color32::from_rgb(5, 150, 105),
            updating: Color32::from_rgb(217, 119, 6),
            launching: Color32::from_rgb(37, 99, 235),
            terminating: Color32::from_rgb(220, 38, 38),
        }
    }
}

fn simulation_ui(ui: &mut egui::Ui, kb: &KnowledgeBase, state: &mut CompareState, ids: &[&str]) {
    ui.label(RichText::new("Deployment simulator").size(17.0).strong());
    ui.horizontal(|ui| {
        let n = ui.label("Instances");
        ui.add(egui::Slider::new(&mut state.instances, 1..=30))
            .labelled_by(n.id);
        let b = ui.label("Batch size");
        let max = state.instances.max(1);
        state.batch = state.batch.clamp(1, max);
        ui.add(egui::Slider::new(&mut state.batch, 1..=max))
            .labelled_by(b.id);
    });
    let sims: Vec<(String, Simulation)> = ids
        .iter()
        .filter_map(|id| {
            let title = kb.get(id).map_or(*id, |e| e.title.as_str()).to_owned();
            simulate_entry(kb, id, state.instances, state.batch)
                .ok()
                .map(|s| (title, s))
        })
        .collect();
    let dark = ui.visuals().dark_mode;
    let colors = [
        theme::kind_color(Kind::Service, dark),
        theme::kind_color(Kind::Strategy, dark),
        theme::kind_color(Kind::Concept, dark),
        theme::kind_color(Kind::Limit, dark),
        theme::kind_color(Kind::Feature, dark),
        Color32::from_rgb(45, 212, 191),
        Color32::from_rgb(234, 88, 12),
        Color32::from_rgb(132, 204, 22),
        Color32::GRAY,
    ];
    // One legend for both charts, above them, so it never covers a curve.
    ui.horizontal_wrapped(|ui| {
        for (i, (name, _)) in sims.iter().enumerate() {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            ui.painter().line_segment(
                [rect.left_center(), rect.right_center()],
                egui::Stroke::new(3.0, colors[i % colors.len()]),
            );
            ui.label(RichText::new(name).small());
            ui.add_space(8.0);
        }
    });
    ui.columns(2, |cols| {
        cols[0].vertical(|ui| {
            chart_ui(
                ui,
                "capacity",
                "Instances in service",
                &sims,
                &colors,
                |s| s.in_service as f64,
            );
        });
        cols[1].vertical(|ui| {
            chart_ui(
                ui,
                "traffic",
                "Traffic on the new version (%)",
                &sims,
                &colors,
                |s| s.traffic_new_pct as f64,
            );
        });
    });
    legend_ui(ui, &palette(dark));
    cost_ui(ui, kb, state, &sims);
    // Stage diagrams two to a row when there is room.
    let per_row = if ui.available_width() > 1000.0 { 2 } else { 1 };
    for pair in sims.chunks(per_row) {
        ui.add_space(8.0);
        ui.columns(per_row, |cols| {
            for ((title, sim), ui) in pair.iter().zip(cols.iter_mut()) {
                ui.vertical(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{title}: at least {} in service, up to {} instances",
                            sim.min_in_service, sim.peak_instances
                        ))
                        .strong(),
                    );
                    diagram_ui(ui, sim, &palette(dark));
                });
            }
        });
    }
}

/// What one deployment costs in instances beyond the fleet, priced from the price table.
fn cost_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    state: &mut CompareState,
    sims: &[(String, Simulation)],
) {
    use crate::model::plan::cost::{Prices, format_quantity, format_usd};
    use crate::model::plan::deploy::extra_instance_hours;
    ui.add_space(8.0);
    ui.label(RichText::new("Cost of one deployment").strong());
    let instance_prices: Vec<&crate::model::schema::Price> = kb
        .prices()
        .iter()
        .filter(|p| p.key.starts_with("ec2-"))
        .collect();
    ui.horizontal_wrapped(|ui| {
        let m = ui.label("Minutes per step");
        ui.add(egui::Slider::new(&mut state.step_minutes, 1..=60))
            .labelled_by(m.id);
        let shown = instance_prices
            .iter()
            .find(|p| p.key == state.instance_price)
            .map_or(state.instance_price.clone(), |p| p.label.clone());
        let t = ui.label("Instance type");
        egui::ComboBox::from_id_salt("compare-instance-price")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for p in &instance_prices {
                    ui.selectable_value(&mut state.instance_price, p.key.clone(), &p.label);
                }
            })
            .response
            .labelled_by(t.id);
    });
    let price = Prices::new(kb.prices()).get(&state.instance_price);
    let dark = ui.visuals().dark_mode;
    egui::Grid::new("compare-costs")
        .num_columns(3)
        .striped(true)
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            for h in ["Strategy", "Extra instance-hours", "Cost"] {
                ui.label(RichText::new(h).small().color(theme::muted(ui)));
            }
            ui.end_row();
            for (title, sim) in sims {
                let hours = extra_instance_hours(sim, state.instances, state.step_minutes);
                ui.label(title);
                ui.label(format_quantity(hours));
                match &price {
                    Some(p) if p.unverified.is_some() => {
                        ui.colored_label(
                            theme::status_color(crate::model::schema::Lifecycle::ClosedToNew, dark),
                            format_usd(hours * p.usd),
                        )
                        .on_hover_text("The instance price is unverified");
                    }
                    Some(p) => {
                        ui.label(format_usd(hours * p.usd));
                    }
                    None => {
                        ui.label("not priced");
                    }
                }
                ui.end_row();
            }
        });
    if let Some(why) = price.as_ref().and_then(|p| p.unverified.as_ref()) {
        ui.label(
            RichText::new(format!("Orange: the instance price is unverified ({why})."))
                .small()
                .color(theme::muted(ui)),
        );
    }
}

fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    sims: &[(String, Simulation)],
    colors: &[Color32],
    value: impl Fn(&Step) -> f64,
) {
    ui.label(RichText::new(title).color(theme::muted(ui)));
    let top = sims
        .iter()
        .flat_map(|(_, s)| s.steps.iter().map(&value))
        .fold(1.0, f64::max);
    Plot::new(format!("compare-{id}"))
        .height(190.0)
        // Head room above the curves keeps the legend off them.
        .include_y(0.0)
        .include_y(top * 1.1)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("step")
        .show(ui, |plot| {
            for (i, (name, sim)) in sims.iter().enumerate() {
                let points: Vec<[f64; 2]> = sim
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(x, s)| [x as f64, value(s)])
                    .collect();
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(points))
                        .color(colors[i % colors.len()])
                        .width(2.0),
                );
            }
        });
}

fn legend_ui(ui: &mut egui::Ui, p: &Palette) {
    ui.horizontal_wrapped(|ui| {
        for (label, color, filled) in [
            ("old version", p.old, true),
            ("new version", p.new, true),
            ("updating in place", p.updating, true),
            ("launching", p.launching, false),
            ("terminating", p.terminating, false),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            paint_box(ui, rect, color, filled);
            ui.label(RichText::new(label).small());
            ui.add_space(6.0);
        }
    });
}

fn paint_box(ui: &egui::Ui, rect: egui::Rect, color: Color32, filled: bool) {
    if filled {
        ui.painter().rect_filled(rect, 2.0, color);
    } else {
        ui.painter().rect_stroke(
            rect.shrink(0.75),
            2.0,
            egui::Stroke::new(1.5, color),
            egui::StrokeKind::Inside,
        );
    }
}

/// One row per step: the instances as small boxes coloured by state.
fn diagram_ui(ui: &mut egui::Ui, sim: &Simulation, p: &Palette) {
    let size = 11.0;
    let gap = 2.0;
    for (i, step) in sim.steps.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{i:>2}")).monospace().small().color(theme::muted(ui)));
            let total = step.total();
            let width = total as f32 * (size + gap);
            let (rect, response) = ui.allocate_exact_size(egui::vec2(width.max(size), size), egui::Sense::hover());
            let mut x = rect.left();
            let mut draw = |count: u32, color: Color32, filled: bool| {
                for _ in 0..count {
                    let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(size, size));
                    paint_box(ui, r, color, filled);
                    x += size + gap;
                }
            };
            draw(step.old, p.old, true);
            draw(step.updating, p.updating, true);
            draw(step.new, p.new, true);
            draw(step.launching, p.launching, false);
            draw(step.terminating, p.terminating, false);
            response.on_hover_text(format!(
                "{} in service · {} old · {} new · {} updating · {} launching · {} terminating · {}% traffic on new",
                step.in_service, step.old, step.new, step.updating, step.launching, step.terminating, step.traffic_new_pct
            ));
            ui.label(RichText::new(&step.description).small().color(theme::muted(ui)));
        });
    }
}
