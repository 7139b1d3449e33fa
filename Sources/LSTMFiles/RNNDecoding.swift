import LSTMCore

/// A plain-RNN twin as read from a file, remembering where it came from so that it can be
/// blamed when it meets the LSTM, which may come from another file.
struct RNNDraft: Sendable {
  /// The twin's weights.
  var model: RNNModel
  /// How PyTorch held them, for an `nn.RNN` state_dict (nil for the scalar form).
  var layout: TorchLayout?
  /// The file it came from.
  var file: String?
  /// Where the twin is in that file, such as `rnn (line 48)`.
  var location: String
  /// Where its input weights are (`weight_ih_l0`), for a wrong input size.
  var inputLocation: String
  /// Where its STM weights are (`weight_hh_l0`), for a wrong hidden size.
  var hiddenLocation: String

  /// The twin, after checking that it reads the inputs of `model` and has its hidden size.
  ///
  /// - Parameter modelSource: where the LSTM came from, for the message.
  func resolved(for model: LSTMModel, modelSource: String) throws(LessonError) -> RNNModel {
    guard self.model.inputSize == model.inputSize else {
      throw LessonError(
        file: file, location: inputLocation,
        message:
          "the RNN twin takes \(counted(self.model.inputSize, "number")) per step, but "
          + "\(modelSource) takes \(model.inputSize): the twin reads the same inputs")
    }
    guard self.model.hiddenSize == model.hiddenSize else {
      throw LessonError(
        file: file, location: hiddenLocation,
        message:
          "the RNN twin has hidden size \(self.model.hiddenSize), but \(modelSource) has "
          + "\(model.hiddenSize): the twin is compared with the LSTM unit by unit")
    }
    return self.model
  }

  /// Throws at the first step of any of `sequences` whose x is not finite.
  ///
  /// The twin's STM is a tanh, within ±1, so a sequence whose largest input keeps every row's
  /// `Σ|W_stm| + Σ|W_in|·input + |b|` below 1e300 is never run; any other is
  /// (`RNNModel.firstOverflow(on:)`).
  func checkFinite(on sequences: [InputSequence]) throws(LessonError) {
    for sequence in sequences {
      guard let overflow = model.firstOverflow(on: sequence) else { continue }
      let unit = model.hiddenSize > 1 ? " (unit \(overflow.unit + 1))" : ""
      let what =
        overflow.isNaN
        ? "is not a number (its terms overflow a Double with opposite signs)"
        : "overflows (is too large for a Double)"
      throw LessonError(
        file: file, location: "\(location), sequence \(sequence.name.quoted), t = \(overflow.t)",
        message: "the RNN twin's x\(unit) \(what); its weights or the inputs are too large")
    }
  }
}

/// Reading a plain-RNN twin: the scalar form `{"stmWeight", "inputWeight", "bias"}` or a
/// PyTorch `nn.RNN` state_dict (`weight_ih_l0` n×m, `weight_hh_l0` n×n, and the optional
/// `bias_ih_l0` and `bias_hh_l0`, which add), with or without a module prefix.
enum RNNDecoding {
  /// The keys of the scalar form.
  static let scalarKeys = ["stmWeight", "inputWeight", "bias"]

