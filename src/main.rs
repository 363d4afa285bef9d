fn main() {
    std::process::exit(planc::cli::run(std::env::args_os()));
}
