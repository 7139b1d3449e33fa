import Testing

@testable import LSTMCore
@testable import LSTMFiles

func csv(_ text: String) throws(LessonError) -> [SequenceDraft] {
  try SequenceCSV.sequences(Array(text.utf8), file: "s.csv")
}

@Suite struct SequenceCSVTests {
  @Test func readsColumnsOfDifferentLengths() throws {
    let drafts = try csv("a,b,c\n1,2,3\n4,,5\n6\n")
    #expect(drafts.map(\.name) == ["a", "b", "c"])
    #expect(drafts.map(\.values) == [[1, 4, 6], [2], [3, 5]])
  }

  @Test func repeatedNamesMakeOneVectorSequence() throws {
    let drafts = try csv("w,x,w\n1,9,2\n3,8,4\n")
    #expect(drafts.map(\.name) == ["w", "x"])
    #expect(drafts[0].inputSize == 2)
    #expect(drafts[0].values == [1, 2, 3, 4])
  }

  @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
    let drafts = try csv("\"a,\"\"b\"\"\nc\"\r\n\" 1.5 \"\r\n")
    #expect(drafts[0].name == "a,\"b\"\nc")
    #expect(drafts[0].values == [1.5])
  }

  @Test func refusesWhatIsNotASequence() {
    let cases: [(String, String)] = [
      ("a,,b\n1,2,3\n", "empty name"),
      ("a,b\n1\n", "no numbers"),
      ("a\n1\n\n2\n", "below an empty cell"),
      ("a,a\n1,2\n3\n", "same number of rows"),
      ("a\n1x\n", "is not a number"),
      ("a\n1e999\n", "overflows"),
      ("a\nNaN\n", "not a finite number"),
      ("a\n\"1\"x\n", "after the closing"),
      ("a\n1\"2\"\n", "quote the whole cell"),
      ("a\n", "no numbers"),
      ("1,2\n3,4\n", "the first row must name the sequences (it holds numbers)"),
      ("0.5\n1\n", "add a header row such as \"a\""),
    ]
    for (text, needle) in cases {
      do {
        _ = try csv(text)
        Issue.record("\(text.debugDescription) was accepted")
      } catch {
        #expect(error.message.contains(needle), "\(text.debugDescription): \(error)")
      }
    }
  }

  @Test func aHeaderOfSomeNumbersAndSomeNamesIsAHeader() throws {
    #expect(try csv("2024,sales\n1,2\n").map(\.name) == ["2024", "sales"])
  }

  @Test func relaxedNumbersAreRead() {
    let readings = ["+1", ".5", "5.", "-0.25e1", "007"].map { text in
      Array(text.utf8).withUnsafeBufferPointer { DecimalNumber.read($0, 0..<$0.count) }
    }
    #expect(readings == [.value(1), .value(0.5), .value(5), .value(-2.5), .value(7)])
  }
}
