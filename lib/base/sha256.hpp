// SHA-256 (OpenSSL libcrypto) as lower-case hex: rules hashes, input hashes,
// decision fingerprints and the decision log's hash chain.
#pragma once
#include <array>
#include <string>
#include <string_view>

namespace competition {

std::string sha256_hex(std::string_view data);

// The raw digest: for many short texts (the assignment's pair costs hash
// millions), without the hex text and with the algorithm fetched once.
std::array<unsigned char, 32> sha256_digest(std::string_view data);

// The same digest over data given in pieces: a national round's canonical CSV
// (hundreds of megabytes) is hashed as it is written, never held whole.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  // The hex digest of everything given so far; call once.
  std::string hex();

 private:
  void* ctx_;  // EVP_MD_CTX
};

}  // namespace competition
