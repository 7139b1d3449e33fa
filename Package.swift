// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "lstmviz",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lstmviz", targets: ["lstmviz"]),
    .library(name: "LSTMCore", targets: ["LSTMCore"]),
    .library(name: "LSTMViewModel", targets: ["LSTMViewModel"]),
    .library(name: "LSTMTerminal", targets: ["LSTMTerminal"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "CLSTMKernels"),
    .target(name: "LSTMCore", dependencies: ["CLSTMKernels"], resources: []),
    .target(name: "LSTMViewModel", dependencies: ["LSTMCore"]),
    .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
    .target(name: "LSTMTerminal", dependencies: ["LSTMCore", "LSTMViewModel", "CNCurses"]),
    .executableTarget(
      name: "lstmviz",
      dependencies: [
        "LSTMCore", "LSTMViewModel", "LSTMTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "GoldenFixtures", path: "Tests/GoldenFixtures"),
    .testTarget(name: "LSTMCoreTests", dependencies: ["LSTMCore", "GoldenFixtures"]),
    .testTarget(name: "LSTMViewModelTests", dependencies: ["LSTMViewModel"]),
    .testTarget(
      name: "LSTMTerminalTests", dependencies: ["LSTMTerminal", "GoldenFixtures"],
      exclude: ["Snapshots"]),
    .testTarget(name: "lstmvizTests", dependencies: ["LSTMTerminal", "lstmviz"]),
  ],
  swiftLanguageModes: [.v6]
)
