// The checker allocates many small strings per file; mimalloc roughly halves the time
// spent in the allocator compared with glibc's (measured with bench/check_10k.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(planc::cli::run(std::env::args_os()));
}
