// swift-tools-version: 6.0
import PackageDescription

// The modules, in the one direction of flow (ARCHITECTURE.md):
// LSTMCore (maths) ← LSTMFiles (bytes → Lesson), LSTMViewModel (State, Action, reduce)
// ← LSTMScreen (everything pure that produces output) ← LSTMTerminal (the I/O edge, ncurses)
// ← lstmviz (the commands).
let package = Package(
  name: "lstmviz",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lstmviz", targets: ["lstmviz"]),
    .library(name: "LSTMCore", targets: ["LSTMCore"]),
    .library(name: "LSTMFiles", targets: ["LSTMFiles"]),
    .library(name: "LSTMViewModel", targets: ["LSTMViewModel"]),
    .library(name: "LSTMScreen", targets: ["LSTMScreen"]),
    .library(name: "LSTMTerminal", targets: ["LSTMTerminal"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(name: "CLSTMKernels"),
    .target(name: "LSTMCore", dependencies: ["CLSTMKernels"]),
    .target(
      name: "LSTMFiles",
      dependencies: ["LSTMCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(name: "LSTMViewModel", dependencies: ["LSTMCore"]),
    .target(name: "LSTMScreen", dependencies: ["LSTMCore", "LSTMFiles", "LSTMViewModel"]),
    .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
    .target(name: "LSTMTerminal", dependencies: ["LSTMScreen", "LSTMViewModel", "CNCurses"]),
    .executableTarget(
      name: "lstmviz",
      dependencies: [
        "LSTMCore", "LSTMFiles", "LSTMViewModel", "LSTMScreen", "LSTMTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "GoldenFixtures", dependencies: ["LSTMCore"], path: "Tests/GoldenFixtures"),
    .target(name: "LessonFixtures", dependencies: ["LSTMFiles"], path: "Tests/LessonFixtures"),
    .testTarget(name: "LSTMCoreTests", dependencies: ["LSTMCore", "GoldenFixtures"]),
    .testTarget(
      name: "LSTMFilesTests", dependencies: ["LSTMFiles", "GoldenFixtures", "LessonFixtures"]),
    .testTarget(name: "LSTMViewModelTests", dependencies: ["LSTMViewModel", "LSTMFiles"]),
    .testTarget(
      name: "LSTMScreenTests",
      dependencies: ["LSTMScreen", "LSTMFiles", "GoldenFixtures", "LessonFixtures"],
      exclude: ["Snapshots"]),
    .testTarget(name: "LSTMTerminalTests", dependencies: ["LSTMTerminal", "LSTMScreen"]),
    .testTarget(name: "lstmvizTests", dependencies: ["LSTMScreen", "LSTMTerminal", "lstmviz"]),
  ],
  swiftLanguageModes: [.v6]
)
