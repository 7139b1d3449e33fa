import Foundation
import Testing

@testable import LSTMCore
@testable import LSTMFiles

func parse(_ text: String) throws(LessonError) -> JSONNode {
  try JSONParser.parse(Array(text.utf8), file: "f.json")
}

func parseError(_ bytes: [UInt8]) -> LessonError? {
  do {
    _ = try JSONParser.parse(bytes, file: "f.json")
    return nil
  } catch {
    return error
  }
}

@Suite struct JSONParserTests {
  @Test func readsValuesWithTheirLines() throws {
    let node = try parse(
      "{\n \"a\": [1, -2.5e2, true, null],\n \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}")
    #expect(node.line == 1)
    #expect(node["a"]?.line == 2)
    #expect(node["b"]?.value == .string("xé😀\n"))
    guard case .array(let elements)? = node["a"]?.value else {
      Issue.record("a is not a list")
      return
    }
    #expect(elements.map(\.value) == [.number(1), .number(-250), .bool(true), .null])
  }

  @Test func errorsNameThePathLineAndColumn() {
    let error = parseError(Array("{\"model\": {\"forget\": [1, 2,\n 3 x]}}".utf8))
    #expect(error?.file == "f.json")
    #expect(error?.location == "model.forget (line 2, column 4)")
    #expect(error?.message.contains("expected ',' or ']'") == true)
  }

  @Test func refusesNonFiniteAndOverflowingNumbers() {
    for text in ["[NaN]", "[Infinity]", "[-Infinity]", "[nan]"] {
      #expect(
        parseError(Array(text.utf8))?.message.contains("not a finite number") == true, "\(text)")
    }
    let overflow = parseError(Array("{\"w\": 1e999}".utf8))
    #expect(overflow?.location == "w (line 1, column 7)")
    #expect(overflow?.message.contains("overflows") == true)
    #expect(parseError(Array("[-1e400]".utf8))?.message.contains("overflows") == true)
  }

  @Test func numbersAreCorrectlyRounded() throws {
    let texts = [
      "0", "-0", "0.1", "2.7", "1.62", "-0.32", "1e-300", "1e-400", "123456789012345678901234",
      "0.8347951298093854", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
      "9007199254740993", "0.30000000000000004", "1E+2", "3.14159265358979323846264338327950288",
    ]
    for text in texts {
      let node = try parse("[\(text)]")
      guard case .array(let elements) = node.value, case .number(let value) = elements[0].value
      else {
        Issue.record("\(text) did not parse")
        continue
      }
      #expect(value.bitPattern == (Double(text) ?? .nan).bitPattern, "\(text)")
    }
  }

  @Test func refusesMalformedDocumentsWithoutTrapping() {
    let cases: [([UInt8], String)] = [
      ([], "the file is empty"),
      (Array("   \n".utf8), "holds no JSON value"),
      (Array("[1,]".utf8), "expected a value"),
      (Array("[01]".utf8), "may not start with 0"),
      (Array("[1.]".utf8), "decimal point"),
      (Array("{\"a\": 1, \"a\": 2}".utf8), "appears twice"),
      (Array("{'a': 1}".utf8), "double quotes"),
      (Array("[\"a\u{1}\"]".utf8), "control character"),
      (Array("[\"\\ud800\"]".utf8), "surrogate"),
      (Array("[\"\\x\"]".utf8), "unknown escape"),
      (Array("[1] 2".utf8), "after the end"),
      ([0x5B, 0x00, 0x5D], "NUL"),
      ([0x5B, 0x22, 0xFF, 0x22, 0x5D], "UTF-8"),
      ([0x5B, 0xC3], "not UTF-8"),
      (Array(repeating: UInt8(ascii: "["), count: 1_000_000), "nested more than"),
      (Array("\"abc".utf8), "not closed"),
    ]
    for (bytes, needle) in cases {
      let error = parseError(bytes)
      #expect(error?.message.contains(needle) == true, "\(needle): \(String(describing: error))")
    }
  }

  @Test func skipsAByteOrderMark() throws {
    #expect(
      try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8), file: nil).value == .array([]))
  }

  @Test func pathsQuoteKeysThatAreNotPlainNames() {
    let path = JSONPath.root.appending("model").appending("lstm.weight_ih_l0").appending(2)
    #expect(path.description == #"model["lstm.weight_ih_l0"][2]"#)
    #expect(JSONPath.root.description == "(top level)")
  }

  @Test func aMillionNumbersParseQuickly() throws {
    var text = "["
    for k in 0..<1_000_000 { text += k == 0 ? "0.123456" : ",0.123456" }
    text += "]"
    let bytes = Array(text.utf8)
    let start = Date()
    let node = try JSONParser.parse(bytes, file: nil)
    let seconds = Date().timeIntervalSince(start)
    guard case .array(let elements) = node.value else { return }
    #expect(elements.count == 1_000_000)
    #expect(seconds < 10, "took \(seconds) s")
  }
}
