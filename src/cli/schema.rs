use std::path::PathBuf;

use super::{Exit, Io};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The schema of actuals files (`*.actuals.yaml`) instead of plan files.
    #[arg(long)]
    pub actuals: bool,
    /// Write the schema to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    // Field descriptions in the chosen language (`--lang`, else the environment's).
    let lang = io.lang.ui();
    let schema = if args.actuals {
        let mut v = crate::actuals::schema();
        crate::i18n::schema::translate(&mut v, lang);
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    } else {
        crate::schema::generate_pretty_in(lang)
    };
    match args.output {
        Some(path) => match super::write_atomic(&path, schema.as_bytes()) {
            Ok(()) => Exit::Ok,
            Err(e) => {
                io.error(crate::t!(
                    "cli-cannot-write",
                    path = crate::source::display_path(&path),
                    reason = crate::source::io_reason(&e)
                ));
                Exit::Trouble
            }
        },
        None => {
            let _ = io.stdout.write_all(schema.as_bytes());
            Exit::Ok
        }
    }
}
