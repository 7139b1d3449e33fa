import Foundation
import Testing

/// The golden cases, each with the command-line arguments that trace it.
func goldenCases() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: golden(""))
    .filter { $0.hasSuffix(".trace.json") }
    .map { String($0.dropLast(".trace.json".count)) }
    .sorted()
}

/// `trace --format json` arguments for golden case `name`: its lesson, or its state_dict with
/// its sequences (the StatQuest sequences when it has none).
func traceArguments(_ name: String) -> [String] {
  let manager = FileManager.default
  if manager.fileExists(atPath: golden("\(name).lesson.json")) {
    return ["trace", "--format", "json", golden("\(name).lesson.json")]
  }
  var arguments = ["trace", "--format", "json", "--model", golden("\(name).state_dict.json")]
  if manager.fileExists(atPath: golden("\(name).sequences.json")) {
    arguments += ["--sequences", golden("\(name).sequences.json")]
  }
  return arguments
}

/// Expects `actual` to hold everything `expected` holds: numbers within 1e-9, the rest equal.
func expectContains(
  _ actual: Any?, _ expected: Any, at path: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  switch expected {
  case let object as [String: Any]:
    guard let actual = actual as? [String: Any] else {
      Issue.record("\(path): expected an object", sourceLocation: sourceLocation)
      return
    }
    for (key, value) in object {
      expectContains(actual[key], value, at: "\(path).\(key)", sourceLocation: sourceLocation)
    }
  case let array as [Any]:
    guard let actual = actual as? [Any], actual.count == array.count else {
      Issue.record("\(path): expected a list of \(array.count)", sourceLocation: sourceLocation)
      return
    }
    for (k, value) in array.enumerated() {
      expectContains(actual[k], value, at: "\(path)[\(k)]", sourceLocation: sourceLocation)
    }
  case let string as String:
    #expect(actual as? String == string, "\(path)", sourceLocation: sourceLocation)
  case let number as NSNumber:
    guard let actual = actual as? NSNumber else {
      Issue.record("\(path): expected a number", sourceLocation: sourceLocation)
      return
    }
    #expect(
      abs(actual.doubleValue - number.doubleValue) <= 1e-9,
      "\(path): \(actual) vs \(number)", sourceLocation: sourceLocation)
  default:
    Issue.record("\(path): unexpected golden value \(expected)", sourceLocation: sourceLocation)
  }
}

@Suite struct GoldenTraceCLITests {
  @Test func everyGoldenCaseIsCovered() throws {
    #expect(try goldenCases() == ["statquest", "torch-1x1", "torch-3x2"])
  }

  @Test(arguments: try goldenCases())
  func traceJSONReproducesGolden(_ name: String) throws {
    let outcome = try lstmviz(traceArguments(name))
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.isEmpty)
    let actual = try JSONSerialization.jsonObject(with: outcome.data)
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: golden("\(name).trace.json"))))
    expectContains(actual, expected, at: name)
    let title = (actual as? [String: Any])?["title"] as? String
    #expect(title?.isEmpty == false)
  }

  @Test func theDefaultLessonIsTheGoldenStatQuestLesson() throws {
    let builtIn = try lstmviz(["trace", "--format", "json"])
    let fromFile = try lstmviz(traceArguments("statquest"))
    #expect(builtIn.status == 0)
    #expect(builtIn.stdout == fromFile.stdout)
  }

  @Test func sampleFileIsTheGoldenLesson() throws {
    let sample = try Data(
      contentsOf: Support.packageRoot.appendingPathComponent("Samples/statquest.json"))
    let lesson = try Data(contentsOf: URL(fileURLWithPath: golden("statquest.lesson.json")))
    #expect(sample == lesson)
  }
}
