// The EVP digest interface: the low-level SHA256_Init family is deprecated in OpenSSL 3.
#include <openssl/evp.h>
