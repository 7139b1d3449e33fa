/// The `torch.save` container (the zip format of torch 1.6 and later, in `.pt`, `.pth` and
/// `.ckpt` files): an archive holding `NAME/data.pkl`, the pickled state_dict, and `NAME/data/K`,
/// each storage's raw little-endian numbers.
///
/// The pickle is read by `RestrictedUnpickler`, which runs nothing. Nested dicts are named with
/// dots (`state_dict.lstm.weight_ih_l0`); what is not a tensor is kept as unreadable. A stored
/// storage is read where it lies in the file's bytes; a compressed one is widened as ZIPFoundation
/// inflates it.
enum TorchSave {
  /// The tensors of the `torch.save` zip `bytes`, read from `file`.
  static func tensors(_ bytes: [UInt8], file: String) throws(LessonError) -> TensorSet {
    func fail(_ location: String?, _ message: String) -> LessonError {
      LessonError(file: file, location: location, message: message)
    }
    let stored = ZipDataOffsets.stored(in: bytes)
    let archive = try read(bytes, stored: stored, file: file)
    let pickle: RestrictedUnpickler.Result
    do {
      pickle = try RestrictedUnpickler.read(archive.pickle)
    } catch {
      let refused = error.message.hasPrefix("refused")
      throw fail(refused ? "data.pkl" : "data.pkl, byte \(error.offset)", error.message)
    }
    var flattener = PickleFlattener(objects: pickle.objects, file: file)
    let items = try flattener.items(of: pickle.value)
    var entries: [TensorSet.Entry] = []
    for (name, value) in items {
      let origin = TensorOrigin(place: name)
      guard case .tensor(let tensor) = value else {
        if case .int(let number) = value {
          entries.append(
            .tensor(NamedTensor(name: name, shape: [], values: [Double(number)], origin: origin)))
        } else if case .float(let number) = value {
          entries.append(
            .tensor(NamedTensor(name: name, shape: [], values: [number], origin: origin)))
        } else {
          entries.append(.unreadable(unreadable(name, origin, kind: value.kind, file: file)))
        }
        continue
      }
      let path = archive.folder + "data/" + tensor.storage.key
      guard let type = tensor.storage.type else {
        entries.append(
          .unreadable(
            unreadable(
              name, origin, kind: "a tensor of torch.\(tensor.storage.typeName)", file: file)))
        continue
      }
      let storageBytes = tensor.storage.count * tensor.storage.elementSize
      let data: TensorValues
      if let inflated = archive.inflated[path] {
        guard inflated.count == storageBytes else {
          throw fail(path, storageSizeMessage(inflated.count, tensor.storage))
        }
        data = try view(tensor, of: inflated, at: 0, type: type, name: name, file: file)
      } else if let (offset, size) = stored[path] {
        guard size == storageBytes else {
          throw fail(path, storageSizeMessage(size, tensor.storage))
        }
        data = try view(tensor, of: bytes, at: offset, type: type, name: name, file: file)
      } else {
        throw fail(name, "its storage \(path) is not in the archive")
      }
      entries.append(
        .tensor(NamedTensor(name: name, shape: tensor.shape, data: data, origin: origin)))
    }
    return TensorSet(file: file, location: "data.pkl", entries: entries)
  }

  private static func storageSizeMessage(_ size: Int, _ storage: PickleStorage) -> String {
    "holds \(size) bytes, but data.pkl says it holds \(storage.count) numbers of "
      + "torch.\(storage.typeName) (\(storage.count * storage.elementSize) bytes)"
  }

  private static func unreadable(
    _ name: String, _ origin: TensorOrigin, kind: String, file: String
  ) -> UnreadableTensor {
    UnreadableTensor(
      name: name, origin: origin, kind: kind, count: nil,
      error: { role in
        let what: String
        switch role {
        case .vector(let words): what = words
        case .matrix: what = "a matrix"
        }
        return LessonError(
          file: file, location: origin.location,
          message: "expected \(what) (a float tensor), found \(kind)")
      })
  }

  /// The numbers of `tensor`, a view of a storage whose bytes start at `start` of `bytes`,
  /// checked to lie inside it.
  private static func view(
    _ tensor: PickleTensor, of bytes: [UInt8], at start: Int, type: TensorElementType,
    name: String, file: String
  ) throws(LessonError) -> TensorValues {
    func fail(_ message: String) -> LessonError {
      LessonError(file: file, location: name, message: message)
    }
    guard tensor.shape.allSatisfy({ $0 >= 0 }), tensor.strides.allSatisfy({ $0 >= 0 }),
      tensor.offset >= 0
    else { throw fail("a negative size, stride or offset (\(describe(tensor)))") }
    var count = 1
    var last = tensor.offset
    for (size, stride) in zip(tensor.shape, tensor.strides) {
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      let (reach, farOverflow) = (max(size, 1) - 1).multipliedReportingOverflow(by: stride)
      guard !overflow, !farOverflow, product <= tensor.storage.count || size == 0 else {
        throw fail("a shape larger than its storage (\(describe(tensor)))")
      }
      count = product
      last += reach
    }
    guard count == 0 || last < tensor.storage.count else {
      throw fail(
        "reaches element \(last) of a storage of \(tensor.storage.count) (\(describe(tensor)))")
    }
    if TensorValues.isContiguous(shape: tensor.shape, strides: tensor.strides) {
      return .raw(bytes: bytes, offset: start + tensor.offset * type.size, type: type, count: count)
    }
    let storage = bytes.withUnsafeBytes { buffer in
      type.widen(buffer, from: start, count: tensor.storage.count)
    }
    return .strided(storage: storage, offset: tensor.offset, strides: tensor.strides)
  }

  private static func describe(_ tensor: PickleTensor) -> String {
    "shape \(tensor.shape), strides \(tensor.strides), offset \(tensor.offset)"
  }
}
