//! `planc lsp`: the language server on stdin/stdout (the editor starts it).

use super::{Exit, Io};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Accepted for editors that pass it (VS Code's clients do); stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: Args, io: &mut Io) -> Exit {
    let (conn, threads) = lsp_server::Connection::stdio();
    let setup = crate::lsp::Setup { write_docs: true };
    let served = crate::lsp::serve(&conn, &setup);
    drop(conn);
    let joined = threads.join();
    match served
        .map_err(|e| e.to_string())
        .and(joined.map_err(|e| e.to_string()))
    {
        Ok(()) => Exit::Ok,
        Err(e) => {
            io.error(e);
            Exit::Trouble
        }
    }
}
