//! A cache of files known to check clean, so that a repeated `planc check` (CI on every
//! pull request, an editor on every save) skips files that have not changed.
//!
//! Only clean results are cached: a file with findings is always checked again (its
//! diagnostics quote the source). The key is a 128-bit XXH3 hash of planc's version,
//! the effective configuration and the file's bytes, so any change to any of them is a
//! miss. The cache is an optimisation: when it cannot be read or written, planc checks
//! everything and says nothing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::Xxh3;

use crate::config::Config;

/// Default cache directory, relative to the working directory.
pub const DEFAULT_DIR: &str = ".planc_cache";
const FILE: &str = "clean-v1.bin";

pub struct Cache {
    file: PathBuf,
    seed: u128,
    known: HashSet<u128>,
    clean: Mutex<Vec<u128>>,
}

impl Cache {
    /// Opens (or starts) the cache in `dir` for this configuration.
    pub fn open(dir: &Path, config: &Config) -> Cache {
        let file = dir.join(FILE);
        let known = std::fs::read(&file)
            .map(|bytes| {
                bytes
                    .chunks_exact(16)
                    .map(|c| u128::from_le_bytes(c.try_into().unwrap_or([0; 16])))
                    .collect()
            })
            .unwrap_or_default();
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(format!("{:?}", (&config.levels, config.tolerance)).as_bytes());
        Cache {
            file,
            seed: h.digest128(),
            known,
            clean: Mutex::new(Vec::new()),
        }
    }

    pub fn key(&self, bytes: &[u8]) -> u128 {
        let mut h = Xxh3::new();
        h.update(&self.seed.to_le_bytes());
        h.update(bytes);
        h.digest128()
    }

    pub fn is_clean(&self, key: u128) -> bool {
        self.known.contains(&key)
    }

    pub fn record_clean(&self, key: u128) {
        if let Ok(mut v) = self.clean.lock() {
            v.push(key);
        }
    }

    /// Writes the keys of this run's clean files (entries for files not seen this run
    /// are dropped, so the cache does not grow without bound).
    pub fn save(self) {
        let Ok(mut keys) = self.clean.into_inner() else {
            return;
        };
        keys.sort_unstable();
        keys.dedup();
        let Some(dir) = self.file.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(ignore, "# Created by planc.\n*\n");
        }
        let bytes: Vec<u8> = keys.iter().flat_map(|k| k.to_le_bytes()).collect();
        let _ = crate::source::write::write_atomic(&self.file, &bytes);
    }
}
