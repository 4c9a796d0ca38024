//! Termination signals (SIGTERM, SIGINT): the window is asked to close cleanly, saving what
//! the user typed, instead of being killed mid-sentence.

/// Calls `on_terminate` (from another thread) on the first SIGTERM or SIGINT; a second one
/// ends the process at once, in case the first could not be handled.
pub fn on_terminate(on_terminate: impl Fn() + Send + 'static) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT])?;
        std::thread::Builder::new()
            .name("opsdeck-signals".to_owned())
            .spawn(move || {
                let mut seen = 0;
                for _ in signals.forever() {
                    seen += 1;
                    if seen == 1 {
                        on_terminate();
                    } else {
                        std::process::exit(130);
                    }
                }
            })?;
    }
    #[cfg(not(unix))]
    let _ = on_terminate;
    Ok(())
}
