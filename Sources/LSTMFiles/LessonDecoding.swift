import Foundation
import LSTMCore

/// A sequence as read from a file, remembering where it came from so that it can still be
/// blamed when it meets a model from another file.
struct SequenceDraft: Sendable {
  /// The sequence's name.
  var name: String
  /// The numbers of one input.
  var inputSize: Int
  /// The inputs, `inputSize` numbers a step.
  var values: [Double]
  /// The target prediction, if any.
  var target: [Double]?
  /// The file it came from.
  var file: String?
  /// Where its values are in that file.
  var valuesLocation: String
  /// Where its target is in that file.
  var targetLocation: String?

  /// The sequence, after checking it fits `model`.
  ///
  /// - Parameter modelSource: where the model came from, for the message.
  func resolved(
    for model: LayeredModel, modelSource: String
  ) throws(LessonError) -> InputSequence {
    guard inputSize == model.inputSize else {
      throw LessonError(
        file: file, location: valuesLocation,
        message:
          "each input of \(name.quoted) has \(counted(inputSize, "number")), but \(modelSource) "
          + "takes \(counted(model.inputSize, "number")) per step")
    }
    if let target, target.count != model.shown.hiddenSize {
      throw LessonError(
        file: file, location: targetLocation ?? valuesLocation,
        message:
          "the target of \(name.quoted) has \(counted(target.count, "number")), but \(modelSource) "
          + "predicts \(counted(model.shown.hiddenSize, "number")) (its hidden size)")
    }
    return InputSequence(name: name, inputSize: inputSize, values: values, target: target)
  }

  /// Whom to blame if the cell overflows on this sequence: the model's file if there is one,
  /// else this sequence's own file or option.
  func overflowBlame(modelFile: String?) -> OverflowBlame {
    let blamed = modelFile ?? file
    if let file, file == blamed {
      guard let values = valuesLocation.range(of: ".values") else {
        return OverflowBlame(file: file, sequence: "sequence \(name.quoted)")
      }
      let path = valuesLocation[..<values.lowerBound]
      return OverflowBlame(file: file, sequence: "\(path) (\(name.quoted))")
    }
    let origin = file ?? valuesLocation
    return OverflowBlame(file: blamed, sequence: "sequence \(name.quoted) (from \(origin))")
  }
}

/// A lesson file as read, before options replace its model or sequences.
struct LessonDocument: Sendable {
  /// The title, if the file gives one.
  var title: String?
  /// The description, if any.
  var description: String?
  /// The model.
  var model: LayeredModel
  /// The sequences, checked against `model`.
  var sequences: [SequenceDraft]
  /// The plain-RNN twin, if the lesson has one (`rnn`).
  var rnn: RNNDraft?
}

/// Reading lessons and sequence lists from JSON.
enum LessonDecoding {
  /// The keys of a lesson.
  static let lessonKeys = ["title", "description", "model", "sequences", "rnn"]
  /// The keys of one sequence.
  static let sequenceKeys = ["name", "values", "target"]

  /// Reads a lesson: title, description, model and sequences.
  static func lesson(
    _ node: JSONNode, fields: JSONFields, layer: Int?
  ) throws(LessonError) -> LessonDocument {
    let root = JSONPath.root
    if case .object = node.value, ModelDecoding.looksLikeModel(node), node["model"] == nil {
      throw fields.error(
        root, node,
        "this is a model, not a lesson; give it with --model, or put it under \"model\" in a "
          + "lesson with \"title\" and \"sequences\"")
    }
    let members = try fields.object(node, at: root, known: lessonKeys, what: "a lesson")
    let modelNode = try fields.required(
      "model", in: members, of: node, at: root, what: "the lesson")
    let model = try ModelDecoding.model(
      modelNode, at: root.appending("model"), fields: fields, layer: layer)
    let sequencesNode = try fields.required(
      "sequences", in: members, of: node, at: root, what: "the lesson")
    return LessonDocument(
      title: try optionalString("title", in: members, fields: fields),
      description: try optionalString("description", in: members, fields: fields),
      model: model,
      sequences: try sequences(
        sequencesNode, at: root.appending("sequences"), fields: fields, model: model.inputModel),
      rnn: try members["rnn"].flatMap { node throws(LessonError) in
        node.value == .null
          ? nil : try RNNDecoding.twin(node, at: root.appending("rnn"), fields: fields)
      })
  }

