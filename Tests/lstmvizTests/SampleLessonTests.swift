import Foundation
import Testing

/// The predictions `trace --format json` gives for each sequence of `lesson`, by name.
func predictions(_ lesson: String) throws -> [String: [Double]] {
  let outcome = try lstmviz(["trace", "--format", "json", lesson])
  #expect(outcome.status == 0, "\(outcome.stderr)")
  let object = try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any]
  var result: [String: [Double]] = [:]
  for sequence in object?["sequences"] as? [[String: Any]] ?? [] {
    result[sequence["name"] as? String ?? ""] = sequence["prediction"] as? [Double]
  }
  return result
}

@Suite struct SampleLessonTests {
  static let samples = [
    "statquest", "statquest-untrained", "long-memory", "forgetful", "vector-3x2", "forty-days",
  ]

  @Test(arguments: samples)
  func sampleLoadsAndTracesInEveryFormat(_ name: String) throws {
    let path = Support.packageRoot.appendingPathComponent("Samples/\(name).json").path
    for format in ["table", "csv", "json", "markdown"] {
      let outcome = try lstmviz(["trace", "--format", format, path])
      #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
      #expect(outcome.stderr.isEmpty)
      #expect(!outcome.stdout.isEmpty)
    }
  }

  @Test func everySampleIsDescribedInTheSamplesReadme() throws {
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("Samples/README.md"), encoding: .utf8)
    let files = try FileManager.default.contentsOfDirectory(
      atPath: Support.packageRoot.appendingPathComponent("Samples").path
    ).filter { $0.hasSuffix(".json") }
    #expect(Set(files) == Set(Self.samples.map { "\($0).json" }))
    for file in files { #expect(readme.contains("`\(file)`"), "\(file)") }
  }

  @Test func theLongMemoryKeepsTheSpikeAndTheForgetfulCellLosesIt() throws {
    let kept = try predictions("Samples/long-memory.json")
    let lost = try predictions("Samples/forgetful.json")
    #expect((kept["spike on day 1"]?[0] ?? 0) > 0.6)
    #expect(abs(kept["no spike"]?[0] ?? 1) < 1e-3)
    #expect(abs(lost["spike on day 1"]?[0] ?? 1) < 1e-3)
    #expect((lost["spike on day 20"]?[0] ?? 0) > 0.6)
  }

  @Test func theUntrainedSamplePredictsWhatItsDescriptionSays() throws {
    let path = "Samples/statquest-untrained.json"
    let found = try predictions(path)
    let lesson = try JSONSerialization.jsonObject(
      with: Data(contentsOf: Support.packageRoot.appendingPathComponent(path)))
    let description = (lesson as? [String: Any])?["description"] as? String ?? ""
    let a = String(format: "%.4f", found["Company A"]?[0] ?? .nan)
    let b = String(format: "%.4f", found["Company B"]?[0] ?? .nan)
    #expect(description.contains("It predicts \(a) for Company A and \(b) for Company B"))
  }
}
