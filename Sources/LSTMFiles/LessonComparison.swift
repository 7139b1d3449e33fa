import LSTMCore

extension Lesson {
  /// Checks that `other`, read from `file`, can be shown beside this lesson as its ghost
  /// (`--compare`): a cell of the same input and hidden sizes, and the same sequences, step for
  /// step (their names may differ).
  ///
  /// - Throws: `LessonError` naming `file`, the sequence and how it differs.
  public func checkComparable(_ other: Lesson, file: String) throws(LessonError) {
    let need = "--compare needs a lesson on the same sequences through a cell of the same sizes"
    let (mine, theirs) = (model, other.model)
    guard mine.inputSize == theirs.inputSize, mine.hiddenSize == theirs.hiddenSize else {
      throw LessonError(
        file: file, location: "model",
        message:
          "its cell takes \(counted(theirs.inputSize, "input")) a step and has hidden size "
          + "\(theirs.hiddenSize), but the lesson's takes \(mine.inputSize) and has "
          + "\(mine.hiddenSize); \(need)")
    }
    guard sequences.count == other.sequences.count else {
      throw LessonError(
        file: file, location: "sequences",
        message:
          "it has \(counted(other.sequences.count, "sequence")), the lesson "
          + "\(sequences.count); \(need)")
    }
    for (index, (sequence, compared)) in zip(sequences, other.sequences).enumerated() {
      let location = "sequences[\(index)] (\(compared.name.quoted))"
      guard sequence.count == compared.count else {
        throw LessonError(
          file: file, location: location,
          message:
            "has \(counted(compared.count, "step")), but the lesson's \(sequence.name.quoted) has "
            + "\(sequence.count); \(need)")
      }
      guard sequence.values != compared.values else { continue }
      let t = (1...sequence.count).first { sequence.input(at: $0) != compared.input(at: $0) } ?? 1
      throw LessonError(
        file: file, location: "\(location).values[\(t - 1)]",
        message:
          "the input at t = \(t) differs from the lesson's \(sequence.name.quoted); \(need)")
    }
  }
}
