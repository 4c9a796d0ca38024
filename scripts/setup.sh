#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test OpsDeck: the Rust
# components used by CI, Mesa (OpenGL and Vulkan, software rendering), libxkbcommon for
# winit, Xvfb for windowed tests and screenshots, and poppler-utils (pdftotext, pdftoppm)
# for the PDF tests. Safe to run again: it installs only
# what is missing.
set -euo pipefail

packages=(libgl1-mesa-dri libegl1 libegl-mesa0 mesa-vulkan-drivers libvulkan1
          libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 xvfb xauth fonts-dejavu-core
          poppler-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if command -v rustup >/dev/null; then
    rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
