//! `lectern-appimage --binary PATH --out PATH`: Lectern's AppImage.
//!
//! The AppDir holds the binary (`usr/bin/lectern`, run by `AppRun`), Lectern's own desktop
//! entry and icon at its top (as AppImage tools look for them), and the metainfo and the icons
//! at their usual places under `usr/share`, all from `packaging/`. The application id is the
//! one the window, the desktop entry and the metainfo use.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

const APP_ID: &str = "org.lectern.Lectern";
const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

fn main() -> anyhow::Result<()> {
    let (binary, out) = arguments()?;
    let packaging = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("the helper lives in packaging/")?
        .to_path_buf();
    let build = out.with_extension("build");
    std::fs::create_dir_all(&build)?;
    let image = appimage::AppImage::new(&build, APP_ID.to_owned())?;
    image.add_file(&binary, Path::new("usr/bin/lectern"))?;
    std::os::unix::fs::symlink("usr/bin/lectern", image.appdir().join("AppRun"))?;
    let desktop = packaging.join(format!("{APP_ID}.desktop"));
    image.add_file(&desktop, Path::new(&format!("{APP_ID}.desktop")))?;
    image.add_file(
        &desktop,
        Path::new(&format!("usr/share/applications/{APP_ID}.desktop")),
    )?;
    let metainfo = packaging.join(format!("{APP_ID}.metainfo.xml"));
    image.add_file(
        &metainfo,
        Path::new(&format!("usr/share/metainfo/{APP_ID}.metainfo.xml")),
    )?;
    for size in ICON_SIZES {
        let icon = format!("icons/hicolor/{size}x{size}/apps/{APP_ID}.png");
        image.add_file(
            &packaging.join(&icon),
            Path::new(&format!("usr/share/{icon}")),
        )?;
    }
    image.add_icon(&packaging.join(format!("icons/hicolor/256x256/apps/{APP_ID}.png")))?;
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    image.build(&out, None)?;
    std::fs::remove_dir_all(&build)?;
    println!("{}", out.display());
    Ok(())
}

/// `--binary PATH --out PATH`.
fn arguments() -> anyhow::Result<(PathBuf, PathBuf)> {
    let mut args = std::env::args().skip(1);
    let (mut binary, mut out) = (None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--binary" => binary = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            other => bail!("unknown argument {other} (use --binary PATH --out PATH)"),
        }
    }
    let binary = binary.context("--binary PATH is needed")?;
    if !binary.is_file() {
        bail!("{} is not a built Lectern", binary.display());
    }
    Ok((binary, out.context("--out PATH is needed")?))
}
