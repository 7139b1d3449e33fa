import LSTMCore

/// Where a lesson comes from: a lesson file, and options that replace its model or sequences.
///
/// Precedence: the lesson is LESSON if given, else the `--model` file when that is a whole
/// lesson, else the built-in StatQuest lesson. `--model` replaces its model. `--sequences` and
/// `--input` together replace its sequences (the file's first, then each `--input`). The title
/// stays the lesson's; a bare `--model` over the built-in lesson is titled by its file name.
public struct LessonSources: Sendable, Equatable {
  /// The lesson file (JSON), if any.
  public var lesson: String?
  /// A model file: a lesson, the scalar form, or a PyTorch state_dict.
  public var model: String?
  /// A sequences file: JSON `{"sequences": [...]}` or CSV.
  public var sequences: String?
  /// Sequences typed on the command line, such as `0,0.5,0.25,1`.
  public var inputs: [String]
  /// The state_dict layer to show; nil for layer 0.
  public var layer: Int?

  /// Makes the sources; with none, the built-in lesson.
  public init(
    lesson: String? = nil, model: String? = nil, sequences: String? = nil, inputs: [String] = [],
    layer: Int? = nil
  ) {
    self.lesson = lesson
    self.model = model
    self.sequences = sequences
    self.inputs = inputs
    self.layer = layer
  }
}

extension Lesson {
  /// Reads a lesson from JSON text.
  ///
  /// - Parameter file: the file's name, for errors.
  public static func decode(
    json bytes: [UInt8], file: String?, layer: Int? = nil
  ) throws(LessonError) -> Lesson {
    let document = try LessonDecoding.lesson(
      try JSONParser.parse(bytes, file: file), fields: JSONFields(site: JSONErrorSite(file: file)),
      layer: layer)
    return try Lesson(document, fallbackTitle: file ?? "lesson", modelSource: "its model")
  }

  /// Builds the lesson `sources` describe, reading files with `read`.
  ///
  /// `read` returns a file's bytes or throws a `LessonError` naming it; everything else here is
  /// pure, so tests may hand in files from memory.
  public static func load(
    _ sources: LessonSources, read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) -> Lesson {
    let builtIn = Lesson.statQuest
    var title = builtIn.title
    var description = builtIn.description
    var model: LayeredModel?
    var sequences: [SequenceDraft]?
    var modelSource = sources.lesson == nil ? "the built-in StatQuest model" : "the lesson's model"
    if let path = sources.lesson {
      // With --model, --layer is the new model's: the lesson's own is read as it is.
      let layer = sources.model == nil ? sources.layer : nil
      let document = try readLesson(path, read: read, layer: layer)
      (title, description) = (document.title ?? fileName(path), document.description)
      (model, sequences) = (document.model, document.sequences)
    }
    if let path = sources.model {
      let node = try JSONParser.parse(try read(path), file: path)
      let fields = JSONFields(site: JSONErrorSite(file: path))
      modelSource = "the model in \(path)"
      if !ModelDecoding.looksLikeModel(node), node["model"] != nil {
        let document = try LessonDecoding.lesson(node, fields: fields, layer: sources.layer)
        _ = try Lesson(document, fallbackTitle: path, modelSource: "its model")
        model = document.model
        if sources.lesson == nil {
          (title, description) = (document.title ?? fileName(path), document.description)
          sequences = document.sequences
        }
      } else {
        model = try ModelDecoding.model(node, at: .root, fields: fields, layer: sources.layer)
        if sources.lesson == nil { (title, description) = (fileName(path), nil) }
      }
    }
    if model == nil, let layer = sources.layer, layer != 0 {
      throw LessonError(
        file: nil, location: nil,
        message: "--layer \(layer) needs a PyTorch state_dict, but the built-in lesson is scalar")
    }
    let finalModel = model ?? LayeredModel(shown: builtIn.model)
    var replacements: [SequenceDraft] = []
    if let path = sources.sequences {
      replacements += try readSequences(path, model: finalModel.inputModel, read: read)
    }
    for (k, text) in sources.inputs.enumerated() {
      replacements.append(try inputSequence(text, number: k + 1, model: finalModel.inputModel))
    }
    if !replacements.isEmpty { sequences = replacements }
    var resolved: [InputSequence] = []
    let modelFile = sources.model ?? sources.lesson
    var blames: [OverflowBlame] = []
    if let sequences {
      for draft in sequences {
        resolved.append(try draft.resolved(for: finalModel, modelSource: modelSource))
        blames.append(draft.overflowBlame(modelFile: modelFile))
      }
    } else if finalModel.inputSize == builtIn.model.inputSize {
      resolved = builtIn.sequences.map { sequence in
        var sequence = sequence
        if finalModel.shown.hiddenSize != builtIn.model.hiddenSize { sequence.target = nil }
        return sequence
      }
    } else {
      throw LessonError(
        file: sources.model, location: nil,
        message:
          "the model takes \(counted(finalModel.inputSize, "number")) per step, so the built-in "
          + "sequences do not fit; give sequences with --sequences or --input")
    }
    let blame = { (k: Int) -> OverflowBlame in
      k < blames.count
        ? blames[k]
        : OverflowBlame(
          file: modelFile, sequence: "the built-in sequence \(resolved[k].name.quoted)")
    }
    let lesson = Lesson(
      title: title + (finalModel.titleNote ?? ""), description: description,
      model: finalModel.shown,
      sequences: try shownSequences(resolved, model: finalModel, blame: blame))
    try lesson.checkFinite(blame: blame)
    return lesson
  }