  /// Reads a sequences file: `{"sequences": [...]}`.
  static func sequencesFile(
    _ node: JSONNode, fields: JSONFields, model: LSTMModel
  ) throws(LessonError) -> [SequenceDraft] {
    let members = try fields.object(
      node, at: .root, known: ["sequences"], what: "a sequences file")
    let list = try fields.required(
      "sequences", in: members, of: node, at: .root, what: "the sequences file")
    return try sequences(
      list, at: JSONPath.root.appending("sequences"), fields: fields, model: model)
  }

  /// Reads a list of sequences whose inputs have `model.inputSize` numbers each.
  static func sequences(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields, model: LSTMModel
  ) throws(LessonError) -> [SequenceDraft] {
    let list = try fields.list(node, at: path, what: "a list of sequences")
    guard !list.isEmpty else {
      throw fields.error(path, node, "there are no sequences; give at least one")
    }
    var drafts: [SequenceDraft] = []
    for (k, element) in list.enumerated() {
      drafts.append(try sequence(element, at: path.appending(k), fields: fields, model: model))
    }
    return drafts
  }

  /// Reads one sequence: name, values, and an optional target.
  static func sequence(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields, model: LSTMModel
  ) throws(LessonError) -> SequenceDraft {
    let members = try fields.object(node, at: path, known: sequenceKeys, what: "a sequence")
    let nameNode = try fields.required(
      "name", in: members, of: node, at: path, what: "the sequence")
    let name = try fields.string(nameNode, at: path.appending("name"))
    let valuesNode = try fields.required(
      "values", in: members, of: node, at: path, what: "the sequence")
    let valuesPath = path.appending("values")
    let m = model.inputSize
    let values = try inputs(valuesNode, at: valuesPath, fields: fields, inputSize: m)
    let target = try Self.target(members["target"], at: path.appending("target"), fields: fields)
    let site = fields.site
    return SequenceDraft(
      name: name, inputSize: m, values: values, target: target, file: site.file,
      valuesLocation: site.error(valuesPath, valuesNode, "").location ?? "\(valuesPath)",
      targetLocation: members["target"].map {
        site.error(path.appending("target"), $0, "").location ?? ""
      })
  }

  /// The inputs of a sequence: a list of steps, each a number (m = 1) or a list of m numbers.
  static func inputs(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields, inputSize m: Int
  ) throws(LessonError) -> [Double] {
    let entries = try fields.list(node, at: path, what: "a list of inputs")
    guard !entries.isEmpty else {
      throw fields.error(path, node, "the sequence is empty; it needs at least one step")
    }
    var values: [Double] = []
    values.reserveCapacity(entries.count * m)
    for (t, entry) in entries.enumerated() {
      if m == 1, case .number(let value) = entry.value {
        values.append(value)
        continue
      }
      let entryPath = path.appending(t)
      guard case .array = entry.value else {
        let expected = m == 1 ? "a number" : "a list of \(m) numbers (the model's input size)"
        throw fields.error(entryPath, entry, "expected \(expected), found \(entry.value.kind)")
      }
      let count = try fields.numbers(entry, at: entryPath, into: &values, what: "an input")
      guard count == m else {
        throw fields.error(
          entryPath, entry,
          "the input has \(counted(count, "number")), but the model takes \(m)")
      }
    }
    return values
  }

  /// A sequence's target, if it has one: a number, or a list of numbers.
  static func target(
    _ node: JSONNode?, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> [Double]? {
    guard let node, node.value != .null else { return nil }
    var numbers: [Double] = []
    switch node.value {
    case .number(let value): numbers = [value]
    case .array: try fields.numbers(node, at: path, into: &numbers, what: "a target")
    default:
      throw fields.error(
        path, node,
        "expected a target (a number, or a list of numbers), found \(node.value.kind)")
    }
    return numbers
  }

  /// The string member `key`, if present and not null.
  static func optionalString(
    _ key: String, in members: [String: JSONNode], fields: JSONFields
  ) throws(LessonError) -> String? {
    guard let node = members[key], node.value != .null else { return nil }
    return try fields.string(node, at: JSONPath.root.appending(key))
  }
}
