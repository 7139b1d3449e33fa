import LSTMCore

/// The names PyTorch's `nn.LSTM` gives its tensors, mapped to a model: `[prefix]weight_ih_l<k>`,
/// `weight_hh_l<k>`, `bias_ih_l<k>` and `bias_hh_l<k>`, each holding the gates' blocks in the
/// order i, f, g, o, with the two biases summed.
///
/// Layers 0 through the one shown are kept; other modules' tensors (`fc.weight`) are left out,
/// and said to be. Every layer is checked, so a file with a layer missing or broken is refused
/// whichever is shown. Projections (`weight_hr`) and the reverse direction are refused.
enum PyTorchLSTMNaming {
  /// The gates of PyTorch's blocks, in its order: i, f, g, o.
  static let gateOrder: [Gate] = [.input, .forget, .candidate, .output]

  /// Whether `name` is an `nn.LSTM` parameter's name.
  static func isParameter(_ name: String) -> Bool { StateDictKey(name) != nil }

  /// Layers 0 through `layer` of the one `nn.LSTM` in `tensors`.
  static func model(_ tensors: TensorSet, layer: Int) throws(LessonError) -> LayeredModel {
    let keys = tensors.entries.compactMap { entry in StateDictKey(entry.name).map { (entry, $0) } }
    let prefix = try onePrefix(of: keys.map(\.1), in: tensors)
    let ignored = try ignoredModules(in: tensors, prefix: prefix)
    try refuseOtherKinds(keys, in: tensors)
    let layers = try layerNumbers(keys.map(\.1), showing: layer, in: tensors)
    // Every layer is read, not only those up to the one shown: a state_dict with a broken
    // layer is the wrong file, whichever layer is asked for.
    var models: [LSTMModel] = []
    for k in layers {
      let model = try cell(layer: k, prefix: prefix, in: tensors)
      if let below = models.last, model.inputSize != below.hiddenSize {
        let name = "\(prefix)weight_ih_l\(k)"
        throw tensors.error(
          at: tensors[name]?.origin.location ?? name,
          "has \(counted(model.inputSize, "column")), but layer \(k - 1)'s hidden size is "
            + "\(below.hiddenSize): layer \(k) takes layer \(k - 1)'s STM as its input")
      }
      models.append(model)
    }
    return LayeredModel(
      lower: Array(models.prefix(layer)), shown: models[layer], layerCount: layers.count,
      ignoredModules: ignored)
  }

  /// The one module prefix of the LSTM's keys, such as `lstm.` or empty.
  private static func onePrefix(
    of keys: [StateDictKey], in tensors: TensorSet
  ) throws(LessonError) -> String {
    let prefixes = Set(keys.map(\.prefix)).sorted()
    guard prefixes.count == 1, let prefix = prefixes.first else {
      throw tensors.error(
        "the state_dict holds more than one LSTM (prefixes \(listing(prefixes))); "
          + "save the one to show on its own")
    }
    return prefix
  }

  /// The modules other than the LSTM, in the file's order; a key inside the LSTM that is not
  /// one of its parameters is refused.
  private static func ignoredModules(
    in tensors: TensorSet, prefix: String
  ) throws(LessonError) -> [String] {
    var ignored: [String] = []
    for entry in tensors.entries where StateDictKey(entry.name) == nil {
      let name = entry.name
      let insideLSTM = prefix.isEmpty ? !name.contains(".") : name.hasPrefix(prefix)
      guard !insideLSTM else {
        throw tensors.error(
          at: entry.origin.location,
          "unknown key in the LSTM's state_dict; expected \(prefix)weight_ih_l0, "
            + "\(prefix)weight_hh_l0, \(prefix)bias_ih_l0 and \(prefix)bias_hh_l0")
      }
      let module = String(name.prefix { $0 != "." })
      if !ignored.contains(module) { ignored.append(module) }
    }
    return ignored
  }

  /// Refuses the reverse direction of a bidirectional LSTM, and projections.
  private static func refuseOtherKinds(
    _ keys: [(TensorSet.Entry, StateDictKey)], in tensors: TensorSet
  ) throws(LessonError) {
    for (entry, key) in keys {
      if key.reverse {
        throw tensors.error(
          at: entry.origin.location, "a bidirectional LSTM; lstmviz shows a one-directional cell")
      }
      if key.parameter == "weight_hr" {
        throw tensors.error(
          at: entry.origin.location,
          "an LSTM with projections (proj_size); lstmviz shows the plain cell")
      }
    }
  }

  /// The layers the keys hold, 0 through L-1 with none left out, and among them `shown`.
  private static func layerNumbers(
    _ keys: [StateDictKey], showing shown: Int, in tensors: TensorSet
  ) throws(LessonError) -> [Int] {
    let layers = Set(keys.map(\.layer)).sorted()
    if let missing = (0..<layers.count).first(where: { layers[$0] != $0 }) {
      throw tensors.error(
        "layer \(missing) is missing: the state_dict has layers "
          + layers.map(String.init).joined(separator: ", ")
          + ", and an nn.LSTM numbers its layers from 0 with none left out")
    }
    guard layers.contains(shown) else {
      throw tensors.error(
        "no layer \(shown): the state_dict has layer\(layers.count == 1 ? "" : "s") "
          + layers.map(String.init).joined(separator: ", "))
    }
    return layers
  }
}
