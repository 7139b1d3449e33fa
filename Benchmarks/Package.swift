// swift-tools-version: 6.1
import PackageDescription

/// A benchmark target `name` in `Benchmarks/NAME`, on the harness and these lstmviz modules.
func benchmark(_ name: String, using modules: [String]) -> Target {
  .executableTarget(
    name: name,
    dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkSupport"]
      + modules.map { .product(name: $0, package: "lstmviz") },
    path: "Benchmarks/\(name)",
    plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
  )
}

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
    benchmark("StepBenchmarks", using: ["LSTMCore", "LSTMFiles"]),
    benchmark(
      "KeyPressBenchmarks", using: ["LSTMCore", "LSTMFiles", "LSTMViewModel", "LSTMScreen"]),
    benchmark("LoadBenchmarks", using: ["LSTMCore", "LSTMFiles", "LSTMViewModel", "LSTMScreen"]),
    benchmark("GradientBenchmarks", using: ["LSTMCore", "LSTMFiles"]),
    benchmark("TrainingBenchmarks", using: ["LSTMCore", "LSTMFiles"]),
    benchmark(
      "EditBenchmarks", using: ["LSTMCore", "LSTMFiles", "LSTMViewModel", "LSTMScreen"]),
  ],
  swiftLanguageModes: [.v6]
)
