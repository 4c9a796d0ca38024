//! Writing a file so that a crash, a kill or a planted link never leaves it torn or points
//! the write somewhere else.

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// How a newly created file may be read by others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Only the owner (user data).
    Private,
    /// Everyone may read it (exports the user shares or opens in other programs).
    Shared,
}

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file with a random name, created exclusively in the target's
/// directory (so a planted file or link under a predictable name is never opened), synced to
/// disk, then renamed over the target, and the directory is synced so the rename survives a
/// power cut. A crash leaves the old file or the new one, never a torn one; a failure leaves
/// no temporary file behind. When `path` is a symbolic link, its target is replaced (the link
/// stays a link), as a shell's `>` would write through it. An existing file keeps its
/// permissions; a new one gets `access`.
pub fn write_atomic(path: &Path, bytes: &[u8], access: Access) -> std::io::Result<()> {
    let target = resolve_links(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| OsString::from("file"), OsString::from);
    let mut prefix = OsString::from(".");
    prefix.push(&name);
    prefix.push(".");
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    let permissions = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => new_file_permissions(access),
    };
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The suffix of every temporary file [`write_atomic`] creates.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The final target of a chain of symbolic links (the path itself when it is not a link).
/// A dangling link resolves to where it points, so the write creates that file.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "{} is a chain of more than 40 symbolic links",
        path.display()
    )))
}

#[cfg(unix)]
fn new_file_permissions(access: Access) -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(match access {
        Access::Private => 0o600,
        Access::Shared => 0o644,
    }))
}

#[cfg(not(unix))]
fn new_file_permissions(_access: Access) -> Option<std::fs::Permissions> {
    None
}

/// Syncs a directory so a rename in it is durable. Best effort: not every platform or file
/// system can open a directory.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"one", Access::Shared).unwrap();
        write_atomic(&path, b"two", Access::Shared).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_link_and_keeps_it_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomic(&link, b"new", Access::Private).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn new_private_files_are_private_and_existing_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.ron");
        write_atomic(&path, b"x", Access::Private).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y", Access::Private).unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}
