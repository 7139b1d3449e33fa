import Foundation
import Testing

/// A file of `Tests/Fixtures/golden`.
func golden(_ name: String) -> String {
  Support.packageRoot.appendingPathComponent("Tests/Fixtures/golden/\(name)").path
}

/// Runs the built lstmviz with `arguments` in `directory`, as a user would.
func lstmviz(_ arguments: [String], in directory: URL = Support.packageRoot) throws
  -> Support.Outcome
{
  try Support.run(arguments, currentDirectory: directory)
}

extension Support.Outcome {
  /// stdout as bytes, for parsing JSON.
  var data: Data { Data(stdout.utf8) }
}

/// Expects lstmviz's refusal: exit 2, exactly one line on stderr that starts `lstmviz: ` and
/// holds each of `needles`, and nothing on stdout.
func expectRefusal(
  _ outcome: Support.Outcome, mentioning needles: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(outcome.status == 2, "exit status", sourceLocation: sourceLocation)
  #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)", sourceLocation: sourceLocation)
  let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(
    lines.count == 2 && lines[1].isEmpty, "one line on stderr: \(outcome.stderr)",
    sourceLocation: sourceLocation)
  #expect(
    outcome.stderr.hasPrefix("lstmviz: "), "\(outcome.stderr)", sourceLocation: sourceLocation)
  for needle in needles {
    #expect(
      outcome.stderr.contains(needle), "\(needle.debugDescription) in \(outcome.stderr)",
      sourceLocation: sourceLocation)
  }
}
