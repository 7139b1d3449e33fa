import LSTMCore

extension Lesson {
  /// Reads `--input` text: numbers separated by commas, one step each. For a model with m > 1
  /// inputs, steps are separated by `;` and the m numbers of one step by commas.
  ///
  /// The sequence is named `--input 1`, `--input 2`, … after the option and its place among the
  /// `--input` options, so that it cannot be taken for the trace's `input 1` of a step.
  static func inputSequence(
    _ text: String, number: Int, model: LSTMModel
  ) throws(LessonError) -> SequenceDraft {
    let option = "--input \(text.quoted)"
    let m = model.inputSize
    let hasSteps = text.contains(";")
    let steps =
      hasSteps ? text.split(separator: ";", omittingEmptySubsequences: false) : [Substring(text)]
    var values: [Double] = []
    for (s, step) in steps.enumerated() {
      let items = step.split(separator: ",", omittingEmptySubsequences: false)
      if items.count == 1, items[0].allSatisfy(\.isWhitespace) {
        let what =
          steps.count == 1 ? "is empty: give at least one number" : "step \(s + 1) is empty"
        throw LessonError(file: nil, location: option, message: what)
      }
      for (k, item) in items.enumerated() {
        let itemName = "number \(k + 1)" + (hasSteps ? " of step \(s + 1)" : "")
        values.append(try inputNumber(item, called: itemName, option: option))
      }
      if hasSteps, items.count != m {
        throw LessonError(
          file: nil, location: option,
          message:
            "step \(s + 1) has \(counted(items.count, "number")), but the model takes \(m) per step"
        )
      }
    }
    if !hasSteps, m > 1, values.count != m {
      throw LessonError(
        file: nil, location: option,
        message: "the model takes \(m) numbers per step: separate steps with ';' and the numbers "
          + "of one step with ',', as in \"0,1;0.5,0.9\"")
    }
    return SequenceDraft(
      name: "--input \(number)", inputSize: m, values: values, target: nil, file: nil,
      valuesLocation: option, targetLocation: nil)
  }

  /// One number of `--input` text, blanks and tabs around it ignored.
  ///
  /// - Parameters:
  ///   - name: the number in messages: `number 2 of step 1`.
  ///   - option: the option, as messages name it: `--input "0,abc"`.
  private static func inputNumber(
    _ item: Substring, called name: String, option: String
  ) throws(LessonError) -> Double {
    let reading = DecimalNumber.read(blankPadded: item)
    let problem: String
    switch reading {
    case .value(let value): return value
    case .overflow: problem = "overflows"
    case .nonFinite: problem = "is not finite"
    case .invalid: problem = "is not a number"
    }
    throw LessonError(
      file: nil, location: option, message: "\(name), \(String(item).quoted), \(problem)")
  }
}
