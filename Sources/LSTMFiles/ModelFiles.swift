/// What a model file is, found from its bytes rather than its name: a binary file given where
/// JSON is expected is read as what it is, or refused saying what it is and what to do.
enum ModelFileKind: Equatable {
  /// JSON (or text that is not a model): read as a lesson or a JSON model, as always.
  case json
  /// safetensors: read.
  case safetensors
  /// A zip archive: a `torch.save` file is read; others (`.npz`, `.keras`) refused by name.
  case zip
  /// A PyTorch file of the legacy format (before torch 1.6): refused, saying how to re-save.
  case legacyTorch
  /// A plain pickle: refused (its globals checked first, so a hostile one is named).
  case pickle
  /// HDF5 (Keras `.h5`, `.weights.h5`).
  case hdf5
  /// ONNX (protobuf).
  case onnx
  /// A NumPy `.npy` array.
  case npy

  /// The kind of `bytes`, read from `path`.
  init(_ bytes: [UInt8], path: String) {
    let name = path.lowercased()
    func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      self = .zip
    } else if starts([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .hdf5
    } else if starts([0x93] + Array("NUMPY".utf8)) {
      self = .npy
    } else if starts([0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8]) {
      self = .legacyTorch
    } else if bytes.count >= 2, bytes[0] == 0x80, (2...5).contains(bytes[1]) {
      self = .pickle
    } else if name.hasSuffix(".safetensors") || Safetensors.looksLike(bytes) {
      self = .safetensors
    } else if name.hasSuffix(".onnx") || Self.looksLikeONNX(bytes) {
      self = .onnx
    } else {
      self = .json
    }
  }

  /// An ONNX ModelProto starts with its ir_version (field 1, a small varint), then another
  /// field: opset_import, producer_name, graph and the like.
  private static func looksLikeONNX(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 4 && bytes[0] == 0x08 && bytes[1] < 0x20
      && [0x12, 0x1A, 0x22, 0x2A, 0x3A, 0x42].contains(bytes[2])
  }
}

/// Reading a model file that is not JSON.
enum ModelFile {
  /// What to write instead, for the formats lstmviz refuses.
  static let resave =
    "save the state_dict with torch.save(model.state_dict(), \"model.pt\") (torch ≥ 1.6) or "
    + "with safetensors"

  /// Whether `bytes` are a binary model file rather than JSON.
  static func isBinary(_ bytes: [UInt8], path: String) -> Bool {
    ModelFileKind(bytes, path: path) != .json
  }

  /// The model in the binary model file `bytes`, or nil when it is JSON (to be read as it is).
  ///
  /// - Parameters:
  ///   - layer: the layer to show; nil for layer 0.
  ///   - lstm: which LSTM of a file holding several (`--lstm`).
  static func model(
    _ bytes: [UInt8], path: String, layer: Int?, lstm: String?
  ) throws(LessonError) -> LayeredModel? {
    func refuse(_ message: String) -> LessonError {
      LessonError(file: path, location: nil, message: message)
    }
    let tensors: TensorSet
    switch ModelFileKind(bytes, path: path) {
    case .json: return nil
    case .safetensors: tensors = try Safetensors.tensors(bytes, file: path)
    case .zip: tensors = try TorchSave.tensors(bytes, file: path)
    case .legacyTorch:
      throw refuse(
        "a PyTorch file in the legacy format of torch before 1.6, which lstmviz does not read; "
          + "re-save it: load it in Python and \(resave)")
    case .pickle:
      do {
        _ = try RestrictedUnpickler.read(bytes)
      } catch {
        let refused = error.message.hasPrefix("refused")
        throw LessonError(
          file: path, location: refused ? "pickle" : "pickle, byte \(error.offset)",
          message: error.message)
      }
      throw refuse("a plain pickle, not a torch.save archive; \(resave)")
    case .hdf5:
      throw refuse(
        "an HDF5 file (Keras .h5 or .weights.h5), which lstmviz does not read yet; "
          + "give a PyTorch state_dict (torch.save or safetensors)")
    case .onnx:
      throw refuse("an ONNX model (protobuf), which lstmviz does not read; \(resave)")
    case .npy:
      throw refuse("a NumPy .npy array, not a model; \(resave)")
    }
    return try PyTorchLSTMNaming.model(tensors, layer: layer ?? 0, lstm: lstm)
  }
}

extension ModelFile {
  /// `sources` with a binary model file given as LESSON taken as the `--model` file, which is
  /// what a student who types `lstmviz model.pt` means; refused when `--model` is given too.
  static func binaryLessonAsModel(
    _ sources: LessonSources, read: (String) throws(LessonError) -> [UInt8]
  ) throws(LessonError) -> LessonSources {
    guard let path = sources.lesson, !path.lowercased().hasSuffix(".json") else { return sources }
    let bytes = try read(path)
    guard isBinary(bytes, path: path) else { return sources }
    guard sources.model == nil else {
      throw LessonError(
        file: path, location: nil,
        message: "is a model file, not a lesson; give one model, with --model")
    }
    var sources = sources
    (sources.lesson, sources.model) = (nil, path)
    return sources
  }
}
