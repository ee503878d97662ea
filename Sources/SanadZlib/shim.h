// zlib for the synchronisation bundles (Sources/SanadStore/Sync/SyncDeflate.swift); Debian's zlib1g-dev.
#include <zlib.h>
