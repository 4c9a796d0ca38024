//! One file per view of the desktop window.
