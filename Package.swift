// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "migplan",
  products: [
    .executable(name: "migplan", targets: ["migplan"]),
    // libFuzzer target over the tokenizer and parser; build and run it with Scripts/fuzz.sh.
    .executable(name: "migplan-fuzz", targets: ["migplan-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "MigplanSyntax"),
    .target(name: "MigplanModel", dependencies: ["MigplanSyntax"]),
    .target(name: "MigplanTestSupport", dependencies: ["MigplanSyntax"]),
    .executableTarget(
      name: "migplan",
      dependencies: [
        "MigplanSyntax",
        "MigplanModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "migplan-fuzz", dependencies: ["MigplanSyntax"]),
    .testTarget(
      name: "MigplanSyntaxTests", dependencies: ["MigplanSyntax", "MigplanTestSupport"]),
    .testTarget(
      name: "MigplanModelTests",
      dependencies: ["MigplanModel", "MigplanSyntax", "MigplanTestSupport"]),
    .testTarget(name: "MigplanCLITests", dependencies: ["MigplanTestSupport"]),
  ]
)
