//! Which instruction set the kernels use: detected once, or forced by `WORKBOOK_SIMD`.

use crate::{Kernel, Portable};
use std::sync::OnceLock;

/// The environment variable that forces a level: `portable`, `avx2` or `avx512`; unset or
/// `auto` for the widest this CPU has.
pub const ENV: &str = "WORKBOOK_SIMD";

/// An instruction set this CPU has. The only ways to get one ([`Level::detect`],
/// [`Level::available`], [`Level::named`], [`level`]) check the CPU, so holding a `Level` is the
/// proof that its instructions may run; [`Level::run`] relies on that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

/// Every level, narrowest first, as `WORKBOOK_SIMD` names them.
const NAMES: &[&str] = &["portable", "avx2", "avx512"];

impl Level {
    /// The portable path, which every CPU the build runs on has.
    pub const PORTABLE: Level = Level(Kind::Portable);

    // ANCHOR: available
    /// Every level this CPU has, narrowest first: the portable one always.
    pub fn available() -> Vec<Level> {
        let mut levels = vec![Level::PORTABLE];
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                levels.push(Level(Kind::Avx2));
            }
            if is_x86_feature_detected!("avx512f") {
                levels.push(Level(Kind::Avx512));
            }
        }
        levels
    }
    // ANCHOR_END: available

    /// The widest level this CPU has.
    pub fn detect() -> Level {
        *Level::available()
            .last()
            .expect("the portable level is always there")
    }

    /// The level called `name` (as [`ENV`] takes it; `auto` is the widest), if this CPU has it.
    pub fn named(name: &str) -> Result<Level, String> {
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() || name == "auto" {
            return Ok(Level::detect());
        }
        if !NAMES.contains(&name.as_str()) {
            return Err(format!(
                "{ENV}={name} names no instruction set: use one of auto, {}",
                NAMES.join(", ")
            ));
        }
        let available = Level::available();
        available
            .iter()
            .copied()
            .find(|l| l.name() == name)
            .ok_or_else(|| {
                let has: Vec<&str> = available.iter().map(|l| l.name()).collect();
                format!(
                    "{ENV}={name}: this CPU does not have it (it has {})",
                    has.join(", ")
                )
            })
    }

    /// The level [`ENV`] asks for, or the widest when it is unset.
    pub fn from_env() -> Result<Level, String> {
        match std::env::var(ENV) {
            Ok(name) => Level::named(&name),
            Err(std::env::VarError::NotPresent) => Ok(Level::detect()),
            Err(std::env::VarError::NotUnicode(_)) => Err(format!("{ENV} is not valid UTF-8")),
        }
    }

    /// As [`ENV`] names it: `portable`, `avx2`, `avx512`.
    pub fn name(self) -> &'static str {
        match self.0 {
            Kind::Portable => "portable",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2 => "avx2",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => "avx512",
        }
    }

    /// The instruction set, as `cargo workbook machine` names its rates: the portable path is
    /// whatever the build targets (SSE2 in a default x86-64 build).
    pub fn instructions(self) -> &'static str {
        match self.0 {
            Kind::Portable if cfg!(target_feature = "avx512f") => "AVX-512",
            Kind::Portable if cfg!(target_feature = "fma") => "AVX2+FMA",
            Kind::Portable if cfg!(target_arch = "x86_64") => "SSE2",
            Kind::Portable => "scalar",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2 => "AVX2+FMA",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => "AVX-512",
        }
    }

    /// f64 numbers per vector of the kernels at this level.
    pub fn lanes(self) -> usize {
        match self.0 {
            Kind::Portable => 4,
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2 => 4,
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => 8,
        }
    }

    // ANCHOR: run
    /// Runs `kernel` compiled for this level's instructions.
    #[inline]
    pub fn run<K: Kernel>(self, kernel: K) -> K::Output {
        match self.0 {
            Kind::Portable => kernel.run(Portable),
            // SAFETY: a Level of this kind exists only where `available` detected AVX2 and FMA.
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2 => unsafe { crate::x86::run_avx2(kernel) },
            // SAFETY: a Level of this kind exists only where `available` detected AVX-512F.
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => unsafe { crate::x86::run_avx512(kernel) },
        }
    }
    // ANCHOR_END: run
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name(), self.instructions())
    }
}

/// The level the kernels use in this process: [`Level::from_env`], read once. A program
/// checks `Level::from_env()` when it starts, so that a wrong `WORKBOOK_SIMD` is one line of
/// error there; here it panics with the same line.
pub fn level() -> Level {
    static LEVEL: OnceLock<Level> = OnceLock::new();
    *LEVEL.get_or_init(|| Level::from_env().unwrap_or_else(|e| panic!("{e}")))
}
