//! OpsDeck: an offline reference, decision wizards and cheat-sheets for the AWS DevOps
//! Engineer Professional material.
//!
//! [`model`] is pure and window-free; [`platform`] touches the file system; [`cli`] is the
//! command-line shell over the model; [`app`] and [`ui`] are the desktop window.

pub mod app;
pub mod cli;
pub mod model;
pub mod platform;
pub mod ui;
