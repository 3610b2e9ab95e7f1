// SHA256: SHA-256 from the system's libcrypto, for cache keys and the build-time code fingerprint.
