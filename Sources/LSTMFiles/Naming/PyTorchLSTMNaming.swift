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

  /// Layers 0 through `layer` of the `nn.LSTM` or `nn.LSTMCell` in `tensors` (unwrapped from
  /// a Lightning checkpoint's `state_dict`, see `StateDictWrapper`).
  ///
  /// - Parameter lstm: which LSTM to take, by its prefix without the dot (`encoder`), when the
  ///   file holds several; nil when it holds one.
  static func model(
    _ tensors: TensorSet, layer: Int, lstm: String? = nil
  ) throws(LessonError) -> LayeredModel {
    let tensors = StateDictWrapper.unwrapped(tensors)
    let allKeys = tensors.entries.compactMap { entry in
      StateDictKey(entry.name).map { (entry, $0) }
    }
    let prefix = try chosenPrefix(of: allKeys.map(\.1), lstm: lstm, in: tensors)
    let keys = allKeys.filter { $0.1.prefix == prefix }
    let ignored = try ignoredModules(in: tensors, prefix: prefix)
    try refuseOtherKinds(keys, in: tensors)
    if keys.contains(where: { $0.1.layer == nil }) {
      return try cellModel(keys, prefix: prefix, layer: layer, ignored: ignored, in: tensors)
    }
    let layers = try layerNumbers(keys.map(\.1), showing: layer, in: tensors)
    // Every layer is read, not only those up to the one shown: a state_dict with a broken
    // layer is the wrong file, whichever layer is asked for. Layers above the one shown are checked without being built, so that a large file's
    // unused layers take no memory.
    var models: [LSTMModel] = []
    var layout: TorchLayout?
    var belowHidden: Int?
    for k in layers {
      let parts = try layerParts(layer: k, prefix: prefix, in: tensors)
      if let belowHidden, parts.inputSize != belowHidden {
        let name = "\(prefix)weight_ih_l\(k)"
        throw tensors.error(
          at: tensors[name]?.origin.location ?? name,
          "has \(counted(parts.inputSize, "column")), but layer \(k - 1)'s hidden size is "
            + "\(belowHidden): layer \(k) takes layer \(k - 1)'s STM as its input")
      }
      belowHidden = parts.hiddenSize
      if k <= layer {
        models.append(try parts.model(in: tensors))
        layout = parts.layout
      } else {
        try parts.checkFinite(in: tensors)
      }
    }
    return LayeredModel(
      lower: Array(models.prefix(layer)), shown: models[layer], layerCount: layers.count,
      ignoredModules: ignored, layout: layout)
  }

  /// The one layer of an `nn.LSTMCell` (keys with no layer suffix).
  private static func cellModel(
    _ keys: [(TensorSet.Entry, StateDictKey)], prefix: String, layer: Int, ignored: [String],
    in tensors: TensorSet
  ) throws(LessonError) -> LayeredModel {
    if let layered = keys.first(where: { $0.1.layer != nil }) {
      throw tensors.error(
        at: layered.0.origin.location,
        "mixes nn.LSTM keys (with a layer suffix _l0) and nn.LSTMCell keys (without) under "
          + "one prefix; save one module at a time")
    }
    guard layer == 0 else {
      throw tensors.error("no layer \(layer): an nn.LSTMCell has one layer, layer 0")
    }
    let parts = try layerParts(layer: nil, prefix: prefix, in: tensors)
    return LayeredModel(
      shown: try parts.model(in: tensors), ignoredModules: ignored, layout: parts.layout)
  }

  /// The prefix of the LSTM to show: the only one, or the one `lstm` names.
  private static func chosenPrefix(
    of keys: [StateDictKey], lstm: String?, in tensors: TensorSet
  ) throws(LessonError) -> String {
    var prefixes: [String] = []
    for key in keys where !prefixes.contains(key.prefix) { prefixes.append(key.prefix) }
    let names = prefixes.map(StateDictKey.lstmName)
    guard !prefixes.isEmpty else {
      throw tensors.error(
        "no LSTM in the file: expected weight_ih_l0 and weight_hh_l0 (nn.LSTM) or weight_ih and "
          + "weight_hh (nn.LSTMCell), under any module prefix; it holds "
          + (tensors.names.isEmpty ? "nothing" : listing(Array(tensors.names.prefix(4)))))
    }
    if let lstm {
      guard let k = names.firstIndex(of: lstm) else {
        throw tensors.error(
          "--lstm \(lstm.quoted): no LSTM of that name; the file holds \(lstmListing(names))")
      }
      return prefixes[k]
    }
    guard prefixes.count == 1, let prefix = prefixes.first else {
      throw tensors.error(
        "the file holds \(prefixes.count) LSTMs, \(listing(names)); choose one with --lstm NAME")
    }
    return prefix
  }

  /// `the LSTM "lstm"`, or `the LSTMs "encoder" and "decoder"`.
  private static func lstmListing(_ names: [String]) -> String {
    names.count == 1 ? "the LSTM \(listing(names))" : "the LSTMs \(listing(names))"
  }

  /// The modules other than the LSTM, in the file's order, each named as deep as it differs
  /// from the LSTM's prefix (`module.fc` beside `module.lstm.`); a key inside the LSTM that is
  /// not one of its parameters is refused.
  private static func ignoredModules(
    in tensors: TensorSet, prefix: String
  ) throws(LessonError) -> [String] {
    let lstmPath = prefix.split(separator: ".", omittingEmptySubsequences: false).dropLast()
    var ignored: [String] = []
    for entry in tensors.entries {
      let name = entry.name
      let key = StateDictKey(name)
      if let key, key.prefix != prefix {
        // Another LSTM's parameter: its module is left out.
      } else if key != nil {
        continue
      } else {
        let insideLSTM = prefix.isEmpty ? !name.contains(".") : name.hasPrefix(prefix)
        guard !insideLSTM else {
          throw tensors.error(
            at: entry.origin.location,
            "unknown key in the LSTM's state_dict; expected \(prefix)weight_ih_l0, "
              + "\(prefix)weight_hh_l0, \(prefix)bias_ih_l0 and \(prefix)bias_hh_l0")
        }
      }
      let parts = name.split(separator: ".", omittingEmptySubsequences: false)
      var shared = 0
      while shared < min(lstmPath.count, parts.count - 1), parts[shared] == lstmPath[shared] {
        shared += 1
      }
      let module = parts.prefix(shared + 1).joined(separator: ".")
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
    let layers = Set(keys.compactMap(\.layer)).sorted()
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
