// The `competition` executable: everything happens in run_cli (app.cpp).
#include "app.hpp"

int main(int argc, char** argv) { return competition::cli::run_cli(argc, argv); }
