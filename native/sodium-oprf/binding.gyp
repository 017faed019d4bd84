{
  "targets": [
    {
      "target_name": "sodium_oprf",
      "sources": ["src/sodium_oprf.c"],
      "libraries": ["-lsodium"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O2", "-Wall", "-Wextra"] }
    }
  ]
}
