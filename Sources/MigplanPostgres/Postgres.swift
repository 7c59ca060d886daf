import CLibPQ

/// The libpq client library's version, as `PQlibVersion` reports it (e.g. 150020).
public func libpqVersion() -> Int { Int(PQlibVersion()) }
