/// A value the restricted unpickler built: plain data, and the few things of PyTorch's that a
/// state_dict is made of. Lists and dicts are shared by reference, as in Python, so they live in
/// the unpickler's table (`PickleObjects`) and are named here by their index in it.
enum PickleValue: Sendable {
  /// `None`.
  case none
  /// `True` or `False`.
  case bool(Bool)
  /// An integer that fits in 64 bits.
  case int(Int)
  /// A float.
  case float(Double)
  /// A string.
  case string(String)
  /// Bytes.
  case bytes([UInt8])
  /// A tuple, and how deeply it nests.
  case tuple([PickleValue], depth: Int)
  /// A list or dict: its index in the table.
  case object(Int)
  /// One of the globals a state_dict needs (never anything that runs).
  case global(PickleGlobal)
  /// A storage, as `persistent_load` names it: an entry `data/KEY` of the archive.
  case storage(PickleStorage)
  /// A tensor: a view of a storage.
  case tensor(PickleTensor)

  /// How deeply it nests tuples (1 for a value that holds none).
  var depth: Int {
    if case .tuple(_, let depth) = self { return depth }
    return 1
  }

  /// What a person calls it: `a number`, `a string`.
  var kind: String {
    switch self {
    case .none: "None"
    case .bool: "True or False"
    case .int, .float: "a number"
    case .string: "a string"
    case .bytes: "bytes"
    case .tuple: "a tuple"
    case .object: "a list or dict"
    case .global(let global): global.name
    case .storage: "a storage"
    case .tensor: "a tensor"
    }
  }
}

/// A list or a dict, kept in the unpickler's table so that every reference sees one object.
enum PickleObject: Sendable {
  /// A list.
  case list([PickleValue])
  /// A dict (or OrderedDict), its items in order.
  case dict([(key: PickleValue, value: PickleValue)])
}

/// The globals the restricted unpickler knows: what `torch.load(weights_only=True)` allows for a
/// state_dict, and nothing that runs code.
enum PickleGlobal: Sendable, Equatable {
  /// `collections.OrderedDict`.
  case orderedDict
  /// `torch._utils._rebuild_tensor_v2`.
  case rebuildTensor
  /// `torch._utils._rebuild_parameter`.
  case rebuildParameter
  /// A storage class such as `torch.FloatStorage`; `type` nil for one whose numbers lstmviz
  /// does not read (integers, booleans).
  case storageType(name: String, type: TensorElementType?, size: Int)

  /// The storage classes, with their element types and sizes.
  static let storageTypes: [String: (TensorElementType?, Int)] = [
    "FloatStorage": (.float32, 4), "DoubleStorage": (.float64, 8), "HalfStorage": (.float16, 2),
    "BFloat16Storage": (.bfloat16, 2), "LongStorage": (nil, 8), "IntStorage": (nil, 4),
    "ShortStorage": (nil, 2), "CharStorage": (nil, 1), "ByteStorage": (nil, 1),
    "BoolStorage": (nil, 1),
  ]

  /// The global `module.name`, or nil when a state_dict never needs it.
  init?(module: String, name: String) {
    switch (module, name) {
    case ("collections", "OrderedDict"): self = .orderedDict
    case ("torch._utils", "_rebuild_tensor_v2"): self = .rebuildTensor
    case ("torch._utils", "_rebuild_parameter"): self = .rebuildParameter
    case ("torch", _):
      guard let (type, size) = Self.storageTypes[name] else { return nil }
      self = .storageType(name: name, type: type, size: size)
    default: return nil
    }
  }

  /// Its Python name.
  var name: String {
    switch self {
    case .orderedDict: "collections.OrderedDict"
    case .rebuildTensor: "torch._utils._rebuild_tensor_v2"
    case .rebuildParameter: "torch._utils._rebuild_parameter"
    case .storageType(let name, _, _): "torch.\(name)"
    }
  }
}

/// A storage named by `persistent_load`: `('storage', torch.FloatStorage, '0', 'cpu', 48)`.
struct PickleStorage: Sendable, Equatable {
  /// The archive entry's name under `data/`.
  var key: String
  /// The storage class.
  var typeName: String
  /// Its element type, nil for one lstmviz does not read.
  var type: TensorElementType?
  /// Bytes per element.
  var elementSize: Int
  /// How many elements it holds.
  var count: Int
}

/// A tensor as `_rebuild_tensor_v2` describes it: a view of a storage.
struct PickleTensor: Sendable, Equatable {
  /// The storage.
  var storage: PickleStorage
  /// The first element's index in the storage.
  var offset: Int
  /// The size of each dimension.
  var shape: [Int]
  /// How far apart, in elements, neighbours along each dimension are.
  var strides: [Int]
}
