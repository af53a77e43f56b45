"""Keeping the archive's files and records safe over time: BagIt export and import (`bag`),
re-hashing every stored file (`fixity`), and the XMP packets written into downloads and read
back by tests and the seed (`xmp`)."""
