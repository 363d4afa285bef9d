//! `planc actuals …`: what finance needs to send actuals planc reads right.

use std::path::PathBuf;

use super::{Exit, Io};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: ActualsCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum ActualsCommand {
    /// Write the workbook (or CSV) planc reads best for a plan: one row per item the plan
    /// breaks its targets down by, one column per month, the header locked and the
    /// figure cells numbers only; filled in, it is read back with no finding.
    Template(TemplateArgs),
}

#[derive(clap::Args, Debug)]
pub struct TemplateArgs {
    /// The plan the actuals are for.
    pub plan: PathBuf,
    /// Where to write [default: `<plan id>.actuals.xlsx` (or `.csv`) beside the plan].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `xlsx` (default) or `csv`.
    #[arg(long, value_enum, default_value_t = TemplateFormat::Xlsx)]
    pub format: TemplateFormat,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    Xlsx,
    Csv,
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    match args.command {
        ActualsCommand::Template(a) => template(a, io),
    }
}

fn template(args: TemplateArgs, io: &mut Io) -> Exit {
    let dir = args.plan.parent().map(PathBuf::from).unwrap_or_default();
    let config = match super::config_for(None, &dir, io) {
        Ok(c) => c,
        Err(e) => {
            io.error(e);
            return Exit::Trouble;
        }
    };
    let (report, plan) = crate::load::check_path_with_plan(&args.plan, &config);
    let Some(plan) = plan else {
        let text = crate::diagnostics::human::render(&[report], &Default::default());
        let _ = io.stderr.write_all(text.as_bytes());
        io.error(crate::t!(
            "actuals-template-no-plan",
            path = crate::source::display_path(&args.plan)
        ));
        return Exit::Trouble;
    };
    let table = crate::actuals::template::table(&plan);
    let (bytes, ext) = match args.format {
        TemplateFormat::Csv => (crate::actuals::template::csv(&table), "csv"),
        TemplateFormat::Xlsx => match crate::actuals::template::xlsx(&table) {
            Ok(b) => (b, "xlsx"),
            Err(e) => {
                io.error(e);
                return Exit::Trouble;
            }
        },
    };
    let out = args
        .output
        .unwrap_or_else(|| dir.join(format!("{}.actuals.{ext}", plan.id.value)));
    if out.exists() && !args.force {
        io.error(crate::t!(
            "actuals-template-exists",
            path = crate::source::display_path(&out)
        ));
        return Exit::Trouble;
    }
    match super::write_atomic(&out, &bytes) {
        Ok(()) => {
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!(
                    "actuals-template-wrote",
                    path = crate::source::display_path(&out),
                    rows = table.rows.len()
                )
            );
            Exit::Ok
        }
        Err(e) => {
            io.error(crate::t!(
                "cli-cannot-write",
                path = crate::source::display_path(&out),
                reason = crate::source::io_reason(&e)
            ));
            Exit::Trouble
        }
    }
}
