// SHA-256 (OpenSSL libcrypto) as lower-case hex: rules hashes, input hashes,
// decision fingerprints and the decision log's hash chain.
#pragma once
#include <string>
#include <string_view>

namespace competition {

std::string sha256_hex(std::string_view data);

}  // namespace competition