  /// Makes a lesson of a document whose sequences fit its own model.
  init(_ document: LessonDocument, fallbackTitle: String, modelSource: String) throws(LessonError) {
    var sequences: [InputSequence] = []
    for draft in document.sequences {
      sequences.append(try draft.resolved(for: document.model, modelSource: modelSource))
    }
    let shown = try Lesson.shownSequences(sequences, model: document.model) { k in
      document.sequences[k].overflowBlame(modelFile: nil)
    }
    self.init(
      title: (document.title ?? fallbackTitle) + (document.model.titleNote ?? ""),
      description: document.description, model: document.model.shown, sequences: shown)
  }

  private static func readLesson(
    _ path: String, read: (String) throws(LessonError) -> [UInt8], layer: Int?
  ) throws(LessonError) -> LessonDocument {
    if path.lowercased().hasSuffix(".csv") {
      throw LessonError(
        file: path, location: nil,
        message: "a lesson is a JSON file; give CSV sequences with --sequences \(path)")
    }
    let node = try JSONParser.parse(try read(path), file: path)
    let document = try LessonDecoding.lesson(
      node, fields: JSONFields(site: JSONErrorSite(file: path)), layer: layer)
    _ = try Lesson(document, fallbackTitle: path, modelSource: "the lesson's model")
    return document
  }

  /// Reads a sequences file as JSON or CSV: by its extension, else by its first character.
  private static func readSequences(
    _ path: String, model: LSTMModel, read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) -> [SequenceDraft] {
    let bytes = try read(path)
    let lowered = path.lowercased()
    let firstByte = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
    let looksJSON = firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
    if lowered.hasSuffix(".json") || (!lowered.hasSuffix(".csv") && looksJSON) {
      do {
        let node = try JSONParser.parse(bytes, file: path)
        return try LessonDecoding.sequencesFile(
          node, fields: JSONFields(site: JSONErrorSite(file: path)), model: model)
      } catch {
        guard !lowered.hasSuffix(".json") else { throw error }
        var noted = error
        noted.message += " (read as JSON: the file starts with '{' or '[')"
        throw noted
      }
    }
    let note = lowered.hasSuffix(".csv") ? "" : " (read as CSV: the name does not end in .json)"
    return try SequenceCSV.sequences(bytes, file: path, formatNote: note)
  }

  /// Reads `--input` text: numbers separated by commas, one step each. For a model with m > 1
  /// inputs, steps are separated by `;` and the m numbers of one step by commas.
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
        let reading = DecimalNumber.read(blankPadded: item)
        let itemName = "number \(k + 1)" + (hasSteps ? " of step \(s + 1)" : "")
        switch reading {
        case .value(let value): values.append(value)
        case .overflow:
          throw LessonError(
            file: nil, location: option, message: "\(itemName), \(String(item).quoted), overflows")
        case .nonFinite:
          throw LessonError(
            file: nil, location: option,
            message: "\(itemName), \(String(item).quoted), is not finite")
        case .invalid:
          throw LessonError(
            file: nil, location: option,
            message: "\(itemName), \(String(item).quoted), is not a number")
        }
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
      name: "input \(number)", inputSize: m, values: values, target: nil, file: nil,
      valuesLocation: option, targetLocation: nil)
  }

  private static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
