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
  /// Which LSTM of a model file holding several (`--lstm`), by its module prefix.
  public var lstm: String?
  /// The plain-RNN twin: the lesson's, a file's (`--rnn FILE`), or none (`--rnn none`).
  public var rnn: TwinSource

  /// Makes the sources; with none, the built-in lesson.
  public init(
    lesson: String? = nil, model: String? = nil, sequences: String? = nil, inputs: [String] = [],
    layer: Int? = nil, lstm: String? = nil, rnn: TwinSource = .lesson
  ) {
    self.lesson = lesson
    self.model = model
    self.sequences = sequences
    self.inputs = inputs
    self.layer = layer
    self.lstm = lstm
    self.rnn = rnn
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
    let sources = try ModelFile.binaryLessonAsModel(sources, read: read)
    var parts = LessonParts(lessonGiven: sources.lesson != nil)
    if let path = sources.lesson {
      // With --model, --layer is the new model's: the lesson's own is read as it is.
      let layer = sources.model == nil ? sources.layer : nil
      parts.take(try readLesson(path, read: read, layer: layer), from: path)
    }
    if let path = sources.model {
      try parts.readModel(path, layer: sources.layer, lstm: sources.lstm, read: read)
    }
    if parts.model == nil, let layer = sources.layer, layer != 0 {
      throw LessonError(
        file: nil, location: nil,
        message: "--layer \(layer) needs a PyTorch state_dict, but the built-in lesson is scalar")
    }
    let model = parts.model ?? LayeredModel(shown: statQuest.model)
    let replacements = try replacementSequences(sources, model: model.inputModel, read: read)
    if !replacements.isEmpty {
      parts.sequences = replacements
      // The built-in description is about Company A and B, which are no longer there.
      if parts.describesBuiltInSequences { parts.description = nil }
    }
    let (resolved, blames) = try resolvedSequences(
      parts.sequences, model: model, modelSource: parts.modelSource,
      modelFile: sources.model ?? sources.lesson, builtInBlamed: sources.model)
    var lesson = Lesson(
      title: parts.title + (model.titleNote ?? ""), description: parts.description,
      model: model.shown,
      sequences: try shownSequences(resolved, model: model) { blames[$0] },
      modelLayout: model.layout)
    try lesson.checkFinite { blames[$0] }
    let twin = try lesson.twin(
      sources.rnn, lessonTwin: parts.twin, modelSource: parts.modelSource, read: read)
    (lesson.rnn, lesson.rnnLayout) = (twin?.model, twin?.layout)
    return lesson
  }

  /// The sequences of `--sequences` then of each `--input`, none when neither is given.
  private static func replacementSequences(
    _ sources: LessonSources, model: LSTMModel, read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) -> [SequenceDraft] {
    var replacements: [SequenceDraft] = []
    if let path = sources.sequences {
      replacements += try readSequences(path, model: model, read: read)
    }
    for (k, text) in sources.inputs.enumerated() {
      replacements.append(try inputSequence(text, number: k + 1, model: model))
    }
    return replacements
  }

  /// `drafts` checked against `model`, or without drafts the built-in sequences when they fit
  /// it, each with whom to blame if the cell overflows on it.
  ///
  /// - Parameters:
  ///   - modelFile: the file the model came from, blamed first.
  ///   - builtInBlamed: the file named when the built-in sequences do not fit.
  private static func resolvedSequences(
    _ drafts: [SequenceDraft]?, model: LayeredModel, modelSource: String, modelFile: String?,
    builtInBlamed: String?
  ) throws(LessonError) -> ([InputSequence], [OverflowBlame]) {
    if let drafts {
      var resolved: [InputSequence] = []
      for draft in drafts {
        resolved.append(try draft.resolved(for: model, modelSource: modelSource))
      }
      return (resolved, drafts.map { $0.overflowBlame(modelFile: modelFile) })
    }
    let builtIn = statQuest
    guard model.inputSize == builtIn.model.inputSize else {
      throw LessonError(
        file: builtInBlamed, location: nil,
        message:
          "the model takes \(counted(model.inputSize, "number")) per step, so the built-in "
          + "sequences do not fit; give sequences with --sequences or --input")
    }
    let resolved = builtIn.sequences.map { sequence in
      var sequence = sequence
      if model.shown.hiddenSize != builtIn.model.hiddenSize { sequence.target = nil }
      return sequence
    }
    let blames = resolved.map { sequence in
      OverflowBlame(file: modelFile, sequence: "the built-in sequence \(sequence.name.quoted)")
    }
    return (resolved, blames)
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
    let twin = try document.rnn?.resolved(for: document.model.shown, modelSource: modelSource)
    try document.rnn?.checkFinite(on: shown)
    self.init(
      title: (document.title ?? fallbackTitle) + (document.model.titleNote ?? ""),
      description: document.description, model: document.model.shown, sequences: shown,
      rnn: twin, modelLayout: document.model.layout,
      rnnLayout: twin == nil ? nil : document.rnn?.layout)
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

  /// The last part of `path`, which titles a lesson that has no title of its own.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// What the lesson and model files give, before options replace their sequences: the title
/// and description, the model, and the sequences.
private struct LessonParts {
  /// The title: the built-in lesson's until a file gives one.
  var title = Lesson.statQuest.title
  /// The description.
  var description = Lesson.statQuest.description
  /// Whether the description is still the built-in lesson's, which is about its own sequences.
  var describesBuiltInSequences = true
  /// The model, nil for the built-in one.
  var model: LayeredModel?
  /// The sequences, nil for the built-in ones.
  var sequences: [SequenceDraft]?
  /// The twin: the built-in lesson's until a lesson file gives its own (or none).
  var twin = Lesson.builtInTwin
  /// Where the model came from, for messages.
  var modelSource: String
  /// Whether a lesson file was given, whose title and sequences a `--model` lesson leaves.
  let lessonGiven: Bool

  /// The parts of the built-in lesson, ready for a lesson file when one is given.
  init(lessonGiven: Bool) {
    self.lessonGiven = lessonGiven
    modelSource = lessonGiven ? "the lesson's model" : "the built-in StatQuest model"
  }

  /// Takes everything from `document`, read from `path`.
  mutating func take(_ document: LessonDocument, from path: String) {
    (title, description) = (document.title ?? Lesson.fileName(path), document.description)
    (model, sequences) = (document.model, document.sequences)
    twin = document.rnn
    describesBuiltInSequences = false
  }

  /// Reads the `--model` file at `path`: a whole lesson, whose model is taken (and everything
  /// else when no lesson file was given), or a model of either form.
  mutating func readModel(
    _ path: String, layer: Int?, lstm: String?, read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) {
    let bytes = try read(path)
    modelSource = "the model in \(path)"
    if let binary = try ModelFile.model(bytes, path: path, layer: layer, lstm: lstm) {
      model = binary
      if !lessonGiven { (title, description) = (Lesson.fileName(path), nil) }
      return
    }
    let node = try JSONParser.parse(bytes, file: path)
    let fields = JSONFields(site: JSONErrorSite(file: path))
    if !ModelDecoding.looksLikeModel(node), node["model"] != nil {
      let document = try LessonDecoding.lesson(node, fields: fields, layer: layer)
      _ = try Lesson(document, fallbackTitle: path, modelSource: "its model")
      if lessonGiven {
        model = document.model
        twin = document.rnn ?? twin
      } else {
        take(document, from: path)
      }
    } else {
      model = try ModelDecoding.model(node, at: .root, fields: fields, layer: layer, lstm: lstm)
      if !lessonGiven {
        (title, description) = (Lesson.fileName(path), nil)
        describesBuiltInSequences = false
      }
    }
  }
}
