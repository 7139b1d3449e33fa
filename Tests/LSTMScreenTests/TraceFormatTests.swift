import Foundation
import GoldenFixtures
import LessonFixtures
import Testing

@testable import LSTMCore
@testable import LSTMFiles
@testable import LSTMScreen

/// The text `format` writes for `lesson`.
func traceText(_ lesson: Lesson, _ format: TraceFormat, precision: Int = 4) throws -> String {
  var bytes: [UInt8] = []
  let writer = ByteWriter(capacity: 100) { bytes.append(contentsOf: $0) }
  try format.write(lesson, precision: precision, to: writer)
  return String(decoding: bytes, as: UTF8.self)
}

@Suite struct TraceFormatTests {
  @Test func exactNumbersAreTheShortestRoundTrip() throws {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [
      0, -0.0, 1, 0.1, 1e-5, 1e16, 1e300, .leastNonzeroMagnitude, .infinity, -.infinity,
    ]
    for _ in 0..<20_000 {
      values.append(Double(bitPattern: generator.next()))
      values.append(Double.random(in: -3...3, using: &generator))
    }
    var bytes: [UInt8] = []
    let writer = ByteWriter(capacity: 64) { bytes.append(contentsOf: $0) }
    for value in values where !value.isNaN {
      try writer.write(exactly: value)
      try writer.write(byte: UInt8(ascii: "\n"))
    }
    try writer.flush()
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines == values.filter { !$0.isNaN }.map(\.description))
  }

  @Test func csvHasAHeaderAndARowPerStepPerUnit() throws {
    let lines = try traceText(Lesson.statQuest, .csv).split(separator: "\n")
    #expect(lines.count == 1 + 8)
    #expect(lines[0].hasPrefix("sequence,t,unit,input,stmIn,ltmIn,forget_x,forget_value,"))
    #expect(lines[0].split(separator: ",").count == lines[1].split(separator: ",").count)
    #expect(lines[8].hasPrefix("Company B,4,1,1.0,"))
    #expect(
      lines[4].hasSuffix(
        ",\(SequenceRun(model: Lesson.statQuest.model, sequence: Lesson.statQuest.sequences[0]).prediction[0])"
      ))
  }

  @Test func csvColumnsAreTheQuantitiesTheyName() throws {
    let files = [
      "m.json": try String(contentsOf: fixtureURL("torch-3x2.state_dict.json"), encoding: .utf8),
      "s.json": try String(contentsOf: fixtureURL("torch-3x2.sequences.json"), encoding: .utf8),
    ]
    let lesson = try load(LessonSources(model: "m.json", sequences: "s.json"), files: files)
    let lines = try traceText(lesson, .csv).split(separator: "\n")
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(
      header == ["sequence", "t", "unit", "input_1", "input_2"] + TraceQuantity.all.map(\.key))
    let run = SequenceRun(model: lesson.model, sequence: lesson.sequences[0])
    #expect(lines.count == 1 + run.count * 3)
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",").map(String.init)
      guard let t = Int(cells[1]), let unit = Int(cells[2]) else {
        Issue.record("bad row \(line)")
        continue
      }
      let step = run.step(at: t)
      let expected = step.input + TraceQuantity.all.map { $0.value(step, unit - 1) }
      #expect(cells.dropFirst(3).map { Double($0) } == expected)
    }
  }

  @Test func csvQuotesNamesThatNeedIt() {
    #expect(TraceCSV.cell("plain") == "plain")
    #expect(TraceCSV.cell("a,b") == "\"a,b\"")
    #expect(TraceCSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
  }

  @Test func tableShowsTheSeedsWordsAndThePrediction() throws {
    let text = try traceText(Lesson.statQuest, .table)
    #expect(text.contains("% of LTM to remember"))
    #expect(text.contains("% of potential STM retained"))
    #expect(text.contains("prediction (STM after t = 4): 0.0064    target: 0.0000"))
    #expect(text.contains("prediction (STM after t = 4): 0.9694    target: 1.0000"))
    #expect(text.contains("  σ(x): % of LTM to remember                 0.8348   0.8899"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= TraceTable.width })
  }

  @Test func tablePrecisionIsTheUsers() throws {
    let text = try traceText(Lesson.statQuest, .table, precision: 2)
    #expect(text.contains("prediction (STM after t = 4): 0.01    target: 0.00"))
  }

  @Test func markdownIsAHandout() throws {
    let text = try traceText(Lesson.statQuest, .markdown)
    #expect(text.hasPrefix("# StatQuest stock example"))
    #expect(text.contains("## Company B"))
    #expect(text.contains("| forget (% of LTM to remember) | 2.7000 | 1.6300 | 1.6200 |"))
    #expect(text.contains("Prediction (the STM after t = 4): 0.9694, target 1.0000."))
  }

  @Test func markdownEscapesOnlyWhatWouldChangeTheText() {
    #expect(TraceMarkdown.escape("weight_ih_l0 is 12x2") == "weight_ih_l0 is 12x2")
    #expect(TraceMarkdown.escape("_emphasis_ and a|b") == "\\_emphasis\\_ and a\\|b")
    #expect(TraceMarkdown.escape("# not a heading, #1") == "\\# not a heading, #1")
    #expect(TraceMarkdown.escape("two\nlines") == "two lines")
  }

  @Test func aLessonThatOverflowsInTheCellIsRefusedWhenLoaded() throws {
    let sample = try String(contentsOf: fixtureURL("statquest.lesson.json"), encoding: .utf8)
    let overflowing = sample.replacingOccurrences(
      of: "\"inputWeight\": 1.63", with: "\"inputWeight\": 1e308")
    #expect(overflowing != sample)
    let sources = LessonSources(lesson: "l.json", inputs: ["0,10"])
    let error = loadError(sources, files: ["l.json": overflowing])
    #expect(
      error?.description
        == "l.json: sequence \"--input 1\" (from --input \"0,10\"), t = 2: the forget gate's x "
        + "overflows (is too large for a Double); the weights or inputs are too large")
    #expect(
      loadError(LessonSources(lesson: "l.json", inputs: ["0,1"]), files: ["l.json": overflowing])
        == nil)
  }

  /// Loading does not run a sequence through the cell when its weights and largest input
  /// bound every x far from overflowing; where they don't, it runs it and finds the step.
  @Test func theOverflowBoundClearsOrdinaryLessonsAndNotLargeOnes() throws {
    let model = Lesson.statQuest.model
    #expect(model.neverOverflows(inputsWithin: 1))
    #expect(model.neverOverflows(inputsWithin: 1e250))
    #expect(!model.neverOverflows(inputsWithin: 1e300))
    #expect(!model.neverOverflows(inputsWithin: .infinity))
    // 1e300 · 10 does not overflow: the bound refuses to vouch for it, and running it shows
    // every number is finite, so the lesson loads.
    let sample = try String(contentsOf: fixtureURL("statquest.lesson.json"), encoding: .utf8)
    let large = sample.replacingOccurrences(
      of: "\"inputWeight\": 1.63", with: "\"inputWeight\": 1e300")
    #expect(large != sample)
    #expect(
      loadError(LessonSources(lesson: "l.json", inputs: ["0,10"]), files: ["l.json": large]) == nil)
  }

  @Test func jsonIsTheDesignShape() throws {
    let text = try traceText(Lesson.statQuest, .json)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    #expect(object?["inputSize"] as? Int == 1)
    let sequences = object?["sequences"] as? [[String: Any]]
    #expect(sequences?.count == 2)
    let step = (sequences?[0]["steps"] as? [[String: Any]])?[1]
    #expect(step?["t"] as? Int == 2)
    #expect(
      Set(step?.keys.map { $0 } ?? []) == [
        "t", "input", "stmIn", "ltmIn", "gates", "ltmRemembered", "ltmAdded", "ltm", "stmPotential",
        "stm",
      ])
  }
}
