// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "migplan",
  products: [
    .executable(name: "migplan", targets: ["migplan"]),
    // libFuzzer target over the parser, TOML and every command but the live ones (Scripts/fuzz.sh).
    .executable(name: "migplan-fuzz", targets: ["migplan-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "MigplanSyntax"),
    .target(name: "MigplanModel", dependencies: ["MigplanSyntax"]),
    .target(name: "MigplanSQL", dependencies: ["MigplanModel"]),
    .target(name: "MigplanRules", dependencies: ["MigplanModel", "MigplanSQL"]),
    // libpq through pkg-config; MigplanPostgres is the only code that touches it.
    .target(
      name: "MigplanPlanner",
      dependencies: ["MigplanSyntax", "MigplanModel", "MigplanSQL", "MigplanRules"]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .target(name: "MigplanPostgres", dependencies: ["CLibPQ", "MigplanSyntax"]),
    .target(name: "MigplanTestSupport", dependencies: ["MigplanSyntax", "MigplanModel"]),
    .executableTarget(
      name: "migplan",
      dependencies: [
        "MigplanSyntax",
        "MigplanModel",
        "MigplanSQL",
        "MigplanRules",
        "MigplanPlanner",
        "MigplanPostgres",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "migplan-fuzz",
      dependencies: [
        "MigplanSyntax", "MigplanModel", "MigplanSQL", "MigplanRules", "MigplanPlanner",
      ]),
    .testTarget(
      name: "MigplanSyntaxTests", dependencies: ["MigplanSyntax", "MigplanTestSupport"]),
    .testTarget(
      name: "MigplanModelTests",
      dependencies: ["MigplanModel", "MigplanSyntax", "MigplanTestSupport"]),
    .testTarget(name: "MigplanCLITests", dependencies: ["MigplanTestSupport"]),
    .testTarget(
      name: "MigplanSQLTests", dependencies: ["MigplanSQL", "MigplanModel", "MigplanTestSupport"]),
    .testTarget(
      name: "MigplanRulesTests",
      dependencies: ["MigplanRules", "MigplanModel", "MigplanSQL", "MigplanTestSupport"]),
    .testTarget(
      name: "MigplanPlannerTests",
      dependencies: [
        "MigplanPlanner", "MigplanModel", "MigplanSQL", "MigplanPostgres", "MigplanTestSupport",
      ]),
    .testTarget(
      name: "MigplanPostgresTests",
      dependencies: ["MigplanPostgres", "MigplanSQL", "MigplanModel", "MigplanTestSupport"]),
  ]
)
