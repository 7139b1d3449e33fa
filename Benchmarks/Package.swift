// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "lstmviz-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "lstmviz", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .target(
      name: "BenchmarkSupport",
      dependencies: [.product(name: "LSTMCore", package: "lstmviz")]
    ),
    .executableTarget(
      name: "StepBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        "BenchmarkSupport",
        .product(name: "LSTMCore", package: "lstmviz"),
      ],
      path: "Benchmarks/StepBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "KeyPressBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        "BenchmarkSupport",
        .product(name: "LSTMCore", package: "lstmviz"),
        .product(name: "LSTMViewModel", package: "lstmviz"),
        .product(name: "LSTMTerminal", package: "lstmviz"),
      ],
      path: "Benchmarks/KeyPressBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "LoadBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        "BenchmarkSupport",
        .product(name: "LSTMCore", package: "lstmviz"),
        .product(name: "LSTMViewModel", package: "lstmviz"),
        .product(name: "LSTMTerminal", package: "lstmviz"),
      ],
      path: "Benchmarks/LoadBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
