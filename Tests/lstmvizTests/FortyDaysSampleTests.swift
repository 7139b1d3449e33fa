import Foundation
import Testing

/// `Samples/forty-days.json` says what its cells do; every number it states is recomputed here
/// through the CLI.
@Suite struct FortyDaysSampleTests {
  let path = Support.packageRoot.appendingPathComponent("Samples/forty-days.json").path

  /// The JSON trace of `options` on the sample.
  func trace(_ options: [String]) throws -> [String: Any] {
    let outcome = try lstmviz(["trace", "--format", "json", path] + options)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any] ?? [:]
  }

  /// Sequence `k`'s `key` (a list of one number) at step `t` (1-based) under `gradients`, or its
  /// prediction for `t` nil.
  func number(_ trace: [String: Any], sequence k: Int, t: Int?, _ key: String) -> Double {
    let sequence = (trace["sequences"] as? [[String: Any]])?[k]
    guard let t else { return (sequence?["prediction"] as? [Double])?.first ?? .nan }
    let step = (sequence?["steps"] as? [[String: Any]])?[t - 1]
    return ((step?["gradients"] as? [String: Any])?[key] as? [Double])?.first ?? .nan
  }

  /// ∏f from step 2 to the end, the CSV's `directPath` at t = 1, for sequence `name`.
  func directPath(_ name: String) throws -> Double {
    let outcome = try lstmviz(["trace", "--format", "csv", "--gradients", path])
    let row = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("\(name),1,1,") }
    return row.flatMap { Double(String($0.split(separator: ",").last ?? "")) } ?? .nan
  }

  @Test func everyNumberTheDescriptionStatesIsTrue() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let lesson = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let description = try #require(lesson?["description"] as? String)
    let lstm = try trace(["--gradients"])
    let rnn = try trace(["--cell", "rnn", "--gradients"])
    let fixed = { (value: Double, decimals: Int) in String(format: "%.\(decimals)f", value) }
    let scientific = { (value: Double) in String(format: "%.1e", value) }
    let claims: [(String, String)] = [
      (
        "predicts \(fixed(number(lstm, sequence: 0, t: nil, ""), 4)) for A",
        "predicts -0.0074 for A"
      ),
      ("and \(fixed(number(lstm, sequence: 1, t: nil, ""), 4)) for B", "and 0.9970 for B"),
      ("is \(fixed(try directPath("Company A"), 3)) for A", "is 0.853 for A"),
      ("and \(fixed(try directPath("Company B"), 3)) for B", "and 0.974 for B"),
      (
        "predicts \(fixed(number(rnn, sequence: 0, t: nil, ""), 4)) for both",
        "predicts -0.1987 for both"
      ),
      (
        "|dJ/dLTM| is \(fixed(abs(number(lstm, sequence: 0, t: 1, "ltm")), 2)) for A",
        "|dJ/dLTM| is 3.31 for A"
      ),
      ("and \(fixed(abs(number(lstm, sequence: 1, t: 1, "ltm")), 4)) for B", "and 0.0080 for B"),
      ("to \(scientific(abs(number(rnn, sequence: 0, t: 1, "stm")))) for A", "to 3.4e-55 for A"),
      ("and \(scientific(abs(number(rnn, sequence: 1, t: 1, "stm")))) for B", "and 3.1e-47 for B"),
      ("from \(fixed(number(rnn, sequence: 0, t: 44, "stm"), 0)) at t = 44", "from 1 at t = 44"),
    ]
    for (computed, stated) in claims {
      #expect(computed == stated)
      #expect(description.contains(stated), "\(stated)")
    }
    // The twin predicts the same for both companies, to the last digit: it has forgotten day 1.
    #expect(number(rnn, sequence: 0, t: nil, "") == number(rnn, sequence: 1, t: nil, ""))
    #expect(description.contains("40 quiet days"))
    let steps = ((lstm["sequences"] as? [[String: Any]])?.first?["steps"] as? [Any])?.count
    #expect(steps == 44)
  }
}