  /// The twin in `node`, found at `path`.
  static func twin(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> RNNDraft {
    guard case .object(let members) = node.value else {
      throw fields.error(
        path, node, "expected an RNN twin (an object), found \(node.value.kind)")
    }
    let site = fields.site
    let here = site.error(path, node, "").location ?? "\(path)"
    if members.contains(where: { scalarKeys.contains($0.key) }) {
      let values = try fields.object(node, at: path, known: scalarKeys, what: "a scalar RNN twin")
      var numbers: [Double] = []
      for key in scalarKeys {
        let value = try fields.required(
          key, in: values, of: node, at: path, what: "the RNN twin")
        numbers.append(try fields.number(value, at: path.appending(key)))
      }
      return RNNDraft(
        model: RNNModel(stmWeight: numbers[0], inputWeight: numbers[1], bias: numbers[2]),
        layout: nil, file: site.file, location: here, inputLocation: here, hiddenLocation: here)
    }
    if members.contains(where: { StateDictKey($0.key) != nil }) {
      return try stateDict(members, node: node, at: path, fields: fields)
    }
    throw fields.error(
      path, node,
      "not an RNN twin: expected \(listing(scalarKeys)), or a PyTorch nn.RNN "
        + "state_dict with weight_ih_l0 and weight_hh_l0")
  }

  /// The twin of a `--rnn` file: the twin itself, in either form, or a lesson whose `rnn` is
  /// taken.
  static func twinFile(_ bytes: [UInt8], file: String) throws(LessonError) -> RNNDraft {
    let node = try JSONParser.parse(bytes, file: file)
    let fields = JSONFields(site: JSONErrorSite(file: file))
    let isLesson = ["rnn", "model", "sequences", "title"].contains { node[$0] != nil }
    guard isLesson else { return try twin(node, at: .root, fields: fields) }
    let members = try fields.object(
      node, at: .root, known: LessonDecoding.lessonKeys, what: "a lesson")
    guard let rnn = members["rnn"], rnn.value != .null else {
      throw fields.error(
        .root, node,
        "the lesson has no RNN twin; add \"rnn\" to it (the scalar form "
          + "{\"stmWeight\", \"inputWeight\", \"bias\"} or an nn.RNN state_dict)")
    }
    return try twin(rnn, at: JSONPath.root.appending("rnn"), fields: fields)
  }

  /// A one-layer `nn.RNN` state_dict. Other modules' keys (`fc.weight`) are left out.
  private static func stateDict(
    _ members: [JSONMember], node: JSONNode, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> RNNDraft {
    let keys = members.compactMap { member in StateDictKey(member.key).map { (member, $0) } }
    let prefixes = Set(keys.map(\.1.prefix)).sorted()
    guard prefixes.count == 1, let prefix = prefixes.first else {
      throw fields.error(
        path, node,
        "the state_dict holds more than one RNN (prefixes \(listing(prefixes))); "
          + "give the twin on its own")
    }
    let expected =
      "expected \(prefix)weight_ih_l0, \(prefix)weight_hh_l0, \(prefix)bias_ih_l0 and "
      + "\(prefix)bias_hh_l0"
    for member in members where StateDictKey(member.key) == nil {
      let inside = prefix.isEmpty ? !member.key.contains(".") : member.key.hasPrefix(prefix)
      if inside {
        throw fields.error(
          path.appending(member.key), member.node,
          "unknown key in the RNN twin's state_dict; \(expected)")
      }
    }
    for (member, key) in keys where key.reverse || key.layer != 0 || key.parameter == "weight_hr" {
      let why =
        key.reverse
        ? "a bidirectional RNN; the twin is one direction"
        : key.layer != 0
          ? "a layer above layer 0; the twin is one layer (the _l0 keys)"
          : "unknown key in the RNN twin's state_dict; \(expected)"
      throw fields.error(path.appending(member.key), member.node, why)
    }
    func find(_ parameter: String) -> (JSONNode, JSONPath)? {
      let name = "\(prefix)\(parameter)_l0"
      return members.first { $0.key == name }.map { ($0.node, path.appending(name)) }
    }
    func require(_ parameter: String) throws(LessonError) -> (JSONNode, JSONPath) {
      guard let found = find(parameter) else {
        throw fields.error(
          path, node, "the RNN twin's state_dict is missing \(prefix)\(parameter)_l0")
      }
      return found
    }
    let (hhNode, hhPath) = try require("weight_hh")
    let n = try fields.list(hhNode, at: hhPath, what: "a matrix").count
    let lstmNote = n > 0 && n % 4 == 0 ? " (4n rows, as here, are an LSTM's)" : ""
    let hh = try fields.matrix(
      hhNode, at: hhPath, columns: n, why: "an nn.RNN's weight_hh is n×n\(lstmNote)")
    let (ihNode, ihPath) = try require("weight_ih")
    let ih = try fields.matrix(ihNode, at: ihPath, columns: nil, why: "")
    guard ih.rows == n else {
      throw fields.error(
        ihPath, ihNode,
        "has \(counted(ih.rows, "row")), but weight_hh has \(n): both need n rows")
    }
    var biases: [[Double]?] = []
    var lastBias: (JSONNode, JSONPath)?
    for parameter in ["bias_ih", "bias_hh"] {
      guard let (biasNode, biasPath) = find(parameter) else {
        biases.append(nil)
        continue
      }
      var values: [Double] = []
      try fields.numbers(biasNode, at: biasPath, into: &values, what: "a bias")
      guard values.count == n else {
        throw fields.error(
          biasPath, biasNode, "has \(counted(values.count, "number")), but the twin needs n = \(n)")
      }
      biases.append(values)
      lastBias = (biasNode, biasPath)
    }
    let layout = TorchLayout(prefix: prefix, inputBias: biases[0], stmBias: biases[1])
    let bias = TorchLayout.summedBias(inputBias: biases[0], stmBias: biases[1], count: n)
    if let (biasNode, biasPath) = lastBias, let k = bias.firstIndex(where: { !$0.isFinite }) {
      throw fields.error(biasPath.appending(k), biasNode, "bias_ih + bias_hh overflows a Double")
    }
    let model: RNNModel
    do {
      model = try RNNModel(
        inputSize: ih.columns, hiddenSize: n,
        weights: GateWeights(stmWeights: hh, inputWeights: ih, bias: bias))
    } catch {
      throw fields.error(path, node, error.message)
    }
    let site = fields.site
    return RNNDraft(
      model: model, layout: layout, file: site.file,
      location: site.error(path, node, "").location ?? "\(path)",
      inputLocation: site.error(ihPath, ihNode, "").location ?? "\(ihPath)",
      hiddenLocation: site.error(hhPath, hhNode, "").location ?? "\(hhPath)")
  }
}
